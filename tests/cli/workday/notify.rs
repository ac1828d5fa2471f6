//! The notification of `due --notify`, from a fake `notify-send` with actions: it offers
//! "Start" (when `break_command` is set) and "Snooze 15 min", waits no longer than its own
//! expiry, and does what is chosen: `break_command` run as its words, or a snooze.

use std::fs;

use super::{at, hook, session, stretch_at, with_config};
use crate::support::{Env, Outcome, test_hooks};

const PRESENT: Option<&str> = Some("IdleHint=no\nIdleSinceHint=0\nLockedHint=no");

/// `due --every 50m --notify` at 11:00, an hour after the last session, with the fake
/// notifier answering `choice`; what it was sent, and the run.
fn nudge(env: &Env, choice: &str) -> (String, Outcome) {
    env.set_history(session(&at(-60)));
    let sent = env.scratch().join("sent");
    let run = stretch_at(env, &at(0), PRESENT, &["due", "--every", "50m", "--notify"])
        .env("FAKE_NOTIFY_SENT", &sent)
        .env("FAKE_NOTIFY_CHOICE", choice)
        .run();
    (fs::read_to_string(&sent).unwrap_or_default(), run)
}

#[test]
fn start_runs_the_break_command_as_its_words() {
    if !test_hooks("start_runs_the_break_command_as_its_words") {
        return;
    }
    let out = tempfile::NamedTempFile::new().unwrap();
    let env = with_config(&format!("break_command = {}\n", hook(out.path(), "break")));
    let (sent, run) = nudge(&env, "start");
    run.expect_code(1);
    assert_eq!(
        sent,
        "--app-name=stretch|--expire-time=240000|--wait|--action=start=Start|\
         --action=snooze=Snooze 15 min|stretch|Time to stretch: 1h without a break (since 10:00)|"
    );
    assert_eq!(
        fs::read_to_string(out.path()).unwrap(),
        "break event=unset routine=unset ending=unset active_s=unset\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn snooze_snoozes_for_15_minutes_and_no_start_is_offered_without_a_break_command() {
    if !test_hooks("snooze_snoozes_for_15_minutes_and_no_start_is_offered_without_a_break_command")
    {
        return;
    }
    let env = Env::new();
    let (sent, run) = nudge(&env, "snooze");
    run.expect_code(1);
    assert!(!sent.contains("--action=start"), "{sent}");
    assert!(sent.contains("|--action=snooze=Snooze 15 min|"), "{sent}");
    assert_eq!(
        run.stdout,
        "Time to stretch: 1h without a break (since 10:00)\nSnoozed until 11:15.\n"
    );
    let snooze = stretch_at(&env, &at(1), PRESENT, &["snooze"]).run();
    assert_eq!(
        snooze.stdout,
        "Snoozed until 11:15 (14m left); `stretch snooze off` ends it.\n"
    );
    // "start" without a break command to run is nothing.
    let (_, run) = nudge(&Env::new(), "start");
    run.expect_code(1);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_failing_break_command_is_one_warning() {
    if !test_hooks("a_failing_break_command_is_one_warning") {
        return;
    }
    let env = with_config("break_command = [\"/nonexistent/terminal\", \"-e\", \"stretch\"]\n");
    let (_, run) = nudge(&env, "start");
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "warning: `break_command` cannot start `/nonexistent/terminal`: No such file or directory (os error 2)\n"
    );
}
