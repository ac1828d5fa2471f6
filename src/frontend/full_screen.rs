//! The full-screen front end: the countdown drawn by `screen` on a ratatui terminal, and
//! the bell written to the same terminal.
//!
//! It wakes the run loop at every visible change (the countdown's next second, a cue, the
//! end of a phase) and draws only then; ratatui compares each frame with the last, and
//! the backend writes only the cells that changed, in as few bytes as it can.

use std::io::{self, Stdout, Write};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::layout::Rect;

use crate::frontend::backend::LeanBackend;
use crate::frontend::output;
use crate::frontend::screen::Screen;
use crate::frontend::session::FrontEnd;
use crate::frontend::words;
use crate::plan::action::Action;
use crate::plan::engine::{Engine, Event, View};
use crate::routine::Routine;

/// The full screen on a terminal backend `B`, ringing its bell on `W`.
pub struct FullScreen<'r, B: Backend, W: Write> {
    terminal: Terminal<B>,
    screen: Screen<'r>,
    bell: W,
}

impl<'r> FullScreen<'r, LeanBackend<Stdout>, Stdout> {
    /// The full screen on standard output, with the figures of the poses unless
    /// `figures` is false. The caller has put the terminal in full-screen mode
    /// (`TerminalGuard::enter(true)`) and restores it afterwards.
    pub fn on_stdout(routine: &'r Routine, figures: bool) -> anyhow::Result<Self> {
        let mut screen = FullScreen::new(
            LeanBackend::new(io::stdout()),
            io::stdout(),
            routine,
            output::colour_on_stdout(),
        )?;
        screen.screen.figures = figures;
        Ok(screen)
    }
}

impl<'r, B, W> FullScreen<'r, B, W>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    W: Write,
{
    /// The full screen on `backend`, cleared, with the bell rung on `bell` (the same
    /// terminal, as another handle), showing the figures of the poses. `colour` false
    /// draws without colour.
    pub fn new(backend: B, bell: W, routine: &'r Routine, colour: bool) -> anyhow::Result<Self> {
        let mut terminal = Terminal::new(backend)?;
        // Not `terminal.clear()`: it asks the terminal where the cursor is, and the answer
        // would go to the key thread, which owns the input.
        terminal.backend_mut().clear_region(ClearType::All)?;
        Ok(FullScreen {
            terminal,
            screen: Screen {
                routine,
                help_visible: false,
                colour,
                figures: true,
            },
            bell,
        })
    }

    /// The terminal backend, for tests to read what is on screen.
    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    /// Where the bell rings, for tests to count the bells.
    pub fn bell(&self) -> &W {
        &self.bell
    }
}

impl<B, W> FrontEnd for FullScreen<'_, B, W>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    W: Write,
{
    fn next_wake(&self, engine: &Engine<'_>, now: Duration) -> Option<Duration> {
        engine.next_change(now)
    }

    /// One bell for the events of one moment, however many of them call for it.
    fn events(&mut self, _now: Duration, events: &[Event], bell: bool) -> anyhow::Result<()> {
        if bell && events.iter().any(words::rings_bell) {
            self.bell.write_all(b"\x07")?;
            self.bell.flush()?;
        }
        Ok(())
    }

    fn show(&mut self, _now: Duration, view: &View<'_>) -> anyhow::Result<()> {
        // `Terminal::draw`, but for hiding the cursor again after every frame: the
        // terminal guard hid it once, and nothing here shows it.
        self.terminal.autoresize()?;
        let mut frame = self.terminal.get_frame();
        self.screen.draw(&mut frame, view);
        self.terminal.flush()?;
        self.terminal.swap_buffers();
        Backend::flush(self.terminal.backend_mut())?;
        Ok(())
    }

    fn action(
        &mut self,
        _now: Duration,
        action: Action,
        _view: &View<'_>,
        _phase_changed: bool,
    ) -> anyhow::Result<()> {
        if action == Action::ToggleHelp {
            self.screen.help_visible = !self.screen.help_visible;
        }
        Ok(())
    }

    fn overlay_pauses(&self) -> bool {
        true
    }

