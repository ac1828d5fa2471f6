//! The `guide` command: a routine, or one stretch of the library, to read before getting
//! on the floor: for each stretch its figure, its name, level, sides, reps and hold, how
//! to do it, wrapped to the terminal, and its cues. Plain text without escapes when it is
//! not on a terminal, so that it can be printed on paper.

use std::fmt::Write as _;

use crate::commands::{as_run, load_valid};
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::figure::Figure;
use stretch_timer::frontend::figure::text_lines;
use stretch_timer::frontend::output::{colour_on_stdout, print_stdout, print_styled, stdout_width};
use stretch_timer::frontend::screen::wrap;
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::suggest::closest;
use stretch_timer::routine::text::{terminal_safe, terminal_safe_multiline};
use stretch_timer::routine::{Cue, Routine, Sides, Stretch, catalog, duration, library, pose};

/// The width the guide is wrapped to off a terminal, as on paper.
const PAPER_WIDTH: u16 = 80;

/// The widest the guide's text gets on a wide terminal: longer lines are hard to follow.
const MOST_WIDTH: u16 = 100;

/// Print the guide to `name`: a routine (a path, or the name of one of the user's or a
/// built-in one), else the stretch of the library with that id. A routine's holds are
/// those `run` would take with the `settings` in effect for it.
pub fn run(name: &str, settings: &Resolved) -> Result<(), Error> {
    let width = stdout_width().unwrap_or(PAPER_WIDTH).clamp(20, MOST_WIDTH);
    let bold = colour_on_stdout();
    let guide = match catalog::find(name) {
        Ok(_) => {
            let found = load_valid(name)?;
            let routine = as_run(&found.routine, &found.name, settings);
            routine_guide(&found.name, &routine, width, bold)
        }
        Err(not_a_routine) => match library::find(name) {
            Some(stretch) => stretch_guide(stretch, None, width, bold),
            None => return Err(unknown(name, &not_a_routine)),
        },
    };
    // Bold is the only style, and only where colour is wanted; the text in it is safe.
    if bold {
        print_styled(&guide)?;
    } else {
        print_stdout(&guide)?;
    }
    Ok(())
}

/// Neither a routine nor a stretch: the likely one meant, of either.
fn unknown(name: &str, not_a_routine: &anyhow::Error) -> Error {
    let ids: Vec<&str> = library::stretches().iter().map(|s| s.id.as_str()).collect();
    let safe = terminal_safe(name);
    match closest(name, &ids) {
        Some(id) => Error::Usage(format!(
            "no routine or stretch named `{safe}`; did you mean the stretch `{id}`?"
        )),
        None => Error::Usage(format!(
            "{not_a_routine:#}; nor is it a stretch of the library (`stretch list --stretches`)"
        )),
    }
}

/// The guide to a whole routine, `name` as `run` takes it: what it is for and its
/// reminders, then every stretch.
fn routine_guide(name: &str, routine: &Routine, width: u16, bold: bool) -> String {
    let count = routine.stretches.len();
    let title = if routine.name == name {
        String::new()
    } else {
        format!(": {}", terminal_safe(&routine.name))
    };
    let mut out = format!(
        "{}{title} ({} stretch{}, level: {}, {} in all)\n",
        strong(&terminal_safe(name), bold),
        count,
        if count == 1 { "" } else { "es" },
        routine.level.as_str(),
        duration::format(Timeline::new(routine).total)
    );
    if !routine.description.is_empty() {
        out.push('\n');
        paragraph(&mut out, &routine.description, width);
    }
    if !routine.cues.is_empty() {
        out.push_str("\nThrough every hold:\n");
        for cue in &routine.cues {
            bullet(&mut out, &terminal_safe(cue), width);
        }
    }
    for (index, stretch) in routine.stretches.iter().enumerate() {
        out.push('\n');
        out.push_str(&stretch_guide(stretch, Some(index + 1), width, bold));
    }
    out
}

