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
        [
            "NAME",
            "LEVEL",
            "STRETCHES",
            "TIME",
            "SOURCE",
            "DESCRIPTION"
        ]
    );
    // Timeline check: 4s + 4 holds of 20s + 3 switches of 3s + 6s + 10s = 1m 49s.
    assert_eq!(
        words(row(table, "mine")),
        ["mine", "all", "2", "1m", "49s", "yours"]
    );
    // An invalid routine's description is its first problem.
    assert!(
        row(table, "broken").ends_with(&format!(
            "yours, invalid:  {}:3:1: unknown key `hlod` in routine",
            broken.display()
        )),
        "{table}"
    );
    assert!(
        row(table, "binary").ends_with(&format!(
            "yours, invalid:  {}: the file is not UTF-8: invalid byte at line 2, column 12",
            binary.display()
        )),
        "{table}"
    );
    assert!(
        row(table, "folder").ends_with("this is a directory, not a routine file"),
        "{table}"
    );
    // Off a terminal, a built-in routine's whole description, on one line.
    assert!(
        row(table, "desk").ends_with(
            "  For people who spend the day at a keyboard: a four-minute break for a \
             stiff neck, tight shoulders and chest, tired wrists, and hips and calves that have \
             sat too long. Every stretch is done on a sturdy chair without wheels or standing \
             at your desk, in the clothes you work in. The holds are short and gentle: you \
             should feel a mild pull, never pain. If you have had a recent neck, shoulder, \
             wrist or back injury, or surgery, ask a doctor or physiotherapist before you start."
        ),
        "{table}"
    );
    for name in BUILTINS {
        let source = words(row(table, name))
            .into_iter()
            .take(6)
            .any(|w| w == "built-in");
        assert!(
            source,
            "{name} in
{table}"
        );
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
            "description": null,
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
            "description": "",
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
fn list_stretches_lists_each_distinct_stretch_once_with_its_level_and_routines() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    env.add_user_routine("broken", fixture_bytes("format/invalid/reps-zero.toml"));
    // The library's toe touch, taken with `use`: the same stretch as the built-in one's.
    env.add_user_routine("uses", fixture_bytes("use/plain.toml"));

    let text = env.stretch().args(["list", "--stretches"]).run();
    text.expect_code(0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(
        words(lines[0]),
        ["ID", "LEVEL", "HOLD", "SIDES", "ROUTINES", "STRETCH"]
    );
    assert_eq!(
        words(lines[1]),
        ["lunge", "-", "20s", "x2", "both", "mine", "Lunge"]
    );
    assert_eq!(
        words(lines[2]),
        ["fold", "-", "10s", "none", "mine", "Fold"]
    );
    assert!(!text.stdout.contains("broken"), "{}", text.stdout);
    // Each id once: the same stretch in several routines is one line.
    let ids: Vec<&str> = lines[1..]
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let mut distinct = ids.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(ids.len(), distinct.len(), "{}", text.stdout);
    assert!(
        words(row(&text.stdout, "lying-strap")).starts_with(&[
            "lying-strap",
            "beginner",
            "30s",
            "both",
            "uses,",
            "hamstrings,",
            "hamstrings-beginner,",
            "lower-back",
        ]),
        "{}",
        text.stdout
    );

    let json = env
        .stretch()
        .args(["list", "--stretches", "--format", "json"])
        .run();
    json.expect_code(0);
    let rows = json.json();
    assert_eq!(
        rows[0],
        json!({"id": "lunge", "name": "Lunge", "level": null, "hold_ms": 20_000,
               "sides": "both", "reps": 2, "figure": null, "routines": ["mine"]})
    );
    assert_eq!(
        rows[1],
        json!({"id": "fold", "name": "Fold", "level": null, "hold_ms": 10_000,
               "sides": "none", "reps": 1, "figure": null, "routines": ["mine"]})
    );
    let rows = rows.as_array().expect("array");
    let toe_touch: Vec<&Value> = rows
        .iter()
        .filter(|r| r["id"] == "standing-toe-touch")
        .collect();
    assert_eq!(toe_touch.len(), 1, "{rows:#?}");
    assert_eq!(toe_touch[0]["level"], "intermediate");
    assert_eq!(toe_touch[0]["figure"], "standing-toe-touch");
    assert_eq!(
        toe_touch[0]["routines"],
        json!(["uses", "hamstrings", "hamstrings-advanced"])
    );
    // The default routine's seven stretches are all there.
    let hamstrings = rows
        .iter()
        .filter(|r| {
            r["routines"]
                .as_array()
                .is_some_and(|r| r.contains(&json!("hamstrings")))
        })
        .count();
    assert_eq!(hamstrings, 7);
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
        .filter(|r| r["routines"] == json!(["ids"]))
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
