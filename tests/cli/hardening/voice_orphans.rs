//! A speech program that starts a child and exits at once leaves no process behind when
//! the run ends: every utterance's process group is signalled, whether or not the
//! program that leads it has already exited; and a child that left the group (`setsid`,
//! `setpgid`) comes back to the program, a child subreaper, which ends it (Linux).

use std::fs;
use std::thread;
use std::time::{Duration, Instant};

use crate::support::pty::PATIENCE;
use crate::support::{Stretch, fixture};

/// Whether the process `pid` is gone (or a zombie, which has ended and waits to be reaped).
fn ended(pid: u32) -> bool {
    // /proc/PID/stat: "PID (NAME) STATE ..."; Z is a zombie.
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

#[test]
#[cfg(target_os = "linux")]
fn no_speech_process_outlives_the_run() {
    let started = tempfile::NamedTempFile::new().unwrap();
    Stretch::new()
        .args(["run", "--plain", "--voice=all"])
        .arg(fixture("plain/short.toml"))
        .env(
            "STRETCH_VOICE_COMMAND",
            fixture("run/background_speaker.sh"),
        )
        .env("STRETCH_TEST_SPOKEN", started.path())
        .speed(10)
        .run()
        .expect_code(0);
    let pids = pids_in(started.path());
    // One utterance for each of the six moments of `short.toml`, reminders included (see
    // `run_plain`).
    assert_eq!(pids.len(), 6, "{pids:?}");
    // A killed process takes a moment to go; one that was never signalled sleeps for 600 s.
    assert_all_end(&pids, "speech processes");
}

/// Waits for every process of `pids` to end, and kills (and names) any that does not.
fn assert_all_end(pids: &[u32], what: &str) {
    let deadline = Instant::now() + PATIENCE;
    let alive = loop {
        let alive: Vec<u32> = pids.iter().copied().filter(|&pid| !ended(pid)).collect();
        if alive.is_empty() || Instant::now() > deadline {
            break alive;
        }
        thread::sleep(Duration::from_millis(10));
    };
    for &pid in &alive {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
    assert_eq!(alive, Vec::<u32>::new(), "{what} left running");
}

/// The process ids a fake program appended to `file`, one a line.
fn pids_in(file: &std::path::Path) -> Vec<u32> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|line| line.parse().unwrap())
        .collect()
}

#[test]
#[cfg(target_os = "linux")]
fn no_speech_helper_that_leaves_its_process_group_outlives_the_run() {
    let spoken = tempfile::NamedTempFile::new().unwrap();
    Stretch::new()
        .args(["run", "--plain", "--voice=all", "--no-log"])
        .arg(fixture("plain/short.toml"))
        .env("STRETCH_VOICE_COMMAND", fixture("run/setsid_speaker.sh"))
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        .speed(10)
        .run()
        .expect_code(0);
    let pids = pids_in(spoken.path());
    assert_eq!(pids.len(), 6, "{pids:?}");
    assert_all_end(&pids, "helpers in sessions of their own");
}

#[test]
#[cfg(target_os = "linux")]
fn no_player_helper_that_leaves_its_process_group_outlives_the_run() {
    let played = tempfile::NamedTempFile::new().unwrap();
    Stretch::new()
        .args(["run", "--plain", "--sound", "--no-log"])
        .arg(fixture("sound/marks.toml"))
        .env("STRETCH_SOUND_COMMAND", fixture("sound/setpgid_player.sh"))
        .env("STRETCH_TEST_SPOKEN", played.path())
        .speed(4)
        .run()
        .expect_code(0);
    let pids = pids_in(played.path());
    assert!(pids.len() >= 8, "{pids:?}");
    assert_all_end(&pids, "helpers in process groups of their own");
}
