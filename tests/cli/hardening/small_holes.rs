//! The smaller holes of the second hostile review: a notifier that hangs, a history line
//! whose fields contradict each other, `+` without end, and a named pipe in the history's
//! place, each through the real binary. (Helpers that leave their process group:
//! `voice_orphans`; invisible characters: the `format/invalid` fixtures.)

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::support::{Env, fixture};

/// `due --notify` with only `notify-send` on PATH, a script of `body`.
fn due_notify_with(env: &Env, body: &str) -> crate::support::Outcome {
    let bin = env.scratch().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = bin.join("notify-send");
    // `--help` answers at once, without actions: only the notification itself is `body`.
    let help = "[ \"$1\" = --help ] && exit 0";
    std::fs::write(&script, format!("#!/bin/sh\n{help}\n{body}\n")).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Only a deadline on the whole: a `due` that waited for ever would fail here (124).
    env.stretch()
        .program("timeout")
        .args(["60", crate::support::STRETCH, "due", "--notify"])
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .run()
}

#[test]
fn a_notifier_that_hangs_is_stopped_and_one_that_fails_says_so() {
    let env = Env::new();
    // `exec`: the notifier is the sleep itself, which the stop reaches.
    let hung = due_notify_with(&env, "exec sleep 600");
    hung.expect_code(1);
    assert_eq!(
        hung.stderr,
        "warning: cannot notify: `notify-send` did not finish within 5 s and was stopped\n"
    );
    let failed = due_notify_with(&env, "exit 3");
    failed.expect_code(1);
    assert_eq!(
        failed.stderr,
        "warning: cannot notify: `notify-send` failed (exit status: 3)\n"
    );
}

/// A record of the history, as a line, with `fields` replacing its own.
fn line(fields: &[(&str, &str)]) -> String {
    let mut line = r#"{"v":1,"start":"2026-11-24T07:00:00+01:00","end":"2026-11-24T07:10:00+01:00","routine":"hamstrings","source":"built-in","planned_s":420,"active_s":300,"holds_done":7,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}"#.to_string();
    for (field, value) in fields {
        let start = line.find(&format!("\"{field}\":")).unwrap() + field.len() + 3;
        let end = start + line[start..].find([',', '}']).unwrap();
        line.replace_range(start..end, value);
    }
    line + "\n"
}

#[test]
fn a_history_line_whose_fields_contradict_each_other_is_damaged_and_skipped() {
    let env = Env::new();
    let text = [
        line(&[]),
        // Held for longer than the run lasted: 601 s of a 600 s run, and near u64::MAX.
        line(&[("active_s", "601")]),
        line(&[("active_s", "18446744073709551615")]),
        line(&[("end", "\"2026-11-24T06:59:59+01:00\"")]),
        line(&[("holds_done", "12")]),
        line(&[("active_s", "600")]),
    ]
    .concat();
    let path = env.set_history(&text);
    let run = env
        .stretch()
        .args(["log", "--format", "json"])
        .env(
            "STRETCH_TEST_NOW",
            "2026-11-29T20:00:00+01:00[Europe/Berlin]",
        )
        .run();
    run.expect_code(0).expect_no_crash("log");
    let shown = path.display();
    assert_eq!(
        run.stderr,
        format!(
            "warning: {shown}:2: `active_s` is longer than the time from `start` to `end`; the line is skipped\n\
             warning: {shown}:3: `active_s` is longer than the time from `start` to `end`; the line is skipped\n\
             warning: {shown}:4: `end` is before `start`; the line is skipped\n\
             warning: {shown}:5: `holds_done` or `stretches_done` is more than its total; the line is skipped\n"
        )
    );
    let json = run.json();
    assert_eq!(json["total_sessions"], 2);
    assert_eq!(json["total_minutes"], 15);
    assert_eq!(json["days"][0]["minutes"], 15);
}

#[test]
fn plus_lengthens_a_phase_no_further_than_the_longest_phase() {
    let env = Env::new();
    let mut run = env
        .stretch()
        .args(["run", "--plain", "--no-log"])
        .arg(fixture("history/then_long.toml"))
        .pty();
    run.wait_for_text("hold (10m): Long hold");
    run.type_keys(b"+");
    run.wait_for_text("+5s: hold now");
    let contents = run.contents();
    let said = contents
        .lines()
        .find(|line| line.contains("+5s: hold now"))
        .unwrap_or_default();
    // 10 minutes is the longest a hold (or any phase) can be: `+` adds nothing to it.
    assert!(said.contains("+5s: hold now 10m, "), "{contents}");
    run.type_keys(b"q");
    run.finish();
}

#[test]
fn a_named_pipe_in_the_historys_place_is_named_and_never_waited_on() {
    let env = Env::new();
    let history = env.history();
    std::fs::create_dir_all(history.parent().unwrap()).unwrap();
    let made = Command::new("mkfifo").arg(&history).status().unwrap();
    assert!(made.success());
    let refused = format!("{}: a named pipe, not a regular file", history.display());
    // Each would wait for a writer for ever: `timeout` fails the test (124) instead.
    let in_time = |args: &[&str]| {
        env.stretch()
            .program("timeout")
            .arg("60")
            .arg(crate::support::STRETCH)
            .args(args)
            .fast()
            .run()
    };
    for args in [&["log"][..], &["due"]] {
        let run = in_time(args);
        run.expect_code(1);
        assert_eq!(run.stderr, format!("error: {refused}\n"), "{args:?}");
    }
    let run = in_time(&[
        "run",
        "--plain",
        &fixture("plain/short.toml").display().to_string(),
    ]);
    run.expect_code(0);
    assert_eq!(
        run.stderr,
        format!("warning: this session was not recorded in your history: {refused}\n")
    );
}
