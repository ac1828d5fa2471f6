//! Snapshots of whole frames: each state of the screen at sizes from a full terminal down
//! to a tiny one, so that any change to what the user sees shows up in a review. Each row
//! ends in `|` to mark the right edge of the screen.
//!
//! The snapshots are in `snapshots/`, named by state and size; after a change meant to
//! alter the screen, `INSTA_UPDATE=always cargo test --lib screen` rewrites them to review.

use super::Screen;
use super::fixtures::{BOUNCE, index_of, render, routine, rows, screen, secs, view};
use crate::plan::engine::View;
use crate::plan::timeline::{PhaseKind, Timeline};

/// The sizes each state is drawn at: a full terminal, a small one, a tiny one, a corner.
const SIZES: [(u16, u16); 4] = [(80, 24), (40, 12), (20, 5), (10, 3)];

/// Checks `screen` showing `view` at every size against the snapshots `{state}_{size}`.
fn assert_frames(state: &str, screen: &Screen, view: &View) {
    for (width, height) in SIZES {
        let buf = render(screen, view, width, height);
        let frame: String = rows(&buf).iter().map(|row| format!("{row}|\n")).collect();
        insta::assert_snapshot!(format!("{state}_{width}x{height}"), frame);
    }
}

#[test]
fn a_hold_with_a_cue_and_the_reminders() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let hold = index_of(&timeline, PhaseKind::Hold);
    let cue = Some("Keep the other leg flat on the floor.");
    assert_frames(
        "hold",
        &screen(&routine),
        &view(&timeline, hold, secs(18), cue),
    );
}

#[test]
fn get_ready_before_the_first_stretch() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let lead_in = index_of(&timeline, PhaseKind::LeadIn);
    assert_frames(
        "get_ready",
        &screen(&routine),
        &view(&timeline, lead_in, secs(5), None),
    );
}

#[test]
fn switch_sides() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let switch = index_of(&timeline, PhaseKind::Switch);
    assert_frames(
        "switch_sides",
        &screen(&routine),
        &view(&timeline, switch, secs(4), None),
    );
}

#[test]
fn paused_during_a_hold() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let hold = index_of(&timeline, PhaseKind::Hold);
    let mut paused = view(&timeline, hold, secs(7), Some(BOUNCE));
    paused.paused = true;
    assert_frames("paused", &screen(&routine), &paused);
}

#[test]
fn the_keys_overlay() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let hold = index_of(&timeline, PhaseKind::Hold);
    let keys = Screen {
        help_visible: true,
        ..screen(&routine)
    };
    assert_frames("keys", &keys, &view(&timeline, hold, secs(20), None));
}
