//! Writing a command's output: the one rule for a reader that has gone away (when the
//! other end of a pipe closes, `stretch list | head -1`, output ends quietly), and the one
//! place that decides whether output is in colour.

use std::io::{self, IsTerminal, Write};

use anstream::{AutoStream, ColorChoice};

/// Print a command's output to standard output. When the reader has gone away, the
/// output ends quietly instead of panicking as `print!` does (`anstream::eprint!`
/// already does so for standard error).
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    write_stdout(|out| out.write_all(text.as_bytes()))
}

/// Write a command's output to standard output, buffered, as `write` makes it: output of
/// any length, never held in memory whole. As for [`print_stdout`], a reader that has gone
/// away ends it quietly.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
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
/// through `anstream` follows it, and so does [`colour_on_stdout`].
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
