//! Writing a command's output, and the one rule for a reader that has gone away: when
//! the other end of a pipe closes (`stretch list | head -1`), output ends quietly.

use std::io::{self, Write as _};

/// Print a command's output to standard output. When the reader has gone away, the
/// output ends quietly instead of panicking as `print!` does (`anstream::eprint!`
/// already does so for standard error).
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
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
