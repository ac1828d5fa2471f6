//! The one run loop. It drives the engine from a clock and one channel of inputs (keys,
//! resizes, signals), and hands each event once to the outputs: the front end, which shows
//! it and rings the bell in its own way, and the voice.
//!
//! The loop sleeps until the front end's next wake-up (the full screen's next visible
//! change, the plain log's next line), a key, a resize or a signal. Every phase ends on a
//! deadline the engine measures from one start instant, so there is no drift.

use std::time::Duration;

use crate::config::VoiceLevel;
use crate::frontend::input::{Input, Signal};
use crate::frontend::output::is_broken_pipe;
use crate::frontend::sound::{self, Mark, Marks, Sound, Tone};
use crate::frontend::voice::{Urgency, Voice};
use crate::frontend::words;
use crate::plan::action::Action;
use crate::plan::clock::{Clock, Wake};
use crate::plan::engine::{Engine, Event, Summary, View};
use crate::plan::timeline::Timeline;
use crate::routine::Routine;

mod suspend;

/// How long "routine complete" may take to be said before the program exits.
pub const LAST_WORDS: Duration = Duration::from_secs(3);

/// How often to look whether the voice has had its last words while waiting for a signal.
const LOOK_AGAIN: Duration = Duration::from_millis(50);

/// How long to wait for the signal behind a failed write: a terminal that hangs up makes
/// writes fail at about the moment SIGHUP arrives, and the signal is the better account.
const SIGNAL_GRACE: Duration = Duration::from_millis(200);

/// The outputs besides the front end, as the command line set them.
pub struct RunOptions {
    /// Ring the terminal bell at every change (only ever on a terminal).
    pub bell: bool,
    /// Speak the changes and cues, when `--voice` found a speech program.
    pub voice: Option<Voice>,
    /// How much the voice says.
    pub voice_level: VoiceLevel,
    /// Play tones for the changes, half-way and the last seconds, when `--sound` found a
    /// player (the config's `sound = true` is to join `--sound` in `commands/run.rs`).
    pub sound: Option<Sound>,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The last phase ran to its end.
    Finished,
    /// The user quit (`q` or Esc), or nothing could resume a paused run.
    Quit,
    /// A signal, or Ctrl-C typed in raw mode.
    Signal(Signal),
    /// Standard output's reader went away (`stretch run --plain | head -3`).
    Closed,
}

/// How a run ended, and what was done by then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// How it ended.
    pub ending: Ending,
    /// The holds and stretches completed, and the time spent.
    pub summary: Summary,
    /// Time spent in holds, pauses and gaps left out.
    pub held: Duration,
    /// The stretches (by their place in the routine) skipped with `n` and not completed.
    pub skipped: Vec<usize>,
}

