//! The flags that choose stretches and timing (`--only`, `--skip`, `--level`, `--hold`,
//! `--rest`, `--switch`, `--lead-in`) on `run` and `show`: the same flags give the same
//! plan, and `show` previews exactly what `run` runs.

use serde_json::Value;

use crate::support::{Stretch, fixture};

fn sides() -> String {
    fixture("options/sides.toml").display().to_string()
}

/// The phases a plain run went through: start in whole seconds, kind, and length as the
/// line gives it (`hold (2s): ...` is `("hold", "2s")`).
fn phases_run(args: &[&str]) -> Vec<(u64, String, String)> {
    // No voice nor player: nothing outside the run that a short phase could cut off.
    let run = Stretch::new()
        .args(["run", &sides()])
        .args(args)
        .fast()
        .run();
    run.expect_code(0)
        .stdout
        .lines()
        .filter_map(|line| {
            let (stamp, text) = line.split_once("  ")?;
            let (minutes, seconds) = stamp.split_once(':')?;
            let start = minutes.parse::<u64>().ok()? * 60 + seconds.parse::<u64>().ok()?;
            let (title, rest) = text.split_once(" (")?;
            let (length, _) = rest.split_once(')')?;
            let kind = match title {
                "get ready" => "lead_in",
                "hold" => "hold",
                "switch sides" | "next rep" => "switch",
                "next up" => "rest",
                _ => return None,
            };
            Some((start, kind.to_string(), length.to_string()))
        })
        .collect()
}

/// The phases `show --format json` plans, in the same form.
fn phases_shown(args: &[&str]) -> Vec<(u64, String, String)> {
    let run = Stretch::new()
        .args(["show", &sides(), "--format", "json"])
        .args(args)
        .run();
    let shown = run.expect_code(0).json();
    shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|phase: &Value| {
            let ms = |key: &str| phase[key].as_u64().expect("milliseconds");
            // The phases of these tests last whole seconds, under a minute.
            (
                ms("start_ms") / 1000,
                phase["kind"].as_str().expect("kind").to_string(),
                format!("{}s", ms("duration_ms") / 1000),
            )
        })
        .collect()
}

#[test]
fn show_plans_exactly_what_run_runs_with_the_same_flags() {
    let cases: [&[&str]; 4] = [
        &[],
        &["--hold", "2", "--switch", "0", "--rest", "2s"],
        &["--lead-in", "1", "--only", "neck-tilt"],
        &["--skip", "wrist-flexor", "--hold", "1s", "--switch", "2"],
    ];
    for flags in cases {
        let run = phases_run(flags);
        assert!(!run.is_empty(), "{flags:?}");
        assert_eq!(run, phases_shown(flags), "{flags:?}");
    }
}

#[test]
fn the_timing_flags_change_every_phase_they_name() {
    assert_eq!(
        phases_shown(&[
            "--hold",
            "2",
            "--switch",
            "0",
            "--rest",
            "3",
            "--lead-in",
            "4"
        ]),
        [
            (0, "lead_in".to_string(), "4s".to_string()),
            (4, "hold".to_string(), "2s".to_string()),
            (6, "hold".to_string(), "2s".to_string()),
            (8, "rest".to_string(), "3s".to_string()),
            (11, "hold".to_string(), "2s".to_string()),
            (13, "hold".to_string(), "2s".to_string()),
        ]
    );
    let total = |args: &[&str]| {
        let run = Stretch::new()
            .args(["show", "hamstrings", "--format", "json"])
            .args(args)
            .run();
        run.expect_code(0).json()["total_ms"]
            .as_u64()
            .expect("total")
    };
    // A bare number is seconds, as in a file: `--hold 45` is `--hold 45s`.
    assert_eq!(total(&["--hold", "45"]), total(&["--hold", "45s"]));
    assert_ne!(total(&["--hold", "45"]), total(&[]));
}

#[test]
fn duration_flags_out_of_range_or_misspelt_are_usage_errors() {
    let cases = [
        (
            ["run", "--hold", "0"],
            "a hold must be from 1s to 10m, not 0s",
        ),
        (
            ["run", "--rest", "11m"],
            "a rest must be from 0s to 10m, not 11m",
        ),
        (
            ["show", "--switch", "3m"],
            "a switch must be from 0s to 2m, not 3m",
        ),
        (
            ["show", "--lead-in", "30 sec"],
            "unknown unit `sec`: use h, m, s or ms",
        ),
    ];
    for (args, message) in cases {
        let mut all = args.to_vec();
        if all[0] == "show" {
            all.insert(1, "hamstrings");
        }
        let run = Stretch::new().args(&all).run();
        run.expect_code(2);
        assert!(run.stderr.contains(message), "{all:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{all:?}");
    }
}

#[test]
fn show_takes_the_selection_flags_and_their_errors() {
    let run = Stretch::new()
        .args([
            "show",
            "hamstrings",
            "--only",
            "standing-toe-touch",
            "--hold",
            "45",
        ])
        .run();
    let stdout = &run.expect_code(0).stdout;
    assert!(
        stdout.starts_with("hamstrings (1 stretch, level: all, 55s in all)"),
        "{stdout}"
    );
    let run = Stretch::new()
        .args(["show", "hamstrings", "--skip", "standing-toe-tuch"])
        .run();
    run.expect_code(2);
    assert!(
        run.stderr.contains("did you mean `standing-toe-touch`?"),
        "{}",
        run.stderr
    );
}
