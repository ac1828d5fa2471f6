//! `stretch list` and `stretch show`, through the real binary: built-in and user routines,
//! which one wins a name, the timeline `show` prints, and invalid routines.

mod format_support;

use std::fs;

use format_support::{Env, fixture_bytes, fixture_names, fixtures_dir};
use serde_json::{Value, json};

/// The rows of a `list` table, as words (the last column may hold spaces).
fn row<'a>(table: &'a str, name: &str) -> &'a str {
    let rows: Vec<&str> = table
        .lines()
        .filter(|line| line.split_whitespace().next() == Some(name))
        .collect();
    assert_eq!(rows.len(), 1, "one row for {name} in\n{table}");
    rows[0]
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

const BUILTINS: [&str; 3] = ["hamstrings", "hamstrings-beginner", "hamstrings-advanced"];

// --- list

#[test]
fn list_shows_builtins_and_user_routines_marked_and_names_invalid_ones() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    let broken = env.add_user_routine(
        "broken",
        fixture_bytes("invalid", "unknown-key-top-level.toml"),
    );
    let binary = env.add_user_routine("binary", fixture_bytes("invalid", "not-utf8.toml"));
    fs::create_dir(env.user_folder().join("folder.toml")).expect("dir");
    // Not a routine file: ignored.
    fs::write(env.user_folder().join("notes.txt"), "not a routine").expect("write");

    let run = env.run(&["list"]);
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let table = &run.stdout;
    assert_eq!(
        words(table.lines().next().unwrap_or_default()),
        ["NAME", "LEVEL", "STRETCHES", "TIME", "SOURCE"]
    );
    // Timeline check: 4s + 4 holds of 20s + 3 switches of 3s + 6s + 10s = 1m 49s.
    assert_eq!(
        words(row(table, "mine")),
        ["mine", "all", "2", "1m", "49s", "yours"]
    );
    assert!(
        row(table, "broken").ends_with(&format!(
            "yours, invalid: {}:3:1: unknown key `hlod` in routine",
            broken.display()
        )),
        "{table}"
    );
    assert!(
        row(table, "binary").ends_with(&format!(
            "yours, invalid: {}: the file is not UTF-8: invalid byte at line 2, column 12",
            binary.display()
        )),
        "{table}"
    );
    assert!(
        row(table, "folder").ends_with("this is a directory, not a routine file"),
        "{table}"
    );
    for name in BUILTINS {
        assert_eq!(words(row(table, name)).last(), Some(&"built-in"), "{table}");
    }
    assert_eq!(table.lines().count(), 1 + 4 + BUILTINS.len(), "{table}");
    assert!(!table.contains("notes"));
}

#[test]
fn list_and_show_pass_over_a_named_pipe_in_the_routine_folder() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    let pipe = env.user_folder().join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Opening a pipe that nobody writes to would block: list must not try.
    let run = env.run(&["list"]);
    run.expect_code(0);
    assert!(!run.stdout.contains("pipe"), "{}", run.stdout);
    assert_eq!(words(row(&run.stdout, "mine")).last(), Some(&"yours"));
    // Nor does looking it up by name.
    let run = env.run(&["show", "pipe"]);
    run.expect_code(1);
    assert!(
        run.stderr.starts_with("error: no routine named `pipe`"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_json_has_every_routine_with_its_origin_and_first_problem() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    let broken = env.add_user_routine(
        "broken",
        fixture_bytes("invalid", "unknown-key-timed-cue.toml"),
    );
    let run = env.run(&["list", "--format", "json"]);
    run.expect_code(0);
    let rows = run.json();
    let rows = rows.as_array().expect("array");
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "broken",
            "mine",
            "hamstrings",
            "hamstrings-beginner",
            "hamstrings-advanced"
        ]
    );
    assert_eq!(
        rows[0],
        json!({
            "name": "broken",
            "origin": "yours",
            "valid": false,
            "title": null,
            "level": null,
            "stretches": null,
            "total_ms": null,
            // The first of its two problems.
            "problem": format!("{}:6:9: missing `text` in a timed cue", broken.display()),
        })
    );
    assert_eq!(
        rows[1],
        json!({
            "name": "mine",
            "origin": "yours",
            "valid": true,
            "title": "Timeline check",
            "level": "all",
            "stretches": 2,
            "total_ms": 109_000,
            "problem": null,
        })
    );
    for row in &rows[2..] {
        assert_eq!(row["origin"], "built-in");
        assert_eq!(row["valid"], true);
        assert_eq!(row["problem"], Value::Null);
        // list and show agree on the length of a routine.
        let name = row["name"].as_str().expect("name");
        let shown = env.run(&["show", name, "--format", "json"]);
        shown.expect_code(0);
        assert_eq!(row["total_ms"], shown.json()["total_ms"], "{name}");
    }
}

