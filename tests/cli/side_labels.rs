//! `side_label`: a stretch done on both sides names its sides with its own noun, "left
//! arm", on the screen of `show`, in its JSON, in plain mode and in the voice; a stretch
//! that says nothing reads "left side".

use crate::support::{Stretch, fixture};

fn sides() -> String {
    fixture("options/sides.toml").display().to_string()
}

#[test]
fn show_names_each_side_by_its_label() {
    let run = Stretch::new().args(["show", &sides()]).run();
    let stdout = &run.expect_code(0).stdout;
    let holds: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once("hold: ").map(|(_, what)| what))
        .collect();
    assert_eq!(
        holds,
        [
            "Wrist flexor stretch, left arm",
            "Wrist flexor stretch, right arm",
            "Neck tilt, left side",
            "Neck tilt, right side",
        ]
    );
}

#[test]
fn show_json_keeps_the_side_and_adds_its_label() {
    let run = Stretch::new()
        .args(["show", &sides(), "--format", "json"])
        .run();
    let shown = run.expect_code(0).json();
    let phases = shown["timeline"].as_array().expect("timeline");
    let sides: Vec<(String, String, String)> = phases
        .iter()
        .map(|phase| {
            (
                phase["kind"].to_string(),
                phase["side"].to_string(),
                phase["side_label"].to_string(),
            )
        })
        .collect();
    let row = |kind: &str, side: &str, label: &str| {
        (kind.to_string(), side.to_string(), label.to_string())
    };
    assert_eq!(
        sides,
        [
            row("\"hold\"", "\"left\"", "\"arm\""),
            row("\"switch\"", "\"right\"", "\"arm\""),
            row("\"hold\"", "\"right\"", "\"arm\""),
            row("\"rest\"", "\"left\"", "\"side\""),
            row("\"hold\"", "\"left\"", "\"side\""),
            row("\"switch\"", "\"right\"", "\"side\""),
            row("\"hold\"", "\"right\"", "\"side\""),
        ]
    );
    // A routine without sides has no label either.
    let plain = Stretch::new()
        .args([
            "show",
            "hamstrings",
            "--only",
            "standing-toe-touch",
            "--format",
            "json",
        ])
        .run();
    let timeline = plain.expect_code(0).json()["timeline"].clone();
    assert!(
        timeline
            .as_array()
            .expect("timeline")
            .iter()
            .all(|phase| phase["side"].is_null() && phase["side_label"].is_null()),
        "{timeline}"
    );
}

#[test]
fn plain_mode_and_the_voice_say_the_label() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let run = Stretch::new()
        .args(["run", &sides(), "--voice"])
        .env("STRETCH_VOICE_COMMAND", fixture("run/say.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        // Phases of a tenth of a second: time enough to start the fake speech program.
        .speed(10)
        .run();
    let lines: Vec<&str> = run
        .expect_code(0)
        .stdout
        .lines()
        .map(|line| line.split_once("  ").map_or(line, |(_, text)| text))
        .collect();
    assert_eq!(
        lines,
        [
            "hold (1s): Wrist flexor stretch, left arm",
            "switch sides (1s): right arm next",
            "hold (1s): Wrist flexor stretch, right arm",
            "next up (1s): Neck tilt, left side",
            "hold (1s): Neck tilt, left side",
            "switch sides (1s): right side next",
            "hold (1s): Neck tilt, right side",
            "finished",
            "Routine complete: 2 of 2 stretches done (4 of 4 holds), 4s in holds, 7s in all.",
        ]
    );
    assert_eq!(
        std::fs::read_to_string(spoken.path()).expect("spoken"),
        "1|Wrist flexor stretch, left arm.\n\
         1|switch sides.\n\
         1|Wrist flexor stretch, right arm.\n\
         1|next: Neck tilt.\n\
         1|Neck tilt, left side.\n\
         1|switch sides.\n\
         1|Neck tilt, right side.\n\
         1|routine complete.\n"
    );
}