/// A way of showing a run: the full screen or plain lines. The run loop calls it; it never
/// reads the clock or the inputs itself.
pub trait FrontEnd {
    /// When the loop must next wake up for this front end (`None`: only for an input).
    fn next_wake(&self, engine: &Engine<'_>, now: Duration) -> Option<Duration>;
    /// The events of one moment, in order; with `bell`, ring the bell where an event
    /// calls for it (see [`words::rings_bell`]).
    fn events(&mut self, now: Duration, events: &[Event], bell: bool) -> anyhow::Result<()>;
    /// Show the run as it is now; called after every change. Nothing to redraw by default.
    fn show(&mut self, _now: Duration, _view: &View<'_>) -> anyhow::Result<()> {
        Ok(())
    }
    /// The user's `action` was carried out; `phase_changed` when it started another phase.
    /// Nothing more to say by default.
    fn action(
        &mut self,
        _now: Duration,
        _action: Action,
        _view: &View<'_>,
        _phase_changed: bool,
    ) -> anyhow::Result<()> {
        Ok(())
    }
    /// The terminal changed size. Nothing to redraw by default.
    fn resize(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
    /// Whether `?` opens an overlay over the countdown, which pauses the run while it is
    /// open. Not by default: plain mode just lists the keys.
    fn overlay_pauses(&self) -> bool {
        false
    }
    /// A hold passed `marks` (half-way, 3, 2, 1 seconds left); only with `--sound`.
    /// Nothing to show by default.
    fn marks(&mut self, _now: Duration, _marks: &[Mark]) -> anyhow::Result<()> {
        Ok(())
    }
    /// The voice dropped a cue unsaid, `text`. Nothing to show by default.
    fn unspoken(&mut self, _now: Duration, _text: &str) -> anyhow::Result<()> {
        Ok(())
    }
    /// The run is about to be suspended (Ctrl-Z, SIGTSTP); the terminal is given back
    /// after this. Nothing to say by default.
    fn suspend(&mut self, _now: Duration) -> anyhow::Result<()> {
        Ok(())
    }
    /// The run goes on after being suspended, the terminal taken again: whatever was on
    /// screen is gone. By default, redrawn as after a resize.
    fn resume(&mut self, _now: Duration) -> anyhow::Result<()> {
        self.resize()
    }
    /// The loop woke `gap` later than it was due, stopped by what it could not catch
    /// (`kill -STOP`), and the gap counts as paused. By default, redrawn as after a resize.
    fn lost_time(&mut self, _now: Duration, _gap: Duration) -> anyhow::Result<()> {
        self.resize()
    }
}

/// Run `routine` on `front_end` until it finishes, the user quits or a signal arrives.
///
/// A write that fails is an error, unless a signal arrives within a moment (the terminal
/// hung up): then the run ended by that signal. A reader that went away (a broken pipe,
/// or `Input::OutputClosed` from the watch on standard output) ends the run as
/// [`Ending::Closed`].
pub fn run(
    routine: &Routine,
    timeline: &Timeline,
    options: &mut RunOptions,
    clock: &mut dyn Clock<Input>,
    front_end: &mut dyn FrontEnd,
) -> anyhow::Result<Outcome> {
    let mut session = Session {
        engine: Engine::new(routine, timeline),
        routine,
        timeline,
        options,
        overlay: Overlay::Closed,
        marks: Marks::default(),
        words_after_tone: None,
        speed: clock.speed(),
    };
    let ending = match session.drive(clock, front_end) {
        Ok(ending) => ending,
        Err(error) if is_broken_pipe(&error) => Ending::Closed,
        Err(error) => match signal_within(clock, SIGNAL_GRACE) {
            Some(signal) => Ending::Signal(signal),
            None => return Err(error),
        },
    };
    let now = clock.now();
    Ok(Outcome {
        ending,
        summary: session.engine.summary(now),
        held: session.engine.held(now),
        skipped: session.engine.skipped_stretches(),
    })
}

/// Wait for the voice's last words, for at most [`LAST_WORDS`], unless a signal comes
/// first: that one is returned, and the words are cut off when the voice is dropped.
pub fn hear_last_words(voice: &Voice, clock: &mut dyn Clock<Input>) -> Option<Signal> {
    // Real time, which the speech program takes, however fast a test runs the clock.
    let speed = clock.speed();
    let (last_words, look_again) = (
        LAST_WORDS.saturating_mul(speed),
        LOOK_AGAIN.saturating_mul(speed),
    );
    let deadline = clock.now().saturating_add(last_words);
    voice.start_finishing(LAST_WORDS);
    while !voice.has_finished() {
        let now = clock.now();
        if now >= deadline {
            return None;
        }
        if let Wake::Input(Input::Signal(signal)) =
            clock.wait(Some(now.saturating_add(look_again).min(deadline)))
        {
            return Some(signal);
        }
    }
    None
}

/// A signal that arrives within `grace`, if one does.
fn signal_within(clock: &mut dyn Clock<Input>, grace: Duration) -> Option<Signal> {
    let deadline = clock
        .now()
        .saturating_add(grace.saturating_mul(clock.speed()));
    loop {
        match clock.wait(Some(deadline)) {
            Wake::Input(Input::Signal(signal)) => return Some(signal),
            Wake::Input(_) => {}
            Wake::Deadline | Wake::Closed => return None,
        }
    }
}

/// One run in progress: the engine and the outputs it feeds.
struct Session<'r, 'o> {
    engine: Engine<'r>,
    routine: &'r Routine,
    timeline: &'r Timeline,
    options: &'o mut RunOptions,
    /// The keys overlay, on a front end that has one.
    overlay: Overlay,
    /// The marks of the current hold already passed, with `--sound`.
    marks: Marks,
    /// Words to say once the tone before them has played: when, what, how urgently.
    words_after_tone: Option<(Duration, String, Urgency)>,
    /// The clock's [`Clock::speed`]: a tone plays in real time.
    speed: u32,
}

/// The keys overlay, and whether opening it paused the run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Overlay {
    Closed,
    /// Open over a run that was already paused, or that the user paused or resumed since.
    Open,
    /// Open, and opening it paused the run: closing it resumes.
    OpenPausing,
}

impl Session<'_, '_> {
    fn drive(
        &mut self,
        clock: &mut dyn Clock<Input>,
        front_end: &mut dyn FrontEnd,
    ) -> anyhow::Result<Ending> {
        let mut events = self.engine.start();
        // The user's last action, to be reported after the events it caused.
        let mut acted: Option<(Action, bool)> = None;
        loop {
            let now = clock.now();
            events.extend(self.engine.advance(now));
            if !events.is_empty() {
                self.report(front_end, now, &events)?;
                if events.contains(&Event::Finished) {
                    return Ok(Ending::Finished);
                }
                events.clear();
            }
            if let Some((action, phase_changed)) = acted.take() {
                front_end.action(now, action, &self.engine.view(now), phase_changed)?;
            }
            self.hear(front_end, now)?;
            front_end.show(now, &self.engine.view(now))?;

            let wake = [front_end.next_wake(&self.engine, now), self.next_sound(now)];
            let due = wake.into_iter().flatten().min();
            let woke = clock.wait(due);
            self.make_up_lost_time(front_end, due, clock.now())?;
            let input = match woke {
                Wake::Deadline => continue,
                Wake::Input(input) => input,
                // Paused with nobody left to resume: stop as if asked to.
                Wake::Closed => return Ok(Ending::Quit),
            };
            #[cfg(debug_assertions)]
            crate::frontend::terminal::panic_if_asked("main");
            let now = clock.now();
            match input {
                Input::Signal(signal) => return Ok(Ending::Signal(signal)),
                Input::Resize => front_end.resize()?,
                Input::Unspoken(text) => front_end.unspoken(now, &text)?,
                Input::Suspend => self.suspend(clock, front_end)?,
                Input::Continue => self.continued(front_end)?,
                Input::OutputClosed => return Ok(Ending::Closed),
                Input::Action(Action::Quit) => return Ok(Ending::Quit),
                Input::Action(Action::Interrupt) => return Ok(Ending::Signal(Signal::Interrupt)),
                Input::Action(action) => {
                    events = self.steer(front_end, action, now);
                    let phase_changed = events.iter().any(|e| !matches!(e, Event::Cue { .. }));
                    acted = Some((action, phase_changed));
                }
            }
        }
    }

