//! Reading backwards: every line comes out, last first, and `recent` reads only as far
//! back as today and the current streak need.

use std::cell::Cell;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::rc::Rc;

use jiff::civil::date;

use super::*;
use crate::history::record::{Ending, MANUAL, Record, VERSION};

/// A reader that notes the lowest offset it was ever asked to read from.
struct Watched {
    inner: Cursor<Vec<u8>>,
    lowest: Rc<Cell<u64>>,
}

impl Read for Watched {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.lowest
            .set(self.lowest.get().min(self.inner.position()));
        self.inner.read(buf)
    }
}

impl Seek for Watched {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.inner.seek(to)
    }
}

fn watched(text: &str) -> (Watched, Rc<Cell<u64>>) {
    let lowest = Rc::new(Cell::new(u64::MAX));
    let reader = Watched {
        inner: Cursor::new(text.as_bytes().to_vec()),
        lowest: Rc::clone(&lowest),
    };
    (reader, lowest)
}

fn all_lines(text: &str) -> Vec<String> {
    let mut lines = Backwards::new(Cursor::new(text.as_bytes().to_vec())).unwrap();
    let mut out = Vec::new();
    while let Some(line) = lines.next_line().unwrap() {
        out.push(String::from_utf8(line).unwrap());
    }
    out
}

/// A session on `day` at 07:00 in UTC+01:00, lasting 10 minutes.
fn line(day: Date, stretches_done: u64) -> String {
    record(day, stretches_done).to_line()
}

/// The same session, recorded by `stretch done`.
fn manual(day: Date) -> String {
    Record {
        source: MANUAL.into(),
        ..record(day, 7)
    }
    .to_line()
}

fn record(day: Date, stretches_done: u64) -> Record {
    Record {
        v: VERSION,
        start: format!("{day}T07:00:00+01:00"),
        end: format!("{day}T07:10:00+01:00"),
        routine: "hamstrings".into(),
        title: None,
        source: "built-in".into(),
        planned_s: 600,
        active_s: 400,
        holds_done: stretches_done,
        holds_total: 7,
        stretches_done,
        stretches_total: 7,
        skipped: vec![],
        ending: Ending::Quit,
    }
}

#[test]
fn lines_come_out_last_first_whatever_the_chunks() {
    assert_eq!(all_lines("a\nbb\nccc\n"), ["ccc", "bb", "a"]);
    assert_eq!(
        all_lines("a\nbb\nccc"),
        ["ccc", "bb", "a"],
        "no newline at the end"
    );
    assert_eq!(all_lines("\n\na\n\n"), ["a"], "blank lines are left out");
    assert_eq!(all_lines(""), Vec::<String>::new());
    let long: Vec<String> = (0..5000).map(|n| format!("line {n}")).collect();
    let mut expected = long.clone();
    expected.reverse();
    assert_eq!(all_lines(&(long.join("\n") + "\n")), expected);
}

#[test]
fn an_over_long_line_is_left_out() {
    let text = format!("first\n{}\nlast\n", "x".repeat(MAX_LINE_BYTES + CHUNK * 2));
    assert_eq!(all_lines(&text), ["last", "first"]);
    let text = format!("{}\nlast\n", "x".repeat(MAX_LINE_BYTES + 10));
    assert_eq!(all_lines(&text), ["last"], "also as the file's first line");
}

#[test]
fn today_counts_once_a_session_today_completed_a_stretch() {
    let today = date(2026, 3, 10);
    let text = line(date(2026, 3, 9), 7) + &line(today, 0);
    assert_eq!(
        recent(Cursor::new(text.clone()), today).unwrap(),
        Recent::NotYet { streak: 1 },
        "a session today with no whole stretch does not count"
    );
    let text = text + &line(today, 1);
    assert_eq!(recent(Cursor::new(text), today).unwrap(), Recent::DoneToday);
}

#[test]
fn the_streak_is_counted_back_from_yesterday_across_damaged_lines() {
    let today = date(2026, 3, 2);
    let text = line(date(2026, 2, 25), 1)
        + &line(date(2026, 2, 27), 1)
        + "garbage\n"
        + &line(date(2026, 2, 28), 1)
        + &line(date(2026, 3, 1), 1)
        + &line(date(2026, 3, 1), 2);
    assert_eq!(
        recent(Cursor::new(text), today).unwrap(),
        Recent::NotYet { streak: 3 }
    );
    let text = line(date(2026, 2, 27), 1);
    assert_eq!(
        recent(Cursor::new(text), today).unwrap(),
        Recent::NotYet { streak: 0 }
    );
}

#[test]
fn reading_stops_soon_after_the_streak_ends_and_never_reaches_old_lines() {
    let today = date(2026, 3, 20);
    // A year of old sessions, then a gap, then a 3-day streak ending yesterday.
    let mut text = String::new();
    for days_ago in (30..400).rev() {
        text += &line(shift(today, -days_ago), 1);
    }
    let old_end = text.len() as u64;
    for days_ago in [3, 2, 1] {
        text += &line(shift(today, -days_ago), 1);
    }
    let (reader, lowest) = watched(&text);
    assert_eq!(recent(reader, today).unwrap(), Recent::NotYet { streak: 3 });
    // At most one chunk before the recent days is read.
    assert!(
        lowest.get() + (CHUNK as u64) >= old_end,
        "read from {} of {old_end}",
        lowest.get()
    );
    assert!(lowest.get() > 0);
}

