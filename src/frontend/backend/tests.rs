//! The bytes the lean backend writes, exactly; and that any sequence of frames written
//! through it leaves on a terminal (vt100's emulator) exactly the cells of the last frame.

use proptest::prelude::*;
use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::LeanBackend;

/// Draw the difference from `before` to `after`, and what it wrote.
fn draw(backend: &mut LeanBackend<Vec<u8>>, before: &Buffer, after: &Buffer) -> String {
    let start = backend.writer().len();
    backend.draw(before.diff(after).into_iter()).unwrap();
    String::from_utf8(backend.writer()[start..].to_vec()).unwrap()
}

fn blank() -> Buffer {
    Buffer::empty(Rect::new(0, 0, 10, 3))
}

#[test]
fn a_frame_moves_along_a_row_and_sets_only_what_changes() {
    let mut backend = LeanBackend::new(Vec::new());
    let mut first = blank();
    first.set_string(0, 0, "ab", Style::new());
    first.set_string(5, 0, "c", Style::new().bold().fg(Color::Green));
    first.set_string(6, 0, "d", Style::new().bold().fg(Color::Green));
    first.set_string(0, 2, "e", Style::new());
    assert_eq!(
        draw(&mut backend, &blank(), &first),
        // Unknown at first: SGR 0. Along the row, CUF; a new row at its start, CUP with
        // the row alone; bold switched off, SGR 0 again.
        "\x1b[1H\x1b[0mab\x1b[3C\x1b[1;38;5;2mcd\x1b[3H\x1b[0me"
    );
    // The pen is remembered from one frame to the next: nothing to set for plain text.
    let mut second = first.clone();
    second.set_string(1, 1, "f", Style::new());
    assert_eq!(draw(&mut backend, &first, &second), "\x1b[2;2Hf");
    // Adding an attribute adds its code alone; a colour is written as crossterm does.
    let mut third = second.clone();
    third.set_string(3, 1, "g", Style::new().italic().fg(Color::Indexed(200)));
    third.set_string(4, 1, "h", Style::new().fg(Color::Rgb(1, 2, 3)));
    assert_eq!(
        draw(&mut backend, &second, &third),
        "\x1b[C\x1b[3;38;5;200mg\x1b[0;38;2;1;2;3mh"
    );
    // The first eight colours are short, but in bold as crossterm writes them, which no
    // terminal brightens: so bold coming writes the colour again.
    let mut fourth = third.clone();
    fourth.set_string(5, 1, "i", Style::new().fg(Color::Green));
    fourth.set_string(6, 1, "j", Style::new().bold().fg(Color::Green));
    assert_eq!(
        draw(&mut backend, &third, &fourth),
        "\x1b[32mi\x1b[1;38;5;2mj"
    );
}

#[test]
fn no_background_or_reverse_video_is_left_in_force_after_a_frame() {
    let mut backend = LeanBackend::new(Vec::new());
    let mut first = blank();
    first.set_string(0, 0, "a", Style::new().bg(Color::Red));
    assert_eq!(
        draw(&mut backend, &blank(), &first),
        "\x1b[1H\x1b[0;41ma\x1b[0m"
    );
    let mut second = first.clone();
    second.set_string(1, 0, "b", Style::new().reversed());
    assert_eq!(draw(&mut backend, &first, &second), "\x1b[7mb\x1b[0m");
    // Bold and a foreground colour stay: a clear paints with neither.
    let mut third = second.clone();
    third.set_string(2, 0, "c", Style::new().bold().fg(Color::Gray));
    assert_eq!(draw(&mut backend, &second, &third), "\x1b[1;38;5;7mc");
}

#[test]
fn after_a_wide_character_the_place_is_set_again_and_a_clear_starts_plain() {
    let mut backend = LeanBackend::new(Vec::new());
    let mut first = blank();
    first.set_string(0, 0, "中x", Style::new());
    assert_eq!(
        draw(&mut backend, &blank(), &first),
        "\x1b[1H\x1b[0m中\x1b[1;3Hx"
    );
    backend.clear_region(ClearType::All).unwrap();
    let start = backend.writer().len();
    let mut second = blank();
    second.set_string(3, 0, "y", Style::new());
    backend.draw(blank().diff(&second).into_iter()).unwrap();
    let written = String::from_utf8(backend.writer()[start..].to_vec()).unwrap();
    assert_eq!(written, "\x1b[1;4Hy");
    // The clear itself starts from a plain pen.
    assert!(
        String::from_utf8_lossy(backend.writer()).contains("\x1b[0m\x1b[2J"),
        "{:?}",
        String::from_utf8_lossy(backend.writer())
    );
}

