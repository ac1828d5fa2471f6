//! The `run` command: picks the routine and the front end, and turns the way a run
//! ended into a summary line and an exit status.

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crate::cli::RunArgs;
use stretch_timer::frontend::input::{self, Input, Signal};
use stretch_timer::frontend::output::{is_broken_pipe, print_stdout};
use stretch_timer::frontend::plain;
use stretch_timer::frontend::session::{Ending, Outcome, RunOptions};
use stretch_timer::frontend::terminal::{self, TerminalGuard};
use stretch_timer::frontend::tui;
use stretch_timer::frontend::voice::Voice;
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::Routine;
use stretch_timer::routine::catalog;
use stretch_timer::routine::diagnostic;
use stretch_timer::routine::duration;
use stretch_timer::routine::suggest::closest;
use stretch_timer::routine::text::terminal_safe;

/// How long "routine complete" may take to be said before the program exits.
const LAST_WORDS: Duration = Duration::from_secs(3);

/// How often to look whether the voice has had its last words while waiting for a signal.
const LOOK_AGAIN: Duration = Duration::from_millis(50);

/// A command line that asks for what the routine does not have (`--only nosuch`): like
/// clap's own errors, it exits with status 2.
#[derive(Debug)]
pub struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let loaded = catalog::find(&args.routine)?;
    let routine = match loaded.routine {
        Ok(routine) => routine,
        Err(problems) => {
            diagnostic::eprint(&loaded.file, &problems);
            return Ok(ExitCode::FAILURE);
        }
    };
    let routine = select(routine, args)?;
    let timeline = Timeline::new(&routine);
    let voice = if args.voice {
        Some(Voice::find()?)
    } else {
        None
    };
    // To a file or a pipe, a BEL byte is only noise in the log.
    let bell = !args.no_bell && io::stdout().is_terminal();
    let mut options = RunOptions { bell, voice };

    let (sender, inputs) = mpsc::channel();
    input::listen_for_signals(sender.clone())?;
    let full_screen = !args.plain && io::stdout().is_terminal();
    // Plain mode reads keys only from a terminal it has in the foreground; without one,
    // signals are the only way in.
    let plain_keys = !full_screen && io::stdin().is_terminal() && terminal::in_foreground();
    // The terminal's modes change before the key thread starts, so that it reads keys
    // one by one from the first; the guard puts them back on every way out.
    let guard = if full_screen || plain_keys {
        let guard = TerminalGuard::enter(full_screen)?;
        input::listen_for_keys(sender)?;
        Some(guard)
    } else {
        None
    };
    let outcome = if full_screen {
        tui::run(&routine, &timeline, &mut options, &inputs)?
    } else {
        // Raw mode turns off the terminal's own newline translation.
        let newline = if plain_keys && io::stdout().is_terminal() {
            "\r\n"
        } else {
            "\n"
        };
        let mut out = io::stdout().lock();
        match plain::run(
            &routine,
            &timeline,
            &mut options,
            &inputs,
            &mut out,
            newline,
        ) {
            // Whoever read the log has gone (`stretch run | head`): stop quietly, as list does.
            Err(error) if is_broken_pipe(&error) => return Ok(ExitCode::SUCCESS),
            outcome => outcome?,
        }
    };
    drop(guard);
    // Let "routine complete" be heard, but nothing speak after the program is done: a
    // stopped routine's voice is cut off as it is dropped.
    let late_signal = match (options.voice.take(), outcome.ending) {
        (Some(voice), Ending::Finished) => hear_last_words(&voice, &inputs),
        _ => None,
    };
    let summary = summary_line(&outcome, routine.stretches.len());
    print_stdout(&format!("{summary}\n"))?;
    let signal = match outcome.ending {
        Ending::Signal(signal) => Some(signal),
        Ending::Finished | Ending::Quit => late_signal,
    };
    Ok(signal.map_or(ExitCode::SUCCESS, |signal| {
        ExitCode::from(u8::try_from(signal.exit_code()).unwrap_or(1))
    }))
}

/// Wait for the voice's last words, for at most `LAST_WORDS`, unless a signal comes
/// first: that one is returned, and the words are cut off when the voice is dropped.
fn hear_last_words(voice: &Voice, inputs: &Receiver<Input>) -> Option<Signal> {
    let deadline = Instant::now() + LAST_WORDS;
    voice.start_finishing(LAST_WORDS);
    while !voice.has_finished() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        match inputs.recv_timeout(left.min(LOOK_AGAIN)) {
            Ok(Input::Signal(signal)) => return Some(signal),
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            // Nothing can come any more; wait for the voice alone.
            Err(RecvTimeoutError::Disconnected) => thread::sleep(left.min(LOOK_AGAIN)),
        }
    }
    None
}

fn summary_line(outcome: &Outcome, stretches_total: usize) -> String {
    let s = &outcome.summary;
    let how = match outcome.ending {
        Ending::Finished => "Routine complete",
        Ending::Quit => "Stopped",
        Ending::Signal(_) => "Interrupted",
    };
    format!(
        "{how}: {} of {} stretches done ({} of {} holds) in {}.",
        s.stretches_completed,
        stretches_total,
        s.holds_completed,
        s.holds_total,
        duration::format(Duration::from_secs(s.active.as_secs()))
    )
}

/// The routine as the flags ask for it: a subset of its stretches, and holds overridden.
fn select(mut routine: Routine, args: &RunArgs) -> anyhow::Result<Routine> {
    let ids: Vec<String> = routine.stretches.iter().map(|s| s.id.clone()).collect();
    for id in args.only.iter().chain(&args.skip) {
        if !ids.contains(id) {
            let known: Vec<&str> = ids.iter().map(String::as_str).collect();
            let hint =
                closest(id, &known).map_or(String::new(), |c| format!("; did you mean `{c}`?"));
            return Err(UsageError(format!(
                "`{}` has no stretch `{}`{hint} (`stretch show {}` lists them)",
                terminal_safe(&routine.name),
                terminal_safe(id),
                terminal_safe(&args.routine)
            ))
            .into());
        }
    }
    if !args.only.is_empty() {
        routine.stretches.retain(|s| args.only.contains(&s.id));
    }
    routine.stretches.retain(|s| !args.skip.contains(&s.id));
    if let Some(level) = args.level {
        routine.stretches.retain(|s| s.level == Some(level));
    }
    if routine.stretches.is_empty() {
        return Err(UsageError(
            "no stretches left to run after --only, --skip and --level".to_string(),
        )
        .into());
    }
    if let Some(hold) = args.hold {
        routine.hold = hold;
        for stretch in &mut routine.stretches {
            stretch.hold = hold;
        }
    }
    Ok(routine)
}