    fn resize(&mut self) -> anyhow::Result<()> {
        // Redraw every cell even when the size looks unchanged: by the time we read it, a
        // shrink and a grow may have come and gone, and the terminal may have dropped or
        // reflowed what was on screen.
        let size = self.terminal.size()?;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use ratatui::backend::TestBackend;

    use super::*;
    use crate::config::VoiceLevel;
    use crate::frontend::input::{Input, Signal};
    use crate::frontend::screen::digits::{self, Size};
    use crate::frontend::session::{self, Ending, Outcome, RunOptions};
    use crate::frontend::words::tests::sample_routine;
    use crate::plan::clock::ScriptedClock;
    use crate::plan::timeline::Timeline;

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    type TestScreen<'r> = FullScreen<'r, TestBackend, Vec<u8>>;

    /// The full screen on a test terminal, keeping a copy of every frame it shows.
    struct Recorder<'r> {
        screen: TestScreen<'r>,
        /// When each frame was shown, and its rows of cell symbols.
        frames: Vec<(Duration, Vec<Vec<String>>)>,
    }

    impl FrontEnd for Recorder<'_> {
        fn next_wake(&self, engine: &Engine<'_>, now: Duration) -> Option<Duration> {
            self.screen.next_wake(engine, now)
        }

        fn events(&mut self, now: Duration, events: &[Event], bell: bool) -> anyhow::Result<()> {
            self.screen.events(now, events, bell)
        }

        fn show(&mut self, now: Duration, view: &View<'_>) -> anyhow::Result<()> {
            self.screen.show(now, view)?;
            let buffer = self.screen.backend().buffer();
            let rows = (0..buffer.area.height)
                .map(|y| {
                    (0..buffer.area.width)
                        .map(|x| buffer[(x, y)].symbol().to_owned())
                        .collect()
                })
                .collect();
            self.frames.push((now, rows));
            Ok(())
        }

        fn action(
            &mut self,
            now: Duration,
            action: Action,
            view: &View<'_>,
            phase_changed: bool,
        ) -> anyhow::Result<()> {
            self.screen.action(now, action, view, phase_changed)
        }

        fn resize(&mut self) -> anyhow::Result<()> {
            self.screen.resize()
        }

