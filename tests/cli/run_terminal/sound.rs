//! The bell and the voice of a full-screen run.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use super::{SHORT_FIRST, SHORT_SECOND, short};
use crate::support::pty::PATIENCE;
use crate::support::{Stretch, fixture};

#[test]
fn no_bell_rings_no_bell() {
    let mut run = Stretch::new()
        .arg("run")
        .arg(short())
        .arg("--no-bell")
        .speed(10)
        .pty();
    run.wait_for_text(SHORT_FIRST);
    run.assert_exit_and_terminal_restored(0);
    assert_eq!(run.bells(), 0);
}

#[test]
fn the_voice_speaks_the_stretches_as_single_arguments() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let mut run = Stretch::new()
        .arg("run")
        .arg(short())
        .arg("--voice")
        .env("STRETCH_VOICE_COMMAND", fixture("run/say.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        // Phases of a tenth of a second: time enough to start the fake speech program.
        .speed(10)
        .pty();
    run.assert_exit_and_terminal_restored(0);
    // The last utterance may still be on its way out of the speaker when the run ends.
    let said = wait_for_file(spoken.path(), |said| said.contains(SHORT_SECOND));
    assert!(said.contains(SHORT_FIRST), "{said}");
    assert!(said.contains(SHORT_SECOND), "{said}");
    for line in said.lines() {
        assert!(
            line.starts_with("1|"),
            "not one argument: {line:?} in\n{said}"
        );
    }
}

#[test]
fn a_missing_speech_program_is_a_clear_message() {
    let mut run = Stretch::new()
        .arg("run")
        .arg(short())
        .arg("--voice")
        .env("STRETCH_VOICE_COMMAND", "/nonexistent")
        .pty();
    let status = run.finish();
    let contents = run.contents();
    assert_eq!(status.signal(), None, "{contents}");
    assert_ne!(status.exit_code(), 101, "a panic:\n{contents}");
    assert!(contents.contains("STRETCH_VOICE_COMMAND"), "{contents}");
    assert!(contents.contains("/nonexistent"), "{contents}");
    assert!(!contents.contains("panicked"), "{contents}");
    assert!(!run.screen(vt100::Screen::alternate_screen));
    assert_eq!(&run.termios_now(), run.termios_before());
}

/// The file's contents once `done` says they are complete, or when patience runs out.
fn wait_for_file(path: &Path, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let said = std::fs::read_to_string(path).unwrap_or_default();
        if done(&said) || Instant::now() >= deadline {
            return said;
        }
        thread::sleep(Duration::from_millis(10));
    }
}
