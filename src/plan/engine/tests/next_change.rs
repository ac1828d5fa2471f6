//! `next_change` and `next_event`: when the front end must wake to draw or to report.

use super::*;

#[test]
fn next_change_wakes_for_each_second_shown_each_cue_and_the_end() {
    let routine = routine(
        vec![stretch(
            "a",
            s(30),
            Sides::None,
            1,
            vec![timed(ms(10_500), "t")],
        )],
        &[],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.next_change(s(0)), Some(s(1)));
    assert_eq!(engine.next_change(ms(300)), Some(s(1)));
    assert_eq!(engine.next_change(ms(4_200)), Some(s(5)));
    engine.advance(ms(5_200));
    let view = engine.view(ms(5_200));
    assert_eq!((view.remaining, view.seconds_left()), (ms(29_800), 30));
    assert_eq!(engine.next_change(ms(5_200)), Some(s(6)));
    assert_eq!(engine.view(s(6)).seconds_left(), 29);
    assert_eq!(
        engine.next_change(ms(15_300)),
        Some(ms(15_500)),
        "the timed cue"
    );
    engine.advance(ms(15_500));
    assert_eq!(engine.next_change(ms(15_500)), Some(s(16)));
    assert_eq!(engine.next_event(ms(15_500)), Some(s(35)));
    assert_eq!(engine.next_change(ms(34_100)), Some(s(35)));
    engine.advance(s(35));
    assert_eq!(engine.next_change(s(35)), None, "finished");
    assert_eq!(engine.next_event(s(35)), None);
}

#[test]
fn next_change_counts_the_pauses_and_the_routine_countdown() {
    let mut routine = one_hold();
    routine.stretches[0].hold = ms(30_500);
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    // 35.5 s left in the routine shows 36; it shows 35 from 0.5 s on.
    assert_eq!(engine.next_change(s(0)), Some(ms(500)));
    assert_eq!(engine.next_change(ms(500)), Some(s(1)));
    engine.toggle_pause(s(2));
    assert_eq!(engine.next_change(s(3)), None, "paused");
    engine.toggle_pause(s(12));
    assert_eq!(engine.next_change(s(12)), Some(ms(12_500)));
    assert_eq!(engine.next_change(ms(12_500)), Some(s(13)));
    assert_eq!(engine.next_event(s(13)), Some(s(15)));
}

/// Between two wake-ups nothing the view shows changes; at each wake-up something does.
#[test]
fn the_display_changes_exactly_at_next_change() {
    let routine = routine(
        vec![stretch(
            "a",
            ms(7_300),
            Sides::Both,
            2,
            vec![rotating("a"), timed(ms(2_100), "t")],
        )],
        &["b", "c"],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    fn shown(view: View<'_>) -> (usize, u64, u64, Option<&str>, bool) {
        (
            view.index,
            view.seconds_left(),
            view.routine_seconds_left(),
            view.cue,
            view.finished,
        )
    }
    let mut now = Duration::ZERO;
    engine.start();
    while let Some(next) = engine.next_change(now) {
        let before = shown(engine.view(now));
        assert_eq!(
            shown(engine.view(next - Duration::from_nanos(1))),
            before,
            "before {next:?}"
        );
        now = next;
        let events = engine.advance(now);
        assert!(
            !events.is_empty() || shown(engine.view(now)) != before,
            "nothing changed at {now:?}"
        );
    }
    assert!(engine.view(now).finished);
    assert_eq!(now, timeline.total);
}
