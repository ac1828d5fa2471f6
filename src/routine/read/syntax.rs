//! A first pass over the TOML syntax alone that counts without keeping, so that what a
//! hostile file holds costs nothing to find: the TOML reader keeps every problem it finds
//! and builds a tree of every table and value, so it is given only the part of the file
//! that holds the first [`MAX_PROBLEMS`], and no more than [`MAX_TABLES`] tables and
//! [`MAX_ITEMS`] keys and values. A 1 MiB line of `{a=1},` would otherwise make 250 MB of
//! tables.

use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use crate::routine::diagnostic::Diagnostic;
use crate::routine::limits::{MAX_ITEMS, MAX_PROBLEMS, MAX_TABLES};

/// What the first pass found: the part of the file to give the TOML reader, how many
/// syntax problems come after it, and why it stops short of the file's end if it is too
/// big to read on.
pub(super) struct Bounded<'t> {
    /// The file, or the part of it before the first thing past a bound.
    pub(super) text: &'t str,
    /// How many syntax problems come after `text`.
    pub(super) more: usize,
    /// The file holds more tables, keys or values than a routine can: where it passes
    /// the bound, and by what.
    pub(super) too_big: Option<Diagnostic>,
}

/// The part of `text` before its syntax problem number `MAX_PROBLEMS + 1` and before the
/// first table or item past their bounds (all of it, when it has no more than that), and
/// how many syntax problems come after that part.
pub(super) fn within_bound(text: &str) -> Bounded<'_> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut counter = Counter::default();
    let mut decoder = Decoder {
        source,
        tables: 0,
        items: 0,
        skipped: 0,
        past: None,
    };
    // The parser recurses once for each array or inline table it opens: without a bound
    // on the depth, 10 KB of `[` overflows the stack.
    let mut guarded = RecursionGuard::new(&mut decoder, MAX_DEPTH);
    parse_document(&tokens, &mut guarded, &mut counter);
    let problems_cut = counter
        .first_past_bound
        .filter(|_| counter.count > MAX_PROBLEMS);
    let size_cut = decoder.past.as_ref().map(|(at, _)| *at);
    let cut = match (problems_cut, size_cut) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => match a.or(b) {
            Some(cut) => cut,
            None => {
                return Bounded {
                    text,
                    more: 0,
                    too_big: None,
                };
            }
        },
    };
    let mut cut = cut.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Only the problems past the cut are counted beyond it.
    let more = match problems_cut {
        Some(at) if at <= cut => counter.count - MAX_PROBLEMS,
        _ => counter.past(cut),
    };
    Bounded {
        text: &text[..cut],
        more,
        too_big: decoder
            .past
            .filter(|(at, _)| *at <= cut)
            .map(|(at, what)| what.diagnostic(at)),
    }
}

/// How deep arrays and inline tables may nest: the bound the `toml` crate's own reader
/// puts on them, so that this pass and the reader refuse the same files.
const MAX_DEPTH: u32 = 80;

/// Counts the syntax problems, and notes where the first past the bound starts, and
/// where each one starts, for as long as that is needed.
#[derive(Default)]
struct Counter {
    count: usize,
    first_past_bound: Option<usize>,
    /// Where the problems start, up to the bound: to count those past a cut before it.
    starts: Vec<usize>,
}

impl Counter {
    /// How many problems start at `cut` or after it.
    fn past(&self, cut: usize) -> usize {
        let before = self.starts.iter().filter(|&&start| start < cut).count();
        self.count - before
    }
}

impl ErrorSink for Counter {
    fn report_error(&mut self, error: ParseError) {
        self.count += 1;
        let place = error.unexpected().or(error.context());
        let start = place.map_or(0, |span| span.start());
        if self.count <= MAX_PROBLEMS {
            self.starts.push(start);
        }
        if self.count == MAX_PROBLEMS + 1 {
            self.first_past_bound = Some(start);
        }
    }
}

/// Which bound on the size of a file was passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Excess {
    /// More than [`MAX_TABLES`] tables: `[table]`, `[[table]]`, `{ inline }`, or the
    /// table a dotted key makes.
    Tables,
    /// More than [`MAX_ITEMS`] keys and values.
    Items,
    /// More than [`MAX_ITEMS`] tokens skipped as not TOML: they cost the reader as much.
    Skipped,
}

impl Excess {
    /// The problem, at byte `at` of the file.
    fn diagnostic(self, at: usize) -> Diagnostic {
        let (what, bound) = match self {
            Excess::Tables => ("tables", MAX_TABLES),
            Excess::Items => ("keys and values", MAX_ITEMS),
            Excess::Skipped => ("tokens that are not TOML", MAX_ITEMS),
        };
        Diagnostic::error(format!(
            "the file holds more than {bound} {what}, more than any routine needs"
        ))
        .at(at..at)
        .label(format!("{what} past the first {bound}"))
        .help("the file is read no further than this")
    }
}

/// Decodes what the parser finds, as the TOML reader does, without keeping any of it:
/// the parser itself reports only some problems (an empty key or an unquoted string is
/// found by decoding). The error events it sends for the tokens it skips are no
/// problems of their own, as the reader ignores them too: a nested array past the
/// depth bound is one problem, not one a token.
struct Decoder<'s> {
    source: Source<'s>,
    /// The tables opened so far, the keys and values read so far, and the tokens skipped.
    tables: usize,
    items: usize,
    skipped: usize,
    /// Where the first table or item past its bound starts, and which bound.
    past: Option<(usize, Excess)>,
}

impl<'s> Decoder<'s> {
    /// The text at `span`, with the quoting the lexer found: without it, every quoted
    /// string decodes as an unquoted one, a problem, so a valid file with more than
    /// `MAX_PROBLEMS` strings was refused.
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'s>> {
        let raw = self.source.get(span)?;
        Some(Raw::new_unchecked(raw.as_str(), encoding, span))
    }
}

impl Decoder<'_> {
    /// One more table, opened at `span`.
    fn table(&mut self, span: Span) {
        self.tables += 1;
        if self.tables > MAX_TABLES && self.past.is_none() {
            self.past = Some((span.start(), Excess::Tables));
        }
    }

    /// One more key or value, at `span`.
    fn item(&mut self, span: Span) {
        self.items += 1;
        if self.items > MAX_ITEMS && self.past.is_none() {
            self.past = Some((span.start(), Excess::Items));
        }
    }

    /// One more token skipped, at `span`.
    fn skip(&mut self, span: Span) {
        self.skipped += 1;
        if self.skipped > MAX_ITEMS && self.past.is_none() {
            self.past = Some((span.start(), Excess::Skipped));
        }
    }
}

impl EventReceiver for Decoder<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.table(span);
    }
    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.table(span);
    }
    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.table(span);
        true
    }
    fn key_sep(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        // `a.b = 1` makes the table `a`.
        self.table(span);
    }
    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.item(span);
        true
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.item(span);
        if let Some(raw) = self.raw(span, encoding) {
            raw.decode_key(&mut (), error);
        }
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.item(span);
        if let Some(raw) = self.raw(span, encoding) {
            // What kind of value it is does not matter here, only its problems.
            let _kind = raw.decode_scalar(&mut (), error);
        }
    }
    fn comment(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.source.get(span) {
            raw.decode_comment(error);
        }
    }
    fn error(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.skip(span);
    }
    fn newline(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.source.get(span) {
            raw.decode_newline(error);
        }
    }
}

#[cfg(test)]
mod tests;