    /// Carry out `action`. On a front end whose keys overlay pauses, opening it pauses a
    /// running routine and closing it resumes, unless the user paused or resumed in between.
    fn steer(&mut self, front_end: &dyn FrontEnd, action: Action, now: Duration) -> Vec<Event> {
        match action {
            Action::ToggleHelp if front_end.overlay_pauses() => match self.overlay {
                Overlay::Closed if !self.engine.view(now).paused => {
                    self.overlay = Overlay::OpenPausing;
                    self.engine.toggle_pause(now)
                }
                Overlay::Closed => {
                    self.overlay = Overlay::Open;
                    Vec::new()
                }
                Overlay::OpenPausing => {
                    self.overlay = Overlay::Closed;
                    self.engine.toggle_pause(now)
                }
                Overlay::Open => {
                    self.overlay = Overlay::Closed;
                    Vec::new()
                }
            },
            Action::TogglePause => {
                if self.overlay == Overlay::OpenPausing {
                    self.overlay = Overlay::Open;
                }
                self.engine.steer(action, now)
            }
            _ => self.engine.steer(action, now),
        }
    }

    /// Hand the events of one moment to the front end, then to the sound and the voice:
    /// the tone first, the words once it has played.
    fn report(
        &mut self,
        front_end: &mut dyn FrontEnd,
        now: Duration,
        events: &[Event],
    ) -> anyhow::Result<()> {
        front_end.events(now, events, self.options.bell)?;
        let tone = self.options.sound.as_ref().and_then(|sound| {
            let tone = sound::tone_for(self.timeline, events)?;
            sound.play(tone);
            Some(tone)
        });
        if let Some(voice) = &self.options.voice
            && let Some((text, urgency)) = words::utterance(
                self.routine,
                self.timeline,
                events,
                self.options.voice_level,
            )
        {
            match (tone, &mut self.words_after_tone) {
                // The run ends with this moment: the chord and the words go together.
                (Some(Tone::Complete), _) => voice.say(&text, urgency),
                (Some(tone), _) => {
                    let played = tone.length().saturating_mul(self.speed);
                    self.words_after_tone = Some((now + played, text, urgency));
                }
                // A cue joins the words that wait for their tone.
                (None, Some((_, waiting, _))) if urgency == Urgency::Queue => {
                    waiting.push_str(". ");
                    waiting.push_str(&text);
                }
                (None, _) => voice.say(&text, urgency),
            }
        }
        Ok(())
    }

    /// With `--sound`: the marks of the hold passed by `now`, heard and shown; and the
    /// words whose tone has played, said.
    fn hear(&mut self, front_end: &mut dyn FrontEnd, now: Duration) -> anyhow::Result<()> {
        let Some(sound) = &self.options.sound else {
            return Ok(());
        };
        let marks = self.marks.passed(&self.engine.view(now));
        if let Some(last) = marks.last() {
            sound.play(sound::tone_for_mark(*last));
            front_end.marks(now, &marks)?;
        }
        if self
            .words_after_tone
            .as_ref()
            .is_some_and(|(at, _, _)| *at <= now)
            && let Some((_, text, urgency)) = self.words_after_tone.take()
            && let Some(voice) = &self.options.voice
        {
            voice.say(&text, urgency);
        }
        Ok(())
    }

    /// When the sound next needs the loop awake: the hold's next mark, or the words
    /// after a tone.
    fn next_sound(&self, now: Duration) -> Option<Duration> {
        self.options.sound.as_ref()?;
        let mark = Marks::next(&self.engine.view(now), now);
        let words = self.words_after_tone.as_ref().map(|(at, _, _)| *at);
        [mark, words].into_iter().flatten().min()
    }
}
