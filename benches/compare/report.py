"""The table and the JSON of benches/compare.sh.

    python3 report.py WORK OUT KEY=VALUE...

WORK is the script's temporary folder: for each mode (full_screen, no_terminal) and program
a folder with the helper's result.json, and what the mode leaves beside it (script's timing
log, the screen captured half-way; or the program's stdout and stderr). The KEY=VALUE pairs
are the run's facts (date, machine, versions, commands). Prints the table in Markdown and
writes OUT, the figures as JSON.
"""

import json
import os
import sys

PROGRAMS = ("stretch", "termdown", "tclock")
MODES = {
    "full_screen": "full screen in a 100x30 tmux pane",
    "no_terminal": "no terminal (stdin /dev/null, stdout a file, no controlling terminal)",
}
MIB = 1024 * 1024


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return None


def terminal_bytes(timing_path):
    """Every byte the program wrote to its terminal: the sum of script's output records."""
    total = 0
    for line in (read_text(timing_path) or "").splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0] == "O":
            total += int(fields[2])
    return total


def last_line(text):
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def measure(mode, name, directory, planned_s):
    """One program's figures in one mode, or {"na": reason}."""
    raw = read_text(os.path.join(directory, "result.json"))
    if raw is None:
        return {"na": "no result: the program did not finish"}
    result = json.loads(raw)
    stopped = os.path.exists(os.path.join(directory, "stopped"))
    if result["signal"] or (result["exit"] != 0 and not stopped):
        if mode == "no_terminal":
            reason = last_line(read_text(os.path.join(directory, "stderr")))
        else:
            reason = ""
        status = (
            f"killed by signal {result['signal']}"
            if result["signal"]
            else f"exit status {result['exit']}"
        )
        return {"na": f"{status}: {reason}" if reason else status}
    wall_s = result["wall_ns"] / 1e9
    figures = {
        "wall_s": round(wall_s, 6),
        "drift_ms": None if stopped else round((wall_s - planned_s) * 1000, 1),
        "cpu_s": round((result["user_us"] + result["sys_us"]) / 1e6, 6),
        "user_s": round(result["user_us"] / 1e6, 6),
        "system_s": round(result["sys_us"] / 1e6, 6),
        "peak_rss_kib": result["maxrss_kib"],
        "wakeups": result["nvcsw"],
        "wakeups_per_s": round(result["nvcsw"] / wall_s, 3),
        "involuntary_switches": result["nivcsw"],
        "exit": result["exit"],
    }
    if stopped:
        figures["stopped"] = (
            "did not exit by itself: q pressed at the planned time"
            if mode == "full_screen"
            else "did not exit by itself: SIGTERM at the planned time"
        )
    if mode == "full_screen":
        figures["bytes"] = terminal_bytes(os.path.join(directory, "timing"))
        screen = read_text(os.path.join(directory, "screen.txt"))
        if screen is not None:
            lines = [line.rstrip() for line in screen.splitlines()]
            while lines and not lines[-1]:
                lines.pop()
            figures["non_blank_cells_at_half"] = sum(
                1 for line in lines for c in line if not c.isspace()
            )
            figures["screen_at_half"] = lines
    else:
        figures["bytes"] = sum(
            os.path.getsize(os.path.join(directory, f)) for f in ("stdout", "stderr")
        )
    return figures


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 4)


def startup(work):
    with open(os.path.join(work, "startup.json"), encoding="utf-8") as f:
        results = json.load(f)["results"]
    return {
        r["command"]: {
            "median_ms": round(r["median"] * 1000, 3),
            "mean_ms": round(r["mean"] * 1000, 3),
            "stddev_ms": round((r.get("stddev") or 0) * 1000, 3),
            "min_ms": round(r["min"] * 1000, 3),
            "cpu_ms_mean": round((r["user"] + r["system"]) * 1000, 3),
            "runs": len(r["times"]),
        }
        for r in results
    }


def get(modes, mode, name, key):
    return modes[mode][name].get(key)


