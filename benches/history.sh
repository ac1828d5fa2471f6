#!/usr/bin/env bash
# Times `stretch due` and `stretch log` (text, JSON and CSV) on a 100,000-line history
# against an empty one, with hyperfine, and gives the peak memory of each `log`. The
# history: three sessions a day going back from yesterday, with a day missed every ninth
# day (so the streak `due` reads back is at most eight days), and no session today, so
# `due` takes its slower path and prints its nudge.
#
#   bash benches/history.sh                             # builds the binary that ships (profile dist) first
#   STRETCH=path/to/stretch bash benches/history.sh     # measures another build
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { apt-get install -y hyperfine >/dev/null; }
if [ -z "${STRETCH:-}" ]; then cargo build --profile dist --quiet; fi
stretch="${STRETCH:-$PWD/target/dist/stretch}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/full/stretch"

perl -MPOSIX=strftime -e '
    my $lines = 100_000;
    my $day = int(time / 86400) - 1;              # yesterday (UTC)
    my @out;
    while (@out < $lines) {
        if ($day % 9 != 4) {
            for my $hour (7, 12, 18) {
                last if @out >= $lines;
                my $t = $day * 86400 + $hour * 3600;
                my $start = strftime("%Y-%m-%dT%H:%M:%S+00:00", gmtime $t);
                my $end = strftime("%Y-%m-%dT%H:%M:%S+00:00", gmtime($t + 420));
                push @out, qq({"v":1,"start":"$start","end":"$end","routine":"hamstrings","source":"built-in","planned_s":420,"active_s":330,"holds_done":11,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}\n);
            }
        }
        $day--;
    }
    print reverse @out;
' > "$work/full/stretch/history.jsonl"
echo "history: $(wc -l < "$work/full/stretch/history.jsonl") lines, $(du -h "$work/full/stretch/history.jsonl" | cut -f1)"

# `due` exits 1 when today does not count yet: -i lets hyperfine time it anyway.
hyperfine -N -i --warmup 20 --runs 300 \
    -n "due, empty history" "env XDG_DATA_HOME=$work/empty TZ=UTC $stretch due" \
    -n "due, 100,000 lines" "env XDG_DATA_HOME=$work/full TZ=UTC $stretch due"
hyperfine -N --warmup 5 --runs 50 \
    -n "log, empty history" "env XDG_DATA_HOME=$work/empty TZ=UTC $stretch log" \
    -n "log, 100,000 lines" "env XDG_DATA_HOME=$work/full TZ=UTC $stretch log" \
    -n "log --format json, 100,000 lines" "env XDG_DATA_HOME=$work/full TZ=UTC $stretch log --format json" \
    -n "log --format csv, 100,000 lines" "env XDG_DATA_HOME=$work/full TZ=UTC $stretch log --format csv"
for format in text json csv; do
  /usr/bin/time -f '%M' -o "$work/peak" env XDG_DATA_HOME="$work/full" TZ=UTC "$stretch" log --format "$format" >/dev/null
  echo "log --format $format, 100,000 lines: $(( $(tail -n 1 "$work/peak") / 1024 )) MiB peak"
done
