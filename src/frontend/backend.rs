//! The full screen's ratatui backend: crossterm's, but for how the changed cells of a frame
//! are written (the rest is as ratatui's crossterm backend does it).
//!
//! ratatui's crossterm backend moves the cursor with a full `CUP` before every run of
//! cells, sets both colours whenever either changes, and resets every colour and attribute
//! after every frame, so that the next frame sets them all again. This one remembers what
//! the terminal has between frames (the colours and attributes in force and where the
//! cursor is), moves along a row with `CUF`, and writes one `SGR` for all that changes at a
//! cell. The cells written are the same; only the bytes that put them there are fewer.
//!
//! Whenever the screen is cleared (at the start, on a resize, after a suspend) it resets
//! the colours and attributes first and forgets where the cursor is, so that whatever
//! happened meanwhile, the next cell is placed and styled afresh. Between frames it leaves
//! no background colour or reverse video in force, which a terminal may paint new cells
//! with when it grows; the terminal guard resets the rest on the way out.

use std::fmt::Write as _;
use std::io::{self, Write};

use crossterm::{cursor, execute, terminal};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The colours and attributes in force on the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    /// What `SGR 0` leaves.
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// The attributes and their `SGR` codes.
const ATTRIBUTES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// A ratatui backend on `W`, as crossterm's, drawing with fewer bytes.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// The colours and attributes in force, when known.
    pen: Option<Pen>,
    /// Where the next character written would go, when known.
    cursor: Option<Position>,
}

impl<W: Write> LeanBackend<W> {
    /// The backend writing to `writer`, knowing nothing yet of the terminal's state.
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            writer,
            pen: None,
            cursor: None,
        }
    }

    /// What has been written, for tests.
    pub fn writer(&self) -> &W {
        &self.writer
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out = String::new();
        for (x, y, cell) in content {
            move_to(&mut out, self.cursor, Position { x, y });
            let pen = Pen::of(cell);
            if self.pen != Some(pen) {
                set_pen(&mut out, self.pen, pen);
                self.pen = Some(pen);
            }
            let symbol = cell.symbol();
            out.push_str(symbol);
            // Only a character one column wide is followed without a move: the width of
            // a wider one is the terminal's to decide, as ratatui's own backend has it.
            self.cursor = (symbol.width() == 1).then(|| Position {
                x: x.saturating_add(1),
                y,
            });
        }
        // No background or reverse video left in force for a terminal to paint the cells
        // it adds with, when it grows.
        if let Some(pen) = self.pen
            && (pen.bg != Color::Reset || pen.modifier.contains(Modifier::REVERSED))
        {
            out.push_str("\x1b[0m");
            self.pen = Some(Pen::PLAIN);
        }
        self.writer.write_all(out.as_bytes())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        execute!(self.writer, cursor::MoveTo(position.x, position.y))?;
        self.cursor = Some(position);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    /// Clear with the pen plain, as a terminal may paint the cleared cells with what is in
    /// force (vt100 does, with every attribute), and forget where the cursor is.
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Plain whatever happened since the last frame (a suspend, a stop, a resize).
        self.writer.write_all(b"\x1b[0m")?;
        self.pen = Some(Pen::PLAIN);
        self.cursor = None;
        let clear_type = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        execute!(self.writer, terminal::Clear(clear_type))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Move the cursor from `from` (when known) to `to`, in the fewest bytes: nothing, a move
/// forward along the row (`CUF`), or to the place (`CUP`).
fn move_to(out: &mut String, from: Option<Position>, to: Position) {
    let (row, column) = (u32::from(to.y) + 1, u32::from(to.x) + 1);
    match from {
        Some(from) if from == to => {}
        Some(from) if from.y == to.y && from.x < to.x => match to.x - from.x {
            1 => out.push_str("\x1b[C"),
            n => {
                let _ = write!(out, "\x1b[{n}C");
            }
        },
        _ if column == 1 => {
            let _ = write!(out, "\x1b[{row}H");
        }
        _ => {
            let _ = write!(out, "\x1b[{row};{column}H");
        }
    }
}

/// One `SGR` from the pen in force (`None`: unknown) to `to`. An attribute switched off,
/// or an unknown pen, starts from `SGR 0`: shorter than switching each off, and exact.
fn set_pen(out: &mut String, from: Option<Pen>, to: Pen) {
    let mut codes = String::new();
    let from = match from {
        Some(from) if from.modifier.difference(to.modifier).is_empty() => from,
        _ => {
            codes.push('0');
            Pen::PLAIN
        }
    };
    let mut code = |text: &str| {
        if !codes.is_empty() {
            codes.push(';');
        }
        codes.push_str(text);
    };
    for (modifier, sgr) in ATTRIBUTES {
        if to.modifier.contains(modifier) && !from.modifier.contains(modifier) {
            code(&sgr.to_string());
        }
    }
    // The foreground's code depends on bold: written again when bold comes or goes.
    let fg = foreground(to.fg, to.modifier);
    if fg != foreground(from.fg, from.modifier) {
        code(&fg);
    }
    if to.bg != from.bg {
        code(&background(to.bg));
    }
    if !codes.is_empty() {
        let _ = write!(out, "\x1b[{codes}m");
    }
}

/// The `SGR` of a foreground colour under `modifier`: the first eight colours in their
/// short form (`32`) unless bold, and otherwise as crossterm writes them (`38;5;2`), so
/// that bold text looks as it does through crossterm's backend (a terminal may brighten
/// bold text in the short form, never in the long one).
fn foreground(colour: Color, modifier: Modifier) -> String {
    match index(colour) {
        Some(index) if index < 8 && !modifier.contains(Modifier::BOLD) => format!("3{index}"),
        _ => long_form(colour, 38),
    }
}

/// The `SGR` of a background colour: the first eight in their short form (`41`).
fn background(colour: Color) -> String {
    match index(colour) {
        Some(index) if index < 8 => format!("4{index}"),
        _ => long_form(colour, 48),
    }
}

/// The `SGR` of a colour as foreground (`base` 38) or background (48), as crossterm writes
/// it: the sixteen named colours by their index in the 256-colour table.
fn long_form(colour: Color, base: u8) -> String {
    match (colour, index(colour)) {
        (Color::Rgb(r, g, b), _) => format!("{base};2;{r};{g};{b}"),
        (_, Some(index)) => format!("{base};5;{index}"),
        _ => (base + 1).to_string(),
    }
}

/// A colour's index in the 256-colour table; none for the default and true colours.
fn index(colour: Color) -> Option<u8> {
    Some(match colour {
        Color::Reset | Color::Rgb(..) => return None,
        Color::Indexed(index) => index,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    })
}

#[cfg(test)]
mod tests;
