//! The time spent in holds and the stretches skipped with `n`, as a run's record needs them.

use super::*;

#[test]
fn held_counts_only_the_time_in_holds_and_leaves_pauses_out() {
    // Lead-in 0–5, a left 5–35, switch 35–40, a right 40–70, rest 70–80, b 80–100.
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(3));
    assert_eq!(engine.held(s(3)), s(0), "the lead-in is not a hold");
    engine.advance(s(15));
    assert_eq!(engine.held(s(15)), s(10));
    engine.toggle_pause(s(15));
    assert_eq!(engine.held(s(45)), s(10), "paused: nothing is held");
    engine.toggle_pause(s(45));
    // The run is 30 s behind its plan now: a left ends at 65, the switch at 70.
    engine.advance(s(68));
    assert_eq!(engine.held(s(68)), s(30), "the switch is not a hold");
    engine.advance(s(200));
    assert_eq!(engine.held(s(200)), s(80), "30 + 30 + 20 once finished");
    assert_eq!(engine.summary(s(200)).active, s(100));
}

#[test]
fn held_counts_a_skipped_hold_up_to_the_skip_and_a_repeated_one_again() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(12));
    engine.skip(s(12));
    assert_eq!(engine.held(s(12)), s(7), "a left held 5–12, then skipped");
    engine.skip(s(12));
    engine.advance(s(20));
    engine.back(s(20));
    assert_eq!(
        engine.held(s(20)),
        s(15),
        "a right held 12–20, then back to a left"
    );
    assert_eq!(engine.held(s(25)), s(20));
}

#[test]
fn a_stretch_is_skipped_when_one_of_its_holds_was_skipped_and_never_completed() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.skipped_stretches(), Vec::<usize>::new());
    engine.skip(s(1));
    assert_eq!(
        engine.skipped_stretches(),
        Vec::<usize>::new(),
        "skipping the lead-in skips no stretch"
    );
    engine.skip(s(2));
    assert_eq!(engine.skipped_stretches(), vec![0], "a left skipped");
    engine.skip(s(3));
    engine.skip(s(4));
    assert_eq!(
        engine.skipped_stretches(),
        vec![0],
        "a right too: still a once"
    );
    engine.skip(s(5));
    engine.skip(s(6));
    assert_eq!(engine.skipped_stretches(), vec![0, 1]);
}

#[test]
fn going_back_and_completing_a_skipped_hold_unskips_its_stretch() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(6));
    engine.skip(s(6));
    assert_eq!(engine.skipped_stretches(), vec![0]);
    engine.back(s(7));
    engine.advance(s(37));
    assert_eq!(engine.skipped_stretches(), Vec::<usize>::new());
}