#[test]
fn done_today_reads_no_further_than_today() {
    let today = date(2026, 3, 20);
    let mut text = String::new();
    for days_ago in (1..400).rev() {
        text += &line(shift(today, -days_ago), 1);
    }
    let before_today = text.len() as u64;
    text += &line(today, 1);
    let (reader, lowest) = watched(&text);
    assert_eq!(recent(reader, today).unwrap(), Recent::DoneToday);
    assert!(lowest.get() + (CHUNK as u64) >= before_today);
}

#[test]
fn a_manual_session_dated_earlier_never_stops_the_reading() {
    let today = date(2026, 3, 20);
    // A streak of three days, then a session done by hand long ago, recorded today.
    let text = line(date(2026, 3, 17), 1)
        + &line(date(2026, 3, 18), 1)
        + &line(date(2026, 3, 19), 1)
        + &manual(date(2026, 3, 1));
    assert_eq!(
        recent(Cursor::new(text.clone()), today).unwrap(),
        Recent::NotYet { streak: 3 }
    );
    assert_eq!(latest(Cursor::new(text), today).unwrap().streak, 3);
    // And one for yesterday, recorded after today's: it joins the streak.
    let text = line(date(2026, 3, 18), 1) + &line(today, 1) + &manual(date(2026, 3, 19));
    let found = latest(Cursor::new(text), today).unwrap();
    assert_eq!((found.today, found.streak), (true, 3));
}

#[test]
fn the_latest_session_that_counts_and_the_streak_through_today() {
    let today = date(2026, 3, 20);
    let text = line(date(2026, 3, 18), 1) + &line(date(2026, 3, 19), 1) + &line(today, 1);
    let found = latest(Cursor::new(text.clone()), today).unwrap();
    assert_eq!(
        found,
        Latest {
            ended: Some("2026-03-20T07:10:00+01:00".parse().unwrap()),
            today: true,
            streak: 3
        }
    );
    // A session today that completed no stretch is no break and does not count.
    let text = text + &line(today, 0).replace("07:10:00", "09:10:00");
    let found = latest(Cursor::new(text), today).unwrap();
    assert_eq!(
        found.ended,
        Some("2026-03-20T07:10:00+01:00".parse().unwrap())
    );
    let yesterday_only = line(date(2026, 3, 19), 1);
    let found = latest(Cursor::new(yesterday_only), today).unwrap();
    assert_eq!((found.today, found.streak), (false, 1));
    let empty = latest(Cursor::new(String::new()), today).unwrap();
    assert_eq!(
        empty,
        Latest {
            ended: None,
            today: false,
            streak: 0
        }
    );
}

#[test]
fn latest_reads_only_as_far_back_as_the_streak() {
    let today = date(2026, 3, 20);
    let mut text = String::new();
    for days_ago in (30..400).rev() {
        text += &line(shift(today, -days_ago), 1);
    }
    let old_end = text.len() as u64;
    for days_ago in [2, 1, 0] {
        text += &line(shift(today, -days_ago), 1);
    }
    let (reader, lowest) = watched(&text);
    assert_eq!(latest(reader, today).unwrap().streak, 3);
    assert!(lowest.get() + (CHUNK as u64) >= old_end);
}

#[test]
fn a_damaged_or_future_end_is_read_no_further_than_the_bound() {
    let today = date(2026, 3, 20);
    let streak = line(shift(today, -2), 1) + &line(shift(today, -1), 1);
    // The rule at a bound of 256 KiB, which reads as `MAX_TAIL_BYTES` does, in a fraction
    // of its time.
    let bound = 256 * 1024;
    for end in [
        // An endless damaged line, and as many short damaged lines.
        "\0".repeat(bound + CHUNK * 3),
        "x\n".repeat(bound / 2 + CHUNK),
        // Sessions dated in the future, which never end the walk back.
        line(shift(today, 400), 1).repeat(bound / 200 + 100),
    ] {
        let text = streak.clone() + &end;
        let (reader, lowest) = watched(&text);
        assert_eq!(
            recent_within(reader, today, bound as u64).unwrap(),
            Recent::NotYet { streak: 0 }
        );
        assert!(
            lowest.get() >= (text.len() - bound) as u64,
            "read from {} of {}",
            lowest.get(),
            text.len()
        );
    }
    // Within the bound, the streak is still found behind them.
    let text = streak + &"x\n".repeat(1000);
    assert_eq!(
        recent(Cursor::new(text), today).unwrap(),
        Recent::NotYet { streak: 2 }
    );
}

#[test]
fn a_line_cut_by_the_bound_is_not_handed_out() {
    let text = "aaaa\nbbbb\ncccc\n";
    let mut lines = Backwards::new(Cursor::new(text.as_bytes().to_vec()))
        .unwrap()
        .within(7);
    assert_eq!(lines.next_line().unwrap().as_deref(), Some(&b"cccc"[..]));
    assert_eq!(lines.next_line().unwrap(), None);
}
