//! Drawing one frame of the full-screen countdown from the engine's view. No state, no input.
//!
//! The frame is laid out by priority so that it works at any size: the countdown, the
//! phase and the stretch come first, then the current cue and the routine's reminders,
//! the progress bar, the routine's progress and the key hints; what is left makes the
//! digits big and shows how to get into the next stretch. Whatever does not fit is left
//! out rather than squeezed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, LineGauge, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

pub mod digits;

use crate::frontend::words;
use crate::plan::engine::View;
use crate::plan::timeline::PhaseKind;
use crate::routine::Routine;
use crate::routine::duration::{self, short_clock};
use crate::routine::text::{terminal_safe, terminal_safe_multiline};

/// What stays the same from one frame to the next.
pub struct Screen<'a> {
    pub routine: &'a Routine,
    /// The `?` overlay listing the keys.
    pub help_visible: bool,
    /// False when the user asked for no colour (`NO_COLOR`).
    pub colour: bool,
}

/// `NO_COLOR` set to anything but the empty string turns colour off (see no-color.org).
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// The keys, as the help overlay lists them.
const KEYS: [(&str, &str); 8] = [
    ("space", "pause or resume"),
    ("n  →", "skip to the next phase"),
    ("b  ←", "back to the previous hold"),
    ("+  =", "5 seconds more"),
    ("-", "5 seconds less"),
    ("?  h", "show or hide the keys"),
    ("q  Esc", "quit"),
    ("Ctrl-C", "stop at once"),
];

/// Ways to draw the countdown, biggest first: the glyph size and how many columns and
/// rows one character of the 8x8 font takes.
const DIGIT_SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

impl Screen<'_> {
    pub fn draw(&self, frame: &mut Frame, view: &View) {
        let area = frame.area();
        if area.is_empty() {
            return;
        }
        let text = FrameText::new(self.routine, view);
        let look = Look {
            colour: self.colour,
            kind: view.phase.kind,
            paused: view.paused,
        };
        let buf = frame.buffer_mut();
        draw_main(buf, area, &text, &look, view);
        if self.help_visible {
            draw_help(buf, area, &look);
        }
    }
}

/// Every piece of text a frame can show, already made safe for the terminal.
struct FrameText {
    title: &'static str,
    /// The stretch, side and rep.
    stretch: String,
    countdown: String,
    gauge_label: String,
    /// How far through the phase the countdown is, in whole seconds as shown.
    gauge_ratio: f64,
    cue: Option<String>,
    /// The routine's own cues, during holds.
    reminders: Vec<String>,
    /// How to get into the stretch that comes next, during the lead-in and rests.
    how: Option<String>,
    progress: String,
}

impl FrameText {
    fn new(routine: &Routine, view: &View) -> FrameText {
        let phase = view.phase;
        let stretch = routine.stretches.get(phase.stretch);
        let title = if view.finished {
            "Done"
        } else {
            words::phase_title(phase)
        };

        let mut about = Vec::new();
        if let Some(stretch) = stretch {
            about.push(terminal_safe(&stretch.name));
        }
        about.extend(phase.side.map(|side| words::side_label(side).to_owned()));
        about.extend(words::rep_label(routine, phase));

        let remaining = view.seconds_left();
        let total = duration::whole_seconds_up(view.phase_duration).max(remaining);
        let done = total - remaining;
        let gauge_ratio = if total == 0 {
            1.0
        } else {
            (done as f64 / total as f64).clamp(0.0, 1.0)
        };

        let cue = view.cue.map(terminal_safe);
        let reminders = if phase.kind == PhaseKind::Hold && !view.finished {
            routine
                .cues
                .iter()
                .map(|reminder| terminal_safe(reminder))
                .filter(|reminder| Some(reminder) != cue.as_ref())
                .collect()
        } else {
            Vec::new()
        };
        let how = match phase.kind {
            PhaseKind::LeadIn | PhaseKind::Rest => stretch
                .map(|s| terminal_safe_multiline(&s.how))
                .filter(|how| !how.trim().is_empty()),
            PhaseKind::Hold | PhaseKind::Switch => None,
        };

        let progress = format!(
            "{} · {} · {} left",
            terminal_safe(&routine.name),
            words::stretch_progress(routine, phase),
            short_clock(view.routine_seconds_left()),
        );

        FrameText {
            title,
            stretch: about.join(" · "),
            countdown: countdown(remaining),
            gauge_label: format!("{} / {}", short_clock(done), short_clock(total)),
            gauge_ratio,
            cue,
            reminders,
            how,
            progress,
        }
    }
}

