//! `stretch log --format json` and `--format csv`: every session as stored, written out as
//! the history is read once, a part of it on each core, never held whole.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use super::{Stats, Warnings};
use stretch_timer::frontend::output::{csv::Row, json, write_raw_stdout};
use stretch_timer::history::days;
use stretch_timer::history::file::Damaged;
use stretch_timer::history::record::{Glance, Record, Stored, read_stored};
use stretch_timer::history::scan::{self, Piece, is_blank, lines};

/// `stretch log --format json` after its sessions, its keys in this order.
#[derive(Serialize)]
struct Figures {
    current_streak_days: u64,
    longest_streak_days: u64,
    week_minutes: u64,
    last_week_minutes: u64,
    total_sessions: usize,
    total_minutes: u64,
    days: Vec<JsonDay>,
}

/// One day of `stretch log --format json`.
#[derive(Serialize)]
struct JsonDay {
    date: String,
    minutes: u64,
    sessions: u64,
}

/// Every session on or after `since` as stored, then the figures and every day of the
/// whole history, as one JSON object (serde_json's pretty output of the whole, each part of
/// the sessions made on its own), written as the history is read once: the figures are
/// known only at its end, so they come after the sessions. The damaged lines are noted in
/// `damaged`.
pub(super) fn json(
    history: Option<(&File, u64)>,
    since: Option<Date>,
    today: Date,
    damaged: &mut Warnings,
) -> anyhow::Result<()> {
    write_raw_stdout(|out| {
        out.write_all(b"{\n  \"sessions\": [")?;
        let mut days = BTreeMap::new();
        let (mut sessions, mut listed) = (0, false);
        if let Some((file, length)) = history {
            scan::scan(
                file,
                length,
                |part| {
                    let (read, bad) = sessions_of(part);
                    let glances: Vec<Glance> = read.iter().map(Stored::glance).collect();
                    let listed: Vec<Stored<'_>> =
                        read.into_iter().filter(|s| is_listed(s, since)).collect();
                    (
                        days::by_day(&glances),
                        glances.len(),
                        json_sessions(&listed),
                        bad,
                    )
                },
                |first, piece| {
                    match piece {
                        Piece::Part((part_days, count, text, bad)) => {
                            let (text, elements) = text?;
                            if !elements.is_empty() {
                                out.write_all(if listed { b",\n" } else { b"\n" })?;
                                out.write_all(&text[elements])?;
                                listed = true;
                            }
                            days::merge(&mut days, part_days);
                            sessions += count;
                            damaged.append(first, bad);
                        }
                        Piece::Overlong => damaged.push(Damaged::overlong(first)),
                    }
                    Ok(())
                },
            )?;
        }
        out.write_all(if listed { b"\n  ],\n" } else { b"],\n" })?;
        let stats = Stats::new(days, sessions, today);
        let figures = Figures {
            current_streak_days: stats.current_streak,
            longest_streak_days: stats.longest_streak,
            week_minutes: stats.week_minutes,
            last_week_minutes: stats.last_week_minutes,
            total_sessions: stats.total_sessions,
            total_minutes: days::minutes(stats.total_s),
            days: stats
                .days
                .iter()
                .map(|(date, day)| JsonDay {
                    date: date.to_string(),
                    minutes: days::minutes(day.active_s),
                    sessions: day.sessions,
                })
                .collect(),
        };
        let mut tail = Vec::new();
        json::write(&mut tail, &figures)?;
        // The rest of the object: the figures' keys, without their opening brace.
        out.write_all(tail.strip_prefix(b"{\n").unwrap_or(&tail))
    })
}

/// The sessions of a part, as the pretty printer writes the elements of the `sessions`
/// array (at the depth they have there), with `,\n` between them: the text, and the part
/// of it that is the elements.
fn json_sessions(sessions: &[Stored<'_>]) -> io::Result<(Vec<u8>, Range<usize>)> {
    /// Serialized one level down, they come out indented as in the whole document.
    #[derive(Serialize)]
    struct Nested<'a> {
        sessions: Vec<&'a Record<Cow<'a, str>>>,
    }
    const OPEN: usize = b"{\n  \"sessions\": [\n".len();
    const CLOSE: usize = b"\n  ]\n}\n".len();
    if sessions.is_empty() {
        return Ok((Vec::new(), 0..0));
    }
    let nested = Nested {
        sessions: sessions.iter().map(|stored| &stored.record).collect(),
    };
    // About 500 bytes a session, pretty and indented: room for them all at once.
    let mut text = Vec::with_capacity(sessions.len() * 640 + 64);
    json::write(&mut text, &nested)?;
    let elements = OPEN..text.len() - CLOSE;
    Ok((text, elements))
}

/// The header, then a row a session on or after `since`, for a spreadsheet; the damaged
/// lines noted in `damaged` as they are read.
pub(super) fn csv(
    history: Option<(&File, u64)>,
    since: Option<Date>,
    damaged: &mut Warnings,
) -> anyhow::Result<()> {
    write_raw_stdout(|out| {
        out.write_all(
            b"date,time,routine,title,source,start,end,planned_s,active_s,holds_done,holds_total,\
              stretches_done,stretches_total,skipped,ending\n",
        )?;
        let Some((file, length)) = history else {
            return Ok(());
        };
        scan::scan(
            file,
            length,
            |part| {
                let (mut sessions, bad) = sessions_of(part);
                sessions.retain(|session| is_listed(session, since));
                (csv_rows(&sessions), bad)
            },
            |first, piece| {
                match piece {
                    Piece::Part((rows, bad)) => {
                        out.write_all(&rows?)?;
                        damaged.append(first, bad);
                    }
                    Piece::Overlong => damaged.push(Damaged::overlong(first)),
                }
                Ok(())
            },
        )
    })
}

/// A row of the CSV a session.
fn csv_rows(sessions: &[Stored<'_>]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(sessions.len() * 256);
    for stored in sessions {
        let r = &stored.record;
        Row::new(&mut out)
            .value(stored.date)?
            .value(stored.time.strftime("%H:%M:%S"))?
            .text(&r.routine)?
            .text(r.title.as_deref().unwrap_or_default())?
            .text(&r.source)?
            .text(&r.start)?
            .text(&r.end)?
            .number(r.planned_s)?
            .number(r.active_s)?
            .number(r.holds_done)?
            .number(r.holds_total)?
            .number(r.stretches_done)?
            .number(r.stretches_total)?
            .text(&r.skipped.join(" "))?
            .text(r.ending.as_str())?
            .end()?;
    }
    Ok(out)
}

/// Whether `session` is listed: on or after `since`.
fn is_listed(session: &Stored<'_>, since: Option<Date>) -> bool {
    since.is_none_or(|since| session.date >= since)
}

/// Every session of `part`, and the part's damaged lines.
fn sessions_of(part: &[u8]) -> (Vec<Stored<'_>>, Warnings) {
    let mut sessions = Vec::new();
    let mut damaged = Warnings::default();
    for (index, line) in lines(part).enumerate() {
        if is_blank(line) {
            continue;
        }
        match read_stored(line) {
            Ok(session) => sessions.push(session),
            Err(damage) => damaged.add(index + 1, damage),
        }
    }
    (sessions, damaged)
}
