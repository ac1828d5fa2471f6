//! Reading the history backwards from its end, for `stretch due`: only the recent days,
//! never the whole file, so it is as fast with years of history as with none.
//!
//! The file is in the order runs ended. Walking back, a session that ended more than two
//! days before the earliest day that could still matter proves that every line before it
//! is older still (a UTC offset is less than 26 hours), so reading stops there. The days
//! that matter are today and the current streak's: reading goes back as far as the streak
//! does, and no further. A session recorded by `stretch done` may be dated earlier than
//! the lines before it, so it proves nothing and never stops the reading. Damaged lines,
//! and lines dated in the future, are skipped without a word; and however many of them
//! there are, no more than the last [`MAX_TAIL_BYTES`] of the file is read.

use std::collections::BTreeSet;
use std::io::{self, Read, Seek, SeekFrom};

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use crate::history::days::{counts, shift, streak_ending};
use crate::history::record::{MAX_LINE_BYTES, parse_line};

/// How much is read at a time, from the end towards the start.
const CHUNK: usize = 16 * 1024;

/// How far back from the end `due` reads at most: 8 MiB, about 30,000 sessions, a streak
/// of 27 years at three sessions a day. A history that ends in a damaged stretch or in
/// lines dated in the future costs this much to read, never the whole file.
pub const MAX_TAIL_BYTES: u64 = 8 << 20;

/// What `due` needs to know about the recent days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recent {
    /// Today already counts (reading stops there: `due` has nothing more to say).
    DoneToday,
    /// Today does not count yet; the streak ending yesterday, in days (0 for none).
    NotYet {
        /// Consecutive counting days ending yesterday.
        streak: u64,
    },
}

/// Whether today counts and the current streak, from the end of a history; reading
/// stops as soon as today is found to count.
pub fn recent(reader: impl Read + Seek, today: Date) -> io::Result<Recent> {
    recent_within(reader, today, MAX_TAIL_BYTES)
}

/// [`recent`], reading no more than the last `bound` bytes.
fn recent_within(reader: impl Read + Seek, today: Date, bound: u64) -> io::Result<Recent> {
    let found = walk(reader, today, true, bound)?;
    Ok(if found.today {
        Recent::DoneToday
    } else {
        Recent::NotYet {
            streak: found.streak,
        }
    })
}

/// What `status` and `due --every` need of the recent days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Latest {
    /// When the last session that counts ended, among the days read (at least today's,
    /// yesterday's and the streak's).
    pub ended: Option<Timestamp>,
    /// Whether today counts yet.
    pub today: bool,
    /// The current streak: consecutive counting days ending today, or yesterday if today
    /// does not count yet.
    pub streak: u64,
}

/// The last session, whether today counts and the current streak, from the end of a
/// history; read as far back as the streak goes.
pub fn latest(reader: impl Read + Seek, today: Date) -> io::Result<Latest> {
    walk(reader, today, false, MAX_TAIL_BYTES)
}

/// The walk back from the end, no further than `bound` bytes, the one place of its rules;
/// it stops early once today counts when `enough_today`.
fn walk(
    reader: impl Read + Seek,
    today: Date,
    enough_today: bool,
    bound: u64,
) -> io::Result<Latest> {
    let yesterday = shift(today, -1);
    let mut counting = BTreeSet::new();
    let mut latest = Latest {
        ended: None,
        today: false,
        streak: 0,
    };
    let mut lines = Backwards::new(reader)?.within(bound);
    while let Some(line) = lines.next_line()? {
        let Ok(session) = parse_line(&line) else {
            continue;
        };
        let last = if latest.today { today } else { yesterday };
        let needed = shift(last, -i64::try_from(latest.streak).unwrap_or(i64::MAX));
        if !session.record.is_manual() && session.ended < midnight_utc(shift(needed, -2)) {
            break;
        }
        if !counts(session.record.stretches_done) || session.date > today {
            continue;
        }
        latest.ended = latest.ended.max(Some(session.ended));
        if counting.insert(session.date) {
            latest.today = counting.contains(&today);
            if latest.today && enough_today {
                break;
            }
            let last = if latest.today { today } else { yesterday };
            latest.streak = streak_ending(&counting, last);
        }
    }
    Ok(latest)
}

/// 00:00 UTC on `date`.
fn midnight_utc(date: Date) -> Timestamp {
    Offset::UTC
        .to_timestamp(date.to_datetime(Time::midnight()))
        .unwrap_or(Timestamp::MIN)
}

/// The lines of a file, last first, without their newlines. A line longer than
/// [`MAX_LINE_BYTES`] is left out.
pub struct Backwards<R> {
    reader: R,
    /// Where the part of the file not yet read ends.
    position: u64,
    /// Read but not yet handed out: the end of a line whose start is not yet read.
    pending: Vec<u8>,
    /// The pending line is too long and is being read past.
    overlong: bool,
    /// The first line of the file has been handed out.
    done: bool,
    /// Where reading stops: the start of the file, or the bound on how far back to go.
    stop: u64,
}

impl<R: Read + Seek> Backwards<R> {
    /// Lines from the end of `reader`.
    pub fn new(mut reader: R) -> io::Result<Self> {
        let position = reader.seek(SeekFrom::End(0))?;
        Ok(Backwards {
            reader,
            position,
            pending: Vec::new(),
            overlong: false,
            done: false,
            stop: 0,
        })
    }

    /// Read no more than the last `bytes` of the file: a line that starts before them is
    /// not handed out.
    pub fn within(mut self, bytes: u64) -> Self {
        self.stop = self.position.saturating_sub(bytes);
        self
    }

    /// The line before the last one handed out, or `None` at the start of the file.
    pub fn next_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(newline) = self.pending.iter().rposition(|&b| b == b'\n') {
                let line = self.pending.split_off(newline + 1);
                self.pending.truncate(newline);
                if std::mem::take(&mut self.overlong) || line.is_empty() {
                    continue;
                }
                return Ok(Some(line));
            }
            if self.position == self.stop {
                // A line cut by the bound is not handed out: only one read whole is.
                if self.done || self.overlong || self.pending.is_empty() || self.stop > 0 {
                    return Ok(None);
                }
                self.done = true;
                return Ok(Some(std::mem::take(&mut self.pending)));
            }
            self.read_chunk()?;
            if self.pending.len() > MAX_LINE_BYTES && !self.pending.contains(&b'\n') {
                self.overlong = true;
                self.pending.clear();
            }
        }
    }

    /// Read the chunk before `position` in front of what is pending.
    fn read_chunk(&mut self) -> io::Result<()> {
        let size = (self.position - self.stop).min(CHUNK as u64);
        self.position -= size;
        self.reader.seek(SeekFrom::Start(self.position))?;
        let mut chunk = vec![0; usize::try_from(size).unwrap_or(CHUNK)];
        self.reader.read_exact(&mut chunk)?;
        chunk.extend_from_slice(&self.pending);
        self.pending = chunk;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
