//! One session as the history stores it: a JSON object on one line, format version 1.
//! A line read back is untrusted: it is bounded, checked field by field, and a problem
//! with it is a [`Damage`] that names what is wrong, never a panic.

use std::borrow::Cow;

use jiff::civil::{Date, Time};
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};

/// The format version this program writes and reads.
pub const VERSION: u64 = 1;

/// The `source` of a session done without the timer (`stretch done`).
pub const MANUAL: &str = "manual";

/// The longest line read; a longer one is damaged.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The longest `routine` read, in characters.
const MAX_ROUTINE_CHARS: usize = 200;
/// The longest `source` read, in bytes (a path).
const MAX_SOURCE_BYTES: usize = 4096;
/// The most `skipped` ids read.
const MAX_SKIPPED: usize = 1000;

/// How a run ended, as the record names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    /// The last phase ran to its end.
    Finished,
    /// `q` or Esc.
    Quit,
    /// Ctrl-C or SIGINT.
    Interrupted,
    /// SIGTERM.
    Terminated,
    /// SIGHUP.
    Hangup,
    /// The reader of its output went away (`stretch run --plain | head -3`).
    Closed,
}

impl Ending {
    /// The name the record gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Finished => "finished",
            Ending::Quit => "quit",
            Ending::Interrupted => "interrupted",
            Ending::Terminated => "terminated",
            Ending::Hangup => "hangup",
            Ending::Closed => "closed",
        }
    }
}

/// One session, with the fields of format version 1, in the order they are written; its
/// text as `T`: owned (`String`, the default), or borrowed from the line it was read from
/// where it can be ([`Stored`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record<T = String> {
    /// The format version, [`VERSION`].
    pub v: u64,
    /// When the run started: RFC 3339 with the local UTC offset of that moment.
    pub start: T,
    /// When the run ended, the same way.
    pub end: T,
    /// The name `run` takes to run the routine again (for a file given by its path, the
    /// file's name without `.toml`: `source` has the path).
    pub routine: T,
    /// The routine's display name, its file's `name`; `None` in lines written before it
    /// was recorded, and then not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<T>,
    /// `built-in`, or the routine file's path.
    pub source: T,
    /// The routine's planned total, in seconds.
    pub planned_s: u64,
    /// Seconds spent in holds, pauses not counted.
    pub active_s: u64,
    /// Holds completed.
    pub holds_done: u64,
    /// Holds in the routine as run.
    pub holds_total: u64,
    /// Stretches all of whose holds were completed.
    pub stretches_done: u64,
    /// Stretches in the routine as run.
    pub stretches_total: u64,
    /// The ids of the stretches skipped with `n`.
    pub skipped: Vec<String>,
    /// How the run ended.
    pub ending: Ending,
}

/// A record read back, with what its start says: the day and time it belongs to (in the
/// UTC offset recorded with it) and the instant it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The record as stored (its version-1 fields).
    pub record: Record,
    /// The local calendar date at `start`, in its recorded offset.
    pub date: Date,
    /// The local time at `start`, in its recorded offset.
    pub time: Time,
    /// The instant `end` names.
    pub ended: Timestamp,
}

/// Why a line of the history is skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// JSON that stops before its end: a write cut short.
    CutShort,
    /// Not JSON, or not UTF-8, or longer than [`MAX_LINE_BYTES`].
    NotJson(String),
    /// A `v` this program does not know.
    UnknownVersion(String),
    /// A field that is needed is missing.
    Missing(&'static str),
    /// A field with a value it cannot have.
    Invalid(&'static str, String),
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::CutShort => write!(f, "the line is cut short"),
            Damage::NotJson(why) => write!(f, "not a JSON object ({why})"),
            Damage::UnknownVersion(v) => write!(f, "unknown format version `v` {v}"),
            Damage::Missing(field) => write!(f, "no `{field}`"),
            Damage::Invalid(field, why) => write!(f, "`{field}` {why}"),
        }
    }
}

impl Record {
    /// Whether the session was done without the timer and recorded by `stretch done`:
    /// its times are what the user said, and may be earlier than lines before it.
    pub fn is_manual(&self) -> bool {
        self.source == MANUAL
    }

    /// The record's line: one JSON object and a newline.
    pub fn to_line(&self) -> String {
        // Serializing plain strings, numbers and a unit enum cannot fail.
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }
}

