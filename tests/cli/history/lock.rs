//! Never stuck on the history's lock: a run prints its summary, then records, waiting for
//! another program's lock for about 2 s at most; a signal ends the wait with its own
//! status; and a write that fails (a file size limit, as a full disk would) is cut back, so
//! no fragment of a line is left behind.

use std::fs::File;
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;

use crate::support::pty::PATIENCE;
use crate::support::{Env, STRETCH, fixture};

const SUMMARY: &str =
    "Routine complete: 2 of 2 stretches done (3 of 3 holds), 3s in holds, 4s in all.\n";

/// A whole line of the history, with its newline.
fn one_line() -> String {
    let text = std::fs::read_to_string(fixture("history/log.jsonl")).unwrap();
    text.lines().next().unwrap().to_string() + "\n"
}

/// The history, made with one line, and held locked (exclusively) by this test.
fn locked_history(env: &Env) -> (String, File) {
    let line = one_line();
    let path = env.set_history(&line);
    let holder = File::open(path).unwrap();
    holder.lock().unwrap();
    (line, holder)
}

/// Waits for `file` to end with `text`, or fails the test if it does not in time.
fn wait_for_end(file: &std::path::Path, text: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let written = std::fs::read_to_string(file).unwrap_or_default();
        if written.ends_with(text) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no {text:?} in time: the run is stuck; it wrote {written:?}"
        );
        thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_run_prints_its_summary_waits_a_while_for_a_held_lock_and_says_it_was_not_recorded() {
    let env = Env::new();
    let (line, _holder) = locked_history(&env);
    // A run that waited for ever (deaf to SIGTERM as it waited, before) is killed here (-1).
    let run = env
        .stretch()
        .program("timeout")
        .args(["-s", "KILL", "60", STRETCH, "run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .run();
    run.expect_code(0);
    assert!(run.stdout.ends_with(SUMMARY), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        format!(
            "warning: this session was not recorded in your history: another program has held it locked for 2 s ({})\n",
            env.history().display()
        )
    );
    assert_eq!(std::fs::read_to_string(env.history()).unwrap(), line);
}

#[test]
fn a_signal_ends_the_wait_for_the_lock_with_its_own_status() {
    for (signal, code) in [
        (Signal::SIGINT, 130),
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
    ] {
        let env = Env::new();
        let (line, _holder) = locked_history(&env);
        let out = env.scratch().join("out");
        let run = env
            .stretch()
            .args(["run", "--plain"])
            .arg(fixture("plain/short.toml"))
            .stdout(File::create(&out).unwrap())
            .spawn();
        // The summary comes before the wait for the lock: the run is over, and waits.
        wait_for_end(&out, SUMMARY);
        run.signal(signal);
        let outcome = run.finish();
        outcome.expect_code(code);
        assert_eq!(
            outcome.stderr,
            format!(
                "warning: this session was not recorded in your history: a signal came while another program held it locked ({})\n",
                env.history().display()
            ),
            "{signal}"
        );
        assert_eq!(std::fs::read_to_string(env.history()).unwrap(), line);
    }
}

#[test]
fn a_write_that_fails_leaves_no_fragment() {
    // A file size limit (`ulimit -f`, in 1024-byte blocks in bash) one block above the
    // history's size: the record's line, longer than what is left, is cut by the system
    // part of the way. SIGXFSZ is ignored, so the write fails instead of ending the run.
    let env = Env::new();
    let one = one_line();
    // Whole lines, then a blank one (no damage) to 40 bytes short of the limit.
    let mut text = one.repeat(4096 / one.len());
    let blocks = text.len() / 1024 + 1;
    text.push_str(&" ".repeat(blocks * 1024 - 40 - text.len() - 1));
    text.push('\n');
    env.set_history(&text);
    let run = env
        .stretch()
        .program("bash")
        .args([
            "-c",
            &format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""),
            STRETCH,
            "run",
            "--plain",
        ])
        .arg(fixture("plain/short.toml"))
        .run();
    run.expect_code(0);
    assert!(run.stdout.ends_with(SUMMARY), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        format!(
            "warning: this session was not recorded in your history: cannot write to {}: File too large (os error 27)\n",
            env.history().display()
        )
    );
    assert_eq!(std::fs::read_to_string(env.history()).unwrap(), text);
}
