//! A first pass over the TOML syntax alone that counts its problems without keeping
//! them, so that a hostile file's 1.5 million syntax errors cost nothing to find: the
//! TOML reader keeps every one it finds, so it is given only the part of the file that
//! holds the first [`MAX_PROBLEMS`].

use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use crate::routine::limits::MAX_PROBLEMS;

/// The part of `text` before its syntax problem number `MAX_PROBLEMS + 1` (all of it,
/// when it has no more than that), and how many syntax problems come after that part.
pub(super) fn within_bound(text: &str) -> (&str, usize) {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut counter = Counter::default();
    let mut decoder = Decoder { source };
    // The parser recurses once for each array or inline table it opens: without a bound
    // on the depth, 10 KB of `[` overflows the stack.
    let mut guarded = RecursionGuard::new(&mut decoder, MAX_DEPTH);
    parse_document(&tokens, &mut guarded, &mut counter);
    match counter.first_past_bound {
        Some(cut) if counter.count > MAX_PROBLEMS => {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            (&text[..cut], counter.count - MAX_PROBLEMS)
        }
        _ => (text, 0),
    }
}

/// How deep arrays and inline tables may nest: the bound the `toml` crate's own reader
/// puts on them, so that this pass and the reader refuse the same files.
const MAX_DEPTH: u32 = 80;

/// Counts the syntax problems, and notes where the first past the bound starts.
#[derive(Default)]
struct Counter {
    count: usize,
    first_past_bound: Option<usize>,
}

impl ErrorSink for Counter {
    fn report_error(&mut self, error: ParseError) {
        self.count += 1;
        if self.count == MAX_PROBLEMS + 1 {
            let place = error.unexpected().or(error.context());
            self.first_past_bound = place.map(|span| span.start());
        }
    }
}

/// Decodes what the parser finds, as the TOML reader does, without keeping any of it:
/// the parser itself reports only some problems (an empty key or an unquoted string is
/// found by decoding). The error events it sends for the tokens it skips are no
/// problems of their own, as the reader ignores them too: a nested array past the
/// depth bound is one problem, not one a token.
struct Decoder<'s> {
    source: Source<'s>,
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

impl EventReceiver for Decoder<'_> {
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.raw(span, encoding) {
            raw.decode_key(&mut (), error);
        }
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
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
    fn newline(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.source.get(span) {
            raw.decode_newline(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_bound_is_read_whole() {
        let text = "=\n".repeat(10);
        assert_eq!(within_bound(&text), (text.as_str(), 0));
        assert_eq!(within_bound("name = \"x\"\n"), ("name = \"x\"\n", 0));
    }

    #[test]
    fn a_hostile_file_is_cut_before_the_first_problem_past_the_bound() {
        let text = "=\n".repeat(MAX_PROBLEMS * 3);
        let (kept, more) = within_bound(&text);
        assert!(kept.len() < text.len() / 2, "{}", kept.len());
        assert!(more > MAX_PROBLEMS, "{more}");
        // As many as the TOML reader finds in the whole file, less the duplicate (empty) keys
        // it finds besides.
        let (_, all) = toml::de::DeTable::parse_recoverable(&text);
        let syntax = all
            .iter()
            .filter(|e| e.message() != "duplicate key")
            .count();
        assert_eq!(more + MAX_PROBLEMS, syntax);
    }

    /// The problems the TOML reader itself finds in `text`, less the duplicate keys.
    fn reader_count(text: &str) -> usize {
        let (_, all) = toml::de::DeTable::parse_recoverable(text);
        all.iter()
            .filter(|e| e.message() != "duplicate key")
            .count()
    }

    #[test]
    fn nesting_past_the_bound_is_one_problem_and_never_overflows_the_stack() {
        for text in [
            format!("a = {}", "[".repeat(20_000)),
            format!("a = {}", "{b=".repeat(20_000)),
        ] {
            let (kept, more) = within_bound(&text);
            assert_eq!(kept, text);
            assert_eq!(more, 0);
            // Past the bound, then each level left open at the end of the file.
            assert!(reader_count(&text) <= MAX_DEPTH as usize + 1);
        }
    }

    #[test]
    fn quoted_strings_and_keys_are_no_problem_however_many() {
        // Each line holds a quoted key and three kinds of quoted string: more than
        // `MAX_PROBLEMS` of each, as a valid routine near the size bound has.
        let text: String = (0..MAX_PROBLEMS + 10)
            .map(|i| format!("\"k{i}\" = [\"basic\", 'literal', \"\"\"multi\"\"\"]\n"))
            .collect();
        assert_eq!(within_bound(&text), (text.as_str(), 0));
    }
}
