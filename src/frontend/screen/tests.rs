//! The screen's tests: what each kind of phase shows, at sizes big and small.

use super::digits::Size;
use ratatui::style::Color;

use super::Screen;
use super::fixtures::*;
use super::render::KEYS;
use super::text::countdown;
use crate::plan::timeline::{PhaseKind, Timeline};
use crate::routine::duration::{self, short_clock};

#[test]
fn a_hold_shows_everything_at_80_by_24() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let hold = index_of(&timeline, PhaseKind::Hold);
    let view = view(
        &timeline,
        hold,
        secs(18),
        Some("Keep the other leg flat on the floor."),
    );
    let buf = render(&screen(&routine), &view, 80, 24);
    let shown = text(&buf);

    assert!(
        find_big_digits(&buf, "18", Size::Scaled(2)).is_some(),
        "big 18 in\n{shown}"
    );
    assert!(shown.contains("Hold"), "{shown}");
    assert!(shown.contains("Lying strap stretch · left leg"), "{shown}");
    assert!(
        shown.contains("Keep the other leg flat on the floor."),
        "{shown}"
    );
    assert!(shown.contains(BOUNCE), "{shown}");
    assert!(shown.contains(GENTLE), "{shown}");
    assert!(shown.contains("0:12 / 0:30"), "{shown}");
    assert!(shown.contains("Hamstrings · stretch 1 of 2 · "), "{shown}");
    assert!(shown.contains("q quit"), "{shown}");
    assert!(!shown.contains("PAUSED"), "{shown}");
    // The progress line reads the routine's time left: 18 s of this hold, then the rest.
    let left = short_clock(view.routine_seconds_left());
    assert!(shown.contains(&format!("{left} left")), "{shown}");
}

#[test]
fn paused_says_so() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let mut view = view(
        &timeline,
        index_of(&timeline, PhaseKind::Hold),
        secs(7),
        None,
    );
    view.paused = true;
    let shown = text(&render(&screen(&routine), &view, 80, 24));
    assert!(shown.contains("PAUSED"), "{shown}");
    assert!(shown.contains("space resume"), "{shown}");
    let small = text(&render(&screen(&routine), &view, 12, 3));
    assert!(small.contains("PAUSED"), "{small}");
}

#[test]
fn the_lead_in_gets_the_user_ready_for_the_first_stretch() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let view = view(&timeline, 0, secs(5), None);
    let buf = render(&screen(&routine), &view, 80, 24);
    let shown = text(&buf);
    assert!(shown.contains("Get ready"), "{shown}");
    assert!(shown.contains("Lying strap stretch · left leg"), "{shown}");
    assert!(
        shown.contains("Lie on your back and loop a strap around one foot."),
        "{shown}"
    );
    assert!(
        find_big_digits(&buf, "5", Size::Scaled(2)).is_some(),
        "{shown}"
    );
    // Reminders belong to holds.
    assert!(!shown.contains(BOUNCE), "{shown}");
}

#[test]
fn a_rest_names_the_next_stretch_and_how_to_get_into_it() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let view = view(
        &timeline,
        index_of(&timeline, PhaseKind::Rest),
        secs(9),
        None,
    );
    let shown = text(&render(&screen(&routine), &view, 80, 24));
    assert!(shown.contains("Next up"), "{shown}");
    assert!(shown.contains("Toe touch · rep 1 of 2"), "{shown}");
    assert!(
        shown.contains("Stand with your feet hip-width apart."),
        "{shown}"
    );
    assert!(shown.contains("Lean forward at the hips."), "{shown}");
}

#[test]
fn a_switch_names_the_side_to_come() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let view = view(
        &timeline,
        index_of(&timeline, PhaseKind::Switch),
        secs(4),
        None,
    );
    let shown = text(&render(&screen(&routine), &view, 80, 24));
    assert!(shown.contains("Switch sides"), "{shown}");
    assert!(shown.contains("Lying strap stretch · right leg"), "{shown}");
}

