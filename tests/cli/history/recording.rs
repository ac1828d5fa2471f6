//! Every run that completed a hold is recorded as it ends, however it ends; one that
//! completed none is not; concurrent runs and damaged files still get whole lines; and a
//! history that cannot be written only costs a warning.

use std::os::unix::fs::symlink;

use nix::sys::signal::Signal;
use serde_json::json;

use super::lines;
use crate::support::{Env, Spawned, fixture, test_hooks};

const NOW: &str = "2026-12-01T07:30:05+01:00[Europe/Berlin]";

/// `stretch run --plain then_long.toml` in `env`, once its quick hold has completed.
fn start_then_long(env: &Env) -> Spawned {
    let mut run = env
        .stretch()
        .args(["run", "--plain"])
        .arg(fixture("history/then_long.toml"))
        .env("STRETCH_TEST_NOW", NOW)
        .fast()
        .spawn();
    assert!(run.read_line().contains("hold (1s): Quick"));
    assert!(run.read_line().contains("hold (10m): Long hold"));
    run
}

#[test]
fn a_finished_run_records_every_field() {
    if !test_hooks("a_finished_run_records_every_field") {
        return;
    }
    let env = Env::new();
    let routine = fixture("plain/short.toml");
    let run = env
        .stretch()
        .args(["run", "--plain"])
        .arg(&routine)
        .env("STRETCH_TEST_NOW", NOW)
        .fast()
        .run();
    run.expect_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let mut record = lines(&env).pop().unwrap();
    let end = record["end"].take();
    assert_eq!(
        record,
        json!({
            "v": 1, "start": "2026-12-01T07:30:05+01:00", "end": null, "routine": "short", "title": "Short",
            "source": routine.to_str().unwrap(), "planned_s": 4, "active_s": 3,
            "holds_done": 3, "holds_total": 3, "stretches_done": 2, "stretches_total": 2,
            "skipped": [], "ending": "finished"
        })
    );
    // The run lasts about four seconds after its start, in the same offset.
    let end = end.as_str().unwrap();
    assert!(
        end.starts_with("2026-12-01T07:30:") && end.ends_with("+01:00"),
        "{end}"
    );
    assert!(end > "2026-12-01T07:30:08", "{end}");
}

#[test]
fn a_built_in_routine_is_recorded_as_built_in() {
    let env = Env::new();
    env.stretch()
        .args(["run", "hamstrings-beginner", "--hold", "1s", "--only"])
        .arg("lying-strap")
        .args(["--lead-in", "0", "--switch", "0"])
        .fast()
        .run()
        .expect_code(0);
    let record = lines(&env).pop().unwrap();
    assert_eq!(record["source"], "built-in");
    assert_eq!(record["routine"], "hamstrings-beginner");
    assert_eq!(record["stretches_total"], 1);
}

/// A run ended by `signal` exits with `code` and records `ending`.
fn a_signal_ends_the_run_and_is_recorded(signal: Signal, code: i32, ending: &str) {
    let env = Env::new();
    let run = start_then_long(&env);
    run.signal(signal);
    let outcome = run.finish();
    outcome.expect_code(code);
    assert!(
        outcome
            .stdout
            .contains("Interrupted: 1 of 2 stretches done (1 of 2 holds)"),
        "{}",
        outcome.stdout
    );
    let records = lines(&env);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["ending"], ending);
    assert_eq!(records[0]["holds_done"], 1);
    assert_eq!(records[0]["stretches_done"], 1);
    assert!(records[0]["active_s"].as_u64().unwrap() >= 1);
}

#[test]
fn sigint_ends_the_run_and_is_recorded_as_interrupted() {
    a_signal_ends_the_run_and_is_recorded(Signal::SIGINT, 130, "interrupted");
}

#[test]
fn sigterm_ends_the_run_and_is_recorded_as_terminated() {
    a_signal_ends_the_run_and_is_recorded(Signal::SIGTERM, 143, "terminated");
}

#[test]
fn sighup_ends_the_run_and_is_recorded_as_hangup() {
    a_signal_ends_the_run_and_is_recorded(Signal::SIGHUP, 129, "hangup");
}

