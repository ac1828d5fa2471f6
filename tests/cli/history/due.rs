//! `stretch due`: silent and 0 once today counts, else 1 and one line; the streak it
//! names across a month's end, a daylight-saving change and a trip; fast paths kept quiet.

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;

use crate::support::{Env, Outcome, fixture, fixture_bytes, test_hooks};

fn due(env: &Env, now: &str, args: &[&str]) -> Outcome {
    env.stretch()
        .arg("due")
        .args(args)
        .env("STRETCH_TEST_NOW", now)
        .run()
}

fn streak_line(days: u32) -> String {
    format!("No stretching yet today: keep your {days}-day streak going with `stretch run`\n")
}

#[test]
fn an_empty_or_missing_history_gets_a_plain_nudge_and_quiet_gets_nothing() {
    let env = Env::new();
    let now = "2026-03-03T09:00:00+01:00[Europe/Berlin]";
    let run = due(&env, now, &[]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "No stretching yet today: a few minutes of `stretch run` will do you good\n"
    );
    assert_eq!(run.stderr, "");
    env.set_history("");
    let run = due(&env, now, &["--quiet"]);
    run.expect_code(1);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
}

#[test]
fn before_and_after_todays_first_session() {
    if !test_hooks("before_and_after_todays_first_session") {
        return;
    }
    let env = Env::new();
    env.set_history(fixture_bytes("history/month_boundary.jsonl"));
    let now = "2026-03-03T09:00:00+01:00[Europe/Berlin]";
    let run = due(&env, now, &[]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        streak_line(5),
        "Feb 26 to Mar 2, across the month's end"
    );
    env.stretch()
        .args(["run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .env("STRETCH_TEST_NOW", now)
        .fast()
        .run()
        .expect_code(0);
    let run = due(&env, now, &[]);
    run.expect_code(0);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert_eq!(due(&env, now, &["--quiet"]).code, 0);
}

#[test]
fn a_streak_runs_across_a_daylight_saving_change_and_a_change_of_offset() {
    if !test_hooks("a_streak_runs_across_a_daylight_saving_change_and_a_change_of_offset") {
        return;
    }
    let env = Env::new();
    env.set_history(fixture_bytes("history/dst.jsonl"));
    let run = due(&env, "2026-03-31T20:00:00+02:00[Europe/Berlin]", &[]);
    assert_eq!(run.stdout, streak_line(3), "Mar 28, 29 (the change) and 30");
    // New York, then Berlin: in UTC, or in either zone, two of these share a day.
    env.set_history(fixture_bytes("history/trip.jsonl"));
    for now in [
        "2026-06-04T10:00:00+02:00[Europe/Berlin]",
        "2026-06-04T04:00:00-04:00[America/New_York]",
    ] {
        assert_eq!(due(&env, now, &[]).stdout, streak_line(3), "{now}");
    }
}

#[test]
fn a_100000_line_history_with_an_old_damaged_line_is_answered_without_a_warning() {
    if !test_hooks("a_100000_line_history_with_an_old_damaged_line_is_answered_without_a_warning") {
        return;
    }
    let env = Env::new();
    // 100,000 sessions, about 27 a day up to yesterday with a gap a week ago, and a
    // damaged line near the start.
    let mut text = String::from("{\"v\":1,\"start\":\"cut\n");
    let last = jiff::civil::date(2026, 3, 13);
    for n in 0..100_000i64 {
        let day = last
            .checked_sub(jiff::Span::new().days((99_999 - n) / 27))
            .unwrap();
        if day == jiff::civil::date(2026, 3, 9) {
            continue;
        }
        let _ = writeln!(
            text,
            r#"{{"v":1,"start":"{day}T07:00:00+01:00","end":"{day}T07:07:00+01:00","routine":"hamstrings","source":"built-in","planned_s":420,"active_s":330,"holds_done":11,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}}"#
        );
    }
    env.set_history(&text);
    let run = due(&env, "2026-03-14T12:00:00+01:00[Europe/Berlin]", &[]);
    run.expect_code(1);
    assert_eq!(run.stdout, streak_line(4), "Mar 10 to 13");
    assert_eq!(run.stderr, "");
    let run = due(&env, "2026-03-13T12:00:00+01:00[Europe/Berlin]", &[]);
    run.expect_code(0);
}

#[test]
fn notify_sends_the_nudge_when_notify_send_is_there_and_says_why_not_when_not() {
    let env = Env::new();
    let bin = env.scratch().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let sent = env.scratch().join("sent");
    let script = bin.join("notify-send");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s|' \"$@\" > '{}'\n", sent.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let now = "2026-03-03T09:00:00+01:00[Europe/Berlin]";
    let run = env
        .stretch()
        .args(["due", "--notify", "--quiet"])
        .env("STRETCH_TEST_NOW", now)
        .env("PATH", &bin)
        .run();
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        std::fs::read_to_string(&sent).unwrap(),
        "--app-name=stretch|stretch|No stretching yet today: a few minutes of `stretch run` will do you good|"
    );
    let empty = env.scratch().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = env
        .stretch()
        .args(["due", "--notify"])
        .env("STRETCH_TEST_NOW", now)
        .env("PATH", &empty)
        .run();
    run.expect_code(1);
    // One line, so that a timer that can never notify says why in its journal.
    assert_eq!(
        run.stderr,
        "warning: cannot notify: `notify-send` is not installed\n"
    );
    assert!(run.stdout.starts_with("No stretching yet today"));
    // `--quiet` says nothing, not even that: it is for prompts.
    let quiet = env
        .stretch()
        .args(["due", "--notify", "--quiet"])
        .env("STRETCH_TEST_NOW", now)
        .env("PATH", &empty)
        .run();
    quiet.expect_code(1);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));
}

#[test]
fn due_reads_no_further_back_than_the_last_8_mib() {
    // A 3-day streak, then a damaged end: within 8 MiB of the end it is found, past it not.
    // Before the bound, the whole file was read back, however much of it was damaged
    // (3.5 s on 1 GB of NULs).
    let streak: String = [10, 11, 12]
        .iter()
        .map(|day| {
            format!(
                r#"{{"v":1,"start":"2026-03-{day}T07:00:00+01:00","end":"2026-03-{day}T07:07:00+01:00","routine":"hamstrings","source":"built-in","planned_s":420,"active_s":330,"holds_done":11,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}}"#
            ) + "\n"
        })
        .collect();
    let now = "2026-03-13T12:00:00+01:00[Europe/Berlin]";
    for (damage, found) in [(7 << 20, true), (9 << 20, false)] {
        let env = Env::new();
        env.set_history(streak.clone() + &"\0".repeat(damage) + "\n");
        let run = due(&env, now, &[]);
        run.expect_code(1);
        assert_eq!(run.stderr, "");
        let expected = if found {
            streak_line(3)
        } else {
            "No stretching yet today: a few minutes of `stretch run` will do you good\n".into()
        };
        assert_eq!(run.stdout, expected, "{damage} bytes of damage");
    }
}
