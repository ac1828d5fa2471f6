//! What a run leaves in the history: one record, written as the run ends, however it
//! ends, when at least one hold was completed. Writing it never spoils the run: a failure
//! is one warning line, and the summary and the exit status stay as they were.

use std::time::Duration;

use jiff::ZonedDateTime;

use stretch_timer::frontend::input::Signal;
use stretch_timer::frontend::session::{Ending, Outcome};
use stretch_timer::history::{file, record};
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::Routine;
use stretch_timer::routine::text::terminal_safe;

/// A run as it ended, with where its routine came from and when it ran.
pub struct Run<'a> {
    /// The routine as run (after `--only`, `--skip`, `--level` and `--hold`).
    pub routine: &'a Routine,
    /// The name `run` takes to run it again.
    pub name: &'a str,
    /// `built-in`, or the path of the routine's file.
    pub source: &'a str,
    /// The routine's timeline, for its planned total.
    pub timeline: &'a Timeline,
    /// How it ended and what was done.
    pub outcome: &'a Outcome,
    /// When it started, in the local time zone.
    pub start: &'a ZonedDateTime,
    /// How long it lasted, pauses included.
    pub lasted: Duration,
}

/// Append the run's record to the history, if it completed a hold; on failure, warn.
pub fn save(run: &Run<'_>) {
    let Some(record) = to_record(run) else {
        return;
    };
    let saved = file::path().and_then(|path| file::append(&path, &record));
    if let Err(error) = saved {
        anstream::eprintln!(
            "warning: this session was not recorded in your history: {}",
            terminal_safe(&format!("{error:#}"))
        );
    }
}

/// The record of `run`, or `None` when it completed no hold.
pub fn to_record(run: &Run<'_>) -> Option<record::Record> {
    let summary = &run.outcome.summary;
    if summary.holds_completed == 0 {
        return None;
    }
    let end = run
        .start
        .checked_add(run.lasted)
        .unwrap_or_else(|_| run.start.clone());
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    Some(record::Record {
        v: record::VERSION,
        start: record::stamp(run.start),
        end: record::stamp(&end),
        routine: run.name.to_owned(),
        title: Some(run.routine.name.clone()),
        source: run.source.to_string(),
        planned_s: run.timeline.total.as_secs(),
        active_s: run.outcome.held.as_secs(),
        holds_done: count(summary.holds_completed),
        holds_total: count(summary.holds_total),
        stretches_done: count(summary.stretches_completed),
        stretches_total: count(run.routine.stretches.len()),
        skipped: run
            .outcome
            .skipped
            .iter()
            .filter_map(|&index| run.routine.stretches.get(index))
            .map(|stretch| stretch.id.clone())
            .collect(),
        ending: ending(run.outcome.ending),
    })
}

/// How a run ended, as the history (and `STRETCH_ENDING`) names it.
pub fn ending(ending: Ending) -> record::Ending {
    match ending {
        Ending::Finished => record::Ending::Finished,
        Ending::Quit => record::Ending::Quit,
        Ending::Signal(Signal::Interrupt) => record::Ending::Interrupted,
        Ending::Signal(Signal::Hangup) => record::Ending::Hangup,
        // SIGTERM, and the other signals that end a run as it does.
        Ending::Signal(
            Signal::Terminate
            | Signal::Quit
            | Signal::User1
            | Signal::User2
            | Signal::Alarm
            | Signal::Pipe,
        ) => record::Ending::Terminated,
        Ending::Closed => record::Ending::Closed,
    }
}
