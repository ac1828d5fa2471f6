//! Cues: rotating ones take turns, timed ones come at their time, on `show`'s seconds.

use super::*;

#[test]
fn rotating_cues_take_turns_and_timed_cues_come_at_their_time() {
    let routine = routine(
        vec![stretch(
            "a",
            s(30),
            Sides::None,
            1,
            vec![rotating("a1"), rotating("a2"), timed(s(12), "t")],
        )],
        &["r1"],
    );
    let timeline = Timeline::new(&routine);
    // Hold 5-35; three rotating cues over 30 s: at 0, 10 and 20 s of the hold.
    let expected = vec![
        (s(0), started(0)),
        (s(5), started(1)),
        (s(5), cue("a1")),
        (s(15), cue("a2")),
        (s(17), cue("t")),
        (s(25), reminder("r1")),
        (s(35), Event::Finished),
    ];
    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(walk_in_steps(&mut engine, ms(100), s(40)), expected);
    let mut engine = Engine::new(&routine, &timeline);
    assert_eq!(walk_by_next_change(&mut engine), expected);

    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    let shown = |engine: &mut Engine, millis| {
        engine.advance(ms(millis));
        engine.view(ms(millis)).cue.map(str::to_string)
    };
    assert_eq!(shown(&mut engine, 4_999), None, "no cue in the lead-in");
    assert_eq!(shown(&mut engine, 5_000).as_deref(), Some("a1"));
    assert_eq!(shown(&mut engine, 14_999).as_deref(), Some("a1"));
    assert_eq!(shown(&mut engine, 15_000).as_deref(), Some("a2"));
    assert_eq!(shown(&mut engine, 16_999).as_deref(), Some("a2"));
    assert_eq!(shown(&mut engine, 17_000).as_deref(), Some("t"));
    assert_eq!(shown(&mut engine, 24_999).as_deref(), Some("t"));
    assert_eq!(shown(&mut engine, 25_000).as_deref(), Some("r1"));
    assert_eq!(shown(&mut engine, 34_999).as_deref(), Some("r1"));
    assert_eq!(shown(&mut engine, 35_000), None, "no cue once finished");
}

#[test]
fn seven_rotating_cues_come_on_the_whole_seconds_that_show_prints() {
    let stretch_cues = vec![rotating("c0"), rotating("c1"), rotating("c2")];
    let routine = routine(
        vec![stretch("a", s(30), Sides::None, 1, stretch_cues)],
        &["c3", "c4", "c5", "c6"],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    let cues: Vec<(Duration, Event)> = walk_by_next_change(&mut engine)
        .into_iter()
        .filter(|(_, event)| matches!(event, Event::Cue { .. }))
        .collect();
    // i·30/7 s of the hold, on the whole second before; the hold starts at 5 s.
    let expected: Vec<(Duration, Event)> = [5, 9, 13, 17, 22, 26, 30]
        .into_iter()
        .enumerate()
        .map(|(i, second)| {
            let text = format!("c{i}");
            // c0 to c2 are the stretch's own, c3 to c6 the routine's reminders.
            (s(second), if i < 3 { cue(&text) } else { reminder(&text) })
        })
        .collect();
    assert_eq!(cues, expected);
}

#[test]
fn cues_start_again_in_every_hold_and_a_timed_cue_wins_a_tie() {
    let routine = routine(
        vec![stretch(
            "a",
            s(10),
            Sides::Both,
            1,
            vec![rotating("r"), timed(s(0), "t")],
        )],
        &[],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    let expected = vec![
        (s(0), started(0)),
        (s(5), started(1)),
        (s(5), cue("r")),
        (s(5), cue("t")),
        (s(15), started(2)),
        (s(20), started(3)),
        (s(20), cue("r")),
        (s(20), cue("t")),
        (s(30), Event::Finished),
    ];
    assert_eq!(walk_in_steps(&mut engine, s(1), s(31)), expected);

    let mut engine = Engine::new(&routine, &timeline);
    engine.advance(s(6));
    assert_eq!(engine.view(s(6)).cue, Some("t"));
}

#[test]
fn a_cue_due_at_the_new_end_of_a_shortened_hold_is_never_shown() {
    // Hold 5-35 with cues at 0 and 15 s of it; shortened to 15 s, it ends as "b" would come.
    let routine = routine(
        vec![stretch(
            "a",
            s(30),
            Sides::None,
            1,
            vec![rotating("a"), rotating("b")],
        )],
        &[],
    );
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.advance(s(6)), vec![started(1), cue("a")]);
    assert_eq!(engine.adjust(s(6), -15), vec![]);
    // Drawn at the new end before `advance` moves on: the countdown is out, "a" still shows.
    let view = engine.view(s(20));
    assert_eq!((view.index, view.remaining, view.cue), (1, s(0), Some("a")));
    assert_eq!(engine.advance(s(20)), vec![Event::Finished]);
}
