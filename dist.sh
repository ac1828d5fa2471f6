#!/usr/bin/env bash
# Makes what ships, into target/dist/:
#
#   stretch-VERSION-x86_64-unknown-linux-musl.tar.gz   the static binary, its manual page,
#                                                      its bash, zsh and fish completions,
#                                                      README.md, LICENSE and CHANGELOG.md
#   stretch-timer_VERSION-1_amd64.deb                  the same binary, with the page and
#                                                      the completions where man, bash,
#                                                      zsh and fish look for them
#   SHA256SUMS                                         the checksums of both
#
# and first checks that the code builds with the oldest Rust it claims (Cargo.toml's
# rust-version) and for macOS. The binary is built with the `dist` profile (Cargo.toml);
# the manual page and the completions are written by that binary itself.
#
#   bash dist.sh        # about 5 minutes on 2 cores once the toolchains are there
#
# What it lacks it installs: the musl and aarch64-apple-darwin targets and the 1.89
# toolchain with rustup, and cargo-deb with `cargo install --locked`. Then, to test the
# package on this machine (as root; it installs and removes it):
#
#   bash .ci/package-test.sh target/dist/stretch-timer_*.deb
set -euo pipefail
cd "$(dirname "$0")"

target=x86_64-unknown-linux-musl
macos=aarch64-apple-darwin
msrv=$(sed -n 's/^rust-version = "\([0-9.]*\)".*/\1/p' Cargo.toml)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out=target/dist
assets=target/assets

step() { printf -- '--- %s\n' "$*"; }

has_target() { rustup target list --installed | grep -qx "$1"; }

step "the oldest Rust it claims: cargo +$msrv check --locked"
if ! rustup toolchain list | grep -q "^$msrv"; then
    rustup toolchain install "$msrv" --profile minimal
fi
cargo "+$msrv" check --locked

step "macOS: cargo check --locked --target $macos"
has_target "$macos" || rustup target add "$macos"
cargo check --locked --target "$macos"

step "the static binary: cargo build --locked --profile dist --target $target"
has_target "$target" || rustup target add "$target"
cargo build --locked --profile dist --target "$target"
binary=target/$target/dist/stretch
file "$binary" 2>/dev/null || true

step "the manual page and the completions, written by the binary itself"
rm -rf "$assets"
mkdir -p "$assets"
"$binary" man > "$assets/stretch.1"
"$binary" completions bash > "$assets/stretch.bash"
"$binary" completions zsh > "$assets/_stretch"
"$binary" completions fish > "$assets/stretch.fish"
# The package's extended description: the README's first paragraph (the lines after its
# title up to the first blank line), as one line that dpkg wraps, without Markdown's
# backticks.
awk 'NR > 1 && /^$/ && started { exit } NR > 1 && !/^$/ { started = 1; print }' README.md \
    | tr -d '`' | paste -s -d ' ' > "$assets/description.txt"
test -s "$assets/description.txt"

step "the tarball"
name=stretch-$version-$target
stage=$out/$name
rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$stage/completions"
cp "$binary" "$stage/stretch"
cp "$assets/stretch.1" "$stage/stretch.1"
cp "$assets/stretch.bash" "$assets/_stretch" "$assets/stretch.fish" "$stage/completions/"
cp README.md LICENSE CHANGELOG.md "$stage/"
# The same bytes from the same sources: names sorted, owner and times fixed.
mtime=$(git log -1 --format=%cI 2>/dev/null || echo 2026-01-01T00:00:00Z)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
    -C "$out" -czf "$out/$name.tar.gz" "$name"
rm -rf "$stage"

step "the Debian package: cargo deb"
if ! cargo deb --version > /dev/null 2>&1; then
    cargo install --locked cargo-deb
fi
rm -f "$out"/*.deb
cargo deb --no-build --no-strip --profile dist --target "$target" --output "$out/"

step "SHA256SUMS"
(cd "$out" && sha256sum -- *.tar.gz *.deb > SHA256SUMS && cat SHA256SUMS)

step "done: $out"
ls -l "$out"/*.tar.gz "$out"/*.deb "$out/SHA256SUMS"
