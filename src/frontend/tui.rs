//! The full-screen front end: the event loop that ties the engine, the keys and the clock
//! to the drawing in `screen`.
//!
//! The loop sleeps on the input channel until the engine's next change (the countdown's
//! next second, a cue, the end of a phase), a key, a resize or a signal, and draws only
//! then; ratatui compares each frame with the last and writes only the cells that changed.

use std::io::{self, Stdout, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::layout::Rect;

use crate::frontend::input::{Input, Signal};
use crate::frontend::screen::{self, Screen};
use crate::frontend::session::{Ending, Outcome, RunOptions};
use crate::frontend::words;
use crate::plan::action::Action;
use crate::plan::engine::{Engine, Event};
use crate::plan::timeline::Timeline;
use crate::routine::Routine;

/// How long to wait for the signal behind a failed write: a terminal that hangs up makes
/// writes fail at about the moment SIGHUP arrives, and the signal is the better account.
const SIGNAL_GRACE: Duration = Duration::from_millis(200);

/// Run the routine full screen until it finishes, the user quits or a signal arrives.
/// The caller has put the terminal in full-screen mode (`TerminalGuard::enter(true)`) and
/// restores it afterwards.
pub fn run(
    routine: &Routine,
    timeline: &Timeline,
    options: &mut RunOptions,
    inputs: &Receiver<Input>,
) -> anyhow::Result<Outcome> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut session = Session {
        engine: Engine::new(routine, timeline),
        screen: Screen {
            routine,
            help_visible: false,
            colour: screen::colour_wanted(),
        },
        routine,
        timeline,
        start: Instant::now(),
    };
    let ending = match session.drive(&mut terminal, options, inputs) {
        Ok(ending) => ending,
        Err(error) => match signal_soon(inputs) {
            Some(signal) => Ending::Signal(signal),
            None => return Err(error),
        },
    };
    let summary = session.engine.summary(session.start.elapsed());
    Ok(Outcome { ending, summary })
}

struct Session<'r> {
    engine: Engine<'r>,
    screen: Screen<'r>,
    routine: &'r Routine,
    timeline: &'r Timeline,
    /// The one reading of the clock every deadline is measured from.
    start: Instant,
}

type Term = Terminal<CrosstermBackend<Stdout>>;

impl Session<'_> {
    fn drive(
        &mut self,
        terminal: &mut Term,
        options: &mut RunOptions,
        inputs: &Receiver<Input>,
    ) -> anyhow::Result<Ending> {
        // Not `terminal.clear()`: it asks the terminal where the cursor is, and the answer
        // would go to the key thread, which owns the input.
        terminal.backend_mut().clear_region(ClearType::All)?;
        let mut events = self.engine.start();
        // Every pass of this loop follows a change: the start, the engine's next change
        // coming due, or an input. So every pass draws, and nothing else does.
        loop {
            let now = self.start.elapsed();
            events.extend(self.engine.advance(now));
            if !events.is_empty() {
                if self.announce(terminal, options, &events)? {
                    return Ok(Ending::Finished);
                }
                events.clear();
            }
            let view = self.engine.view(now);
            terminal.draw(|frame| self.screen.draw(frame, &view))?;

            let input = match self.engine.next_change(now) {
                Some(due) => match inputs.recv_timeout(due.saturating_sub(self.start.elapsed())) {
                    Ok(input) => input,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => {
                        // Nothing can reach us any more; the routine still runs to its end.
                        std::thread::sleep(due.saturating_sub(self.start.elapsed()));
                        continue;
                    }
                },
                // Paused: nothing changes until the user or a signal says so.
                None => match inputs.recv() {
                    Ok(input) => input,
                    Err(_) => return Ok(Ending::Quit),
                },
            };

            #[cfg(debug_assertions)]
            crate::frontend::terminal::panic_if_asked("main");
            let now = self.start.elapsed();
            match input {
                Input::Signal(signal) => return Ok(Ending::Signal(signal)),
                Input::Resize => {
                    // Redraw every cell even when the size looks unchanged: by the time we
                    // read it, a shrink and a grow may have come and gone, and the terminal
                    // may have dropped or reflowed what was on screen.
                    let size = terminal.size()?;
                    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
                }
                Input::Action(action) => match action {
                    Action::Quit => return Ok(Ending::Quit),
                    Action::Interrupt => return Ok(Ending::Signal(Signal::Interrupt)),
                    Action::ToggleHelp => self.screen.help_visible = !self.screen.help_visible,
                    steering => events = self.engine.steer(steering, now),
                },
            }
        }
    }

    /// Ring and speak for `events`; true when the routine has finished.
    fn announce(
        &self,
        terminal: &mut Term,
        options: &mut RunOptions,
        events: &[Event],
    ) -> anyhow::Result<bool> {
        if options.bell && events.iter().any(words::rings_bell) {
            let backend = terminal.backend_mut();
            backend.write_all(b"\x07")?;
            Write::flush(backend)?;
        }
        if let Some(voice) = &mut options.voice
            && let Some((words, urgency)) = words::utterance(self.routine, self.timeline, events)
        {
            voice.say(&words, urgency);
        }
        Ok(events.contains(&Event::Finished))
    }
}

/// A signal that arrives within a moment, if one does.
fn signal_soon(inputs: &Receiver<Input>) -> Option<Signal> {
    let deadline = Instant::now() + SIGNAL_GRACE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match inputs.recv_timeout(left) {
            Ok(Input::Signal(signal)) => return Some(signal),
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
}
