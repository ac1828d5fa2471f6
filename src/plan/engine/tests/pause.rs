//! Pausing: the phase freezes and every deadline moves by the pause's length.

use super::*;

#[test]
fn a_pause_freezes_the_phase_and_moves_the_deadline_by_its_length() {
    let routine = one_hold();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.advance(s(10)), vec![started(1)]);
    assert_eq!(engine.toggle_pause(s(10)), vec![]);

    let view = engine.view(s(25));
    assert!(view.paused);
    assert_eq!((view.elapsed, view.remaining), (s(5), s(25)));
    assert_eq!(engine.next_change(s(25)), None);
    assert_eq!(engine.next_event(s(25)), None);
    assert_eq!(
        engine.advance(s(100)),
        vec![],
        "nothing happens while paused"
    );
    assert_eq!(engine.summary(s(100)).active, s(10));

    // Resumed after 30 s paused: the hold now ends at 35 + 30 = 65.
    assert_eq!(engine.toggle_pause(s(40)), vec![]);
    let view = engine.view(s(40));
    assert!(!view.paused);
    assert_eq!((view.elapsed, view.remaining), (s(5), s(25)));
    assert_eq!(engine.next_change(s(40)), Some(s(41)));
    assert_eq!(engine.next_event(s(40)), Some(s(65)));
    assert_eq!(engine.advance(ms(64_999)), vec![]);
    assert_eq!(engine.advance(s(65)), vec![Event::Finished]);
    assert_eq!(engine.summary(s(80)).active, s(35));
}

#[test]
fn pauses_add_up_and_a_phase_resumed_next_to_its_end_ends_on_time() {
    let routine = one_hold();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.toggle_pause(ms(4_500));
    engine.toggle_pause(ms(10_500));
    assert_eq!(engine.advance(ms(10_999)), vec![]);
    assert_eq!(engine.advance(s(11)), vec![started(1)]);
    engine.toggle_pause(s(20));
    engine.toggle_pause(s(21));
    // 7 s of pauses: the hold, planned to end at 35, ends at 42.
    assert_eq!(engine.next_event(s(21)), Some(s(42)));
    assert_eq!(engine.advance(ms(41_999)), vec![]);
    assert_eq!(engine.advance(s(42)), vec![Event::Finished]);
    assert_eq!(engine.summary(s(42)).active, s(35));
}

#[test]
fn pausing_late_first_reports_what_was_due() {
    let routine = one_hold();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.toggle_pause(s(6)), vec![started(1)]);
    assert_eq!(engine.view(s(50)).elapsed, s(1));
}
