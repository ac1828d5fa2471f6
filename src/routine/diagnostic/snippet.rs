//! The source a diagnostic shows: its whole lines, with control characters made visible;
//! or, on a line too long to show whole (a hostile file of 1 MiB on one line), a window of
//! it around what is pointed at, so that each diagnostic costs the same whatever the line.

use std::ops::Range;

use annotate_snippets::{Annotation, AnnotationKind, Snippet};

use super::{SourceFile, floor_char_boundary};
use crate::routine::text::visible_controls;

/// The longest line shown whole, in bytes; a longer one is shown as a window.
pub(super) const MAX_LINE_SHOWN: usize = 512;

/// How much of a long line is shown on either side of what is pointed at, in bytes.
const CONTEXT: usize = 80;

/// What marks where a long line was cut.
const CUT: &str = "...";

/// One snippet of source, its window of whole lines (or of one long line), and its
/// annotations.
pub(super) struct SnippetBuilder<'a> {
    shown: &'a ShownSource,
    /// The window, as offsets into the shown text.
    window: Range<usize>,
    /// The bytes put before the window's text: a cut mark, or nothing.
    lead: usize,
    snippet: Snippet<'a, Annotation<'a>>,
    /// For a window of a long line: the place the renderer names for the first annotation,
    /// `FILE:LINE:` then a column counted in the window, and the true column.
    origin: Option<(String, String)>,
    /// Where the window's line starts in the file, and its number.
    line: (usize, usize),
    name: &'a str,
}

impl<'a> SnippetBuilder<'a> {
    /// The whole `lines` of `file` (a byte range of whole lines, the first numbered
    /// `first_line`), unless they are one line too long to show: then a window of it around
    /// `focus`, the span the snippet is about.
    pub(super) fn new(
        shown: &'a ShownSource,
        file: &SourceFile,
        lines: Range<usize>,
        first_line: usize,
        name: &'a str,
        focus: &Range<usize>,
    ) -> Self {
        let text = &file.text;
        let long_line = lines.len() > MAX_LINE_SHOWN && !text[lines.clone()].contains('\n');
        if !long_line {
            let window = shown.map(&lines);
            return SnippetBuilder {
                shown,
                snippet: Snippet::source(&shown.text[window.clone()])
                    .line_start(first_line)
                    .path(name),
                window,
                lead: 0,
                origin: None,
                line: (lines.start, first_line),
                name,
            };
        }
        let from = floor_char_boundary(text, focus.start.saturating_sub(CONTEXT)).max(lines.start);
        let to = ceil_char_boundary(
            text,
            focus.end.clamp(focus.start, focus.start + MAX_LINE_SHOWN) + CONTEXT,
        )
        .min(lines.end);
        let window = shown.map(&(from..to));
        let before = if from > lines.start { CUT } else { "" };
        let after = if to < lines.end { CUT } else { "" };
        let source = format!("{before}{}{after}", &shown.text[window.clone()]);
        SnippetBuilder {
            shown,
            snippet: Snippet::source(source).line_start(first_line).path(name),
            window,
            lead: before.len(),
            origin: Some((String::new(), String::new())),
            line: (lines.start, first_line),
            name,
        }
    }

    /// Point at `span` (bytes of the file), with `label` under it.
    pub(super) fn annotate(
        &mut self,
        file: &SourceFile,
        kind: AnnotationKind,
        span: &Range<usize>,
        label: Option<String>,
    ) {
        let mapped = self.shown.map(span);
        let clamp = |offset: usize| {
            offset.clamp(self.window.start, self.window.end) - self.window.start + self.lead
        };
        let start = clamp(mapped.start);
        if let Some(origin) = self.origin.as_mut().filter(|(place, _)| place.is_empty()) {
            // The renderer names a column counted in the window: the true one goes there.
            let (line_start, number) = self.line;
            let true_column = file.text[line_start..floor_char_boundary(&file.text, span.start)]
                .chars()
                .count()
                + 1;
            *origin = (format!("{}:{number}:", self.name), true_column.to_string());
        }
        let annotation = kind.span(start..clamp(mapped.end)).label(label);
        let snippet = std::mem::replace(&mut self.snippet, Snippet::source(""));
        self.snippet = snippet.annotation(annotation);
    }

    /// The snippet, and the place to put right in what is rendered, if it is a window.
    pub(super) fn finish(self) -> (Snippet<'a, Annotation<'a>>, Option<(String, String)>) {
        (self.snippet, self.origin)
    }
}

/// The first character boundary at or after `offset` (the end of `text` past it).
fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// The source with control characters made visible, and a map from the byte offsets of
/// the original text to those of the shown one (the replacements are longer in UTF-8).
pub(super) struct ShownSource {
    text: String,
    offsets: Vec<usize>,
}

impl ShownSource {
    pub(super) fn new(original: &str) -> ShownSource {
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
