//! Property tests of the plan: the timeline's sums and cues, and the engine under any
//! sequence of waits and keys, against a model of the rules in `engine/mod.rs` kept from
//! outside it (its view, events and wake-up times).

use std::time::Duration;

use proptest::prelude::*;

use crate::plan::action::Action;
use crate::plan::engine::{Engine, Event};
use crate::plan::timeline::{PhaseKind, Timeline, cue_schedule};
use crate::routine::{Cue, Level, Routine, Sides, Stretch};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// A stretch of 1 to 40 s (to the millisecond), on one side or both, 1 to 3 reps, with up
/// to four rotating cues and two timed ones within its hold.
fn stretch() -> impl Strategy<Value = Stretch> {
    (1_000u64..40_000, any::<bool>(), 1u32..=3, 0usize..=4)
        .prop_flat_map(|(hold, both, reps, rotating)| {
            let timed = proptest::collection::vec(0..hold, 0..=2);
            (Just((hold, both, reps, rotating)), timed)
        })
        .prop_map(|((hold, both, reps, rotating), timed)| {
            let mut cues: Vec<Cue> = (0..rotating)
                .map(|i| Cue::Rotating(format!("cue {i}")))
                .collect();
            cues.extend(timed.into_iter().map(|at| Cue::Timed {
                at: ms(at),
                text: format!("at {at}"),
            }));
            Stretch {
                figure: None,
                id: "s".into(),
                name: "S".into(),
                level: None,
                how: String::new(),
                hold: ms(hold),
                sides: if both { Sides::Both } else { Sides::None },
                side_label: "side".into(),
                reps,
                cues,
            }
        })
}

/// A routine of one to four such stretches, gaps from nothing to 10 s, up to three reminders.
fn routine() -> impl Strategy<Value = Routine> {
    (
        proptest::collection::vec(stretch(), 1..=4),
        0u64..=5_000,
        0u64..=10_000,
        0u64..=5_000,
        0usize..=3,
    )
        .prop_map(|(stretches, lead_in, rest, switch, reminders)| Routine {
            name: "r".into(),
            description: String::new(),
            level: Level::All,
            hold: ms(30_000),
            rest: ms(rest),
            switch: ms(switch),
            lead_in: ms(lead_in),
            cues: (0..reminders).map(|i| format!("reminder {i}")).collect(),
            stretches,
        })
}

/// What the user does next: wait some milliseconds, or press a key that steers the run.
#[derive(Clone, Debug)]
enum Step {
    Wait(u64),
    Key(Action),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        3 => (1u64..20_000).prop_map(Step::Wait),
        1 => proptest::sample::select(vec![
            Action::TogglePause,
            Action::Next,
            Action::Back,
            Action::AddTime,
            Action::RemoveTime,
        ])
        .prop_map(Step::Key),
    ];
    proptest::collection::vec(step, 0..40)
}

proptest! {
    #![proptest_config(crate::testing::proptest_config())]

    #[test]
    fn the_phases_add_up_to_the_total_and_every_cue_lies_inside_its_hold(
        routine in routine(),
        hold in 1u64..600_000,
    ) {
        let timeline = Timeline::new(&routine);
        let mut end = Duration::ZERO;
        for phase in &timeline.phases {
            prop_assert_eq!(phase.start, end);
            end += phase.duration;
            if phase.kind == PhaseKind::Hold {
                for cue in cue_schedule(&routine, phase.stretch, phase.duration) {
                    prop_assert!(cue.at < phase.duration, "{:?} in {:?}", cue.at, phase.duration);
                }
                // Also in a hold of another length, as `--hold` makes it.
                for cue in cue_schedule(&routine, phase.stretch, ms(hold)) {
                    prop_assert!(cue.at < ms(hold), "{:?} in {}ms", cue.at, hold);
                }
            }
        }
        prop_assert_eq!(end, timeline.total);
    }

    #[test]
    fn the_engine_keeps_its_rules_under_any_keys(routine in routine(), steps in steps()) {
        let timeline = Timeline::new(&routine);
        let mut run = Run::new(&routine, &timeline)?;
        for step in steps {
            match step {
                Step::Wait(millis) => run.wait(ms(millis))?,
                Step::Key(action) => run.key(action)?,
            }
        }
        // Then let it run to its end.
        if run.paused_since.is_some() {
            run.key(Action::TogglePause)?;
        }
        while !run.finished {
            run.wait(ms(60_000))?;
        }
        let summary = run.engine.summary(run.now);
        prop_assert_eq!(summary.holds_total, timeline.hold_count());
        // A finished run stays finished, whatever is pressed.
        for action in [Action::Back, Action::TogglePause, Action::Next, Action::AddTime] {
            run.key(action)?;
            prop_assert!(run.engine.view(run.now).finished);
        }
        run.wait(ms(10_000))?;
        prop_assert_eq!(run.engine.summary(run.now), summary);
    }
}

