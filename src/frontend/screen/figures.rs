//! The figure on the full screen: where it stands beside or above the digits at sizes
//! from a terminal's default to a big one, that it never costs the countdown its size, and
//! the digits that grow with the screen. Snapshots of each, with and without the figure.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Screen;
use super::digits::{self, Size};
use super::fixtures::{cells, render, rows, secs, view};
use crate::plan::timeline::{PhaseKind, Side, Timeline};
use crate::routine::{Routine, catalog};

/// The built-in `hamstrings`: its first stretch, the heel on a step, is held on each side.
fn hamstrings() -> Routine {
    catalog::find("builtin:hamstrings")
        .expect("the built-in routine")
        .routine
        .expect("valid")
}

/// The hold of the first stretch's `side` at its start: "30" on the digits.
fn hold<'t>(timeline: &'t Timeline, side: Side) -> crate::plan::engine::View<'t> {
    let index = timeline
        .phases
        .iter()
        .position(|phase| phase.kind == PhaseKind::Hold && phase.side == Some(side))
        .expect("a hold of that side");
    view(timeline, index, secs(30), None)
}

fn screen(routine: &Routine, figures: bool) -> Screen<'_> {
    Screen {
        routine,
        help_visible: false,
        colour: true,
        figures,
    }
}

/// The cells that show braille dots: the figure's.
fn braille(buf: &Buffer) -> Vec<(u16, u16)> {
    let area = buf.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)]
                .symbol()
                .chars()
                .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
        })
        .collect()
}

/// The smallest box that holds `cells`.
fn bounding(cells: &[(u16, u16)]) -> Option<Rect> {
    let left = cells.iter().map(|c| c.0).min()?;
    let right = cells.iter().map(|c| c.0).max()?;
    let top = cells.iter().map(|c| c.1).min()?;
    let bottom = cells.iter().map(|c| c.1).max()?;
    Some(Rect::new(left, top, right - left + 1, bottom - top + 1))
}

/// Where the digits of `countdown` stand in `buf`, and their size: the largest they
/// are found at.
fn digits_in(buf: &Buffer, countdown: &str) -> (Rect, Size) {
    let grid = cells(buf);
    let size = digits::find_any_size(&grid, countdown).expect("big digits");
    let (x, y) = digits::find(&grid, countdown, size).expect("found");
    let width = size.columns() * u16::try_from(countdown.chars().count()).unwrap_or(0);
    let rect = Rect::new(x as u16, y as u16, width, size.rows());
    (rect, size)
}

fn snapshot(name: &str, buf: &Buffer) {
    let frame: String = rows(buf).iter().map(|row| format!("{row}|\n")).collect();
    insta::assert_snapshot!(name, frame);
}

#[test]
fn the_figure_stands_beside_the_digits_which_grow_with_the_screen() {
    let routine = hamstrings();
    let timeline = Timeline::new(&routine);
    let left = hold(&timeline, Side::Left);
    let mut heights = Vec::new();
    for (width, height) in [(80, 24), (120, 40), (160, 50)] {
        let with = render(&screen(&routine, true), &left, width, height);
        let without = render(&screen(&routine, false), &left, width, height);
        snapshot(&format!("figure_hold_{width}x{height}"), &with);
        snapshot(&format!("figure_hold_{width}x{height}_without"), &without);

        let (digits, size) = digits_in(&with, "30");
        // The figure costs the countdown nothing: the same digits in the same place.
        assert_eq!(
            digits_in(&without, "30"),
            (digits, size),
            "{width}x{height}"
        );
        assert!(braille(&without).is_empty(), "{width}x{height}");
        // About a third of the screen's height.
        assert_eq!(size.rows(), height / 3 / 4 * 4, "{width}x{height}");
        heights.push(size.rows());

        // The figure is beside the digits: in their rows, ending left of their first
        // column, a gap between.
        let figure = bounding(&braille(&with)).expect("a figure");
        assert!(figure.y >= digits.y && figure.bottom() <= digits.bottom());
        assert!(figure.right() + 2 <= digits.x, "{figure:?} {digits:?}");
        // As tall as the digits, or as wide as the room beside them.
        assert!(
            figure.height + 1 >= digits.height || figure.x <= 1,
            "{width}x{height}: {figure:?}"
        );
    }
    assert!(
        heights.windows(2).all(|pair| pair[0] < pair[1]),
        "{heights:?}"
    );
}

