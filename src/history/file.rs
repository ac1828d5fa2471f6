//! The history file: where it is, appending one record under an exclusive lock, and
//! reading every line. Nothing here ever rewrites or truncates the file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::os::unix::fs::FileExt;
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
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let bytes = read_parts(&file, usize::try_from(size).unwrap_or(0))
        .and_then(|mut bytes| {
            // What was appended since the size was taken, or the whole file again if it
            // was not all there (nothing shortens a history, but nothing is assumed).
            if bytes.len() as u64 != size {
                bytes.clear();
            }
            (&file).seek(SeekFrom::Start(bytes.len() as u64))?;
            (&file)
                .take(MAX_FILE_BYTES + 1 - bytes.len() as u64)
                .read_to_end(&mut bytes)?;
            Ok(bytes)
        })
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "{} is larger than 1 GiB, more than a history can be",
            path.display()
        );
    }
    Ok(History { bytes })
}

/// The first `size` bytes of `file` (fewer if it is shorter), read in one part a core at
/// once: the memory of a large buffer is made ready page by page as it is first written,
/// which costs more than the copy, and so is best shared out.
fn read_parts(file: &File, size: usize) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; size];
    let part = size.div_ceil(cores()).max(MIN_PART_BYTES);
    let read: io::Result<Vec<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bytes
            .chunks_mut(part)
            .enumerate()
            .map(|(index, chunk)| scope.spawn(move || read_at(file, chunk, index * part)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("a thread reading it failed")))
            })
            .collect()
    });
    let read: usize = read?.into_iter().sum();
    if read < size {
        bytes.truncate(0);
    }
    Ok(bytes)
}

/// Fill `chunk` from `file` at `offset`, or as much of it as the file holds; how much.
fn read_at(file: &File, chunk: &mut [u8], offset: usize) -> io::Result<usize> {
    let mut done = 0;
    while done < chunk.len() {
        match file.read_at(&mut chunk[done..], (offset + done) as u64) {
            Ok(0) => break,
            Ok(read) => done += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(done)
}

/// How many cores to read on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
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

/// The lines of a whole history glanced at, and its damaged lines. The file is cut into
/// one part a core, each ending at a newline; each part is read on its own core, and the
/// parts are put back in order.
fn glance_bytes(bytes: &[u8]) -> (Vec<Entry>, Vec<Damaged>) {
    let size = bytes.len().div_ceil(cores()).max(MIN_PART_BYTES);
    let mut parts = Vec::new();
    let mut from = 0;
    while from < bytes.len() {
        let want = (from + size).min(bytes.len());
        let end = memchr::memchr(b'\n', &bytes[want..]).map_or(bytes.len(), |at| want + at + 1);
        parts.push(from..end);
        from = end;
    }
    let glanced: Vec<Part> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || glance_part(bytes, part)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    let mut entries = Vec::with_capacity(glanced.iter().map(|part| part.entries.len()).sum());
    let mut damaged = Vec::new();
    let mut lines_before = 0;
    for part in glanced {
        entries.extend(part.entries);
        damaged.extend(part.damaged.into_iter().map(|mut line| {
            line.line += lines_before;
            line
        }));
        lines_before += part.lines;
    }
    (entries, damaged)
}

/// The smallest part of a history read on a core of its own.
const MIN_PART_BYTES: usize = 256 * 1024;

/// A part of a history glanced at: its lines that read whole, its damaged lines (numbered
/// from 1 within the part) and how many lines it holds.
#[derive(Default)]
struct Part {
    entries: Vec<Entry>,
    damaged: Vec<Damaged>,
    lines: usize,
}

/// Glance at every line of `bytes[part]`, which starts a line and ends with a newline or
/// at the end of `bytes`. A blank line is no damage, but it is a line.
fn glance_part(bytes: &[u8], part: Range<usize>) -> Part {
    let mut glanced = Part::default();
    let ends = memchr::memchr_iter(b'\n', &bytes[part.clone()]).map(|at| part.start + at);
    let mut from = part.start;
    for end in ends.chain((part.end > 0 && bytes[part.end - 1] != b'\n').then_some(part.end)) {
        glanced.lines += 1;
        let line = &bytes[from..end];
        if !line.iter().all(u8::is_ascii_whitespace) {
            match glance_line(line) {
                Ok(glance) => glanced.entries.push(Entry {
                    glance,
                    span: from..end,
                }),
                Err(damage) => glanced.damaged.push(Damaged {
                    line: glanced.lines,
                    damage,
                }),
            }
        }
        from = end + 1;
    }
    glanced
}

#[cfg(test)]
mod tests;
