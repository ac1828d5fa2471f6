//! The plan of a routine: every phase with its start and length, in order.
//! `show` prints it and `run` follows it, so the two can never disagree.

use std::time::Duration;

use serde::Serialize;

use crate::routine::{Cue, Routine, Sides};

/// What a phase is for: holding a stretch, or one of the gaps around the holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// "Get ready" before the first hold.
    LeadIn,
    /// Holding the stretch: the time that counts, and the only phase with cues.
    Hold,
    /// The gap between two holds of one stretch (sides or reps).
    Switch,
    /// The "next up" gap between two stretches.
    Rest,
}

/// Which side of the body a hold of a both-sided stretch works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The left side, always held first.
    Left,
    /// The right side, held after the left.
    Right,
}

/// One phase of the plan. A gap (lead-in, switch, rest) carries the stretch, side
/// and rep of the hold that follows it: that is what the user gets ready for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    /// A hold, or which gap.
    pub kind: PhaseKind,
    /// When the phase begins as planned, from the start of the routine.
    pub start: Duration,
    /// How long the phase lasts as planned, before any +/-.
    pub duration: Duration,
    /// Index into `Routine::stretches`.
    pub stretch: usize,
    /// The side held, for a both-sided stretch; `None` for a one-sided one.
    pub side: Option<Side>,
    /// Which rep of the stretch, counted from 1.
    pub rep: u32,
}

/// A routine laid out in time: what `show` prints and what the engine follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// Every phase in order, each starting where the one before ends.
    pub phases: Vec<Phase>,
    /// The length of the whole routine: the end of its last phase.
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

/// Whose a cue is: the stretch's own, or one of the routine's reminders for every stretch.
/// The voice says the first by default and the second only when asked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// One of the stretch's own cues, rotating or timed.
    Own,
    /// One of the routine's `cues`, shown in every hold.
    Reminder,
}

/// One cue of a hold, and when it comes up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduledCue<'a> {
    /// When the cue takes over, from the start of the hold.
    pub at: Duration,
    /// What it says.
    pub text: &'a str,
    /// Whose cue it is.
    pub kind: CueKind,
}

