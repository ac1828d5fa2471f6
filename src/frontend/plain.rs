//! The plain front end: one line per phase and per cue, each stamped with the time since
//! the start and flushed at once. No escape sequences, so it suits logs, slow links and
//! screen readers. The only control characters written are the line ending and, when
//! the bell is on, BEL (0x07) at the end of the line that starts each phase.
//!
//! It wakes the run loop only for the engine's next event (a cue or the end of a phase):
//! with no countdown on screen there is nothing to wake up for in between.

use std::io::Write;
use std::time::Duration;

use anyhow::Context;

use crate::frontend::session::FrontEnd;
use crate::frontend::sound::Mark;
use crate::frontend::words;
use crate::plan::action::Action;
use crate::plan::engine::{ADJUST_SECONDS, Engine, Event, View};
use crate::plan::timeline::Timeline;
use crate::routine::Routine;
use crate::routine::duration;
use crate::routine::text::terminal_safe;

const BELL: &str = "\x07";
const KEYS: &str = "keys: space pause/resume, n next, b back, + or - 5 seconds, ? keys, q quit";

/// Writes the run as lines to `out`.
pub struct Plain<'a> {
    routine: &'a Routine,
    timeline: &'a Timeline,
    out: &'a mut dyn Write,
    newline: &'a str,
}

impl<'a> Plain<'a> {
    /// Lines for `routine` to `out`, each ended with `newline` (`"\r\n"` when the
    /// terminal is in raw mode, which turns off its own newline translation).
    pub fn new(
        routine: &'a Routine,
        timeline: &'a Timeline,
        out: &'a mut dyn Write,
        newline: &'a str,
    ) -> Self {
        Plain {
            routine,
            timeline,
            out,
            newline,
        }
    }

    fn write(&mut self, line: &str) -> anyhow::Result<()> {
        self.out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.flush())
            .context("could not write the run's progress")
    }
}

impl FrontEnd for Plain<'_> {
    /// A log line, so that someone following by ear and screen reader still gets the cue.
    fn unspoken(&mut self, now: Duration, text: &str) -> anyhow::Result<()> {
        let line = format_line(now, &format!("cue not spoken: {text}"), false, self.newline);
        self.write(&line)
    }

    fn next_wake(&self, engine: &Engine<'_>, now: Duration) -> Option<Duration> {
        engine.next_event(now)
    }

    fn events(&mut self, now: Duration, events: &[Event], bell: bool) -> anyhow::Result<()> {
        for event in events {
            let text = words::line(self.routine, self.timeline, event);
            let bell = bell && words::rings_bell(event);
            let line = format_line(now, &text, bell, self.newline);
            self.write(&line)?;
        }
        Ok(())
    }

    fn marks(&mut self, now: Duration, marks: &[Mark]) -> anyhow::Result<()> {
        for mark in marks {
            let line = format_line(now, &mark.words(), false, self.newline);
            self.write(&line)?;
        }
        Ok(())
    }

    fn action(
        &mut self,
        now: Duration,
        action: Action,
        view: &View<'_>,
        phase_changed: bool,
    ) -> anyhow::Result<()> {
        match key_note(action, view, phase_changed) {
            Some(note) => {
                let line = format_line(now, &note, false, self.newline);
                self.write(&line)
            }
            None => Ok(()),
        }
    }

    fn suspend(&mut self, now: Duration) -> anyhow::Result<()> {
        let line = format_line(now, "suspended", false, self.newline);
        self.write(&line)
    }

    fn resume(&mut self, now: Duration) -> anyhow::Result<()> {
        let line = format_line(now, "resumed", false, self.newline);
        self.write(&line)
    }

    fn lost_time(&mut self, now: Duration, gap: Duration) -> anyhow::Result<()> {
        let gap = duration::format(Duration::from_secs(gap.as_secs()));
        let line = format_line(
            now,
            &format!("stopped for {gap}, counted as paused"),
            false,
            self.newline,
        );
        self.write(&line)
    }
}

/// The line that says what a key did, when the lines of the events it caused do not.
fn key_note(action: Action, view: &View, phase_changed: bool) -> Option<String> {
    let sign = match action {
        Action::TogglePause => return Some(if view.paused { "paused" } else { "resumed" }.into()),
        Action::ToggleHelp => return Some(KEYS.to_string()),
        Action::AddTime if !phase_changed => '+',
        Action::RemoveTime if !phase_changed => '-',
        _ => return None,
    };
    Some(format!(
        "{sign}{ADJUST_SECONDS}s: {} now {}, {}s left",
        words::phase_title(view.phase).to_lowercase(),
        duration::format(view.phase_duration),
        view.seconds_left()
    ))
}

