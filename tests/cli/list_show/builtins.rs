//! The built-in routines, and a user's routine that takes the name of one.

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
    assert_eq!(show.json()["name"], "Timeline check");
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

#[test]
fn every_builtin_hold_reminds_not_to_bounce_and_to_stay_pain_free() {
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
