//! When the check of the breaks runs: every few minutes within the working hours and
//! days, written as systemd's `OnCalendar` lines and as crontab lines. A window that does
//! not start and end on the hour takes a line for its first hour, one for the whole hours
//! and one for its last.

use std::time::Duration;

use super::window::{Days, Window};

/// The most minutes between two checks: a break is nudged at most this late.
const MAX_STEP: u8 = 5;

/// The check's times: every `step` minutes within the hours and days, if only some.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// Minutes between checks, 1 to 5.
    pub step: u8,
    /// The working hours, if only some.
    pub between: Option<Window>,
    /// The working days, if only some.
    pub days: Option<Days>,
}

/// Every day's hours in one part: its hours (first and last) and its minutes (first and
/// last), every `step`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Part {
    hours: (i8, i8),
    minutes: (i8, i8),
}

impl Schedule {
    /// The schedule of a check for breaks `every` so long: a tenth of it between checks,
    /// from one minute to five.
    pub fn new(every: Duration, between: Option<Window>, days: Option<Days>) -> Schedule {
        let tenth = every.as_secs() / 600;
        Schedule {
            step: u8::try_from(tenth.clamp(1, u64::from(MAX_STEP))).unwrap_or(MAX_STEP),
            between,
            days,
        }
    }

    /// The parts of the day the checks run in.
    fn parts(&self) -> Vec<Part> {
        let Some(window) = self.between else {
            return vec![Part {
                hours: (0, 23),
                minutes: (0, 59),
            }];
        };
        let (start_hour, start_minute) = (window.start.hour(), window.start.minute());
        // The last minute in the window: the window ends before `end`.
        let last = window
            .end
            .checked_sub(jiff::SignedDuration::from_mins(1))
            .unwrap_or(window.end);
        let (end_hour, end_minute) = (last.hour(), last.minute());
        if start_hour == end_hour {
            return vec![Part {
                hours: (start_hour, start_hour),
                minutes: (start_minute, end_minute),
            }];
        }
        let mut parts = Vec::new();
        let mut first_whole = start_hour;
        if start_minute > 0 {
            parts.push(Part {
                hours: (start_hour, start_hour),
                minutes: (start_minute, 59),
            });
            first_whole += 1;
        }
        let last_whole = if end_minute < 59 {
            end_hour - 1
        } else {
            end_hour
        };
        if first_whole <= last_whole {
            parts.push(Part {
                hours: (first_whole, last_whole),
                minutes: (0, 59),
            });
        }
        if end_minute < 59 {
            parts.push(Part {
                hours: (end_hour, end_hour),
                minutes: (0, end_minute),
            });
        }
        parts
    }

    /// systemd's `OnCalendar=` values, one for each part of the day.
    pub fn on_calendar(&self) -> Vec<String> {
        let days = self.days.filter(|days| *days != Days::ALL).map(|days| {
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            format!("{} ", days.written(names, ".."))
        });
        self.parts()
            .into_iter()
            .map(|part| {
                format!(
                    "{}*-*-* {}:{}:00",
                    days.as_deref().unwrap_or_default(),
                    SYSTEMD.hours(part.hours),
                    SYSTEMD.minutes(part.minutes, self.step)
                )
            })
            .collect()
    }

    /// The crontab lines that run `command`, one for each part of the day.
    pub fn crontab(&self, command: &str) -> Vec<String> {
        let days = match self.days.filter(|days| *days != Days::ALL) {
            None => "*".to_owned(),
            Some(days) => cron_days(days),
        };
        self.parts()
            .into_iter()
            .map(|part| {
                format!(
                    "{} {} * * {days} {command}",
                    CRON.minutes(part.minutes, self.step),
                    CRON.hours(part.hours)
                )
            })
            .collect()
    }
}

/// How a calendar writes the hours and minutes: systemd's `09..16:00/5`, cron's `*/5 9-16`.
#[derive(Clone, Copy)]
struct Syntax {
    /// Between a range's ends.
    range: &'static str,
    /// Whether numbers have two digits.
    padded: bool,
    /// Every minute of the hour, before the step.
    every_minute: &'static str,
}

const SYSTEMD: Syntax = Syntax {
    range: "..",
    padded: true,
    every_minute: "00",
};

const CRON: Syntax = Syntax {
    range: "-",
    padded: false,
    every_minute: "*",
};

