//! Suspend and resume, as full-screen programs such as vim, less and htop do: Ctrl-Z and
//! SIGTSTP give the terminal back and stop the process; when the shell continues it, the
//! terminal is taken again and everything redrawn. The time stopped counts as paused, so
//! the countdown goes on where it was and the summary does not count it as stretching.
//!
//! A stop nobody can catch (`kill -STOP`) is seen afterwards: SIGCONT takes the terminal
//! again, and a loop that wakes far later than it was due counts the gap as paused.

use std::time::Duration;

use super::{FrontEnd, Session};
use crate::frontend::input::Input;
use crate::frontend::terminal;
use crate::plan::clock::Clock;

/// How far past its deadline the loop may wake before the gap counts as a stop: far more
/// than any scheduling delay, far less than a stop anyone would notice.
pub const LOST_TIME: Duration = Duration::from_secs(2);

impl Session<'_, '_> {
    /// Hand the terminal back, stop the process until it is continued, then take the
    /// terminal again; a run that was not paused is paused for the time stopped.
    pub(super) fn suspend(
        &mut self,
        clock: &mut dyn Clock<Input>,
        front_end: &mut dyn FrontEnd,
    ) -> anyhow::Result<()> {
        let now = clock.now();
        let was_paused = self.engine.view(now).paused;
        if !was_paused {
            let events = self.engine.toggle_pause(now);
            self.report(front_end, now, &events)?;
        }
        front_end.suspend(now)?;
        terminal::suspend();
        clock.stop();
        terminal::reenter()?;
        let later = clock.now();
        if !was_paused {
            let events = self.engine.toggle_pause(later);
            self.report(front_end, later, &events)?;
        }
        front_end.resume(later)
    }

    /// SIGCONT: whoever stopped the process, the terminal may have been reset; take it
    /// again and redraw. (After a `suspend`, this only redraws once more.)
    pub(super) fn continued(&mut self, front_end: &mut dyn FrontEnd) -> anyhow::Result<()> {
        terminal::reenter()?;
        front_end.resize()
    }

    /// The loop, due at `due`, woke at `now`: more than [`LOST_TIME`] late, the process was
    /// stopped by what it could not catch, and the gap counts as paused from `due` on.
    pub(super) fn make_up_lost_time(
        &mut self,
        front_end: &mut dyn FrontEnd,
        due: Option<Duration>,
        now: Duration,
    ) -> anyhow::Result<()> {
        let Some(due) = due else {
            return Ok(());
        };
        let gap = now.saturating_sub(due);
        if gap <= LOST_TIME || self.engine.view(due).paused {
            return Ok(());
        }
        let events = self.engine.toggle_pause(due);
        self.report(front_end, due, &events)?;
        let events = self.engine.toggle_pause(now);
        self.report(front_end, now, &events)?;
        front_end.lost_time(now, gap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::VoiceLevel;
    use crate::frontend::plain::Plain;
    use crate::frontend::session::{self, Ending, Outcome, RunOptions};
    use crate::frontend::words::tests::sample_routine;
    use crate::plan::clock::ScriptedClock;
    use crate::plan::timeline::Timeline;

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    /// A plain run of the sample routine (2m 5s) on `clock`: how it ended, and its lines.
    fn run_plain(clock: &mut ScriptedClock<Input>) -> (Outcome, Vec<String>) {
        let routine = sample_routine();
        let timeline = Timeline::new(&routine);
        let mut options = RunOptions {
            bell: false,
            voice: None,
            voice_level: VoiceLevel::DEFAULT,
            sound: None,
        };
        let mut out = Vec::new();
        let mut plain = Plain::new(&routine, &timeline, &mut out, "\n");
        let outcome =
            session::run(&routine, &timeline, &mut options, clock, &mut plain).expect("run");
        let text = String::from_utf8(out).expect("UTF-8");
        (outcome, text.lines().map(str::to_owned).collect())
    }

    #[test]
    fn the_time_suspended_counts_as_paused() {
        let mut clock = ScriptedClock::new([(s(12), Input::Suspend)]);
        clock.stop_lasts = s(100);
        let (outcome, lines) = run_plain(&mut clock);
        assert_eq!(clock.stops, 1);
        assert_eq!(
            lines[..6],
            [
                "00:00  get ready (5s): Toe touch, left leg. Bend forward from the hips.",
                "00:05  hold (30s): Toe touch, left leg",
                "00:05  cue: a1",
                "00:12  suspended",
                "01:52  resumed",
                // Due 20 s into the run, 8 s after the suspension: 100 s later.
                "02:00  cue: r",
            ]
        );
        assert_eq!(lines.last().map(String::as_str), Some("03:45  finished"));
        assert_eq!(outcome.ending, Ending::Finished);
        assert_eq!(outcome.summary.active, s(125));
    }

    #[test]
    fn a_run_paused_before_it_is_suspended_stays_paused() {
        let mut clock = ScriptedClock::new([
            (
                s(10),
                Input::Action(crate::plan::action::Action::TogglePause),
            ),
            (s(12), Input::Suspend),
            (
                s(200),
                Input::Action(crate::plan::action::Action::TogglePause),
            ),
        ]);
        clock.stop_lasts = s(100);
        let (outcome, lines) = run_plain(&mut clock);
        assert_eq!(
            lines[3..7],
            [
                "00:10  paused",
                "00:12  suspended",
                "01:52  resumed",
                "03:20  resumed",
            ]
        );
        // Paused from 10 s to 200 s: 190 s later than planned.
        assert_eq!(lines.last().map(String::as_str), Some("05:15  finished"));
        assert_eq!(outcome.summary.active, s(125));
    }

    #[test]
    fn waking_far_past_the_deadline_counts_the_gap_as_paused() {
        let mut clock: ScriptedClock<Input> = ScriptedClock::new([]);
        // The wait for the cue due at 20 s wakes a minute late, as after `kill -STOP`.
        clock.oversleep = Some((s(12), s(60)));
        let (outcome, lines) = run_plain(&mut clock);
        assert_eq!(
            lines[3..6],
            [
                "00:20  cue: r",
                "01:20  stopped for 1m, counted as paused",
                "01:35  switch sides (5s): right leg next",
            ]
        );
        assert_eq!(lines.last().map(String::as_str), Some("03:05  finished"));
        assert_eq!(outcome.summary.active, s(125));
    }

    #[test]
    fn waking_a_little_late_is_no_stop() {
        let mut clock: ScriptedClock<Input> = ScriptedClock::new([]);
        clock.oversleep = Some((s(12), LOST_TIME));
        let (_, lines) = run_plain(&mut clock);
        assert!(
            !lines.iter().any(|line| line.contains("stopped")),
            "{lines:?}"
        );
        assert_eq!(lines.last().map(String::as_str), Some("02:05  finished"));
    }
}
