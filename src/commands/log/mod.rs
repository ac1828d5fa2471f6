//! The `log` command: the history as the last sessions, the streaks, this week's and last
//! week's minutes, the total and a chart of the last weeks; or as JSON or CSV. Damaged
//! lines are named once each and skipped; reading never changes the file.
//!
//! The history is read a chunk at a time ([`scan`]), never whole, and once: the figures
//! are added up day by day as it goes, and the sessions written out as they are read
//! (`export`), so the memory it takes does not grow with the file. The last sessions the
//! text shows are read backwards from the end.

mod export;

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::Path;
use std::time::Duration;

use jiff::civil::Date;

use crate::cli::{LogArgs, LogFormat};
use crate::error::Error;
use stretch_timer::frontend::output::{self, cell, colour_on_stdout, print_styled, write_stdout};
use stretch_timer::history::days::{self, Day};
use stretch_timer::history::file::{self, Damaged, Snapshot};
use stretch_timer::history::record::{Damage, glance_line, parse_line};
use stretch_timer::history::scan::{self, Piece, is_blank, lines};
use stretch_timer::history::tail::Backwards;
use stretch_timer::history::{chart, now::now};
use stretch_timer::routine::duration;

/// Damaged lines named one by one; past these, one line says how many more there are.
const MAX_WARNINGS: usize = 10;

/// The widest a routine's name is shown in the list of sessions.
const ROUTINE_WIDTH: usize = 24;

/// Show the history as the command line asks. `--since` limits the sessions listed;
/// the streaks and every figure are always the whole history's.
pub fn run(args: &LogArgs) -> Result<(), Error> {
    let path = file::path()?;
    let opened = file::open(&path)?;
    let history = opened.as_ref().map(|(file, length)| (file, *length));
    let today = now().date();
    let since = args.since.map(|since| since.first_day(today));
    let mut damaged = Warnings::default();
    let written = match args.format {
        LogFormat::Csv => export::csv(history, since, &mut damaged),
        LogFormat::Json => export::json(history, since, today, &mut damaged),
        LogFormat::Text => {
            let tally = match history {
                Some((file, length)) => tally(file, length, since)?,
                None => Tally::default(),
            };
            damaged = tally.damaged;
            let stats = Stats::new(tally.days, tally.sessions, today);
            text(&stats, tally.listed, history, args, since, &path, today)
        }
    };
    damaged.warn(&path);
    Ok(written?)
}

/// What (a part of) the history adds up to: its days, how many sessions, how many of them
/// on or after `--since`, its damaged lines.
#[derive(Default)]
struct Tally {
    days: BTreeMap<Date, Day>,
    sessions: usize,
    listed: usize,
    damaged: Warnings,
}

/// Every day of the history at `file` (its first `length` bytes), how many sessions they
/// hold and how many of those are on or after `since`, and the damaged lines: each line
/// checked once, nothing of it kept but its day's figures.
fn tally(file: &File, length: u64, since: Option<Date>) -> io::Result<Tally> {
    let mut all = Tally::default();
    scan::scan(
        file,
        length,
        |part| {
            let mut tally = Tally::default();
            let mut glances = Vec::new();
            for (index, line) in lines(part).enumerate() {
                if is_blank(line) {
                    continue;
                }
                match glance_line(line) {
                    Ok(glance) => glances.push(glance),
                    Err(damage) => tally.damaged.add(index + 1, damage),
                }
            }
            tally.sessions = glances.len();
            tally.listed = glances
                .iter()
                .filter(|glance| since.is_none_or(|since| glance.date >= since))
                .count();
            tally.days = days::by_day(&glances);
            tally
        },
        |first, piece| {
            match piece {
                Piece::Part(part) => {
                    days::merge(&mut all.days, part.days);
                    all.sessions += part.sessions;
                    all.listed += part.listed;
                    all.damaged.append(first, part.damaged);
                }
                Piece::Overlong => all.damaged.push(Damaged::overlong(first)),
            }
            Ok(())
        },
    )?;
    Ok(all)
}

