//! Problems found in a routine file, and their rendering in the style of rustc and cargo:
//! severity, message, `file:line:column`, the source line with a caret, and a hint.

use std::io::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::sanitize::{terminal_safe, visible_controls};

/// A routine file's text as diagnostics refer to it. CRLF line endings are read as LF,
/// so a file reads the same whichever line endings it was saved with.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// How to name the file to the user: its path, or `builtin:NAME`.
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.replace("\r\n", "\n"),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// Where the problem is; `None` for a problem of the whole file.
    pub span: Option<Range<usize>>,
    pub label: Option<String>,
    /// Other places that explain this one, such as the first of two duplicates.
    pub notes: Vec<(Range<usize>, String)>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span: None,
            label: None,
            notes: Vec::new(),
            help: None,
        }
    }

    pub fn at(mut self, span: Range<usize>) -> Diagnostic {
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn note(mut self, span: Range<usize>, text: impl Into<String>) -> Diagnostic {
        self.notes.push((span, text.into()));
        self
    }

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

/// Print every diagnostic of one file to standard error, in colour where that is a
/// terminal that wants it (anstream drops the colour for pipes and `NO_COLOR`).
pub fn eprint(file: &SourceFile, diagnostics: &[Diagnostic]) {
    anstream::eprint!("{}", render(file, diagnostics, true));
}

/// Print a command's output to standard output. When the reader has gone away
/// (`stretch list | head -1`), the output ends quietly instead of panicking as
/// `print!` does (`anstream::eprint!` already does so for standard error).
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// The rustc-style report of every diagnostic of one file, ready to print.
pub fn render(file: &SourceFile, diagnostics: &[Diagnostic], styled: bool) -> String {
    let shown = ShownSource::new(&file.text);
    let name = terminal_safe(&file.name);
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let message = terminal_safe(&diagnostic.message);
        let title = Level::ERROR.primary_title(message.as_str());
        let mut group = match &diagnostic.span {
            Some(span) => {
                let label = diagnostic.label.as_deref().map(terminal_safe);
                let mut snippet = Snippet::source(shown.text.as_str())
                    .path(name.as_str())
                    .annotation(AnnotationKind::Primary.span(shown.map(span)).label(label));
                for (span, note) in &diagnostic.notes {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(shown.map(span))
                            .label(terminal_safe(note)),
                    );
                }
                title.element(snippet)
            }
            None => title.element(Origin::path(name.as_str())),
        };
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(terminal_safe(help)));
        }
        let report: [Group<'_>; 1] = [group];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The source with control characters made visible, and a map from the byte offsets of
/// the original text to those of the shown one (the replacements are longer in UTF-8).
struct ShownSource {
    text: String,
    offsets: Vec<usize>,
}

impl ShownSource {
    fn new(original: &str) -> ShownSource {
        let mut text = String::with_capacity(original.len());
        let mut offsets = vec![0; original.len() + 1];
        for (index, c) in original.char_indices() {
            offsets[index] = text.len();
            text.push(visible_controls(c));
        }
        offsets[original.len()] = text.len();
        // Offsets inside a multi-byte character map to its start.
        for i in 1..offsets.len() {
            if !original.is_char_boundary(i) {
                offsets[i] = offsets[i - 1];
            }
        }
        ShownSource { text, offsets }
    }

    fn map(&self, span: &Range<usize>) -> Range<usize> {
        let last = self.offsets.len() - 1;
        self.offsets[span.start.min(last)]..self.offsets[span.end.min(last)]
    }
}

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
    pub severity: &'static str,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub help: Option<String>,
}

impl JsonDiagnostic {
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
            help: diagnostic.help.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_reads_as_lf() {
        let file = SourceFile::new("r.toml", "a = 1\r\nb = 2\r\n");
        assert_eq!(file.text, "a = 1\nb = 2\n");
        assert_eq!(file.line_column(6), (2, 1));
        assert_eq!(file.line_column(10), (2, 5));
    }

    #[test]
    fn columns_count_characters() {
        let file = SourceFile::new("r.toml", "name = \"éé\" x");
        assert_eq!(file.line_column(12), (1, 11));
    }

    #[test]
    fn renders_like_rustc_without_passing_control_characters() {
        let file = SourceFile::new("r.toml", "name = \"a\u{1b}[2Jb\"\n");
        let diagnostic = Diagnostic::error("control character in `name`")
            .at(9..10)
            .label("escape")
            .help("remove it");
        let shown = render(&file, &[diagnostic], false);
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert_eq!(
            shown,
            "error: control character in `name`\n --> r.toml:1:10\n  |\n1 | name = \"a\u{241B}[2Jb\"\n  |          ^ escape\n  |\n  = help: remove it\n\n"
        );
    }
}
