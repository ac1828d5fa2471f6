//! The one rule for text on its way out: every character that must never reach a terminal
//! as it is ([`is_unsafe`]) becomes U+FFFD, but newlines, tabs (which become spaces, as a
//! terminal's tab stops would put text anywhere), and the few control sequences of the
//! program's own that the writer is told to pass ([`Controls`]).

use std::io::{self, Write};

use crate::routine::text::is_unsafe;

/// Which of the program's own control sequences pass. Only text whose untrusted parts
/// were made safe by whoever made it may pass any: what passes is never neutralised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// None: the text of a command, any of it perhaps from a file.
    None,
    /// Colour and style (SGR, `ESC [ ... m`): diagnostics, the log's chart, the help.
    Styles,
    /// A carriage return before a newline and the bell (BEL): the lines of a plain-mode
    /// run, in a terminal in raw mode.
    Run,
}

/// The longest style sequence passed whole; a longer one is neutralised.
const MAX_SEQUENCE: usize = 32;

/// Passes text on to `inner`, made safe. A character or sequence split across two writes
/// waits in `pending` for its end.
pub struct Safe<W: Write> {
    inner: W,
    controls: Controls,
    pending: Vec<u8>,
}

impl<W: Write> Safe<W> {
    /// Text for `inner`, passing the program's own `controls`.
    pub fn new(inner: W, controls: Controls) -> Safe<W> {
        Safe {
            inner,
            controls,
            pending: Vec::new(),
        }
    }

    /// Whether a byte may start something this writer changes or must look at: a C0
    /// control or DEL, or the first byte of a C1 control (0xC2), of a bidi or invisible
    /// character (0xE2, 0xEF). Text without any passes through as it is.
    fn may_need_care(byte: u8) -> bool {
        (byte < 0x20 && byte != b'\n') || matches!(byte, 0x7F | 0xC2 | 0xE2 | 0xEF)
    }

    /// Write `text`, made safe; `end` says whether more text may follow in a later write
    /// (then a sequence cut at the end of `text` waits for the rest). How much of `text`
    /// was handled: the rest is pending.
    fn safe(&mut self, text: &str, end: bool) -> io::Result<usize> {
        if !text.bytes().any(Self::may_need_care) {
            self.inner.write_all(text.as_bytes())?;
            return Ok(text.len());
        }
        let bytes = text.as_bytes();
        let mut from = 0;
        let mut at = 0;
        // Only a byte that needs care starts anything to look at, and it is never inside a
        // character: those bytes are all ASCII or the first of a character.
        while at < bytes.len() {
            if !Self::may_need_care(bytes[at]) {
                at += 1;
                continue;
            }
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let next = text[at + c.len_utf8()..].chars().next();
            let passes = match c {
                '\t' => {
                    self.inner.write_all(&bytes[from..at])?;
                    self.inner.write_all(b" ")?;
                    at += 1;
                    from = at;
                    continue;
                }
                '\r' if self.controls == Controls::Run => match next {
                    Some('\n') => true,
                    Some(_) => false,
                    None if end => false,
                    None => {
                        self.inner.write_all(&bytes[from..at])?;
                        return Ok(at);
                    }
                },
                '\u{7}' => self.controls == Controls::Run,
                '\u{1b}' if self.controls == Controls::Styles => match style_length(&bytes[at..]) {
                    Some(Some(length)) => {
                        at += length;
                        continue;
                    }
                    Some(None) if !end => {
                        self.inner.write_all(&bytes[from..at])?;
                        return Ok(at);
                    }
                    _ => false,
                },
                c => !is_unsafe(c),
            };
            if !passes {
                self.inner.write_all(&bytes[from..at])?;
                self.inner.write_all("\u{FFFD}".as_bytes())?;
                from = at + c.len_utf8();
            }
            at += c.len_utf8();
        }
        self.inner.write_all(&bytes[from..])?;
        Ok(text.len())
    }

    /// Handle what is pending and `more`, keeping back what may still be cut short.
    fn take(&mut self, more: &[u8], end: bool) -> io::Result<()> {
        self.pending.extend_from_slice(more);
        let pending = std::mem::take(&mut self.pending);
        let mut rest = pending.as_slice();
        while !rest.is_empty() {
            let (text, after) = match std::str::from_utf8(rest) {
                Ok(text) => (text, &rest[rest.len()..]),
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    (std::str::from_utf8(valid).unwrap_or_default(), after)
                }
            };
            let done = self.safe(text, end || !after.is_empty())?;
            if done < text.len() {
                self.pending = rest[done..].to_vec();
                return Ok(());
            }
            rest = after;
            if rest.is_empty() {
                break;
            }
            match std::str::from_utf8(rest) {
                Err(error) if error.valid_up_to() == 0 => match error.error_len() {
                    // Not UTF-8: nothing the program writes, and nothing to trust.
                    Some(len) => {
                        self.inner.write_all("\u{FFFD}".as_bytes())?;
                        rest = &rest[len..];
                    }
                    // The start of a character whose end is still to come.
                    None if !end => {
                        self.pending = rest.to_vec();
                        return Ok(());
                    }
                    None => {
                        self.inner.write_all("\u{FFFD}".as_bytes())?;
                        rest = &[];
                    }
                },
                _ => {}
            }
        }
        Ok(())
    }

    /// What it was writing to, once everything pending is written.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.take(&[], true)?;
        let pending = std::mem::take(&mut self.pending);
        debug_assert!(pending.is_empty());
        Ok(self.inner)
    }
}

/// The length of the style sequence (`ESC [`, digits and `;` or `:`, `m`) at the start of
/// `bytes`: `Some(Some(length))`; `Some(None)` when it may be one but is cut short;
/// `None` when it is not one.
fn style_length(bytes: &[u8]) -> Option<Option<usize>> {
    for (index, &byte) in bytes.iter().enumerate().take(MAX_SEQUENCE).skip(1) {
        match (index, byte) {
            (1, b'[') => {}
            (1, _) => return None,
            (_, b'0'..=b'9' | b';' | b':') => {}
            (_, b'm') => return Some(Some(index + 1)),
            _ => return None,
        }
    }
    (bytes.len() < MAX_SEQUENCE).then_some(None)
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Nearly all text: nothing waiting, and no byte that needs a look (a byte that
        // does not start or continue a character of more than one byte is ASCII).
        if self.pending.is_empty() && buf.iter().all(|&b| b < 0x80 && !Self::may_need_care(b)) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        self.take(buf, false)?;
        Ok(buf.len())
    }

    /// Writes what is pending too: a flush is the end of what was cut.
    fn flush(&mut self) -> io::Result<()> {
        self.take(&[], true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests;
