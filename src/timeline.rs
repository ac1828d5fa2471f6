//! The plan of a routine: every phase with its start and length, in order.
//! `show` prints it and `run` follows it, so the two can never disagree.

use std::time::Duration;

use serde::Serialize;

use crate::routine::{Cue, Routine, Sides};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// "Get ready" before the first hold.
    LeadIn,
    Hold,
    /// The gap between two holds of one stretch (sides or reps).
    Switch,
    /// The "next up" gap between two stretches.
    Rest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// One phase of the plan. A gap (lead-in, switch, rest) carries the stretch, side
/// and rep of the hold that follows it: that is what the user gets ready for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub start: Duration,
    pub duration: Duration,
    /// Index into `Routine::stretches`.
    pub stretch: usize,
    pub side: Option<Side>,
    /// Counted from 1.
    pub rep: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub phases: Vec<Phase>,
    pub total: Duration,
}

impl Timeline {
    /// Lead-in, then every hold of every rep and side, with `switch` between the holds
    /// of one stretch and `rest` between two stretches; nothing after the last hold.
    /// Gaps of zero length are left out: there is nothing to show for them.
    pub fn new(routine: &Routine) -> Timeline {
        let mut phases = Vec::new();
        let mut clock = Duration::ZERO;
        let mut push = |kind, duration: Duration, stretch, side, rep| {
            if duration.is_zero() && kind != PhaseKind::Hold {
                return;
            }
            phases.push(Phase {
                kind,
                start: clock,
                duration,
                stretch,
                side,
                rep,
            });
            clock += duration;
        };
        for (index, stretch) in routine.stretches.iter().enumerate() {
            let sides: &[Option<Side>] = match stretch.sides {
                Sides::None => &[None],
                Sides::Both => &[Some(Side::Left), Some(Side::Right)],
            };
            for rep in 1..=stretch.reps {
                for &side in sides {
                    let gap = if index == 0 && rep == 1 && side == sides[0] {
                        (PhaseKind::LeadIn, routine.lead_in)
                    } else if rep == 1 && side == sides[0] {
                        (PhaseKind::Rest, routine.rest)
                    } else {
                        (PhaseKind::Switch, routine.switch)
                    };
                    push(gap.0, gap.1, index, side, rep);
                    push(PhaseKind::Hold, stretch.hold, index, side, rep);
                }
            }
        }
        Timeline {
            phases,
            total: clock,
        }
    }

    /// How many holds the plan has: the unit of "completed" in a run's summary.
    pub fn hold_count(&self) -> usize {
        self.phases
            .iter()
            .filter(|p| p.kind == PhaseKind::Hold)
            .count()
    }
}

/// When each cue of a hold of `stretch` comes up, as offsets into a hold of `hold`:
/// the stretch's rotating cues, then the routine's cues, spread evenly over the hold
/// (k cues: cue i at i·hold/k, on the whole second before), and each timed cue at its `at`. Sorted by offset; a
/// timed cue at the same offset as a rotating one comes after it. Cues at or past the
/// end of the hold (a hold shortened by `--hold`) are left out.
pub fn cue_schedule(routine: &Routine, stretch: usize, hold: Duration) -> Vec<(Duration, &str)> {
    let Some(stretch) = routine.stretches.get(stretch) else {
        return Vec::new();
    };
    let rotating: Vec<&str> = stretch
        .cues
        .iter()
        .filter_map(|cue| match cue {
            Cue::Rotating(text) => Some(text.as_str()),
            Cue::Timed { .. } => None,
        })
        .chain(routine.cues.iter().map(String::as_str))
        .collect();
    let count = u32::try_from(rotating.len()).unwrap_or(u32::MAX);
    let mut schedule: Vec<(Duration, &str)> = rotating
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let at = hold * u32::try_from(i).unwrap_or(u32::MAX) / count;
            // Whole seconds, so a cue comes with the countdown's tick, unless the hold is under a second.
            let at = if hold >= Duration::from_secs(1) {
                Duration::from_secs(at.as_secs())
            } else {
                at
            };
            (at, text)
        })
        .collect();
    schedule.extend(stretch.cues.iter().filter_map(|cue| match cue {
        Cue::Timed { at, text } if *at < hold => Some((*at, text.as_str())),
        _ => None,
    }));
    schedule.sort_by_key(|(at, _)| *at);
    schedule
}