/// Styles: one accent colour per kind of phase, so a glance tells a hold from a gap.
struct Look {
    colour: bool,
    kind: PhaseKind,
    paused: bool,
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

fn draw_main(buf: &mut Buffer, area: Rect, text: &FrameText, look: &Look, view: &View) {
    let width = area.width;
    let mut budget = Budget { left: area.height };

    let mut countdown_rows = budget.take(1);
    let title_text = if view.paused {
        format!("PAUSED · {} · space resumes", text.title)
    } else {
        text.title.to_owned()
    };
    let title = wrap(&title_text, width, usize::from(budget.take(1)));
    let stretch = fitted(&mut budget, wrap(&text.stretch, width, 2));
    let cue = match &text.cue {
        Some(cue) => fitted(&mut budget, wrap(cue, width, 3)),
        None => Vec::new(),
    };
    let mut reminders = Vec::new();
    for reminder in &text.reminders {
        let lines = wrap(&format!("· {reminder}"), width, 3);
        if lines.len() > usize::from(budget.left) {
            break;
        }
        budget.take(lines.len());
        reminders.extend(lines);
    }
    let gauge_rows = budget.take(1);
    // Big digits before the routine's progress and the key hints, biggest after them.
    let characters = text.countdown.chars().count() as u16;
    let mut digit_size = None;
    if let Some((size, rows)) = digit_size_for(characters, width, budget.left + 1, 4) {
        budget.take(usize::from(rows - countdown_rows));
        (digit_size, countdown_rows) = (Some(size), rows);
    }
    let progress = wrap(&text.progress, width, usize::from(budget.take(1)));
    let hints = hint_line(width, view.paused, budget.take(1));
    if let Some((size, rows)) = digit_size_for(characters, width, budget.left + countdown_rows, 8) {
        budget.take(usize::from(rows - countdown_rows));
        (digit_size, countdown_rows) = (Some(size), rows);
    }
    // Keep a row for each gap between the groups below when the text would fill them.
    let how = match &text.how {
        Some(how) => wrap(how, width, usize::from(budget.left.saturating_sub(3))),
        None => Vec::new(),
    };
    budget.take(how.len());

    // The middle of the screen, between the progress line at the top and the hints at
    // the bottom: groups separated by a blank row where there is room, centred.
    let groups: [u16; 4] = [
        (title.len() + stretch.len()) as u16,
        countdown_rows,
        gauge_rows,
        (cue.len() + reminders.len() + how.len()) as u16,
    ];
    let present = groups.iter().filter(|&&rows| rows > 0).count() as u16;
    let gap = if budget.left >= present.saturating_sub(1) {
        1
    } else {
        0
    };
    let spare = budget.left - gap * present.saturating_sub(1);
    let mut y = area.y;

    if !progress.is_empty() {
        render_lines(buf, area, &mut y, &progress, look.quiet());
    }
    y += spare / 2;
    let mut first = true;
    for (group, rows) in groups.iter().enumerate() {
        if *rows == 0 {
            continue;
        }
        if !first {
            y += gap;
        }
        first = false;
        match group {
            0 => {
                render_lines(buf, area, &mut y, &title, look.title());
                render_lines(
                    buf,
                    area,
                    &mut y,
                    &stretch,
                    Style::new().add_modifier(Modifier::BOLD),
                );
            }
            1 => {
                let rect = Rect {
                    x: area.x,
                    y,
                    width,
                    height: countdown_rows,
                };
                render_countdown(buf, rect, &text.countdown, digit_size, look.countdown());
                y += countdown_rows;
            }
            2 => {
                let gauge_width = width.min(60);
                let rect = Rect {
                    x: area.x + (width - gauge_width) / 2,
                    y,
                    width: gauge_width,
                    height: 1,
                };
                LineGauge::default()
                    .ratio(text.gauge_ratio)
                    .label(text.gauge_label.as_str())
                    .filled_symbol(symbols::line::THICK_HORIZONTAL)
                    .unfilled_symbol(symbols::line::HORIZONTAL)
                    .filled_style(look.accent())
                    .unfilled_style(look.quiet())
                    .render(rect, buf);
                y += 1;
            }
            _ => {
                render_lines(
                    buf,
                    area,
                    &mut y,
                    &cue,
                    Style::new().add_modifier(Modifier::BOLD),
                );
                render_lines(buf, area, &mut y, &reminders, look.quiet());
                render_lines(buf, area, &mut y, &how, Style::new());
            }
        }
    }
    if let Some(hints) = hints {
        let mut bottom = area.bottom() - 1;
        render_lines(buf, area, &mut bottom, &[hints], look.quiet());
    }
}

/// As many of `lines` as the budget allows, taking their rows from it.
fn fitted(budget: &mut Budget, mut lines: Vec<String>) -> Vec<String> {
    let rows = budget.take(lines.len());
    lines.truncate(usize::from(rows));
    lines
}

/// Centred lines, one per row from `y` on.
fn render_lines(buf: &mut Buffer, area: Rect, y: &mut u16, lines: &[String], style: Style) {
    for line in lines {
        let rect = Rect {
            x: area.x,
            y: *y,
            width: area.width,
            height: 1,
        };
        Paragraph::new(Line::from(line.as_str()))
            .style(style)
            .alignment(Alignment::Center)
            .render(rect, buf);
        *y += 1;
    }
}

fn render_countdown(
    buf: &mut Buffer,
    rect: Rect,
    countdown: &str,
    size: Option<PixelSize>,
    style: Style,
) {
    match size {
        Some(size) => BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(countdown.to_owned())])
            .centered()
            .build()
            .render(rect, buf),
        None => Paragraph::new(countdown)
            .style(style)
            .alignment(Alignment::Center)
            .render(rect, buf),
    }
}

