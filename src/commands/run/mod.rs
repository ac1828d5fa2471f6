//! The `run` command: picks the routine and the front end, runs the one run loop, and
//! turns the way the run ended into a summary line and an exit status.

use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::Duration;

mod record;

use self::record::Run;

use crate::cli::RunArgs;
use crate::commands::{load_valid, planned};
use crate::error::Error;
use stretch_timer::config::{Resolved, Setting, Voice, VoiceLevel, keys};
use stretch_timer::frontend::full_screen::FullScreen;
use stretch_timer::frontend::hooks::{Event, Hooks};
use stretch_timer::frontend::input::{self, Input};
use stretch_timer::frontend::output::{self, print_stdout};
use stretch_timer::frontend::plain::Plain;
use stretch_timer::frontend::session::{self, Ending, Outcome, RunOptions};
use stretch_timer::frontend::sound::Sound;
use stretch_timer::frontend::terminal::{self, TerminalGuard};
use stretch_timer::frontend::voice::{self as speech, Named};
use stretch_timer::history::now::now;
use stretch_timer::plan::clock::{Clock as _, RealClock};
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::duration;

/// Run the routine the settings name, as they and the command line ask.
pub fn run(args: &RunArgs, settings: &Resolved) -> Result<(), Error> {
    let found = planned(load_valid(&settings.routine.value)?, &args.plan, settings)?;
    let routine = &found.routine;
    let timeline = Timeline::new(routine);
    let (sender, inputs) = mpsc::channel();
    // A voice or a player that cannot be found is one warning; the run goes on without.
    // Before any speech program or player starts, and dropped after the last is reaped:
    // what they leave outside their process group is ended as the run ends.
    let _reaper = (matches!(settings.voice.value, Voice::On(_)) || settings.sound.value)
        .then(speech::orphans::Reaper::adopt);
    let voice = match settings.voice.value {
        Voice::On(_) => {
            // A cue the voice drops unsaid reaches the run loop, which logs it.
            let notices = sender.clone();
            let unspoken = move |text| {
                let _ = notices.send(Input::Unspoken(text));
            };
            let origin = keys::VOICE_COMMAND.origin(settings.voice_command.source);
            let named = named(&settings.voice_command, &origin);
            without_if_missing(
                "--voice",
                settings,
                speech::Voice::find(named, Box::new(unspoken)),
            )
        }
        Voice::Off => None,
    };
    let sound = if settings.sound.value {
        let origin = keys::SOUND_COMMAND.origin(settings.sound_command.source);
        let named = named(&settings.sound_command, &origin);
        without_if_missing("--sound", settings, Sound::find(named))
    } else {
        None
    };
    // To a file or a pipe, a BEL byte is only noise in the log; tones replace it.
    let bell = settings.bell.value && io::stdout().is_terminal() && sound.is_none();
    let mut options = RunOptions {
        sound,
        bell,
        voice,
        voice_level: match settings.voice.value {
            Voice::On(level) => level,
            Voice::Off => VoiceLevel::DEFAULT,
        },
    };

    input::listen_for_signals(sender.clone())?;
    let full_screen = !args.plain && io::stdout().is_terminal();
    if !io::stdout().is_terminal() {
        // A reader that goes away ends the run at once, not at its next line.
        input::watch_output(sender.clone())?;
    }
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
    // The hooks run beside the run, on a runner of their own, never holding it up.
    let hooks = match Hooks::new(settings) {
        Ok(hooks) => hooks,
        Err(error) => {
            output::warn(format!("the hooks cannot run: {error:#}"));
            None
        }
    };
    if let Some(hooks) = &hooks {
        hooks.fire(Event::Start, &found.name);
    }
    let mut clock = RealClock::start(&inputs);
    let start = now();
    let outcome = if full_screen {
        let mut screen = FullScreen::on_stdout(routine, settings.figures.value)?;
        session::run(routine, &timeline, &mut options, &mut clock, &mut screen)
    } else {
        // Raw mode turns off the terminal's own newline translation.
        let newline = if plain_keys && io::stdout().is_terminal() {
            "\r\n"
        } else {
            "\n"
        };
        let mut out = output::run_lines();
        let mut plain = Plain::new(routine, &timeline, &mut out, newline);
        session::run(routine, &timeline, &mut options, &mut clock, &mut plain)
    };
    let outcome = outcome?;
    drop(guard);
    if let Some(hooks) = &hooks {
        let ending = record::ending(outcome.ending);
        let active_s = outcome.held.as_secs();
        hooks.fire(
            Event::Finish {
                ending: ending.as_str(),
                active_s,
            },
            &found.name,
        );
    }
    // The summary first: whatever recording the run costs, it is already on the screen;
    // but not for a reader that has gone (`stretch run | head`).
    let closed = outcome.ending == Ending::Closed;
    if !closed {
        print_stdout(&format!(
            "{}\n",
            summary_line(&outcome, routine.stretches.len())
        ))?;
    }
    // Recorded as the run ends, however it ends, unless `--no-log` or `history = false`.
    let record_signal = if settings.history.value {
        let run = Run {
            routine,
            name: &found.name,
            source: &found.source,
            timeline: &timeline,
            outcome: &outcome,
            start: &start,
            // The run's own clock, which a test may speed up.
            lasted: clock.now(),
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
    end_hooks(hooks);
    let signal = match outcome.ending {
        Ending::Signal(signal) => Some(signal),
        Ending::Finished | Ending::Quit | Ending::Closed => late_signal,
    };
    match signal {
        Some(signal) => Err(Error::Signal(signal)),
        None => Ok(()),
    }
}

/// Let the hooks still running end, each within its time limit; one warning line for
/// each that failed.
fn end_hooks(hooks: Option<Hooks>) {
    for failure in hooks.map(Hooks::finish).unwrap_or_default() {
        output::warn(format!("{failure}; the run went on"));
    }
}

/// The command `setting` names, if any, with where it was set (`origin`).
fn named<'a>(setting: &'a Setting<Option<String>>, origin: &'a str) -> Option<Named<'a>> {
    let command = setting.value.as_deref()?;
    Some(Named { command, origin })
}

/// What `found` found (the voice, the player), or, when it found nothing, one warning
/// line and nothing: `flag` is then left out, and the bell rings if it is on.
fn without_if_missing<T>(flag: &str, settings: &Resolved, found: anyhow::Result<T>) -> Option<T> {
    match found {
        Ok(found) => Some(found),
        Err(error) => {
            let instead = if settings.bell.value {
                "rings the bell instead"
            } else {
                "is left out"
            };
            output::warn(format!("{error:#}; {flag} {instead}"));
            None
        }
    }
}

/// The line printed after the run: how it ended and what was done.
fn summary_line(outcome: &Outcome, stretches_total: usize) -> String {
    let s = &outcome.summary;
    let how = match outcome.ending {
        Ending::Finished => "Routine complete",
        Ending::Quit => "Stopped",
        Ending::Signal(_) | Ending::Closed => "Interrupted",
    };
    let whole = |time: Duration| duration::format(Duration::from_secs(time.as_secs()));
    format!(
        "{how}: {} of {} stretches done ({} of {} holds), {} in holds, {} in all.",
        s.stretches_completed,
        stretches_total,
        s.holds_completed,
        s.holds_total,
        whole(outcome.held),
        whole(s.active)
    )
}
