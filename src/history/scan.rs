//! Reading a history forwards a chunk at a time, so that the memory it takes is bounded
//! whatever the file's size: a chunk of whole lines is cut into one part a core, each part
//! is worked on on its own core, and the results are taken in the file's order. A line
//! longer than a line may be ([`MAX_LINE_BYTES`]) is skipped as it is read, never held
//! whole.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;

use crate::history::file::Damaged;
use crate::history::record::{Damage, MAX_LINE_BYTES, Session, parse_line};

/// How much is read at a time: a few mebibytes, so that the threads have work enough
/// each and the memory stays small.
pub const CHUNK_BYTES: usize = 4 << 20;

/// The smallest part of a chunk worked on on a core of its own.
const MIN_PART_BYTES: usize = 256 * 1024;

/// What the scan hands on, in the file's order.
pub enum Piece<T> {
    /// What the work on a part of whole lines made of it.
    Part(T),
    /// A line longer than [`MAX_LINE_BYTES`] that ran across chunks: skipped unread.
    Overlong,
}

impl Damaged {
    /// The damage of an over-long line skipped unread, as a line is refused when read.
    pub fn overlong(line: usize) -> Damaged {
        Damaged {
            line,
            damage: Damage::NotJson(format!("longer than {} KiB", MAX_LINE_BYTES / 1024)),
        }
    }
}

/// Read `file` from its start to `end`, a chunk at a time. Each part of whole lines goes
/// to `work`, on a thread of its own when there are several; `take` gets what it made,
/// in order, with the number (from 1) of the part's first line. An error of `take` (a
/// reader that has gone away) ends the scan.
pub fn scan<T: Send>(
    file: &File,
    end: u64,
    work: impl Fn(&[u8]) -> T + Sync,
    take: impl FnMut(usize, Piece<T>) -> io::Result<()>,
) -> io::Result<()> {
    scan_by(CHUNK_BYTES, file, end, work, take)
}

/// [`scan`], `chunk` bytes at a time.
fn scan_by<T: Send>(
    chunk: usize,
    file: &File,
    end: u64,
    work: impl Fn(&[u8]) -> T + Sync,
    mut take: impl FnMut(usize, Piece<T>) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer: Vec<u8> = Vec::with_capacity(chunk + MAX_LINE_BYTES);
    let mut position = 0;
    let mut line = 1;
    // Inside a line too long to keep, read past until it ends.
    let mut skipping = false;
    while position < end {
        let want = usize::try_from(end - position).map_or(chunk, |left| left.min(chunk));
        let read = read_more(file, position, want, &mut buffer)?;
        if read == 0 {
            break; // The file was cut shorter since it was opened.
        }
        position += read as u64;
        let at_end = position >= end;
        if skipping {
            match memchr::memchr(b'\n', &buffer) {
                Some(newline) => {
                    take(line, Piece::Overlong)?;
                    line += 1;
                    buffer.drain(..=newline);
                    skipping = false;
                }
                None => {
                    buffer.clear();
                    continue;
                }
            }
        }
        // Whole lines only, but at the end of the file, whose last line may have no newline.
        let whole = if at_end {
            buffer.len()
        } else {
            memchr::memrchr(b'\n', &buffer).map_or(0, |newline| newline + 1)
        };
        line = work_on(&buffer[..whole], line, &work, &mut take)?;
        buffer.drain(..whole);
        if buffer.len() > MAX_LINE_BYTES {
            buffer.clear();
            skipping = true;
        }
    }
    if skipping {
        take(line, Piece::Overlong)?;
    }
    Ok(())
}

/// Append up to `want` bytes of `file` from `position` to `buffer`; how many were read.
fn read_more(file: &File, position: u64, want: usize, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let start = buffer.len();
    buffer.resize(start + want, 0);
    let mut done = 0;
    while done < want {
        match file.read_at(&mut buffer[start + done..], position + done as u64) {
            Ok(0) => break,
            Ok(read) => done += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => {
                buffer.truncate(start);
                return Err(error);
            }
        }
    }
    buffer.truncate(start + done);
    Ok(done)
}

/// Cut `bytes` (whole lines) into one part a core, work on each, and hand the results on
/// in order; the number of the line after the last.
fn work_on<T: Send>(
    bytes: &[u8],
    first_line: usize,
    work: &(impl Fn(&[u8]) -> T + Sync),
    take: &mut impl FnMut(usize, Piece<T>) -> io::Result<()>,
) -> io::Result<usize> {
    let size = bytes.len().div_ceil(cores()).max(MIN_PART_BYTES);
    let mut parts = Vec::new();
    let mut from = 0;
    while from < bytes.len() {
        let want = (from + size).min(bytes.len());
        let end = memchr::memchr(b'\n', &bytes[want..]).map_or(bytes.len(), |at| want + at + 1);
        parts.push(&bytes[from..end]);
        from = end;
    }
    let done: Vec<(T, usize)> = match parts.as_slice() {
        [] => Vec::new(),
        [one] => vec![(work(one), count_lines(one))],
        _ => std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .map(|part| scope.spawn(move || (work(part), count_lines(part))))
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join())
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|_| io::Error::other("a thread reading the history failed"))?,
    };
    let mut line = first_line;
    for (result, lines) in done {
        take(line, Piece::Part(result))?;
        line += lines;
    }
    Ok(line)
}

/// How many lines `part` holds: its newlines, and a last line without one.
fn count_lines(part: &[u8]) -> usize {
    let newlines = memchr::memchr_iter(b'\n', part).count();
    newlines + usize::from(part.last().is_some_and(|&last| last != b'\n'))
}

/// The lines of `part`, without their newlines, blank ones included: the `n`th is the
/// part's line `n`.
pub fn lines(part: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = part.strip_suffix(b"\n").unwrap_or(part);
    let mut rest = (!part.is_empty()).then_some(body);
    std::iter::from_fn(move || {
        let text = rest?;
        match memchr::memchr(b'\n', text) {
            Some(newline) => {
                rest = Some(&text[newline + 1..]);
                Some(&text[..newline])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Whether a line holds nothing: a blank line is no damage, but it is a line.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// How many cores to work on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The sessions and damaged lines of a whole history in memory, read line by line as a
/// scan reads them: for tests and fuzzing.
pub fn read_bytes(bytes: &[u8]) -> (Vec<Session>, Vec<Damaged>) {
    let mut sessions = Vec::new();
    let mut damaged = Vec::new();
    for (index, line) in lines(bytes).enumerate() {
        if is_blank(line) {
            continue;
        }
        match parse_line(line) {
            Ok(session) => sessions.push(session),
            Err(damage) => damaged.push(Damaged {
                line: index + 1,
                damage,
            }),
        }
    }
    (sessions, damaged)
}

#[cfg(test)]
mod tests;