/// A moment as a record writes it: RFC 3339 to the second with its UTC offset,
/// `2026-12-01T07:30:05+01:00`.
pub fn stamp(moment: &ZonedDateTime) -> String {
    moment.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// What the figures of `stretch log` need from a line that reads whole: its day, its
/// time in holds and how many stretches it completed. Reading it checks the line exactly
/// as [`parse_line`] does, with the same [`Damage`], but copies none of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glance {
    /// The local calendar date at `start`, in its recorded offset.
    pub date: Date,
    /// Seconds spent in holds.
    pub active_s: u64,
    /// Stretches all of whose holds were completed.
    pub stretches_done: u64,
}

/// Read one line of the history (without its newline).
pub fn parse_line(line: &[u8]) -> Result<Session, Damage> {
    let stored = read_stored(line)?;
    Ok(Session {
        record: stored.record.into_owned(),
        date: stored.date,
        time: stored.time,
        ended: stored.ended,
    })
}

/// A session as stored, read from its line without copying what it need not: for writing
/// out many sessions as they are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored<'a> {
    /// The record, its text borrowed from the line where it can be.
    pub record: Record<Cow<'a, str>>,
    /// The local calendar date at `start`, in its recorded offset.
    pub date: Date,
    /// The local time at `start`, in its recorded offset.
    pub time: Time,
    /// The instant `end` names.
    pub ended: Timestamp,
}

impl Stored<'_> {
    /// What the figures need of the session, as [`glance_line`] reads it.
    pub fn glance(&self) -> Glance {
        Glance {
            date: self.date,
            active_s: self.record.active_s,
            stretches_done: self.record.stretches_done,
        }
    }
}

impl Record<Cow<'_, str>> {
    /// The record with its text its own.
    pub fn into_owned(self) -> Record {
        Record {
            v: self.v,
            start: self.start.into_owned(),
            end: self.end.into_owned(),
            routine: self.routine.into_owned(),
            title: self.title.map(Cow::into_owned),
            source: self.source.into_owned(),
            planned_s: self.planned_s,
            active_s: self.active_s,
            holds_done: self.holds_done,
            holds_total: self.holds_total,
            stretches_done: self.stretches_done,
            stretches_total: self.stretches_total,
            skipped: self.skipped,
            ending: self.ending,
        }
    }
}

/// Read one line of the history (without its newline), checked whole, its text borrowed
/// from the line where it can be.
pub fn read_stored(line: &[u8]) -> Result<Stored<'_>, Damage> {
    let line = check::<Vec<String>>(line)?;
    Ok(Stored {
        record: Record {
            v: VERSION,
            start: line.start,
            end: line.end,
            routine: line.routine,
            title: line.title,
            source: line.source,
            planned_s: line.planned_s,
            active_s: line.active_s,
            holds_done: line.holds_done,
            holds_total: line.holds_total,
            stretches_done: line.stretches_done,
            stretches_total: line.stretches_total,
            skipped: line.skipped,
            ending: line.ending,
        },
        date: line.date,
        time: line.time,
        ended: line.ended,
    })
}

/// Read what the figures need from one line of the history (without its newline): the
/// line is checked whole, as by [`parse_line`], and nothing is allocated for it.
pub fn glance_line(line: &[u8]) -> Result<Glance, Damage> {
    let line = check::<IdShape>(line)?;
    Ok(Glance {
        date: line.date,
        active_s: line.active_s,
        stretches_done: line.stretches_done,
    })
}

/// Every field of a version-1 line, each one perhaps missing, as JSON gives them; the
/// `skipped` ids as `S`: kept ([`Vec<String>`]) or only measured ([`IdShape`]).
#[derive(Deserialize)]
struct Raw<'a, S> {
    v: Option<serde_json::Number>,
    #[serde(borrow)]
    start: Option<Text<'a>>,
    #[serde(borrow)]
    end: Option<Text<'a>>,
    #[serde(borrow)]
    routine: Option<Text<'a>>,
    #[serde(borrow)]
    title: Option<Text<'a>>,
    #[serde(borrow)]
    source: Option<Text<'a>>,
    planned_s: Option<u64>,
    active_s: Option<u64>,
    holds_done: Option<u64>,
    holds_total: Option<u64>,
    stretches_done: Option<u64>,
    stretches_total: Option<u64>,
    skipped: Option<S>,
    ending: Option<Ending>,
}

/// A line that passed every check, its text borrowed from the line where it can be.
struct Checked<'a, S> {
    start: Cow<'a, str>,
    end: Cow<'a, str>,
    routine: Cow<'a, str>,
    title: Option<Cow<'a, str>>,
    source: Cow<'a, str>,
    planned_s: u64,
    active_s: u64,
    holds_done: u64,
    holds_total: u64,
    stretches_done: u64,
    stretches_total: u64,
    skipped: S,
    ending: Ending,
    date: Date,
    time: Time,
    ended: Timestamp,
}

