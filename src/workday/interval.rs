//! The one rule of breaks at intervals: at a moment, given the last session, the working
//! hours and the state, is a break due, and may the user be nudged? Pure: the moment is
//! given, so that it is tested on a fake clock.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use super::state::State;
use super::window::{Days, Window};

/// The rules of the breaks, from the command line and the config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// A break is due this long after the last one.
    pub every: Duration,
    /// The working hours of each day, if only some.
    pub between: Option<Window>,
    /// The working days, if only some.
    pub days: Option<Days>,
}

/// What is due at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Snoozed until then: nothing is due.
    Snoozed {
        /// The snooze's end.
        until: Timestamp,
    },
    /// Out of the working hours or days: nothing is due.
    OffHours,
    /// The user is idle or the screen is locked: never a nudge.
    Away {
        /// Since when.
        since: Timestamp,
    },
    /// Not yet.
    NotYet {
        /// The last break: a session's end, a time away's, or the working day's start.
        last_break: Timestamp,
        /// When the next is due.
        next: Timestamp,
    },
    /// A break is due.
    Due {
        /// The last break, as for [`Verdict::NotYet`]; none in the days read.
        last_break: Option<Timestamp>,
        /// Whether to nudge: no nudge came within an interval.
        nudge: bool,
    },
}

impl Rules {
    /// Whether `now` is within the working hours and days.
    pub fn working(&self, now: &ZonedDateTime) -> bool {
        self.days.is_none_or(|days| days.contains(now.weekday()))
            && self
                .between
                .is_none_or(|window| window.contains(now.datetime().time()))
    }

    /// When today's working hours started, if they are hours of the day.
    fn day_start(&self, now: &ZonedDateTime) -> Option<Timestamp> {
        let window = self.between?;
        now.date()
            .to_datetime(window.start)
            .to_zoned_datetime(now.time_zone().clone())
            .ok()
            .map(|start| start.timestamp())
    }

    /// What is due at `now`, given when the last session that counts ended and the state.
    pub fn verdict(
        &self,
        now: &ZonedDateTime,
        last_session: Option<Timestamp>,
        state: &State,
    ) -> Verdict {
        let instant = now.timestamp();
        if let Some(until) = state.snoozed(instant) {
            return Verdict::Snoozed { until };
        }
        if !self.working(now) {
            return Verdict::OffHours;
        }
        if let Some(since) = state.away(instant) {
            return Verdict::Away { since };
        }
        let every = signed(self.every);
        let last_break = [last_session, state.break_at, self.day_start(now)]
            .into_iter()
            .flatten()
            .filter(|at| *at <= instant)
            .max();
        if let Some(last_break) = last_break {
            let next = last_break.checked_add(every).unwrap_or(Timestamp::MAX);
            if instant < next {
                return Verdict::NotYet { last_break, next };
            }
        }
        // Also with nothing at all to count from, as after a long time without a break.
        Verdict::Due {
            last_break,
            nudge: may_nudge(state, instant, every),
        }
    }
}

/// No nudge within `every` of the last.
fn may_nudge(state: &State, now: Timestamp, every: SignedDuration) -> bool {
    state
        .nudged
        .is_none_or(|nudged| now.duration_since(nudged) >= every || nudged > now)
}

/// `duration` as jiff's, or the longest there is.
fn signed(duration: Duration) -> SignedDuration {
    SignedDuration::try_from(duration).unwrap_or(SignedDuration::MAX)
}

/// How far through the interval `now` is, from 0 to 100.
pub fn percentage(last_break: Timestamp, every: Duration, now: Timestamp) -> u8 {
    let elapsed = now.duration_since(last_break).as_secs_f64().max(0.0);
    let whole = every.as_secs_f64().max(1.0);
    // At most 100, so the cast cannot truncate.
    (elapsed / whole * 100.0).clamp(0.0, 100.0) as u8
}

#[cfg(test)]
mod tests;
