//! Sessions by calendar day, and the rules on days: which count, streaks and weeks.
//!
//! A session belongs to the local calendar date at its start, in the UTC offset recorded
//! with it, so a trip across time zones never moves old sessions to other days. A day
//! counts towards a streak when one of its sessions completed at least one whole stretch.
//! All date arithmetic is jiff's.

use std::collections::{BTreeMap, BTreeSet};

use jiff::ToSpan;
use jiff::civil::Date;

use crate::history::record::Glance;

/// What one calendar day holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// Seconds spent in holds, over all its sessions.
    pub active_s: u64,
    /// How many sessions started on it.
    pub sessions: u64,
    /// Whether it counts towards a streak.
    pub counts: bool,
}

/// Whether a session makes its day count: it completed at least one whole stretch.
pub fn counts(stretches_done: u64) -> bool {
    stretches_done >= 1
}

/// The days that have sessions, in order.
pub fn by_day<'a>(sessions: impl IntoIterator<Item = &'a Glance>) -> BTreeMap<Date, Day> {
    // The sessions of a day mostly come together (the file is in the order runs ended):
    // each run of them is added up first, then the runs of the same day.
    let mut runs: Vec<(Date, Day)> = Vec::new();
    for session in sessions {
        let one = Day {
            active_s: session.active_s,
            sessions: 1,
            counts: counts(session.stretches_done),
        };
        match runs.last_mut() {
            Some((date, day)) if *date == session.date => day.add(one),
            _ => runs.push((session.date, one)),
        }
    }
    // Nearly in order already, so sorting costs little, and a map is built from sorted
    // pairs in one go.
    runs.sort_by_key(|&(date, _)| date);
    runs.dedup_by(|(date, day), (kept_date, kept)| {
        let same = date == kept_date;
        if same {
            kept.add(*day);
        }
        same
    });
    runs.into_iter().collect()
}

/// Add the days of `more` to `days`: a day in both holds the sessions of both.
pub fn merge(days: &mut BTreeMap<Date, Day>, more: BTreeMap<Date, Day>) {
    if days.is_empty() {
        *days = more;
        return;
    }
    for (date, day) in more {
        days.entry(date).or_default().add(day);
    }
}

/// The seconds in holds of all `days`, adding up to at most `u64::MAX`.
pub fn total_active(days: &BTreeMap<Date, Day>) -> u64 {
    days.values()
        .map(|day| day.active_s)
        .fold(0, u64::saturating_add)
}

impl Day {
    /// Add the sessions of `other`, of the same date.
    fn add(&mut self, other: Day) {
        self.active_s = self.active_s.saturating_add(other.active_s);
        self.sessions = self.sessions.saturating_add(other.sessions);
        self.counts |= other.counts;
    }
}

/// The days that count, in order.
pub fn counting(days: &BTreeMap<Date, Day>) -> BTreeSet<Date> {
    days.iter()
        .filter(|(_, day)| day.counts)
        .map(|(&date, _)| date)
        .collect()
}

/// The current streak: consecutive counting days ending today, or ending yesterday if
/// today does not count yet (the day is not over).
pub fn current_streak(counting: &BTreeSet<Date>, today: Date) -> u64 {
    if counting.contains(&today) {
        streak_ending(counting, today)
    } else {
        today
            .yesterday()
            .map_or(0, |yesterday| streak_ending(counting, yesterday))
    }
}

/// How many consecutive counting days end on `last` (0 if `last` does not count).
pub fn streak_ending(counting: &BTreeSet<Date>, last: Date) -> u64 {
    let mut streak = 0;
    let mut day = Some(last);
    while let Some(date) = day.filter(|date| counting.contains(date)) {
        streak += 1;
        day = date.yesterday().ok();
    }
    streak
}

/// The longest run of consecutive counting days.
pub fn longest_streak(counting: &BTreeSet<Date>) -> u64 {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<Date> = None;
    for &date in counting {
        let follows = previous.and_then(|p| p.tomorrow().ok()) == Some(date);
        run = if follows { run + 1 } else { 1 };
        longest = longest.max(run);
        previous = Some(date);
    }
    longest
}