/// Check one line whole: the one place the rules of a version-1 line are written.
fn check<'a, S: Ids + Deserialize<'a>>(line: &'a [u8]) -> Result<Checked<'a, S>, Damage> {
    if line.len() > MAX_LINE_BYTES {
        return Err(Damage::NotJson(format!(
            "longer than {} KiB",
            MAX_LINE_BYTES / 1024
        )));
    }
    // Text known to be UTF-8 is not checked again string by string; a line that is not
    // goes through `from_slice`, which names where it goes wrong.
    let raw: Raw<S> = match std::str::from_utf8(line) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(line),
    }
    .map_err(|error| {
        if error.is_eof() {
            Damage::CutShort
        } else {
            Damage::NotJson(error.to_string())
        }
    })?;
    let v = need("v", raw.v)?;
    if v.as_u64() != Some(VERSION) {
        return Err(Damage::UnknownVersion(v.to_string()));
    }
    let start = need("start", raw.start)?.0;
    let end = need("end", raw.end)?.0;
    let (date, time, started) = local_date_time("start", &start)?;
    // A timestamp is read only with its UTC offset: this checks `end` whole.
    let ended: Timestamp = end
        .parse()
        .map_err(|e| Damage::Invalid("end", format!("is not a time with a UTC offset: {e}")))?;
    if ended < started {
        return Err(Damage::Invalid("end", "is before `start`".into()));
    }
    let routine = need("routine", raw.routine)?.0;
    // A character is at least a byte: only a long name needs counting.
    let too_long =
        |name: &str| name.len() > MAX_ROUTINE_CHARS && name.chars().count() > MAX_ROUTINE_CHARS;
    if too_long(&routine) {
        return Err(Damage::Invalid("routine", "is too long".into()));
    }
    let title = raw.title.map(|title| title.0);
    if title.as_deref().is_some_and(too_long) {
        return Err(Damage::Invalid("title", "is too long".into()));
    }
    let source = need("source", raw.source)?.0;
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Damage::Invalid("source", "is too long".into()));
    }
    let skipped = need("skipped", raw.skipped)?;
    if skipped.too_long() {
        return Err(Damage::Invalid("skipped", "is too long".into()));
    }
    let checked = Checked {
        start,
        end,
        routine,
        title,
        source,
        planned_s: need("planned_s", raw.planned_s)?,
        active_s: need("active_s", raw.active_s)?,
        holds_done: need("holds_done", raw.holds_done)?,
        holds_total: need("holds_total", raw.holds_total)?,
        stretches_done: need("stretches_done", raw.stretches_done)?,
        stretches_total: need("stretches_total", raw.stretches_total)?,
        skipped,
        ending: need("ending", raw.ending)?,
        date,
        time,
        ended,
    };
    if checked.holds_done > checked.holds_total || checked.stretches_done > checked.stretches_total
    {
        return Err(Damage::Invalid(
            "holds_done",
            "or `stretches_done` is more than its total".into(),
        ));
    }
    // Holds are timed within the run: a record written says no more, as both stamps are
    // cut to the second and the time held to the whole second below it.
    let lasted = ended.as_second() - started.as_second();
    if i64::try_from(checked.active_s).map_or(true, |active| active > lasted) {
        return Err(Damage::Invalid(
            "active_s",
            "is longer than the time from `start` to `end`".into(),
        ));
    }
    Ok(checked)
}

fn need<T>(field: &'static str, value: Option<T>) -> Result<T, Damage> {
    value.ok_or(Damage::Missing(field))
}

/// The date and time a stamp gives, in its own offset, and the instant it names; it must
/// have a time and an offset.
fn local_date_time(field: &'static str, text: &str) -> Result<(Date, Time, Timestamp), Damage> {
    let bad = |why: String| Damage::Invalid(field, why);
    let pieces = Pieces::parse(text).map_err(|e| bad(format!("is not a time: {e}")))?;
    let time = pieces
        .time()
        .ok_or_else(|| bad("has no time of day".into()))?;
    let offset = match pieces.offset() {
        Some(PiecesOffset::Numeric(numeric)) => numeric.offset(),
        Some(PiecesOffset::Zulu) => Offset::UTC,
        _ => return Err(bad("has no UTC offset".into())),
    };
    let instant = offset
        .to_timestamp(pieces.date().to_datetime(time))
        .map_err(|e| bad(format!("is not a time: {e}")))?;
    Ok((pieces.date(), time, instant))
}

mod fields;
use fields::{IdShape, Ids, Text};

#[cfg(test)]
mod tests;
