//! The timing engine: a pure state machine over a `Timeline`, fed the time by its caller.
//! It never reads a clock or sleeps, so tests drive a whole routine with a fake clock.
//!
//! Time is a `Duration` since the run began, read by the front end from a monotonic
//! clock. Every phase ends on a deadline derived from that start (plus time spent
//! paused and the user's +/- adjustments), never from a sum of sleeps, so there is no drift.
//!
//! Inside, the engine keeps its deadlines on an "active" clock: the run's time minus the
//! time spent paused. Pausing stops that clock, which moves every deadline by the length
//! of the pause without touching them one by one.
//!
//! Rules a front end can rely on:
//! - A phase that ends on its deadline hands that exact instant to the next one as its start,
//!   however late `advance` is called; a skip or a back starts the new phase at `now`.
//! - A hold counts as completed when it reaches its deadline, whatever +/- did to its length
//!   (so `-` past the time already held completes it); a skipped hold does not count. A hold
//!   completed once stays completed if `back` repeats it.
//! - A hold's cues come at the times `timeline::cue_schedule` gives for its planned length,
//!   the ones `show` prints, so +/- never reshuffles them: a lengthened hold shows its last
//!   cue longer, a shortened one may end before its last cues.

use std::time::Duration;

use crate::plan::action::Action;
use crate::plan::timeline::{Phase, PhaseKind, ScheduledCue, Timeline, cue_schedule};
use crate::routine::Routine;
use crate::routine::duration;
use crate::routine::limits::MAX_PHASE;

mod tally;
mod view;

pub use view::{Event, Summary, View};

/// Used by `view` only when the timeline has no phase at all, which a validated routine
/// never produces; it keeps `view` total instead of panicking.
static NO_PHASE: Phase = Phase {
    kind: PhaseKind::Hold,
    start: Duration::ZERO,
    duration: Duration::ZERO,
    stretch: 0,
    side: None,
    rep: 1,
};

/// How far into a hold `back` restarts it rather than going to the hold before.
pub const RESTART_AFTER: Duration = Duration::from_secs(3);

/// How much `+` and `-` add to or take from the current phase.
pub const ADJUST_SECONDS: i64 = 5;

/// One run of a routine along its timeline: where it is, its pauses and its +/-.
pub struct Engine<'r> {
    /// The routine being run, for its stretches' cues.
    routine: &'r Routine,
    /// The routine's phases, in order.
    timeline: &'r Timeline,
    /// Whether the first phase's start has been reported.
    started: bool,
    /// The current phase's place in `timeline.phases`.
    index: usize,
    /// When the current phase began, on the active clock.
    phase_start: Duration,
    /// The current phase's length after +/-.
    phase_duration: Duration,
    /// The current phase's cues as `show` prints them: when each takes over, from the
    /// phase's start, sorted (empty for gaps).
    cues: Vec<ScheduledCue<'r>>,
    /// How many of `cues` have been reported.
    cues_reported: usize,
    /// The run's time at which the current pause began.
    paused_since: Option<Duration>,
    /// Time spent in pauses that have ended.
    paused_total: Duration,
    /// On the active clock: when the last phase ended.
    finished_at: Option<Duration>,
    /// Per phase of the timeline: a hold that reached its deadline.
    completed: Vec<bool>,
    /// Per phase of the timeline: a hold the user skipped with `n`.
    skipped: Vec<bool>,
    /// Time spent in holds that have ended, pauses left out.
    held: Duration,
}

impl<'r> Engine<'r> {
    /// A run that begins at time zero with the first phase.
    pub fn new(routine: &'r Routine, timeline: &'r Timeline) -> Self {
        let mut engine = Engine {
            routine,
            timeline,
            started: false,
            index: 0,
            phase_start: Duration::ZERO,
            phase_duration: Duration::ZERO,
            cues: Vec::new(),
            cues_reported: 0,
            paused_since: None,
            paused_total: Duration::ZERO,
            finished_at: None,
            completed: vec![false; timeline.phases.len()],
            skipped: vec![false; timeline.phases.len()],
            held: Duration::ZERO,
        };
        engine.enter(0, Duration::ZERO);
        engine
    }

    /// The events of time zero: the first phase starting (and its first cue).
    pub fn start(&mut self) -> Vec<Event> {
        self.advance(Duration::ZERO)
    }

    /// Advance to `now`, returning every event that became due since the last call,
    /// in order. Phases that ended follow one another on their deadlines exactly.
    /// The first call also reports the first phase's start, if `start` was not called.
    pub fn advance(&mut self, now: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.started {
            self.started = true;
            if self.timeline.phases.is_empty() {
                self.finished_at = Some(Duration::ZERO);
                events.push(Event::Finished);
                return events;
            }
            events.push(Event::PhaseStarted { index: 0 });
        }
        let active = self.active(now);
        while self.finished_at.is_none() {
            let deadline = self.deadline();
            let elapsed = active.min(deadline).saturating_sub(self.phase_start);
            self.report_cues(elapsed, &mut events);
            if active < deadline {
                break;
            }
            if self.current_kind() == Some(PhaseKind::Hold) {
                self.completed[self.index] = true;
            }
            self.begin_next(deadline, &mut events);
        }
        events
    }

