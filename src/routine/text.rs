//! Text from routine files is untrusted: before it reaches a terminal, every control
//! character (which could start an escape sequence) and every bidirectional override
//! (which could make text read differently than it is) is replaced.

use std::io::Write;

/// The bidirectional embedding, override and isolate characters, which rustc also denies.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text, safe to print: newlines and tabs become spaces, other control and
/// bidi characters become U+FFFD.
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if c.is_control() || is_bidi_control(c) => char::REPLACEMENT_CHARACTER,
            c => c,
        })
        .collect()
}

/// Like `terminal_safe`, but keeps line breaks for text meant to wrap over several lines.
pub fn terminal_safe_multiline(text: &str) -> String {
    text.lines()
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The source of a file, as a diagnostic shows it: each C0 control character becomes its
/// visible Control Picture (U+2400 block), so the reader sees where the offending byte is;
/// C1 controls and bidi characters become U+FFFD. Newlines stay.
pub fn visible_controls(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or(char::REPLACEMENT_CHARACTER),
        '\u{7F}' => '\u{2421}',
        c if c.is_control() || is_bidi_control(c) => char::REPLACEMENT_CHARACTER,
        c => c,
    }
}

/// Pretty JSON for the terminal, ending in a newline. serde_json escapes only C0 control
/// characters in strings; DEL, C1 controls (U+009B starts an escape sequence too) and bidi
/// characters are escaped here, which keeps the data exact for the program reading it.
pub fn json(value: &impl serde::Serialize) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json(&mut out, value)?;
    // Only whole UTF-8 characters and ASCII escapes are ever written.
    String::from_utf8(out).map_err(|error| serde_json::Error::io(std::io::Error::other(error)))
}

/// [`json`], written to `writer` as it is made: the output of a long sequence serialized
/// from an iterator is never held in memory whole.
pub fn write_json(writer: impl Write, value: &impl serde::Serialize) -> serde_json::Result<()> {
    let mut escaping = Escaping {
        inner: writer,
        pending: Vec::new(),
    };
    serde_json::to_writer_pretty(&mut escaping, value)?;
    escaping.write_all(b"\n").map_err(serde_json::Error::io)?;
    escaping.flush().map_err(serde_json::Error::io)
}

/// Passes JSON through, escaping the characters [`json`] escapes. A character split
/// across two writes waits in `pending` for its end.
struct Escaping<W> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    /// Writes `text`, a raw newline (only ever the pretty-printer's own: inside strings it
    /// is escaped) as it is, and every other control or bidi character as `\uXXXX`.
    fn escape(&mut self, text: &str) -> std::io::Result<()> {
        // Every character escaped here starts with one of these bytes in UTF-8: C0 and DEL
        // are bytes of their own, C1 controls start with 0xC2 and bidi controls with 0xE2.
        if !text
            .bytes()
            .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2)
        {
            return self.inner.write_all(text.as_bytes());
        }
        let mut from = 0;
        for (at, c) in text.char_indices() {
            if (c.is_control() && c != '\n') || is_bidi_control(c) {
                self.inner.write_all(&text.as_bytes()[from..at])?;
                write!(self.inner, "\\u{:04x}", c as u32)?;
                from = at + c.len_utf8();
            }
        }
        self.inner.write_all(&text.as_bytes()[from..])
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // serde_json writes whole characters: the common case, with nothing pending.
        if self.pending.is_empty()
            && let Ok(text) = std::str::from_utf8(buf)
        {
            self.escape(text)?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let mut rest = pending.as_slice();
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.escape(text)?;
                    rest = &[];
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    self.escape(std::str::from_utf8(valid).unwrap_or_default())?;
                    match error.error_len() {
                        // Not UTF-8 (serde_json never writes it): passed on unchanged.
                        Some(len) => {
                            self.inner.write_all(&after[..len])?;
                            rest = &after[len..];
                        }
                        // The start of a character whose end is still to come.
                        None => {
                            self.pending = after.to_vec();
                            rest = &[];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_pass() {
        let hostile = "Toe touch\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\r\u{202E}evil";
        let safe = terminal_safe(hostile);
        assert!(!safe.chars().any(|c| c.is_control() || is_bidi_control(c)));
        assert_eq!(
            safe,
            "Toe touch\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m\u{FFFD}\u{FFFD}evil"
        );
    }

    #[test]
    fn json_escapes_what_serde_json_lets_through() {
        let text = json(&["a\u{9b}31m\u{7f}\u{202e}b\u{1b}\n"]).unwrap();
        assert_eq!(text, "[\n  \"a\\u009b31m\\u007f\\u202eb\\u001b\\n\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{9b}31m\u{7f}\u{202e}b\u{1b}\n"]);
    }

    #[test]
    fn a_character_split_across_writes_is_escaped_whole() {
        let json = "[\"a\u{9b}\u{202e}\u{e9}\u{7f}\"]";
        let mut out = Vec::new();
        let mut escaping = Escaping {
            inner: &mut out,
            pending: Vec::new(),
        };
        for byte in json.as_bytes() {
            escaping.write_all(&[*byte]).unwrap();
        }
        escaping.flush().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[\"a\\u009b\\u202e\u{e9}\\u007f\"]"
        );
    }

    #[test]
    fn multiline_keeps_only_line_breaks() {
        assert_eq!(terminal_safe_multiline("a\tb\nc\u{1b}d"), "a b\nc\u{FFFD}d");
    }

    #[test]
    fn diagnostics_show_control_pictures() {
        let shown: String = "a\u{1b}b\u{0}\u{7f}\u{85}\n"
            .chars()
            .map(visible_controls)
            .collect();
        assert_eq!(shown, "a\u{241B}b\u{2400}\u{2421}\u{FFFD}\n");
    }
}
