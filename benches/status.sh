#!/usr/bin/env bash
# Times `stretch status` (text and waybar, breaks every 50 minutes) with hyperfine on an
# empty history, a 1,000-line one and a 100,000-line one, each with a state file: status
# reads the history's end, only as far back as the streak goes, so the three should take
# the same time, within 3 ms. The histories: three sessions a day going back from today
# (the last ended an hour ago), with a day missed every ninth day (so the streak is at
# most nine days), the same recent days in both; the config file sets `every`.
#
#   bash benches/status.sh                             # builds the binary that ships (profile dist) first
#   STRETCH=path/to/stretch bash benches/status.sh     # measures another build
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { apt-get install -y hyperfine >/dev/null; }
if [ -z "${STRETCH:-}" ]; then cargo build --profile dist --quiet; fi
stretch="${STRETCH:-$PWD/target/dist/stretch}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

history() { # LINES: the history, on standard output
    perl -MPOSIX=strftime -e '
        my $lines = $ARGV[0];
        my $now = time - 3600;                        # the last session ended an hour ago
        my $day = int($now / 86400);
        my @out;
        while (@out < $lines) {
            if ($day % 9 != 4) {
                for my $hour (7, 12, 18) {
                    last if @out >= $lines;
                    my $t = $day * 86400 + $hour * 3600;
                    next if $t + 420 > $now;
                    my $start = strftime("%Y-%m-%dT%H:%M:%S+00:00", gmtime $t);
                    my $end = strftime("%Y-%m-%dT%H:%M:%S+00:00", gmtime($t + 420));
                    push @out, qq({"v":1,"start":"$start","end":"$end","routine":"desk","source":"built-in","planned_s":420,"active_s":330,"holds_done":11,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}\n);
                }
            }
            $day--;
        }
        print reverse @out;
    ' "$1"
}

for size in empty 1000 100000; do
    mkdir -p "$work/$size/data/stretch" "$work/$size/state/stretch" "$work/$size/config/stretch"
    if [ "$size" != empty ]; then history "$size" > "$work/$size/data/stretch/history.jsonl"; fi
    echo 'every = "50m"' > "$work/$size/config/stretch/config.toml"
    printf '{"nudged":"%s"}\n' "$(date -u -d '-10 minutes' +%Y-%m-%dT%H:%M:%SZ)" \
        > "$work/$size/state/stretch/workday.json"
done
for size in 1000 100000; do
    echo "history of $size lines: $(du -h "$work/$size/data/stretch/history.jsonl" | cut -f1)," \
        "status says: $(XDG_DATA_HOME=$work/$size/data XDG_STATE_HOME=$work/$size/state \
        XDG_CONFIG_HOME=$work/$size/config "$stretch" status)"
done

# Each size on its own, its folders exported, so that hyperfine times `stretch` alone (not
# an `env` in front of it); perf stat's task-clock, where perf is installed, is the CPU
# time, which a loaded machine does not stretch as it does the wall time. TZ is unset, as
# on most desktops (the system's zone, /etc/localtime); last, the 100,000 lines again with
# TZ naming a zone.
unset TZ
for size in empty 1000 100000 100000-TZ; do
    folder=$work/${size%-TZ}
    export XDG_DATA_HOME=$folder/data XDG_STATE_HOME=$folder/state \
        XDG_CONFIG_HOME=$folder/config
    if [ "$size" = 100000-TZ ]; then export TZ=Europe/Berlin; fi
    hyperfine -N --warmup 50 --runs 500 \
        -n "status, $size" "$stretch status" \
        -n "status --format waybar, $size" "$stretch status --format waybar"
    if command -v perf >/dev/null; then
        perf stat -r 300 "$stretch" status 2>&1 >/dev/null | grep -E 'task-clock|elapsed'
    fi
done
