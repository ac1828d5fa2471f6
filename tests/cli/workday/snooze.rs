//! `stretch snooze`: for a while, for today, or off; alone, what is in force. `due` (at
//! intervals and daily) and `status` honour it.

use super::{at, session, stretch_at};
use crate::support::{Env, test_hooks};

const PRESENT: Option<&str> = Some("IdleHint=no\nIdleSinceHint=0\nLockedHint=no");

#[test]
fn a_snooze_holds_the_nudges_until_it_ends() {
    if !test_hooks("a_snooze_holds_the_nudges_until_it_ends") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let run = |minutes: i64, args: &[&str]| stretch_at(&env, &at(minutes), PRESENT, args).run();
    let none = run(0, &["snooze"]);
    assert_eq!(
        none.expect_code(0).stdout,
        "Not snoozed: `due` nudges as it would.\n"
    );
    let snoozed = run(0, &["snooze", "30m"]);
    assert_eq!(
        snoozed.expect_code(0).stdout,
        "Snoozed until 11:30: no nudge until then.\n"
    );
    let due = run(10, &["due", "--every", "50m"]);
    due.expect_code(0);
    assert_eq!(due.stdout, "");
    assert_eq!(
        run(10, &["snooze"]).stdout,
        "Snoozed until 11:30 (20m left); `stretch snooze off` ends it.\n"
    );
    assert_eq!(
        run(10, &["status", "--every", "50m"]).stdout,
        "stretch snoozed until 11:30 · 1-day streak\n"
    );
    // The daily check honours it too.
    let daily = Env::new();
    stretch_at(&daily, &at(0), PRESENT, &["snooze", "30m"])
        .run()
        .expect_code(0);
    stretch_at(&daily, &at(29), PRESENT, &["due"])
        .run()
        .expect_code(0);
    stretch_at(&daily, &at(30), PRESENT, &["due"])
        .run()
        .expect_code(1);
    // At its end, the nudge comes.
    let after = run(30, &["due", "--every", "50m"]);
    after.expect_code(1);
    assert_eq!(
        after.stdout,
        "Time to stretch: 1h 30m without a break (since 10:00)\n"
    );
}

#[test]
fn today_lasts_until_midnight_and_off_ends_it() {
    if !test_hooks("today_lasts_until_midnight_and_off_ends_it") {
        return;
    }
    let env = Env::new();
    env.set_history(session(&at(-60)));
    let run = |minutes: i64, args: &[&str]| stretch_at(&env, &at(minutes), PRESENT, args).run();
    assert_eq!(
        run(0, &["snooze", "today"]).expect_code(0).stdout,
        "Snoozed for today: no nudge until then.\n"
    );
    assert_eq!(
        run(0, &["status", "--every", "50m"]).stdout,
        "stretch snoozed for today · 1-day streak\n"
    );
    // 23:59 is still snoozed; tomorrow at 00:00 is not.
    run(12 * 60 + 59, &["due", "--every", "50m"]).expect_code(0);
    run(13 * 60, &["due", "--every", "50m"]).expect_code(1);
    assert_eq!(
        run(0, &["snooze", "off"]).expect_code(0).stdout,
        "Snooze off: `due` nudges again as it would.\n"
    );
    run(0, &["due", "--every", "50m"]).expect_code(1);
    assert_eq!(
        run(0, &["snooze", "off"]).stdout,
        "No snooze was in force.\n"
    );
}

#[test]
fn a_snooze_is_a_duration_today_or_off() {
    let env = Env::new();
    for (arg, words) in [
        ("30s", "a snooze is from 1m to 24h, not 30s"),
        ("2d", "unknown unit"),
        ("later", "or write `today` (until midnight) or `off`"),
    ] {
        let run = env.stretch().args(["snooze", arg]).run();
        run.expect_code(2);
        assert!(run.stderr.contains(words), "{arg}: {}", run.stderr);
    }
}
