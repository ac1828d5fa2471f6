//! `stretch show`: the exact timeline, by path or by name, and invalid or unknown routines.

use serde_json::{Value, json};

use crate::support::{Env, fixture_bytes, fixture_dir, fixture_names};

#[test]
fn show_json_has_the_exact_timeline_for_sides_and_reps() {
    let env = Env::new();
    env.add_user_routine("timeline", fixture_bytes("format/valid/timeline.toml"));
    let run = env
        .stretch()
        .args(["show", "timeline", "--format", "json"])
        .run();
    run.expect_code(0);
    let shown = run.json();
    assert_eq!(shown["name"], "timeline", "the name `run` takes");
    assert_eq!(shown["title"], "Timeline check");
    // Issue 2: lead_in; then for every stretch, every rep, every side one hold, with
    // `switch` between the holds of one stretch and `rest` between two stretches; nothing
    // after the last hold. A gap carries the stretch, side and rep of the hold after it.
    // lead_in 4s, hold 20s, switch 3s, rest 6s; lunge: both sides, 2 reps; fold: 10s.
    let expected = [
        // (start_ms, duration_ms, kind, stretch, side, rep)
        (0, 4_000, "lead_in", "lunge", json!("left"), 1), //      0 +  4 =   4
        (4_000, 20_000, "hold", "lunge", json!("left"), 1), //    4 + 20 =  24
        (24_000, 3_000, "switch", "lunge", json!("right"), 1), // 24 +  3 =  27
        (27_000, 20_000, "hold", "lunge", json!("right"), 1), //  27 + 20 =  47
        (47_000, 3_000, "switch", "lunge", json!("left"), 2), //  47 +  3 =  50
        (50_000, 20_000, "hold", "lunge", json!("left"), 2), //   50 + 20 =  70
        (70_000, 3_000, "switch", "lunge", json!("right"), 2), // 70 +  3 =  73
        (73_000, 20_000, "hold", "lunge", json!("right"), 2), //  73 + 20 =  93
        (93_000, 6_000, "rest", "fold", Value::Null, 1),  //        93 +  6 =  99
        (99_000, 10_000, "hold", "fold", Value::Null, 1), //       99 + 10 = 109
    ];
    let phases = shown["timeline"].as_array().expect("timeline");
    let found: Vec<(u64, u64, &str, &str, Value, u64)> = phases
        .iter()
        .map(|p| {
            (
                p["start_ms"].as_u64().expect("start_ms"),
                p["duration_ms"].as_u64().expect("duration_ms"),
                p["kind"].as_str().expect("kind"),
                p["stretch"].as_str().expect("stretch"),
                p["side"].clone(),
                p["rep"].as_u64().expect("rep"),
            )
        })
        .collect();
    let expected: Vec<(u64, u64, &str, &str, Value, u64)> = expected.into_iter().collect();
    assert_eq!(found, expected);
    assert_eq!(shown["total_ms"], 109_000);
}

#[test]
fn show_leaves_out_zero_gaps_and_counts_nothing_for_them() {
    let env = Env::new();
    let dir = fixture_dir("format/valid");
    let run = env
        .stretch()
        .current_dir(&dir)
        .args(["show", "zero-gaps.toml", "--format", "json"])
        .run();
    run.expect_code(0);
    let shown = run.json();
    let phases: Vec<(u64, u64, &str, &str)> = shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|p| {
            (
                p["start_ms"].as_u64().expect("start"),
                p["duration_ms"].as_u64().expect("duration"),
                p["kind"].as_str().expect("kind"),
                p["stretch"].as_str().expect("stretch"),
            )
        })
        .collect();
    // Three holds of 10s back to back: lead_in, switch and rest are all 0.
    assert_eq!(
        phases,
        [
            (0, 10_000, "hold", "lunge"),
            (10_000, 10_000, "hold", "lunge"),
            (20_000, 10_000, "hold", "fold"),
        ]
    );
    assert_eq!(shown["total_ms"], 30_000);
}

