//! What a run leaves in the history: one record, written as the run ends, however it
//! ends, when at least one hold was completed. Writing it never spoils the run: a failure
//! is one warning line, and the summary and the exit status stay as they were. Nor does
//! it hold the run up: another program's lock on the history is waited for only so long
//! (`file::LOCK_PATIENCE`), and a signal ends the wait.

use std::time::Duration;

use jiff::ZonedDateTime;

use stretch_timer::frontend::input::{Input, Signal};
use stretch_timer::frontend::output;
use stretch_timer::frontend::session::{Ending, Outcome};
use stretch_timer::history::file::{self, NotAppended};
use stretch_timer::history::record;
use stretch_timer::plan::clock::{Clock, Wake};
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::Routine;

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

/// Append the run's record to the history, if it completed a hold; if it cannot be, warn.
/// While another program holds the history's lock, waits on `clock`, Ctrl-Z stopping the
/// wait as it does a run; a signal that ends the wait is returned, to be the exit status.
pub fn save(run: &Run<'_>, clock: &mut dyn Clock<Input>) -> Option<Signal> {
    let record = to_record(run)?;
    let not_recorded = |why: &dyn std::fmt::Display| {
        output::warn(format!(
            "this session was not recorded in your history: {why}"
        ));
    };
    let path = match file::path() {
        Ok(path) => path,
        Err(error) => {
            not_recorded(&error);
            return None;
        }
    };
    let mut signal = None;
    let mut wait = |time: Duration| {
        let until = clock.now().saturating_add(time);
        loop {
            match clock.wait(Some(until)) {
                Wake::Input(Input::Signal(came)) => {
                    signal = Some(came);
                    return false;
                }
                Wake::Input(Input::Suspend) => clock.stop(),
                Wake::Input(_) => {}
                Wake::Deadline | Wake::Closed => return true,
            }
        }
    };
    match file::append(&path, &record, &mut wait) {
        Ok(()) => {}
        Err(NotAppended::Locked) => not_recorded(&format_args!(
            "another program has held it locked for {} s ({})",
            file::LOCK_PATIENCE.as_secs(),
            path.display()
        )),
        Err(NotAppended::GaveUp) => not_recorded(&format_args!(
            "a signal came while another program held it locked ({})",
            path.display()
        )),
        Err(NotAppended::Failed(error)) => not_recorded(&format_args!("{error:#}")),
    }
    signal
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
