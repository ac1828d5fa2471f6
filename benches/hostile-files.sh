#!/usr/bin/env bash
# What hostile files cost: peak memory (/usr/bin/time -f %M) and wall time of one run each,
# output discarded. Run from the repository after `cargo build --profile dist` (what ships); prints one line
# per figure. `STRETCH=path/to/stretch bash benches/hostile-files.sh` measures another build.
#
# - a 1 MiB file of `=` lines (1.5 million TOML syntax problems): `validate` in text and
#   JSON, and six of them in the routine folder under `list` and `run nosuch`;
# - 1 MiB files on one line, each shape its own way of costing the reader (tables, values,
#   tokens, problems): `validate`, and six of them under `validate` and `list`;
# - one of them as the config file, under `due`;
# - a link to /dev/zero in a tone's place, under `run --sound`;
# - a sparse 1 GB history (NULs, no newline), under `log` and `due`.
set -euo pipefail
cd "$(dirname "$0")/.."
stretch="${STRETCH:-$PWD/target/dist/stretch}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 TZ=UTC

peak() { # peak RSS in MiB and wall time in seconds of one command, output discarded
  local status=0
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null 2>&1 || status=$?
  read -r kib seconds < <(tail -n 1 "$work/time")
  echo "$((kib / 1024)) MiB, ${seconds} s$( ((status > 1)) && echo ", ended with status $status")"
}

# The lines of `=`.
python3 -c "import sys; sys.stdout.write('=\n' * (1024 * 1024 // 2))" > "$work/hostile.toml"
mkdir -p "$work/lines/stretch/routines"
for i in 1 2 3 4 5 6; do cp "$work/hostile.toml" "$work/lines/stretch/routines/h$i.toml"; done
echo "validate FILE (= lines):          $(XDG_CONFIG_HOME=/nonexistent peak "$stretch" validate "$work/hostile.toml")"
echo "validate --format json FILE:      $(XDG_CONFIG_HOME=/nonexistent peak "$stretch" validate --format json "$work/hostile.toml")"
echo "  JSON bytes:                     $(XDG_CONFIG_HOME=/nonexistent "$stretch" validate --format json "$work/hostile.toml" | wc -c)"
echo "list, six such files:             $(XDG_CONFIG_HOME="$work/lines" peak "$stretch" list)"
echo "run nosuch, six such files:       $(XDG_CONFIG_HOME="$work/lines" peak "$stretch" run nosuch)"

# The files on one line, each 1 MiB at most.
mkdir -p "$work/one-line/stretch/routines"
python3 - "$work/one-line/stretch/routines" <<'PY'
import sys
folder = sys.argv[1]
size = 1024 * 1024
shapes = {
    "inline-tables": ("a = [", "{a=1},"),   # a table each: 250 MB before
    "integers": ("a = [", "1,"),
    "keys": ("", "a=1 "),                   # tokens skipped as not TOML
    "equals": ("", "="),                    # a problem a byte, 100 rendered
    "escapes": ("a = \"", "y" * 998 + "\\q"),   # problems spread along the line
    "inline-keys": ("a = {", "b=1,"),
}
for name, (start, piece) in shapes.items():
    text = start + piece * ((size - len(start)) // len(piece))
    open(f"{folder}/{name}.toml", "w").write(text)
PY
for file in "$work"/one-line/stretch/routines/*.toml; do
  printf 'validate %-24s  %s\n' "$(basename "$file"):" "$(XDG_CONFIG_HOME=/nonexistent peak "$stretch" validate "$file")"
done
echo "validate, those six in the folder: $(XDG_CONFIG_HOME="$work/one-line" peak "$stretch" validate)"
echo "list, those six in the folder:     $(XDG_CONFIG_HOME="$work/one-line" peak "$stretch" list)"
mkdir -p "$work/config/stretch" "$work/data"
cp "$work/one-line/stretch/routines/inline-tables.toml" "$work/config/stretch/config.toml"
echo "due, one as the config file:       $(XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" peak "$stretch" due)"

# A link to /dev/zero in a tone's place, a player that plays nothing, and a routine of one
# 1-second hold. At most 2 GiB of address space and 60 s: a build that reads the link
# without end stops there, rather than taking the machine's memory.
mkdir -p "$work/cache/stretch/tones-v1"
ln -s /dev/zero "$work/cache/stretch/tones-v1/start.wav"
printf '#!/bin/sh\n' > "$work/player"; chmod +x "$work/player"
printf 'name = "One"\nlead_in = 0\n[[stretch]]\nname = "Hold"\nhold = "1s"\n' > "$work/one.toml"
echo "run --sound, start.wav -> /dev/zero: $(XDG_CONFIG_HOME=/nonexistent XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" STRETCH_SOUND_COMMAND="$work/player" \
  peak sh -c 'ulimit -v 2097152; exec timeout 60 "$@"' sh "$stretch" run --plain --no-log --sound "$work/one.toml")"

# A sparse history of 1 GB: no disk, all NULs, one line with no end.
mkdir -p "$work/sparse/stretch"
truncate -s 1000000000 "$work/sparse/stretch/history.jsonl"
XDG_DATA_HOME="$work/sparse" "$stretch" log --format json >/dev/null 2>&1 || true  # warm up
for format in text json csv; do
  printf 'log --format %-4s, 1 GB sparse:   %s\n' "$format" "$(XDG_DATA_HOME="$work/sparse" peak "$stretch" log --format "$format")"
done
echo "due, 1 GB sparse history:         $(XDG_DATA_HOME="$work/sparse" peak "$stretch" due)"
