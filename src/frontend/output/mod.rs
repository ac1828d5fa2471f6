//! The one sink of everything the program writes to standard output and standard error,
//! and the one place each rule of it is written:
//!
//! - text (here): every character that must never reach a terminal as it is becomes
//!   U+FFFD ([`Safe`]), whatever it came from: a routine file, the history, a path;
//! - JSON ([`json`]): serde_json's, with those characters escaped in strings;
//! - CSV ([`csv`]): quoted, kept from being read as a formula, those characters replaced;
//! - a reader that has gone away (`stretch list | head -1`) ends the output quietly;
//! - whether output is in colour, chosen once.
//!
//! The full screen is drawn by ratatui through the terminal guard, not written here; its
//! text is made safe where it is laid out (`screen::text`).

pub mod csv;
pub mod json;
mod safe;

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, IsTerminal, Write};

use anstream::{AutoStream, ColorChoice};
use serde::Serialize;

pub use safe::{Controls, Safe};

/// Print a command's text to standard output, made safe. When the reader has gone away,
/// the output ends quietly instead of panicking as `print!` does.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    write_stdout(|out| out.write_all(text.as_bytes()))
}

/// Write a command's text to standard output, made safe and buffered, as `write` makes it:
/// output of any length, never held in memory whole. As for [`print_stdout`], a reader
/// that has gone away ends it quietly.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    to_stdout(Controls::None, write)
}

/// Print text the program styled itself (colour and bold, as `ESC [ ... m`): the styles
/// pass, in colour only where [`choose_colour`] says so, and every other unsafe
/// character is neutralised. Only for text whose untrusted parts were made safe before
/// they were styled: the help, the log's chart.
pub fn print_styled(text: &str) -> anyhow::Result<()> {
    to_stdout(Controls::Styles, |out| out.write_all(text.as_bytes()))
}

/// Write `value` to standard output as JSON ([`json::write()`]).
pub fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    write_raw_stdout(|out| json::write(out, value))
}

/// Write to standard output what the sink's own encoders make ([`json`], [`csv`]), which
/// never hold an unsafe character: as [`write_stdout`], without looking at it again.
pub fn write_raw_stdout(
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    quietly(write(&mut out).and_then(|()| out.flush()))
}

/// Standard output for text, through [`Safe`] passing `controls`, and whatever colour
/// [`choose_colour`] allows.
fn to_stdout(
    controls: Controls,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    // Buffered before the check, so that it looks at large pieces, not each small write.
    let stream = AutoStream::auto(io::stdout().lock());
    let mut out = io::BufWriter::with_capacity(64 * 1024, Safe::new(stream, controls));
    quietly(write(&mut out).and_then(|()| out.flush()))
}

/// A write that failed only because the reader has gone away is no failure.
fn quietly(written: io::Result<()>) -> anyhow::Result<()> {
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// A writer of the lines of a plain-mode run to standard output: made safe, but for the
/// carriage returns before its newlines and its bell ([`Controls::Run`]).
pub fn run_lines() -> Safe<io::StdoutLock<'static>> {
    Safe::new(io::stdout().lock(), Controls::Run)
}

/// Print text to standard error, made safe. A standard error that cannot be written to
/// has no one to tell.
pub fn eprint(text: &str) {
    to_stderr(Controls::None, text);
}

/// Print text the program styled itself to standard error, as [`print_styled`] does:
/// diagnostics, rendered with their untrusted text made safe.
pub fn eprint_styled(text: &str) {
    to_stderr(Controls::Styles, text);
}

fn to_stderr(controls: Controls, text: &str) {
    let stream = AutoStream::auto(io::stderr().lock());
    let mut out = Safe::new(stream, controls);
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// `warning: MESSAGE` on one line of standard error.
pub fn warn(message: impl Display) {
    eprint(&format!("warning: {}\n", one_line(&message.to_string())));
}

/// `error: MESSAGE` on one line of standard error.
pub fn error(message: impl Display) {
    eprint(&format!("error: {}\n", one_line(&message.to_string())));
}

/// `text` on one line, for a field of a table or a message: its newlines, carriage
/// returns and tabs become spaces (the sink neutralises the rest).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\n', '\r', '\t']) {
        Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as the sink shows it in a cell of a table, on one line: for measuring its width
/// and cutting it to a column before it is printed.
pub fn cell(text: &str) -> String {
    crate::routine::text::terminal_safe(text)
}

/// Whether `error`, or any error that caused it, is a write to a pipe whose reader has gone.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|cause| cause.kind() == io::ErrorKind::BrokenPipe)
}

/// Chooses colour for the whole run, once, from `--color`: `Always` and `Never` are
/// final; under `Auto`, `NO_COLOR` (not empty) turns colour off, `CLICOLOR_FORCE` turns it
/// on, and otherwise there is colour only on a terminal that has it. Everything written
/// through the sink follows it, and so does [`colour_on_stdout`].
pub fn choose_colour(choice: ColorChoice) {
    choice.write_global();
}

/// Whether what goes to standard output may be in colour, by the choice made in
/// [`choose_colour`]. Output meant for scripts (JSON, CSV, plain mode) never is,
/// whatever this says.
pub fn colour_on_stdout() -> bool {
    AutoStream::choice(&io::stdout()) != ColorChoice::Never
}

/// The columns of the terminal that standard output is, if it is one: what `guide`
/// wraps to and `list` cuts its last column to.
pub fn stdout_width() -> Option<u16> {
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| columns)
        .filter(|columns| *columns > 0)
}
