//! Suspend and resume, as vim, less and htop do: Ctrl-Z and SIGTSTP give the terminal back
//! and stop the process; SIGCONT takes the terminal again and redraws everything, after a
//! stop the program made itself or one it could not catch (`kill -STOP`). Plain mode says
//! `suspended` and `resumed`. That the time stopped counts as paused is checked in fake
//! time by the run loop's unit tests (`frontend::session::suspend`).

use std::fs;
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;

use crate::run_terminal::start_steady;
use crate::support::pty::{PATIENCE, Terminal, in_raw_mode};
use crate::support::{Stretch, fixture};

/// Whether process `pid` is stopped (state T in /proc/PID/stat).
fn stopped(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('T'))
    })
}

fn wait_until_stopped(pid: u32) {
    let deadline = Instant::now() + PATIENCE;
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "the program never stopped");
        thread::sleep(Duration::from_millis(10));
    }
}

/// The program stops itself with the terminal as it found it, and once continued takes
/// it again, redraws and goes on; `q` then ends it with the terminal restored.
fn suspends_and_resumes(mut run: Terminal, suspend: impl FnOnce(&mut Terminal)) {
    suspend(&mut run);
    wait_until_stopped(run.pid());
    run.wait_for("the normal screen with the cursor shown", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
    assert_eq!(
        &run.termios_now(),
        run.termios_before(),
        "stopped with the terminal's modes changed"
    );

    run.signal(Signal::SIGCONT);
    run.wait_for("the full screen again", |screen| {
        screen.alternate_screen()
            && screen.hide_cursor()
            && screen.contents().contains("Seated forward bend")
    });
    run.wait_until("raw mode again", |run| in_raw_mode(&run.termios_now()));
    assert!(!run.contents().contains("PAUSED"), "{}", run.contents());
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn ctrl_z_suspends_and_sigcont_resumes_the_full_screen() {
    suspends_and_resumes(start_steady(), |run| run.type_keys(b"\x1a"));
}

#[test]
fn sigtstp_from_outside_suspends_and_sigcont_resumes_the_full_screen() {
    suspends_and_resumes(start_steady(), |run| run.signal(Signal::SIGTSTP));
}

#[test]
fn after_a_stop_it_could_not_catch_sigcont_redraws_everything() {
    let mut run = start_steady();
    run.signal(Signal::SIGSTOP);
    wait_until_stopped(run.pid());
    // What the shell wrote meanwhile, say; only a full redraw puts the frame back.
    run.garble_screen();
    run.signal(Signal::SIGCONT);
    run.wait_for_text("Seated forward bend");
    assert!(!run.contents().contains("garbled"), "{}", run.contents());
    assert!(in_raw_mode(&run.termios_now()));
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn plain_mode_says_suspended_and_resumed() {
    let mut run = Stretch::new()
        .args(["run", "--plain"])
        .arg(fixture("run/steady.toml"))
        .spawn();
    assert!(run.read_line().contains("get ready"));
    run.signal(Signal::SIGTSTP);
    wait_until_stopped(run.pid());
    run.signal(Signal::SIGCONT);
    // Continued, it says so before it reads the next signal.
    run.signal(Signal::SIGTERM);
    let outcome = run.finish();
    outcome.expect_code(143);
    let said: Vec<&str> = outcome
        .stdout
        .lines()
        .filter_map(|line| line.split_once("  ").map(|(_, text)| text))
        .filter(|text| !text.starts_with("hold") && !text.starts_with("cue"))
        .collect();
    assert_eq!(said, ["suspended", "resumed"], "{}", outcome.stdout);
    assert!(
        outcome
            .stdout
            .lines()
            .last()
            .is_some_and(|line| line.starts_with("Interrupted: ")),
        "{}",
        outcome.stdout
    );
}
