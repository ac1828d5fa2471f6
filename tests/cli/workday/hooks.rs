//! The hooks: `on_start` and `on_finish` around a run, `on_break_due` with a nudge, each
//! with the event in its environment; a hook that fails, cannot start, or outlives its
//! time limit is one warning line (and is stopped), and the run goes on.

use std::fs;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::kill;
use nix::unistd::Pid;

use super::{at, hook, session, stretch_at, with_config};
use crate::support::{Env, Outcome, fixture, test_hooks};

/// A run of the one-second routine with the hooks `config` sets.
fn run_with(env: &Env) -> Outcome {
    env.stretch()
        .args([
            "run",
            "--plain",
            "--lead-in",
            "0",
            "--switch",
            "0",
            "--no-log",
        ])
        .arg(fixture("workday/one.toml"))
        .fast()
        // Whatever the test's own environment says, a hook gets the run's event only.
        .env("STRETCH_ENDING", "leaked")
        .run()
}

/// The lines the hooks wrote to `out`, sorted (they run side by side).
fn written(out: &std::path::Path) -> Vec<String> {
    let mut lines: Vec<String> = fs::read_to_string(out)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

#[test]
fn start_and_finish_hooks_get_the_event_in_their_environment() {
    let out = tempfile::NamedTempFile::new().unwrap();
    let env = with_config(&format!(
        "on_start = {}\non_finish = {}\n",
        hook(out.path(), "start"),
        hook(out.path(), "finish")
    ));
    let run = run_with(&env);
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    assert_eq!(
        written(out.path()),
        [
            "finish event=finish routine=one ending=finished active_s=1",
            "start event=start routine=one ending=unset active_s=unset",
        ]
    );
}

#[test]
fn a_hook_that_fails_or_cannot_start_is_one_warning_and_the_run_goes_on() {
    let out = tempfile::NamedTempFile::new().unwrap();
    let env = with_config(&format!(
        "on_start = [\"/nonexistent/pause-music\"]\non_finish = {}\n",
        hook(out.path(), "fail")
    ));
    let run = run_with(&env);
    run.expect_code(0);
    assert!(
        run.stdout
            .contains("Routine complete: 1 of 1 stretches done"),
        "{}",
        run.stdout
    );
    let mut warnings: Vec<&str> = run.stderr.lines().collect();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            "warning: the on_finish hook `/bin/sh` failed (exit status: 3); the run went on",
            "warning: the on_start hook `/nonexistent/pause-music` cannot start: No such file or directory (os error 2); the run went on",
        ]
    );
}

#[test]
fn a_hook_is_stopped_at_its_time_limit() {
    let out = tempfile::NamedTempFile::new().unwrap();
    let env = with_config(&format!(
        "on_start = {}\nhook_timeout = \"2s\"\n",
        hook(out.path(), "slow")
    ));
    let started = Instant::now();
    let run = run_with(&env);
    run.expect_code(0);
    assert_eq!(
        run.stderr,
        "warning: the on_start hook `/bin/sh` did not finish within 2s and was stopped; the run went on\n"
    );
    // It ran its two seconds, beside the one-second run, not before it.
    assert!(started.elapsed() >= Duration::from_secs(2));
    let pid: i32 = fs::read_to_string(format!("{}.pid", out.path().display()))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        kill(Pid::from_raw(pid), None),
        Err(Errno::ESRCH),
        "the hook is gone"
    );
}

#[test]
fn on_break_due_runs_with_a_nudge_and_not_without_one() {
    if !test_hooks("on_break_due_runs_with_a_nudge_and_not_without_one") {
        return;
    }
    let out = tempfile::NamedTempFile::new().unwrap();
    let env = with_config(&format!(
        "routine = \"desk\"\non_break_due = {}\n",
        hook(out.path(), "due")
    ));
    env.set_history(session(&at(-60)));
    let present = Some("IdleHint=no\nIdleSinceHint=0\nLockedHint=no");
    // Quiet, without a notification, is no nudge: no hook.
    stretch_at(&env, &at(0), present, &["due", "--every", "50m", "--quiet"])
        .run()
        .expect_code(1);
    assert_eq!(written(out.path()), Vec::<String>::new());
    let run = stretch_at(&env, &at(0), present, &["due", "--every", "50m"]).run();
    run.expect_code(1);
    assert_eq!(run.stderr, "");
    assert_eq!(
        written(out.path()),
        ["due event=break_due routine=desk ending=unset active_s=unset"]
    );
    // No second nudge within the interval, so no second hook.
    stretch_at(&env, &at(10), present, &["due", "--every", "50m"])
        .run()
        .expect_code(1);
    assert_eq!(written(out.path()).len(), 1);
}

#[test]
fn a_hook_must_be_an_array_of_words() {
    let env = with_config("on_start = \"playerctl pause\"\n");
    let run = env.stretch().arg("config").run();
    run.expect_code(1);
    assert!(
        run.stderr.contains(
            "wrong type for `on_start`: expected an array of the program and its arguments"
        ),
        "{}",
        run.stderr
    );
    // Every other command warns once and runs without it.
    let run = run_with(&env);
    run.expect_code(0);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}