impl Syntax {
    fn number(self, n: i8) -> String {
        if self.padded {
            format!("{n:02}")
        } else {
            n.to_string()
        }
    }

    /// One number, or a range.
    fn span(self, (first, last): (i8, i8)) -> String {
        if first == last {
            self.number(first)
        } else {
            format!("{}{}{}", self.number(first), self.range, self.number(last))
        }
    }

    /// Hours, first to last: `*` for the whole day.
    fn hours(self, hours: (i8, i8)) -> String {
        match hours {
            (0, 23) => "*".to_owned(),
            _ => self.span(hours),
        }
    }

    /// Minutes, first to last, every `step`.
    fn minutes(self, minutes: (i8, i8), step: u8) -> String {
        match minutes {
            (0, 59) => format!("{}/{step}", self.every_minute),
            (first, last) if first == last => self.number(first),
            _ => format!("{}/{step}", self.span(minutes)),
        }
    }
}

/// The days as crontab's fifth field: Monday is 1, Sunday 0 (on its own, since not every
/// cron takes 7).
fn cron_days(days: Days) -> String {
    let mut parts = Vec::new();
    let mut sunday = false;
    for (first, last) in days.runs() {
        // 0 is Monday here, 1 in cron; Sunday (6 here) is 0 in cron.
        let last_weekday = if last == 6 {
            sunday = true;
            if first == 6 {
                continue;
            }
            5
        } else {
            last
        };
        let (first, last_weekday) = (first + 1, last_weekday + 1);
        parts.push(match last_weekday - first {
            0 => first.to_string(),
            1 => format!("{first},{last_weekday}"),
            _ => format!("{first}-{last_weekday}"),
        });
    }
    if sunday {
        parts.push("0".into());
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(every_minutes: u64, between: Option<&str>, days: Option<&str>) -> Schedule {
        Schedule::new(
            Duration::from_secs(every_minutes * 60),
            between.map(|text| Window::parse(text).unwrap()),
            days.map(|text| Days::parse(text).unwrap()),
        )
    }

    #[test]
    fn a_tenth_of_the_interval_between_checks_from_one_to_five_minutes() {
        assert_eq!(schedule(50, None, None).step, 5);
        assert_eq!(schedule(240, None, None).step, 5);
        assert_eq!(schedule(20, None, None).step, 2);
        assert_eq!(schedule(5, None, None).step, 1);
    }

    #[test]
    fn a_window_off_the_hour_takes_a_line_for_each_end() {
        let workday = schedule(50, Some("09:00-17:30"), Some("mon-fri"));
        assert_eq!(
            workday.on_calendar(),
            [
                "Mon..Fri *-*-* 09..16:00/5:00",
                "Mon..Fri *-*-* 17:00..29/5:00"
            ]
        );
        assert_eq!(
            workday.crontab("stretch due"),
            [
                "*/5 9-16 * * 1-5 stretch due",
                "0-29/5 17 * * 1-5 stretch due"
            ]
        );
        let odd = schedule(20, Some("08:45-12:10"), Some("fri-mon"));
        assert_eq!(
            odd.on_calendar(),
            [
                "Mon,Fri..Sun *-*-* 08:45..59/2:00",
                "Mon,Fri..Sun *-*-* 09..11:00/2:00",
                "Mon,Fri..Sun *-*-* 12:00..09/2:00"
            ]
        );
        assert_eq!(
            odd.crontab("x"),
            [
                "45-59/2 8 * * 1,5,6,0 x",
                "*/2 9-11 * * 1,5,6,0 x",
                "0-9/2 12 * * 1,5,6,0 x"
            ]
        );
    }

    #[test]
    fn a_window_within_an_hour_or_to_the_hour_takes_one_line() {
        assert_eq!(
            schedule(50, Some("12:15-12:45"), None).on_calendar(),
            ["*-*-* 12:15..44/5:00"]
        );
        assert_eq!(
            schedule(50, Some("09:00-17:00"), Some("sat,sun")).crontab("x"),
            ["*/5 9-16 * * 6,0 x"]
        );
        assert_eq!(
            schedule(50, None, Some("mon-sun")).on_calendar(),
            ["*-*-* *:00/5:00"]
        );
        assert_eq!(schedule(50, None, None).crontab("x"), ["*/5 * * * * x"]);
        assert_eq!(
            schedule(50, None, Some("sun")).crontab("x"),
            ["*/5 * * * 0 x"]
        );
    }
}
