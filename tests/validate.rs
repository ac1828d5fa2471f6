//! `stretch validate`, through the real binary, against the routine format of issue 2.
//! Every rule has a fixture in tests/fixtures/format/invalid/, named after the rule; the
//! table below says exactly which problems, where, each of them must produce.

mod format_support;

use std::fs;

use format_support::{
    Env, fixture, fixture_bytes, fixture_names, fixtures_dir, headlines, locations,
};

/// One expected diagnostic: where (`None` for a problem of the whole file), what, and the hint.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    help: Option<String>,
}

fn at(line: u64, column: u64, message: &str) -> Expected {
    Expected {
        line: Some(line),
        column: Some(column),
        message: message.to_string(),
        help: None,
    }
}

fn whole_file(message: &str) -> Expected {
    Expected {
        line: None,
        column: None,
        message: message.to_string(),
        help: None,
    }
}

impl Expected {
    fn help(mut self, help: &str) -> Expected {
        self.help = Some(help.to_string());
        self
    }
}

const DURATION_HELP: &str =
    r#"write whole seconds (`30`) or a string with units h, m, s, ms: "30s", "1m 30s", "750ms""#;
const CONTROL_HELP: &str = "remove it; routine text is shown on a terminal";
const ID_HELP: &str = "give each stretch its own `id`";

