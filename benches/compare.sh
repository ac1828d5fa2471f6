#!/usr/bin/env bash
# stretch against termdown and tclock, side by side (issue 9): one stretch held 60 s against
# `termdown 60` and tclock's 60 s timer, each full-screen in a 100x30 tmux pane, and again
# with no terminal at all where the program can run so. For each it measures the drift
# (wall time from start to exit minus the planned time), the CPU time (user + system), the
# bytes written to the terminal, the peak RSS and the wake-ups (voluntary context
# switches), and for stretch the start-up of `list`, `show hamstrings` and `validate`
# (median of 200 runs); and `sleep 60` measured the same way, for the share of the drift
# that is the machine's. It prints a table with stretch's ratio to each program and its
# targets, and writes the figures to benches/results/latest.json. stretch also runs in a
# pane of 200x60, where its digits are larger: the bytes it writes there are reported
# beside those at 100x30.
#
#   bash benches/compare.sh        # about 7 minutes: six runs of 60 s, and the start-up
#
# From a fresh checkout it installs what it lacks: termdown with pip (into a virtual
# environment under target/ if pip may not install for the system's Python), tclock with
# `cargo install --locked clock-tui`, and tmux, hyperfine, script and a C compiler from the
# system's packages (apt-get, through sudo when not root). What is there already is used.
#
# How: each program runs under benches/compare/measure.c (wait4 on the program: CPU time in
# microseconds, peak RSS, context switches; wall time on the monotonic clock), inside
# `script`, whose timing log counts every byte the program writes to its terminal, inside a
# detached tmux session of 100x30. The programs get empty XDG folders of their own, and
# stretch runs with --no-log, so the user's files neither matter nor change. Temporary files
# go to a `mktemp -d` folder that is removed at the end.
#
# COMPARE_SECONDS=5 COMPARE_OUT=/tmp/try.json bash benches/compare.sh tries the script quickly
# (the README's figures are from the default 60 s and benches/results/latest.json);
# COMPARE_KEEP=1 keeps the temporary folder, with every byte each program wrote;
# COMPARE_ONLY=stretch measures stretch alone (full screen at both sizes, no terminal, and
# its start-up), without installing or running the others.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

planned=${COMPARE_SECONDS:-60}
only=${COMPARE_ONLY:-}
if [ -n "$only" ] && [ "$only" != stretch ]; then
    echo "COMPARE_ONLY may only be \"stretch\"" >&2
    exit 2
fi
out=${COMPARE_OUT:-$repo/benches/results/latest.json}
startup_runs=200

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- What it lacks, it installs ---------------------------------------------------------
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v script >/dev/null || missing+=(bsdutils)
command -v setsid >/dev/null || missing+=(util-linux)
command -v cc >/dev/null || missing+=(gcc)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing from the system's packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

tools="$repo/target/compare-tools"
if [ -z "$only" ]; then
find_termdown() { # the real script, not a shim (pyenv's would add a shell's start-up to it)
    local scripts user_base candidate
    scripts=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
    user_base=$(python3 -m site --user-base 2>/dev/null || true)
    for candidate in "$tools/venv/bin/termdown" "$scripts/termdown" "$user_base/bin/termdown"; do
        if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    command -v termdown
}
if ! termdown=$(find_termdown); then
    echo "installing termdown with pip"
    if ! python3 -m pip install --quiet termdown 2>/dev/null; then
        # A system Python that refuses (PEP 668), or one without pip: a virtual environment.
        python3 -m venv "$tools/venv" 2>/dev/null || {
            as_root apt-get update -qq
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            python3 -m venv "$tools/venv"
        }
        "$tools/venv/bin/pip" install --quiet termdown
    fi
    termdown=$(find_termdown)
fi

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! tclock=$(command -v tclock || { [ -x "$cargo_bin/tclock" ] && echo "$cargo_bin/tclock"; }); then
    echo "installing tclock with cargo install --locked clock-tui"
    cargo install --locked --quiet clock-tui
    tclock="$cargo_bin/tclock"
fi
fi

# --- stretch, the helper, and a place for everything temporary -----------------------------
cargo build --profile dist --locked --quiet
stretch="$repo/target/dist/stretch"