#[test]
fn the_right_side_shows_the_mirror_image() {
    let routine = hamstrings();
    let timeline = Timeline::new(&routine);
    let left = render(
        &screen(&routine, true),
        &hold(&timeline, Side::Left),
        120,
        40,
    );
    let right = render(
        &screen(&routine, true),
        &hold(&timeline, Side::Right),
        120,
        40,
    );
    snapshot("figure_hold_right_120x40", &right);
    let (figure_left, figure_right) = (braille(&left), braille(&right));
    // The same box, a different drawing: the leg on the step is now on the other side.
    assert_eq!(bounding(&figure_left), bounding(&figure_right));
    assert_ne!(figure_left, figure_right);
    let the_step = |buf: &Buffer| {
        let rect = bounding(&braille(buf)).expect("a figure");
        // The step stands by the raised foot, in the bottom rows: which half has more?
        let rows = rect.bottom() - 3..rect.bottom();
        let half = rect.x + rect.width / 2;
        let count = |xs: std::ops::Range<u16>| {
            rows.clone()
                .flat_map(|y| xs.clone().map(move |x| (x, y)))
                .filter(|&(x, y)| buf[(x, y)].symbol() != " ")
                .count()
        };
        count(half..rect.right()) > count(rect.x..half)
    };
    // Seen from the left, the figure faces right, the step before it; mirrored, left.
    assert!(the_step(&left));
    assert!(!the_step(&right));
}

#[test]
fn where_only_the_height_allows_the_figure_stands_above_the_digits() {
    let routine = hamstrings();
    let timeline = Timeline::new(&routine);
    let left = hold(&timeline, Side::Left);
    let buf = render(&screen(&routine, true), &left, 46, 40);
    snapshot("figure_hold_46x40", &buf);
    let (digits, size) = digits_in(&buf, "30");
    let figure = bounding(&braille(&buf)).expect("a figure");
    assert!(figure.bottom() < digits.y, "{figure:?} {digits:?}");
    let without = render(&screen(&routine, false), &left, 46, 40);
    assert_eq!(
        digits_in(&without, "30").1,
        size,
        "{}",
        rows(&without).join("\n")
    );
}

#[test]
fn a_small_screen_drops_the_figure_first() {
    let routine = hamstrings();
    let timeline = Timeline::new(&routine);
    let left = hold(&timeline, Side::Left);
    for (width, height) in [(60, 18), (50, 20), (80, 14), (40, 12)] {
        let with = render(&screen(&routine, true), &left, width, height);
        let without = render(&screen(&routine, false), &left, width, height);
        assert!(braille(&with).is_empty(), "{width}x{height}");
        assert_eq!(rows(&with), rows(&without), "{width}x{height}");
    }
}

#[test]
fn the_get_ready_shows_the_figure_and_how_as_a_block() {
    let routine = hamstrings();
    let timeline = Timeline::new(&routine);
    let lead_in = view(&timeline, 0, secs(10), None);
    let buf = render(&screen(&routine, true), &lead_in, 120, 40);
    snapshot("figure_get_ready_120x40", &buf);
    assert!(!braille(&buf).is_empty());
    // The paragraph's lines start at one column: a block, centred as a whole.
    let paragraph = routine.stretches[0]
        .how
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = rows(&buf);
    let how: Vec<(usize, &String)> = text
        .iter()
        .filter_map(|row| {
            let start = row.find(|c: char| c != ' ')?;
            let line = row.trim();
            (line.chars().count() > 10 && paragraph.contains(line)).then_some((start, row))
        })
        .collect();
    assert!(how.len() >= 3, "{text:#?}");
    assert!(how.iter().all(|(start, _)| *start == how[0].0), "{how:#?}");
    let right = how
        .iter()
        .map(|(_, row)| row.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let margin_left = how[0].0;
    let margin_right = 120 - right;
    assert!(
        margin_left.abs_diff(margin_right) <= 1,
        "{margin_left} {margin_right}"
    );
}