def targets(modes, start, reference):
    rows = []
    machine = reference.get("drift_ms")

    def add(what, value, met):
        rows.append({"target": what, "stretch": value, "met": met})

    for mode, label in (("full_screen", "full screen"), ("no_terminal", "no terminal")):
        drift = get(modes, mode, "stretch", "drift_ms")
        add(
            f"drift within ±10 ms ({label})",
            f"{fmt_ms(drift)} (`sleep` measured the same way: {fmt_ms(machine)})",
            None if drift is None else abs(drift) <= 10,
        )
    for other, share in (("termdown", 20), ("tclock", 2)):
        mine = get(modes, "full_screen", "stretch", "cpu_s")
        theirs = get(modes, "full_screen", other, "cpu_s")
        r = ratio(mine, theirs)
        add(
            f"CPU ≤ 1/{share} of {other}'s (full screen)",
            f"{fmt_s(mine)} against {fmt_s(theirs)}: {fmt_ratio(r)}",
            None if r is None else r <= 1 / share,
        )
    mine = get(modes, "full_screen", "stretch", "bytes")
    theirs = get(modes, "full_screen", "termdown", "bytes")
    cells = get(modes, "full_screen", "stretch", "non_blank_cells_at_half")
    their_cells = get(modes, "full_screen", "termdown", "non_blank_cells_at_half")
    met = None
    if None not in (mine, theirs, cells, their_cells):
        met = mine <= theirs and cells > their_cells
    add(
        "bytes ≤ termdown's, while drawing more (full screen)",
        f"{fmt_int(mine)} against {fmt_int(theirs)} bytes; "
        f"{fmt_int(cells)} against {fmt_int(their_cells)} cells drawn at half-time",
        met,
    )
    for mode, label in (("full_screen", "full screen"), ("no_terminal", "no terminal")):
        rss = get(modes, mode, "stretch", "peak_rss_kib")
        add(f"peak RSS ≤ 5 MiB ({label})", fmt_mib(rss), None if rss is None else rss * 1024 <= 5 * MIB)
    for mode, label in (("full_screen", "full screen"), ("no_terminal", "no terminal")):
        per_s = get(modes, mode, "stretch", "wakeups_per_s")
        add(
            f"≤ 1.5 wake-ups a second ({label})",
            fmt_wakeups(modes[mode]["stretch"]),
            None if per_s is None else per_s <= 1.5,
        )
    for command, figures in start.items():
        add(
            f"start-up ≤ 3 ms: `stretch {command}`",
            f"{figures['median_ms']:.2f} ms (median)",
            figures["median_ms"] <= 3,
        )
    return rows


def fmt_ms(v):
    return "n/a" if v is None else f"{v:+.1f} ms"


def fmt_s(v):
    return "n/a" if v is None else f"{v:.3f} s"


def fmt_int(v):
    return "n/a" if v is None else f"{v:,}"


def fmt_mib(kib):
    return "n/a" if kib is None else f"{kib / 1024:.1f} MiB"


def fmt_wakeups(figures):
    if "wakeups" not in figures:
        return "n/a"
    return f"{figures['wakeups']:,} ({figures['wakeups_per_s']:.2f}/s)"


def fmt_ratio(r):
    if r is None:
        return "n/a"
    if r == 0:
        return "0"
    if r < 0.5:
        return f"1/{round(1 / r):,}"
    return f"{r:.2f}×"


ROWS = (
    ("drift", lambda f: "n/a (stopped)" if f.get("stopped") else fmt_ms(f.get("drift_ms")), None),
    ("CPU (user + system)", lambda f: fmt_s(f.get("cpu_s")), "cpu_s"),
    ("bytes", lambda f: fmt_int(f.get("bytes")), "bytes"),
    ("peak RSS", lambda f: fmt_mib(f.get("peak_rss_kib")), "peak_rss_kib"),
    ("wake-ups (voluntary context switches)", fmt_wakeups, "wakeups"),
    ("non-blank cells on screen at half-time", lambda f: fmt_int(f.get("non_blank_cells_at_half")), "non_blank_cells_at_half"),
)