/// The Monday of the week `date` is in (weeks start on Monday).
pub fn week_start(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

/// `date` moved by `days` days (negative: earlier), or `date` itself at the calendar's ends.
pub fn shift(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

/// The seconds in holds on the days from `from` up to, not including, `until`.
pub fn active_between(days: &BTreeMap<Date, Day>, from: Date, until: Date) -> u64 {
    if from >= until {
        return 0;
    }
    days.range(from..until)
        .map(|(_, day)| day.active_s)
        .fold(0, u64::saturating_add)
}

/// Seconds as whole minutes, rounded to the nearest.
pub fn minutes(seconds: u64) -> u64 {
    seconds.saturating_add(30) / 60
}

/// The first day of `stretch log --since`: a date, or so many days before today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// This date.
    Date(Date),
    /// So many days before today: 0 is today, 1 yesterday.
    DaysAgo(i64),
}

impl Since {
    /// The most days ago `Nd` and `Nw` may reach back: about a century.
    const MAX_DAYS: i64 = 36_600;

    /// `2026-01-31`, `today`, `yesterday`, `3d` (three days ago) or `2w` (two weeks ago).
    pub fn parse(text: &str) -> Result<Since, String> {
        let bad = || {
            format!(
                "`{}` is not a day: write a date as YYYY-MM-DD, `today`, `yesterday`, \
                 or days or weeks ago as `3d` or `2w`",
                text.trim()
            )
        };
        let text = text.trim();
        match text {
            "today" => return Ok(Since::DaysAgo(0)),
            "yesterday" => return Ok(Since::DaysAgo(1)),
            _ => {}
        }
        let ago = |number: &str, days: i64| {
            let n: i64 = number.parse().map_err(|_| bad())?;
            let total = n.checked_mul(days).filter(|&d| d <= Since::MAX_DAYS);
            total.map(Since::DaysAgo).ok_or_else(|| {
                format!(
                    "`{text}` reaches back too far: at most {} days",
                    Since::MAX_DAYS
                )
            })
        };
        if let Some(number) = text.strip_suffix('d').filter(|n| is_number(n)) {
            return ago(number, 1);
        }
        if let Some(number) = text.strip_suffix('w').filter(|n| is_number(n)) {
            return ago(number, 7);
        }
        text.parse::<Date>().map(Since::Date).map_err(|_| bad())
    }

    /// The first day let in, as of `today`.
    pub fn first_day(self, today: Date) -> Date {
        match self {
            Since::Date(date) => date,
            Since::DaysAgo(days) => shift(today, -days),
        }
    }
}

/// Whether `text` is a whole number written with digits only.
fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn set(dates: &[Date]) -> BTreeSet<Date> {
        dates.iter().copied().collect()
    }

    #[test]
    fn the_current_streak_ends_today_or_else_yesterday() {
        let days = set(&[
            date(2026, 2, 27),
            date(2026, 2, 28),
            date(2026, 3, 1),
            date(2026, 3, 2),
        ]);
        assert_eq!(current_streak(&days, date(2026, 3, 2)), 4, "ends today");
        assert_eq!(current_streak(&days, date(2026, 3, 3)), 4, "ends yesterday");
        assert_eq!(current_streak(&days, date(2026, 3, 4)), 0, "broken");
        assert_eq!(current_streak(&BTreeSet::new(), date(2026, 3, 4)), 0);
    }

    #[test]
    fn streaks_run_across_the_ends_of_months_and_years() {
        let days = set(&[
            date(2024, 2, 28),
            date(2024, 2, 29),
            date(2024, 3, 1),
            date(2025, 12, 31),
            date(2026, 1, 1),
        ]);
        assert_eq!(longest_streak(&days), 3);
        assert_eq!(current_streak(&days, date(2026, 1, 2)), 2);
        assert_eq!(longest_streak(&BTreeSet::new()), 0);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(date(2026, 3, 1)), date(2026, 2, 23), "a Sunday");
        assert_eq!(week_start(date(2026, 3, 2)), date(2026, 3, 2), "a Monday");
        assert_eq!(shift(date(2026, 3, 2), -7), date(2026, 2, 23));
    }

    #[test]
    fn minutes_round_to_the_nearest() {
        assert_eq!([0, 29, 30, 89, 90].map(minutes), [0, 0, 1, 1, 2]);
    }

    #[test]
    fn since_takes_a_date_or_days_before_today() {
        let today = jiff::civil::date(2026, 3, 10);
        let day = |text: &str| Since::parse(text).map(|since| since.first_day(today));
        assert_eq!(day("today"), Ok(today));
        assert_eq!(day("yesterday"), Ok(jiff::civil::date(2026, 3, 9)));
        assert_eq!(day("3d"), Ok(jiff::civil::date(2026, 3, 7)));
        assert_eq!(day("2w"), Ok(jiff::civil::date(2026, 2, 24)));
        assert_eq!(day("2026-01-31"), Ok(jiff::civil::date(2026, 1, 31)));
        let words = "`soon` is not a day: write a date as YYYY-MM-DD, `today`, `yesterday`, \
                     or days or weeks ago as `3d` or `2w`";
        assert_eq!(day("soon"), Err(words.to_string()));
        assert!(day("-3d").is_err() && day("d").is_err() && day("2026-02-30").is_err());
        assert!(day("99999999w").is_err_and(|e| e.contains("too far")));
    }
}
