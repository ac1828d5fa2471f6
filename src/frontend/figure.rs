//! Drawing a figure on the terminal, in braille dots (ratatui's `Canvas`): into a box of
//! the full screen, or as lines of text at the guide's size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Circle, Line};

use crate::figure::{Figure, Layer};

/// Braille cells hold 2 dots across and 4 down, of about the same width and height.
const DOTS_ACROSS: u32 = 2;
/// See [`DOTS_ACROSS`].
const DOTS_DOWN: u32 = 4;

/// The fewest dots a unit of the skeleton may take: any smaller, and the figure is a
/// scribble, better left out.
pub const MIN_SCALE: f64 = 2.4;

/// The most rows a figure takes in the guide.
pub const GUIDE_ROWS: u16 = 12;

/// The most columns a figure takes in the guide.
pub const GUIDE_COLUMNS: u16 = 40;

/// How a figure is drawn in the terminal's buffer.
#[derive(Clone, Copy, Debug)]
pub struct Pen {
    /// Whether the far limbs and the props are drawn in quieter colours.
    pub colour: bool,
}

impl Pen {
    fn of(self, layer: Layer) -> Color {
        if !self.colour {
            return Color::Reset;
        }
        match layer {
            Layer::Prop => Color::Gray,
            Layer::Far => Color::DarkGray,
            Layer::Body | Layer::Near => Color::Reset,
        }
    }
}

/// How many dots a unit of the skeleton takes when `figure` is drawn as large as fits in
/// `area`; `None` when nothing fits.
pub fn scale_in(figure: &Figure, area: Rect) -> Option<f64> {
    let (columns, rows) = dots(area);
    figure.fit(columns, rows).map(|(_, scale)| scale)
}

/// Draws `figure` as large as fits in `area`, centred, in braille dots.
pub fn draw(buf: &mut Buffer, area: Rect, figure: &Figure, pen: Pen) {
    let (columns, rows) = dots(area);
    let Some((window, _)) = figure.fit(columns, rows) else {
        return;
    };
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([window.left, window.right])
        .y_bounds([window.bottom, window.top])
        .paint(|context| {
            for stroke in &figure.strokes {
                let ((x1, y1), (x2, y2)) = (stroke.from, stroke.to);
                context.draw(&Line::new(x1, y1, x2, y2, pen.of(stroke.layer)));
            }
            let (x, y) = figure.head.centre;
            context.draw(&Circle::new(x, y, figure.head.radius, pen.of(Layer::Body)));
        })
        .render(area, buf);
}

/// The columns and rows that `figure` takes in the guide: as large as fits in
/// [`GUIDE_COLUMNS`] by [`GUIDE_ROWS`], and no larger than it needs.
pub fn guide_size(figure: &Figure) -> (u16, u16) {
    let most = Rect::new(0, 0, GUIDE_COLUMNS, GUIDE_ROWS);
    let Some(scale) = scale_in(figure, most) else {
        return (1, 1);
    };
    let bounds = figure.bounds();
    let cells = |length: f64, dots: u32, most: u16| {
        let needed = ((length * scale + 1.0) / f64::from(dots)).ceil();
        // Whole cells, at least one, and never more than the box (the float may round up).
        (needed as u16).clamp(1, most)
    };
    (
        cells(bounds.width(), DOTS_ACROSS, GUIDE_COLUMNS),
        cells(bounds.height(), DOTS_DOWN, GUIDE_ROWS),
    )
}

/// `figure` at the guide's size, as lines of text without trailing blanks.
pub fn text_lines(figure: &Figure) -> Vec<String> {
    let (columns, rows) = guide_size(figure);
    let area = Rect::new(0, 0, columns, rows);
    let mut buf = Buffer::empty(area);
    draw(&mut buf, area, figure, Pen { colour: false });
    (0..rows)
        .map(|y| {
            let row: String = (0..columns).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end_matches([' ', '\u{2800}']).to_owned()
        })
        .collect()
}

/// The dots of `area`, across and down.
fn dots(area: Rect) -> (u32, u32) {
    (
        u32::from(area.width) * DOTS_ACROSS,
        u32::from(area.height) * DOTS_DOWN,
    )
}

#[cfg(test)]
mod tests;
