//! `stretch log` in its three formats, with `--since`, `-n` and `--weeks`; the days and
//! streaks it counts across a month's end, a daylight-saving change and a trip; and the
//! friendly line for an empty history.

use serde_json::json;

use crate::support::{Env, Outcome, fixture_bytes, test_hooks};

/// Sunday 29 November 2026, in Berlin.
const NOW: &str = "2026-11-29T20:00:00+01:00[Europe/Berlin]";

fn log(env: &Env, now: &str, args: &[&str]) -> Outcome {
    env.stretch()
        .arg("log")
        .args(args)
        .env("STRETCH_TEST_NOW", now)
        .run()
}

fn with(fixture: &str) -> Env {
    let env = Env::new();
    env.set_history(fixture_bytes(&format!("history/{fixture}")));
    env
}

#[test]
fn text_lists_the_last_sessions_the_streaks_the_weeks_and_a_chart() {
    if !test_hooks("text_lists_the_last_sessions_the_streaks_the_weeks_and_a_chart") {
        return;
    }
    let env = with("log.jsonl");
    let run = log(&env, NOW, &["-n", "4", "--weeks", "3"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "\
DATE        TIME   ROUTINE                   IN HOLDS  HOLDS  ENDED
2026-11-26  12:00  hamstrings                      7m   3/11  hangup
2026-11-26  07:00  hamstrings                     30s   0/11  quit
2026-11-25  07:00  hamstrings                      7m   7/11  finished
2026-11-23  18:30  My \"evening\", short             3m   2/11  interrupted

Current streak: 0 days   Longest streak: 2 days
This week: 18 min   Last week: 32 min
Total: 6 sessions in 5 days, 50 min in holds

    Nov
Mon · ▓ ░
Tue · █ ·
Wed · · ▒
Thu · · ▒
Fri · · ·
Sat · · ·
Sun · · ·
    · 0 ░ <5 ▒ 5-9 ▓ 10-19 █ 20+ min
"
    );
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

/// `--since` limits the sessions listed; the figures are always the whole history's.
#[test]
fn json_gives_the_figures_every_day_and_the_records_as_stored() {
    if !test_hooks("json_gives_the_figures_every_day_and_the_records_as_stored") {
        return;
    }
    let env = with("log.jsonl");
    let run = log(&env, NOW, &["--format", "json", "--since", "2026-11-20"]);
    run.expect_code(0);
    let mut value = run.json();
    let sessions = value["sessions"].take();
    assert_eq!(
        value,
        json!({
            "current_streak_days": 0, "longest_streak_days": 2,
            "week_minutes": 18, "last_week_minutes": 32, "total_sessions": 6,
            "total_minutes": 50, "sessions": null,
            "days": [
                {"date": "2026-11-16", "minutes": 10, "sessions": 1},
                {"date": "2026-11-17", "minutes": 22, "sessions": 1},
                {"date": "2026-11-23", "minutes": 3, "sessions": 1},
                {"date": "2026-11-25", "minutes": 7, "sessions": 1},
                {"date": "2026-11-26", "minutes": 8, "sessions": 2},
            ]
        })
    );
    let stored: Vec<serde_json::Value> = String::from_utf8(fixture_bytes("history/log.jsonl"))
        .unwrap()
        .lines()
        .skip(3)
        .take(4)
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(sessions, json!(stored));
}

#[test]
fn csv_gives_a_row_a_session_with_a_header() {
    let env = with("log.jsonl");
    let run = log(&env, NOW, &["--format", "csv", "--since", "2026-11-23"]);
    run.expect_code(0);
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[0],
        "date,time,routine,title,source,start,end,planned_s,active_s,holds_done,holds_total,stretches_done,stretches_total,skipped,ending"
    );
    assert_eq!(
        rows[1],
        "2026-11-23,18:30:00,\"My \"\"evening\"\", short\",,built-in,2026-11-23T18:30:00+01:00,2026-11-23T18:34:00+01:00,420,180,2,11,2,3,toe-touch,interrupted"
    );
}

#[test]
fn days_and_streaks_go_by_each_sessions_own_offset() {
    if !test_hooks("days_and_streaks_go_by_each_sessions_own_offset") {
        return;
    }
    let env = with("month_boundary.jsonl");
    let run = log(
        &env,
        "2026-03-02T22:00:00+01:00[Europe/Berlin]",
        &["--format", "json"],
    );
    assert_eq!(run.json()["current_streak_days"], 5, "Feb 26 to Mar 2");
    assert_eq!(
        run.json()["longest_streak_days"],
        5,
        "Feb 25 has no whole stretch"
    );
    let env = with("dst.jsonl");
    let run = log(
        &env,
        "2026-03-30T22:00:00+02:00[Europe/Berlin]",
        &["--format", "json"],
    );
    assert_eq!(run.json()["current_streak_days"], 3);
    let env = with("trip.jsonl");
    for tz in ["Europe/Berlin", "America/New_York", "UTC"] {
        let run = env
            .stretch()
            .args(["log", "--format", "json"])
            .env(
                "STRETCH_TEST_NOW",
                "2026-06-03T20:00:00+02:00[Europe/Berlin]",
            )
            .env("TZ", tz)
            .run();
        let dates: Vec<String> = run.json()["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|day| day["date"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2026-06-01", "2026-06-02", "2026-06-03"], "TZ={tz}");
        assert_eq!(run.json()["current_streak_days"], 3, "TZ={tz}");
    }
}

