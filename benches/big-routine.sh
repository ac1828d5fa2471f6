#!/usr/bin/env bash
# The largest routine the format allows, near its 1 MiB bound: 100 stretches, each with 20
# reps on both sides and 50 cues of its own, plus 50 of the routine's: 4,000 holds and
# about 400,000 cue events. Checks that it validates, then prints the peak memory
# (/usr/bin/time -f %M) and the wall time of `validate`, `show` and `show --format json`,
# and how many bytes each `show` writes. Run from the repository after
# `cargo build --profile dist` (what ships); `bash benches/big-routine.sh FILE` only
# writes the routine.
set -euo pipefail
cd "$(dirname "$0")/.."

generate() { # the routine, on standard output
  python3 - <<'PY'
import sys
pad = "stretch slowly and breathe out as you ease into it, keeping the movement smooth; " * 3
def text(prefix, n):
    return (prefix + pad)[:n].rstrip()
out = ['name = "The largest routine"', 'hold = "30s"', 'rest = "5s"', 'switch = "2s"']
out.append("cues = [")
out += [f'  "{text(f"Routine reminder {i:02}: ", 190)}",' for i in range(50)]
out.append("]")
for s in range(100):
    out += ["", "[[stretch]]", f'id = "stretch-{s:03}"', f'name = "Stretch number {s:03}"',
            'sides = "both"', 'side_label = "leg"', "reps = 20", "cues = ["]
    for c in range(50):
        line = text(f"Stretch {s:03} cue {c:02}: ", 190)
        # every fifth cue is timed, at 1 s to 10 s into the hold; the rest rotate
        if c % 5 == 0:
            out.append(f'  {{ at = "{c // 5 + 1}s", text = "{line}" }},')
        else:
            out.append(f'  "{line}",')
    out.append("]")
sys.stdout.write("\n".join(out) + "\n")
PY
}

if [ $# -eq 1 ]; then generate > "$1"; exit 0; fi

stretch="${STRETCH:-$PWD/target/dist/stretch}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big="$work/big.toml"
generate > "$big"
export XDG_CONFIG_HOME=/nonexistent NO_COLOR=1
echo "routine: $(wc -c < "$big") bytes (the bound is 1048576)"
"$stretch" validate "$big" >/dev/null || { echo "the routine does not validate"; exit 1; }

measure() { # peak RSS and wall time of one command, output discarded
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null
  read -r kib seconds < <(tail -n 1 "$work/time")
  echo "$((kib / 1024)) MiB peak, ${seconds} s"
}
echo "validate:            $(measure "$stretch" validate "$big")"
echo "show:                $(measure "$stretch" show "$big")"
echo "show --format json:  $(measure "$stretch" show --format json "$big")"
echo "  bytes of show:               $("$stretch" show "$big" | wc -c)"
echo "  bytes of show --format json: $("$stretch" show --format json "$big" | wc -c)"
