//! The interval rule on a fake clock: the edges of the interval, the working hours, the
//! nudge not repeated, a snooze, and time away.

use super::*;
use crate::workday::presence::Presence;

const MINUTE: Duration = Duration::from_secs(60);

/// 2026-03-03 (a Tuesday) at `hh:mm:ss`, in Berlin.
fn at(time: &str) -> ZonedDateTime {
    format!("2026-03-03T{time}+01:00[Europe/Berlin]")
        .parse()
        .unwrap()
}

fn instant(time: &str) -> Timestamp {
    at(time).timestamp()
}

fn every_50m() -> Rules {
    Rules {
        every: 50 * MINUTE,
        between: None,
        days: None,
    }
}

fn working_hours() -> Rules {
    Rules {
        between: Some(Window::parse("09:00-17:30").unwrap()),
        days: Some(Days::parse("mon-fri").unwrap()),
        ..every_50m()
    }
}

#[test]
fn a_break_is_due_at_the_interval_s_end_and_not_a_second_before() {
    let rules = every_50m();
    let last = Some(instant("10:00:00"));
    let state = State::default();
    assert_eq!(
        rules.verdict(&at("10:49:59"), last, &state),
        Verdict::NotYet {
            last_break: instant("10:00:00"),
            next: instant("10:50:00")
        }
    );
    assert_eq!(
        rules.verdict(&at("10:50:00"), last, &state),
        Verdict::Due {
            last_break: last,
            nudge: true
        }
    );
    assert_eq!(
        rules.verdict(&at("10:00:00"), None, &state),
        Verdict::Due {
            last_break: None,
            nudge: true
        }
    );
}

#[test]
fn after_a_nudge_the_next_comes_no_sooner_than_an_interval_later() {
    let rules = every_50m();
    let last = Some(instant("09:00:00"));
    let state = State {
        nudged: Some(instant("09:50:00")),
        ..State::default()
    };
    let nudge = |time| match rules.verdict(&at(time), last, &state) {
        Verdict::Due { nudge, .. } => nudge,
        other => panic!("{other:?}"),
    };
    assert!(!nudge("09:55:00"));
    assert!(!nudge("10:39:59"));
    assert!(nudge("10:40:00"));
    // A break after the nudge starts the interval again.
    let after = Some(instant("10:05:00"));
    assert!(matches!(
        rules.verdict(&at("10:40:00"), after, &state),
        Verdict::NotYet { .. }
    ));
    assert_eq!(
        rules.verdict(&at("10:55:00"), after, &state),
        Verdict::Due {
            last_break: after,
            nudge: true
        }
    );
}

#[test]
fn the_working_day_starts_the_interval_and_nothing_is_due_outside_it() {
    let rules = working_hours();
    let yesterday = Some(
        instant("17:00:00")
            .checked_sub(SignedDuration::from_hours(24))
            .unwrap(),
    );
    let state = State::default();
    assert_eq!(
        rules.verdict(&at("08:59:59"), yesterday, &state),
        Verdict::OffHours
    );
    assert_eq!(
        rules.verdict(&at("09:49:00"), yesterday, &state),
        Verdict::NotYet {
            last_break: instant("09:00:00"),
            next: instant("09:50:00")
        }
    );
    assert!(matches!(
        rules.verdict(&at("09:50:00"), yesterday, &state),
        Verdict::Due { .. }
    ));
    assert!(matches!(
        rules.verdict(&at("17:29:59"), yesterday, &state),
        Verdict::Due { .. }
    ));
    assert_eq!(
        rules.verdict(&at("17:30:00"), yesterday, &state),
        Verdict::OffHours
    );
    let saturday: ZonedDateTime = "2026-03-07T11:00:00+01:00[Europe/Berlin]".parse().unwrap();
    assert_eq!(
        rules.verdict(&saturday, yesterday, &state),
        Verdict::OffHours
    );
}

#[test]
fn a_snooze_holds_everything_until_it_ends() {
    let rules = every_50m();
    let state = State {
        snoozed_until: Some(instant("11:15:00")),
        ..State::default()
    };
    assert_eq!(
        rules.verdict(&at("11:14:59"), None, &state),
        Verdict::Snoozed {
            until: instant("11:15:00")
        }
    );
    assert!(matches!(
        rules.verdict(&at("11:15:00"), None, &state),
        Verdict::Due { .. }
    ));
}

#[test]
fn time_away_is_never_nudged_and_a_long_one_is_a_break() {
    let rules = every_50m();
    let last = Some(instant("09:00:00"));
    let away = State::default().observe(
        Presence::Away {
            since: Some(instant("09:40:00")),
        },
        instant("09:55:00"),
        5 * MINUTE,
    );
    assert_eq!(
        rules.verdict(&at("09:55:00"), last, &away),
        Verdict::Away {
            since: instant("09:40:00")
        }
    );
    let back = away.observe(
        Presence::Present {
            since: Some(instant("10:00:00")),
        },
        instant("10:02:00"),
        5 * MINUTE,
    );
    assert_eq!(
        rules.verdict(&at("10:02:00"), last, &back),
        Verdict::NotYet {
            last_break: instant("10:00:00"),
            next: instant("10:50:00")
        }
    );
}

#[test]
fn the_percentage_is_how_far_through_the_interval() {
    let start = instant("10:00:00");
    assert_eq!(percentage(start, 50 * MINUTE, instant("10:00:00")), 0);
    assert_eq!(percentage(start, 50 * MINUTE, instant("10:25:00")), 50);
    assert_eq!(percentage(start, 50 * MINUTE, instant("11:30:00")), 100);
    assert_eq!(percentage(start, 50 * MINUTE, instant("09:00:00")), 0);
}
