//! `+` and `-`: lengthening and shortening the current phase.

use super::*;

#[test]
fn plus_and_minus_change_the_current_phase_only() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.adjust(s(1), 5), vec![], "+5 s on the lead-in");
    assert_eq!(engine.view(s(1)).phase_duration, s(10));
    assert_eq!(engine.advance(ms(9_999)), vec![]);
    assert_eq!(engine.advance(s(10)), vec![started(1), reminder("c")]);
    assert_eq!(
        engine.view(s(10)).phase_duration,
        s(30),
        "the next phase keeps its plan"
    );
    assert_eq!(engine.adjust(s(12), -5), vec![]);
    assert_eq!(engine.view(s(12)).remaining, s(23));
    assert_eq!(
        engine.view(s(12)).routine_remaining,
        s(23 + 5 + 30 + 10 + 20)
    );
    assert_eq!(engine.advance(ms(34_999)), vec![]);
    assert_eq!(engine.advance(s(35)), vec![started(2)]);
    assert_eq!(
        engine.summary(s(35)).holds_completed,
        1,
        "a shortened hold that ran out counts"
    );
}

#[test]
fn shortening_below_the_time_already_spent_ends_the_phase_now() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(20));
    // 15 s into a 30 s hold: 25 s, 20 s, then 15 s, which is what has been spent.
    assert_eq!(engine.adjust(s(20), -5), vec![]);
    assert_eq!(engine.adjust(s(20), -5), vec![]);
    assert_eq!(engine.adjust(s(20), -5), vec![started(2)]);
    assert_eq!(engine.view(s(20)).remaining, s(5));
    assert_eq!(
        engine.adjust(ms(24_000), -5),
        vec![started(3), reminder("c")]
    );
    assert_eq!(engine.view(ms(24_000)).elapsed, s(0));
    assert_eq!(engine.summary(s(24)).holds_completed, 1);
    assert_eq!(engine.adjust(s(24), i64::MIN), vec![started(4)]);
    assert_eq!(engine.adjust(s(24), i64::MAX), vec![]);
    assert_eq!(engine.adjust(s(24), i64::MAX), vec![]);
    // No longer than the longest phase the format allows, however often `+` is pressed.
    assert_eq!(engine.view(s(24)).phase_duration, MAX_PHASE);
    assert_eq!(engine.view(s(24)).seconds_left(), 600);
    assert!(engine.next_change(s(24)).is_some());
}

#[test]
fn a_shortened_hold_drops_the_cues_past_its_new_end() {
    let routine = routine(
        vec![stretch(
            "a",
            s(30),
            Sides::None,
            1,
            vec![timed(s(25), "late")],
        )],
        &["r"],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.advance(s(10)), vec![started(1), reminder("r")]);
    engine.adjust(s(10), -5);
    engine.adjust(s(10), -5);
    assert_eq!(engine.next_event(s(10)), Some(s(25)));
    assert_eq!(engine.advance(s(40)), vec![Event::Finished]);
}
