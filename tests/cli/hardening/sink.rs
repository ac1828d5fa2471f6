//! Nothing reaches standard output unsanitised: every output goes through one sink, text,
//! JSON and CSV alike. A crafted history line, or a path with escape sequences, puts no
//! control, bidi or invisible character on stdout: JSON escapes them (the data stays
//! exact), CSV and text replace them with U+FFFD, and a CSV field is never a formula.

use crate::support::{Env, Outcome};

/// Every character of `out` that must never reach a terminal as it is, but newlines and
/// tabs (a CSV field keeps its tabs: they are data, and start no sequence).
fn unsafe_chars(out: &str) -> Vec<char> {
    out.chars()
        .filter(|&c| {
            c != '\n'
                && c != '\t'
                && (c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                    || matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'))
        })
        .collect()
}

fn assert_safe(run: &Outcome, what: &str) {
    assert_eq!(
        unsafe_chars(&run.stdout),
        Vec::<char>::new(),
        "{what}: {:?}",
        run.stdout
    );
    assert_eq!(
        unsafe_chars(&run.stderr),
        Vec::<char>::new(),
        "{what}: {:?}",
        run.stderr
    );
}

/// A routine's name with CSI and OSC sequences (raw and as C1), bidi and invisible
/// characters, as a history line (JSON) writes it.
const HOSTILE: &str = r"\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil\u200b\ufeff";

/// The same name as read back.
const READ_BACK: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}evil\u{200b}\u{feff}";

fn history_line(routine: &str, source: &str) -> String {
    format!(
        r#"{{"v":1,"start":"2026-11-24T07:00:00+01:00","end":"2026-11-24T07:10:00+01:00","routine":"{routine}","source":"{source}","planned_s":420,"active_s":300,"holds_done":7,"holds_total":11,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}}"#
    ) + "\n"
}

fn log(env: &Env, format: &str) -> Outcome {
    let run = env
        .stretch()
        .args(["log", "--format", format])
        .env(
            "STRETCH_TEST_NOW",
            "2026-11-29T20:00:00+01:00[Europe/Berlin]",
        )
        .run();
    run.expect_code(0);
    run
}

#[test]
fn log_as_json_escapes_every_unsafe_character_and_keeps_the_data_exact() {
    let env = Env::new();
    env.set_history(history_line(HOSTILE, "built-in"));
    let run = log(&env, "json");
    assert_safe(&run, "log --format json");
    assert_eq!(run.json()["sessions"][0]["routine"], READ_BACK);
    assert!(
        run.stdout.contains(
            r#""routine": "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil\u200b\ufeff""#
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn log_as_csv_replaces_unsafe_characters_and_never_writes_a_formula() {
    let env = Env::new();
    env.set_history(
        history_line(HOSTILE, "built-in")
            + &history_line(r"=HYPERLINK(\\\u0022x\\\u0022)", r"\t=1+1")
            + &history_line("@SUM(A1)", r"\r-2"),
    );
    let run = log(&env, "csv");
    assert_safe(&run, "log --format csv");
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(
        rows[0],
        "2026-11-24,07:00:00,\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m\u{FFFD}evil\u{FFFD}\u{FFFD},,built-in,\
         2026-11-24T07:00:00+01:00,2026-11-24T07:10:00+01:00,420,300,7,11,7,7,,finished"
    );
    assert!(
        rows[1].starts_with("2026-11-24,07:00:00,\"'=HYPERLINK(\\\"\"x\\\"\")\",,'\t=1+1,"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].starts_with("2026-11-24,07:00:00,'@SUM(A1),,'\u{FFFD}-2,"),
        "{}",
        rows[2]
    );
}

#[test]
fn log_as_text_and_its_warnings_are_safe_too() {
    let env = Env::new();
    env.set_history(history_line(HOSTILE, "built-in") + "\u{1b}]0;damaged\u{7}\n");
    let run = log(&env, "text");
    assert_safe(&run, "log");
    assert!(
        run.stderr.contains(":2: not a JSON object"),
        "{}",
        run.stderr
    );
}

#[test]
fn config_as_json_escapes_the_paths_it_shows() {
    let env = Env::new();
    let hostile = env
        .root()
        .join("conf\u{9b}31m\u{202e}ig\u{200b}\u{1b}]0;x\u{7}");
    std::fs::create_dir_all(&hostile).unwrap();
    let run = env
        .stretch()
        .args(["config", "--format", "json"])
        .env("XDG_CONFIG_HOME", &hostile)
        .run();
    run.expect_code(0);
    assert_safe(&run, "config --format json");
    let config = hostile.join("stretch").join("config.toml");
    assert_eq!(run.json()["files"]["config"], config.to_str().unwrap());
    let text = env
        .stretch()
        .arg("config")
        .env("XDG_CONFIG_HOME", &hostile)
        .run();
    text.expect_code(0);
    assert_safe(&text, "config");
}
