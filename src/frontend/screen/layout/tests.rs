//! The layout at many sizes, and a frame that keeps its place through a phase.

use super::*;

/// The text of a hold, with short reminders so that each takes one row at 80 columns.
fn hold() -> FrameText {
    FrameText {
        title: "Hold".to_owned(),
        stretch: "Lying strap stretch · left leg".to_owned(),
        countdown: "18".to_owned(),
        countdown_chars: 2,
        gauge_label: "0:12 / 0:30".to_owned(),
        gauge_ratio: 0.4,
        cue: Some("Keep the other leg flat on the floor.".to_owned()),
        phase_cues: vec!["Keep the other leg flat on the floor.".to_owned()],
        reminders: vec!["Don't bounce.".to_owned(), "Breathe out.".to_owned()],
        how: None,
        progress: "Hamstrings · stretch 1 of 2 · 2:10 left".to_owned(),
        hints: vec![
            "space pause · n next · b back · +/- 5s · ? keys · q quit".to_owned(),
            "space pause · n · b · +/- · ? keys · q quit".to_owned(),
            "? keys · q quit".to_owned(),
            "?".to_owned(),
        ],
    }
}

/// The text of the lead-in, with `how` to get into the first stretch.
fn get_ready(how: &str) -> FrameText {
    FrameText {
        title: "Get ready".to_owned(),
        countdown: "5".to_owned(),
        gauge_label: "0:00 / 0:05".to_owned(),
        gauge_ratio: 0.0,
        cue: None,
        phase_cues: Vec::new(),
        reminders: Vec::new(),
        how: Some(how.to_owned()),
        ..hold()
    }
}

/// Each part laid out on a screen of `width` by `height`: what, its top row, its rows.
fn rows(width: u16, height: u16, text: &FrameText) -> Vec<(Part, u16, u16)> {
    lay_out(Rect::new(0, 0, width, height), text, None)
        .into_iter()
        .map(|placed| (placed.part, placed.rect.y, placed.rect.height))
        .collect()
}

const FULL: Part = Part::Countdown {
    size: Some(Size::Scaled(2)),
};

