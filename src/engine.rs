//! The timing engine: a pure state machine over a `Timeline`, fed the time by its caller.
//! It never reads a clock or sleeps, so tests drive a whole routine with a fake clock.
//!
//! Time is a `Duration` since the run began, read by the front end from a monotonic
//! clock. Every phase ends on a deadline derived from that start (plus time spent
//! paused and the user's +/- adjustments), never from a sum of sleeps, so there is no drift.

use std::time::Duration;

use crate::routine::Routine;
use crate::timeline::{Phase, Timeline};

/// What happened while the engine advanced: the front end rings, speaks or prints these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Phase `index` of the timeline began (also after a skip or a back).
    PhaseStarted { index: usize },
    /// A cue became the current one during a hold.
    Cue { text: String },
    /// The last phase ended; nothing follows.
    Finished,
}

/// Everything a front end needs to draw one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View<'a> {
    pub index: usize,
    pub phase: &'a Phase,
    /// Length of the current phase, after +/- adjustments.
    pub phase_duration: Duration,
    pub elapsed: Duration,
    pub remaining: Duration,
    /// The cue on show now (holds only).
    pub cue: Option<&'a str>,
    pub paused: bool,
    pub finished: bool,
    /// Time left in the whole routine, this phase included.
    pub routine_remaining: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub holds_completed: usize,
    pub holds_total: usize,
    /// Stretches all of whose holds ran to their end.
    pub stretches_completed: usize,
    /// Time spent on phases, pauses left out.
    pub active: Duration,
}

pub struct Engine<'r> {
    routine: &'r Routine,
    timeline: &'r Timeline,
}

impl<'r> Engine<'r> {
    /// A run that begins at time zero with the first phase.
    pub fn new(routine: &'r Routine, timeline: &'r Timeline) -> Self {
        let _ = (routine, timeline);
        todo!()
    }

    /// The events of time zero: the first phase starting.
    pub fn start(&mut self) -> Vec<Event> {
        todo!()
    }

    /// Advance to `now`, returning every event that became due since the last call,
    /// in order. Phases that ended follow one another on their deadlines exactly.
    pub fn advance(&mut self, now: Duration) -> Vec<Event> {
        let _ = now;
        todo!()
    }

    pub fn toggle_pause(&mut self, now: Duration) {
        let _ = now;
        todo!()
    }

    /// End the current phase now and start the next.
    pub fn skip(&mut self, now: Duration) -> Vec<Event> {
        let _ = now;
        todo!()
    }

    /// Go back to the start of the previous hold.
    pub fn back(&mut self, now: Duration) -> Vec<Event> {
        let _ = now;
        todo!()
    }

    /// Lengthen (positive) or shorten (negative) the current phase by `seconds`.
    pub fn adjust(&mut self, now: Duration, seconds: i64) -> Vec<Event> {
        let _ = (now, seconds);
        todo!()
    }

    pub fn view(&self, now: Duration) -> View<'_> {
        let _ = now;
        todo!()
    }

    /// The next moment at which `view` would show something different (the countdown's
    /// next whole second, the next cue, the end of the phase), or `None` while paused
    /// or finished. The front end sleeps until then, or until a key or signal.
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        let _ = now;
        todo!()
    }

    pub fn summary(&self, now: Duration) -> Summary {
        let _ = now;
        todo!()
    }
}
