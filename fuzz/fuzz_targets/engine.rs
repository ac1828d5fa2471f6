//! The timing engine driven by arbitrary key, clock and resize events on an arbitrary
//! routine, checking its invariants and not only that it does not panic: time never runs
//! backwards, the phase index stays in range, a finished routine stays finished, and
//! completed holds never exceed the total.
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use stretch_timer::plan::action::Action;
use stretch_timer::plan::engine::{Engine, Event};
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::{Cue, Level, Routine, Sides, Stretch};

#[derive(Arbitrary, Debug)]
struct Plan {
    lead_in: u16,
    rest: u16,
    switch: u16,
    reminders: u8,
    stretches: Vec<PlanStretch>,
    events: Vec<Input>,
}

#[derive(Arbitrary, Debug)]
struct PlanStretch {
    hold: u16,
    both: bool,
    reps: u8,
    rotating: u8,
    timed: Vec<u16>,
}

#[derive(Arbitrary, Debug)]
enum Input {
    /// The clock moves on by this many milliseconds.
    Clock(u32),
    /// A key, as the run loop hands it to the engine.
    Key(Key),
    /// The terminal changed size: the run loop draws the view again.
    Resize,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Key {
    Pause,
    Next,
    Back,
    Add,
    Remove,
    Help,
    Quit,
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// A routine within the format's bounds (holds of 1 s to 10 min, gaps up to 10 min, 1 to
/// 20 reps, cues within their hold).
fn routine(plan: &Plan) -> Option<Routine> {
    if plan.stretches.is_empty() || plan.stretches.len() > 100 {
        return None;
    }
    let stretches = plan
        .stretches
        .iter()
        .map(|s| {
            let hold = 1_000 + u64::from(s.hold) * 9;
            let mut cues: Vec<Cue> = (0..s.rotating % 51)
                .map(|i| Cue::Rotating(format!("cue {i}")))
                .collect();
            cues.extend(s.timed.iter().take(10).map(|&at| Cue::Timed {
                at: ms(u64::from(at) % hold),
                text: "timed".into(),
            }));
            Stretch {
                id: "s".into(),
                name: "S".into(),
                level: None,
                how: String::new(),
                hold: ms(hold),
                sides: if s.both { Sides::Both } else { Sides::None },
                side_label: "side".into(),
                reps: u32::from(s.reps % 20) + 1,
                cues,
                figure: None,
            }
        })
        .collect();
    Some(Routine {
        name: "fuzz".into(),
        description: String::new(),
        level: Level::All,
        hold: ms(30_000),
        rest: ms(u64::from(plan.rest) * 9),
        switch: ms(u64::from(plan.switch)),
        lead_in: ms(u64::from(plan.lead_in)),
        cues: (0..plan.reminders % 51)
            .map(|i| format!("reminder {i}"))
            .collect(),
        stretches,
    })
}

fuzz_target!(|plan: Plan| {
    let Some(routine) = routine(&plan) else {
        return;
    };
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    let mut now = Duration::ZERO;
    let mut finished = false;
    let mut last_active = Duration::ZERO;
    let mut check = |engine: &Engine, events: Vec<Event>, now: Duration| {
        for event in &events {
            assert!(!finished, "{event:?} after the end");
            if *event == Event::Finished {
                finished = true;
            }
        }
        let view = engine.view(now);
        assert!(view.index < timeline.phases.len());
        assert_eq!(view.finished, finished);
        assert!(view.elapsed <= view.phase_duration);
        let summary = engine.summary(now);
        assert!(summary.holds_completed <= summary.holds_total);
        assert_eq!(summary.holds_total, timeline.hold_count());
        // The time held, pauses left out, never runs backwards.
        assert!(
            summary.active >= last_active,
            "{:?} after {last_active:?}",
            summary.active
        );
        last_active = summary.active;
        for next in [engine.next_change(now), engine.next_event(now)]
            .into_iter()
            .flatten()
        {
            assert!(next > now, "a wake-up in the past: {next:?} at {now:?}");
        }
    };
    let events = engine.start();
    check(&engine, events, now);
    for input in plan.events.iter().take(1_000) {
        let events = match input {
            Input::Clock(millis) => {
                now += ms(u64::from(*millis));
                engine.advance(now)
            }
            Input::Key(key) => {
                let action = match key {
                    Key::Pause => Action::TogglePause,
                    Key::Next => Action::Next,
                    Key::Back => Action::Back,
                    Key::Add => Action::AddTime,
                    Key::Remove => Action::RemoveTime,
                    Key::Help => Action::ToggleHelp,
                    Key::Quit => Action::Quit,
                };
                engine.steer(action, now)
            }
            Input::Resize => Vec::new(),
        };
        check(&engine, events, now);
    }
});
