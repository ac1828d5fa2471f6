//! The history file: where it is, opening it to read, and appending one record under an
//! exclusive lock. Appending never rewrites what is there: a write that fails is cut back
//! to where it started, so that no fragment of a line is left behind.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::fs::{self, Expect};
use crate::history::record::{Damage, Record};

/// `$XDG_DATA_HOME/stretch/history.jsonl`, else `~/.local/share/stretch/history.jsonl`.
pub fn path() -> Result<PathBuf, fs::NoHome> {
    Ok(fs::folders::data()?.join("history.jsonl"))
}

/// The largest history read: far more than a lifetime of sessions (100,000 are 26 MB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The history at `path` open for reading, and its length then: what is appended later is
/// not read. `None` when there is none. Only a regular file is opened (a named pipe in its
/// place is refused, never waited on), and one larger than [`MAX_FILE_BYTES`] is refused.
pub fn open(path: &Path) -> anyhow::Result<Option<(File, u64)>> {
    let file = match fs::open(path, Expect::Regular) {
        Ok(file) => file,
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let length = file
        .metadata()
        .map_err(|error| anyhow::anyhow!("cannot read {}: {error}", path.display()))?
        .len();
    if length > MAX_FILE_BYTES {
        anyhow::bail!(
            "{} is larger than 1 GiB, more than a history can be",
            path.display()
        );
    }
    Ok(Some((file, length)))
}

/// An open history as it was when opened: reads and seeks go no further than the length
/// it had then, so that what is appended meanwhile is not read (`Seek` from the end is
/// from there).
pub struct Snapshot<'f> {
    file: &'f File,
    length: u64,
    position: u64,
}

impl<'f> Snapshot<'f> {
    /// The first `length` bytes of `file`.
    pub fn new(file: &'f File, length: u64) -> Snapshot<'f> {
        Snapshot {
            file,
            length,
            position: 0,
        }
    }
}

impl Read for Snapshot<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let left = self.length.saturating_sub(self.position);
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let read = self.file.read_at(&mut buf[..want], self.position)?;
        self.position += read as u64;
        Ok(read)
    }
}

impl Seek for Snapshot<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(offset) => Some(offset),
            SeekFrom::End(offset) => self.length.checked_add_signed(offset),
            SeekFrom::Current(offset) => self.position.checked_add_signed(offset),
        };
        self.position = target.ok_or_else(|| io::Error::other("a seek before the start"))?;
        Ok(self.position)
    }
}

/// A damaged line: its number (from 1) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    /// The line's number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub damage: Damage,
}

/// How long the end of a run waits for another program to let go of the history's lock.
pub const LOCK_PATIENCE: Duration = Duration::from_secs(2);

/// How often the lock is tried while another program holds it.
const LOCK_POLL: Duration = Duration::from_millis(50);

/// Why a record was not appended.
#[derive(Debug)]
pub enum NotAppended {
    /// Another program held the history's lock for all of [`LOCK_PATIENCE`].
    Locked,
    /// The wait for the lock was given up (a signal came).
    GaveUp,
    /// The history could not be opened or written; a write that failed was cut back.
    Failed(anyhow::Error),
}

impl std::fmt::Display for NotAppended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotAppended::Locked => write!(f, "another program holds the history's lock"),
            NotAppended::GaveUp => write!(f, "the wait for the history's lock was given up"),
            NotAppended::Failed(error) => write!(f, "{error:#}"),
        }
    }
}

/// Append `record` to the history at `path`, making its folder when needed.
///
/// The file is locked exclusively, so that runs ending at the same moment each write a
/// whole line. The lock is tried every 50 ms for at most [`LOCK_PATIENCE`];
/// between tries, `wait` is called with the time to wait, and returns `false` to give up
/// at once (when a signal comes). If the last line was cut short (the file does not end
/// in a newline), a newline goes first; the line is written in one `write`, and a write
/// that fails (a full disk) is cut back to the length the file had.
pub fn append(
    path: &Path,
    record: &Record,
    wait: &mut dyn FnMut(Duration) -> bool,
) -> Result<(), NotAppended> {
    let failed = |error: anyhow::Error| NotAppended::Failed(error);
    let mut file = fs::open_append(path).map_err(|error| failed(error.into()))?;
    let deadline = Instant::now() + LOCK_PATIENCE;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(NotAppended::Locked);
                }
                if !wait(left.min(LOCK_POLL)) {
                    return Err(NotAppended::GaveUp);
                }
            }
            Err(std::fs::TryLockError::Error(error)) => {
                return Err(failed(
                    anyhow::Error::new(error).context(format!("cannot lock {}", path.display())),
                ));
            }
        }
    }
    let cannot_write = |error: io::Error| {
        failed(anyhow::Error::new(error).context(format!("cannot write to {}", path.display())))
    };
    let (length, ends_in_newline) = end_of(&mut file).map_err(cannot_write)?;
    let mut line = String::new();
    if !ends_in_newline {
        line.push('\n');
    }
    line.push_str(&record.to_line());
    // One write of the whole line; the lock is released when the file is closed.
    if let Err(error) = file.write_all(line.as_bytes()).and_then(|()| file.flush()) {
        // Under the lock, nothing else has written since: what is past `length` is ours.
        let _ = file.set_len(length);
        return Err(cannot_write(error));
    }
    Ok(())
}

/// The file's length, and whether it is empty or ends in a newline.
fn end_of(file: &mut File) -> io::Result<(u64, bool)> {
    let length = file.seek(SeekFrom::End(0))?;
    if length == 0 {
        return Ok((0, true));
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok((length, last[0] == b'\n'))
}

#[cfg(test)]
pub(crate) mod tests;