/// The widest digits `height` rows high that fit in `width` columns and `rows` rows.
fn digit_size_for(characters: u16, width: u16, rows: u16, height: u16) -> Option<(PixelSize, u16)> {
    DIGIT_SIZES
        .into_iter()
        .find(|&(_, columns, glyph_rows)| {
            glyph_rows == height && height <= rows && characters * columns <= width
        })
        .map(|(size, _, glyph_rows)| (size, glyph_rows))
}

/// The widest set of key hints that fits, if there is a row for it.
fn hint_line(width: u16, paused: bool, rows: u16) -> Option<String> {
    if rows == 0 {
        return None;
    }
    let pause = if paused {
        "space resume"
    } else {
        "space pause"
    };
    let candidates = [
        format!("{pause} · n next · b back · +/- 5s · ? keys · q quit"),
        format!("{pause} · n · b · +/- · ? keys · q quit"),
        "? keys · q quit".to_owned(),
        "?".to_owned(),
    ];
    candidates
        .into_iter()
        .find(|hint| text_width(hint) <= usize::from(width))
}

fn draw_help(buf: &mut Buffer, area: Rect, look: &Look) {
    let key_width = KEYS
        .iter()
        .map(|(key, _)| text_width(key))
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(key, what)| {
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

/// The big countdown: plain seconds under a minute, where they are easiest to read.
fn countdown(seconds: u64) -> String {
    if seconds < 60 {
        seconds.to_string()
    } else {
        short_clock(seconds)
    }
}

fn text_width(text: &str) -> usize {
    Span::raw(text).width()
}

/// `text` in lines of at most `width` columns, broken at white space (a word longer than
/// a line is cut), each line of the text starting a new one; at most `max_lines` lines,
/// the last ending in "…" when the text was cut short.
fn wrap(text: &str, width: u16, max_lines: usize) -> Vec<String> {
    let width = usize::from(width);
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            let word_width = text_width(word);
            if !line.is_empty() && line_width + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += 1 + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            for c in word.chars() {
                let c_width = text_width(c.encode_utf8(&mut [0; 4]));
                if !line.is_empty() && line_width + c_width > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(last) + 1 > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::timeline::Timeline;
    use crate::routine::{Cue, Level, Sides, Stretch};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::time::Duration;

    const BOUNCE: &str = "Don't bounce: bouncing makes the muscle tighten, not relax.";
    const GENTLE: &str = "Hold at a comfortable, pain-free level where you feel a stretch.";

    fn secs(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    fn stretch(id: &str, name: &str, how: &str, sides: Sides, reps: u32, cues: &[&str]) -> Stretch {
        Stretch {
            id: id.to_owned(),
            name: name.to_owned(),
            level: None,
            how: how.to_owned(),
            hold: secs(30),
            sides,
            reps,
            cues: cues
                .iter()
                .map(|cue| Cue::Rotating((*cue).to_owned()))
                .collect(),
        }
    }

    fn routine() -> Routine {
        Routine {
            name: "Hamstrings".to_owned(),
            description: String::new(),
            level: Level::All,
            hold: secs(30),
            rest: secs(10),
            switch: secs(5),
            lead_in: secs(5),
            cues: vec![BOUNCE.to_owned(), GENTLE.to_owned()],
            stretches: vec![
                stretch(
                    "lying-strap",
                    "Lying strap stretch",
                    "Lie on your back and loop a strap around one foot.",
                    Sides::Both,
                    1,
                    &["Keep the other leg flat on the floor."],
                ),
                stretch(
                    "toe-touch",
                    "Toe touch",
                    "Stand with your feet hip-width apart.\nLean forward at the hips.",
                    Sides::None,
                    2,
                    &[],
                ),
            ],
        }
    }

    /// The view of phase `index` with `left` of it to go.
    fn view<'a>(
        timeline: &'a Timeline,
        index: usize,
        left: Duration,
        cue: Option<&'a str>,
    ) -> View<'a> {
        let phase = &timeline.phases[index];
        View {
            index,
            phase,
            phase_duration: phase.duration,
            elapsed: phase.duration - left,
            remaining: left,
            cue,
            paused: false,
            finished: false,
            routine_remaining: timeline.total - (phase.start + phase.duration) + left,
        }
    }

    fn index_of(timeline: &Timeline, kind: PhaseKind) -> usize {
        timeline
            .phases
            .iter()
            .position(|phase| phase.kind == kind)
            .expect("phase kind in timeline")
    }

    fn render(screen: &Screen, view: &View, width: u16, height: u16) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        terminal
            .draw(|frame| screen.draw(frame, view))
            .expect("draw");
        terminal.backend().buffer().clone()
    }

    fn screen(routine: &Routine) -> Screen<'_> {
        Screen {
            routine,
            help_visible: false,
            colour: true,
        }
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    fn text(buf: &Buffer) -> String {
        rows(buf).join("\n")
    }

    /// Where the big digits of `countdown` drawn at `size` appear in `buf`, if they do.
    fn find_big_digits(buf: &Buffer, countdown: &str, size: PixelSize) -> Option<(u16, u16)> {
        let (columns, rows) = match size {
            PixelSize::Full => (8, 8),
            PixelSize::HalfHeight => (8, 4),
            _ => (4, 4),
        };
        let area = Rect::new(0, 0, columns * countdown.len() as u16, rows);
        let mut digits = Buffer::empty(area);
        BigText::builder()
            .pixel_size(size)
            .lines(vec![Line::from(countdown.to_owned())])
            .build()
            .render(area, &mut digits);
        let fits_at = |x0: u16, y0: u16| {
            (0..area.height).all(|y| {
                (0..area.width).all(|x| buf[(x0 + x, y0 + y)].symbol() == digits[(x, y)].symbol())
            })
        };
        (0..=buf.area.height.checked_sub(area.height)?)
            .flat_map(|y| (0..=buf.area.width.saturating_sub(area.width)).map(move |x| (x, y)))
            .find(|&(x, y)| area.width <= buf.area.width && fits_at(x, y))
    }

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
            find_big_digits(&buf, "18", PixelSize::Full).is_some(),
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
            find_big_digits(&buf, "5", PixelSize::Full).is_some(),
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
                let cues =
                    std::iter::once(None).chain(schedule.iter().map(|(_, text)| Some(*text)));
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
                    let countdown = countdown(duration::whole_seconds_up(phase.duration));
                    let big = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
                        .into_iter()
                        .any(|size| find_big_digits(&buf, &countdown, size).is_some());
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
        for (key, what) in KEYS {
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
            let (x, y) = find_big_digits(&buf, "3", PixelSize::Full).expect("big 3");
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
            find_big_digits(&short, "18", PixelSize::HalfHeight).is_some(),
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
                    };
                    render(&screen, &view, width, height);
                }
            }
        }
    }

    #[test]
    fn numbers_read_as_a_countdown() {
        assert_eq!(
            duration::whole_seconds_up(Duration::from_millis(17_001)),
            18
        );
        assert_eq!(duration::whole_seconds_up(secs(18)), 18);
        assert_eq!(duration::whole_seconds_up(Duration::ZERO), 0);
        assert_eq!(countdown(0), "0");
        assert_eq!(countdown(59), "59");
        assert_eq!(countdown(60), "1:00");
        assert_eq!(countdown(600), "10:00");
    }

    #[test]
    fn wrapping_breaks_at_spaces_cuts_long_words_and_marks_what_is_left_out() {
        assert_eq!(
            wrap("hold at a comfortable level", 10, 9),
            ["hold at a", "comfortabl", "e level"]
        );
        assert_eq!(
            wrap("hold at a comfy level", 10, 9),
            ["hold at a", "comfy", "level"]
        );
        assert_eq!(wrap("abcdefghij", 4, 9), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("one two three four", 9, 1), ["one two…"]);
        assert_eq!(wrap("first\n\nsecond", 20, 9), ["first", "second"]);
        assert_eq!(wrap("長い名前", 4, 9), ["長い", "名前"]);
        assert_eq!(wrap("anything", 0, 9), Vec::<String>::new());
        assert_eq!(wrap("anything", 5, 0), Vec::<String>::new());
        assert_eq!(wrap("ab cd", 1, 1), ["…"]);
    }
}
