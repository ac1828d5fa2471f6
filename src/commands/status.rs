//! The `status` command: one line for a status bar or a prompt, as text, JSON, or for
//! waybar, polybar, i3blocks or tmux. Bars call it every few seconds, so it reads only the end of
//! the history (as far back as the streak goes) and the state file, and runs nothing.

use std::time::Duration;

use jiff::{Timestamp, ZonedDateTime};
use serde::Serialize;

use crate::cli::{StatusArgs, StatusFormat};
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::fs::{self, Expect};
use stretch_timer::history::record::stamp;
use stretch_timer::history::tail::{self, Latest};
use stretch_timer::history::{file, now::now};
use stretch_timer::routine::duration;
use stretch_timer::workday::interval::{self, Rules, Verdict};
use stretch_timer::workday::state::{self, State};

/// Print the line, as the command line asks.
pub fn run(args: &StatusArgs, settings: &Resolved) -> Result<(), Error> {
    let now = now();
    let latest = latest(now.date())?;
    let state = state::load(&state::path()?);
    let status = Status::new(&now, settings, &latest, &state);
    print_stdout(&match args.format {
        StatusFormat::Text => format!("{}\n", status.text()),
        StatusFormat::Json => serde_json::to_string(&status.json(&now))? + "\n",
        StatusFormat::Waybar => serde_json::to_string(&status.waybar(&now))? + "\n",
        StatusFormat::Polybar => format!("{}\n", status.polybar()),
        StatusFormat::I3blocks => status.i3blocks(),
        StatusFormat::Tmux => format!("{}\n", status.tmux()),
    })?;
    Ok(())
}

/// The end of the history: the last session that counts, today, the streak. A missing
/// history is an empty one.
pub fn latest(today: jiff::civil::Date) -> Result<Latest, Error> {
    let path = file::path()?;
    match fs::open(&path, Expect::Regular) {
        Ok(history) => Ok(tail::latest(history, today)?),
        Err(error) if error.is_not_found() => Ok(Latest {
            ended: None,
            today: false,
            streak: 0,
        }),
        Err(error) => Err(error.into()),
    }
}

/// `stretch status --format json`, its keys in this order.
#[derive(Serialize)]
struct Json {
    text: String,
    class: Class,
    tooltip: String,
    percentage: u8,
    streak_days: u64,
    stretched_today: bool,
    every_s: Option<u64>,
    last_break: Option<String>,
    next: Option<String>,
    snoozed_until: Option<String>,
    away_since: Option<String>,
}

/// `stretch status --format waybar`: what waybar's custom module reads.
#[derive(Serialize)]
struct Waybar {
    text: String,
    tooltip: String,
    class: Class,
    percentage: u8,
}

/// The class of the line, as waybar names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Class {
    Due,
    Ok,
    Snoozed,
    Away,
}

/// What the line says.
struct Status {
    class: Class,
    /// The main part: `stretch in 12m`, `stretch due`.
    main: String,
    streak: u64,
    today: bool,
    percentage: u8,
    every: Option<Duration>,
    verdict: Option<Verdict>,
    snoozed: Option<Timestamp>,
}

impl Status {
    fn new(now: &ZonedDateTime, settings: &Resolved, latest: &Latest, state: &State) -> Status {
        let instant = now.timestamp();
        let mut status = Status {
            class: Class::Ok,
            main: String::new(),
            streak: latest.streak,
            today: latest.today,
            percentage: 0,
            every: settings.every.value,
            verdict: None,
            snoozed: state.snoozed(instant),
        };
        let Some(every) = settings.every.value else {
            // Daily: has today counted yet?
            (status.class, status.main, status.percentage) = match status.snoozed {
                Some(until) => (Class::Snoozed, snoozed(until, now), 0),
                None if latest.today => (Class::Ok, "stretched today".into(), 0),
                None => (Class::Due, "stretch due".into(), 100),
            };
            return status;
        };
        let rules = Rules {
            every,
            between: settings.between.value,
            days: settings.days.value,
        };
        let verdict = rules.verdict(now, latest.ended, state);
        (status.class, status.main, status.percentage) = match verdict {
            Verdict::Snoozed { until } => (Class::Snoozed, snoozed(until, now), 0),
            Verdict::OffHours => (Class::Ok, "stretch off hours".into(), 0),
            Verdict::Away { .. } => (Class::Away, "stretch away".into(), 0),
            Verdict::NotYet { last_break, next } => (
                Class::Ok,
                format!("stretch in {}", minutes(next.duration_since(instant))),
                interval::percentage(last_break, every, instant),
            ),
            Verdict::Due { .. } => (Class::Due, "stretch due".into(), 100),
        };
        status.verdict = Some(verdict);
        status
    }

    /// ` · 4-day streak`, or nothing without a streak.
    fn streak_part(&self) -> String {
        match self.streak {
            0 => String::new(),
            days => format!(" · {days}-day streak"),
        }
    }

    fn text(&self) -> String {
        format!("{}{}", self.main, self.streak_part())
    }

