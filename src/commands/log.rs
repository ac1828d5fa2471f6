//! The `log` command: the history as the last sessions, the streaks, this week's and last
//! week's minutes, the total and a chart of the last weeks; or as JSON or CSV. Damaged
//! lines are named once each and skipped; reading never changes the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use jiff::civil::Date;
use serde::Serialize;

use crate::cli::{LogArgs, LogFormat};
use crate::error::Error;
use stretch_timer::frontend::output::{colour_on_stdout, print_stdout};
use stretch_timer::history::days::{self, Day};
use stretch_timer::history::file::{self, Damaged, Entry};
use stretch_timer::history::record::{Record, Session};
use stretch_timer::history::{chart, now::now};
use stretch_timer::routine::duration;
use stretch_timer::routine::text::terminal_safe;

/// Damaged lines named one by one; past these, one line says how many more there are.
const MAX_WARNINGS: usize = 10;

/// The widest a routine's name is shown in the list of sessions.
const ROUTINE_WIDTH: usize = 24;

/// Show the history as the command line asks. `--since` limits the sessions listed;
/// the streaks and every figure are always the whole history's.
pub fn run(args: &LogArgs) -> Result<(), Error> {
    let path = file::path()?;
    let history = file::read(&path)?;
    let (entries, damaged) = history.glance();
    warn(&path, &damaged);
    let today = now().date();
    let stats = Stats::new(&entries, today);
    let since = args.since.map(|since| since.first_day(today));
    let listed: Vec<&Entry> = entries
        .iter()
        .filter(|entry| since.is_none_or(|since| entry.glance.date >= since))
        .collect();
    // Only the records shown are read whole.
    let shown = match args.format {
        LogFormat::Text => listed.len().saturating_sub(args.sessions),
        LogFormat::Json | LogFormat::Csv => 0,
    };
    let sessions: Vec<Session> = listed[shown..]
        .iter()
        .filter_map(|entry| history.session(entry))
        .collect();
    let text = match args.format {
        LogFormat::Json => json(&stats, &sessions)?,
        LogFormat::Csv => csv(&sessions),
        LogFormat::Text if listed.is_empty() => empty(&path, since),
        LogFormat::Text => {
            let colour = colour_on_stdout();
            let mut text = String::new();
            if args.sessions > 0 {
                text.push_str(&last_sessions(&sessions, args.sessions));
                text.push('\n');
            }
            text.push_str(&stats.text());
            text.push('\n');
            text.push_str(&chart::draw(&stats.days, today, args.weeks, colour));
            text
        }
    };
    print_stdout(&text)?;
    Ok(())
}

/// One warning a damaged line, up to [`MAX_WARNINGS`], then how many more.
fn warn(path: &Path, damaged: &[Damaged]) {
    let shown = terminal_safe(&path.display().to_string());
    for line in damaged.iter().take(MAX_WARNINGS) {
        anstream::eprintln!(
            "warning: {shown}:{}: {}; the line is skipped",
            line.line,
            terminal_safe(&line.damage.to_string())
        );
    }
    if damaged.len() > MAX_WARNINGS {
        anstream::eprintln!(
            "warning: {shown}: {} more damaged lines are skipped",
            damaged.len() - MAX_WARNINGS
        );
    }
}

/// What the history adds up to, as of `today`.
struct Stats {
    days: BTreeMap<Date, Day>,
    current_streak: u64,
    longest_streak: u64,
    week_minutes: u64,
    last_week_minutes: u64,
    total_sessions: usize,
    total_s: u64,
}

impl Stats {
    fn new(entries: &[Entry], today: Date) -> Stats {
        let days = days::by_day(entries.iter().map(|entry| &entry.glance));
        let counting = days::counting(&days);
        let this_week = days::week_start(today);
        let last_week = days::shift(this_week, -7);
        let next_week = days::shift(this_week, 7);
        Stats {
            current_streak: days::current_streak(&counting, today),
            longest_streak: days::longest_streak(&counting),
            week_minutes: days::minutes(days::active_between(&days, this_week, next_week)),
            last_week_minutes: days::minutes(days::active_between(&days, last_week, this_week)),
            total_sessions: entries.len(),
            total_s: days.values().map(|day| day.active_s).sum(),
            days,
        }
    }

