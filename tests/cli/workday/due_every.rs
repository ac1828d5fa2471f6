//! `due --every`: due once no session has ended within the interval, not a second before;
//! within the working hours and days only, each day's interval starting with them; one
//! nudge an interval; and the config file's `every` as good as the flag.

use super::{at, session, state_file, stretch_at, with_config};
use crate::support::{Env, test_hooks};

const PRESENT: Option<&str> = Some("IdleHint=no\nIdleSinceHint=0\nLockedHint=no");

#[test]
fn due_at_the_interval_s_end_and_silent_a_second_before() {
    if !test_hooks("due_at_the_interval_s_end_and_silent_a_second_before") {
        return;
    }
    let env = Env::new();
    // The last session ended at 10:10:01: at 11:00 that is 49m 59s ago.
    let ended = at(-50)
        .checked_add(jiff::SignedDuration::from_secs(1))
        .unwrap();
    env.set_history(session(&ended));
    let run = stretch_at(&env, &at(0), PRESENT, &["due", "--every", "50m"]).run();
    run.expect_code(0);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    env.set_history(session(&at(-50)));
    let run = stretch_at(&env, &at(0), PRESENT, &["due", "--every", "50m"]).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "Time to stretch: 50m without a break (since 10:10)\n"
    );
    assert_eq!(run.stderr, "");
    // With no session at all in the days read, it is due.
    let fresh = Env::new();
    let run = stretch_at(&fresh, &at(0), PRESENT, &["due", "--every", "50m"]).run();
    run.expect_code(1);
    assert_eq!(run.stdout, "Time to stretch: no break lately\n");
}

#[test]
fn no_second_nudge_within_an_interval_but_still_status_1() {
    if !test_hooks("no_second_nudge_within_an_interval_but_still_status_1") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let due =
        |minutes: i64| stretch_at(&env, &at(minutes), PRESENT, &["due", "--every", "50m"]).run();
    let first = due(0);
    first.expect_code(1);
    assert_eq!(
        first.stdout,
        "Time to stretch: 1h without a break (since 10:00)\n"
    );
    let state = std::fs::read_to_string(state_file(&env)).unwrap();
    assert!(
        state.contains("\"nudged\":\"2026-03-03T10:00:00Z\""),
        "{state}"
    );
    for minutes in [0, 1, 49] {
        let again = due(minutes);
        again.expect_code(1);
        assert_eq!(again.stdout, "", "{minutes} minutes after the nudge");
    }
    let next = due(50);
    next.expect_code(1);
    assert_eq!(
        next.stdout,
        "Time to stretch: 1h 50m without a break (since 10:00)\n"
    );
}

#[test]
fn a_quiet_check_tells_no_one_and_is_no_nudge() {
    if !test_hooks("a_quiet_check_tells_no_one_and_is_no_nudge") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let run = stretch_at(&env, &at(0), PRESENT, &["due", "--every", "50m", "--quiet"]).run();
    run.expect_code(1);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert!(
        !state_file(&env).exists()
            || !std::fs::read_to_string(state_file(&env))
                .unwrap()
                .contains("nudged")
    );
    let loud = stretch_at(&env, &at(0), PRESENT, &["due", "--every", "50m"]).run();
    assert!(
        loud.stdout.starts_with("Time to stretch"),
        "{}",
        loud.stdout
    );
}

#[test]
fn the_working_day_starts_the_interval_and_nothing_is_due_outside_it() {
    if !test_hooks("the_working_day_starts_the_interval_and_nothing_is_due_outside_it") {
        return;
    }
    let env = Env::new();
    // Yesterday at 17:00.
    env.set_history(session(&at(-18 * 60)));
    let hours = [
        "due",
        "--every",
        "50m",
        "--between",
        "09:00-17:30",
        "--days",
        "mon-fri",
    ];
    let due = |minutes: i64| stretch_at(&env, &at(minutes), PRESENT, &hours).run();
    // 08:59, before the working day: nothing is due.
    let early = due(-121);
    early.expect_code(0);
    assert_eq!(early.stdout, "");
    // 09:49: the first break is due 50 minutes after 09:00.
    due(-71).expect_code(0);
    let first = due(-70);
    first.expect_code(1);
    assert_eq!(
        first.stdout,
        "Time to stretch: 50m without a break (since 09:00)\n"
    );
    // 17:30, the working day's end, and a Saturday: nothing.
    due(6 * 60 + 30).expect_code(0);
    let saturday = due(4 * 24 * 60);
    saturday.expect_code(0);
    assert_eq!(saturday.stdout, "");
}

#[test]
fn the_config_file_s_every_between_and_days_need_no_flags() {
    if !test_hooks("the_config_file_s_every_between_and_days_need_no_flags") {
        return;
    }
    let env = with_config("every = \"50m\"\nbetween = \"09:00-17:30\"\ndays = \"mon-fri\"\n");
    env.set_history(session(&at(-30)));
    stretch_at(&env, &at(0), PRESENT, &["due"])
        .run()
        .expect_code(0);
    let run = stretch_at(&env, &at(20), PRESENT, &["due"]).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "Time to stretch: 50m without a break (since 10:30)\n"
    );
    // A flag wins over the file.
    stretch_at(&env, &at(20), PRESENT, &["due", "--every", "1h"])
        .run()
        .expect_code(0);
    // Without `every`, `due` is daily: today counts already.
    let daily = Env::new();
    daily.set_history(session(&at(-300)));
    stretch_at(&daily, &at(0), PRESENT, &["due"])
        .run()
        .expect_code(0);
}

#[test]
fn bad_intervals_hours_and_days_are_refused_on_the_command_line() {
    let env = Env::new();
    for (args, words) in [
        (
            &["due", "--every", "30s"][..],
            "an interval must be from 1m to 24h, not 30s",
        ),
        (
            &["due", "--between", "17:30-09:00"][..],
            "ends before it starts",
        ),
        (
            &["status", "--days", "mon-fry"][..],
            "is not a list of days",
        ),
        (
            &["due", "--away", "3h"][..],
            "a time away must be from 1m to 2h",
        ),
    ] {
        let run = env.stretch().args(args).run();
        run.expect_code(2);
        assert!(run.stderr.contains(words), "{args:?}: {}", run.stderr);
    }
}
