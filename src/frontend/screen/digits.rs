//! The countdown's big digits: the 8×8 bitmap font of `font8x8`, scaled by a whole number
//! so that they can fill a big screen, and finding them again on a drawn screen. The
//! screen's own tests and the pty tests read the countdown with [`find`], so that what
//! they look for is drawn by the same code as what the program shows.
//!
//! Each cell shows two pixels of a column, one above the other (`▀`, `▄`, `█`), so that a
//! pixel scaled by `k` is `k` columns wide and `k` half-rows high: about square, as the
//! font was drawn. The smallest size puts four pixels in a cell (quadrant blocks).

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The largest scale looked for: digits 80 rows high would need a screen of 240.
pub const MAX_SCALE: u16 = 20;

/// A size of the big digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Size {
    /// Four pixels to a cell: 4 columns and 4 rows a character.
    Quadrant,
    /// Each pixel `k` columns wide and `k` half-rows high: `8k` columns and `4k` rows a
    /// character.
    Scaled(u16),
}

impl Size {
    /// The columns one character takes.
    pub fn columns(self) -> u16 {
        match self {
            Size::Quadrant => 4,
            Size::Scaled(k) => k.saturating_mul(8),
        }
    }

    /// The rows the digits take.
    pub fn rows(self) -> u16 {
        match self {
            Size::Quadrant => 4,
            Size::Scaled(k) => k.saturating_mul(4),
        }
    }

    /// Every size, smallest first.
    pub fn all() -> impl Iterator<Item = Size> {
        std::iter::once(Size::Quadrant).chain((1..=MAX_SCALE).map(Size::Scaled))
    }

    /// The largest size at most `rows` high whose `characters` fit in `columns`.
    pub fn largest(characters: u16, columns: u16, rows: u16) -> Option<Size> {
        Size::all()
            .filter(|size| {
                size.rows() <= rows && characters.saturating_mul(size.columns()) <= columns
            })
            .last()
    }
}

/// The pixels of `c`, eight rows of eight, the first bit of a row its leftmost pixel; a
/// character the font lacks is blank.
fn glyph(c: char) -> [u8; 8] {
    font8x8::BASIC_FONTS.get(c).unwrap_or([0; 8])
}

/// Whether the pixel at (`x`, `y`) of `text` is lit, `x` across all its characters.
fn lit(glyphs: &[[u8; 8]], x: usize, y: usize) -> bool {
    glyphs
        .get(x / 8)
        .is_some_and(|glyph| y < 8 && glyph[y] & (1 << (x % 8)) != 0)
}

/// The symbol of a cell showing the pixels `[top left, top right, bottom left, bottom
/// right]`.
fn quadrant(pixels: [bool; 4]) -> &'static str {
    const SYMBOLS: [&str; 16] = [
        " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
    ];
    let index = pixels
        .iter()
        .enumerate()
        .map(|(bit, on)| usize::from(*on) << bit)
        .sum::<usize>();
    SYMBOLS[index]
}

/// The cells of `text` drawn at `size`, row by row, each cell's symbol.
pub fn cells(text: &str, size: Size) -> Vec<Vec<&'static str>> {
    let glyphs: Vec<[u8; 8]> = text.chars().map(glyph).collect();
    let width = usize::from(size.columns()) * glyphs.len();
    let height = usize::from(size.rows());
    (0..height)
        .map(|row| {
            (0..width)
                .map(|column| match size {
                    Size::Quadrant => {
                        let (x, y) = (column * 2, row * 2);
                        quadrant([
                            lit(&glyphs, x, y),
                            lit(&glyphs, x + 1, y),
                            lit(&glyphs, x, y + 1),
                            lit(&glyphs, x + 1, y + 1),
                        ])
                    }
                    Size::Scaled(k) => {
                        let k = usize::from(k);
                        let x = column / k;
                        let top = lit(&glyphs, x, row * 2 / k);
                        let bottom = lit(&glyphs, x, (row * 2 + 1) / k);
                        quadrant([top, top, bottom, bottom])
                    }
                })
                .collect()
        })
        .collect()
}

/// Draws `text` in big digits of `size`, centred in `area` and cut to it, in `style`.
/// Every cell of the digits' box is written, blank ones too, so that a digit that
/// changes leaves nothing of the last one behind.
pub fn draw(buf: &mut Buffer, area: Rect, text: &str, size: Size, style: Style) {
    let grid = cells(text, size);
    let width = u16::try_from(grid.first().map_or(0, Vec::len)).unwrap_or(u16::MAX);
    let left = area.x + area.width.saturating_sub(width) / 2;
    for (y, row) in (area.y..area.bottom()).zip(&grid) {
        for (x, symbol) in (left..area.right()).zip(row) {
            buf[(x, y)].set_symbol(symbol).set_style(style);
        }
    }
}