/// The colour vt100 reads for a colour of ratatui.
fn seen(colour: Color) -> vt100::Color {
    match colour {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(index) => vt100::Color::Idx(index),
        named => {
            let names = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ];
            let index = names.iter().position(|name| *name == named).unwrap();
            vt100::Color::Idx(u8::try_from(index).unwrap())
        }
    }
}

fn colours() -> impl Strategy<Value = Color> {
    prop_oneof![
        Just(Color::Reset),
        Just(Color::Green),
        Just(Color::Gray),
        Just(Color::LightRed),
        Just(Color::White),
        (0u8..=255).prop_map(Color::Indexed),
        (0u8..=255, 0u8..=255, 0u8..=255).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

fn modifiers() -> impl Strategy<Value = Modifier> {
    (0u16..32)
        .prop_map(|bits| {
            [
                Modifier::BOLD,
                Modifier::DIM,
                Modifier::ITALIC,
                Modifier::UNDERLINED,
                Modifier::REVERSED,
            ]
            .into_iter()
            .enumerate()
            .filter(|(bit, _)| bits & (1 << bit) != 0)
            .fold(Modifier::empty(), |all, (_, modifier)| all | modifier)
        })
        // vt100 keeps one intensity, bold or dim, as many terminals do.
        .prop_filter("bold and dim", |modifier| {
            !modifier.contains(Modifier::BOLD | Modifier::DIM)
        })
}

/// One write to a frame: where, what, and how.
type Write = (u16, u16, &'static str, Color, Color, Modifier);

fn writes() -> impl Strategy<Value = Vec<Write>> {
    let symbol = prop::sample::select(vec!["a", "b", " ", "█", "⣿", "·", "━"]);
    prop::collection::vec(
        (0u16..12, 0u16..4, symbol, colours(), colours(), modifiers()),
        0..30,
    )
}

proptest! {
    #![proptest_config(crate::testing::proptest_config())]

    #[test]
    fn the_terminal_shows_exactly_the_last_frame(
        frames in prop::collection::vec(writes(), 1..6),
        clear_before in prop::collection::vec(any::<bool>(), 6),
    ) {
        let area = Rect::new(0, 0, 12, 4);
        let mut backend = LeanBackend::new(Vec::new());
        let mut terminal = vt100::Parser::new(4, 12, 0);
        let mut shown = Buffer::empty(area);
        let mut fed = 0;
        for (frame, clear) in frames.into_iter().zip(clear_before) {
            if clear {
                backend.clear_region(ClearType::All).unwrap();
                shown = Buffer::empty(area);
            }
            let mut next = shown.clone();
            for (x, y, symbol, fg, bg, modifier) in frame {
                let cell = &mut next[(x, y)];
                cell.set_symbol(symbol);
                (cell.fg, cell.bg, cell.modifier) = (fg, bg, modifier);
            }
            backend.draw(shown.diff(&next).into_iter()).unwrap();
            terminal.process(&backend.writer()[fed..]);
            fed = backend.writer().len();
            shown = next;
            for y in 0..4 {
                for x in 0..12 {
                    let want = &shown[(x, y)];
                    let cell = terminal.screen().cell(y, x).unwrap();
                    let contents = match cell.contents() {
                        "" => " ",
                        text => text,
                    };
                    prop_assert_eq!(contents, want.symbol(), "at {},{}", x, y);
                    prop_assert_eq!(cell.fgcolor(), seen(want.fg), "fg at {},{}", x, y);
                    prop_assert_eq!(cell.bgcolor(), seen(want.bg), "bg at {},{}", x, y);
                    let modifier = want.modifier;
                    prop_assert_eq!(cell.bold(), modifier.contains(Modifier::BOLD));
                    prop_assert_eq!(cell.dim(), modifier.contains(Modifier::DIM));
                    prop_assert_eq!(cell.italic(), modifier.contains(Modifier::ITALIC));
                    prop_assert_eq!(cell.underline(), modifier.contains(Modifier::UNDERLINED));
                    prop_assert_eq!(cell.inverse(), modifier.contains(Modifier::REVERSED));
                }
            }
        }
    }
}
