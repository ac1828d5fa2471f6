//! The moments inside a hold that have no event of their own but are worth hearing:
//! half-way, and each of the last three seconds. They are worked out from the engine's
//! view, so skipping, going back, pausing and `+`/`-` move them with the hold.

use std::time::Duration;

use crate::plan::engine::View;
use crate::plan::timeline::PhaseKind;

/// A moment inside a hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Half of the hold has passed (only in holds longer than six seconds, so that it
    /// never falls among the last three seconds' ticks).
    HalfWay,
    /// 3, 2 or 1 seconds of the hold are left.
    SecondsLeft(u8),
}

impl Mark {
    /// How plain mode writes it: `half-way`, `3`, `2`, `1`.
    pub fn words(self) -> String {
        match self {
            Mark::HalfWay => "half-way".to_string(),
            Mark::SecondsLeft(n) => n.to_string(),
        }
    }
}

/// The shortest hold that has a half-way mark, just over the last three seconds twice.
const HALF_WAY_AFTER: Duration = Duration::from_secs(6);

/// Which marks of the current hold have been passed.
#[derive(Debug, Default)]
pub struct Marks {
    /// The phase the marks were last looked at in.
    index: Option<usize>,
    /// How far into that phase they were looked at.
    seen: Duration,
}

impl Marks {
    /// The marks passed since the last call, in order: those at or before the view's
    /// time into its hold and after the last time looked at. A new phase starts from its
    /// beginning; going back in time (`b`, `-`) passes none and starts again from there.
    pub fn passed(&mut self, view: &View<'_>) -> Vec<Mark> {
        if self.index != Some(view.index) {
            self.index = Some(view.index);
            self.seen = Duration::ZERO;
        }
        let since = self.seen;
        self.seen = view.elapsed;
        if view.elapsed < since {
            return Vec::new();
        }
        marks(view)
            .into_iter()
            .filter(|(at, _)| *at > since && *at <= view.elapsed)
            .map(|(_, mark)| mark)
            .collect()
    }

    /// When, at `now`, the next mark of the current hold comes; `None` when paused,
    /// finished, or when none is left.
    pub fn next(view: &View<'_>, now: Duration) -> Option<Duration> {
        if view.paused || view.finished {
            return None;
        }
        marks(view)
            .into_iter()
            .map(|(at, _)| at)
            .find(|at| *at > view.elapsed)
            .map(|at| now.saturating_add(at - view.elapsed))
    }
}

/// The marks of the view's phase, if it is a hold, by their time into it, in order.
fn marks(view: &View<'_>) -> Vec<(Duration, Mark)> {
    if view.phase.kind != PhaseKind::Hold {
        return Vec::new();
    }
    let length = view.phase_duration;
    let mut marks = Vec::new();
    if length > HALF_WAY_AFTER {
        marks.push((length / 2, Mark::HalfWay));
    }
    for n in [3u8, 2, 1] {
        let left = Duration::from_secs(u64::from(n));
        if length > left {
            marks.push((length - left, Mark::SecondsLeft(n)));
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::timeline::Phase;

    fn phase(kind: PhaseKind) -> Phase {
        Phase {
            kind,
            start: Duration::ZERO,
            duration: Duration::from_secs(30),
            stretch: 0,
            side: None,
            rep: 1,
        }
    }

    fn view(phase: &Phase, index: usize, length: u64, elapsed_ms: u64) -> View<'_> {
        let phase_duration = Duration::from_secs(length);
        let elapsed = Duration::from_millis(elapsed_ms);
        View {
            index,
            phase,
            phase_duration,
            elapsed,
            remaining: phase_duration - elapsed,
            cue: None,
            paused: false,
            finished: false,
            routine_remaining: phase_duration - elapsed,
        }
    }

    #[test]
    fn a_30_second_hold_has_half_way_at_15_and_3_2_1_at_27_28_29() {
        let hold = phase(PhaseKind::Hold);
        let mut marks = Marks::default();
        let mut heard = Vec::new();
        let mut now = 0;
        while now <= 30_000 {
            for mark in marks.passed(&view(&hold, 1, 30, now)) {
                heard.push((now, mark));
            }
            let next = Marks::next(&view(&hold, 1, 30, now), Duration::from_millis(now));
            now = next.map_or(30_001, |at| at.as_millis() as u64);
        }
        assert_eq!(
            heard,
            [
                (15_000, Mark::HalfWay),
                (27_000, Mark::SecondsLeft(3)),
                (28_000, Mark::SecondsLeft(2)),
                (29_000, Mark::SecondsLeft(1)),
            ]
        );
    }

    #[test]
    fn short_holds_have_fewer_marks_and_gaps_have_none() {
        let hold = phase(PhaseKind::Hold);
        let all = |length| {
            let mut marks = Marks::default();
            marks.passed(&view(&hold, 0, length, length * 1000))
        };
        assert_eq!(all(6), [3, 2, 1].map(Mark::SecondsLeft));
        assert_eq!(all(2), [Mark::SecondsLeft(1)]);
        assert_eq!(all(1), []);
        assert_eq!(all(7)[0], Mark::HalfWay);
        let rest = phase(PhaseKind::Rest);
        assert_eq!(Marks::default().passed(&view(&rest, 0, 30, 30_000)), []);
        assert_eq!(Marks::next(&view(&rest, 0, 30, 0), Duration::ZERO), None);
    }

    #[test]
    fn going_back_passes_nothing_and_a_new_phase_starts_afresh() {
        let hold = phase(PhaseKind::Hold);
        let mut marks = Marks::default();
        assert_eq!(marks.passed(&view(&hold, 1, 30, 16_000)), [Mark::HalfWay]);
        assert_eq!(marks.passed(&view(&hold, 1, 30, 10_000)), []);
        assert_eq!(marks.passed(&view(&hold, 1, 30, 15_000)), [Mark::HalfWay]);
        assert_eq!(marks.passed(&view(&hold, 3, 30, 0)), []);
        assert_eq!(marks.passed(&view(&hold, 3, 30, 15_000)), [Mark::HalfWay]);
        let mut paused = view(&hold, 3, 30, 20_000);
        paused.paused = true;
        assert_eq!(Marks::next(&paused, Duration::ZERO), None);
    }
}
