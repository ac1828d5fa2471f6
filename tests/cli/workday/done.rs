//! `stretch done`: a session done without the timer, recorded with `"source": "manual"`,
//! counted for the streaks and `due`, marked in `log`; its routine must exist, and a time
//! in the future is refused.

use super::{at, session, stretch_at, with_config};
use crate::support::{Env, test_hooks};

fn lines(env: &Env) -> Vec<serde_json::Value> {
    std::fs::read_to_string(env.history())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_manual_session_is_recorded_and_counts_for_due_and_the_streak() {
    if !test_hooks("a_manual_session_is_recorded_and_counts_for_due_and_the_streak") {
        return;
    }
    let env = Env::new();
    // Yesterday's session: a 1-day streak, and today not yet.
    env.set_history(session(&at(-24 * 60)));
    stretch_at(&env, &at(0), None, &["due"])
        .run()
        .expect_code(1);
    let run = stretch_at(&env, &at(0), None, &["done", "desk", "--minutes", "5"]).run();
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "Recorded desk, 5m, ended 2026-03-03 11:00: it counts for your streak and for `due`.\n"
    );
    let record = lines(&env).pop().unwrap();
    assert_eq!(
        record,
        serde_json::json!({
            "v": 1, "start": "2026-03-03T10:55:00+01:00", "end": "2026-03-03T11:00:00+01:00",
            "routine": "desk", "title": "desk", "source": "manual",
            "planned_s": record["planned_s"], "active_s": 300,
            "holds_done": record["holds_total"], "holds_total": record["holds_total"],
            "stretches_done": record["stretches_total"], "stretches_total": record["stretches_total"],
            "skipped": [], "ending": "finished"
        })
    );
    assert!(record["stretches_total"].as_u64().unwrap() >= 1);
    stretch_at(&env, &at(0), None, &["due"])
        .run()
        .expect_code(0);
    stretch_at(&env, &at(30), None, &["due", "--every", "50m"])
        .run()
        .expect_code(0);
    let log = stretch_at(&env, &at(0), None, &["log", "--format", "json"]).run();
    assert_eq!(log.expect_code(0).json()["current_streak_days"], 2);
    let text = stretch_at(&env, &at(0), None, &["log", "-n", "2"])
        .run()
        .stdout;
    let rows: Vec<&str> = text.lines().skip(1).take(2).collect();
    assert!(
        rows[0].starts_with("2026-03-03  10:55  desk") && rows[0].ends_with("  manual"),
        "{text}"
    );
    assert!(rows[1].ends_with("  finished"), "{text}");
}

#[test]
fn without_a_routine_it_is_the_config_file_s_and_its_total_is_the_length() {
    if !test_hooks("without_a_routine_it_is_the_config_file_s_and_its_total_is_the_length") {
        return;
    }
    let env = with_config("routine = \"lower-back\"\n");
    let run = stretch_at(&env, &at(0), None, &["done", "--at", "10:00"]).run();
    run.expect_code(0);
    let record = lines(&env).pop().unwrap();
    assert_eq!(record["routine"], "lower-back");
    assert_eq!(record["end"], "2026-03-03T10:00:00+01:00");
    let planned = record["planned_s"].as_u64().unwrap();
    let start: jiff::Timestamp = record["start"].as_str().unwrap().parse().unwrap();
    let end: jiff::Timestamp = record["end"].as_str().unwrap().parse().unwrap();
    assert_eq!(end.duration_since(start).as_secs() as u64, planned);
    // A date and a time.
    stretch_at(
        &env,
        &at(0),
        None,
        &["done", "desk", "--at", "2026-03-02 18:30"],
    )
    .run()
    .expect_code(0);
    assert_eq!(
        lines(&env).pop().unwrap()["end"],
        "2026-03-02T18:30:00+01:00"
    );
}

#[test]
fn a_routine_that_is_not_there_and_a_time_to_come_are_refused() {
    if !test_hooks("a_routine_that_is_not_there_and_a_time_to_come_are_refused") {
        return;
    }
    let env = Env::new();
    let future = stretch_at(&env, &at(0), None, &["done", "desk", "--at", "11:01"]).run();
    future.expect_code(2);
    assert_eq!(
        future.stderr,
        "error: 2026-03-03 11:01 is in the future: record a session once it is done\n"
    );
    let missing = stretch_at(&env, &at(0), None, &["done", "deks"]).run();
    missing.expect_code(1);
    assert!(missing.stderr.contains("deks"), "{}", missing.stderr);
    assert!(!env.history().exists(), "nothing recorded");
    let bad = env.stretch().args(["done", "--minutes", "0"]).run();
    bad.expect_code(2);
    let bad = env.stretch().args(["done", "--at", "25:00"]).run();
    bad.expect_code(2);
    assert!(
        bad.stderr.contains("is not a time of day as HH:MM"),
        "{}",
        bad.stderr
    );
}