#[test]
fn an_empty_or_missing_history_gets_a_friendly_line() {
    let env = Env::new();
    let run = log(&env, NOW, &[]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        format!(
            "No sessions yet. Run `stretch run` to start: each session is recorded in {}.\n",
            env.history().display()
        )
    );
    env.set_history("");
    let run = log(&env, NOW, &["--format", "json"]);
    run.expect_code(0);
    assert_eq!(run.json()["total_sessions"], 0);
    assert_eq!(
        log(&env, NOW, &["--format", "csv"]).stdout.lines().count(),
        1
    );
}

#[test]
fn since_takes_days_before_today_and_limits_only_the_sessions_listed() {
    let env = with("log.jsonl");
    let listed = |since: &str| {
        let run = log(&env, NOW, &["--format", "json", "--since", since]);
        let value = run.expect_code(0).json();
        assert_eq!(value["longest_streak_days"], 2, "{since}");
        assert_eq!(value["total_sessions"], 6, "{since}");
        value["sessions"].as_array().map(Vec::len)
    };
    // NOW is Sunday 29 November; the sessions are on the 16th, 17th, 23rd, 25th and 26th
    // (two); 1w reaches back to the 22nd.
    assert_eq!(listed("2026-11-25"), Some(3));
    assert_eq!(listed("4d"), Some(3));
    assert_eq!(listed("1w"), Some(4));
    assert_eq!(listed("2w"), Some(6));
    assert_eq!(listed("yesterday"), Some(0));
    assert_eq!(listed("today"), Some(0));
    let text = log(&env, NOW, &["--since", "yesterday"]);
    assert_eq!(
        text.expect_code(0).stdout,
        "No sessions since 2026-11-28.\n"
    );
    let bad = log(&env, NOW, &["--since", "last tuesday"]);
    assert_eq!(
        bad.expect_code(2).stderr.lines().next(),
        Some(
            "error: invalid value 'last tuesday' for '--since <WHEN>': `last tuesday` is not a day: \
         write a date as YYYY-MM-DD, `today`, `yesterday`, or days or weeks ago as `3d` or `2w`"
        )
    );
}

#[test]
fn no_sessions_asked_for_is_no_table_at_all() {
    let env = with("log.jsonl");
    let run = log(&env, NOW, &["-n", "0", "--weeks", "1"]);
    assert!(
        run.expect_code(0)
            .stdout
            .starts_with("Current streak: 0 days   Longest streak: 2 days\n"),
        "{}",
        run.stdout
    );
}

/// A session recorded afterwards with `stretch done --at` is listed where it ended in the
/// day, not where its line stands in the file.
#[test]
fn sessions_are_listed_by_when_they_ended_not_when_they_were_recorded() {
    if !test_hooks("sessions_are_listed_by_when_they_ended_not_when_they_were_recorded") {
        return;
    }
    let line = |start: &str, end: &str, routine: &str| {
        format!(
            "{{\"v\":1,\"start\":\"2026-11-27T{start}:00+01:00\",\"end\":\"2026-11-27T{end}:00+01:00\",\
             \"routine\":\"{routine}\",\"source\":\"built-in\",\"planned_s\":300,\"active_s\":300,\
             \"holds_done\":5,\"holds_total\":5,\"stretches_done\":5,\"stretches_total\":5,\
             \"skipped\":[],\"ending\":\"finished\"}}\n"
        )
    };
    let env = Env::new();
    env.set_history(
        line("18:00", "18:05", "desk")
            + &line("07:00", "07:05", "morning")
            + &line("12:00", "12:05", "hamstrings"),
    );
    let run = log(&env, NOW, &["-n", "3", "--weeks", "1"]);
    let table: Vec<&str> = run.expect_code(0).stdout.lines().take(4).collect();
    assert_eq!(
        table,
        [
            "DATE        TIME   ROUTINE                   IN HOLDS  HOLDS  ENDED",
            "2026-11-27  18:00  desk                            5m    5/5  finished",
            "2026-11-27  12:00  hamstrings                      5m    5/5  finished",
            "2026-11-27  07:00  morning                         5m    5/5  finished",
        ]
    );
}