/// Where (column, row) the big digits of `countdown` at `size` stand in `screen`, a grid
/// of cell symbols row by row, if they do.
pub fn find<S: AsRef<str>>(
    screen: &[Vec<S>],
    countdown: &str,
    size: Size,
) -> Option<(usize, usize)> {
    let glyphs = cells(countdown, size);
    let height = glyphs.len();
    let width = glyphs.first().map_or(0, Vec::len);
    let screen_width = screen.iter().map(Vec::len).min().unwrap_or(0);
    if height == 0 || width == 0 || screen.len() < height || screen_width < width {
        return None;
    }
    let matches_at = |left: usize, top: usize| {
        glyphs.iter().enumerate().all(|(y, row)| {
            screen[top + y][left..left + width]
                .iter()
                .zip(row)
                .all(|(on_screen, drawn)| on_screen.as_ref() == *drawn)
        })
    };
    (0..=screen.len() - height)
        .flat_map(|top| (0..=screen_width - width).map(move |left| (left, top)))
        .find(|&(left, top)| matches_at(left, top))
}

/// The size at which `countdown` stands in big digits in `screen`, if at any; the
/// largest, where it would match at several.
pub fn find_any_size<S: AsRef<str>>(screen: &[Vec<S>], countdown: &str) -> Option<Size> {
    let rows = u16::try_from(screen.len()).unwrap_or(u16::MAX);
    Size::all()
        .filter(|size| size.rows() <= rows)
        .filter(|&size| find(screen, countdown, size).is_some())
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(width: usize, height: usize) -> Vec<Vec<String>> {
        vec![vec![" ".to_owned(); width]; height]
    }

    fn put(screen: &mut [Vec<String>], text: &str, size: Size, left: usize, top: usize) {
        for (y, row) in cells(text, size).into_iter().enumerate() {
            for (x, cell) in row.into_iter().enumerate() {
                screen[top + y][left + x] = cell.to_owned();
            }
        }
    }

    #[test]
    fn digits_are_found_where_they_were_put_and_nowhere_else() {
        let mut screen = blank(40, 12);
        put(&mut screen, "18", Size::Scaled(2), 5, 3);
        assert_eq!(find(&screen, "18", Size::Scaled(2)), Some((5, 3)));
        assert_eq!(find(&screen, "17", Size::Scaled(2)), None);
        assert_eq!(find_any_size(&screen, "18"), Some(Size::Scaled(2)));
        assert_eq!(find_any_size(&blank(40, 12), "18"), None);
    }

    #[test]
    fn a_screen_too_small_holds_no_digits() {
        assert_eq!(find(&blank(3, 3), "5", Size::Quadrant), None);
        assert_eq!(find::<String>(&[], "5", Size::Quadrant), None);
    }

    #[test]
    fn a_scaled_pixel_is_as_many_columns_as_half_rows() {
        // "1" in font8x8: its first row lights columns 2 and 3, its second 1 to 3.
        let one = cells("1", Size::Scaled(1));
        assert_eq!((one.len(), one[0].len()), (4, 8));
        assert_eq!(one[0][..5], [" ", "▄", "█", "█", " "]);
        // Twice as large, a pixel is two columns and one whole row.
        let two = cells("1", Size::Scaled(2));
        assert_eq!((two.len(), two[0].len()), (8, 16));
        for (row, cells) in two.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let small = one[row / 2][column / 2];
                let lit = if row % 2 == 0 {
                    matches!(small, "▀" | "█")
                } else {
                    matches!(small, "▄" | "█")
                };
                assert_eq!(*cell, if lit { "█" } else { " " }, "{row},{column}");
            }
        }
        // Three times: 24 columns and 12 rows, half-rows split between cells.
        let three = cells("1", Size::Scaled(3));
        assert_eq!((three.len(), three[0].len()), (12, 24));
        // Its second row holds half-rows 2 and 3: the first pixel row, then the second,
        // which alone lights pixel column 1.
        assert_eq!(
            three[0][3..12],
            [" ", " ", " ", "█", "█", "█", "█", "█", "█"]
        );
        assert_eq!(
            three[1][3..12],
            ["▄", "▄", "▄", "█", "█", "█", "█", "█", "█"]
        );
    }

    #[test]
    fn the_largest_size_fits_the_rows_and_the_columns() {
        assert_eq!(Size::largest(2, 80, 8), Some(Size::Scaled(2)));
        assert_eq!(Size::largest(2, 80, 16), Some(Size::Scaled(4)));
        assert_eq!(Size::largest(4, 80, 16), Some(Size::Scaled(2)));
        assert_eq!(Size::largest(2, 12, 16), Some(Size::Quadrant));
        assert_eq!(Size::largest(2, 7, 16), None);
        assert_eq!(Size::largest(1, 80, 3), None);
    }

    #[test]
    fn every_character_of_a_countdown_has_a_glyph() {
        for c in "0123456789:".chars() {
            assert_ne!(glyph(c), [0; 8], "{c}");
        }
    }
}
