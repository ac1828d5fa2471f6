//! The built-in routines, and a user's routine that takes the name of one.

use std::collections::BTreeMap;

use nix::sys::signal::Signal;
use serde_json::Value;

use super::{BUILTINS, row, words};
use crate::support::{Env, fixture_bytes};

#[test]
fn a_user_routine_named_hamstrings_replaces_the_builtin_in_list_and_show() {
    let env = Env::new();
    let mut mine = fixture_bytes("format/valid/timeline.toml");
    mine.extend_from_slice(b"\n");
    env.add_user_routine("hamstrings", &mine);

    let list = env.stretch().args(["list"]).run();
    list.expect_code(0);
    assert_eq!(
        words(row(&list.stdout, "hamstrings")),
        ["hamstrings", "all", "2", "1m", "49s", "yours"]
    );

    let json = env.stretch().args(["list", "--format", "json"]).run();
    let rows = json.json();
    let hamstrings: Vec<&Value> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["name"] == "hamstrings")
        .collect();
    assert_eq!(hamstrings.len(), 1);
    assert_eq!(hamstrings[0]["origin"], "yours");

    let show = env
        .stretch()
        .args(["show", "hamstrings", "--format", "json"])
        .run();
    show.expect_code(0);
    assert_eq!(show.json()["name"], "hamstrings");
    assert_eq!(show.json()["title"], "Timeline check");
    assert_eq!(show.json()["total_ms"], 109_000);
    // The other built-ins are still there.
    env.stretch()
        .args(["show", "hamstrings-beginner"])
        .run()
        .expect_code(0);
}

#[test]
fn a_user_routine_named_hamstrings_is_what_run_looks_up() {
    let env = Env::new();
    let path = env.add_user_routine(
        "hamstrings",
        fixture_bytes("format/invalid/duplicate-id.toml"),
    );
    let validate = env
        .stretch()
        .args(["validate", path.to_str().expect("utf-8 path")])
        .run();
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
        let run = env.stretch().args(args).run();
        run.expect_code(1);
        assert_eq!(run.stderr, diagnostics, "{args:?}");
        assert_eq!(run.stdout, "");
    }
}

fn normalised(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

/// The safety advice every hold of every built-in routine gives, lowercased: stay
/// pain-free, don't bounce, breathe, and ease off at sharp pain.
const SAFETY_CUES: [&str; 5] = [
    "comfortable, pain-free",
    "don't bounce",
    "breathe slowly",
    "ease off",
    "sharp pain",
];

#[test]
fn every_builtin_hold_gives_the_safety_advice() {
    let env = Env::new();
    for name in BUILTINS {
        let run = env.stretch().args(["show", name, "--format", "json"]).run();
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
            for advice in SAFETY_CUES {
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

/// The first line of a plain run of just `id` from the built-in `routine`: its "get
/// ready" line, with the stretch's name, and its `how` after the name.
fn get_ready_line(env: &Env, routine: &str, id: &str) -> String {
    let mut run = env
        .stretch()
        .args(["run", routine, "--plain", "--no-bell", "--lead-in", "2m"])
        .args(["--only", id])
        .spawn();
    let line = run.read_line();
    run.signal(Signal::SIGTERM);
    run.finish().expect_code(143);
    line
}

#[test]
fn an_id_in_several_builtins_is_the_same_stretch_in_each() {
    let env = Env::new();
    let run = env
        .stretch()
        .args(["list", "--stretches", "--format", "json"])
        .run();
    run.expect_code(0);
    let rows = run.json();
    // `list --stretches` puts the same stretch in several routines on one row: its name,
    // level, hold, sides, reps and figure all the same. Two copies that differed would be
    // two rows of one id.
    let mut by_id: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for row in rows.as_array().expect("array") {
        let id = row["id"].as_str().expect("id").to_string();
        by_id.entry(id).or_default().push(row.clone());
    }
    for (id, rows) in &by_id {
        assert_eq!(rows.len(), 1, "{id}: {rows:#?}");
    }
    let routines_of = |id: &str| -> Vec<&str> {
        by_id[id][0]["routines"]
            .as_array()
            .expect("routines")
            .iter()
            .map(|routine| routine.as_str().expect("routine"))
            .collect()
    };
    // The hamstring stretches the new routines share until they can `use` them.
    assert_eq!(
        routines_of("lying-strap"),
        ["hamstrings", "hamstrings-beginner", "lower-back"]
    );
    assert_eq!(
        routines_of("standing-heel-on-step"),
        ["hamstrings", "hamstrings-beginner", "hips-and-calves"]
    );
    for id in by_id.keys() {
        let routines = routines_of(id);
        if routines.len() < 2 {
            continue;
        }
        let first_line = get_ready_line(&env, routines[0], id);
        assert!(
            first_line.starts_with("00:00  get ready (2m): "),
            "{first_line:?}"
        );
        for routine in &routines[1..] {
            // The name and the `how`, as the run says them.
            assert_eq!(
                get_ready_line(&env, routine, id),
                first_line,
                "{id} in {routine}"
            );
        }
    }
}
