//! The history file: where it is, appending one record under an exclusive lock, and
//! reading every line. Nothing here ever rewrites or truncates the file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context;
use etcetera::BaseStrategy;

use crate::history::record::{Damage, Glance, Record, Session, glance_line, parse_line};

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
    Ok(read_bytes(&read(path)?.bytes))
}

/// The whole history file in memory, read at once into one buffer.
pub struct History {
    bytes: Vec<u8>,
}

/// A line that reads whole: what the figures need, and where the line is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The line's day, time in holds and stretches completed.
    pub glance: Glance,
    /// The line's bytes in the file, without its newline.
    span: Range<usize>,
}

/// The history at `path`, read once. A missing file is an empty history. Reading never
/// changes the file.
pub fn read(path: &Path) -> anyhow::Result<History> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok(History { bytes: Vec::new() });
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
    Ok(History { bytes })
}

impl History {
    /// Every line that reads whole, glanced at, in the file's order, and every damaged
    /// line: each line checked once, nothing copied.
    pub fn glance(&self) -> (Vec<Entry>, Vec<Damaged>) {
        glance_bytes(&self.bytes)
    }

    /// The whole session of a line [`glance`](Self::glance) found whole (`None` only for
    /// an entry of another history).
    pub fn session(&self, entry: &Entry) -> Option<Session> {
        parse_line(self.bytes.get(entry.span.clone())?).ok()
    }
}

/// The sessions and damaged lines of a whole history.
pub fn read_bytes(bytes: &[u8]) -> (Vec<Session>, Vec<Damaged>) {
    let (entries, damaged) = glance_bytes(bytes);
    let sessions = entries
        .iter()
        .filter_map(|entry| parse_line(bytes.get(entry.span.clone())?).ok())
        .collect();
    (sessions, damaged)
}

/// The lines of a whole history glanced at, and its damaged lines. The lines are read on
/// every core, in runs of consecutive lines, and put back in order.
fn glance_bytes(bytes: &[u8]) -> (Vec<Entry>, Vec<Damaged>) {
    let mut lines: Vec<(usize, Range<usize>)> = Vec::new();
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for (index, end) in ends.enumerate() {
        if !bytes[from..end].iter().all(u8::is_ascii_whitespace) {
            lines.push((index + 1, from..end));
        }
        from = end + 1;
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let run = lines.len().div_ceil(threads).max(1024);
    let parts: Vec<(Vec<Entry>, Vec<Damaged>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(run)
            .map(|part| scope.spawn(move || glance_lines(bytes, part)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    let mut entries = Vec::with_capacity(lines.len());
    let mut damaged = Vec::new();
    for (part_entries, part_damaged) in parts {
        entries.extend(part_entries);
        damaged.extend(part_damaged);
    }
    (entries, damaged)
}

/// Glance at a run of numbered lines of `bytes`.
fn glance_lines(bytes: &[u8], lines: &[(usize, Range<usize>)]) -> (Vec<Entry>, Vec<Damaged>) {
    let mut entries = Vec::with_capacity(lines.len());
    let mut damaged = Vec::new();
    for (number, span) in lines {
        match glance_line(&bytes[span.clone()]) {
            Ok(glance) => entries.push(Entry {
                glance,
                span: span.clone(),
            }),
            Err(damage) => damaged.push(Damaged {
                line: *number,
                damage,
            }),
        }
    }
    (entries, damaged)
}

#[cfg(test)]
mod tests;
