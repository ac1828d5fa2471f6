//! `use = "ID"` in a `[[stretch]]`: a stretch taken from the library (the built-in
//! routines' stretches), with any key written beside it overriding the library's value.

use crate::support::{Stretch, fixture, headlines, locations};

fn path(name: &str) -> String {
    fixture(&format!("use/{name}")).display().to_string()
}

/// `show --format json` of a fixture, the built-in routine's, or `builtin:NAME`.
fn shown(routine: &str) -> serde_json::Value {
    Stretch::new()
        .args(["show", routine, "--format", "json"])
        .run()
        .expect_code(0)
        .json()
}

/// The holds of a shown timeline: (stretch id, side label, duration, cue texts).
fn holds(shown: &serde_json::Value) -> Vec<(String, String, u64, Vec<String>)> {
    shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|phase| phase["kind"] == "hold")
        .map(|phase| {
            let cues = phase["cues"].as_array().expect("cues");
            (
                phase["stretch"].as_str().expect("id").to_string(),
                phase["side_label"].as_str().unwrap_or("").to_string(),
                phase["duration_ms"].as_u64().expect("duration"),
                cues.iter()
                    .map(|cue| cue["text"].as_str().expect("text").to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_used_stretch_is_the_library_stretch_itself() {
    let mine = holds(&shown(&path("plain.toml")));
    // The same two stretches, as the built-in `hamstrings` has them.
    let builtin: Vec<_> = holds(&shown("builtin:hamstrings"))
        .into_iter()
        .filter(|(id, ..)| id == "standing-toe-touch" || id == "lying-strap")
        .collect();
    assert_eq!(mine.len(), 3, "one hold, then two sides: {mine:?}");
    let mut in_builtin_order = mine.clone();
    in_builtin_order.sort_by_key(|(id, ..)| id != "lying-strap");
    assert_eq!(in_builtin_order.len(), builtin.len());
    for (mine, builtin) in in_builtin_order.iter().zip(&builtin) {
        assert_eq!(
            (&mine.0, &mine.1, mine.2),
            (&builtin.0, &builtin.1, builtin.2)
        );
        // The stretch's own cues, without the built-in routine's cues for every stretch.
        // (sorted: a timed cue falls among them by its time).
        let mut own: Vec<&String> = builtin
            .3
            .iter()
            .filter(|cue| mine.3.contains(cue))
            .collect();
        own.sort();
        let mut sorted_mine: Vec<&String> = mine.3.iter().collect();
        sorted_mine.sort();
        assert_eq!(own, sorted_mine);
        assert!(
            mine.3.len() >= 3 && mine.3.len() < builtin.3.len(),
            "{mine:?}"
        );
    }
    let text = Stretch::new().args(["show", &path("plain.toml")]).run();
    assert!(
        text.expect_code(0)
            .stdout
            .contains("hold: Lying hamstring stretch with a strap or towel, left leg"),
        "{}",
        text.stdout
    );
}

#[test]
fn keys_beside_use_override_the_library() {
    let shown = shown(&path("overridden.toml"));
    let holds = holds(&shown);
    let hold = |rep| {
        (
            "strap".to_string(),
            "foot".to_string(),
            45_000,
            vec!["Slowly".to_string()],
            rep,
        )
    };
    let with_rep: Vec<_> = holds
        .into_iter()
        .zip(
            shown["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["kind"] == "hold"),
        )
        .map(|((id, label, ms, cues), phase)| (id, label, ms, cues, phase["rep"].as_u64().unwrap()))
        .collect();
    assert_eq!(with_rep, [hold(1), hold(1), hold(2), hold(2)]);
    let text = Stretch::new()
        .args(["show", &path("overridden.toml")])
        .run();
    assert!(
        text.expect_code(0)
            .stdout
            .contains("hold: Strap stretch, left foot")
    );
    // `--only` finds it by the id written beside `use`.
    Stretch::new()
        .args(["show", &path("overridden.toml"), "--only", "strap"])
        .run()
        .expect_code(0);
}

#[test]
fn an_unknown_id_suggests_the_nearest() {
    let run = Stretch::new()
        .args(["validate", &path("unknown.toml")])
        .run();
    let stderr = &run.expect_code(1).stderr;
    assert_eq!(
        headlines(stderr)[0],
        "no stretch `lying-strp` in the library"
    );
    assert_eq!(
        locations(stderr)[0],
        format!("{}:4:7", path("unknown.toml"))
    );
    assert!(
        stderr.contains("= help: did you mean `lying-strap`?"),
        "{stderr}"
    );
    // `run` refuses it with the same diagnostic, before anything runs.
    let run = Stretch::new()
        .args(["run", "--plain", &path("unknown.toml")])
        .run();
    assert!(
        run.expect_code(1)
            .stderr
            .contains("did you mean `lying-strap`?")
    );
}

#[test]
fn the_same_id_twice_is_a_duplicate_pointing_at_both() {
    let run = Stretch::new()
        .args(["validate", &path("duplicate.toml")])
        .run();
    let stderr = &run.expect_code(1).stderr;
    assert_eq!(
        headlines(stderr),
        [
            "duplicate stretch id `standing-toe-touch`",
            "1 of 1 routine file is invalid (1 problem)"
        ]
    );
    let file = path("duplicate.toml");
    assert_eq!(locations(stderr), [format!("{file}:7:8")]);
    let first = "4 | use = \"standing-toe-touch\"\n  |       -------------------- first used here";
    assert!(stderr.contains(first), "{stderr}");
    assert!(stderr.contains("used again here") && stderr.contains("first used here"));
}

#[test]
fn a_shorter_hold_must_still_hold_the_used_timed_cues() {
    let run = Stretch::new()
        .args(["validate", &path("cue-past-hold.toml")])
        .run();
    let stderr = &run.expect_code(1).stderr;
    assert_eq!(
        headlines(stderr)[0],
        "`lying-strap` has a cue at 15s, past the end of this hold"
    );
    assert_eq!(
        locations(stderr)[0],
        format!("{}:5:8", path("cue-past-hold.toml"))
    );
}

#[test]
fn list_and_validate_take_used_stretches_in_the_user_folder() {
    let env = crate::support::Env::new();
    env.add_user_routine("mine", crate::support::fixture_bytes("use/plain.toml"));
    let list = env.stretch().args(["list"]).run();
    let mine = list
        .expect_code(0)
        .stdout
        .lines()
        .find(|line| line.starts_with("mine "))
        .map(|line| line.split_whitespace().collect::<Vec<_>>());
    assert_eq!(mine, Some(vec!["mine", "all", "2", "1m", "50s", "yours"]));
    env.stretch()
        .args(["validate", "mine"])
        .run()
        .expect_code(0);
}

/// A used stretch's hold is its own key in the file, else the file's top-level `hold`,
/// else the library's; a top-level hold too short for the library's cues is named there.
#[test]
fn the_file_s_own_hold_reaches_the_stretches_it_uses() {
    let shown = shown(&path("file-hold.toml"));
    let durations: Vec<(String, u64)> = holds(&shown)
        .into_iter()
        .map(|(id, _, duration, _)| (id, duration))
        .collect();
    assert_eq!(
        durations,
        [
            ("standing-toe-touch".to_string(), 50_000),
            ("lying-strap".to_string(), 20_000),
            ("lying-strap".to_string(), 20_000),
        ]
    );
    let short = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(
        short.path(),
        "name = \"Short\"\nhold = \"10s\"\n[[stretch]]\nuse = \"lying-strap\"\n",
    )
    .expect("routine");
    let run = Stretch::new().arg("validate").arg(short.path()).run();
    let stderr = &run.expect_code(1).stderr;
    assert_eq!(
        headlines(stderr)[0],
        "`lying-strap` has a cue at 15s, past the end of this hold"
    );
    assert_eq!(
        locations(stderr)[0],
        format!("{}:2:8", short.path().display())
    );
}

#[test]
fn a_used_stretch_brings_its_figure_and_how_which_show_json_gives() {
    let used = shown(&path("plain.toml"));
    let builtin = shown("builtin:hamstrings");
    let of = |shown: &serde_json::Value, id: &str| {
        shown["stretches"]
            .as_array()
            .expect("stretches")
            .iter()
            .find(|stretch| stretch["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {shown}"))
    };
    for id in ["standing-toe-touch", "lying-strap"] {
        let stretch = of(&used, id);
        assert_eq!(stretch, of(&builtin, id), "{id}");
        assert_eq!(stretch["figure"], id);
    }
    let toe_touch = of(&used, "standing-toe-touch");
    assert_eq!(toe_touch["name"], "Standing toe touch");
    assert_eq!(toe_touch["level"], "intermediate");
    assert!(
        toe_touch["how"]
            .as_str()
            .expect("how")
            .starts_with("Stand with your feet hip-width apart and a soft bend in your knees."),
        "{toe_touch}"
    );
    // A stretch of one's own has no figure unless it names one.
    let own = shown(&fixture("format/valid/timeline.toml").display().to_string());
    assert_eq!(own["stretches"][0]["figure"], serde_json::Value::Null);
    let every_key = shown(&fixture("format/valid/every-key.toml").display().to_string());
    assert_eq!(every_key["stretches"][0]["figure"], "standing-toe-touch");
}