    /// Pause, or resume a paused run. Returns the events due up to `now` first, so that
    /// nothing is lost when the caller did not `advance` just before.
    pub fn toggle_pause(&mut self, now: Duration) -> Vec<Event> {
        let events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        match self.paused_since.take() {
            Some(since) => {
                self.paused_total = self.paused_total.saturating_add(now.saturating_sub(since));
            }
            None => self.paused_since = Some(now),
        }
        events
    }

    /// End the current phase now and start the next; on the last phase, finish.
    pub fn skip(&mut self, now: Duration) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_none() {
            self.note_skip();
            self.begin_next(self.active(now), &mut events);
            events.extend(self.advance(now));
        }
        events
    }

    /// Go back, as a media player does: more than [`RESTART_AFTER`] into a hold, to the
    /// start of that hold; within it, or from a gap, to the start of the hold before.
    /// With no hold before, restart the current phase.
    pub fn back(&mut self, now: Duration) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        let into_hold =
            self.current_kind() == Some(PhaseKind::Hold) && self.elapsed(now) > RESTART_AFTER;
        let target = if into_hold {
            self.index
        } else {
            self.timeline.phases[..self.index]
                .iter()
                .rposition(|phase| phase.kind == PhaseKind::Hold)
                .unwrap_or(self.index)
        };
        self.enter(target, self.active(now));
        events.push(Event::PhaseStarted { index: target });
        events.extend(self.advance(now));
        events
    }

    /// Carry out a key that steers the run: pause, skip, back, or +/- `ADJUST_SECONDS`.
    /// Keys that do not touch the timing (help, quit, interrupt) change nothing here.
    pub fn steer(&mut self, action: Action, now: Duration) -> Vec<Event> {
        match action {
            Action::TogglePause => self.toggle_pause(now),
            Action::Next => self.skip(now),
            Action::Back => self.back(now),
            Action::AddTime => self.adjust(now, ADJUST_SECONDS),
            Action::RemoveTime => self.adjust(now, -ADJUST_SECONDS),
            Action::ToggleHelp | Action::Quit | Action::Interrupt => Vec::new(),
        }
    }

    /// Lengthen (positive) or shorten (negative) the current phase by `seconds`, to no
    /// longer than [`MAX_PHASE`], the longest any phase can be planned.
    /// Shortening it below the time already spent on it ends it now, as if on its deadline.
    pub fn adjust(&mut self, now: Duration, seconds: i64) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished_at.is_some() {
            return events;
        }
        let change = Duration::from_secs(seconds.unsigned_abs());
        if seconds >= 0 {
            let longest = MAX_PHASE.max(self.phase_duration);
            self.phase_duration = self.phase_duration.saturating_add(change).min(longest);
        } else {
            let elapsed = self.active(now).saturating_sub(self.phase_start);
            self.phase_duration = self.phase_duration.saturating_sub(change).max(elapsed);
        }
        events.extend(self.advance(now));
        events
    }

    /// What to draw at `now`: the current phase, its countdown and cue, and the routine's
    /// time left. The phase is the one the last call reached: `view` changes nothing.
    pub fn view(&self, now: Duration) -> View<'r> {
        let timeline: &'r Timeline = self.timeline;
        let phase = timeline.phases.get(self.index).unwrap_or(&NO_PHASE);
        let finished = self.finished_at.is_some();
        let elapsed = if finished {
            self.phase_duration
        } else {
            self.elapsed(now).min(self.phase_duration)
        };
        let remaining = self.phase_duration - elapsed;
        let cue = if finished {
            None
        } else {
            self.current_cue(elapsed)
        };
        View {
            index: self.index,
            phase,
            phase_duration: self.phase_duration,
            elapsed,
            remaining,
            cue,
            paused: self.paused_since.is_some(),
            finished,
            routine_remaining: if finished {
                Duration::ZERO
            } else {
                remaining.saturating_add(self.planned_after_current())
            },
        }
    }

    /// The next moment at which `view` would show something different (the countdown's
    /// next whole second, the routine's time left changing its whole second, the next cue,
    /// the end of the phase), or `None` while paused or finished. The front end sleeps
    /// until then, or until a key or signal. (The elapsed time and anything drawn from it,
    /// such as a progress bar, changes continuously and is not counted.)
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        if self.paused_since.is_some() || self.finished_at.is_some() {
            return None;
        }
        let active = self.active(now);
        let deadline = self.deadline();
        let routine_end = deadline.saturating_add(self.planned_after_current());
        let next = [
            next_whole_second(active, deadline),
            next_whole_second(active, routine_end),
            self.next_cue_at(active),
            Some(deadline),
        ]
        .into_iter()
        .flatten()
        .min()?;
        Some(next.saturating_add(self.paused_total))
    }

    /// The next moment at which `advance` would report an event (the next cue or the end
    /// of the phase), or `None` while paused or finished. For a front end that shows no
    /// countdown, such as the plain one.
    pub fn next_event(&self, now: Duration) -> Option<Duration> {
        if self.paused_since.is_some() || self.finished_at.is_some() {
            return None;
        }
        let active = self.active(now);
        let deadline = self.deadline();
        let next = self
            .next_cue_at(active)
            .map_or(deadline, |cue| cue.min(deadline));
        Some(next.saturating_add(self.paused_total))
    }

    /// How the run has gone up to `now` (or up to its end, once finished).
    pub fn summary(&self, now: Duration) -> Summary {
        let holds_completed = self.completed.iter().filter(|&&done| done).count();
        let stretches_completed = (0..self.routine.stretches.len())
            .filter(|&stretch| {
                let mut holds = self
                    .timeline
                    .phases
                    .iter()
                    .zip(&self.completed)
                    .filter(|(phase, _)| phase.kind == PhaseKind::Hold && phase.stretch == stretch)
                    .peekable();
                holds.peek().is_some() && holds.all(|(_, &done)| done)
            })
            .count();
        Summary {
            holds_completed,
            holds_total: self.timeline.hold_count(),
            stretches_completed,
            active: self.finished_at.unwrap_or_else(|| self.active(now)),
        }
    }

    /// The run's time with the pauses taken out; frozen while paused.
    fn active(&self, now: Duration) -> Duration {
        self.paused_since
            .unwrap_or(now)
            .saturating_sub(self.paused_total)
    }

    /// Time spent on the current phase at `now`, pauses left out.
    fn elapsed(&self, now: Duration) -> Duration {
        self.active(now).saturating_sub(self.phase_start)
    }

    /// The current phase's kind; `None` only for an empty timeline.
    fn current_kind(&self) -> Option<PhaseKind> {
        self.timeline.phases.get(self.index).map(|phase| phase.kind)
    }

    /// When the current phase ends, on the active clock.
    fn deadline(&self) -> Duration {
        self.phase_start.saturating_add(self.phase_duration)
    }

    /// The planned length of every phase after the current one.
    fn planned_after_current(&self) -> Duration {
        let later = self.timeline.phases.get(self.index + 1..).unwrap_or(&[]);
        later.iter().fold(Duration::ZERO, |sum, phase| {
            sum.saturating_add(phase.duration)
        })
    }

    /// Make phase `index` the current one, starting at `start` on the active clock.
    fn enter(&mut self, index: usize, start: Duration) {
        self.end_hold(start);
        self.index = index;
        self.phase_start = start;
        let Some(phase) = self.timeline.phases.get(index) else {
            return;
        };
        self.phase_duration = phase.duration;
        self.cues = match phase.kind {
            PhaseKind::Hold => cue_schedule(self.routine, phase.stretch, phase.duration),
            _ => Vec::new(),
        };
        self.cues_reported = 0;
    }

    /// End the current phase at `at` and start the next one there, or finish.
    fn begin_next(&mut self, at: Duration, events: &mut Vec<Event>) {
        if self.index + 1 < self.timeline.phases.len() {
            self.enter(self.index + 1, at);
            events.push(Event::PhaseStarted { index: self.index });
        } else {
            self.end_hold(at);
            self.finished_at = Some(at);
            self.paused_since = None;
            events.push(Event::Finished);
        }
    }

    /// Report every cue of the current phase that has taken over by `elapsed` and starts
    /// before the phase ends (a cue due at or after the end is never shown).
    fn report_cues(&mut self, elapsed: Duration, events: &mut Vec<Event>) {
        while let Some(&cue) = self.cues.get(self.cues_reported) {
            if cue.at > elapsed || cue.at >= self.phase_duration {
                break;
            }
            events.push(Event::Cue {
                text: cue.text.to_string(),
                kind: cue.kind,
            });
            self.cues_reported += 1;
        }
    }

    /// The cue on show `elapsed` into the current phase: the last one that has taken over
    /// and starts before the phase ends.
    fn current_cue(&self, elapsed: Duration) -> Option<&'r str> {
        self.cues
            .iter()
            .take_while(|cue| cue.at <= elapsed && cue.at < self.phase_duration)
            .last()
            .map(|cue| cue.text)
    }

    /// On the active clock: when the next cue of the current phase takes over.
    fn next_cue_at(&self, active: Duration) -> Option<Duration> {
        let elapsed = active.saturating_sub(self.phase_start);
        self.cues
            .iter()
            .map(|cue| cue.at)
            .find(|&at| at > elapsed)
            .filter(|&at| at < self.phase_duration)
            .map(|at| self.phase_start.saturating_add(at))
    }
}

/// When a countdown to `end` next changes its whole-seconds-up display, after `now`:
/// at the moment the time left becomes the next whole number of seconds below it.
/// `None` once `end` is reached.
fn next_whole_second(now: Duration, end: Duration) -> Option<Duration> {
    let left = duration::whole_seconds_up(end.checked_sub(now)?);
    let next_shown = left.checked_sub(1)?;
    Some(end - Duration::from_secs(next_shown))
}

#[cfg(test)]
mod tests;
