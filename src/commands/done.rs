//! The `done` command: record a session done without the timer (a stretch at a meeting's
//! end, a class), so that it counts for the streaks and for `due`. Its record says
//! `"source": "manual"`; it is appended to the history under its lock, as a run's is.

use std::time::Duration;

use jiff::SignedDuration;

use crate::cli::{At, DoneArgs, PlanArgs};
use crate::commands::{load_valid, planned};
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::history::record::{self, Ending, MANUAL, Record};
use stretch_timer::history::{file, now::now};
use stretch_timer::plan::timeline::{PhaseKind, Timeline};
use stretch_timer::routine::duration;
use stretch_timer::routine::text::terminal_safe;

/// Record the session the command line describes.
pub fn run(args: &DoneArgs, settings: &Resolved) -> Result<(), Error> {
    // The routine must exist, as `run` would run it (its table's timing included).
    let found = planned(
        load_valid(&settings.routine.value)?,
        &PlanArgs::default(),
        settings,
    )?;
    let now = now();
    let tz = now.time_zone().clone();
    let end = match args.at {
        None => Ok(now.clone()),
        Some(At::Today(time)) => now.date().to_datetime(time).to_zoned_datetime(tz),
        Some(At::On(moment)) => moment.to_zoned_datetime(tz),
    }
    .map_err(anyhow::Error::from)?;
    if end.timestamp() > now.timestamp() {
        return Err(Error::Usage(format!(
            "{} is in the future: record a session once it is done",
            end.strftime("%Y-%m-%d %H:%M")
        )));
    }
    let timeline = Timeline::new(&found.routine);
    let held: Duration = timeline
        .phases
        .iter()
        .filter(|phase| phase.kind == PhaseKind::Hold)
        .map(|phase| phase.duration)
        .sum();
    let given = args
        .minutes
        .map(|minutes| Duration::from_secs(u64::from(minutes) * 60));
    let lasted = given.unwrap_or(timeline.total);
    let start = end
        .checked_sub(SignedDuration::try_from(lasted).unwrap_or_default())
        .map_err(anyhow::Error::from)?;
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let holds = count(timeline.hold_count());
    let stretches = count(found.routine.stretches.len());
    let record = Record {
        v: record::VERSION,
        start: record::stamp(&start),
        end: record::stamp(&end),
        routine: found.name.clone(),
        title: Some(found.routine.name.clone()),
        source: MANUAL.to_owned(),
        planned_s: timeline.total.as_secs(),
        active_s: given.unwrap_or(held).as_secs(),
        holds_done: holds,
        holds_total: holds,
        stretches_done: stretches,
        stretches_total: stretches,
        skipped: Vec::new(),
        ending: Ending::Finished,
    };
    // Waiting for the history's lock, as a run does; Ctrl-C ends the wait and the program.
    let mut wait = |time: Duration| {
        std::thread::sleep(time);
        true
    };
    file::append(&file::path()?, &record, &mut wait)
        .map_err(|error| anyhow::anyhow!("the session was not recorded: {error}"))?;
    print_stdout(&format!(
        "Recorded {}, {}, ended {}: it counts for your streak and for `due`.\n",
        terminal_safe(&found.name),
        duration::format(Duration::from_secs(lasted.as_secs())),
        end.strftime("%Y-%m-%d %H:%M")
    ))?;
    Ok(())
}
