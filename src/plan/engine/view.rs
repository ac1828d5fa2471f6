//! What the engine hands its front end: the events of a run, a view of one frame, and the
//! summary at the end. Plain data: the engine fills them in, the front end draws them.

use std::time::Duration;

use crate::plan::timeline::{CueKind, Phase};
use crate::routine::duration;

/// What happened while the engine advanced: the front end rings, speaks or prints these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Phase `index` of the timeline began (also after a skip or a back).
    PhaseStarted {
        /// The phase's place in `Timeline::phases`.
        index: usize,
    },
    /// A cue became the current one during a hold.
    Cue {
        /// The cue's words, as the routine gives them.
        text: String,
        /// The stretch's own cue, or one of the routine's reminders.
        kind: CueKind,
    },
    /// The last phase ended; nothing follows.
    Finished,
}

/// Everything a front end needs to draw one frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View<'a> {
    /// The current phase's place in `Timeline::phases`.
    pub index: usize,
    /// The current phase as planned: its kind, stretch, side and rep.
    pub phase: &'a Phase,
    /// Length of the current phase, after +/- adjustments.
    pub phase_duration: Duration,
    /// Time spent on the current phase, pauses left out; at most `phase_duration`.
    pub elapsed: Duration,
    /// Time left in the current phase: `phase_duration` minus `elapsed`.
    pub remaining: Duration,
    /// The cue on show now (holds only).
    pub cue: Option<&'a str>,
    /// Whether the run is paused.
    pub paused: bool,
    /// Whether the last phase has ended.
    pub finished: bool,
    /// Time left in the whole routine, this phase included.
    pub routine_remaining: Duration,
}

impl View<'_> {
    /// The countdown as shown: whole seconds rounded up, so 29.2 s left shows 30 and the
    /// display reaches 0 exactly when the phase ends. `next_change` wakes on its changes.
    pub fn seconds_left(&self) -> u64 {
        duration::whole_seconds_up(self.remaining)
    }

    /// The routine's time left in whole seconds, rounded up like `seconds_left`.
    pub fn routine_seconds_left(&self) -> u64 {
        duration::whole_seconds_up(self.routine_remaining)
    }
}

/// How a run has gone: the holds and stretches completed and the time spent on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Holds that ran to their deadline; a skipped hold does not count.
    pub holds_completed: usize,
    /// Holds in the whole timeline.
    pub holds_total: usize,
    /// Stretches all of whose holds ran to their end.
    pub stretches_completed: usize,
    /// Time spent on phases, pauses left out.
    pub active: Duration,
}