/// The guide to one stretch, numbered when it is one of a routine's.
fn stretch_guide(stretch: &Stretch, number: Option<usize>, width: u16, bold: bool) -> String {
    let mut out = String::new();
    if let Some(pose) = stretch.figure.as_deref().and_then(pose::find) {
        for line in text_lines(&Figure::of(pose)) {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    let name = terminal_safe(&stretch.name);
    let title = match number {
        Some(number) => format!("{number}. {name}"),
        None => name,
    };
    let _ = writeln!(out, "{}", strong(&title, bold));
    let details = details(stretch, !out.is_empty());
    paragraph(&mut out, &details, width);
    if !stretch.how.trim().is_empty() {
        out.push('\n');
        paragraph(&mut out, &stretch.how, width);
    }
    if !stretch.cues.is_empty() {
        out.push('\n');
        for cue in &stretch.cues {
            let text = match cue {
                Cue::Rotating(text) => terminal_safe(text),
                Cue::Timed { at, text } => {
                    format!("at {}: {}", duration::format(*at), terminal_safe(text))
                }
            };
            bullet(&mut out, &text, width);
        }
    }
    out
}

/// "level: beginner · reps: 1 · hold: 30s", then the sides on a line of their own,
/// saying which side a figure shows when `figure` is drawn.
fn details(stretch: &Stretch, figure: bool) -> String {
    let level = stretch.level.map_or("any", |level| level.as_str());
    let sides = match stretch.sides {
        Sides::None => "sides: none".to_owned(),
        Sides::Both => {
            let label = terminal_safe(&stretch.side_label);
            let shown = if figure {
                "; the figure shows the left"
            } else {
                ""
            };
            format!("sides: left {label}, then right {label}{shown}")
        }
    };
    format!(
        "level: {level} · reps: {} · hold: {}\n{sides}",
        stretch.reps,
        duration::format(stretch.hold)
    )
}

/// `text`, made safe and wrapped to `width`.
fn paragraph(out: &mut String, text: &str, width: u16) {
    for line in wrap(&terminal_safe_multiline(text), width, usize::MAX) {
        let _ = writeln!(out, "{line}");
    }
}

/// `text` after a bullet, its further lines under the text.
fn bullet(out: &mut String, text: &str, width: u16) {
    let lines = wrap(text, width.saturating_sub(4), usize::MAX);
    for (index, line) in lines.iter().enumerate() {
        let mark = if index == 0 { "  • " } else { "    " };
        let _ = writeln!(out, "{mark}{line}");
    }
}

/// `text` in bold where output may be styled.
fn strong(text: &str, bold: bool) -> String {
    if bold {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stretch_guide_has_its_figure_its_details_how_and_cues_in_that_order() {
        let stretch = library::find("standing-heel-on-step").expect("a stretch");
        let guide = stretch_guide(stretch, Some(3), 60, false);
        let figure_end = guide.find("\n\n").expect("a figure, then a blank line");
        assert!(
            guide[..figure_end]
                .chars()
                .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
        );
        let at = |text: &str| {
            guide
                .find(text)
                .unwrap_or_else(|| panic!("{text} in\n{guide}"))
        };
        assert!(figure_end < at("3. Standing hamstring stretch, heel on a step\n"));
        assert!(at("3. Standing") < at("\nlevel: beginner · reps: 1 · hold: 30s\n"));
        assert!(at("hold: 30s") < at("\nsides: left leg, then right leg; the figure shows"));
        assert!(at("the figure shows the left\n") < at("Stand facing a low step"));
        assert!(at("Stand facing") < at("  • Lean forward from the hips"));
        assert!(guide.contains("  • at 15s: Breathe out and let the back of the leg soften\n"));
        assert!(
            guide.lines().all(|line| line.chars().count() <= 60),
            "{guide}"
        );
        assert!(!guide.contains('\x1b'));
    }

    #[test]
    fn bold_is_the_only_escape_and_only_when_asked() {
        let stretch = library::find("chin-tuck").expect("a stretch");
        let plain = stretch_guide(stretch, None, 80, false);
        let styled = stretch_guide(stretch, None, 80, true);
        assert_eq!(styled.replace("\x1b[1m", "").replace("\x1b[0m", ""), plain);
        assert!(styled.contains("\x1b[1mChin tuck\x1b[0m"));
    }
}
