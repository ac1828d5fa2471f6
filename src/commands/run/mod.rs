//! The `run` command: picks the routine and the front end, runs the one run loop, and
//! turns the way the run ended into a summary line and an exit status.

use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod record;

use self::record::Run;

use crate::cli::RunArgs;
use crate::commands::{load_with_source, planned};
use crate::error::Error;
use stretch_timer::config::Config;
use stretch_timer::config::effective::{Env, Flags, effective};
use stretch_timer::frontend::full_screen::FullScreen;
use stretch_timer::frontend::input::{self, Input};
use stretch_timer::frontend::output::{self, is_broken_pipe, print_stdout};
use stretch_timer::frontend::plain::Plain;
use stretch_timer::frontend::session::{self, Ending, Outcome, RunOptions};
use stretch_timer::frontend::sound::Sound;
use stretch_timer::frontend::terminal::{self, TerminalGuard};
use stretch_timer::frontend::voice::{Voice, VoiceLevel};
use stretch_timer::history::now::now;
use stretch_timer::plan::clock::RealClock;
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::duration;

/// Run the routine the command line names, as it asks.
pub fn run(args: &RunArgs, config: &Config) -> Result<(), Error> {
    let settings = effective(flags(args), Env::current(), config);
    let name = &settings.routine.value;
    let (routine, source) = load_with_source(name)?;
    let routine = planned(routine, name, &args.plan, config)?;
    let timeline = Timeline::new(&routine);
    let (sender, inputs) = mpsc::channel();
    // Before any speech program or player starts, and dropped after the last is reaped:
    // what they leave outside their process group is ended as the run ends.
    let _reaper = (settings.voice.value.is_some() || settings.sound.value)
        .then(stretch_timer::frontend::voice::orphans::Reaper::adopt);
    let voice = match settings.voice.value {
        Some(_) => {
            // A cue the voice drops unsaid reaches the run loop, which logs it.
            let notices = sender.clone();
            let unspoken = move |text| {
                let _ = notices.send(Input::Unspoken(text));
            };
            let command = settings.voice_command.value.as_deref();
            Some(Voice::find_configured(command, Box::new(unspoken))?)
        }
        None => None,
    };
    let sound = if settings.sound.value {
        match Sound::find() {
            Ok(sound) => Some(sound),
            Err(error) => {
                output::warn(format!("{error:#}; --sound rings the bell instead"));
                None
            }
        }
    } else {
        None
    };
    // To a file or a pipe, a BEL byte is only noise in the log; tones replace it.
    let bell = settings.bell.value && io::stdout().is_terminal() && sound.is_none();
    let mut options = RunOptions {
        sound,
        bell,
        voice,
        voice_level: settings.voice.value.unwrap_or(VoiceLevel::DEFAULT),
    };

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
    let mut clock = RealClock::start(&inputs);
    let (start, started) = (now(), Instant::now());
    let outcome = if full_screen {
        let mut screen = FullScreen::on_stdout(&routine)?;
        session::run(&routine, &timeline, &mut options, &mut clock, &mut screen)
    } else {
        // Raw mode turns off the terminal's own newline translation.
        let newline = if plain_keys && io::stdout().is_terminal() {
            "\r\n"
        } else {
            "\n"
        };
        let mut out = output::run_lines();
        let mut plain = Plain::new(&routine, &timeline, &mut out, newline);
        session::run(&routine, &timeline, &mut options, &mut clock, &mut plain)
    };
    let outcome = match outcome {
        // Whoever read the log has gone (`stretch run | head`): stop quietly, as list does.
        Err(error) if is_broken_pipe(&error) => return Ok(()),
        outcome => outcome?,
    };
    drop(guard);
    let lasted = started.elapsed();
    // The summary first: whatever recording the run costs, it is already on the screen.
    print_stdout(&format!(
        "{}\n",
        summary_line(&outcome, routine.stretches.len())
    ))?;
    // Recorded as the run ends, however it ends, unless `--no-log` or `history = false`.
    let record_signal = if settings.history.value {
        let run = Run {
            routine: &routine,
            source: &source,
            timeline: &timeline,
            outcome: &outcome,
            start: &start,
            lasted,
        };
        record::save(&run, &mut clock)
    } else {
        None
    };
    // Let "routine complete" and its chord be heard, but nothing sound after the program
    // is done: a stopped routine's voice and player are cut off as they are dropped.
    let (voice, sound) = (options.voice.take(), options.sound.take());
    let late_signal = match (outcome.ending, record_signal) {
        (Ending::Finished, None) => [sound.as_ref().map(Sound::player), voice.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|voice| session::hear_last_words(voice, &mut clock)),
        (_, signal) => signal,
    };
    drop((voice, sound));
    let signal = match outcome.ending {
        Ending::Signal(signal) => Some(signal),
        Ending::Finished | Ending::Quit => late_signal,
    };
    match signal {
        Some(signal) => Err(Error::Signal(signal)),
        None => Ok(()),
    }
}

/// What the command line says of the settings the config file also makes.
fn flags(args: &RunArgs) -> Flags {
    let either = |on: bool, off: bool| (on || off).then_some(on);
    Flags {
        routine: args.routine.clone(),
        hold: args.plan.hold,
        lead_in: args.plan.lead_in,
        bell: either(args.bell, args.no_bell),
        voice: match args.voice {
            Some(level) => Some(Some(level)),
            None => args.no_voice.then_some(None),
        },
        sound: either(args.sound, args.no_sound),
        color: None,
        history: either(args.log, args.no_log),
    }
}

/// The line printed after the run: how it ended and what was done.
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
