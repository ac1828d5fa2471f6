//! Late and irregular calls: every event still comes, in order, on the plan's deadlines.

use super::*;

/// 12 stretches of 1 s holds, both sides, 2 reps, half-second switches, with cues.
fn many_short_phases() -> Routine {
    let stretches = (0..12)
        .map(|i| {
            let cues = vec![rotating("x"), rotating("y"), timed(ms(300), "t")];
            stretch(&format!("s{i}"), s(1), Sides::Both, 2, cues)
        })
        .collect();
    let mut routine = routine(stretches, &["z"]);
    routine.switch = ms(500);
    routine.rest = s(1);
    routine.lead_in = s(2);
    routine
}

#[test]
fn a_late_advance_reports_every_event_in_order() {
    let routine = many_short_phases();
    let timeline = Timeline::new(&routine);
    assert!(timeline.total < s(100));
    let mut stepped = Engine::new(&routine, &timeline);
    let in_steps = only_events(&walk_in_steps(&mut stepped, ms(10), s(100)));

    let mut late = Engine::new(&routine, &timeline);
    let at_once = late.advance(s(100));
    assert_eq!(at_once, in_steps);
    let phases: Vec<&Event> = at_once
        .iter()
        .filter(|e| matches!(e, Event::PhaseStarted { .. }))
        .collect();
    let expected_phases: Vec<Event> = (0..timeline.phases.len()).map(started).collect();
    assert_eq!(phases, expected_phases.iter().collect::<Vec<_>>());
    // In a 1 s hold the three rotating cues come a third of a second apart (at 0,
    // 333 and 666 ms), and the timed cue at its 300 ms.
    let hold_start = [
        started(1),
        cue("x"),
        cue("t"),
        cue("y"),
        reminder("z"),
        started(2),
    ];
    assert_eq!(at_once[1..7], hold_start);
    assert_eq!(at_once.last(), Some(&Event::Finished));
    assert_eq!(
        at_once
            .iter()
            .filter(|e| matches!(e, Event::Cue { .. }))
            .count(),
        12 * 4 * 4
    );
    assert_eq!(late.summary(s(100)).active, timeline.total);
}

#[test]
fn a_late_advance_starts_each_phase_on_the_previous_deadline() {
    let routine = many_short_phases();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    for now in [ms(3_700), ms(17_050), ms(31_999), ms(44_444)] {
        engine.advance(now);
        let view = engine.view(now);
        let planned = timeline.phases[view.index];
        assert!(
            planned.start <= now && now < planned.start + planned.duration,
            "at {now:?}: {planned:?}"
        );
        assert_eq!(view.elapsed, now - planned.start, "at {now:?}");
    }
}

#[test]
fn no_drift_after_hundreds_of_phases() {
    let stretches = (0..100)
        .map(|i| {
            stretch(
                &format!("s{i}"),
                ms(1_337),
                Sides::Both,
                3,
                vec![rotating("c")],
            )
        })
        .collect();
    let mut routine = routine(stretches, &["d", "e"]);
    routine.switch = ms(700);
    routine.rest = ms(1_100);
    routine.lead_in = s(3);
    let timeline = Timeline::new(&routine);
    assert_eq!(timeline.phases.len(), 1 + 100 * 6 * 2 - 1);

    let mut engine = Engine::new(&routine, &timeline);
    let seen = walk_by_next_change(&mut engine);
    let starts: Vec<(Duration, Event)> = seen
        .iter()
        .filter(|(_, e)| matches!(e, Event::PhaseStarted { .. }))
        .cloned()
        .collect();
    let planned: Vec<(Duration, Event)> = timeline
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.start, started(i)))
        .collect();
    assert_eq!(starts, planned);
    assert_eq!(seen.last(), Some(&(timeline.total, Event::Finished)));

    // Irregular, late calls: the end is still the plan's total, to the nanosecond.
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    let steps = [
        ms(370),
        ms(1_910),
        ms(13),
        Duration::from_nanos(123_456_789),
    ];
    let mut now = Duration::ZERO;
    let mut finished = false;
    for step in steps.iter().cycle() {
        now += *step;
        finished |= engine.advance(now).contains(&Event::Finished);
        if finished {
            break;
        }
    }
    assert_eq!(engine.summary(now).active, timeline.total);
}
