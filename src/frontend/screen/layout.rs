//! Where each part of a frame goes: a pure function of the frame's size and its text.
//!
//! Rows are handed out by priority so that the frame works at any size: the countdown,
//! the phase and the stretch first; then the current cue and the routine's reminders;
//! the progress bar; big digits before the routine's progress and the key hints, bigger
//! digits after them, up to about a third of the screen's height; what is left shows how
//! to get into the next stretch, keeping a row for each gap between the groups; and last
//! the figure of the pose, beside the digits where the width allows, else above them in
//! rows nothing else wants. Whatever does not fit is left out rather than squeezed. The
//! groups stand in the middle, a blank row between them where there is room; the
//! routine's progress is on the top row and the key hints on the bottom one.

use ratatui::layout::Rect;

use super::digits::Size;
use super::text::{FrameText, text_width, wrap};
use crate::figure::Figure;
use crate::frontend::figure::{MIN_SCALE, scale_in};

/// The widest the progress bar gets, in columns.
const GAUGE_WIDTH: u16 = 60;

/// The widest the paragraph of how to get into a stretch gets, in columns: lines longer
/// than this are hard to follow.
const HOW_WIDTH: u16 = 72;

/// The columns between the figure and the digits beside it.
const FIGURE_GAP: u16 = 3;

/// The fewest rows a figure above the digits takes: fewer, and it is left out.
const FIGURE_MIN_ROWS: u16 = 5;

/// A part of the frame, named by what it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// The routine, how far through it the user is and its time left.
    Progress,
    /// The phase, and that the countdown is paused.
    Title,
    /// The stretch, side and rep.
    Stretch,
    /// The time left in the phase.
    Countdown {
        /// The big digits' size; `None` writes the countdown as plain text.
        size: Option<Size>,
    },
    /// The bar of the phase's time done, its line the label.
    Gauge {
        /// How full the bar is, from 0 to 1.
        ratio: f64,
    },
    /// What the voice says now.
    Cue,
    /// The routine's own cues.
    Reminders,
    /// How to get into the stretch that comes next: a block of lines that start at its
    /// left edge, the block centred.
    How,
    /// The figure of the pose, drawn to fill its box.
    Figure,
    /// The keys that matter most.
    Hints,
}

/// A part of the frame, where it goes and the lines it shows there, one a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What the part is.
    pub part: Part,
    /// Where it goes.
    pub rect: Rect,
    /// Its text, one line a row, each centred in `rect`; the countdown's one line.
    pub lines: Vec<String>,
}

