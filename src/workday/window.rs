//! The working hours of the breaks: a window of the day (`09:00-17:30`) and the days of
//! the week (`mon-fri`), read from the command line and the config file, and asked whether
//! a moment falls within them.

use std::fmt;

use jiff::civil::{Time, Weekday};

/// `HH:MM`, 00:00 to 23:59: a time of day as `--at`, `--between` and `done --at` take it.
pub fn parse_time(text: &str) -> Result<Time, String> {
    let bad = || format!("`{text}` is not a time of day as HH:MM, such as 18:00");
    let (hours, minutes) = text.trim().split_once(':').ok_or_else(bad)?;
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return Err(bad());
    }
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return Err(bad());
    }
    let hours: i8 = hours.parse().map_err(|_| bad())?;
    let minutes: i8 = minutes.parse().map_err(|_| bad())?;
    Time::new(hours, minutes, 0, 0).map_err(|_| bad())
}

/// A window of the day, from `start` up to (not including) `end`, within one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first minute in it.
    pub start: Time,
    /// The first minute after it.
    pub end: Time,
}

impl Window {
    /// `09:00-17:30`: two times of day, the first before the second.
    pub fn parse(text: &str) -> Result<Window, String> {
        let (start, end) = text.split_once('-').ok_or_else(|| {
            format!(
                "`{}` is not a window of the day as HH:MM-HH:MM, such as 09:00-17:30",
                text.trim()
            )
        })?;
        let window = Window {
            start: parse_time(start)?,
            end: parse_time(end)?,
        };
        if window.start >= window.end {
            return Err(format!(
                "`{}` ends before it starts: a window is within one day, such as 09:00-17:30",
                text.trim()
            ));
        }
        Ok(window)
    }

    /// Whether `time` is in the window.
    pub fn contains(self, time: Time) -> bool {
        self.start <= time && time < self.end
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.strftime("%H:%M"),
            self.end.strftime("%H:%M")
        )
    }
}

/// Days of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days(u8);

/// The days' short names, Monday first, as `--days` takes and shows them.
const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Their full names, also taken.
const FULL_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Days {
    /// Every day of the week.
    pub const ALL: Days = Days(0b111_1111);

    /// `mon-fri`, `mon,wed,fri`, `sat-sun`, `fri-mon` (a range may go round the week's
    /// end), or any list of days and ranges; names short or whole, in any case.
    pub fn parse(text: &str) -> Result<Days, String> {
        let mut days = 0u8;
        for part in text.split(',') {
            let (first, last) = match part.split_once('-') {
                Some((first, last)) => (day(first, text)?, day(last, text)?),
                None => {
                    let one = day(part, text)?;
                    (one, one)
                }
            };
            let mut at = first;
            loop {
                days |= 1 << at;
                if at == last {
                    break;
                }
                at = (at + 1) % 7;
            }
        }
        Ok(Days(days))
    }

    /// Whether `weekday` is one of the days.
    pub fn contains(self, weekday: Weekday) -> bool {
        self.0 & (1 << weekday.to_monday_zero_offset()) != 0
    }

    /// The days' runs, Monday first: each as its first and last day (0 is Monday).
    pub fn runs(self) -> Vec<(u8, u8)> {
        let mut runs: Vec<(u8, u8)> = Vec::new();
        for at in 0..7u8 {
            if self.0 & (1 << at) == 0 {
                continue;
            }
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == at => *last = at,
                _ => runs.push((at, at)),
            }
        }
        runs
    }
}

/// The day `name` names, 0 for Monday; `whole` is what the user wrote, for the message.
fn day(name: &str, whole: &str) -> Result<u8, String> {
    let name = name.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .zip(FULL_NAMES)
        .position(|(short, full)| name == *short || name == full)
        .and_then(|at| u8::try_from(at).ok())
        .ok_or_else(|| {
            format!(
                "`{}` is not a list of days: write days and ranges of mon, tue, wed, thu, fri, \
                 sat, sun, such as mon-fri or mon,wed,fri",
                whole.trim()
            )
        })
}

impl Days {
    /// The days written the shortest way, each by its name in `names` (Monday first), a
    /// run of three or more as its ends joined by `range`, the parts by commas:
    /// `mon-fri`, `mon,wed-fri`; systemd's `Mon..Fri`.
    pub fn written(self, names: [&str; 7], range: &str) -> String {
        let name = |at: u8| names[usize::from(at)];
        let parts: Vec<String> = self
            .runs()
            .into_iter()
            .map(|(first, last)| match last - first {
                0 => name(first).to_owned(),
                1 => format!("{},{}", name(first), name(last)),
                _ => format!("{}{range}{}", name(first), name(last)),
            })
            .collect();
        parts.join(",")
    }
}

impl fmt::Display for Days {
    /// As `--days` takes them: `mon-fri`, `mon,wed-fri`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.written(NAMES, "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn a_window_is_two_times_of_the_same_day() {
        let window = Window::parse("09:00-17:30").unwrap();
        assert_eq!(
            (window.start, window.end),
            (time(9, 0, 0, 0), time(17, 30, 0, 0))
        );
        assert_eq!(window.to_string(), "09:00-17:30");
        assert_eq!(
            Window::parse(" 9:05-10:00 ").unwrap().to_string(),
            "09:05-10:00"
        );
        assert!(window.contains(time(9, 0, 0, 0)));
        assert!(window.contains(time(17, 29, 59, 0)));
        assert!(!window.contains(time(17, 30, 0, 0)));
        assert!(!window.contains(time(8, 59, 59, 0)));
        for bad in [
            "17:30-09:00",
            "09:00-09:00",
            "09:00",
            "9-17",
            "09:00-24:00",
            "a-b",
        ] {
            assert!(Window::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Window::parse("17:30-09:00").unwrap_err(),
            "`17:30-09:00` ends before it starts: a window is within one day, such as 09:00-17:30"
        );
    }

    #[test]
    fn days_are_lists_and_ranges_that_may_go_round_the_week() {
        let days = |text: &str| Days::parse(text).map(|days| days.to_string());
        assert_eq!(days("mon-fri"), Ok("mon-fri".into()));
        assert_eq!(days("Monday-Friday"), Ok("mon-fri".into()));
        assert_eq!(days("mon,wed,fri"), Ok("mon,wed,fri".into()));
        assert_eq!(days("fri-mon"), Ok("mon,fri-sun".into()));
        assert_eq!(days("sat,sun"), Ok("sat,sun".into()));
        assert_eq!(days("mon-sun"), Ok("mon-sun".into()));
        assert_eq!(days("wed,mon-tue"), Ok("mon-wed".into()));
        assert!(days("mon-fry").is_err() && days("").is_err() && days("mon,").is_err());
        let weekdays = Days::parse("mon-fri").unwrap();
        assert!(weekdays.contains(Weekday::Monday) && weekdays.contains(Weekday::Friday));
        assert!(!weekdays.contains(Weekday::Saturday) && !weekdays.contains(Weekday::Sunday));
        assert_eq!(Days::parse("fri-mon").unwrap().runs(), [(0, 0), (4, 6)]);
    }

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(parse_time("07:30"), Ok(time(7, 30, 0, 0)));
        assert_eq!(parse_time("7:30"), Ok(time(7, 30, 0, 0)));
        for bad in ["24:00", "07:60", "0730", "7:3", "-1:30", "+7:30", ""] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
