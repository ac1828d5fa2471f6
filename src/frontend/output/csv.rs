//! CSV as the program writes it, for a spreadsheet: a row a record, each text field quoted
//! when it holds a comma, a quote or a line break, kept from being read as a formula, and
//! with every character that must never reach a terminal made U+FFFD (CSV has no escapes).

use std::borrow::Cow;
use std::io::{self, Write};

use crate::routine::text::is_unsafe;

/// One row being written to `out`: its fields in turn, then [`Row::end`].
pub struct Row<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl<'w> Row<'w> {
    /// A row written to `out`.
    pub fn new(out: &'w mut dyn Write) -> Row<'w> {
        Row { out, first: true }
    }

    fn separate(&mut self) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            self.out.write_all(b",")?;
        }
        Ok(())
    }

    /// A field of text from anywhere, made a safe CSV field ([`field`]).
    pub fn text(&mut self, text: &str) -> io::Result<&mut Self> {
        self.separate()?;
        self.out.write_all(field(text).as_bytes())?;
        Ok(self)
    }

    /// A number.
    pub fn number(&mut self, number: u64) -> io::Result<&mut Self> {
        self.separate()?;
        write!(self.out, "{number}")?;
        Ok(self)
    }

    /// A value the program made itself, such as a date, that needs no quoting.
    pub fn value(&mut self, value: impl std::fmt::Display) -> io::Result<&mut Self> {
        self.separate()?;
        write!(self.out, "{value}")?;
        Ok(self)
    }

    /// The end of the row.
    pub fn end(&mut self) -> io::Result<()> {
        self.out.write_all(b"\n")
    }
}

/// A text field of a CSV row: kept from being read as a formula (a leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets a `'` before it), every unsafe character but a
/// newline or a tab made U+FFFD, and quoted when it holds a comma, a quote or a newline.
pub fn field(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    // Most fields are printable ASCII without a comma or a quote: one quick scan tells.
    let plain = |b: &u8| (0x20..0x7F).contains(b) && *b != b',' && *b != b'"';
    if !formula && text.as_bytes().iter().all(plain) {
        return Cow::Borrowed(text);
    }
    let unsafe_char = |c: char| is_unsafe(c) && c != '\n' && c != '\t';
    let needs_quotes = |text: &str| text.contains([',', '"', '\n']);
    if !formula && !text.chars().any(unsafe_char) && !needs_quotes(text) {
        return Cow::Borrowed(text);
    }
    let mut safe: String = text
        .chars()
        .map(|c| {
            if unsafe_char(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    if formula {
        safe.insert(0, '\'');
    }
    if needs_quotes(&safe) {
        safe = format!("\"{}\"", safe.replace('"', "\"\""));
    }
    Cow::Owned(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas_nor_escapes() {
        assert_eq!(field("hamstrings"), "hamstrings");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        for formula in ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(field(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(field("\r=1"), "'\u{FFFD}=1");
        assert_eq!(field("a\u{1b}[2Jb\u{202e}"), "a\u{FFFD}[2Jb\u{FFFD}");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_row_is_its_fields_joined() {
        let mut out = Vec::new();
        Row::new(&mut out)
            .value("2026-12-01")
            .and_then(|row| row.text("=1"))
            .and_then(|row| row.number(42))
            .and_then(|row| row.end())
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "2026-12-01,'=1,42\n");
    }
}
