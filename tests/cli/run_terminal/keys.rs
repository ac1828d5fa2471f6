//! How `b` and the keys overlay steer a run on the full screen. The holds of
//! `steady.toml` last ten minutes, so the progress bar's label tells how far in one is.

use super::screen::remaining_from_label;
use super::{start_steady, start_steady_at};
use crate::support::pty::Terminal;

/// Whether the screen is `seconds_in` seconds or fewer into the ten-minute hold of `side`.
fn at_most_into(run: &Terminal, side: &str, seconds_in: u64) -> bool {
    let contents = run.contents();
    contents.contains(&format!("Seated forward bend · {side}"))
        && remaining_from_label(&contents).is_some_and(|left| 600 - left <= seconds_in)
}

/// Start `steady.toml` and go to the start of its second hold, the right side.
fn at_the_right_side() -> Terminal {
    at_the_right_side_of(start_steady())
}

/// Go to the start of the second hold, the right side, of a run of `steady.toml`.
fn at_the_right_side_of(mut run: Terminal) -> Terminal {
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b"nn");
    run.wait_until("the right side's hold", |run| {
        at_most_into(run, "right leg", 2)
    });
    run
}

#[test]
fn back_more_than_3_s_into_a_hold_restarts_it() {
    // Twice as fast: 4 s into the hold in 2 s, and still a second to see its first 2 s.
    let mut run = at_the_right_side_of(start_steady_at(2));
    run.wait_until("4 s into the right side", |run| {
        remaining_from_label(&run.contents()).is_some_and(|left| left <= 596)
    });
    run.type_keys(b"b");
    // The same side again from its start; going back to the left side would be wrong.
    run.wait_until("the right side's hold from its start", |run| {
        at_most_into(run, "right leg", 2)
    });
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn back_within_3_s_of_a_hold_goes_to_the_hold_before() {
    let mut run = start_steady();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    // All three keys at once: `b` comes well within the first 3 s of the right side.
    run.type_keys(b"nnb");
    run.wait_until("the left side's hold from its start", |run| {
        at_most_into(run, "left leg", 2)
    });
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn the_keys_overlay_pauses_and_closing_it_resumes_unless_paused_before() {
    let mut run = at_the_right_side();
    run.type_keys(b"?");
    run.wait_for_text("pause or resume");
    run.wait_for_text("PAUSED");
    run.type_keys(b"?");
    run.wait_for("the overlay closed and the countdown running", |screen| {
        let contents = screen.contents();
        !contents.contains("pause or resume") && !contents.contains("PAUSED")
    });

    // Paused before it opened: still paused once it closes.
    run.type_keys(b" ");
    run.wait_for_text("PAUSED");
    run.type_keys(b"?");
    run.wait_for_text("pause or resume");
    run.type_keys(b"?");
    run.wait_for("the overlay closed", |screen| {
        !screen.contents().contains("pause or resume")
    });
    let contents = run.contents();
    assert!(contents.contains("PAUSED"), "{contents}");
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}
