//! The voice: how much it says at each `--voice` level, and that it keeps up with the
//! routine when the speech is slower than the cues, through a fake speech program that
//! talks at 150 words a minute.

use std::time::{SystemTime, UNIX_EPOCH};

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
        .run()
        .expect_code(0);
    std::fs::read_to_string(spoken.path()).expect("spoken")
}

#[test]
fn each_level_says_what_it_names_and_a_bare_voice_means_cues() {
    let phases = "1|get ready: Lying strap stretch.\n\
                  1|Lying strap stretch, left leg.\n\
                  1|switch sides.\n\
                  1|Lying strap stretch, right leg.\n\
                  1|next: Toe touch $HOME `id` 'quoted' ; true.\n\
                  1|Toe touch $HOME `id` 'quoted' ; true.\n\
                  1|routine complete.\n";
    assert_eq!(spoken_at(Some("phases")), phases);
    // The stretch's own cue is said with the hold it starts with; the reminders are not.
    let cues = "1|get ready: Lying strap stretch.\n\
                1|Lying strap stretch, left leg. Keep the other leg flat.\n\
                1|switch sides.\n\
                1|Lying strap stretch, right leg. Keep the other leg flat.\n\
                1|next: Toe touch $HOME `id` 'quoted' ; true.\n\
                1|Toe touch $HOME `id` 'quoted' ; true.\n\
                1|routine complete.\n";
    assert_eq!(spoken_at(Some("cues")), cues);
    assert_eq!(spoken_at(None), cues);
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

fn seconds_since_epoch(time: SystemTime) -> f64 {
    time.duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs_f64()
}

#[test]
fn a_slow_voice_drops_a_cue_it_cannot_start_in_2_s_and_is_never_late_for_a_phase() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let mut run = Stretch::new()
        .args([
            "run",
            &fixture("options/talk.toml").display().to_string(),
            "--voice",
        ])
        .env("STRETCH_VOICE_COMMAND", fixture("options/talk.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        .spawn();
    // The run's time zero is at or before the moment its first line arrives, so lateness
    // measured from here is never more than the real lateness.
    let first = run.read_line();
    let zero = seconds_since_epoch(SystemTime::now());
    assert_eq!(first, "00:00  hold (10s): Reach\n");
    let rest = run.finish();
    rest.expect_code(0);

    // The dropped cue is in the log, when it was dropped: 2 s after it was due.
    assert!(
        rest.stdout.contains("00:04  cue not spoken: short.\n"),
        "{}",
        rest.stdout
    );
    assert_eq!(
        rest.stdout.matches("cue not spoken").count(),
        1,
        "{}",
        rest.stdout
    );

    let said: Vec<(f64, String)> = std::fs::read_to_string(spoken.path())
        .expect("spoken")
        .lines()
        .map(|line| {
            let (at, text) = line.split_once('|').expect("time|text");
            (at.parse::<f64>().expect("seconds") - zero, text.to_string())
        })
        .collect();
    let texts: Vec<&str> = said.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Reach.",
            "one two three four five six seven eight.",
            "five.",
            "alpha beta gamma delta.",
            "tail.",
            "next: Fold.",
            "Fold, rep 1 of 2.",
            "next rep.",
            "Fold, rep 2 of 2.",
            "routine complete.",
        ]
    );
    // When each was due, in seconds of the run, and whether it is a phase change.
    let due = [
        (0.0, true),
        (1.0, false),
        (5.0, false),
        (6.0, false),
        (7.0, false),
        (10.0, true),
        (11.0, true),
        (12.0, true),
        (13.0, true),
        (14.0, true),
    ];
    for ((at, text), (due, phase)) in said.iter().zip(due) {
        let late = at - due;
        if phase {
            // A phase change cuts in at once: only starting the program stands between.
            assert!(late < 1.0, "`{text}` came {late:.2} s late");
        } else {
            assert!(late <= 2.0, "the cue `{text}` came {late:.2} s late");
        }
    }
}