#[test]
fn list_stretches_lists_every_stretch_with_its_routine_hold_and_sides() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    env.add_user_routine("broken", fixture_bytes("invalid", "reps-zero.toml"));

    let text = env.run(&["list", "--stretches"]);
    text.expect_code(0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(
        words(lines[0]),
        ["ROUTINE", "ID", "HOLD", "SIDES", "STRETCH"]
    );
    assert_eq!(
        words(lines[1]),
        ["mine", "lunge", "20s", "x2", "both", "Lunge"]
    );
    assert_eq!(words(lines[2]), ["mine", "fold", "10s", "none", "Fold"]);
    assert!(!text.stdout.contains("broken"), "{}", text.stdout);
    for name in BUILTINS {
        assert!(
            lines
                .iter()
                .any(|l| l.split_whitespace().next() == Some(name)),
            "{name} in\n{}",
            text.stdout
        );
    }

    let json = env.run(&["list", "--stretches", "--format", "json"]);
    json.expect_code(0);
    let rows = json.json();
    assert_eq!(
        rows[0],
        json!({"routine": "mine", "id": "lunge", "name": "Lunge", "level": null,
               "hold_ms": 20_000, "sides": "both", "reps": 2})
    );
    assert_eq!(
        rows[1],
        json!({"routine": "mine", "id": "fold", "name": "Fold", "level": null,
               "hold_ms": 10_000, "sides": "none", "reps": 1})
    );
    // The built-in default routine: seven stretches, the toe touch among them.
    let hamstrings: Vec<&Value> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["routine"] == "hamstrings")
        .collect();
    assert_eq!(hamstrings.len(), 7);
    assert!(
        hamstrings
            .iter()
            .any(|r| r["id"].as_str().is_some_and(|id| id.contains("toe-touch")))
    );
}

#[test]
fn list_stretches_shows_derived_ids() {
    let env = Env::new();
    env.add_user_routine("ids", fixture_bytes("valid", "id-forms.toml"));
    let run = env.run(&["list", "--stretches", "--format", "json"]);
    run.expect_code(0);
    let ids: Vec<String> = run
        .json()
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["routine"] == "ids")
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "a",
            "a-forty-character-id-0123456789-abcdefgh",
            "meditate",
            // Trimmed, lowercased, every run of other characters one "-", none at the ends.
            "pyramid-pose-parsvottanasana",
            // Cut to 40 characters.
            "a-name-whose-slug-is-cut-at-forty-charac",
            "pyramid-pose-2",
            // Cut to 40 characters, then the "-" left at the end trimmed.
            "abcdefghij-abcdefghij-abcdefghij-abcdef",
        ]
    );
}

// --- A user's routine wins the name of a built-in one

#[test]
fn a_user_routine_named_hamstrings_replaces_the_builtin_in_list_and_show() {
    let env = Env::new();
    let mut mine = fixture_bytes("valid", "timeline.toml");
    mine.extend_from_slice(b"\n");
    env.add_user_routine("hamstrings", &mine);

    let list = env.run(&["list"]);
    list.expect_code(0);
    assert_eq!(
        words(row(&list.stdout, "hamstrings")),
        ["hamstrings", "all", "2", "1m", "49s", "yours"]
    );

    let json = env.run(&["list", "--format", "json"]);
    let rows = json.json();
    let hamstrings: Vec<&Value> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["name"] == "hamstrings")
        .collect();
    assert_eq!(hamstrings.len(), 1);
    assert_eq!(hamstrings[0]["origin"], "yours");

    let show = env.run(&["show", "hamstrings", "--format", "json"]);
    show.expect_code(0);
    assert_eq!(show.json()["name"], "Timeline check");
    assert_eq!(show.json()["total_ms"], 109_000);
    // The other built-ins are still there.
    env.run(&["show", "hamstrings-beginner"]).expect_code(0);
}

#[test]
fn a_user_routine_named_hamstrings_is_what_run_looks_up() {
    let env = Env::new();
    let path = env.add_user_routine("hamstrings", fixture_bytes("invalid", "duplicate-id.toml"));
    let validate = env.run(&["validate", path.to_str().expect("utf-8 path")]);
    validate.expect_code(1);
    let diagnostics = validate
        .stderr
        .rsplit_once("error: 1 of 1 routine file is invalid")
        .expect("summary line")
        .0;
    assert!(diagnostics.contains("duplicate stretch id `fold`"));
    // `run` with no routine runs the default, `hamstrings`: the user's, here invalid, so
    // it stops at the diagnostics before any countdown.
    for args in [&["run"][..], &["run", "hamstrings", "--plain"]] {
        let run = env.run(args);
        run.expect_code(1);
        assert_eq!(run.stderr, diagnostics, "{args:?}");
        assert_eq!(run.stdout, "");
    }
}

