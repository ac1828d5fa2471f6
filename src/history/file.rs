//! The history file: where it is, appending one record under an exclusive lock, and
//! reading every line. Nothing here ever rewrites or truncates the file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use etcetera::BaseStrategy;

use crate::history::record::{Damage, Record, Session, parse_line};

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

/// The largest history read: far more than a lifetime of sessions (100,000 are 26 MB).
const MAX_FILE_BYTES: u64 = 1 << 30;

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
    // Sized once: growing a 26 MB buffer step by step costs more than parsing it.
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "{} is larger than 1 GiB, more than a history can be",
            path.display()
        );
    }
    Ok(read_bytes(&bytes))
}

/// The sessions and damaged lines of a whole history. The lines are read on every core,
/// in runs of consecutive lines, and put back in order.
pub fn read_bytes(bytes: &[u8]) -> (Vec<Session>, Vec<Damaged>) {
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let run = lines.len().div_ceil(threads).max(1024);
    let parts: Vec<Vec<(usize, Result<Session, Damage>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(run)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&(number, line)| (number, parse_line(line)))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    let mut sessions = Vec::with_capacity(lines.len());
    let mut damaged = Vec::new();
    for (line, parsed) in parts.into_iter().flatten() {
        match parsed {
            Ok(session) => sessions.push(session),
            Err(damage) => damaged.push(Damaged { line, damage }),
        }
    }
    (sessions, damaged)
}

#[cfg(test)]
mod tests;