#[test]
fn show_text_has_every_phase_start_the_cues_and_the_total() {
    let env = Env::new();
    let dir = fixture_dir("format/valid");
    let run = env
        .stretch()
        .current_dir(&dir)
        .args(["show", "timed-cues.toml"])
        .run();
    run.expect_code(0);
    let text = &run.stdout;
    let lines: Vec<&str> = text.lines().collect();
    // lead_in 5s (default), Fold 20s (routine hold), rest 10s (default), Lunge 5m.
    assert!(
        lines[0].starts_with("timed-cues: Timed cues (2 stretches"),
        "{text}"
    );
    assert!(lines[0].contains("5m 35s"), "{text}");
    let starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.contains(':') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    // Phases at 00:00, 00:05, 00:25, 00:35; cues of Fold at 00:05 (twice: 0s and the rotating one)
    // and 00:24 (19.999s), of Lunge at 05:34 (4m 59s); done at 05:35.
    assert_eq!(
        starts,
        [
            "00:00", "00:05", "00:05", "00:05", "00:24", "00:25", "00:35", "05:34", "05:35"
        ],
        "{text}"
    );
    for cue in [
        "Settle in",
        "Last moment",
        "A rotating cue",
        "Order of keys does not matter",
    ] {
        assert!(text.contains(cue), "{cue} in\n{text}");
    }
    assert!(text.ends_with("total: 5m 35s\n"), "{text}");
}

#[test]
fn show_takes_a_path_or_a_name() {
    let env = Env::new();
    let dir = fixture_dir("format/valid");
    let by_path = env
        .stretch()
        .current_dir(&dir)
        .args(["show", "./timeline.toml", "--format", "json"])
        .run();
    by_path.expect_code(0);
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    let by_name = env
        .stretch()
        .args(["show", "mine", "--format", "json"])
        .run();
    by_name.expect_code(0);
    // The same routine, each named as it was run: a file by its name without `.toml`.
    assert_eq!(
        by_path.stdout.replacen("\"timeline\"", "\"mine\"", 1),
        by_name.stdout
    );
}

#[test]
fn show_on_an_invalid_routine_prints_what_validate_prints_and_exits_1() {
    let env = Env::new();
    let dir = fixture_dir("format/invalid");
    for name in fixture_names("format/invalid") {
        let validate = env
            .stretch()
            .current_dir(&dir)
            .args(["validate", &name])
            .run();
        validate.expect_code(1);
        let diagnostics = validate
            .stderr
            .rsplit_once("error: 1 of 1 routine file is invalid")
            .unwrap_or_else(|| panic!("{name}: no summary in\n{}", validate.stderr))
            .0;
        let show = env.stretch().current_dir(&dir).args(["show", &name]).run();
        show.expect_code(1);
        assert_eq!(show.stdout, "", "{name}");
        assert_eq!(show.stderr, diagnostics, "{name}");
        let json = env
            .stretch()
            .current_dir(&dir)
            .args(["show", &name, "--format", "json"])
            .run();
        json.expect_code(1);
        assert_eq!(json.stderr, diagnostics, "{name}");
    }
    // And by name, from the user's folder.
    let path = env.add_user_routine("broken", fixture_bytes("format/invalid/hold-zero.toml"));
    let show = env.stretch().args(["show", "broken"]).run();
    show.expect_code(1);
    assert!(
        show.stderr.starts_with(&format!(
            "error: `hold` is out of range: must be from 1s to 10m\n --> {}:6:8\n",
            path.display()
        )),
        "{}",
        show.stderr
    );
}

#[test]
fn show_of_an_unknown_routine_says_so() {
    let env = Env::new();
    let run = env.stretch().args(["show", "nosuch"]).run();
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no routine named `nosuch` (`stretch list` shows them all)\n"
    );
    let near = env.stretch().args(["show", "hamstring"]).run();
    near.expect_code(1);
    assert_eq!(
        near.stderr,
        "error: no routine named `hamstring`; did you mean `hamstrings`? (`stretch list` shows them all)\n"
    );
    let missing = env.stretch().args(["show", "missing.toml"]).run();
    missing.expect_code(1);
    assert_eq!(missing.stderr, "error: no such file\n --> missing.toml\n\n");
}