work=$(mktemp -d)
sock="$work/tmux.sock"
tm() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() {
    tm kill-server 2>/dev/null || true
    if [ -n "${COMPARE_KEEP:-}" ]; then
        echo "kept: $work (each program's typescript, timing log and screen half-way)"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
cc -O2 -o "$work/measure" "$repo/benches/compare/measure.c"

export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data"
export XDG_CACHE_HOME="$work/xdg/cache" XDG_STATE_HOME="$work/xdg/state"
unset NO_COLOR
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

# One stretch held for the planned time, with its cues, and no lead-in: the plan must be
# exactly the planned time, as stretch itself says.
plan=("$repo/tests/fixtures/bench/minute.toml" --only toe-touch --hold "${planned}s" --lead-in 0)
stretch_args=(run "${plan[@]}" --no-log)
plan_ms=$("$stretch" show "${plan[@]}" --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total_ms"])')
if [ "$plan_ms" != "$((planned * 1000))" ]; then
    echo "stretch plans ${plan_ms} ms, not ${planned} s" >&2
    exit 1
fi

planned_ms=$((planned * 1000))
half_ms=$((planned_ms / 2))
safety_ms=$((planned_ms + 30000))

q() { printf '%q' "$1"; } # quoted for a shell command line

wait_for() { # FILE SECONDS: poll until FILE exists, at most SECONDS
    local deadline=$((SECONDS + $2))
    while [ ! -e "$1" ]; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

run_full_screen() { # NAME EXITS_BY_ITSELF COLUMNSxROWS COMMAND...
    local name=$1 exits=$2 size=$3
    local dir="$work/full_screen/$name"
    shift 3
    mkdir -p "$dir"
    local q_at=$safety_ms
    [ "$exits" = yes ] || q_at=$planned_ms
    # The pane runs script, which records every byte; script runs the helper, which runs
    # the program: the screen is captured half-way, and q is pressed at q_at.
    {
        printf 'echo "$TERM" > %q\n' "$dir/term"
        printf 'exec'
        printf ' %q' "$work/measure" "$dir/result.json" \
            -a "$half_ms:tmux -S $(q "$sock") capture-pane -p -t bench > $(q "$dir/screen.txt")" \
            -a "$q_at:touch $(q "$dir/stopped"); tmux -S $(q "$sock") send-keys -t bench q" \
            -- "$@"
        printf '\n'
    } > "$dir/inner.sh"
    printf 'exec script -q -f -O %q -T %q -m advanced -c %q\n' \
        "$dir/typescript" "$dir/timing" "sh $(q "$dir/inner.sh")" > "$dir/pane.sh"
    echo "  $name: full screen, $size ($planned s)"
    SHELL=/bin/sh tm new-session -d -s bench -x "${size%x*}" -y "${size#*x}" "sh $(q "$dir/pane.sh")"
    wait_for "$dir/result.json" $((planned + 60)) || echo "    $name: no result" >&2
    local deadline=$((SECONDS + 10))
    while tm has-session -t bench 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
    done
    tm kill-server 2>/dev/null || true
}

run_no_terminal() { # NAME EXITS_BY_ITSELF COMMAND...
    local name=$1 exits=$2
    local dir="$work/no_terminal/$name"
    shift 2
    mkdir -p "$dir"
    local stop_at=$safety_ms
    [ "$exits" = yes ] || stop_at=$planned_ms
    echo "  $name: no terminal"
    # A session of its own has no controlling terminal; stdin, stdout and stderr are files.
    setsid -w "$work/measure" "$dir/result.json" \
        -a "$stop_at:touch $(q "$dir/stopped"); kill -TERM \$MEASURE_PID" \
        -- "$@" < /dev/null > "$dir/stdout" 2> "$dir/stderr" || true
}

loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "each program in turn (the machine's load average: $loadavg_before)"
run_full_screen stretch yes 100x30 "$stretch" "${stretch_args[@]}"
# Larger digits on a larger screen: the bytes must not grow with it.
run_full_screen stretch_200x60 yes 200x60 "$stretch" "${stretch_args[@]}"
if [ -z "$only" ]; then
    run_full_screen termdown yes 100x30 "$termdown" "$planned"
    # tclock 0.6.1 never exits by itself: its main loop does not look at -Q (auto quit). It
    # is stopped with q at the planned time.
    run_full_screen tclock no 100x30 "$tclock" timer -d "${planned}s" -Q
fi
run_no_terminal stretch yes "$stretch" "${stretch_args[@]}"
if [ -z "$only" ]; then
    run_no_terminal termdown yes "$termdown" "$planned"
    run_no_terminal tclock no "$tclock" timer -d "${planned}s" -Q
fi
# The machine's own share of the drift: `sleep` measured the same way (process start and
# exit, and how late a sleeping process is woken on this machine under its load).
run_no_terminal sleep yes sleep "$planned"

echo "start-up of stretch (hyperfine, $startup_runs runs each)"
hyperfine -N --style basic --warmup 20 --runs "$startup_runs" --export-json "$work/startup.json" \
    -n list "$(q "$stretch") list" -n "show hamstrings" "$(q "$stretch") show hamstrings" \
    -n validate "$(q "$stretch") validate" > "$work/hyperfine.txt"
loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)

tclock_version=$(cargo install --list 2>/dev/null | sed -n 's/^clock-tui v\([0-9.]*\):$/\1/p')
termdown_version=unknown
if [ -n "${termdown:-}" ]; then termdown_version=$("$termdown" --version | cut -d' ' -f2); fi
mkdir -p "$(dirname "$out")"
python3 "$repo/benches/compare/report.py" "$work" "$out" \
    "planned_s=$planned" \
    "startup_runs=$startup_runs" \
    "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "nproc=$(nproc)" \
    "kernel=$(uname -r)" \
    "loadavg_before=$loadavg_before" \
    "loadavg_after=$loadavg_after" \
    "version.stretch=$("$stretch" --version | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))" \
    "version.termdown=$termdown_version" \
    "version.tclock=${tclock_version:-unknown}" \
    "version.tmux=$(tmux -V | cut -d' ' -f2)" \
    "version.hyperfine=$(hyperfine --version | cut -d' ' -f2)" \
    "command.stretch=stretch ${stretch_args[*]/#$repo\//}" \
    "command.termdown=termdown $planned" \
    "command.tclock=tclock timer -d ${planned}s -Q"
echo "written: ${out#"$repo"/}"