    /// More, a line each: the interval and hours, the last break and the next, the streak.
    fn tooltip(&self, now: &ZonedDateTime) -> String {
        let mut lines = Vec::new();
        let at = |moment: Timestamp| clock(moment, now);
        match self.verdict {
            None => lines.push("Once a day".to_owned()),
            Some(verdict) => {
                lines.push(format!(
                    "A break every {}",
                    duration::format(self.every.unwrap_or_default())
                ));
                match verdict {
                    Verdict::NotYet { last_break, next } => {
                        lines.push(format!(
                            "Last break {}, next at {}",
                            at(last_break),
                            at(next)
                        ));
                    }
                    Verdict::Due {
                        last_break: Some(last_break),
                        ..
                    } => lines.push(format!("Last break {}", at(last_break))),
                    Verdict::Away { since } => lines.push(format!("Away since {}", at(since))),
                    Verdict::OffHours => lines.push("Out of working hours".to_owned()),
                    Verdict::Due { .. } | Verdict::Snoozed { .. } => {}
                }
            }
        }
        if let Some(until) = self.snoozed {
            lines.push(format!("Snoozed until {}", at(until)));
        }
        lines.push(match (self.streak, self.today) {
            (0, _) => "No streak yet".to_owned(),
            (days, true) => format!("{days}-day streak, today included"),
            (days, false) => format!("{days}-day streak: stretch today to keep it"),
        });
        lines.join("\n")
    }

    fn json(&self, now: &ZonedDateTime) -> Json {
        let stamped = |moment: Option<Timestamp>| {
            moment.map(|moment| stamp(&moment.to_zoned_datetime(now.time_zone().clone())))
        };
        let (last_break, next, away_since) = match self.verdict {
            Some(Verdict::NotYet { last_break, next }) => (Some(last_break), Some(next), None),
            Some(Verdict::Due { last_break, .. }) => (last_break, None, None),
            Some(Verdict::Away { since }) => (None, None, Some(since)),
            _ => (None, None, None),
        };
        Json {
            text: self.text(),
            class: self.class,
            tooltip: self.tooltip(now),
            percentage: self.percentage,
            streak_days: self.streak,
            stretched_today: self.today,
            every_s: self.every.map(|every| every.as_secs()),
            last_break: stamped(last_break),
            next: stamped(next),
            snoozed_until: stamped(self.snoozed),
            away_since: stamped(away_since),
        }
    }

    /// waybar's custom module reads one JSON object a line.
    fn waybar(&self, now: &ZonedDateTime) -> Waybar {
        Waybar {
            text: self.text(),
            tooltip: self.tooltip(now),
            class: self.class,
            percentage: self.percentage,
        }
    }

    /// i3blocks reads the full text, the short text and the colour, a line each.
    fn i3blocks(&self) -> String {
        let colour = match self.class {
            Class::Due => "#FF5555",
            Class::Ok => "#50FA7B",
            Class::Snoozed => "#F1FA8C",
            Class::Away => "#6272A4",
        };
        format!("{}\n{}\n{colour}\n", self.text(), self.main)
    }

    /// polybar's line: the main part in colours of polybar's own `%{F...}` and `%{B...}`
    /// tags, then the streak, as tmux's; what is fine keeps the bar's colours. The text has
    /// no `%` of its own that polybar would read as a tag.
    fn polybar(&self) -> String {
        let (foreground, background) = match self.class {
            Class::Due => ("#FFFFFF", "#FF5555"),
            Class::Snoozed => ("#000000", "#F1FA8C"),
            Class::Away => ("#FFFFFF", "#6272A4"),
            Class::Ok => return self.text(),
        };
        format!(
            "%{{F{foreground}}}%{{B{background}}}{}%{{B-}}%{{F-}}{}",
            self.main,
            self.streak_part()
        )
    }

    /// tmux's status line: the main part in its colours, then the streak; tmux's own
    /// `#[...]` styles, never a raw escape. Each style sets both colours, so that it reads
    /// on any theme (tmux's own status line is green); what is fine keeps the theme's.
    fn tmux(&self) -> String {
        let style = match self.class {
            Class::Due => "fg=white,bg=red,bold",
            Class::Snoozed => "fg=black,bg=yellow",
            Class::Away => "fg=white,bg=colour240",
            Class::Ok => return self.text(),
        };
        format!("#[{style}]{}#[default]{}", self.main, self.streak_part())
    }
}

/// `stretch snoozed until 14:35`, or `stretch snoozed for today`.
fn snoozed(until: Timestamp, now: &ZonedDateTime) -> String {
    format!("stretch snoozed {}", until_when(until, now))
}

/// The start of tomorrow, in the time zone of `now`.
pub fn midnight(now: &ZonedDateTime) -> Option<Timestamp> {
    let tomorrow = now.date().tomorrow().ok()?;
    let midnight = tomorrow.to_zoned_datetime(now.time_zone().clone()).ok()?;
    Some(midnight.timestamp())
}

/// `until 14:35` (`until Fri 14:35` on another day), or `for today` when it lasts until
/// midnight.
pub fn until_when(until: Timestamp, now: &ZonedDateTime) -> String {
    match midnight(now) {
        Some(midnight) if until == midnight => "for today".to_owned(),
        _ => format!("until {}", clock(until, now)),
    }
}

/// `14:35` on the day of `now`, else `Wed 14:35`: a moment as a bar says it.
pub fn clock(moment: Timestamp, now: &ZonedDateTime) -> String {
    let local = moment.to_zoned_datetime(now.time_zone().clone());
    if local.date() == now.date() {
        local.strftime("%H:%M").to_string()
    } else {
        local.strftime("%a %H:%M").to_string()
    }
}

/// A time left or gone, in whole minutes rounded up: `12m`, `1h 5m`; `1m` for less.
pub fn minutes(span: jiff::SignedDuration) -> String {
    let seconds = u64::try_from(span.as_secs()).unwrap_or(0);
    let minutes = seconds.div_ceil(60).max(1);
    duration::format(Duration::from_secs(minutes * 60))
}
