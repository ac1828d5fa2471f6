//! Problems found in a routine file, and their rendering in the style of rustc and cargo:
//! severity, message, `file:line:column`, the source line with a caret, and a hint.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer};
use serde::Serialize;

use crate::routine::problems::Problems;
use crate::routine::text::terminal_safe;

mod snippet;

use snippet::{ShownSource, SnippetBuilder};

/// A routine file's text as diagnostics refer to it. CRLF line endings are read as LF,
/// so a file reads the same whichever line endings it was saved with.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// How to name the file to the user: its path, or `builtin:NAME`.
    pub name: String,
    /// The file's text, with LF line endings.
    pub text: String,
    /// Where each line starts. A hostile file can have a hundred thousand problems:
    /// finding the line of each must not mean reading the file from the start again.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file named `name` (for the user) with the text `text`.
    pub fn new(name: impl Into<String>, text: &str) -> SourceFile {
        let text = text.replace("\r\n", "\n");
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let index = self.line_index(offset);
        let line_start = self.line_starts[index];
        (index + 1, self.text[line_start..offset].chars().count() + 1)
    }

    /// 0-based index of the line that holds a byte offset.
    fn line_index(&self, offset: usize) -> usize {
        // The first line starts at 0, so at least one start is at or before any offset.
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The whole lines that a span touches, as a byte range without the final newline,
    /// and the 1-based number of the first of them.
    fn lines_around(&self, span: &Range<usize>) -> (Range<usize>, usize) {
        let first = self.line_index(span.start.min(self.text.len()));
        let last = self.line_index(span.end.min(self.text.len())).max(first);
        let end = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |next| next - 1);
        (self.line_starts[first]..end, first + 1)
    }
}

/// One problem of a routine file: what is wrong, where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one line.
    pub message: String,
    /// Where the problem is, as a byte range of the file's text; `None` for a problem of
    /// the whole file.
    pub span: Option<Range<usize>>,
    /// A word or two shown under the span, such as "unknown key".
    pub label: Option<String>,
    /// Other places that explain this one, such as the first of two duplicates.
    pub notes: Vec<(Range<usize>, String)>,
    /// How to fix it, when that can be said.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error saying `message`, not yet placed in the file.
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: None,
            label: None,
            notes: Vec::new(),
            help: None,
        }
    }

    /// Placed at `span`, a byte range of the file's text.
    pub fn at(mut self, span: Range<usize>) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// With a label shown under its span.
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// With another place that explains it, and what that place is.
    pub fn note(mut self, span: Range<usize>, text: impl Into<String>) -> Diagnostic {
        self.notes.push((span, text.into()));
        self
    }

    /// With a hint on how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The first line of the problem, as `list` names an invalid routine.
    pub fn headline(&self, file: &SourceFile) -> String {
        match &self.span {
            Some(span) => {
                let (line, column) = file.line_column(span.start);
                format!("{}:{line}:{column}: {}", file.name, self.message)
            }
            None => format!("{}: {}", file.name, self.message),
        }
    }
}