#[test]
fn quitting_records_quit_and_the_stretch_skipped_with_n() {
    let env = Env::new();
    let mut run = env
        .stretch()
        .arg("run")
        .arg(fixture("history/skip_first.toml"))
        .fast()
        .pty();
    run.wait_for_text("First stretch");
    run.type_keys(b"n");
    run.wait_for_text("Long hold");
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
    let record = lines(&env).pop().unwrap();
    assert_eq!(record["ending"], "quit");
    assert_eq!(record["skipped"], json!(["first"]));
    assert_eq!(record["holds_done"], 1);
    assert_eq!(record["stretches_done"], 1);
    assert_eq!(record["stretches_total"], 3);
}

#[test]
fn a_run_with_no_completed_hold_is_not_recorded_nor_one_with_no_log() {
    let env = Env::new();
    let mut run = env
        .stretch()
        .args(["run", "--plain"])
        .arg(fixture("plain/long.toml"))
        .spawn();
    assert!(run.read_line().contains("hold (10m): Long hold"));
    run.signal(Signal::SIGTERM);
    run.finish().expect_code(143);
    assert!(!env.history().exists());

    env.stretch()
        .args(["run", "--plain", "--no-log"])
        .arg(fixture("plain/short.toml"))
        .fast()
        .run()
        .expect_code(0);
    assert!(!env.history().exists());
}

#[test]
fn twenty_runs_ending_at_once_leave_twenty_whole_lines() {
    let env = Env::new();
    let runs: Vec<Spawned> = (0..20)
        .map(|_| {
            env.stretch()
                .args(["run", "--plain", "--hold", "1s"])
                .arg(fixture("plain/short.toml"))
                .fast()
                .spawn()
        })
        .collect();
    for run in runs {
        run.finish().expect_code(0);
    }
    let records = lines(&env);
    assert_eq!(records.len(), 20);
    assert!(records.iter().all(|r| r["holds_done"] == 3));
}

#[test]
fn a_damaged_line_and_a_cut_off_last_line_are_kept_and_the_next_run_appends_a_whole_line() {
    let env = Env::new();
    let before = std::fs::read(fixture("history/log.jsonl")).unwrap();
    env.set_history(&before);
    env.stretch()
        .args(["run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .fast()
        .run()
        .expect_code(0);
    let after = std::fs::read(env.history()).unwrap();
    assert_eq!(after[..before.len()], before[..], "nothing is rewritten");
    let added = String::from_utf8(after[before.len()..].to_vec()).unwrap();
    assert!(
        added.starts_with("\n{\"v\":1,") && added.ends_with("}\n"),
        "{added:?}"
    );
    assert_eq!(added.matches('\n').count(), 2);
    let log = env.stretch().args(["log", "--format", "json"]).run();
    log.expect_code(0);
    assert_eq!(log.json()["total_sessions"], 7);
    let history = env.history().display().to_string();
    assert_eq!(
        log.stderr,
        format!(
            "warning: {history}:3: not a JSON object (expected ident at line 1 column 2); the line is skipped\n\
             warning: {history}:8: the line is cut short; the line is skipped\n"
        )
    );
}

#[test]
fn a_history_that_cannot_be_written_costs_one_warning_and_nothing_else() {
    // Tests may run as root, whom a read-only folder does not stop: the causes here are a
    // data folder that is a regular file, and a device (/dev/full) in the history's place,
    // which is refused, never written to. (A full disk: `history::lock`.)
    let env = Env::new();
    let not_a_folder = env.scratch().join("file");
    std::fs::write(&not_a_folder, "").unwrap();
    let run = env
        .stretch()
        .args(["run", "--plain"])
        .arg(fixture("plain/short.toml"))
        .env("XDG_DATA_HOME", &not_a_folder)
        .fast()
        .run();
    run.expect_code(0);
    assert!(run.stdout.ends_with(
        "Routine complete: 2 of 2 stretches done (3 of 3 holds), 3s in holds, 4s in all.\n"
    ));
    assert_eq!(
        run.stderr,
        format!(
            "warning: this session was not recorded in your history: cannot make the folder {}/stretch: Not a directory (os error 20)\n",
            not_a_folder.display()
        )
    );

    let env = Env::new();
    std::fs::create_dir_all(env.history().parent().unwrap()).unwrap();
    symlink("/dev/full", env.history()).unwrap();
    let run = start_then_long(&env);
    run.signal(Signal::SIGTERM);
    let outcome = run.finish();
    outcome.expect_code(143);
    assert!(
        outcome
            .stdout
            .contains("Interrupted: 1 of 2 stretches done")
    );
    assert_eq!(
        outcome.stderr,
        format!(
            "warning: this session was not recorded in your history: {}: a device, not a regular file\n",
            env.history().display()
        )
    );
}