#[test]
fn the_reminders_are_on_screen_during_every_hold() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    for (index, phase) in timeline.phases.iter().enumerate() {
        if phase.kind != PhaseKind::Hold {
            continue;
        }
        for cue in [
            None,
            Some("Keep the other leg flat on the floor."),
            Some(BOUNCE),
        ] {
            for (width, height) in [(80, 24), (60, 20), (100, 30)] {
                let view = view(&timeline, index, secs(29), cue);
                let shown = text(&render(&screen(&routine), &view, width, height));
                // Wrapped at narrow widths: compare without line breaks.
                let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    flat.contains(BOUNCE),
                    "phase {index} at {width}x{height}:\n{shown}"
                );
                assert!(
                    flat.contains(GENTLE),
                    "phase {index} at {width}x{height}:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn the_built_in_routines_keep_their_advice_on_screen_through_every_hold() {
    for loaded in crate::routine::catalog::builtins() {
        let routine = loaded.routine.expect("built-in routines are valid");
        assert!(!routine.cues.is_empty(), "{}", routine.name);
        let timeline = Timeline::new(&routine);
        for (index, phase) in timeline.phases.iter().enumerate() {
            if phase.kind != PhaseKind::Hold {
                continue;
            }
            let schedule =
                crate::plan::timeline::cue_schedule(&routine, phase.stretch, phase.duration);
            let cues = std::iter::once(None).chain(schedule.iter().map(|cue| Some(cue.text)));
            for cue in cues {
                let view = view(&timeline, index, phase.duration, cue);
                let buf = render(&screen(&routine), &view, 80, 24);
                let shown = text(&buf);
                let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
                let name = &routine.stretches[phase.stretch].name;
                assert!(flat.contains(name.as_str()), "{name} in\n{shown}");
                for advice in routine.cues.iter().chain(cue.map(str::to_owned).as_ref()) {
                    assert!(flat.contains(advice.as_str()), "{advice:?} in\n{shown}");
                }
                let seconds = duration::whole_seconds_up(phase.duration);
                let countdown = countdown(seconds, seconds);
                let big = Size::all().any(|size| find_big_digits(&buf, &countdown, size).is_some());
                assert!(big, "big {countdown} in\n{shown}");
            }
        }
    }
}

#[test]
fn the_help_overlay_lists_the_keys() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let view = view(&timeline, 1, secs(20), None);
    let mut screen = screen(&routine);
    assert!(!text(&render(&screen, &view, 80, 24)).contains("pause or resume"));
    screen.help_visible = true;
    let shown = text(&render(&screen, &view, 80, 24));
    for (key, what, _) in KEYS {
        assert!(shown.contains(key), "{key} in\n{shown}");
        assert!(shown.contains(what), "{what} in\n{shown}");
    }
}

#[test]
fn no_color_means_no_colour_at_all() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let mut screen = screen(&routine);
    screen.colour = false;
    screen.help_visible = true;
    for index in 0..timeline.phases.len() {
        for paused in [false, true] {
            let mut view = view(&timeline, index, secs(3), Some(BOUNCE));
            view.paused = paused;
            let buf = render(&screen, &view, 80, 24);
            for cell in &buf.content {
                assert_eq!(
                    (cell.fg, cell.bg),
                    (Color::Reset, Color::Reset),
                    "phase {index}"
                );
            }
        }
    }
}

#[test]
fn colours_tell_a_hold_from_a_gap() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let countdown_colour = |kind| {
        let view = view(&timeline, index_of(&timeline, kind), secs(3), None);
        let buf = render(&screen(&routine), &view, 80, 24);
        let (x, y) = find_big_digits(&buf, "3", Size::Scaled(2)).expect("big 3");
        let cell = (0..8)
            .flat_map(|dy| (0..8).map(move |dx| (x + dx, y + dy)))
            .map(|p| &buf[p])
            .find(|c| c.symbol() != " ");
        cell.expect("a lit pixel").fg
    };
    let hold = countdown_colour(PhaseKind::Hold);
    assert_ne!(hold, Color::Reset);
    for gap in [PhaseKind::LeadIn, PhaseKind::Switch, PhaseKind::Rest] {
        assert_ne!(countdown_colour(gap), hold, "{gap:?}");
    }
}

#[test]
fn routine_text_cannot_reach_the_terminal_as_control_characters() {
    let mut routine = routine();
    routine.name = "Evil\u{1b}]0;owned\u{7}".to_owned();
    routine.stretches[0].name = "Toe\u{1b}[2J touch\u{9b}31m".to_owned();
    routine.stretches[0].how = "Lie\u{1b}[31m down\r\nnow".to_owned();
    let timeline = Timeline::new(&routine);
    for (index, cue) in [(0, None), (1, Some("cue\u{1b}[5m"))] {
        let buf = render(
            &screen(&routine),
            &view(&timeline, index, secs(3), cue),
            80,
            24,
        );
        let shown = text(&buf);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(shown.contains("Toe\u{FFFD}[2J touch\u{FFFD}31m"), "{shown}");
    }
}

#[test]
fn small_terminals_keep_the_countdown_and_the_phase() {
    let routine = routine();
    let timeline = Timeline::new(&routine);
    let hold = index_of(&timeline, PhaseKind::Hold);
    let view = view(&timeline, hold, secs(18), Some(BOUNCE));
    let shown = text(&render(&screen(&routine), &view, 10, 3));
    assert!(shown.contains("18"), "{shown}");
    assert!(shown.contains("Hold"), "{shown}");
    let tiny = text(&render(&screen(&routine), &view, 1, 1));
    assert!(tiny.chars().all(|c| c.is_ascii_digit()), "{tiny:?}");
    let short = render(&screen(&routine), &view, 80, 10);
    assert!(
        find_big_digits(&short, "18", Size::Scaled(1)).is_some(),
        "{}",
        text(&short)
    );
}

#[test]
fn drawing_never_panics_at_any_size() {
    let mut routine = routine();
    // Long, wide and odd text makes wrapping and truncation work hard.
    routine.stretches[1].name = "長い名前のストレッチ".repeat(4);
    routine.stretches[1].how = "word ".repeat(400);
    routine.stretches[1].hold = secs(600);
    let timeline = Timeline::new(&routine);
    let mut sizes = vec![
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (40, 10),
        (80, 24),
        (200, 60),
        (3, 40),
        (300, 2),
    ];
    sizes.extend(
        (1..=34)
            .step_by(3)
            .flat_map(|w| (1..=28).step_by(3).map(move |h| (w, h))),
    );
    for (width, height) in sizes {
        for index in 0..timeline.phases.len() {
            for (paused, help_visible) in [(false, false), (true, true)] {
                let phase = &timeline.phases[index];
                let mut view = view(&timeline, index, phase.duration, Some(GENTLE));
                view.paused = paused;
                let screen = Screen {
                    routine: &routine,
                    help_visible,
                    colour: true,
                    figures: true,
                };
                render(&screen, &view, width, height);
            }
        }
    }
}
