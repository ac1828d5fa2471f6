//! `stretch run` end to end, full screen: the real binary in a pseudo-terminal
//! ([`crate::support::pty`]), its output read into a terminal emulator, keys typed, the
//! window resized, signals sent, and the terminal's modes compared with what they were
//! before it started.
//!
//! Conditions are polled for with a generous timeout that only fails a test when the
//! condition never comes; nothing here limits how fast the program must be. Tests that
//! press keys run `steady.toml`, whose holds outlast any test, so a slow machine cannot
//! make the routine end before the keys arrive; tests that let a routine finish run
//! `short.toml`, about seven seconds long.

mod endings;
mod keys;
mod screen;
mod sound;

use std::path::PathBuf;

use crate::support::pty::{Terminal, in_raw_mode};
use crate::support::{Stretch, fixture};

const SHORT_FIRST: &str = "Lying strap stretch";
const SHORT_SECOND: &str = "Toe touch $HOME `id` 'quoted' ; true";

/// A routine whose holds outlast any test.
fn steady() -> PathBuf {
    fixture("run/steady.toml")
}

/// A routine of about seven seconds.
fn short() -> PathBuf {
    fixture("run/short.toml")
}

/// Start `steady.toml` without its lead-in, and wait until its first stretch is on the
/// full screen in raw mode.
pub(crate) fn start_steady() -> Terminal {
    start_steady_at(1)
}

/// [`start_steady`], with the clock `speed` times faster ([`Stretch::speed`]).
pub(crate) fn start_steady_at(speed: u32) -> Terminal {
    let mut run = Stretch::new()
        .arg("run")
        .arg(steady())
        .args(["--lead-in", "0"])
        .speed(speed)
        .pty();
    run.wait_for_text("Seated forward bend");
    assert!(
        in_raw_mode(&run.termios_now()),
        "the program runs without raw mode"
    );
    run
}
