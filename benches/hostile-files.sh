#!/usr/bin/env bash
# What a hostile routine file costs: a 1 MiB file of `=` lines (1.5 million TOML syntax
# problems), checked by `validate` (peak memory), `validate --format json` (bytes written),
# and six of them in the routine folder under `list` and `run nosuch` (peak memory, time).
# Run from the repository after `cargo build --profile dist` (what ships); prints one line
# per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
stretch="$PWD/target/dist/stretch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c "import sys; sys.stdout.write('=\n' * (1024 * 1024 // 2))" > "$work/hostile.toml"
mkdir -p "$work/config/stretch/routines"
for i in 1 2 3 4 5 6; do cp "$work/hostile.toml" "$work/config/stretch/routines/h$i.toml"; done
export XDG_CONFIG_HOME="$work/config" NO_COLOR=1

peak() { # peak RSS in MiB and wall time in seconds of one command, output discarded
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r kib seconds < <(tail -n 1 "$work/time")
  echo "$((kib / 1024)) MiB, ${seconds} s"
}
echo "validate FILE:                $(XDG_CONFIG_HOME=/nonexistent peak "$stretch" validate "$work/hostile.toml")"
echo "validate --format json FILE:  $(XDG_CONFIG_HOME=/nonexistent peak "$stretch" validate --format json "$work/hostile.toml")"
echo "  JSON bytes:                 $("$stretch" validate --format json "$work/hostile.toml" | wc -c)"
echo "list, six such files:         $(peak "$stretch" list)"
echo "run nosuch, six such files:   $(peak "$stretch" run nosuch)"