/// One line as written: the time stamp, the text made safe for a terminal, the bell if
/// asked for, and the line ending.
fn format_line(now: Duration, text: &str, bell: bool, newline: &str) -> String {
    let bell = if bell { BELL } else { "" };
    format!(
        "{}  {}{bell}{newline}",
        duration::clock(now),
        terminal_safe(text)
    )
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;
    use crate::config::VoiceLevel;
    use crate::frontend::input::{Input, Signal};
    use crate::frontend::session::{self, Ending, Outcome, RunOptions};
    use crate::frontend::words::tests::sample_routine;
    use crate::plan::clock::{RealClock, ScriptedClock};
    use crate::plan::engine::Summary;

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    fn run_script(
        routine: &Routine,
        inputs: &[(u64, Input)],
        bell: bool,
        newline: &str,
    ) -> (Outcome, String, ScriptedClock<Input>) {
        let timeline = Timeline::new(routine);
        let mut options = RunOptions {
            sound: None,
            bell,
            voice: None,
            voice_level: VoiceLevel::DEFAULT,
        };
        let mut out = Vec::new();
        let mut clock =
            ScriptedClock::new(inputs.iter().map(|(at, input)| (s(*at), input.clone())));
        let mut plain = Plain::new(routine, &timeline, &mut out, newline);
        let outcome =
            session::run(routine, &timeline, &mut options, &mut clock, &mut plain).expect("run");
        let text = String::from_utf8(out).expect("UTF-8");
        (outcome, text, clock)
    }

    fn action(action: Action) -> Input {
        Input::Action(action)
    }

    const WHOLE_RUN: &str = "\
00:00  get ready (5s): Toe touch, left leg. Bend forward from the hips.
00:05  hold (30s): Toe touch, left leg
00:05  cue: a1
00:20  cue: r
00:35  switch sides (5s): right leg next
00:40  hold (30s): Toe touch, right leg
00:40  cue: a1
00:55  cue: r
01:10  next up (10s): Downward dog
01:20  hold (20s): Downward dog, rep 1 of 2
01:20  cue: r
01:40  next rep (5s): rep 2 of 2
01:45  hold (20s): Downward dog, rep 2 of 2
01:45  cue: r
02:05  finished
";

    #[test]
    fn a_whole_run_writes_one_line_per_phase_and_cue_on_time() {
        let (outcome, text, clock) = run_script(&sample_routine(), &[], false, "\n");
        assert_eq!(text, WHOLE_RUN);
        assert_eq!(
            outcome,
            Outcome {
                ending: Ending::Finished,
                summary: Summary {
                    holds_completed: 4,
                    holds_total: 4,
                    stretches_completed: 2,
                    active: s(125),
                },
                held: s(100),
                skipped: vec![],
            }
        );
        // Woken only when there is something to write: at 5, 20, 35, 40, 55, 70, 80, 100,
        // 105 and 125 s.
        assert_eq!(clock.waits, 10);
    }

    #[test]
    fn the_bell_rings_at_the_end_of_each_phase_line_and_raw_mode_gets_crlf() {
        let (_, text, _) = run_script(&sample_routine(), &[], true, "\r\n");
        let expected: String = WHOLE_RUN
            .lines()
            .map(|line| {
                let bell = if line.contains("cue: ") { "" } else { "\x07" };
                format!("{line}{bell}\r\n")
            })
            .collect();
        assert_eq!(text, expected);
    }

    #[test]
    fn keys_pause_skip_go_back_and_change_the_time() {
        let inputs = [
            (7, action(Action::TogglePause)),
            (27, action(Action::TogglePause)),
            (28, Input::Resize),
            (29, action(Action::AddTime)),
            (30, action(Action::RemoveTime)),
            (31, action(Action::RemoveTime)),
            (32, action(Action::Next)),
            (33, action(Action::Back)),
            (34, action(Action::ToggleHelp)),
            (35, action(Action::Quit)),
        ];
        let (outcome, text, _) = run_script(&sample_routine(), &inputs, false, "\n");
        assert_eq!(
            text,
            "\
00:00  get ready (5s): Toe touch, left leg. Bend forward from the hips.
00:05  hold (30s): Toe touch, left leg
00:05  cue: a1
00:07  paused
00:27  resumed
00:29  +5s: hold now 35s, 31s left
00:30  -5s: hold now 30s, 25s left
00:31  -5s: hold now 25s, 19s left
00:32  switch sides (5s): right leg next
00:33  hold (30s): Toe touch, left leg
00:33  cue: a1
00:34  keys: space pause/resume, n next, b back, + or - 5 seconds, ? keys, q quit
"
        );
        assert_eq!(outcome.ending, Ending::Quit);
        assert_eq!(outcome.summary.holds_completed, 0);
        assert_eq!(outcome.summary.active, s(15));
    }

    #[test]
    fn the_cue_halfway_comes_after_the_pause_is_made_up() {
        let inputs = [
            (7, action(Action::TogglePause)),
            (17, action(Action::TogglePause)),
        ];
        let (_, text, _) = run_script(&sample_routine(), &inputs, false, "\n");
        assert!(
            text.contains("00:17  resumed\n00:30  cue: r\n00:45  switch sides"),
            "{text}"
        );
        assert!(text.ends_with("02:15  finished\n"), "{text}");
    }

    #[test]
    fn shortening_a_phase_to_its_end_prints_the_next_phase_not_the_change() {
        let inputs: Vec<(u64, Input)> = (0..6).map(|_| (31, action(Action::RemoveTime))).collect();
        let (_, text, _) = run_script(&sample_routine(), &inputs, false, "\n");
        let lines: Vec<&str> = text.lines().skip(4).take(8).collect();
        // 26 s into the 30 s hold, the first -5 s ends it; the second ends the 5 s switch.
        // The cue "r", due 15 s into the right side, does not come in a hold cut to 10 s.
        assert_eq!(
            lines,
            [
                "00:31  switch sides (5s): right leg next",
                "00:31  hold (30s): Toe touch, right leg",
                "00:31  cue: a1",
                "00:31  -5s: hold now 25s, 25s left",
                "00:31  -5s: hold now 20s, 20s left",
                "00:31  -5s: hold now 15s, 15s left",
                "00:31  -5s: hold now 10s, 10s left",
                "00:41  next up (10s): Downward dog",
            ]
        );
    }

    #[test]
    fn signals_and_ctrl_c_end_the_run_with_their_signal() {
        let inputs = [(12, Input::Signal(Signal::Terminate))];
        let (outcome, text, _) = run_script(&sample_routine(), &inputs, false, "\n");
        assert_eq!(outcome.ending, Ending::Signal(Signal::Terminate));
        assert_eq!(outcome.summary.active, s(12));
        assert!(text.ends_with("00:05  cue: a1\n"), "{text}");

        let inputs = [(3, action(Action::Interrupt))];
        let (outcome, _, _) = run_script(&sample_routine(), &inputs, false, "\n");
        assert_eq!(outcome.ending, Ending::Signal(Signal::Interrupt));
    }

    #[test]
    fn paused_with_no_input_left_stops_instead_of_waiting_forever() {
        let inputs = [(3, action(Action::TogglePause))];
        let (outcome, text, _) = run_script(&sample_routine(), &inputs, false, "\n");
        assert_eq!(outcome.ending, Ending::Quit);
        assert!(text.ends_with("00:03  paused\n"), "{text}");
    }

    #[test]
    fn routine_text_never_carries_control_characters_to_the_terminal() {
        let mut routine = sample_routine();
        routine.stretches[0].name = "Toe\u{1b}[2J touch\u{9b}31m".to_string();
        routine.stretches[0].how = "Bend\u{1b}]0;owned\u{7} \u{202E}forward\r".to_string();
        routine.cues = vec!["r\u{7f}\u{0}".to_string()];
        let (_, text, _) = run_script(&routine, &[], true, "\r\n");
        let unexpected: Vec<char> = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\x07' | '\r' | '\n'))
            .chain(
                text.chars()
                    .filter(|&c| crate::routine::text::is_bidi_control(c)),
            )
            .collect();
        assert_eq!(unexpected, []);
        assert_eq!(
            text.matches('\x07').count(),
            9,
            "one bell per phase and the end"
        );
        assert_eq!(text.matches("\r\n").count(), text.matches('\n').count());
        assert!(text.starts_with(
            "00:00  get ready (5s): Toe\u{FFFD}[2J touch\u{FFFD}31m, left leg. \
             Bend\u{FFFD}]0;owned\u{FFFD} \u{FFFD}forward\x07\r\n"
        ));
    }

    #[test]
    fn a_line_is_stamped_made_safe_and_ended() {
        assert_eq!(
            format_line(s(65), "hold (30s): X", false, "\n"),
            "01:05  hold (30s): X\n"
        );
        assert_eq!(
            format_line(s(3725), "cue: a\u{1b}b", true, "\r\n"),
            "1:02:05  cue: a\u{FFFD}b\x07\r\n"
        );
    }

    #[test]
    fn the_real_loop_stops_on_a_queued_quit_without_waiting_for_the_phase() {
        let mut routine = sample_routine();
        routine.lead_in = s(600);
        let timeline = Timeline::new(&routine);
        let (sender, inputs) = mpsc::channel();
        sender.send(Input::Action(Action::Next)).expect("send");
        sender.send(Input::Action(Action::Quit)).expect("send");
        let mut options = RunOptions {
            sound: None,
            bell: false,
            voice: None,
            voice_level: VoiceLevel::DEFAULT,
        };
        let mut out = Vec::new();
        let mut clock = RealClock::start(&inputs);
        let mut plain = Plain::new(&routine, &timeline, &mut out, "\n");
        let outcome =
            session::run(&routine, &timeline, &mut options, &mut clock, &mut plain).expect("run");
        assert_eq!(outcome.ending, Ending::Quit);
        let text = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = text
            .lines()
            .map(|line| line.split_once("  ").map_or(line, |(_, rest)| rest))
            .collect();
        assert_eq!(
            lines,
            [
                "get ready (10m): Toe touch, left leg. Bend forward from the hips.",
                "hold (30s): Toe touch, left leg",
                "cue: a1",
            ]
        );
    }
}
