//! The few tests that check when things happen, and so run routines in real time (the
//! others run their clock faster: `Stretch::speed`): a plain run's stamps against the
//! plan, and a voice slower than the cues, through a fake speech program that talks at
//! 150 words a minute, dropping a cue it cannot start in 2 s and never late for a phase.
//!
//! Here rather than beside the voice's other tests: libtest starts tests in the order of
//! their names, and `real_time` comes before half of the suite, so these long tests run
//! beside the rest instead of ending the run alone (`voice::` came last).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::run_plain::is_stamp;
use crate::support::{Stretch, fixture};

#[test]
fn plain_run_stamps_are_in_order_and_end_at_the_plan() {
    let run = Stretch::new()
        .args(["run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .run();
    let seconds: Vec<u64> = run
        .stdout
        .lines()
        .filter_map(|line| line.split_once("  "))
        .filter(|(stamp, _)| is_stamp(stamp))
        .map(|(stamp, _)| {
            stamp
                .split(':')
                .fold(0, |total, part| total * 60 + part.parse::<u64>().unwrap())
        })
        .collect();
    assert_eq!(seconds.len(), 9);
    assert!(
        seconds.windows(2).all(|pair| pair[0] <= pair[1]),
        "{seconds:?}"
    );
    assert_eq!(seconds[0], 0);
    assert!(seconds[8] >= 4, "the plan is 4 s long: {seconds:?}");
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
