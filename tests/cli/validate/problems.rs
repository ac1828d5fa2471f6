//! The table of [`expectations`] checked against the JSON and the text reports, the
//! hostile fixtures, and the valid fixtures.

use super::Expected;
use super::expectations::expectations;
use crate::support::{Env, fixture_dir, fixture_names, headlines, locations};

/// Fixtures made to break the reader rather than to break one rule: their exact
/// diagnostics depend on the TOML reader's limits, so only the kind of problem is checked.
const HOSTILE: &[(&str, &str)] = &[
    (
        "random-bytes.toml",
        "the file is not UTF-8: invalid byte at line ",
    ),
    (
        "deeply-nested-array.toml",
        "TOML syntax: cannot recurse further; max recursion depth met",
    ),
    (
        "deeply-nested-inline-table.toml",
        "TOML syntax: cannot recurse further; max recursion depth met",
    ),
    (
        "deeply-nested-array-20000.toml",
        "TOML syntax: cannot recurse further; max recursion depth met",
    ),
    (
        "deeply-nested-inline-table-20000.toml",
        "TOML syntax: cannot recurse further; max recursion depth met",
    ),
    ("deeply-dotted-key.toml", "TOML syntax: recursion limit"),
];

fn json_diagnostics(value: &serde_json::Value) -> Vec<Expected> {
    let number = |v: &serde_json::Value| v.as_u64();
    value["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "error");
            Expected {
                line: number(&d["line"]),
                column: number(&d["column"]),
                message: d["message"].as_str().expect("message").to_string(),
                help: d["help"].as_str().map(str::to_string),
            }
        })
        .collect()
}

#[test]
fn every_invalid_fixture_has_its_expectations() {
    let mut covered: Vec<&str> = expectations().iter().map(|(name, _)| *name).collect();
    covered.extend(HOSTILE.iter().map(|(name, _)| *name));
    covered.sort();
    assert_eq!(covered, fixture_names("format/invalid"));
}

#[test]
fn each_invalid_fixture_reports_exactly_its_problems() {
    let env = Env::new();
    let dir = fixture_dir("format/invalid");
    // Every fixture is checked before failing, so that one run shows every mismatch.
    let mut mismatches = Vec::new();
    for (name, expected) in expectations() {
        let json = env
            .stretch()
            .current_dir(&dir)
            .args(["validate", "--format", "json", name])
            .run();
        json.expect_code(1);
        let reports = json.json();
        assert_eq!(reports.as_array().map(Vec::len), Some(1), "{name}");
        assert_eq!(reports[0]["file"], name);
        assert_eq!(reports[0]["valid"], false, "{name}");
        let found = json_diagnostics(&reports[0]);
        if found != expected {
            mismatches.push(format!(
                "{name}:\n  found    {found:?}\n  expected {expected:?}"
            ));
            continue;
        }

        // The text report says the same, in the same order, rustc style.
        let text = env
            .stretch()
            .current_dir(&dir)
            .args(["validate", name])
            .run();
        text.expect_code(1);
        assert_eq!(text.stdout, "", "{name}");
        // The text shows what the JSON keeps exact with each control character made U+FFFD.
        let shown = |message: &str| -> String {
            message
                .chars()
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
                .collect()
        };
        let mut messages: Vec<String> = expected.iter().map(|e| shown(&e.message)).collect();
        messages.push(format!(
            "1 of 1 routine file is invalid ({} problem{})",
            expected.len(),
            if expected.len() == 1 { "" } else { "s" }
        ));
        if headlines(&text.stderr) != messages {
            mismatches.push(format!("{name}: headlines of\n{}", text.stderr));
        }
        let places: Vec<String> = expected
            .iter()
            .map(|e| match (e.line, e.column) {
                (Some(line), Some(column)) => format!("{name}:{line}:{column}"),
                _ => name.to_string(),
            })
            .collect();
        if locations(&text.stderr) != places {
            mismatches.push(format!("{name}: locations of\n{}", text.stderr));
        }
        for help in expected.iter().filter_map(|e| e.help.as_deref()) {
            if !text.stderr.contains(&format!("= help: {help}\n")) {
                mismatches.push(format!("{name}: no help `{help}` in\n{}", text.stderr));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn hostile_fixtures_are_refused_with_a_diagnostic() {
    let env = Env::new();
    let dir = fixture_dir("format/invalid");
    for (name, message) in HOSTILE {
        let run = env
            .stretch()
            .current_dir(&dir)
            .args(["validate", "--format", "json", name])
            .run();
        run.expect_code(1).expect_no_crash(name);
        let first = &run.json()[0]["diagnostics"][0]["message"];
        assert!(
            first.as_str().is_some_and(|m| m.starts_with(message)),
            "{name}: {first}"
        );
    }
}

#[test]
fn every_valid_fixture_validates() {
    let env = Env::new();
    let names = fixture_names("format/valid");
    assert!(names.len() >= 14, "{names:?}");
    let mut args = vec!["validate"];
    args.extend(names.iter().map(String::as_str));
    let run = env
        .stretch()
        .current_dir(fixture_dir("format/valid"))
        .args(&args)
        .run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let oks: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(oks.len(), names.len(), "{}", run.stdout);
    for (line, name) in oks.iter().zip(&names) {
        assert!(line.starts_with(&format!("ok: {name} (")), "{line}");
    }
    assert!(oks.contains(&"ok: minimal.toml (Evening, 1 stretch)"));
    assert!(oks.contains(&"ok: 100-stretches.toml (One hundred, 100 stretches)"));
    let json = env
        .stretch()
        .current_dir(fixture_dir("format/valid"))
        .args(["validate", "--format", "json"])
        .args(&args[1..])
        .run();
    json.expect_code(0);
    for report in json.json().as_array().expect("array") {
        assert_eq!(report["valid"], true, "{report}");
        assert_eq!(report["diagnostics"], serde_json::json!([]));
    }
}