/// Every invalid fixture and exactly the problems it must report, in file order. Lines and
/// columns are counted by hand from the fixture (line 1 is the `# rule:` comment; columns
/// count characters from 1).
fn expectations() -> Vec<(&'static str, Vec<Expected>)> {
    vec![
        // TOML syntax and keys
        (
            "toml-syntax.toml",
            vec![at(
                3,
                8,
                "TOML syntax: string values must be quoted, expected literal string",
            )],
        ),
        (
            "toml-duplicate-key.toml",
            vec![at(7, 1, "duplicate key `hold`").help("remove one of the two")],
        ),
        (
            "unknown-key-top-level.toml",
            vec![at(3, 1, "unknown key `hlod` in routine").help("did you mean `hold`?")],
        ),
        (
            "unknown-key-stretch.toml",
            vec![at(6, 1, "unknown key `sids` in stretch").help("did you mean `sides`?")],
        ),
        (
            "unknown-key-timed-cue.toml",
            vec![
                at(6, 9, "missing `text` in a timed cue"),
                at(6, 23, "unknown key `txt` in timed cue").help("did you mean `text`?"),
            ],
        ),
        (
            "unknown-key-no-suggestion.toml",
            vec![at(3, 1, "unknown key `colour` in routine").help(
                "expected one of `name`, `description`, `level`, `hold`, `rest`, `switch`, `lead_in`, `cues`, `stretch`",
            )],
        ),
        (
            "key-case-sensitive.toml",
            vec![
                at(1, 1, "missing `name` in the routine")
                    .help("add `name = ...` at the top of the file"),
                at(2, 1, "unknown key `Name` in routine").help("did you mean `name`?"),
            ],
        ),
        (
            "timed-cue-extra-key.toml",
            vec![at(6, 45, "unknown key `voice` in timed cue").help("expected one of `at`, `text`")],
        ),
        (
            "timed-cue-missing-text.toml",
            vec![at(6, 9, "missing `text` in a timed cue")],
        ),
        (
            "timed-cue-missing-at.toml",
            vec![at(6, 9, "missing `at` in a timed cue")],
        ),
        // Timed cues must fall within the hold that applies to their stretch.
        (
            "timed-cue-at-past-hold.toml",
            vec![
                at(7, 16, "the cue at 25s is not within the hold of 20s")
                    .help("the hold is 20s; `at` must be shorter than that"),
            ],
        ),
        (
            "timed-cue-at-equal-hold.toml",
            vec![
                at(7, 16, "the cue at 20s is not within the hold of 20s")
                    .help("the hold is 20s; `at` must be shorter than that"),
            ],
        ),
        (
            "timed-cue-at-past-routine-hold.toml",
            vec![
                at(7, 16, "the cue at 20s is not within the hold of 15s")
                    .help("the hold is 15s; `at` must be shorter than that"),
            ],
        ),
        (
            "timed-cue-at-past-default-hold.toml",
            vec![
                at(6, 16, "the cue at 30s is not within the hold of 30s")
                    .help("the hold is 30s; `at` must be shorter than that"),
            ],
        ),
        // Wrong types
        (
            "wrong-type-name.toml",
            vec![at(2, 8, "wrong type for `name`: expected a string")],
        ),
        (
            "wrong-type-hold.toml",
            vec![at(
                3,
                8,
                r#"wrong type for `hold`: expected a duration (seconds, or a string such as "30s" or "1m 30s")"#,
            )],
        ),
        (
            "wrong-type-reps.toml",
            vec![at(6, 8, "wrong type for `reps`: expected a whole number")],
        ),
        (
            "reps-float.toml",
            vec![at(6, 8, "wrong type for `reps`: expected a whole number")],
        ),
        (
            "wrong-type-stretch.toml",
            vec![at(
                4,
                1,
                "wrong type for `stretch`: expected an array of tables (`[[stretch]]`)",
            )],
        ),
        (
            "wrong-type-stretch-item.toml",
            vec![at(3, 12, "wrong type for `stretch`: expected a table")],
        ),
        (
            "wrong-type-cues.toml",
            vec![at(3, 8, "wrong type for `cues`: expected an array")],
        ),
        (
            "wrong-type-cue.toml",
            vec![at(
                6,
                9,
                r#"wrong type for `cue`: expected a string or a table `{ at = "10s", text = "..." }`"#,
            )],
        ),
        (
            "wrong-type-sides.toml",
            vec![at(6, 9, "wrong type for `sides`: expected a string")],
        ),
        (
            "routine-timed-cue.toml",
            vec![
                at(3, 9, "a routine's cues are plain strings")
                    .help("a cue with `at` belongs in a stretch's `cues`"),
            ],
        ),
        // Missing keys and the stretch list
        (
            "missing-name.toml",
            vec![
                at(1, 1, "missing `name` in the routine")
                    .help("add `name = ...` at the top of the file"),
            ],
        ),
        (
            "missing-stretch-name.toml",
            vec![at(7, 1, "missing `name` in a stretch")],
        ),
        (
            "missing-stretch.toml",
            vec![
                at(1, 1, "missing `stretch`: a routine needs at least one stretch")
                    .help("add a `[[stretch]]` table with at least a `name`"),
            ],
        ),
        (
            "empty-stretch-list.toml",
            vec![at(3, 11, "the stretch list is empty").help("a routine needs 1 to 100 stretches")],
        ),
        (
            "too-many-stretches.toml",
            // Stretch 101's header: two lines of preamble, then three lines per stretch.
            vec![at(304, 1, "too many stretches: 101, at most 100")],
        ),
        // Durations: format
        (
            "hold-float.toml",
            vec![at(3, 8, "invalid duration for `hold`").help(DURATION_HELP)],
        ),
        (
            "rest-negative.toml",
            vec![at(3, 8, "invalid duration for `rest`").help(DURATION_HELP)],
        ),
        (
            "switch-negative-string.toml",
            vec![at(3, 10, "invalid duration for `switch`").help(DURATION_HELP)],
        ),
        (
            "switch-no-unit.toml",
            vec![at(3, 10, "invalid duration for `switch`").help(DURATION_HELP)],
        ),
        (
            "lead-in-fraction.toml",
            vec![at(3, 11, "invalid duration for `lead_in`").help(DURATION_HELP)],
        ),
        (
            "hold-unknown-unit.toml",
            vec![at(3, 8, "invalid duration for `hold`").help(DURATION_HELP)],
        ),
        (
            "hold-repeated-unit.toml",
            vec![at(3, 8, "invalid duration for `hold`").help(DURATION_HELP)],
        ),
        (
            "hold-empty-string.toml",
            vec![at(3, 8, "invalid duration for `hold`").help(DURATION_HELP)],
        ),
        // Durations: ranges
        (
            "hold-over-10m.toml",
            vec![at(3, 8, "`hold` is out of range: must be from 1s to 10m")],
        ),
        (
            "hold-over-10m-by-1ms.toml",
            vec![at(3, 8, "`hold` is out of range: must be from 1s to 10m")],
        ),
        (
            "hold-zero.toml",
            vec![at(6, 8, "`hold` is out of range: must be from 1s to 10m")],
        ),
        (
            "hold-under-1s.toml",
            vec![at(6, 8, "`hold` is out of range: must be from 1s to 10m")],
        ),
        (
            "switch-over-2m.toml",
            vec![at(3, 10, "`switch` is out of range: must be from 0s to 2m")],
        ),
        (
            "lead-in-over-2m.toml",
            vec![at(3, 11, "`lead_in` is out of range: must be from 0s to 2m")],
        ),
        (
            "rest-over-10m.toml",
            vec![at(3, 8, "`rest` is out of range: must be from 0s to 10m")],
        ),
        (
            "reps-zero.toml",
            vec![at(6, 8, "`reps` must be from 1 to 20")],
        ),
        (
            "reps-over-20.toml",
            vec![at(6, 8, "`reps` must be from 1 to 20")],
        ),
        // Enumerations
        (
            "sides-capitalised.toml",
            vec![at(6, 9, "invalid `sides` `Both`").help(r#"did you mean `"both"`?"#)],
        ),
        (
            "sides-unknown.toml",
            vec![at(6, 9, "invalid `sides` `left`")],
        ),
        (
            "level-capitalised.toml",
            vec![at(3, 9, "invalid `level` `Beginner`").help(r#"did you mean `"beginner"`?"#)],
        ),
        (
            "level-all-in-stretch.toml",
            vec![at(7, 9, "invalid `level` `all`")],
        ),
        // Ids
        (
            "id-uppercase.toml",
            vec![at(5, 6, "invalid stretch id `Toe-Touch`").help("try `toe-touch`")],
        ),
        (
            "id-bad-character.toml",
            vec![at(5, 6, "invalid stretch id `toe_touch`").help("try `toe-touch`")],
        ),
        (
            "id-too-long.toml",
            vec![
                at(5, 6, "invalid stretch id `a-very-long-id-for-a-stretch-that-is-41-c`")
                    .help("try `a-very-long-id-for-a-stretch-that-is-41`"),
            ],
        ),
        ("id-empty.toml", vec![at(5, 6, "invalid stretch id ``")]),
        // A value quoted in a message has its control characters replaced, so that not
        // even `--format json` passes them on (JSON escapes only C0 controls).
        (
            "id-escape.toml",
            vec![at(5, 6, "invalid stretch id `fold\u{FFFD}`").help("try `fold`")],
        ),
        (
            "id-c1-control.toml",
            vec![at(5, 6, "invalid stretch id `fold\u{FFFD}2J`").help("try `fold-2j`")],
        ),
        (
            "unknown-key-control-character.toml",
            vec![
                at(3, 1, "unknown key `hold\u{FFFD}2J\u{FFFD}` in routine")
                    .help("did you mean `hold`?"),
                at(7, 9, "invalid `sides` `both\u{FFFD}`").help(r#"did you mean `"both"`?"#),
            ],
        ),
        (
            "duplicate-id.toml",
            vec![at(9, 6, "duplicate stretch id `fold`").help(ID_HELP)],
        ),
        (
            "duplicate-derived-id.toml",
            vec![at(8, 8, "duplicate stretch id `toe-touch`").help(ID_HELP)],
        ),
        (
            "duplicate-explicit-and-derived-id.toml",
            vec![at(9, 8, "duplicate stretch id `seated-fold`").help(ID_HELP)],
        ),
        (
            "name-emoji-needs-id.toml",
            vec![at(5, 8, "this stretch needs an `id`").help(
                r#"add an `id` of lowercase letters, digits and `-`, such as `id = "toe-touch"`"#,
            )],
        ),
        // Lengths, counted in Unicode characters after trimming
        ("name-empty.toml", vec![at(2, 8, "`name` is empty")]),
        ("name-whitespace-only.toml", vec![at(5, 8, "`name` is empty")]),
        (
            "name-too-long.toml",
            vec![at(2, 8, "`name` is too long: 81 characters, at most 80")],
        ),
        (
            "name-too-long-unicode.toml",
            vec![at(2, 8, "`name` is too long: 81 characters, at most 80")],
        ),
        (
            "stretch-name-too-long.toml",
            vec![at(5, 8, "`name` is too long: 81 characters, at most 80")],
        ),
        (
            "description-too-long.toml",
            vec![at(
                3,
                15,
                "`description` is too long: 2001 characters, at most 2000",
            )],
        ),
        (
            "how-too-long.toml",
            vec![at(6, 7, "`how` is too long: 2001 characters, at most 2000")],
        ),
        (
            "cue-too-long.toml",
            vec![at(6, 9, "`cue` is too long: 201 characters, at most 200")],
        ),
        (
            "routine-cue-too-long.toml",
            vec![at(3, 9, "`cue` is too long: 201 characters, at most 200")],
        ),
        (
            "timed-cue-text-too-long.toml",
            vec![at(6, 29, "`cue` is too long: 201 characters, at most 200")],
        ),
        ("cue-empty.toml", vec![at(6, 20, "`cue` is empty")]),
        (
            "too-many-routine-cues.toml",
            vec![at(54, 3, "too many cues: 51, at most 50")],
        ),
        (
            "too-many-stretch-cues.toml",
            vec![at(57, 3, "too many cues: 51, at most 50")],
        ),
        // Control and bidi characters
        (
            "name-escape.toml",
            vec![at(2, 8, "`name` contains the control character U+001B").help(CONTROL_HELP)],
        ),
        (
            "name-raw-escape.toml",
            vec![at(
                2,
                13,
                "TOML syntax: invalid basic string, expected non-double-quote visible characters, `\\`",
            )],
        ),
        (
            "name-tab.toml",
            vec![at(5, 8, "`name` contains the control character U+0009").help(CONTROL_HELP)],
        ),
        (
            "name-newline.toml",
            vec![at(5, 8, "`name` contains the control character U+000A").help(CONTROL_HELP)],
        ),
        (
            "cue-newline.toml",
            vec![at(6, 9, "`cue` contains the control character U+000A").help(CONTROL_HELP)],
        ),
        (
            "how-carriage-return.toml",
            vec![
                at(
                    6,
                    7,
                    "`how` contains the control character U+000D (only newlines and tabs are allowed)",
                )
                .help(CONTROL_HELP),
            ],
        ),
        (
            "description-bell.toml",
            vec![
                at(
                    3,
                    15,
                    "`description` contains the control character U+0007 (only newlines and tabs are allowed)",
                )
                .help(CONTROL_HELP),
            ],
        ),
        (
            "name-c1-control.toml",
            vec![at(2, 8, "`name` contains the control character U+009B").help(CONTROL_HELP)],
        ),
        (
            "name-delete.toml",
            vec![at(2, 8, "`name` contains the control character U+007F").help(CONTROL_HELP)],
        ),
        (
            "name-bidi-override.toml",
            vec![at(5, 8, "`name` contains the control character U+202E").help(CONTROL_HELP)],
        ),
        (
            "cue-bidi-isolate.toml",
            vec![at(6, 9, "`cue` contains the control character U+2066").help(CONTROL_HELP)],
        ),
        (
            "description-bidi-embedding.toml",
            vec![
                at(
                    3,
                    15,
                    "`description` contains the control character U+202A (only newlines and tabs are allowed)",
                )
                .help(CONTROL_HELP),
            ],
        ),
        // CRLF: the same problems at the same places as in LF (see also the tests below).
        (
            "crlf-line-endings.toml",
            vec![
                at(3, 1, "unknown key `hlod` in routine").help("did you mean `hold`?"),
                at(10, 9, "invalid `sides` `Both`").help(r#"did you mean `"both"`?"#),
                at(11, 16, "the cue at 45s is not within the hold of 30s")
                    .help("the hold is 30s; `at` must be shorter than that"),
            ],
        ),
        // The file itself
        (
            "empty-file.toml",
            vec![
                at(1, 1, "missing `name` in the routine")
                    .help("add `name = ...` at the top of the file"),
                at(1, 1, "missing `stretch`: a routine needs at least one stretch")
                    .help("add a `[[stretch]]` table with at least a `name`"),
            ],
        ),
        (
            "not-utf8.toml",
            vec![
                whole_file("the file is not UTF-8: invalid byte at line 2, column 12")
                    .help("save the file as UTF-8"),
            ],
        ),
    ]
}

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
    assert_eq!(covered, fixture_names("invalid"));
}

#[test]
fn each_invalid_fixture_reports_exactly_its_problems() {
    let env = Env::new();
    let dir = fixtures_dir("invalid");
    // Every fixture is checked before failing, so that one run shows every mismatch.
    let mut mismatches = Vec::new();
    for (name, expected) in expectations() {
        let json = env.run_in(&dir, &["validate", "--format", "json", name]);
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
        let text = env.run_in(&dir, &["validate", name]);
        text.expect_code(1);
        assert_eq!(text.stdout, "", "{name}");
        let mut messages: Vec<String> = expected.iter().map(|e| e.message.clone()).collect();
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
    let dir = fixtures_dir("invalid");
    for (name, message) in HOSTILE {
        let run = env.run_in(&dir, &["validate", "--format", "json", name]);
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
    let names = fixture_names("valid");
    assert!(names.len() >= 14, "{names:?}");
    let mut args = vec!["validate"];
    args.extend(names.iter().map(String::as_str));
    let run = env.run_in(&fixtures_dir("valid"), &args);
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let oks: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(oks.len(), names.len(), "{}", run.stdout);
    for (line, name) in oks.iter().zip(&names) {
        assert!(line.starts_with(&format!("ok: {name} (")), "{line}");
    }
    assert!(oks.contains(&"ok: minimal.toml (Evening, 1 stretch)"));
    assert!(oks.contains(&"ok: 100-stretches.toml (One hundred, 100 stretches)"));
    let json = env.run_in(
        &fixtures_dir("valid"),
        &[&["validate", "--format", "json"][..], &args[1..]].concat(),
    );
    json.expect_code(0);
    for report in json.json().as_array().expect("array") {
        assert_eq!(report["valid"], true, "{report}");
        assert_eq!(report["diagnostics"], serde_json::json!([]));
    }
}

// --- Exact renderings: message, ` --> file:line:column`, the source line, the caret under
// the offending key or value, and the hint.

fn render(name: &str) -> String {
    let run = Env::new().run_in(&fixtures_dir("invalid"), &["validate", name]);
    run.expect_code(1);
    run.stderr
}

#[test]
fn renders_a_toml_syntax_error() {
    assert_eq!(
        render("toml-syntax.toml"),
        "\
error: TOML syntax: string values must be quoted, expected literal string
 --> toml-syntax.toml:3:8
  |
3 | hold = 30s
  |        ^^^

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_duplicate_key_at_the_second_with_a_note_at_the_first() {
    assert_eq!(
        render("toml-duplicate-key.toml"),
        "\
error: duplicate key `hold`
 --> toml-duplicate-key.toml:7:1
  |
6 | hold = \"30s\"
  | ---- first defined here
7 | hold = \"45s\"
  | ^^^^ defined again here
  |
  = help: remove one of the two

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_an_unknown_top_level_key_with_a_suggestion() {
    assert_eq!(
        render("unknown-key-top-level.toml"),
        "\
error: unknown key `hlod` in routine
 --> unknown-key-top-level.toml:3:1
  |
3 | hlod = \"45s\"
  | ^^^^ unknown key
  |
  = help: did you mean `hold`?

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_an_unknown_key_in_a_stretch_with_a_suggestion() {
    assert_eq!(
        render("unknown-key-stretch.toml"),
        "\
error: unknown key `sids` in stretch
 --> unknown-key-stretch.toml:6:1
  |
6 | sids = \"both\"
  | ^^^^ unknown key
  |
  = help: did you mean `sides`?

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_an_unknown_key_in_a_timed_cue_with_a_suggestion() {
    assert_eq!(
        render("unknown-key-timed-cue.toml"),
        "\
error: missing `text` in a timed cue
 --> unknown-key-timed-cue.toml:6:9
  |
6 | cues = [{ at = \"10s\", txt = \"Breathe out\" }]
  |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this needs a `text`

error: unknown key `txt` in timed cue
 --> unknown-key-timed-cue.toml:6:23
  |
6 | cues = [{ at = \"10s\", txt = \"Breathe out\" }]
  |                       ^^^ unknown key
  |
  = help: did you mean `text`?

error: 1 of 1 routine file is invalid (2 problems)
"
    );
}

#[test]
fn renders_a_missing_routine_name_at_the_start_of_the_file() {
    assert_eq!(
        render("missing-name.toml"),
        "\
error: missing `name` in the routine
 --> missing-name.toml:1:1
  |
1 | # rule: the routine needs a `name`
  | ^
  |
  = help: add `name = ...` at the top of the file

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_missing_stretch_name_at_its_header() {
    assert_eq!(
        render("missing-stretch-name.toml"),
        "\
error: missing `name` in a stretch
 --> missing-stretch-name.toml:7:1
  |
7 | [[stretch]]
  | ^^^^^^^^^^^ this needs a `name`

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_an_empty_stretch_list() {
    assert_eq!(
        render("empty-stretch-list.toml"),
        "\
error: the stretch list is empty
 --> empty-stretch-list.toml:3:11
  |
3 | stretch = []
  |           ^^ no stretches
  |
  = help: a routine needs 1 to 100 stretches

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_float_duration() {
    assert_eq!(
        render("hold-float.toml"),
        "\
error: invalid duration for `hold`
 --> hold-float.toml:3:8
  |
3 | hold = 30.5
  |        ^^^^ a duration is a whole number of seconds or a string such as \"1m 30s\"
  |
  = help: write whole seconds (`30`) or a string with units h, m, s, ms: \"30s\", \"1m 30s\", \"750ms\"

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_duration_with_no_unit() {
    assert_eq!(
        render("switch-no-unit.toml"),
        "\
error: invalid duration for `switch`
 --> switch-no-unit.toml:3:10
  |
3 | switch = \"5\"
  |          ^^^ `5` has no unit; write `5s`, `5m` or `5ms`
  |
  = help: write whole seconds (`30`) or a string with units h, m, s, ms: \"30s\", \"1m 30s\", \"750ms\"

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_an_out_of_range_duration() {
    assert_eq!(
        render("switch-over-2m.toml"),
        "\
error: `switch` is out of range: must be from 0s to 2m
 --> switch-over-2m.toml:3:10
  |
3 | switch = \"3m\"
  |          ^^^^ this is 3m

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_capitalised_value_with_the_lowercase_suggestion() {
    assert_eq!(
        render("sides-capitalised.toml"),
        "\
error: invalid `sides` `Both`
 --> sides-capitalised.toml:6:9
  |
6 | sides = \"Both\"
  |         ^^^^^^ expected one of `none`, `both`
  |
  = help: did you mean `\"both\"`?

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_duplicate_id_at_the_second_with_a_note_at_the_first() {
    assert_eq!(
        render("duplicate-id.toml"),
        "\
error: duplicate stretch id `fold`
 --> duplicate-id.toml:9:6
  |
5 | id = \"fold\"
  |      ------ first used here
...
9 | id = \"fold\"
  |      ^^^^^^ used again here
  |
  = help: give each stretch its own `id`

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_duplicate_derived_id_at_both_names() {
    assert_eq!(
        render("duplicate-derived-id.toml"),
        "\
error: duplicate stretch id `toe-touch`
 --> duplicate-derived-id.toml:8:8
  |
5 | name = \"Toe touch\"
  |        ----------- first used here
...
8 | name = \"Toe-touch!\"
  |        ^^^^^^^^^^^^ used again here
  |
  = help: give each stretch its own `id`

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_timed_cue_past_the_hold_naming_the_hold() {
    assert_eq!(
        render("timed-cue-at-past-hold.toml"),
        "\
error: the cue at 25s is not within the hold of 20s
 --> timed-cue-at-past-hold.toml:7:16
  |
7 | cues = [{ at = \"25s\", text = \"Breathe out\" }]
  |                ^^^^^ past the end of the hold
  |
  = help: the hold is 20s; `at` must be shorter than that

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_name_too_long_in_unicode_characters() {
    let report = render("name-too-long-unicode.toml");
    let line = format!("2 | name = \"{}\"", "é".repeat(81));
    assert!(report.contains(&line), "{report}");
    assert!(
        report.starts_with(
            "error: `name` is too long: 81 characters, at most 80\n --> name-too-long-unicode.toml:2:8\n"
        ),
        "{report}"
    );
}

#[test]
fn renders_an_escape_in_a_name_without_the_escape() {
    let report = render("name-escape.toml");
    assert_eq!(
        report,
        "\
error: `name` contains the control character U+001B
 --> name-escape.toml:2:8
  |
2 | name = \"Evening\\u001b[2J\"
  |        ^^^^^^^^^^^^^^^^^^ in this string
  |
  = help: remove it; routine text is shown on a terminal

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_raw_escape_byte_as_a_visible_symbol() {
    let report = render("name-raw-escape.toml");
    assert!(!report.contains('\u{1b}'), "{report:?}");
    assert_eq!(
        report,
        "\
error: TOML syntax: invalid basic string, expected non-double-quote visible characters, `\\`
 --> name-raw-escape.toml:2:13
  |
2 | name = \"Even\u{241B}[31ming\"
  |             ^

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_bidi_override_without_the_override() {
    let report = render("name-bidi-override.toml");
    assert!(!report.contains('\u{202E}'), "{report:?}");
    assert_eq!(
        report,
        "\
error: `name` contains the control character U+202E
 --> name-bidi-override.toml:5:8
  |
5 | name = \"Fold \u{FFFD}plh\"
  |        ^^^^^^^^^^^ in this string
  |
  = help: remove it; routine text is shown on a terminal

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[test]
fn renders_a_file_that_is_not_utf8() {
    assert_eq!(
        render("not-utf8.toml"),
        "\
error: the file is not UTF-8: invalid byte at line 2, column 12
--> not-utf8.toml
 = help: save the file as UTF-8

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

// --- Files that cannot be routines

#[test]
fn a_missing_file_is_reported() {
    let env = Env::new();
    let run = env.run(&["validate", "no-such-routine.toml"]);
    run.expect_code(1);
    assert_eq!(headlines(&run.stderr)[0], "no such file");
    assert_eq!(locations(&run.stderr), ["no-such-routine.toml"]);
}

#[test]
fn a_directory_is_reported() {
    let env = Env::new();
    fs::create_dir(env.scratch().join("folder.toml")).expect("dir");
    let run = env.run_in(&env.scratch(), &["validate", "folder.toml"]);
    run.expect_code(1);
    assert_eq!(
        headlines(&run.stderr),
        [
            "this is a directory, not a routine file",
            "1 of 1 routine file is invalid (1 problem)"
        ]
    );
    assert!(
        run.stderr
            .contains("= help: give the path of a `.toml` file inside it"),
        "{}",
        run.stderr
    );
}

/// A valid routine padded with a comment to exactly `size` bytes.
fn padded_routine(size: usize) -> Vec<u8> {
    let mut text = fixture_bytes("valid", "minimal.toml");
    text.extend_from_slice(b"#");
    text.resize(size - 1, b'x');
    text.push(b'\n');
    assert_eq!(text.len(), size);
    text
}

#[test]
fn a_file_of_exactly_1_mib_is_read_and_one_byte_more_is_refused() {
    let env = Env::new();
    let dir = env.scratch();
    fs::write(dir.join("at-limit.toml"), padded_routine(1024 * 1024)).expect("write");
    fs::write(dir.join("over-limit.toml"), padded_routine(1024 * 1024 + 1)).expect("write");

    let at_limit = env.run_in(&dir, &["validate", "at-limit.toml"]);
    at_limit.expect_code(0);
    assert_eq!(at_limit.stdout, "ok: at-limit.toml (Evening, 1 stretch)\n");

    let over = env.run_in(&dir, &["validate", "over-limit.toml"]);
    over.expect_code(1);
    assert_eq!(
        over.stderr,
        "\
error: the file is larger than 1 MiB, the limit for a routine file
--> over-limit.toml

error: 1 of 1 routine file is invalid (1 problem)
"
    );
}

#[cfg(unix)]
#[test]
fn a_device_without_end_is_read_only_up_to_the_limit() {
    // Its size says 0; reading stops just past 1 MiB all the same.
    let run = Env::new().run(&["validate", "/dev/zero"]);
    run.expect_code(1);
    assert_eq!(
        headlines(&run.stderr)[0],
        "the file is larger than 1 MiB, the limit for a routine file"
    );
}

#[test]
fn a_file_with_five_thousand_problems_reports_every_one() {
    // A hostile file: every line an unknown key. Every problem is reported, in order.
    let env = Env::new();
    let dir = env.scratch();
    let mut text = String::from("name = \"Evening\"\n");
    for i in 0..5_000 {
        text.push_str(&format!("k{i} = 1\n"));
    }
    text.push_str("\n[[stretch]]\nname = \"Fold\"\n");
    fs::write(dir.join("many.toml"), text).expect("write");

    let json = env.run_in(&dir, &["validate", "--format", "json", "many.toml"]);
    json.expect_code(1);
    let reports = json.json();
    let diagnostics = reports[0]["diagnostics"].as_array().expect("array");
    assert_eq!(diagnostics.len(), 5_000);
    assert_eq!(
        diagnostics[4_999]["message"],
        "unknown key `k4999` in routine"
    );
    assert_eq!(diagnostics[4_999]["line"], 5_001);

    // The text report renders the first 100 in full and counts the rest, so that a
    // hostile file cannot make it run for minutes; the JSON above has every one.
    let run = env.run_in(&dir, &["validate", "many.toml"]);
    run.expect_code(1);
    let places = locations(&run.stderr);
    assert_eq!(places.len(), 100);
    assert_eq!(places[0], "many.toml:2:1");
    assert_eq!(places[99], "many.toml:101:1");
    assert!(
        run.stderr
            .contains("101 | k99 = 1\n    | ^^^ unknown key\n"),
        "the last rendered problem's source line:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "note: 4900 more problems in many.toml not shown; `--format json` lists them all\n\n\
             error: 1 of 1 routine file is invalid (5000 problems)\n"
        ),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(300)..]
    );
}

#[test]
fn a_note_far_from_its_problem_gets_its_own_snippet() {
    // Two stretches of the same name, 30 lines apart: the note at the first is shown on
    // its own, not with every line in between.
    let env = Env::new();
    let dir = env.scratch();
    let mut text = String::from("name = \"Far\"\n\n[[stretch]]\nname = \"Fold\"\n");
    text.push_str(&"# filler\n".repeat(30));
    text.push_str("\n[[stretch]]\nname = \"Fold\"\n");
    fs::write(dir.join("far.toml"), text).expect("write");
    let run = env.run_in(&dir, &["validate", "far.toml"]);
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "error: duplicate stretch id `fold`\n  --> far.toml:37:8\n   |\n37 | name = \"Fold\"\n   |        ^^^^^^ used again here\n   |\n  ::: far.toml:4:8\n   |\n 4 | name = \"Fold\"\n   |        ------ first used here\n   |\n   = help: give each stretch its own `id`\n\nerror: 1 of 1 routine file is invalid (1 problem)\n"
    );
}

// --- CRLF reads exactly as LF

fn with_lf(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8(bytes.to_vec())
        .expect("utf-8 fixture")
        .replace("\r\n", "\n")
        .into_bytes()
}

#[test]
fn a_valid_crlf_file_reads_exactly_as_its_lf_twin() {
    let crlf = fixture_bytes("valid", "crlf-line-endings.toml");
    assert!(
        crlf.windows(2).filter(|w| w == b"\r\n").count() > 10,
        "the fixture lost its CRLF line endings"
    );
    let env = Env::new();
    let dir = env.scratch();
    fs::create_dir(dir.join("lf")).expect("dir");
    fs::create_dir(dir.join("crlf")).expect("dir");
    fs::write(dir.join("lf/routine.toml"), with_lf(&crlf)).expect("write");
    fs::write(dir.join("crlf/routine.toml"), &crlf).expect("write");

    let lf_show = env.run_in(
        &dir.join("lf"),
        &["show", "routine.toml", "--format", "json"],
    );
    let crlf_show = env.run_in(
        &dir.join("crlf"),
        &["show", "routine.toml", "--format", "json"],
    );
    lf_show.expect_code(0);
    crlf_show.expect_code(0);
    assert_eq!(crlf_show.stdout, lf_show.stdout);
    let shown = crlf_show.json();
    // Line ends inside multi-line strings are newlines, not CRs; a trailing backslash
    // joins lines across CRLF too.
    assert_eq!(shown["description"], "First line, continued.\nSecond line.");
    assert!(!crlf_show.stdout.contains("\\r"), "{}", crlf_show.stdout);

    let lf_text = env.run_in(&dir.join("lf"), &["show", "routine.toml"]);
    let crlf_text = env.run_in(&dir.join("crlf"), &["show", "routine.toml"]);
    assert_eq!(crlf_text.stdout, lf_text.stdout);
    let lf_validate = env.run_in(&dir.join("lf"), &["validate", "routine.toml"]);
    let crlf_validate = env.run_in(&dir.join("crlf"), &["validate", "routine.toml"]);
    crlf_validate.expect_code(0);
    assert_eq!(crlf_validate.stdout, lf_validate.stdout);
}

#[test]
fn an_invalid_crlf_file_reports_exactly_what_its_lf_twin_reports() {
    let crlf = fixture_bytes("invalid", "crlf-line-endings.toml");
    assert!(crlf.windows(2).any(|w| w == b"\r\n"));
    let env = Env::new();
    let dir = env.scratch();
    fs::create_dir(dir.join("lf")).expect("dir");
    fs::create_dir(dir.join("crlf")).expect("dir");
    fs::write(dir.join("lf/routine.toml"), with_lf(&crlf)).expect("write");
    fs::write(dir.join("crlf/routine.toml"), &crlf).expect("write");
    for format in ["text", "json"] {
        let lf = env.run_in(
            &dir.join("lf"),
            &["validate", "--format", format, "routine.toml"],
        );
        let crlf = env.run_in(
            &dir.join("crlf"),
            &["validate", "--format", format, "routine.toml"],
        );
        crlf.expect_code(1);
        assert_eq!(crlf.stderr, lf.stderr);
        assert_eq!(crlf.stdout, lf.stdout);
        assert!(!crlf.stderr.contains('\r'), "{:?}", crlf.stderr);
    }
}

// --- Several files, and the user's folder

#[test]
fn several_files_report_every_problem_of_every_file() {
    let env = Env::new();
    let dir = fixtures_dir("invalid");
    let run = env.run_in(
        &dir,
        &[
            "validate",
            "unknown-key-timed-cue.toml",
            "../valid/minimal.toml",
            "crlf-line-endings.toml",
            "no-such-file.toml",
            "not-utf8.toml",
            "duplicate-id.toml",
        ],
    );
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "ok: ../valid/minimal.toml (Evening, 1 stretch)\n"
    );
    assert_eq!(
        locations(&run.stderr),
        [
            "unknown-key-timed-cue.toml:6:9",
            "unknown-key-timed-cue.toml:6:23",
            "crlf-line-endings.toml:3:1",
            "crlf-line-endings.toml:10:9",
            "crlf-line-endings.toml:11:16",
            "no-such-file.toml",
            "not-utf8.toml",
            "duplicate-id.toml:9:6",
        ]
    );
    assert_eq!(
        headlines(&run.stderr).last().map(String::as_str),
        Some("5 of 6 routine files are invalid (8 problems)")
    );
}

#[test]
fn validate_without_files_checks_the_user_folder_and_the_builtins() {
    let env = Env::new();
    let all_good = env.run(&["validate"]);
    all_good.expect_code(0);
    assert_eq!(
        all_good.stdout,
        "\
ok: builtin:hamstrings.toml (hamstrings, 7 stretches)
ok: builtin:hamstrings-beginner.toml (hamstrings-beginner, 3 stretches)
ok: builtin:hamstrings-advanced.toml (hamstrings-advanced, 4 stretches)
"
    );

    let mine = env.add_user_routine("mine", fixture_bytes("valid", "timeline.toml"));
    let broken = env.add_user_routine("broken", fixture_bytes("invalid", "duplicate-id.toml"));
    let run = env.run(&["validate"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        format!(
            "ok: {} (Timeline check, 2 stretches)\n\
             ok: builtin:hamstrings.toml (hamstrings, 7 stretches)\n\
             ok: builtin:hamstrings-beginner.toml (hamstrings-beginner, 3 stretches)\n\
             ok: builtin:hamstrings-advanced.toml (hamstrings-advanced, 4 stretches)\n",
            mine.display()
        )
    );
    assert_eq!(
        locations(&run.stderr),
        [format!("{}:9:6", broken.display())]
    );
    assert_eq!(
        headlines(&run.stderr).last().map(String::as_str),
        Some("1 of 5 routine files are invalid (1 problem)")
    );
}

#[test]
fn the_user_folder_falls_back_to_home_config() {
    let env = Env::new();
    let folder = env.home().join(".config").join("stretch").join("routines");
    fs::create_dir_all(&folder).expect("dir");
    fs::write(
        folder.join("broken.toml"),
        fixture_bytes("invalid", "reps-zero.toml"),
    )
    .expect("write");
    let run = env
        .command()
        .env_remove("XDG_CONFIG_HOME")
        .arg("validate")
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        locations(&stderr),
        [format!("{}:6:8", folder.join("broken.toml").display())]
    );
}

// --- The command line

#[test]
fn a_bad_command_line_exits_2() {
    let env = Env::new();
    let file = fixture("valid", "minimal.toml");
    let file = file.to_str().expect("utf-8 path");
    for args in [
        &["validate", "--format", "yaml", file][..],
        &["validate", "--no-such-flag", file],
        &["validate", "--format"],
    ] {
        let run = env.run(args);
        run.expect_code(2);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

// --- Text from a file never carries control characters to the terminal

#[test]
fn no_control_character_from_a_file_reaches_the_output() {
    let env = Env::new();
    let dir = fixtures_dir("invalid");
    for name in fixture_names("invalid") {
        for format in ["text", "json"] {
            let run = env.run_in(&dir, &["validate", "--format", format, &name]);
            run.expect_code(1);
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                let bad = text.chars().find(|&c| {
                    (c.is_control() && c != '\n')
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                });
                assert_eq!(bad, None, "{name} {format} {stream}:\n{text:?}");
            }
        }
    }
}
