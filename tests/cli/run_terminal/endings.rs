//! How a full-screen run ends: finished, quit by a signal or Ctrl-C, or by a panic; each
//! time with the terminal as it was. And a plain run in the background of a terminal.

use nix::sys::signal::Signal;

use super::{SHORT_FIRST, short, start_steady, steady};
use crate::support::{Env, STRETCH, Stretch, test_hooks};

#[test]
fn a_panic_on_any_thread_leaves_the_terminal_restored_and_its_message_readable() {
    if !test_hooks("a_panic_on_any_thread_leaves_the_terminal_restored_and_its_message_readable") {
        return;
    }
    // Debug builds, which the tests run, panic on the first key on the thread named.
    for thread in ["main", "keys"] {
        let mut run = Stretch::new()
            .arg("run")
            .arg(steady())
            .env("STRETCH_TEST_PANIC", thread)
            .env("RUST_BACKTRACE", "0")
            .pty();
        run.wait_for_text("Seated forward bend");
        run.type_keys(b" ");
        let screen = run.assert_exit_with_terminal_restored_whatever_the_cause(101);
        assert!(
            screen.contains(&format!("thread '{thread}' "))
                && screen.contains("panicked")
                && screen.contains(&format!("STRETCH_TEST_PANIC is set to {thread}")),
            "{screen}"
        );
    }
}

#[test]
fn sigint_exits_130_with_the_terminal_restored() {
    let mut run = start_steady();
    run.signal(Signal::SIGINT);
    run.assert_exit_and_terminal_restored(130);
    run.summary();
}

#[test]
fn sigterm_exits_143_with_the_terminal_restored() {
    let mut run = start_steady();
    run.signal(Signal::SIGTERM);
    run.assert_exit_and_terminal_restored(143);
}

#[test]
fn sighup_exits_129_with_the_terminal_restored() {
    let mut run = start_steady();
    run.signal(Signal::SIGHUP);
    run.assert_exit_and_terminal_restored(129);
}

#[test]
fn ctrl_c_typed_exits_130_with_the_terminal_restored() {
    let mut run = start_steady();
    run.type_keys(b"\x03");
    run.assert_exit_and_terminal_restored(130);
}

#[test]
fn a_signal_while_paused_still_ends_the_run() {
    let mut run = start_steady();
    run.type_keys(b" ");
    run.wait_for_text("PAUSED");
    run.signal(Signal::SIGTERM);
    run.assert_exit_and_terminal_restored(143);
}

#[test]
fn a_routine_that_finishes_prints_its_summary_on_the_normal_screen() {
    // Phases of a tenth of a second: the first stretch is on screen for four of them.
    let mut run = Stretch::new().arg("run").arg(short()).speed(10).pty();
    run.wait_for_text(SHORT_FIRST);
    run.assert_exit_and_terminal_restored(0);
    let summary = run.summary();
    assert!(summary.contains("2 of 2 stretches done"), "{summary}");
    // A bell at the start of every phase (lead-in, hold, switch, hold, rest, hold) and one
    // at the end: 7. Events that come due in one wake ring once, so a machine that stalls
    // past a phase's end may hear 6; never more than one a change.
    assert!((6..=7).contains(&run.bells()), "{} bells", run.bells());
}

#[test]
fn a_plain_run_in_the_background_writes_its_log_instead_of_stopping() {
    // `set -m` gives the background job its own process group, as an interactive shell
    // does: one that changed the terminal's modes from there would be stopped (SIGTTOU)
    // and never finish.
    let env = Env::new();
    let log = env.scratch().join("log");
    let script = format!(
        "set -m; '{STRETCH}' run --plain '{}' > '{}' & wait $!; echo \"status=$?\"",
        short().display(),
        log.display()
    );
    let mut run = env
        .stretch()
        .program("/bin/sh")
        .args(["-c", &script])
        .fast()
        .pty();
    run.wait_for_text("status=0");
    let log = std::fs::read_to_string(&log).expect("the log");
    assert!(
        log.contains("Routine complete: 2 of 2 stretches done"),
        "{log}"
    );
    assert!(!log.contains('\r'), "a log has plain newlines: {log:?}");
}
