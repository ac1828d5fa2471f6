//! What a run's record needs beyond the summary: the time spent in holds and the stretches
//! the user skipped. The engine notes both as it goes; these read them out.

use std::time::Duration;

use super::Engine;
use crate::plan::timeline::PhaseKind;

impl Engine<'_> {
    /// Time spent in holds up to `now` (or up to the end, once finished), pauses and gaps
    /// left out. A hold repeated with `back` counts each time it is held.
    pub fn held(&self, now: Duration) -> Duration {
        let current = if self.finished_at.is_none() && self.current_kind() == Some(PhaseKind::Hold)
        {
            self.elapsed(now).min(self.phase_duration)
        } else {
            Duration::ZERO
        };
        self.held.saturating_add(current)
    }

    /// The stretches (by their place in the routine) the user skipped with `n` during one
    /// of their holds, and did not complete after all by going back.
    pub fn skipped_stretches(&self) -> Vec<usize> {
        let mut skipped: Vec<usize> = self
            .timeline
            .phases
            .iter()
            .zip(self.skipped.iter().zip(&self.completed))
            .filter(|&(_, (&skipped, &completed))| skipped && !completed)
            .map(|(phase, _)| phase.stretch)
            .collect();
        skipped.dedup();
        skipped
    }

    /// Note that the current phase is being skipped with `n`, if it is a hold.
    pub(super) fn note_skip(&mut self) {
        if self.current_kind() == Some(PhaseKind::Hold) {
            self.skipped[self.index] = true;
        }
    }

    /// The current phase ends at `at`: if it is a hold, add the time spent in it.
    pub(super) fn end_hold(&mut self, at: Duration) {
        if self.current_kind() == Some(PhaseKind::Hold) {
            let spent = at.saturating_sub(self.phase_start).min(self.phase_duration);
            self.held = self.held.saturating_add(spent);
        }
    }
}
