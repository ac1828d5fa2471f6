//! JSON as the program writes it: pretty, ending in a newline, and with every character
//! that must never reach a terminal ([`is_unsafe`]) escaped as `\uXXXX` inside strings.
//! serde_json escapes only C0 controls; DEL, C1 controls (U+009B starts an escape sequence
//! too), bidi controls and invisible characters are escaped here, which keeps the data
//! exact for the program reading it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::routine::text::is_unsafe;

/// serde_json's pretty printer, escaping the unsafe characters of string fragments.
pub struct Escaping<'i>(PrettyFormatter<'i>);

impl Escaping<'_> {
    /// Pretty, indented by two spaces.
    pub fn new() -> Self {
        Escaping(PrettyFormatter::new())
    }
}

impl Default for Escaping<'_> {
    fn default() -> Self {
        Escaping::new()
    }
}

/// Whether a byte may start a character that is escaped here: DEL, or the first byte of a
/// C1 control (0xC2), of a bidi or invisible character (0xE2, 0xEF). (A string fragment
/// holds no C0 control: serde_json escapes those itself.)
fn may_need_escape(byte: u8) -> bool {
    matches!(byte, 0x7F | 0xC2 | 0xE2 | 0xEF)
}

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Nearly every fragment is ASCII without DEL: one quick scan tells.
        if fragment.bytes().all(|b| b < 0x7F) || !fragment.bytes().any(may_need_escape) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (at, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[from..at])?;
                // Every unsafe character is in the Basic Multilingual Plane: one escape.
                write!(writer, "\\u{:04x}", c as u32)?;
                from = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Write `value` to `writer` as it is made, pretty and escaped, ending in a newline: the
/// output of a long sequence serialized from an iterator is never held in memory whole.
pub fn write<W: Write + ?Sized>(writer: &mut W, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *writer, Escaping::new());
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writer.write_all(b"\n")
}

/// `value` as [`write()`] writes it.
pub fn to_string(value: &impl Serialize) -> io::Result<String> {
    let mut out = Vec::new();
    write(&mut out, value)?;
    // Only whole UTF-8 characters and ASCII escapes are ever written.
    String::from_utf8(out).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_serde_json_lets_through_and_reads_back_exactly() {
        let value = ["a\u{9b}31m\u{7f}\u{202e}b\u{1b}\n\u{200b}\u{feff}\u{200d}é"];
        let text = to_string(&value).unwrap();
        assert_eq!(
            text,
            "[\n  \"a\\u009b31m\\u007f\\u202eb\\u001b\\n\\u200b\\ufeff\u{200d}é\"\n]\n"
        );
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn it_is_serde_jsons_pretty_output_where_nothing_needs_escaping() {
        let value = serde_json::json!({"a": [1, {"b": "c", "d": []}], "e": {}});
        assert_eq!(
            to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
    }
}