/// The parts of a frame of `area` showing `text` and, where there is room, `figure`, top
/// to bottom, each on rows of its own but a figure beside the digits. Nothing for an
/// empty area.
pub fn lay_out(area: Rect, text: &FrameText, figure: Option<&Figure>) -> Vec<Placed> {
    if area.is_empty() {
        return Vec::new();
    }
    let width = area.width;
    let mut budget = Budget { left: area.height };

    let mut countdown = Countdown {
        size: None,
        rows: budget.take(1),
    };
    let title = wrap(&text.title, width, usize::from(budget.take(1)));
    let stretch = fitted(&mut budget, wrap(&text.stretch, width, 2));
    // The cue keeps the rows of the phase's longest cue, and a reminder that is the cue
    // leaves its rows blank (see `blank`): nothing moves as one cue follows another.
    let cue_room = text
        .phase_cues
        .iter()
        .chain(&text.cue)
        .map(|cue| wrap(cue, width, 3).len())
        .max()
        .unwrap_or(0);
    let mut cue = match &text.cue {
        Some(cue) => fitted(&mut budget, wrap(cue, width, 3)),
        None => Vec::new(),
    };
    let mut reminders = Vec::new();
    // Where the reminder that is the cue would be, and its rows (see `blank`).
    let mut the_cue_in_reminders = None;
    for reminder in &text.reminders {
        let lines = wrap(&format!("· {reminder}"), width, 3);
        if Some(reminder) == text.cue.as_ref() {
            the_cue_in_reminders = Some((reminders.len(), lines.len()));
            continue;
        }
        if lines.len() > usize::from(budget.left) {
            break;
        }
        budget.take(lines.len());
        reminders.extend(lines);
    }
    let gauge_rows = budget.take(1);
    // Big digits before the routine's progress and the key hints, biggest after them.
    let characters =
        u16::try_from(text.countdown_chars.max(text.countdown.chars().count())).unwrap_or(u16::MAX);
    countdown.grow(&mut budget, characters, width, 4);
    let progress = wrap(&text.progress, width, usize::from(budget.take(1)));
    let hints = hint_line(&text.hints, width, budget.take(1));
    // Blank rows keep the cue's room, and the place of the reminder that is the cue,
    // before the biggest digits grow, so that they keep their size through the phase;
    // on a small screen, after everything else, when there is room.
    let blank = budget.take(cue_room.saturating_sub(cue.len()));
    cue.extend((0..blank).map(|_| String::new()));
    if let Some((at, rows)) = the_cue_in_reminders
        && at <= reminders.len()
        && usize::from(budget.left) >= rows
    {
        budget.take(rows);
        reminders.splice(at..at, (0..rows).map(|_| String::new()));
    }
    countdown.grow(&mut budget, characters, width, (area.height / 3).max(4));
    // Keep a row for each gap between the groups when the text would fill them.
    let how = match &text.how {
        Some(how) => block(how, width, usize::from(budget.left.saturating_sub(3))),
        None => Vec::new(),
    };
    budget.take(how.len());
    let digits_width = countdown
        .size
        .map_or(0, |size| characters.saturating_mul(size.columns()));
    // Above the digits, the figure is a group of its own: it leaves a row for each gap.
    let groups = [
        !title.is_empty() || !stretch.is_empty(),
        true,
        gauge_rows > 0,
        !cue.is_empty() || !reminders.is_empty() || !how.is_empty(),
    ];
    let gaps_with_figure = groups.iter().filter(|group| **group).count();
    let figure = figure.and_then(|figure| {
        beside(figure, &countdown, digits_width, width).or_else(|| {
            let room = Room {
                width,
                most_rows: area.height / 3,
                gaps: gaps_with_figure,
            };
            above(figure, &mut budget, &room)
        })
    });

    // The middle of the screen, between the progress line at the top and the hints at
    // the bottom: groups separated by a blank row where there is room, centred.
    let above_digits = figure.filter(|(_, beside)| !beside).map(|(rect, _)| rect);
    let groups = [
        vec![
            lines_of(Part::Title, width, title),
            lines_of(Part::Stretch, width, stretch),
        ],
        above_digits
            .map(|rect| vec![unplaced(Part::Figure, rect.width, rect.height, Vec::new())])
            .unwrap_or_default(),
        vec![unplaced(
            Part::Countdown {
                size: countdown.size,
            },
            width,
            countdown.rows,
            vec![text.countdown.clone()],
        )],
        vec![unplaced(
            Part::Gauge {
                ratio: text.gauge_ratio,
            },
            width.min(GAUGE_WIDTH),
            gauge_rows,
            vec![text.gauge_label.clone()],
        )],
        vec![
            lines_of(Part::Cue, width, cue),
            lines_of(Part::Reminders, width, reminders),
            lines_of(Part::How, widest(&how), how),
        ],
    ];
    let groups: Vec<Vec<Placed>> = groups
        .into_iter()
        .map(|group| group.into_iter().filter(|p| p.rect.height > 0).collect())
        .filter(|group: &Vec<Placed>| !group.is_empty())
        .collect();
    let gaps = u16::try_from(groups.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(1);
    let gap = u16::from(budget.left >= gaps);
    let spare = budget.left - gap * gaps;

    let mut parts = Vec::new();
    let mut y = area.y;
    if !progress.is_empty() {
        let top = lines_of(Part::Progress, width, progress).at(area.x, y);
        y += top.rect.height;
        parts.push(top);
    }
    y += spare / 2;
    for (index, group) in groups.into_iter().enumerate() {
        if index > 0 {
            y += gap;
        }
        for part in group {
            let x = area.x + (width - part.rect.width) / 2;
            let part = part.at(x, y);
            y += part.rect.height;
            if let (Part::Countdown { .. }, Some((rect, true))) = (part.part, figure) {
                // Beside the digits, ending a gap before their first column.
                let digits_left = area.x + (width - digits_width) / 2;
                let x = digits_left.saturating_sub(FIGURE_GAP + rect.width);
                parts.push(
                    unplaced(Part::Figure, rect.width, rect.height, Vec::new()).at(x, part.rect.y),
                );
            }
            parts.push(part);
        }
    }
    if let Some(hints) = hints {
        parts.push(lines_of(Part::Hints, width, vec![hints]).at(area.x, area.bottom() - 1));
    }
    parts
}

impl Placed {
    /// The part with its top left corner at column `x`, row `y`.
    fn at(mut self, x: u16, y: u16) -> Placed {
        (self.rect.x, self.rect.y) = (x, y);
        self
    }
}

/// `part`, `width` columns wide and `rows` high, not yet given its place.
fn unplaced(part: Part, width: u16, rows: u16, lines: Vec<String>) -> Placed {
    Placed {
        part,
        rect: Rect::new(0, 0, width, rows),
        lines,
    }
}

/// `part` showing `lines`, a row each, not yet given its place.
fn lines_of(part: Part, width: u16, lines: Vec<String>) -> Placed {
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    unplaced(part, width, rows, lines)
}

/// Rows handed out in order of importance until none are left.
struct Budget {
    left: u16,
}

impl Budget {
    fn take(&mut self, wanted: usize) -> u16 {
        let got = u16::try_from(wanted).unwrap_or(u16::MAX).min(self.left);
        self.left -= got;
        got
    }
}

/// As many of `lines` as the budget allows, taking their rows from it.
fn fitted(budget: &mut Budget, mut lines: Vec<String>) -> Vec<String> {
    let rows = budget.take(lines.len());
    lines.truncate(usize::from(rows));
    lines
}

/// The rows the countdown has, and the size of its big digits when it has them.
struct Countdown {
    size: Option<Size>,
    rows: u16,
}

impl Countdown {
    /// The largest big digits at most `most_rows` high for `characters` in `width`
    /// columns, when they fit in the rows the countdown has and those left in the budget
    /// and are larger than the digits it has.
    fn grow(&mut self, budget: &mut Budget, characters: u16, width: u16, most_rows: u16) {
        let rows = (budget.left + self.rows).min(most_rows);
        if let Some(size) = Size::largest(characters, width, rows)
            && Some(size) > self.size
        {
            budget.take(usize::from(size.rows().saturating_sub(self.rows)));
            *self = Countdown {
                size: Some(size),
                rows: size.rows(),
            };
        }
    }
}

/// The figure's box beside the big digits `digits_width` wide, in the margin of a frame
/// `width` wide, as high as the digits, if the figure is large enough there.
fn beside(
    figure: &Figure,
    countdown: &Countdown,
    digits_width: u16,
    width: u16,
) -> Option<(Rect, bool)> {
    countdown.size?;
    let margin = (width.saturating_sub(digits_width) / 2).checked_sub(FIGURE_GAP)?;
    fitting(figure, Rect::new(0, 0, margin, countdown.rows)).map(|rect| (rect, true))
}

/// The room a figure above the digits may take.
struct Room {
    /// The frame's width.
    width: u16,
    /// The most rows it may take.
    most_rows: u16,
    /// The rows it leaves for the gaps between the groups.
    gaps: usize,
}

/// The figure's box above the digits, in the rows left in the budget but for the gaps,
/// if the figure is large enough there.
fn above(figure: &Figure, budget: &mut Budget, room: &Room) -> Option<(Rect, bool)> {
    let gaps = u16::try_from(room.gaps).unwrap_or(u16::MAX);
    let rows = budget.left.saturating_sub(gaps).min(room.most_rows);
    let width = room.width;
    if rows < FIGURE_MIN_ROWS {
        return None;
    }
    let rect = fitting(figure, Rect::new(0, 0, width, rows))?;
    budget.take(usize::from(rect.height));
    Some((rect, false))
}

/// The smallest box within `room` that shows `figure` as large as `room` does, if that is
/// at least [`MIN_SCALE`].
fn fitting(figure: &Figure, room: Rect) -> Option<Rect> {
    let scale = scale_in(figure, room).filter(|scale| *scale >= MIN_SCALE)?;
    let bounds = figure.bounds();
    let cells = |length: f64, dots: f64, most: u16| {
        let needed = ((length * scale + 1.0) / dots).ceil();
        // Never more than the room: the float may round up.
        (needed as u16).clamp(1, most)
    };
    Some(Rect::new(
        0,
        0,
        cells(bounds.width(), 2.0, room.width),
        cells(bounds.height(), 4.0, room.height),
    ))
}

/// `text` as a block of at most `max_lines` lines no wider than `width` (and
/// [`HOW_WIDTH`]), as narrow as it can be without taking more lines: the lines of a
/// paragraph then end near its right edge, and no word sits alone on the last one.
fn block(text: &str, width: u16, max_lines: usize) -> Vec<String> {
    let widest = width.min(HOW_WIDTH);
    let lines = wrap(text, widest, max_lines);
    let count = lines.len();
    // The narrowest width that takes no more lines: fewer columns never take fewer lines.
    let (mut narrow, mut wide) = (1, widest);
    while narrow < wide {
        let middle = narrow + (wide - narrow) / 2;
        if wrap(text, middle, usize::MAX).len() <= count {
            wide = middle;
        } else {
            narrow = middle + 1;
        }
    }
    if wrap(text, wide, usize::MAX).len() <= count {
        wrap(text, wide, max_lines)
    } else {
        lines
    }
}

/// The columns of the widest of `lines`.
fn widest(lines: &[String]) -> u16 {
    let widest = lines.iter().map(|line| text_width(line)).max().unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX)
}

/// The widest of the key `hints` that fits, if there is a row for it.
fn hint_line(hints: &[String], width: u16, rows: u16) -> Option<String> {
    if rows == 0 {
        return None;
    }
    hints
        .iter()
        .find(|hint| text_width(hint) <= usize::from(width))
        .cloned()
}

#[cfg(test)]
mod tests;
