//! Appending whole lines under a lock, and reading every line back with its damage named.

use super::*;
use crate::history::record::{Ending, MAX_LINE_BYTES, VERSION};

fn record(routine: &str) -> Record {
    Record {
        v: VERSION,
        start: "2026-12-01T07:30:05+01:00".into(),
        end: "2026-12-01T07:31:05+01:00".into(),
        routine: routine.into(),
        title: None,
        source: "built-in".into(),
        planned_s: 60,
        active_s: 40,
        holds_done: 2,
        holds_total: 2,
        stretches_done: 1,
        stretches_total: 1,
        skipped: vec![],
        ending: Ending::Finished,
    }
}

#[test]
fn appending_makes_the_folder_and_adds_one_line_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("history.jsonl");
    append(&path, &record("one")).unwrap();
    append(&path, &record("two")).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, record("one").to_line() + &record("two").to_line());
}

#[test]
fn a_line_cut_short_is_ended_before_the_next_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let whole = record("one").to_line();
    fs::write(&path, format!("{whole}{}", &whole[..30])).unwrap();
    append(&path, &record("two")).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        format!("{whole}{}\n{}", &whole[..30], record("two").to_line())
    );
    let (sessions, damaged) = read_all(&path).unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(
        damaged,
        [Damaged {
            line: 2,
            damage: Damage::CutShort
        }]
    );
}

#[test]
fn appending_where_the_folder_cannot_be_made_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    let error = append(&file.join("stretch").join("history.jsonl"), &record("x")).unwrap_err();
    assert!(
        format!("{error:#}").starts_with(&format!(
            "cannot make the folder {}",
            file.join("stretch").display()
        )),
        "{error:#}"
    );
}

#[test]
fn reading_numbers_the_damaged_lines_and_keeps_the_rest() {
    let good = record("one").to_line();
    let text = format!("{good}not json\n\n{good}{{\"v\":7}}\n{}", &good[..20]);
    let (sessions, damaged) = read_bytes(text.as_bytes());
    assert_eq!(sessions.len(), 2);
    let lines: Vec<usize> = damaged.iter().map(|d| d.line).collect();
    assert_eq!(
        lines,
        [2, 5, 6],
        "a blank line is no damage, but it is a line"
    );
    assert_eq!(damaged[1].damage, Damage::UnknownVersion("7".into()));
    assert_eq!(damaged[2].damage, Damage::CutShort);
}

#[test]
fn an_over_long_line_is_damaged_and_the_next_one_still_reads() {
    let good = record("one").to_line();
    let text = format!("{}\n{good}", "x".repeat(MAX_LINE_BYTES * 2));
    let (sessions, damaged) = read_bytes(text.as_bytes());
    assert_eq!(sessions.len(), 1);
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].line, 1);
}

#[test]
fn a_missing_history_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let (sessions, damaged) = read_all(&dir.path().join("none.jsonl")).unwrap();
    assert!(sessions.is_empty() && damaged.is_empty());
}

#[test]
fn a_history_of_many_parts_reads_as_one_numbered_line_by_line() {
    // Lines enough for several parts, damaged ones and blank ones among them, and a last
    // line with no newline: the lines read and their numbers are those of a plain split.
    let good = record("one").to_line();
    let mut text = String::new();
    let mut expected_damaged = Vec::new();
    let mut expected_good = 0;
    for number in 1..=8000 {
        if number % 997 == 0 {
            text.push_str("not json\n");
            expected_damaged.push(number);
        } else if number % 1009 == 0 {
            text.push_str(" \n");
        } else if number % 1013 == 0 {
            text.push_str(&"x".repeat(MAX_LINE_BYTES + 1));
            text.push('\n');
            expected_damaged.push(number);
        } else {
            text.push_str(&good);
            expected_good += 1;
        }
    }
    text.push_str(&good[..30]);
    expected_damaged.push(8001);
    assert!(text.len() > 4 * MIN_PART_BYTES);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    fs::write(&path, &text).unwrap();
    let history = read(&path).unwrap();
    assert_eq!(history.bytes, text.as_bytes(), "read whole, in order");
    let (entries, damaged) = history.glance();
    assert_eq!(entries.len(), expected_good);
    let lines: Vec<usize> = damaged.iter().map(|d| d.line).collect();
    assert_eq!(lines, expected_damaged);
    assert_eq!(
        history.session(&entries[entries.len() - 1]).unwrap().record,
        record("one")
    );
    let (sessions, read_damaged) = read_all(&path).unwrap();
    assert_eq!(sessions.len(), expected_good);
    assert_eq!(read_damaged, damaged);
}
