//! `stretch log --format json` and `--format csv`: every session as stored, written out as
//! the history is read, a part of it on each core, never held whole.

use std::fs::File;
use std::io;

use jiff::civil::Date;
use serde::Serialize;

use super::{Stats, Warnings};
use stretch_timer::frontend::output::{csv::Row, json, write_raw_stdout};
use stretch_timer::history::days;
use stretch_timer::history::file::Damaged;
use stretch_timer::history::record::{Session, parse_line};
use stretch_timer::history::scan::{self, Piece, is_blank, lines};

/// `stretch log --format json`, but its sessions, its keys in this order.
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

/// The figures and every day, then every session on or after `since` as stored, as one
/// JSON object: serde_json's pretty output of the whole, each session made on its own.
pub(super) fn json(
    stats: &Stats,
    history: Option<(&File, u64)>,
    since: Option<Date>,
) -> anyhow::Result<()> {
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
    let mut head = Vec::new();
    json::write(&mut head, &figures)?;
    // The object without its closing brace: the sessions are its last key.
    let open = head.strip_suffix(b"\n}\n").unwrap_or(&head);
    write_raw_stdout(|out| {
        out.write_all(open)?;
        out.write_all(b",\n  \"sessions\": [")?;
        let mut any = false;
        if let Some((file, length)) = history {
            scan::scan(
                file,
                length,
                |part| sessions_of(part, since, json_session),
                |_, piece| {
                    if let Piece::Part((text, _)) = piece
                        && !text.is_empty()
                    {
                        out.write_all(if any { b",\n" } else { b"\n" })?;
                        out.write_all(&text)?;
                        any = true;
                    }
                    Ok(())
                },
            )?;
        }
        out.write_all(if any { b"\n  ]\n}\n" } else { b"]\n}\n" })
    })
}

/// One session, as the pretty printer writes an element of the `sessions` array: its
/// lines indented by four spaces, with a `,\n` before it unless it is the part's first.
fn json_session(session: &Session, out: &mut Vec<u8>) -> io::Result<()> {
    if !out.is_empty() {
        out.extend_from_slice(b",\n");
    }
    let mut one = Vec::with_capacity(512);
    json::write(&mut one, &session.record)?;
    let one = one.strip_suffix(b"\n").unwrap_or(&one);
    for (index, line) in one.split(|&b| b == b'\n').enumerate() {
        if index > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(b"    ");
        out.extend_from_slice(line);
    }
    Ok(())
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
            b"date,time,routine,source,start,end,planned_s,active_s,holds_done,holds_total,\
              stretches_done,stretches_total,skipped,ending\n",
        )?;
        let Some((file, length)) = history else {
            return Ok(());
        };
        scan::scan(
            file,
            length,
            |part| sessions_of(part, since, csv_row),
            |first, piece| {
                match piece {
                    Piece::Part((text, bad)) => {
                        out.write_all(&text)?;
                        damaged.append(first, bad);
                    }
                    Piece::Overlong => damaged.push(Damaged::overlong(first)),
                }
                Ok(())
            },
        )
    })
}

/// One row of the CSV.
fn csv_row(session: &Session, out: &mut Vec<u8>) -> io::Result<()> {
    let r = &session.record;
    Row::new(out)
        .value(session.date)?
        .value(session.time.strftime("%H:%M:%S"))?
        .text(&r.routine)?
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
        .end()
}

/// Every session of `part` on or after `since`, as `write` writes it, and the part's
/// damaged lines.
fn sessions_of(
    part: &[u8],
    since: Option<Date>,
    write: fn(&Session, &mut Vec<u8>) -> io::Result<()>,
) -> (Vec<u8>, Warnings) {
    let mut text = Vec::with_capacity(part.len() + part.len() / 2);
    let mut damaged = Warnings::default();
    for (index, line) in lines(part).enumerate() {
        if is_blank(line) {
            continue;
        }
        match parse_line(line) {
            Ok(session) if since.is_none_or(|since| session.date >= since) => {
                // Writing to memory cannot fail.
                let _ = write(&session, &mut text);
            }
            Ok(_) => {}
            Err(damage) => damaged.add(index + 1, damage),
        }
    }
    (text, damaged)
}
