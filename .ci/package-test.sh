#!/usr/bin/env bash
# Tests the Debian package that dist.sh makes, on this machine: installs it (dpkg -i),
# checks that `man stretch` finds and renders its page without a warning and that bash with
# bash-completion completes `stretch run de<Tab>` to `desk` (and zsh and fish, where they
# are installed), then removes it (dpkg -r) and checks that nothing it installed is left.
#
#   bash .ci/package-test.sh target/dist/stretch-timer_0.1.0-1_amd64.deb
#
# Needs dpkg, and root or sudo. Installs man-db, bash-completion and tmux with apt-get
# when they are missing. Refuses to run where the package is installed already, so that it
# never removes a copy someone uses.
set -euo pipefail

deb=${1:?usage: bash .ci/package-test.sh PACKAGE.deb}
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo

step() { printf -- '--- %s\n' "$*"; }
fail() {
    printf 'FAILED: %s\n' "$*" >&2
    exit 1
}

missing=()
command -v man > /dev/null || missing+=(man-db)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
command -v tmux > /dev/null || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
    step "installing what the test needs: ${missing[*]}"
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

package=$(dpkg-deb --field "$deb" Package)
if dpkg -s "$package" > /dev/null 2>&1; then
    fail "$package is installed already; remove it first (dpkg -r $package)"
fi
work=$(mktemp -d)
session=stretch-package-test-$$
cleanup() {
    tmux kill-session -t "$session" 2> /dev/null || true
    if dpkg -s "$package" > /dev/null 2>&1; then
        $sudo dpkg -r "$package" > /dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "dpkg -i $deb"
$sudo dpkg -i "$deb"
dpkg -L "$package" > "$work/files"
sed 's/^/    /' "$work/files"
[ -x /usr/bin/stretch ] || fail "no /usr/bin/stretch"

step "man stretch"
page=$(man -w stretch)
[ "$page" = /usr/share/man/man1/stretch.1.gz ] || fail "man finds $page"
MANPAGER=cat MANWIDTH=80 LANG=C.UTF-8 man --warnings stretch > "$work/man.txt" 2> "$work/man.err"
[ ! -s "$work/man.err" ] || fail "man warns: $(cat "$work/man.err")"
for heading in NAME SYNOPSIS COMMANDS 'EXIT STATUS' FILES ENVIRONMENT; do
    grep -qx "$heading" "$work/man.txt" || fail "no $heading in the rendered page"
done
head -n 8 "$work/man.txt" | sed 's/^/    /'

# Types `stretch run de` and one Tab into SHELL started in a clean HOME, and waits for the
# line to read `stretch run desk`.
completes_desk() {
    local shell=$1
    local home=$work/home-$shell
    mkdir -p "$home"
    case $shell in
        bash) printf '%s\n' "source /usr/share/bash-completion/bash_completion" "PS1='ready> '" > "$home/.bashrc" ;;
        zsh) printf '%s\n' "autoload -Uz compinit && compinit" "PS1='ready> '" > "$home/.zshrc" ;;
        fish)
            mkdir -p "$home/.config/fish"
            printf '%s\n' "set -g fish_greeting ''" "function fish_prompt; echo -n 'ready> '; end" \
                > "$home/.config/fish/config.fish"
            ;;
    esac
    tmux new-session -d -s "$session" -x 100 -y 10 \
        "env -i HOME=$home TERM=xterm-256color PATH=/usr/bin:/bin $shell -i"
    local tries=0
    until tmux capture-pane -p -t "$session" | grep -q 'ready>'; do
        tries=$((tries + 1))
        [ "$tries" -lt 200 ] || fail "$shell never showed its prompt"
        sleep 0.1
    done
    tmux send-keys -t "$session" 'stretch run de' Tab
    tries=0
    until tmux capture-pane -p -t "$session" | grep -q 'stretch run desk'; do
        tries=$((tries + 1))
        if [ "$tries" -ge 200 ]; then
            tmux capture-pane -p -t "$session" >&2
            fail "$shell did not complete stretch run de<Tab> to desk"
        fi
        sleep 0.1
    done
    tmux capture-pane -p -t "$session" | grep 'stretch run desk' | sed "s/^/    $shell: /"
    tmux kill-session -t "$session"
}

step "bash with bash-completion: stretch run de<Tab>"
completes_desk bash
for shell in zsh fish; do
    if command -v "$shell" > /dev/null; then
        step "$shell: stretch run de<Tab>"
        completes_desk "$shell"
    else
        step "$shell: skipped, not installed"
    fi
done

step "dpkg -r $package"
$sudo dpkg -r "$package"
dpkg -s "$package" > /dev/null 2>&1 && fail "$package is still known to dpkg"
left=0
while IFS= read -r path; do
    if [ -d "$path" ] && [ ! -L "$path" ]; then
        # A folder may stay only if another package owns it too.
        if dpkg -S "$path" > /dev/null 2>&1; then continue; fi
        echo "left behind: the folder $path" >&2
        left=1
    elif [ -e "$path" ] || [ -L "$path" ]; then
        echo "left behind: $path" >&2
        left=1
    fi
done < "$work/files"
[ "$left" -eq 0 ] || fail "files were left behind"
echo "    none of the $(wc -l < "$work/files") paths it installed is left"

step "the package test passed"