    /// The streaks, the weeks and the total, a line each.
    fn text(&self) -> String {
        format!(
            "Current streak: {}   Longest streak: {}\n\
             This week: {} min   Last week: {} min\n\
             Total: {} in {}, {} min in holds\n",
            count(self.current_streak, "day"),
            count(self.longest_streak, "day"),
            self.week_minutes,
            self.last_week_minutes,
            count(self.total_sessions as u64, "session"),
            count(self.days.len() as u64, "day"),
            days::minutes(self.total_s),
        )
    }
}

/// `1 day`, `4 days`.
fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The last `n` sessions, newest first, a line each; one done without the timer is
/// marked `manual` where the others say how they ended.
fn last_sessions(sessions: &[Session], n: usize) -> String {
    let mut text = format!(
        "{:<10}  {:<5}  {:<ROUTINE_WIDTH$}  {:>8}  {:>5}  ENDED\n",
        "DATE", "TIME", "ROUTINE", "IN HOLDS", "HOLDS"
    );
    for session in sessions.iter().rev().take(n) {
        let r = &session.record;
        let routine: String = terminal_safe(&r.routine)
            .chars()
            .take(ROUTINE_WIDTH)
            .collect();
        let _ = writeln!(
            text,
            "{}  {}  {routine:<ROUTINE_WIDTH$}  {:>8}  {:>5}  {}",
            session.date,
            session.time.strftime("%H:%M"),
            duration::format(Duration::from_secs(r.active_s)),
            format!("{}/{}", r.holds_done, r.holds_total),
            // A session done without the timer (`stretch done`) ended as the user said.
            if r.is_manual() {
                "manual"
            } else {
                r.ending.as_str()
            }
        );
    }
    text
}

/// The friendly line for a history with nothing to show.
fn empty(path: &Path, since: Option<Date>) -> String {
    match since {
        Some(since) => format!("No sessions since {since}.\n"),
        None => format!(
            "No sessions yet. Run `stretch run` to start: each session is recorded in {}.\n",
            terminal_safe(&path.display().to_string())
        ),
    }
}

/// `stretch log --format json`, its keys in this order.
#[derive(Serialize)]
struct Json<'a> {
    current_streak_days: u64,
    longest_streak_days: u64,
    week_minutes: u64,
    last_week_minutes: u64,
    total_sessions: usize,
    total_minutes: u64,
    days: Vec<JsonDay>,
    sessions: Vec<&'a Record>,
}

/// One day of `stretch log --format json`.
#[derive(Serialize)]
struct JsonDay {
    date: String,
    minutes: u64,
    sessions: u64,
}

/// The figures, every day and every session (as stored), as one JSON object.
fn json(stats: &Stats, sessions: &[Session]) -> Result<String, Error> {
    let value = Json {
        current_streak_days: stats.current_streak,
        longest_streak_days: stats.longest_streak,
        week_minutes: stats.week_minutes,
        last_week_minutes: stats.last_week_minutes,
        total_sessions: stats.total_sessions,
        total_minutes: days::minutes(stats.total_s),
        days: stats
            .days
            .iter()
            .map(|(date, day)| JsonDay {
                date: date.to_string(),
                minutes: days::minutes(day.active_s),
                sessions: day.sessions,
            })
            .collect(),
        sessions: sessions.iter().map(|session| &session.record).collect(),
    };
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

/// One row a session, with a header, for a spreadsheet.
fn csv(sessions: &[Session]) -> String {
    let mut text = String::from(
        "date,time,routine,title,source,start,end,planned_s,active_s,holds_done,holds_total,\
         stretches_done,stretches_total,skipped,ending\n",
    );
    for session in sessions {
        let r = &session.record;
        let _ = writeln!(
            text,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            session.date,
            session.time.strftime("%H:%M:%S"),
            csv_field(&r.routine),
            csv_field(r.title.as_deref().unwrap_or_default()),
            csv_field(&r.source),
            csv_field(&r.start),
            csv_field(&r.end),
            r.planned_s,
            r.active_s,
            r.holds_done,
            r.holds_total,
            r.stretches_done,
            r.stretches_total,
            csv_field(&r.skipped.join(" ")),
            r.ending.as_str()
        );
    }
    text
}

/// A text field of a CSV row: quoted when it holds a comma, a quote or a line break, and
/// kept from being read as a formula (a leading `=`, `+`, `-` or `@` gets a `'`).
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("hamstrings"), "hamstrings");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
