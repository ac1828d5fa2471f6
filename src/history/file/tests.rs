//! Appending whole lines under a lock that is waited for only so long, and cutting a
//! failed write back.

use std::fs;

use super::*;
use crate::history::record::{Ending, VERSION};
use crate::history::scan::read_bytes;

/// A whole record of the routine `routine`, as the tests of the history write it.
pub(crate) fn record(routine: &str) -> Record {
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

/// Waits as asked, never giving up.
fn patient(time: Duration) -> bool {
    std::thread::sleep(time);
    true
}

#[test]
fn appending_makes_the_folder_and_adds_one_line_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("history.jsonl");
    append(&path, &record("one"), &mut patient).unwrap();
    append(&path, &record("two"), &mut patient).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, record("one").to_line() + &record("two").to_line());
}

#[test]
fn a_line_cut_short_is_ended_before_the_next_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    let whole = record("one").to_line();
    fs::write(&path, format!("{whole}{}", &whole[..30])).unwrap();
    append(&path, &record("two"), &mut patient).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        format!("{whole}{}\n{}", &whole[..30], record("two").to_line())
    );
    let (sessions, damaged) = read_bytes(text.as_bytes());
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
    let error = append(
        &file.join("stretch").join("history.jsonl"),
        &record("x"),
        &mut patient,
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "cannot make the folder {}: ",
            file.join("stretch").display()
        )),
        "{error}"
    );
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_a_while_or_given_up_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    fs::write(&path, "").unwrap();
    let holder = fs::File::open(&path).unwrap();
    holder.lock().unwrap();
    // Given up at the first wait: no waiting at all.
    let mut asked = Vec::new();
    let result = append(&path, &record("x"), &mut |time: Duration| {
        asked.push(time);
        false
    });
    assert!(matches!(result, Err(NotAppended::GaveUp)));
    assert_eq!(asked, [LOCK_POLL]);
    // Waited for (a fake wait, so the test takes no time) until the patience runs out.
    let started = Instant::now();
    let mut waits = 0;
    let mut pretend = |_: Duration| {
        waits += 1;
        waits < 1000 || started.elapsed() > LOCK_PATIENCE
    };
    let result = append(&path, &record("x"), &mut pretend);
    assert!(matches!(
        result,
        Err(NotAppended::GaveUp | NotAppended::Locked)
    ));
    drop(holder);
    append(&path, &record("x"), &mut |_| false).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), record("x").to_line());
}

#[test]
fn a_missing_history_opens_as_none_and_a_named_pipe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(open(&dir.path().join("none.jsonl")).unwrap().is_none());
    let pipe = dir.path().join("history.jsonl");
    nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let error = open(&pipe).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: a named pipe, not a regular file", pipe.display())
    );
}