def table(report):
    out = []
    modes = report["modes"]
    for mode, label in MODES.items():
        out.append(f"{label}, {report['planned_s']} s planned:")
        out.append("")
        out.append("| | stretch | termdown | tclock | stretch ÷ termdown | stretch ÷ tclock |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for title, show, key in ROWS:
            if key == "non_blank_cells_at_half" and mode != "full_screen":
                continue
            if key == "bytes" and mode == "full_screen":
                title = "bytes to the terminal"
            elif key == "bytes":
                title = "bytes to stdout and stderr"
            cells = []
            for name in PROGRAMS:
                f = modes[mode][name]
                cells.append("n/a" if "na" in f else show(f))
            for other in ("termdown", "tclock"):
                cells.append(fmt_ratio(report["ratios"][mode][other].get(key)) if key else "")
            out.append(f"| {title} | " + " | ".join(cells) + " |")
        if mode == "no_terminal":
            f = report["reference_sleep"]
            shown = f"n/a, {f['na']}" if "na" in f else f"drift {fmt_ms(f.get('drift_ms'))}"
            out.append(f"\nreference, `sleep {report['planned_s']}` measured the same way: {shown}")
        for name in PROGRAMS:
            f = modes[mode][name]
            if "na" in f:
                out.append(f"\n{name}: n/a, {f['na']}")
            elif f.get("stopped"):
                out.append(f"\n{name}: {f['stopped']}")
        out.append("")
    out.append("stretch full screen by the size of its pane (larger digits in the larger one):")
    out.append("")
    out.append("| pane | bytes to the terminal | bytes a second | CPU (user + system) | non-blank cells at half-time |")
    out.append("| --- | --- | --- | --- | --- |")
    for pane, f in report["stretch_by_pane"].items():
        if "na" in f:
            out.append(f"| {pane} | n/a, {f['na']} | | | |")
            continue
        per_s = f["bytes"] / f["wall_s"] if f.get("wall_s") else None
        out.append(
            f"| {pane} | {fmt_int(f.get('bytes'))} | "
            f"{'n/a' if per_s is None else f'{per_s:,.0f}'} | {fmt_s(f.get('cpu_s'))} | "
            f"{fmt_int(f.get('non_blank_cells_at_half'))} |"
        )
    out.append("")
    out.append(f"stretch's start-up (median of {report['startup_runs']} runs):")
    out.append("")
    out.append("| command | median | mean ± σ | CPU (user + system, mean) |")
    out.append("| --- | --- | --- | --- |")
    for command, f in report["startup"].items():
        out.append(
            f"| `stretch {command}` | {f['median_ms']:.2f} ms | "
            f"{f['mean_ms']:.2f} ± {f['stddev_ms']:.2f} ms | {f['cpu_ms_mean']:.2f} ms |"
        )
    out.append("")
    out.append("Targets:")
    out.append("")
    out.append("| target | stretch | met |")
    out.append("| --- | --- | --- |")
    for row in report["targets"]:
        met = {True: "met", False: "not met", None: "n/a"}[row["met"]]
        out.append(f"| {row['target']} | {row['stretch']} | {met} |")
    return "\n".join(out)


def main():
    work, out = sys.argv[1], sys.argv[2]
    facts = dict(arg.split("=", 1) for arg in sys.argv[3:])
    planned_s = int(facts["planned_s"])
    modes = {
        mode: {
            name: measure(mode, name, os.path.join(work, mode, name), planned_s)
            for name in PROGRAMS
        }
        for mode in MODES
    }
    ratios = {
        mode: {
            other: {
                key: ratio(modes[mode]["stretch"].get(key), modes[mode][other].get(key))
                for key in ("cpu_s", "bytes", "peak_rss_kib", "wakeups", "non_blank_cells_at_half")
            }
            for other in ("termdown", "tclock")
        }
        for mode in MODES
    }
    reference = measure("no_terminal", "sleep", os.path.join(work, "no_terminal", "sleep"), planned_s)
    # stretch again in a pane of 200x60, its digits larger: the same run, twice the screen.
    sizes = {
        "100x30": modes["full_screen"]["stretch"],
        "200x60": measure(
            "full_screen", "stretch_200x60",
            os.path.join(work, "full_screen", "stretch_200x60"), planned_s,
        ),
    }
    start = startup(work)
    term = read_text(os.path.join(work, "full_screen", "stretch", "term"))
    report = {
        "date": facts["date"],
        "machine": {
            "nproc": int(facts["nproc"]),
            "kernel": facts["kernel"],
            "load_average_before": facts["loadavg_before"],
            "load_average_after": facts["loadavg_after"],
        },
        "planned_s": planned_s,
        "pane": "100x30",
        "term_in_pane": (term or "").strip(),
        "versions": {k.split(".", 1)[1]: v for k, v in facts.items() if k.startswith("version.")},
        "commands": {k.split(".", 1)[1]: v for k, v in facts.items() if k.startswith("command.")},
        "modes": modes,
        "ratios": ratios,
        "reference_sleep": reference,
        "stretch_by_pane": sizes,
        "startup_runs": int(facts["startup_runs"]),
        "startup": start,
    }
    report["targets"] = targets(modes, start, reference)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(table(report))


if __name__ == "__main__":
    main()