/// The rustc-style report of the problems of one file, ready to print: the first
/// [`MAX_RENDERED`] in full, and a note counting the rest.
pub fn render(file: &SourceFile, problems: &Problems, styled: bool) -> String {
    let diagnostics = &problems.diagnostics;
    let shown = ShownSource::new(&file.text);
    let name = terminal_safe(&file.name);
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics.iter().take(MAX_RENDERED) {
        let mut places = Vec::new();
        let message = terminal_safe(&diagnostic.message);
        let title = Level::ERROR.primary_title(message.as_str());
        let mut group = match &diagnostic.span {
            Some(span) => {
                // Only the lines a diagnostic points at go to the renderer, which otherwise
                // reads the whole file for each diagnostic.
                // On one long line, a note far along it gets a window of its own.
                let near = |note: &Range<usize>| {
                    file.line_index(note.start)
                        .abs_diff(file.line_index(span.start))
                        <= NEAR_LINES
                        && note.start.abs_diff(span.start) <= snippet::MAX_LINE_SHOWN
                };
                let covered = diagnostic
                    .notes
                    .iter()
                    .filter(|(note, _)| near(note))
                    .fold(span.clone(), |all, (note, _)| {
                        all.start.min(note.start)..all.end.max(note.end)
                    });
                let label = diagnostic.label.as_deref().map(terminal_safe);
                let (lines, first_line) = file.lines_around(&covered);
                let mut primary =
                    SnippetBuilder::new(&shown, file, lines, first_line, &name, &covered);
                primary.annotate(file, AnnotationKind::Primary, span, label);
                let mut others: Vec<SnippetBuilder<'_>> = Vec::new();
                for (note_span, note) in &diagnostic.notes {
                    let note = Some(terminal_safe(note));
                    if near(note_span) {
                        primary.annotate(file, AnnotationKind::Context, note_span, note);
                    } else {
                        let (lines, first_line) = file.lines_around(note_span);
                        let mut other =
                            SnippetBuilder::new(&shown, file, lines, first_line, &name, note_span);
                        other.annotate(file, AnnotationKind::Context, note_span, note);
                        others.push(other);
                    }
                }
                let (primary, place) = primary.finish();
                places.extend(place);
                let mut group = title.element(primary);
                for other in others {
                    let (other, place) = other.finish();
                    places.extend(place);
                    group = group.element(other);
                }
                group
            }
            None => title.element(Origin::path(name.as_str())),
        };
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(terminal_safe(help)));
        }
        let report: [Group<'_>; 1] = [group];
        let rendered = put_places_right(renderer.render(&report), &places);
        if diagnostic.span.is_some() {
            out.push_str(&rendered);
        } else {
            // With no source lines there is no line-number gutter: indent the ` --> ` and
            // the help as a problem on line 1 to 9 has them, so that all line up.
            for (index, line) in rendered.lines().enumerate() {
                if index > 0 {
                    out.push_str("\n ");
                }
                out.push_str(line);
            }
        }
        out.push_str("\n\n");
    }
    let not_shown = diagnostics
        .len()
        .saturating_sub(MAX_RENDERED)
        .saturating_add(problems.more);
    if not_shown > 0 {
        let json = if problems.more == 0 {
            "lists them all".to_string()
        } else {
            format!("lists the first {}", diagnostics.len())
        };
        out.push_str(&format!(
            "note: {not_shown} more problem{} in {name} not shown; `--format json` {json}\n\n",
            if not_shown == 1 { "" } else { "s" }
        ));
    }
    out
}

/// `rendered` with the column of each place of `places` (`FILE:LINE:`, then a column
/// counted in a window of a long line) made the true one, in order.
fn put_places_right(mut rendered: String, places: &[(String, String)]) -> String {
    let mut from = 0;
    for (place, column) in places {
        let Some(at) = rendered[from..].find(place.as_str()) else {
            continue;
        };
        let digits = from + at + place.len();
        let end = rendered[digits..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(rendered.len(), |length| digits + length);
        rendered.replace_range(digits..end, column);
        from = digits + column.len();
    }
    rendered
}

/// How many problems of one file the text report renders in full. Each costs time in
/// proportion to the lines it shows, and a hostile file can hold tens of thousands.
pub const MAX_RENDERED: usize = 100;

/// A note within this many lines of its diagnostic shares its snippet; one further away
/// gets a snippet of its own rather than every line in between.
const NEAR_LINES: usize = 10;

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A diagnostic as `--format json` reports it.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    /// Always `"error"`: the format has no warnings.
    pub severity: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// The 1-based line of the problem, if it has a place.
    pub line: Option<usize>,
    /// The 1-based column, in characters, of the problem, if it has a place.
    pub column: Option<usize>,
    /// What the text report writes under the caret, if anything: what is there.
    pub label: Option<String>,
    /// How to fix it, when that can be said.
    pub help: Option<String>,
    /// The other places the problem involves, such as where a duplicated key was first
    /// defined.
    pub notes: Vec<JsonNote>,
}

/// One note of a [`JsonDiagnostic`]: another place, and what the text report says of it.
#[derive(Serialize)]
pub struct JsonNote {
    /// The 1-based line of the place.
    pub line: usize,
    /// The 1-based column, in characters, of the place.
    pub column: usize,
    /// What the text report writes there.
    pub text: String,
}

impl JsonDiagnostic {
    /// The diagnostic of `file`, with its place as a line and column.
    pub fn new(file: &SourceFile, diagnostic: &Diagnostic) -> JsonDiagnostic {
        let position = diagnostic
            .span
            .as_ref()
            .map(|span| file.line_column(span.start));
        JsonDiagnostic {
            severity: "error",
            message: diagnostic.message.clone(),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            label: diagnostic.label.clone(),
            help: diagnostic.help.clone(),
            notes: diagnostic
                .notes
                .iter()
                .map(|(span, text)| {
                    let (line, column) = file.line_column(span.start);
                    JsonNote {
                        line,
                        column,
                        text: text.clone(),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