        fn overlay_pauses(&self) -> bool {
            self.screen.overlay_pauses()
        }
    }

    impl Recorder<'_> {
        /// The last frame shown at or before `at`.
        fn frame_at(&self, at: Duration) -> &[Vec<String>] {
            self.frames
                .iter()
                .rev()
                .find(|(shown, _)| *shown <= at)
                .map(|(_, rows)| rows.as_slice())
                .unwrap_or_else(|| panic!("no frame shown by {at:?}"))
        }

        fn text_at(&self, at: Duration) -> String {
            self.frame_at(at)
                .iter()
                .map(|row| row.concat())
                .collect::<Vec<_>>()
                .join("\n")
        }

        /// Whether the frame at `at` shows `title` and the countdown `seconds` in big digits.
        fn shows(&self, at: Duration, title: &str, seconds: u64) -> bool {
            let frame = self.frame_at(at);
            self.text_at(at).contains(title)
                && digits::find(frame, &seconds.to_string(), Size::Scaled(2)).is_some()
        }
    }

    /// Run the sample routine full screen at 80x24 in fake time, with these inputs.
    fn run_script(inputs: &[(u64, Input)], bell: bool) -> (Outcome, Recorder<'static>, usize) {
        let inputs: Vec<(Duration, Input)> =
            inputs.iter().map(|(at, i)| (s(*at), i.clone())).collect();
        run_timed(&inputs, bell)
    }

    /// The same, with inputs at any time.
    fn run_timed(inputs: &[(Duration, Input)], bell: bool) -> (Outcome, Recorder<'static>, usize) {
        let routine: &'static _ = Box::leak(Box::new(sample_routine()));
        let timeline = Timeline::new(routine);
        let screen = FullScreen::new(TestBackend::new(80, 24), Vec::new(), routine, true)
            .expect("test screen");
        let mut recorder = Recorder {
            screen,
            frames: Vec::new(),
        };
        let mut options = RunOptions {
            sound: None,
            bell,
            voice: None,
            voice_level: VoiceLevel::DEFAULT,
        };
        let mut clock = ScriptedClock::new(inputs.iter().cloned());
        let outcome =
            session::run(routine, &timeline, &mut options, &mut clock, &mut recorder).expect("run");
        (outcome, recorder, clock.waits)
    }

    fn key(action: Action) -> Input {
        Input::Action(action)
    }

    #[test]
    fn a_whole_run_draws_once_a_second_and_rings_once_a_change() {
        let (outcome, recorder, waits) = run_script(&[], true);
        assert_eq!(outcome.ending, Ending::Finished);
        assert_eq!(outcome.summary.holds_completed, 4);
        assert_eq!(outcome.summary.active, s(125));
        // One frame at every whole second of the 125 s routine, and no other.
        let times: Vec<Duration> = recorder.frames.iter().map(|(at, _)| *at).collect();
        assert_eq!(times, (0..125).map(s).collect::<Vec<_>>());
        assert_eq!(waits, 125);
        assert!(recorder.shows(s(0), "Get ready", 5));
        assert!(recorder.shows(s(5), "Hold", 30));
        assert!(recorder.text_at(s(5)).contains("Toe touch · left leg"));
        assert!(recorder.shows(s(34), "Hold", 1));
        assert!(recorder.shows(s(35), "Switch sides", 5));
        assert!(recorder.shows(s(70), "Next up", 10));
        assert!(recorder.text_at(s(70)).contains("Downward dog"));
        assert!(recorder.shows(s(100), "Next rep", 5));
        assert!(recorder.shows(s(124), "Hold", 1));
        // The eight phases and the end: one bell each.
        assert_eq!(recorder.screen.bell(), &vec![b'\x07'; 9]);
    }

    #[test]
    fn no_bell_rings_when_the_bell_is_off() {
        let (_, recorder, _) = run_script(&[], false);
        assert!(recorder.screen.bell().is_empty());
    }

    #[test]
    fn pause_and_plus_minus_move_the_end_of_the_hold() {
        let inputs = [
            (7, key(Action::TogglePause)),
            (27, key(Action::TogglePause)),
            (30, key(Action::AddTime)),
            (31, key(Action::RemoveTime)),
            (32, key(Action::RemoveTime)),
        ];
        let (_, recorder, _) = run_script(&inputs, false);
        // Paused 2 s into the hold (28 s left), for 20 s.
        assert!(recorder.shows(s(7), "PAUSED", 28));
        assert!(recorder.shows(s(26), "PAUSED", 28));
        assert!(recorder.shows(s(27), "Hold", 28));
        assert!(!recorder.text_at(s(27)).contains("PAUSED"));
        // +5 s at 30 (25 s left) makes 30; -5 s leaves 24 at 31 and 18 at 32.
        assert!(recorder.shows(s(30), "Hold", 30));
        assert!(recorder.shows(s(31), "Hold", 24));
        assert!(recorder.shows(s(32), "Hold", 18));
        // So the hold that was planned to end at 35 ends at 35 + 20 - 5 = 50.
        assert!(recorder.shows(s(49), "Hold", 1));
        assert!(recorder.shows(s(50), "Switch sides", 5));
        assert!(recorder.shows(s(55), "Hold", 30));
        assert!(recorder.text_at(s(55)).contains("right leg"));
    }

    #[test]
    fn skip_and_back_start_phases_at_the_key() {
        let inputs = [
            (12, key(Action::Next)),
            (14, key(Action::Next)),
            (16, key(Action::Back)),
            (30, key(Action::Back)),
        ];
        let (outcome, recorder, _) = run_script(&inputs, false);
        // Skipped 7 s into the left hold: the switch starts at 12, the right hold at 14.
        assert!(recorder.shows(s(12), "Switch sides", 5));
        assert!(recorder.shows(s(14), "Hold", 30));
        assert!(recorder.text_at(s(14)).contains("right leg"));
        // Back 2 s into the right hold: the left hold again, from the start.
        assert!(recorder.shows(s(16), "Hold", 30));
        assert!(recorder.text_at(s(16)).contains("left leg"));
        // Back 14 s into it: the same hold from its start again, until 60.
        assert!(recorder.shows(s(29), "Hold", 17));
        assert!(recorder.shows(s(30), "Hold", 30));
        assert!(recorder.text_at(s(30)).contains("left leg"));
        assert!(recorder.shows(s(59), "Hold", 1));
        assert!(recorder.shows(s(60), "Switch sides", 5));
        assert_eq!(outcome.ending, Ending::Finished);
        // The left hold was skipped once and then completed; every hold was completed.
        assert_eq!(outcome.summary.holds_completed, 4);
    }

    #[test]
    fn the_keys_overlay_pauses_while_open_and_quit_ends_the_run() {
        let inputs = [
            (6, key(Action::ToggleHelp)),
            (8, key(Action::ToggleHelp)),
            (9, key(Action::Quit)),
        ];
        let (outcome, recorder, _) = run_script(&inputs, false);
        assert!(!recorder.text_at(s(5)).contains("Keys"));
        assert!(recorder.text_at(s(6)).contains("Keys"));
        assert!(recorder.text_at(s(6)).contains("pause or resume"));
        // Opened 1 s into the hold: paused at 29 s left until it closes at 8 s.
        assert!(recorder.text_at(s(6)).contains("PAUSED"));
        assert!(!recorder.text_at(s(8)).contains("Keys"));
        assert!(recorder.shows(s(8), "Hold", 29));
        assert!(!recorder.text_at(s(8)).contains("PAUSED"));
        assert_eq!(outcome.ending, Ending::Quit);
        assert_eq!(outcome.summary.active, s(7));
        assert_eq!(outcome.summary.holds_completed, 0);
    }

    #[test]
    fn closing_the_overlay_leaves_a_pause_the_user_chose() {
        // Paused before opening it: still paused after closing it.
        let inputs = [
            (6, key(Action::TogglePause)),
            (7, key(Action::ToggleHelp)),
            (8, key(Action::ToggleHelp)),
            (12, key(Action::Quit)),
        ];
        let (outcome, recorder, _) = run_script(&inputs, false);
        assert!(recorder.shows(s(11), "PAUSED", 29));
        assert_eq!(outcome.summary.active, s(6));
        // Resumed with space while it was open: closing it does not pause again.
        let inputs = [
            (6, key(Action::ToggleHelp)),
            (7, key(Action::TogglePause)),
            (8, key(Action::ToggleHelp)),
            (12, key(Action::Quit)),
        ];
        let (outcome, recorder, _) = run_script(&inputs, false);
        assert!(recorder.shows(s(11), "Hold", 25));
        assert_eq!(outcome.summary.active, s(11));
    }

    #[test]
    fn a_signal_or_ctrl_c_ends_the_run_at_once() {
        let (outcome, recorder, _) = run_script(&[(40, Input::Signal(Signal::Hangup))], false);
        assert_eq!(outcome.ending, Ending::Signal(Signal::Hangup));
        assert_eq!(outcome.summary.holds_completed, 1);
        assert_eq!(recorder.frames.last().map(|(at, _)| *at), Some(s(39)));
        let (outcome, _, _) = run_script(&[(3, key(Action::Interrupt))], false);
        assert_eq!(outcome.ending, Ending::Signal(Signal::Interrupt));
    }

    #[test]
    fn a_resize_redraws_the_same_moment() {
        let resized = Duration::from_millis(3500);
        let inputs = [(resized, Input::Resize), (s(9), key(Action::Quit))];
        let (_, recorder, _) = run_timed(&inputs, false);
        let times: Vec<Duration> = recorder.frames.iter().map(|(at, _)| *at).collect();
        assert_eq!(times[..6], [s(0), s(1), s(2), s(3), resized, s(4)]);
        // The same second, drawn again whole.
        assert_eq!(recorder.frame_at(s(3)), recorder.frame_at(resized));
    }
}
