#!/usr/bin/env bash
# How long `cargo test` takes once everything is built: builds the tests first
# (`cargo test --no-run`), then times `cargo test` alone RUNS times (default 3) and prints
# each run's wall-clock seconds, the median and the fastest.
#
#   bash benches/test-time.sh        # three runs
#   bash benches/test-time.sh 5      # five runs
#
# Extra arguments after the count go to every `cargo test` (e.g. `-- --test-threads 2`).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
shift || true

echo "--- building the tests (not timed)"
cargo test --locked --no-run "$@" 2>&1 | tail -n 1

times=()
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    if ! cargo test --locked "$@" >/dev/null 2>&1; then
        echo "run $run: cargo test failed; run it by hand to see why" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    times+=("$seconds")
    printf 'run %d: %.1f s\n' "$run" "$seconds"
done

printf '%s\n' "${times[@]}" | sort -n | awk -v cores="$(nproc)" '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "cargo test after the build, %d runs on %d cores: median %.1f s, fastest %.1f s\n",
            NR, cores, median, t[1]
    }'
