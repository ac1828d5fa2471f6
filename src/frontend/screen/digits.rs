//! The countdown's big digits: the sizes they come in, and finding them again on a drawn
//! screen. The screen's own tests and the pty tests read the countdown with [`find`], so
//! that what they look for is drawn by the same code as what the program shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// Ways to draw the countdown, biggest first: the glyph size and how many columns and
/// rows one character of the 8x8 font takes.
pub const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// The cells of `countdown` drawn in big digits of `size`, row by row, each cell's symbol.
pub fn cells(countdown: &str, size: PixelSize) -> Vec<Vec<String>> {
    let (columns, rows) = SIZES
        .iter()
        .find(|(s, _, _)| *s == size)
        .map_or((4, 4), |&(_, columns, rows)| (columns, rows));
    let characters = u16::try_from(countdown.chars().count()).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, columns.saturating_mul(characters), rows);
    let mut buffer = Buffer::empty(area);
    BigText::builder()
        .pixel_size(size)
        .lines(vec![Line::from(countdown.to_owned())])
        .build()
        .render(area, &mut buffer);
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

/// Where (column, row) the big digits of `countdown` at `size` stand in `screen`, a grid
/// of cell symbols row by row, if they do.
pub fn find(screen: &[Vec<String>], countdown: &str, size: PixelSize) -> Option<(usize, usize)> {
    let glyphs = cells(countdown, size);
    let height = glyphs.len();
    let width = glyphs.first().map_or(0, Vec::len);
    let screen_width = screen.iter().map(Vec::len).min().unwrap_or(0);
    if height == 0 || width == 0 || screen.len() < height || screen_width < width {
        return None;
    }
    let matches_at = |left: usize, top: usize| {
        glyphs
            .iter()
            .enumerate()
            .all(|(y, row)| screen[top + y][left..left + width] == row[..])
    };
    (0..=screen.len() - height)
        .flat_map(|top| (0..=screen_width - width).map(move |left| (left, top)))
        .find(|&(left, top)| matches_at(left, top))
}

/// The size at which `countdown` stands in big digits in `screen`, if at any.
pub fn find_any_size(screen: &[Vec<String>], countdown: &str) -> Option<PixelSize> {
    SIZES
        .iter()
        .map(|&(size, _, _)| size)
        .find(|&size| find(screen, countdown, size).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(width: usize, height: usize) -> Vec<Vec<String>> {
        vec![vec![" ".to_owned(); width]; height]
    }

    #[test]
    fn digits_are_found_where_they_were_put_and_nowhere_else() {
        let mut screen = blank(30, 12);
        for (y, row) in cells("18", PixelSize::Full).into_iter().enumerate() {
            for (x, cell) in row.into_iter().enumerate() {
                screen[3 + y][5 + x] = cell;
            }
        }
        assert_eq!(find(&screen, "18", PixelSize::Full), Some((5, 3)));
        assert_eq!(find(&screen, "17", PixelSize::Full), None);
        assert_eq!(find_any_size(&screen, "18"), Some(PixelSize::Full));
        assert_eq!(find_any_size(&blank(30, 12), "18"), None);
    }

    #[test]
    fn a_screen_too_small_holds_no_digits() {
        assert_eq!(find(&blank(3, 3), "5", PixelSize::Quadrant), None);
        assert_eq!(find(&[], "5", PixelSize::Quadrant), None);
    }
}