/// When each cue of a hold of `stretch` comes up, as offsets into a hold of `hold`:
/// the stretch's rotating cues, then the routine's cues, spread evenly over the hold
/// (k cues: cue i at i·hold/k), and each timed cue at its `at`. Sorted by offset; a
/// timed cue at the same offset as a rotating one comes after it.
pub fn cue_schedule(routine: &Routine, stretch: usize, hold: Duration) -> Vec<ScheduledCue<'_>> {
    let Some(stretch) = routine.stretches.get(stretch) else {
        return Vec::new();
    };
    let rotating: Vec<(&str, CueKind)> = stretch
        .cues
        .iter()
        .filter_map(|cue| match cue {
            Cue::Rotating(text) => Some((text.as_str(), CueKind::Own)),
            Cue::Timed { .. } => None,
        })
        .chain(
            routine
                .cues
                .iter()
                .map(|text| (text.as_str(), CueKind::Reminder)),
        )
        .collect();
    let count = u32::try_from(rotating.len()).unwrap_or(u32::MAX);
    // On the whole second, so a cue changes with the countdown's tick, unless the cues
    // come less than a second apart: rounding would then run them together.
    let on_whole_seconds = count > 0 && hold / count >= Duration::from_secs(1);
    let mut schedule: Vec<ScheduledCue<'_>> = rotating
        .into_iter()
        .enumerate()
        .map(|(i, (text, kind))| {
            let at = hold * u32::try_from(i).unwrap_or(u32::MAX) / count;
            let at = if on_whole_seconds {
                Duration::from_secs(at.as_secs())
            } else {
                at
            };
            ScheduledCue { at, text, kind }
        })
        .collect();
    // A file's timed cues fall within its holds; one past a hold shortened by `--hold`
    // comes in the hold's last second instead, since it may say how to come out safely.
    let last_second = hold.saturating_sub(Duration::from_secs(1));
    schedule.extend(stretch.cues.iter().filter_map(|cue| match cue {
        Cue::Timed { at, text } => Some(ScheduledCue {
            at: (*at).min(last_second),
            text: text.as_str(),
            kind: CueKind::Own,
        }),
        Cue::Rotating(_) => None,
    }));
    schedule.sort_by_key(|cue| cue.at);
    schedule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::{Level, Stretch};

    fn routine_with(hold: Duration, cues: Vec<Cue>, routine_cues: &[&str]) -> Routine {
        Routine {
            name: "r".into(),
            description: String::new(),
            level: Level::All,
            hold,
            rest: Duration::ZERO,
            switch: Duration::ZERO,
            lead_in: Duration::ZERO,
            cues: routine_cues.iter().map(|c| c.to_string()).collect(),
            stretches: vec![Stretch {
                figure: None,
                id: "s".into(),
                name: "S".into(),
                level: None,
                how: String::new(),
                hold,
                sides: Sides::None,
                side_label: "side".into(),
                reps: 1,
                cues,
            }],
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// When each cue comes and what it says.
    fn times<'a>(schedule: &[ScheduledCue<'a>]) -> Vec<(Duration, &'a str)> {
        schedule.iter().map(|cue| (cue.at, cue.text)).collect()
    }

    #[test]
    fn gaps_of_zero_are_left_out_and_only_holds_are_counted() {
        let mut routine = routine_with(ms(30_000), vec![], &[]);
        routine.stretches[0].sides = Sides::Both;
        routine.stretches[0].reps = 2;
        let timeline = Timeline::new(&routine);
        let plan: Vec<(PhaseKind, Duration)> = timeline
            .phases
            .iter()
            .map(|phase| (phase.kind, phase.start))
            .collect();
        assert_eq!(
            plan,
            [
                (PhaseKind::Hold, ms(0)),
                (PhaseKind::Hold, ms(30_000)),
                (PhaseKind::Hold, ms(60_000)),
                (PhaseKind::Hold, ms(90_000))
            ]
        );
        assert_eq!(timeline.hold_count(), 4);
        // With a 5 s switch: three gaps between the four holds, and still four holds.
        routine.switch = ms(5_000);
        let timeline = Timeline::new(&routine);
        assert_eq!((timeline.phases.len(), timeline.hold_count()), (7, 4));
    }

    #[test]
    fn the_routines_reminders_are_told_from_the_stretchs_own_cues() {
        let cues = vec![
            Cue::Rotating("own".into()),
            Cue::Timed {
                at: ms(5_000),
                text: "timed".into(),
            },
        ];
        let routine = routine_with(ms(30_000), cues, &["reminder"]);
        let kinds: Vec<(&str, CueKind)> = cue_schedule(&routine, 0, ms(30_000))
            .iter()
            .map(|cue| (cue.text, cue.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("own", CueKind::Own),
                ("timed", CueKind::Own),
                ("reminder", CueKind::Reminder)
            ]
        );
    }

    #[test]
    fn cues_spread_on_whole_seconds_stretch_cues_first_timed_at_their_time() {
        let cues = vec![
            Cue::Rotating("a".into()),
            Cue::Timed {
                at: ms(5_000),
                text: "t".into(),
            },
            Cue::Rotating("b".into()),
        ];
        let routine = routine_with(ms(30_000), cues, &["r"]);
        assert_eq!(
            times(&cue_schedule(&routine, 0, ms(30_000))),
            [
                (ms(0), "a"),
                (ms(5_000), "t"),
                (ms(10_000), "b"),
                (ms(20_000), "r")
            ]
        );
        // Seven cues over 30 s: i·30/7 s, on the whole second before.
        let seven: Vec<Cue> = (0..7).map(|i| Cue::Rotating(i.to_string())).collect();
        let routine = routine_with(ms(30_000), seven, &[]);
        let starts: Vec<u64> = cue_schedule(&routine, 0, ms(30_000))
            .iter()
            .map(|cue| cue.at.as_secs())
            .collect();
        assert_eq!(starts, [0, 4, 8, 12, 17, 21, 25]);
    }

    #[test]
    fn cues_closer_than_a_second_keep_their_exact_spacing() {
        let routine = routine_with(ms(1_000), vec![Cue::Rotating("a".into())], &["b", "c"]);
        assert_eq!(
            times(&cue_schedule(&routine, 0, ms(1_000))),
            [
                (ms(0), "a"),
                (Duration::from_nanos(333_333_333), "b"),
                (Duration::from_nanos(666_666_666), "c")
            ]
        );
    }

    #[test]
    fn a_timed_cue_past_a_shortened_hold_comes_in_its_last_second() {
        let cues = vec![Cue::Timed {
            at: ms(25_000),
            text: "late".into(),
        }];
        let routine = routine_with(ms(30_000), cues, &[]);
        assert_eq!(
            times(&cue_schedule(&routine, 0, ms(30_000))),
            [(ms(25_000), "late")]
        );
        assert_eq!(
            times(&cue_schedule(&routine, 0, ms(20_000))),
            [(ms(19_000), "late")]
        );
        assert_eq!(
            times(&cue_schedule(&routine, 0, ms(500))),
            [(ms(0), "late")]
        );
        assert!(cue_schedule(&routine, 7, ms(20_000)).is_empty());
    }
}