/// The damaged lines to name, the first [`MAX_WARNINGS`] of them, and how many in all.
#[derive(Default)]
struct Warnings {
    first: Vec<Damaged>,
    count: usize,
}

impl Warnings {
    /// Line `line` (of the part) is damaged.
    fn add(&mut self, line: usize, damage: Damage) {
        self.push(Damaged { line, damage });
    }

    fn push(&mut self, damaged: Damaged) {
        self.count += 1;
        if self.first.len() < MAX_WARNINGS {
            self.first.push(damaged);
        }
    }

    /// The damaged lines of a part whose first line is the file's line `first`.
    fn append(&mut self, first: usize, part: Warnings) {
        let already = self.count;
        for mut damaged in part.first {
            damaged.line += first - 1;
            self.push(damaged);
        }
        self.count = already + part.count;
    }

    /// One warning a damaged line, up to [`MAX_WARNINGS`], then how many more.
    fn warn(&self, path: &Path) {
        let shown = path.display();
        for line in &self.first {
            output::warn(format!(
                "{shown}:{}: {}; the line is skipped",
                line.line, line.damage
            ));
        }
        if self.count > MAX_WARNINGS {
            output::warn(format!(
                "{shown}: {} more damaged lines are skipped",
                self.count - MAX_WARNINGS
            ));
        }
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
    fn new(days: BTreeMap<Date, Day>, total_sessions: usize, today: Date) -> Stats {
        let counting = days::counting(&days);
        let this_week = days::week_start(today);
        let last_week = days::shift(this_week, -7);
        let next_week = days::shift(this_week, 7);
        Stats {
            current_streak: days::current_streak(&counting, today),
            longest_streak: days::longest_streak(&counting),
            week_minutes: days::minutes(days::active_between(&days, this_week, next_week)),
            last_week_minutes: days::minutes(days::active_between(&days, last_week, this_week)),
            total_sessions,
            total_s: days::total_active(&days),
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

/// The text: the last sessions on or after `since` (`listed` of them), newest first, read
/// back from the end of the history; the figures; and the chart, in colour where colour
/// is wanted. With `-n 0`, no sessions and no header.
fn text(
    stats: &Stats,
    listed: usize,
    history: Option<(&File, u64)>,
    args: &LogArgs,
    since: Option<Date>,
    path: &Path,
    today: Date,
) -> anyhow::Result<()> {
    let Some((file, length)) = history.filter(|_| listed > 0) else {
        return output::print_stdout(&empty(path, since));
    };
    write_stdout(|out| {
        if args.sessions > 0 {
            writeln!(
                out,
                "{:<10}  {:<5}  {:<ROUTINE_WIDTH$}  {:>8}  {:>5}  ENDED",
                "DATE", "TIME", "ROUTINE", "IN HOLDS", "HOLDS"
            )?;
        }
        let mut lines = Backwards::new(Snapshot::new(file, length))?;
        let mut shown = Vec::new();
        // Only as far back as the sessions shown: `listed` is how many there are.
        while shown.len() < args.sessions.min(listed)
            && let Some(line) = lines.next_line()?
        {
            let Ok(session) = parse_line(&line) else {
                continue;
            };
            if since.is_some_and(|since| session.date < since) {
                continue;
            }
            shown.push(session);
        }
        // The last sessions recorded, newest first by when they ended: a session recorded
        // afterwards with `stretch done --at` takes its place in the day.
        shown.sort_by_key(|session| std::cmp::Reverse(session.ended));
        for session in &shown {
            let r = &session.record;
            let routine: String = cell(&r.routine).chars().take(ROUTINE_WIDTH).collect();
            writeln!(
                out,
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
            )?;
        }
        if args.sessions > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", stats.text())
    })?;
    let colour = colour_on_stdout();
    print_styled(&chart::draw(&stats.days, today, args.weeks, colour))
}

/// The friendly line for a history with nothing to show.
fn empty(path: &Path, since: Option<Date>) -> String {
    match since {
        Some(since) => format!("No sessions since {since}.\n"),
        None => format!(
            "No sessions yet. Run `stretch run` to start: each session is recorded in {}.\n",
            output::one_line(&path.display().to_string())
        ),
    }
}