/// A run driven from outside, with the model of its current phase: when it began in the
/// run's time, the time paused up to then, and the length it should last after +/-.
struct Run<'r> {
    engine: Engine<'r>,
    timeline: &'r Timeline,
    now: Duration,
    index: usize,
    start: Duration,
    paused_at_start: Duration,
    planned: Duration,
    paused_closed: Duration,
    paused_since: Option<Duration>,
    finished: bool,
    /// Whether the first phase has been reported started.
    begun: bool,
    /// The last view's phase and elapsed time, to check that time never runs backwards.
    last: (usize, Duration),
}

impl<'r> Run<'r> {
    fn new(routine: &'r Routine, timeline: &'r Timeline) -> Result<Self, TestCaseError> {
        let mut run = Run {
            engine: Engine::new(routine, timeline),
            timeline,
            now: Duration::ZERO,
            index: 0,
            start: Duration::ZERO,
            paused_at_start: Duration::ZERO,
            planned: timeline.phases[0].duration,
            paused_closed: Duration::ZERO,
            paused_since: None,
            finished: false,
            begun: false,
            last: (0, Duration::ZERO),
        };
        let events = run.engine.start();
        run.take(events, true)?;
        Ok(run)
    }

    fn paused(&self) -> Duration {
        self.paused_closed + self.paused_since.map_or(Duration::ZERO, |s| self.now - s)
    }

    /// Time spent on the current phase, pauses left out, by the model.
    fn elapsed(&self) -> Duration {
        (self.now - self.start) - (self.paused() - self.paused_at_start)
    }

    /// Let `length` pass, waking at every moment the engine asks to, as the run loop does.
    fn wait(&mut self, length: Duration) -> Result<(), TestCaseError> {
        let until = self.now + length;
        while self.now < until {
            let next = match self.engine.next_event(self.now) {
                Some(next) => {
                    prop_assert!(
                        next > self.now,
                        "a wake-up in the past: {next:?} at {:?}",
                        self.now
                    );
                    next.min(until)
                }
                None => until,
            };
            self.now = next;
            let events = self.engine.advance(self.now);
            self.take(events, true)?;
        }
        Ok(())
    }

    /// Press `action` now, and update the model as the engine's rules say it acts.
    fn key(&mut self, action: Action) -> Result<(), TestCaseError> {
        if !self.finished {
            match action {
                Action::TogglePause => match self.paused_since.take() {
                    Some(since) => self.paused_closed += self.now - since,
                    None => self.paused_since = Some(self.now),
                },
                Action::AddTime => self.planned += Duration::from_secs(5),
                Action::RemoveTime => {
                    // Shortened, but never below the time already spent: then it ends now.
                    let shorter = self.planned.saturating_sub(Duration::from_secs(5));
                    self.planned = shorter.max(self.elapsed());
                }
                _ => {}
            }
        }
        let events = self.engine.steer(action, self.now);
        // A skip or a back starts a phase now, without the one before reaching its end.
        let on_deadline = !matches!(action, Action::Next | Action::Back);
        self.take(events, on_deadline)
    }

    /// Check the events reported now and the view, and follow them in the model.
    fn take(&mut self, events: Vec<Event>, on_deadline: bool) -> Result<(), TestCaseError> {
        let was_finished = self.finished;
        let mut restarted = false;
        for event in events {
            prop_assert!(!was_finished, "{event:?} after the end");
            match event {
                Event::PhaseStarted { index } => {
                    if on_deadline && self.begun {
                        prop_assert_eq!(index, self.index + 1);
                        self.ended_on_deadline()?;
                    }
                    self.index = index;
                    self.start = self.now;
                    self.paused_at_start = self.paused();
                    self.planned = self.timeline.phases[index].duration;
                    self.begun = true;
                    restarted = true;
                }
                Event::Finished => {
                    if on_deadline {
                        self.ended_on_deadline()?;
                    }
                    self.finished = true;
                }
                Event::Cue { .. } => {}
            }
        }
        let view = self.engine.view(self.now);
        prop_assert!(view.index < self.timeline.phases.len());
        prop_assert_eq!(view.index, self.index);
        prop_assert_eq!(view.finished, self.finished);
        if !self.finished {
            prop_assert_eq!(view.elapsed, self.elapsed().min(view.phase_duration));
            // Time never runs backwards: within a phase, what has passed only grows.
            if !restarted && self.last.0 == view.index {
                prop_assert!(
                    view.elapsed >= self.last.1,
                    "{:?} after {:?}",
                    view.elapsed,
                    self.last.1
                );
            }
        }
        self.last = (view.index, view.elapsed);
        let summary = self.engine.summary(self.now);
        prop_assert!(summary.holds_completed <= summary.holds_total);
        Ok(())
    }

    /// The current phase ends now: exactly its length after +/- after it began, plus the
    /// time paused in it.
    fn ended_on_deadline(&self) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            self.now - self.start,
            self.planned + (self.paused() - self.paused_at_start),
            "phase {} began at {:?}",
            self.index,
            self.start
        );
        Ok(())
    }
}
