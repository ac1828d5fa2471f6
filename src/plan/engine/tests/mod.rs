//! The engine's unit tests: the shared routines and walkers, and a run from start to end.
//! The other groups are in the files beside this one, one topic each.

use super::*;
use crate::plan::timeline::{CueKind, Side};
use crate::routine::{Cue, Level, Sides, Stretch};

mod adjust;
mod cues;
mod next_change;
mod pause;
mod skip_and_back;
mod tally;
mod timing;

fn s(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

fn stretch(id: &str, hold: Duration, sides: Sides, reps: u32, cues: Vec<Cue>) -> Stretch {
    Stretch {
        figure: None,
        id: id.to_string(),
        name: format!("Stretch {id}"),
        level: None,
        how: String::new(),
        hold,
        sides,
        side_label: "side".to_string(),
        reps,
        cues,
    }
}

/// Lead-in 5 s, switch 5 s, rest 10 s.
fn routine(stretches: Vec<Stretch>, cues: &[&str]) -> Routine {
    Routine {
        name: "test".to_string(),
        description: String::new(),
        level: Level::All,
        hold: s(30),
        rest: s(10),
        switch: s(5),
        lead_in: s(5),
        cues: cues.iter().map(|cue| cue.to_string()).collect(),
        stretches,
    }
}

fn rotating(text: &str) -> Cue {
    Cue::Rotating(text.to_string())
}

fn timed(at: Duration, text: &str) -> Cue {
    Cue::Timed {
        at,
        text: text.to_string(),
    }
}

fn started(index: usize) -> Event {
    Event::PhaseStarted { index }
}

/// One of the stretch's own cues coming up.
fn cue(text: &str) -> Event {
    Event::Cue {
        text: text.to_string(),
        kind: CueKind::Own,
    }
}

/// One of the routine's reminders coming up.
fn reminder(text: &str) -> Event {
    Event::Cue {
        text: text.to_string(),
        kind: CueKind::Reminder,
    }
}

fn at(now: Duration, events: Vec<Event>) -> Vec<(Duration, Event)> {
    events.into_iter().map(|event| (now, event)).collect()
}

/// Calls `advance` every `step` until `until`, noting when each event came out.
fn walk_in_steps(engine: &mut Engine, step: Duration, until: Duration) -> Vec<(Duration, Event)> {
    let mut now = Duration::ZERO;
    let mut seen = at(now, engine.start());
    while now < until {
        now += step;
        seen.extend(at(now, engine.advance(now)));
    }
    seen
}

/// Sleeps (in fake time) from one `next_change` to the next, as a front end does.
fn walk_by_next_change(engine: &mut Engine) -> Vec<(Duration, Event)> {
    let mut now = Duration::ZERO;
    let mut seen = at(now, engine.start());
    while let Some(next) = engine.next_change(now) {
        assert!(
            next > now,
            "next_change({now:?}) = {next:?} does not move forward"
        );
        now = next;
        seen.extend(at(now, engine.advance(now)));
    }
    seen
}

fn only_events(seen: &[(Duration, Event)]) -> Vec<Event> {
    seen.iter().map(|(_, event)| event.clone()).collect()
}

/// A both-sided stretch of two reps and a one-sided one, no cues:
/// lead-in 0-5, A left 5-35, switch 35-40, A right 40-70, switch 70-75, A left 75-105,
/// switch 105-110, A right 110-140, rest 140-150, B 150-170.
fn sides_and_reps() -> Routine {
    routine(
        vec![
            stretch("a", s(30), Sides::Both, 2, vec![]),
            stretch("b", s(20), Sides::None, 1, vec![]),
        ],
        &[],
    )
}

fn sides_and_reps_plan() -> Vec<(Duration, Event)> {
    let mut plan: Vec<(Duration, Event)> = [0, 5, 35, 40, 70, 75, 105, 110, 140, 150]
        .into_iter()
        .enumerate()
        .map(|(index, start)| (s(start), started(index)))
        .collect();
    plan.push((s(170), Event::Finished));
    plan
}

/// Lead-in 0-5, one hold of 30 s at 5-35.
fn one_hold() -> Routine {
    routine(vec![stretch("a", s(30), Sides::None, 1, vec![])], &[])
}

/// Lead-in 0-5, A left 5-35, switch 35-40, A right 40-70, rest 70-80, B 80-100;
/// one rotating cue "c" at the start of every hold.
fn two_stretches() -> Routine {
    routine(
        vec![
            stretch("a", s(30), Sides::Both, 1, vec![]),
            stretch("b", s(20), Sides::None, 1, vec![]),
        ],
        &["c"],
    )
}

#[test]
fn walks_sides_and_reps_on_the_plan() {
    let routine = sides_and_reps();
    let timeline = Timeline::new(&routine);
    let kinds: Vec<(PhaseKind, Option<Side>, u32)> = timeline
        .phases
        .iter()
        .map(|p| (p.kind, p.side, p.rep))
        .collect();
    use PhaseKind::*;
    assert_eq!(
        kinds,
        [
            (LeadIn, Some(Side::Left), 1),
            (Hold, Some(Side::Left), 1),
            (Switch, Some(Side::Right), 1),
            (Hold, Some(Side::Right), 1),
            (Switch, Some(Side::Left), 2),
            (Hold, Some(Side::Left), 2),
            (Switch, Some(Side::Right), 2),
            (Hold, Some(Side::Right), 2),
            (Rest, None, 1),
            (Hold, None, 1),
        ]
    );

    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(
        walk_in_steps(&mut engine, ms(250), s(200)),
        sides_and_reps_plan()
    );
    let summary = engine.summary(s(200));
    assert_eq!(
        summary,
        Summary {
            holds_completed: 5,
            holds_total: 5,
            stretches_completed: 2,
            active: s(170)
        }
    );

    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(walk_by_next_change(&mut engine), sides_and_reps_plan());
}

#[test]
fn view_shows_the_phase_its_countdown_and_the_routine_left() {
    let routine = sides_and_reps();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(ms(50_200));
    let view = engine.view(ms(50_200));
    assert_eq!(view.index, 3);
    assert_eq!(view.phase, &timeline.phases[3]);
    assert_eq!(view.phase.side, Some(Side::Right));
    assert_eq!(view.phase_duration, s(30));
    assert_eq!(view.elapsed, ms(10_200));
    assert_eq!(view.remaining, ms(19_800));
    assert_eq!(view.seconds_left(), 20);
    assert_eq!(view.routine_remaining, ms(119_800));
    assert_eq!(view.routine_seconds_left(), 120);
    assert_eq!(view.cue, None);
    assert!(!view.paused);
    assert!(!view.finished);

    engine.advance(s(170));
    let view = engine.view(s(171));
    assert!(view.finished);
    assert_eq!(view.index, 9);
    assert_eq!(
        (view.elapsed, view.remaining, view.routine_remaining),
        (s(20), s(0), s(0))
    );
}

#[test]
fn an_empty_timeline_finishes_at_once_without_panicking() {
    let routine = routine(vec![], &[]);
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(engine.start(), vec![Event::Finished]);
    assert!(engine.view(s(1)).finished);
    assert_eq!(engine.next_change(s(1)), None);
    assert_eq!(engine.skip(s(1)), vec![]);
    assert_eq!(engine.back(s(1)), vec![]);
    assert_eq!(engine.adjust(s(1), -5), vec![]);
    assert_eq!(engine.toggle_pause(s(1)), vec![]);
    assert_eq!(
        engine.summary(s(1)),
        Summary {
            holds_completed: 0,
            holds_total: 0,
            stretches_completed: 0,
            active: s(0)
        }
    );
}

#[test]
fn start_reports_time_zero_once() {
    let routine = routine(
        vec![stretch("a", s(30), Sides::None, 1, vec![rotating("c")])],
        &[],
    );
    let mut routine = routine;
    routine.lead_in = Duration::ZERO;
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(engine.start(), vec![started(0), cue("c")]);
    assert_eq!(engine.start(), vec![]);
    assert_eq!(engine.advance(s(1)), vec![]);
}