// --- show

#[test]
fn show_json_has_the_exact_timeline_for_sides_and_reps() {
    let env = Env::new();
    env.add_user_routine("timeline", fixture_bytes("valid", "timeline.toml"));
    let run = env.run(&["show", "timeline", "--format", "json"]);
    run.expect_code(0);
    let shown = run.json();
    assert_eq!(shown["name"], "Timeline check");
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
    let dir = fixtures_dir("valid");
    let run = env.run_in(&dir, &["show", "zero-gaps.toml", "--format", "json"]);
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
    let dir = fixtures_dir("valid");
    let run = env.run_in(&dir, &["show", "timed-cues.toml"]);
    run.expect_code(0);
    let text = &run.stdout;
    let lines: Vec<&str> = text.lines().collect();
    // lead_in 5s (default), Fold 20s (routine hold), rest 10s (default), Lunge 5m.
    assert!(lines[0].starts_with("Timed cues (2 stretches"), "{text}");
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
    let dir = fixtures_dir("valid");
    let by_path = env.run_in(&dir, &["show", "./timeline.toml", "--format", "json"]);
    by_path.expect_code(0);
    env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    let by_name = env.run(&["show", "mine", "--format", "json"]);
    by_name.expect_code(0);
    assert_eq!(by_path.stdout, by_name.stdout);
}

#[test]
fn show_on_an_invalid_routine_prints_what_validate_prints_and_exits_1() {
    let env = Env::new();
    let dir = fixtures_dir("invalid");
    for name in fixture_names("invalid") {
        let validate = env.run_in(&dir, &["validate", &name]);
        validate.expect_code(1);
        let diagnostics = validate
            .stderr
            .rsplit_once("error: 1 of 1 routine file is invalid")
            .unwrap_or_else(|| panic!("{name}: no summary in\n{}", validate.stderr))
            .0;
        let show = env.run_in(&dir, &["show", &name]);
        show.expect_code(1);
        assert_eq!(show.stdout, "", "{name}");
        assert_eq!(show.stderr, diagnostics, "{name}");
        let json = env.run_in(&dir, &["show", &name, "--format", "json"]);
        json.expect_code(1);
        assert_eq!(json.stderr, diagnostics, "{name}");
    }
    // And by name, from the user's folder.
    let path = env.add_user_routine("broken", fixture_bytes("invalid", "hold-zero.toml"));
    let show = env.run(&["show", "broken"]);
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
    let run = env.run(&["show", "nosuch"]);
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no routine named `nosuch` (`stretch list` shows them all)\n"
    );
    let near = env.run(&["show", "hamstring"]);
    near.expect_code(1);
    assert_eq!(
        near.stderr,
        "error: no routine named `hamstring`; did you mean `hamstrings`? (`stretch list` shows them all)\n"
    );
    let missing = env.run(&["show", "missing.toml"]);
    missing.expect_code(1);
    assert_eq!(missing.stderr, "error: no such file\n--> missing.toml\n\n");
}

// --- The built-in routines

fn normalised(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

#[test]
fn every_builtin_hold_reminds_not_to_bounce_and_to_stay_pain_free() {
    let env = Env::new();
    for name in BUILTINS {
        let run = env.run(&["show", name, "--format", "json"]);
        run.expect_code(0);
        let shown = run.json();
        let holds: Vec<&Value> = shown["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .filter(|p| p["kind"] == "hold")
            .collect();
        assert!(!holds.is_empty(), "{name}");
        for hold in holds {
            let cues: Vec<String> = hold["cues"]
                .as_array()
                .expect("cues")
                .iter()
                .map(|c| normalised(c["text"].as_str().expect("text")))
                .collect();
            for advice in ["don't bounce", "comfortable, pain-free"] {
                assert!(
                    cues.iter().any(|c| c.contains(advice)),
                    "{name}, hold of {}: no `{advice}` among {cues:?}",
                    hold["stretch"]
                );
            }
            // Every cue falls within its hold.
            for cue in hold["cues"].as_array().expect("cues") {
                assert!(
                    cue["at_ms"].as_u64() < hold["duration_ms"].as_u64(),
                    "{cue}"
                );
            }
        }
    }
}
