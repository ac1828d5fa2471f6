//! The voice: how much it says at each `--voice` level, through a fake speech program.
//! That it keeps up with the routine when the speech is slower than the cues is in
//! `real_time`, since it takes the routine's real time.

use crate::support::{Stretch, fixture};

/// Runs `tests/fixtures/run/short.toml` with `--voice=LEVEL` (bare `--voice` for `None`)
/// and returns what the speech program was asked to say, one utterance a line.
fn spoken_at(level: Option<&str>) -> String {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let flag = level.map_or("--voice".to_string(), |level| format!("--voice={level}"));
    Stretch::new()
        .args([
            "run",
            &fixture("run/short.toml").display().to_string(),
            &flag,
        ])
        .env("STRETCH_VOICE_COMMAND", fixture("run/say.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        // Phases of a tenth of a second: time enough to start the fake speech program.
        .speed(10)
        .run()
        .expect_code(0);
    std::fs::read_to_string(spoken.path()).expect("spoken")
}

/// What `--voice=phases` says: the phase changes.
const PHASES: &str = "1|get ready: Lying strap stretch.\n\
                      1|Lying strap stretch, left leg.\n\
                      1|switch sides.\n\
                      1|Lying strap stretch, right leg.\n\
                      1|next: Toe touch $HOME `id` 'quoted' ; true.\n\
                      1|Toe touch $HOME `id` 'quoted' ; true.\n\
                      1|routine complete.\n";

/// What `--voice=cues` says: the stretch's own cue with the hold it starts with; not the
/// reminders.
const CUES: &str = "1|get ready: Lying strap stretch.\n\
                    1|Lying strap stretch, left leg. Keep the other leg flat.\n\
                    1|switch sides.\n\
                    1|Lying strap stretch, right leg. Keep the other leg flat.\n\
                    1|next: Toe touch $HOME `id` 'quoted' ; true.\n\
                    1|Toe touch $HOME `id` 'quoted' ; true.\n\
                    1|routine complete.\n";

#[test]
fn voice_phases_says_the_phase_changes() {
    assert_eq!(spoken_at(Some("phases")), PHASES);
}

#[test]
fn voice_cues_adds_each_stretchs_own_cue() {
    assert_eq!(spoken_at(Some("cues")), CUES);
}

#[test]
fn a_bare_voice_means_cues() {
    assert_eq!(spoken_at(None), CUES);
}

#[test]
fn voice_all_adds_the_reminders() {
    let all = spoken_at(Some("all"));
    assert!(all.contains("1|Don't bounce.\n"), "{all}");
    // Getting ready, it also reads how to get into the stretch.
    assert!(
        all.starts_with(
            "1|get ready: Lying strap stretch. Lie on your back with a strap around one foot.\n"
        ),
        "{all}"
    );
    assert!(
        all.contains(
            "1|next: Toe touch $HOME `id` 'quoted' ; true. Stand tall, then lean forward at the hips.\n"
        ),
        "{all}"
    );
    assert!(
        all.contains("Hold at a comfortable, pain-free level"),
        "{all}"
    );
}

#[test]
fn an_unknown_voice_level_is_a_usage_error() {
    let run = Stretch::new().args(["run", "--voice=loud"]).run();
    run.expect_code(2);
    assert!(
        run.stderr.contains("[possible values: phases, cues, all]"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_start_of_the_hold_cuts_off_the_reading_of_how() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    Stretch::new()
        .args([
            "run",
            &fixture("options/talk-how.toml").display().to_string(),
            "--voice=all",
            "--plain",
        ])
        .env("STRETCH_VOICE_COMMAND", fixture("options/talk.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        // The lead-in of 1 s in half a second: still far shorter than the reading.
        .speed(2)
        .run()
        .expect_code(0);
    let said: Vec<(f64, String)> = std::fs::read_to_string(spoken.path())
        .expect("spoken")
        .lines()
        .map(|line| {
            let (at, text) = line.split_once('|').expect("time|text");
            (at.parse::<f64>().expect("seconds"), text.to_string())
        })
        .collect();
    let texts: Vec<&str> = said.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "get ready: Reach. Stand tall with your feet hip-width apart, lift both arms above \
             your head, and reach slowly up toward the ceiling as far as is comfortable.",
            "Reach.",
            "routine complete.",
        ]
    );
    // Read whole, the 24 words of how would take 9.6 s: the hold's name came before, as
    // the hold started and cut them off.
    let words = texts[0].split_whitespace().count();
    let reading = 0.4 * words as f64;
    assert!(said[1].0 - said[0].0 < reading - 5.0, "{said:?}");
}
