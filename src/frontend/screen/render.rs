//! Drawing a laid-out frame into a buffer: the styles of its parts, the big digits, the
//! progress bar, and the overlay that lists the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, LineGauge, Paragraph, Widget};

use super::digits;
use super::layout::{Part, Placed};
use super::text::text_width;
use crate::figure::Figure;
use crate::frontend::figure::{self as drawing, Pen};
use crate::plan::timeline::PhaseKind;

/// The keys of a run: each key, what the `?` overlay says of it, and what the manual
/// page says.
pub const KEYS: [(&str, &str, &str); 9] = [
    ("space", "pause or resume", "Pause, or resume."),
    ("n  →", "skip to the next phase", "Skip to the next phase."),
    (
        "b  ←",
        "back to this hold's start; in its first 3 s, the hold before",
        "Back, as a media player: more than 3 s into a hold, to its start; within its first 3 s or in a gap, to the start of the hold before.",
    ),
    (
        "+  =",
        "5 seconds more",
        "Add 5 seconds to the current phase.",
    ),
    (
        "-",
        "5 seconds less",
        "Take 5 seconds from the current phase.",
    ),
    (
        "?  h",
        "show or hide the keys",
        "Show the keys; the run pauses while they are shown, and resumes when they close unless you paused it yourself.",
    ),
    ("q  Esc", "quit", "Stop (exit status 0)."),
    (
        "Ctrl-C",
        "stop at once",
        "Stop (exit status 130, as for SIGINT).",
    ),
    (
        "Ctrl-Z",
        "suspend; `fg` resumes",
        "Suspend: the terminal is given back and the program stops; fg resumes it.",
    ),
];

/// Styles: one accent colour per kind of phase, so a glance tells a hold from a gap.
pub struct Look {
    /// False when the user asked for no colour: only bold, dim and reversed text then.
    pub colour: bool,
    /// The kind of phase the frame shows, which picks the accent colour.
    pub kind: PhaseKind,
    /// Whether the countdown is paused, which dims it and marks the title.
    pub paused: bool,
}

impl Look {
    fn fg(&self, color: Color) -> Style {
        if self.colour {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    fn accent(&self) -> Style {
        let color = match self.kind {
            PhaseKind::Hold => Color::Green,
            PhaseKind::LeadIn => Color::Yellow,
            PhaseKind::Switch => Color::Magenta,
            PhaseKind::Rest => Color::Cyan,
        };
        self.fg(color)
    }

    fn countdown(&self) -> Style {
        let style = self.accent().add_modifier(Modifier::BOLD);
        if self.paused {
            style.add_modifier(Modifier::DIM)
        } else {
            style
        }
    }

    fn title(&self) -> Style {
        if self.paused {
            let style = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
            if self.colour {
                style.fg(Color::Yellow)
            } else {
                style
            }
        } else {
            self.accent().add_modifier(Modifier::BOLD)
        }
    }

    fn quiet(&self) -> Style {
        self.fg(Color::Gray)
    }

    /// The style of the lines of `part`.
    fn of(&self, part: Part) -> Style {
        match part {
            Part::Title => self.title(),
            Part::Countdown { .. } => self.countdown(),
            Part::Stretch | Part::Cue => Style::new().add_modifier(Modifier::BOLD),
            Part::Progress | Part::Gauge { .. } | Part::Reminders | Part::Hints => self.quiet(),
            Part::How | Part::Figure => Style::new(),
        }
    }
}

/// Draws the laid-out `parts` of a frame into `buf`, the figure's part showing `figure`.
pub fn render(buf: &mut Buffer, parts: &[Placed], look: &Look, figure: Option<&Figure>) {
    for placed in parts {
        let first = placed.lines.first().map_or("", String::as_str);
        let style = look.of(placed.part);
        match placed.part {
            Part::Countdown { size: Some(size) } => {
                digits::draw(buf, placed.rect, first, size, style);
            }
            Part::Figure => {
                if let Some(figure) = figure {
                    let pen = Pen {
                        colour: look.colour,
                    };
                    drawing::draw(buf, placed.rect, figure, pen);
                }
            }
            Part::How => render_lines(buf, placed.rect, &placed.lines, style, Alignment::Left),
            Part::Countdown { size: None } => Paragraph::new(first)
                .style(style)
                .alignment(Alignment::Center)
                .render(placed.rect, buf),
            Part::Gauge { ratio } => LineGauge::default()
                .ratio(ratio)
                .label(first)
                .filled_symbol(symbols::line::THICK_HORIZONTAL)
                .unfilled_symbol(symbols::line::HORIZONTAL)
                .filled_style(look.accent())
                .unfilled_style(style)
                .render(placed.rect, buf),
            _ => render_lines(buf, placed.rect, &placed.lines, style, Alignment::Center),
        }
    }
}

/// Lines aligned in `rect` as `alignment` says, one per row from its top.
fn render_lines(
    buf: &mut Buffer,
    rect: Rect,
    lines: &[String],
    style: Style,
    alignment: Alignment,
) {
    for (y, line) in (rect.y..).zip(lines) {
        let row = Rect {
            y,
            height: 1,
            ..rect
        };
        Paragraph::new(Line::from(line.as_str()))
            .style(style)
            .alignment(alignment)
            .render(row, buf);
    }
}

/// Draws the overlay that lists the keys in the middle of `area`.
pub fn help(buf: &mut Buffer, area: Rect, look: &Look) {
    let key_width = KEYS
        .iter()
        .map(|(key, _, _)| text_width(key))
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(key, what, _)| {
            Line::from(vec![
                Span::styled(
                    format!(" {key:<key_width$}  "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(*what),
            ])
        })
        .collect();
    let inner_width = lines.iter().map(Line::width).max().unwrap_or(0) + 1;
    let width = u16::try_from(inner_width + 2)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" Keys ")
                .border_style(look.accent()),
        )
        .render(rect, buf);
}
