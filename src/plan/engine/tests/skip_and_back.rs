//! Skipping ahead and going back, and what each does to the summary.

use super::*;

#[test]
fn skip_starts_the_next_phase_now_and_the_skipped_hold_does_not_count() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.advance(s(12)), vec![started(1), reminder("c")]);
    assert_eq!(engine.skip(s(12)), vec![started(2)]);
    assert_eq!(engine.view(s(12)).remaining, s(5));
    assert_eq!(engine.advance(ms(16_999)), vec![]);
    assert_eq!(engine.advance(s(17)), vec![started(3), reminder("c")]);
    assert_eq!(engine.advance(s(47)), vec![started(4)]);
    assert_eq!(engine.advance(s(57)), vec![started(5), reminder("c")]);
    assert_eq!(
        engine.skip(s(60)),
        vec![Event::Finished],
        "skipping the last phase finishes"
    );
    assert_eq!(engine.skip(s(61)), vec![]);
    assert_eq!(engine.advance(s(200)), vec![]);
    assert_eq!(
        engine.summary(s(200)),
        Summary {
            holds_completed: 1,
            holds_total: 3,
            stretches_completed: 0,
            active: s(60)
        }
    );
}

#[test]
fn skip_while_paused_stays_paused_and_skip_late_reports_what_was_due() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.toggle_pause(s(2));
    assert_eq!(engine.skip(s(3)), vec![started(1), reminder("c")]);
    let view = engine.view(s(9));
    assert!(view.paused);
    assert_eq!((view.index, view.elapsed), (1, s(0)));
    engine.toggle_pause(s(10));
    // Active time 2 s at the resume; the hold ends 30 s later, at 40.
    assert_eq!(
        engine.skip(s(41)),
        vec![started(2), started(3), reminder("c")]
    );
    assert_eq!(engine.view(s(41)).remaining, s(30));
    assert_eq!(engine.summary(s(41)).holds_completed, 1);
}

#[test]
fn back_within_3_s_of_a_hold_goes_to_the_hold_before_it() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.advance(s(82)).last(), Some(&reminder("c")));
    assert_eq!(engine.view(s(82)).index, 5);
    // 2 s into B: back to A's right side (not to the rest between them), restarted now.
    assert_eq!(engine.back(s(82)), vec![started(3), reminder("c")]);
    let view = engine.view(s(87));
    assert_eq!((view.index, view.elapsed, view.remaining), (3, s(5), s(25)));
    assert_eq!(view.cue, Some("c"));
    // Exactly 3 s in still counts as within the first 3 s.
    assert_eq!(engine.back(s(85)), vec![started(1), reminder("c")]);
    assert_eq!(engine.advance(s(115)), vec![started(2)]);
}

#[test]
fn back_more_than_3_s_into_a_hold_restarts_that_hold() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(85));
    assert_eq!(engine.view(s(85)).index, 5);
    // 5 s into B: B again from its start, as a media player restarts the track.
    assert_eq!(engine.back(s(85)), vec![started(5), reminder("c")]);
    let view = engine.view(s(86));
    assert_eq!((view.index, view.elapsed, view.remaining), (5, s(1), s(19)));
    assert_eq!(engine.back(s(87)), vec![started(3), reminder("c")]);
    // The last hold, restarted, still ends the routine 20 s after its new start.
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(99));
    assert_eq!(engine.back(s(99)), vec![started(5), reminder("c")]);
    assert_eq!(engine.advance(s(118)), vec![]);
    assert_eq!(engine.advance(s(119)), vec![Event::Finished]);
}

#[test]
fn back_from_a_gap_goes_to_the_hold_just_before_it() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(36));
    assert_eq!(engine.view(s(36)).index, 2, "in the switch");
    assert_eq!(engine.back(s(36)), vec![started(1), reminder("c")]);
    assert_eq!(engine.next_event(s(36)), Some(s(66)));
    // Hold again 36-66, switch 66-71, right side 71-101, rest 101-111.
    engine.advance(s(105));
    assert_eq!(engine.view(s(105)).index, 4, "in the rest");
    assert_eq!(engine.back(s(105)), vec![started(3), reminder("c")]);
}

#[test]
fn back_with_no_hold_before_restarts_the_current_phase() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(engine.back(s(2)), vec![started(0)]);
    assert_eq!(engine.advance(ms(6_999)), vec![]);
    assert_eq!(engine.advance(s(7)), vec![started(1), reminder("c")]);
    engine.adjust(s(10), 5);
    assert_eq!(engine.back(s(20)), vec![started(1), reminder("c")]);
    let view = engine.view(s(20));
    assert_eq!(
        (view.elapsed, view.phase_duration),
        (s(0), s(30)),
        "a restart drops +/-"
    );
}

#[test]
fn back_keeps_a_completed_hold_completed_and_the_summary_counts_it_once() {
    let routine = two_stretches();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    engine.advance(s(36));
    engine.back(s(36));
    engine.advance(s(66));
    assert_eq!(engine.summary(s(66)).holds_completed, 1);
    engine.advance(s(200));
    assert_eq!(
        engine.summary(s(200)),
        Summary {
            holds_completed: 3,
            holds_total: 3,
            stretches_completed: 2,
            active: s(131)
        }
    );
}

#[test]
fn the_summary_counts_each_stretch_by_its_own_holds() {
    // Lead-in 0-5, a 5-15, rest 15-25, b 25-35, rest 35-45, c 45-55; b is skipped.
    let three = ["a", "b", "c"]
        .into_iter()
        .map(|id| stretch(id, s(10), Sides::None, 1, vec![]))
        .collect();
    let routine = routine(three, &[]);
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.start();
    assert_eq!(
        engine.advance(s(26)),
        vec![started(1), started(2), started(3)]
    );
    assert_eq!(engine.skip(s(26)), vec![started(4)]);
    engine.advance(s(100));
    assert_eq!(
        engine.summary(s(100)),
        Summary {
            holds_completed: 2,
            holds_total: 3,
            stretches_completed: 2,
            active: s(46)
        }
    );

    let routine = one_hold();
    let timeline = Timeline::new(&routine);
    let mut engine = Engine::new(&routine, &timeline);
    engine.advance(s(35));
    assert_eq!(engine.summary(s(35)).stretches_completed, 1);
}
