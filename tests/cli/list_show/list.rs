//! `stretch list`: the table, its JSON, and `--stretches`.

use std::fs;

use serde_json::{Value, json};

use super::{BUILTINS, row, words};
use crate::support::{Env, fixture_bytes};

#[test]
fn list_shows_builtins_and_user_routines_marked_and_names_invalid_ones() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    let broken = env.add_user_routine(
        "broken",
        fixture_bytes("format/invalid/unknown-key-top-level.toml"),
    );
    let binary = env.add_user_routine("binary", fixture_bytes("format/invalid/not-utf8.toml"));
    fs::create_dir(env.user_folder().join("folder.toml")).expect("dir");
    // Not a routine file: ignored.
    fs::write(env.user_folder().join("notes.txt"), "not a routine").expect("write");

    let run = env.stretch().args(["list"]).run();
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
fn list_json_has_every_routine_with_its_origin_and_first_problem() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    let broken = env.add_user_routine(
        "broken",
        fixture_bytes("format/invalid/unknown-key-timed-cue.toml"),
    );
    let run = env.stretch().args(["list", "--format", "json"]).run();
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
            "hamstrings-advanced",
            "desk",
            "lower-back",
            "hips-and-calves",
        ]
    );
    assert_eq!(
        rows[0],
        json!({
            "name": "broken",
            "origin": "yours",
            "shadowed": false,
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
            "shadowed": false,
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
        assert_eq!(row["shadowed"], false);
        assert_eq!(row["valid"], true);
        assert_eq!(row["problem"], Value::Null);
        // list and show agree on the length of a routine.
        let name = row["name"].as_str().expect("name");
        let shown = env.stretch().args(["show", name, "--format", "json"]).run();
        shown.expect_code(0);
        assert_eq!(row["total_ms"], shown.json()["total_ms"], "{name}");
    }
}

#[test]
fn list_stretches_lists_every_stretch_with_its_routine_hold_and_sides() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    env.add_user_routine("broken", fixture_bytes("format/invalid/reps-zero.toml"));

    let text = env.stretch().args(["list", "--stretches"]).run();
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

    let json = env
        .stretch()
        .args(["list", "--stretches", "--format", "json"])
        .run();
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
    env.add_user_routine("ids", fixture_bytes("format/valid/id-forms.toml"));
    let run = env
        .stretch()
        .args(["list", "--stretches", "--format", "json"])
        .run();
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
