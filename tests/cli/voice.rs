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