#[test]
fn a_hold_at_80_by_24_has_every_part_with_gaps_between_the_groups() {
    let text = hold();
    let gauge = Part::Gauge { ratio: 0.4 };
    assert_eq!(
        rows(80, 24, &text),
        [
            (Part::Progress, 0, 1),
            (Part::Title, 3, 1),
            (Part::Stretch, 4, 1),
            (FULL, 6, 8),
            (gauge, 15, 1),
            (Part::Cue, 17, 1),
            (Part::Reminders, 18, 2),
            (Part::Hints, 23, 1),
        ]
    );
    let parts = lay_out(Rect::new(0, 0, 80, 24), &text, None);
    let lines = |part| {
        let placed = parts.iter().find(|placed| placed.part == part);
        placed
            .map(|placed| placed.lines.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        lines(Part::Reminders),
        ["· Don't bounce.", "· Breathe out."]
    );
    assert_eq!(lines(FULL), ["18"]);
    assert_eq!(lines(gauge), ["0:12 / 0:30"]);
    assert_eq!(lines(Part::Hints), [text.hints[0].as_str()]);
    // The bar is at most 60 columns wide, centred; the rest take the whole width.
    let bar = parts.iter().find(|placed| placed.part == gauge);
    assert_eq!(
        bar.map(|placed| placed.rect),
        Some(Rect::new(10, 15, 60, 1))
    );
}

#[test]
fn a_small_screen_keeps_the_phase_the_stretch_and_the_countdown() {
    assert_eq!(
        rows(10, 3, &hold()),
        [
            (Part::Title, 0, 1),
            (Part::Stretch, 1, 1),
            (Part::Countdown { size: None }, 2, 1),
        ]
    );
    assert_eq!(
        rows(1, 1, &hold()),
        [(Part::Countdown { size: None }, 0, 1)]
    );
    assert_eq!(rows(0, 0, &hold()), []);
    assert_eq!(rows(80, 0, &hold()), []);
}

#[test]
fn a_frame_that_does_not_start_at_the_corner_keeps_its_parts_inside_it() {
    let at_corner = lay_out(Rect::new(0, 0, 80, 24), &hold(), None);
    let moved = lay_out(Rect::new(5, 2, 80, 24), &hold(), None);
    let shifted: Vec<Placed> = at_corner
        .into_iter()
        .map(|placed| {
            let (x, y) = (placed.rect.x + 5, placed.rect.y + 2);
            placed.at(x, y)
        })
        .collect();
    assert_eq!(moved, shifted);
}

#[test]
fn big_digits_come_before_the_progress_and_the_hints_and_bigger_ones_after() {
    // Half-height digits take the rows of the full-size ones, so the hints fit.
    let text = get_ready("Lie on your back and loop a strap around one foot.");
    let half = Part::Countdown {
        size: Some(Size::Scaled(1)),
    };
    let gauge = Part::Gauge { ratio: 0.0 };
    assert_eq!(
        rows(40, 12, &text),
        [
            (Part::Progress, 0, 1),
            (Part::Title, 1, 1),
            (Part::Stretch, 2, 1),
            (half, 4, 4),
            (gauge, 9, 1),
            (Part::Hints, 11, 1),
        ]
    );
    // With no rows to spare, the digits win over the progress and the hints.
    assert_eq!(
        rows(40, 7, &text),
        [
            (Part::Title, 0, 1),
            (Part::Stretch, 1, 1),
            (half, 2, 4),
            (gauge, 6, 1),
        ]
    );
    let parts = lay_out(Rect::new(0, 0, 40, 12), &text, None);
    let hints = parts.iter().find(|placed| placed.part == Part::Hints);
    assert_eq!(
        hints.map(|placed| placed.lines.clone()),
        Some(vec!["? keys · q quit".to_owned()])
    );
}

#[test]
fn how_to_get_into_the_stretch_leaves_a_row_for_each_gap() {
    let short = get_ready("Lie on your back and loop a strap around one foot.");
    let gauge = Part::Gauge { ratio: 0.0 };
    assert_eq!(
        rows(80, 24, &short),
        [
            (Part::Progress, 0, 1),
            (Part::Title, 4, 1),
            (Part::Stretch, 5, 1),
            (FULL, 7, 8),
            (gauge, 16, 1),
            (Part::How, 18, 1),
            (Part::Hints, 23, 1),
        ]
    );
    let long = get_ready(&"Breathe in and out.\n".repeat(20));
    assert_eq!(
        rows(80, 24, &long),
        [
            (Part::Progress, 0, 1),
            (Part::Title, 1, 1),
            (Part::Stretch, 2, 1),
            (FULL, 4, 8),
            (gauge, 13, 1),
            (Part::How, 15, 8),
            (Part::Hints, 23, 1),
        ]
    );
    let parts = lay_out(Rect::new(0, 0, 80, 24), &long, None);
    let how = parts.iter().find(|placed| placed.part == Part::How);
    let last = how.and_then(|placed| placed.lines.last().cloned());
    assert_eq!(last.as_deref(), Some("Breathe in and out.…"));
}

/// A hold whose cues take one, two and three rows at 80 columns, the longest a reminder.
fn hold_with_cues(cue: usize) -> FrameText {
    let short = "Breathe out.".to_owned();
    let long = "Keep the other leg flat on the floor, and let the knee of the leg you stretch bend a little if it has to.".to_owned();
    let reminders = vec![
        "Don't bounce.".to_owned(),
        "Hold at a comfortable, pain-free level where you feel a stretch, and ease off if it hurts anywhere at all, then breathe.".to_owned(),
    ];
    let phase_cues: Vec<String> = [short, long].into_iter().chain(reminders.clone()).collect();
    FrameText {
        cue: Some(phase_cues[cue].clone()),
        phase_cues,
        reminders,
        ..hold()
    }
}

#[test]
fn the_frame_keeps_its_place_as_one_cue_follows_another() {
    for (width, height) in [(80, 24), (100, 30), (60, 20)] {
        let first = rows(width, height, &hold_with_cues(0));
        for cue in 1..4 {
            let next = rows(width, height, &hold_with_cues(cue));
            // Every part stays where it was, the digits' size among them.
            let places = |laid: &[(Part, u16, u16)]| -> Vec<(Part, u16, u16)> { laid.to_vec() };
            assert_eq!(
                places(&first),
                places(&next),
                "cue {cue} at {width}x{height}"
            );
        }
    }
}

#[test]
fn the_digits_keep_their_size_as_the_minute_turns() {
    // A phase of a minute: "1:00", then "59", then "9", in digits sized for four
    // characters throughout. At 24 columns, two characters would fit at the full size.
    let at = |countdown: &str| {
        let text = FrameText {
            countdown: countdown.to_owned(),
            countdown_chars: 4,
            ..hold()
        };
        lay_out(Rect::new(0, 0, 24, 30), &text, None)
            .into_iter()
            .find(|placed| matches!(placed.part, Part::Countdown { .. }))
            .map(|placed| (placed.part, placed.rect))
    };
    assert!(matches!(
        at("1:00"),
        Some((Part::Countdown { size: Some(_) }, _))
    ));
    assert_eq!(at("1:00"), at("59"));
    assert_eq!(at("1:00"), at("9"));
}
