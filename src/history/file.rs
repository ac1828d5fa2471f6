//! The history file: where it is, appending one record under an exclusive lock, and
//! reading every line. Nothing here ever rewrites or truncates the file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use etcetera::BaseStrategy;

use crate::history::record::{Damage, MAX_LINE_BYTES, Record, Session, parse_line};

/// `$XDG_DATA_HOME/stretch/history.jsonl`, else `~/.local/share/stretch/history.jsonl`.
pub fn path() -> anyhow::Result<PathBuf> {
    let strategy =
        etcetera::choose_base_strategy().context("cannot tell where your home folder is")?;
    Ok(strategy.data_dir().join("stretch").join("history.jsonl"))
}

/// Append `record` to the history at `path`, making its folder when needed.
///
/// The file is opened for appending and locked exclusively, so that runs ending at the
/// same moment each write a whole line. If the last line was cut short (the file does not
/// end in a newline), a newline goes first; the line is written in one `write`.
pub fn append(path: &Path, record: &Record) -> anyhow::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)
            .with_context(|| format!("cannot make the folder {}", folder.display()))?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    let mut line = String::new();
    if !ends_in_newline(&mut file)? {
        line.push('\n');
    }
    line.push_str(&record.to_line());
    // One write of the whole line; the lock is released when the file is closed.
    file.write_all(line.as_bytes())
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write to {}", path.display()))
}

/// Whether the file is empty or ends in a newline.
fn ends_in_newline(file: &mut File) -> io::Result<bool> {
    let length = file.seek(SeekFrom::End(0))?;
    if length == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// A damaged line: its number (from 1) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    /// The line's number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub damage: Damage,
}

/// Every session in the history at `path`, in the file's order, and every damaged line.
/// A missing file is an empty history. Reading never changes the file.
pub fn read_all(path: &Path) -> anyhow::Result<(Vec<Session>, Vec<Damaged>)> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok((Vec::new(), Vec::new()));
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    read_lines(BufReader::with_capacity(256 * 1024, file))
        .with_context(|| format!("cannot read {}", path.display()))
}

/// The sessions and damaged lines of a history, read line by line, each line bounded.
pub fn read_lines(mut reader: impl BufRead) -> io::Result<(Vec<Session>, Vec<Damaged>)> {
    let mut sessions = Vec::new();
    let mut damaged = Vec::new();
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        number += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
        } else if line.len() > MAX_LINE_BYTES {
            skip_rest_of_line(&mut reader)?;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&line) {
            Ok(session) => sessions.push(session),
            Err(damage) => damaged.push(Damaged {
                line: number,
                damage,
            }),
        }
    }
    Ok((sessions, damaged))
}

/// Read past the rest of an over-long line, through its newline.
fn skip_rest_of_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(at) = buffer.iter().position(|&b| b == b'\n') {
            reader.consume(at + 1);
            return Ok(());
        }
        let length = buffer.len();
        reader.consume(length);
    }
}

#[cfg(test)]
mod tests;
