//! Exact renderings of `stretch validate`'s text report: the message, ` --> file:line:column`,
//! the source line, the caret under the offending key or value, and the hint. One table,
//! run in one loop that reports every row that fails, not only the first.

use std::path::Path;

use crate::support::{Stretch, fixture_dir};

/// One row: a fixture in `tests/fixtures/format/invalid` and its exact text report.
struct Rendering {
    fixture: &'static str,
    report: String,
}

fn row(fixture: &'static str, report: impl Into<String>) -> Rendering {
    Rendering {
        fixture,
        report: report.into(),
    }
}

fn renderings() -> Vec<Rendering> {
    vec![
        // A TOML syntax error.
        row(
            "toml-syntax.toml",
            "\
error: TOML syntax: string values must be quoted, expected literal string
 --> toml-syntax.toml:3:8
  |
3 | hold = 30s
  |        ^^^

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A duplicate key at the second with a note at the first.
        row(
            "toml-duplicate-key.toml",
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
",
        ),
        // An unknown top level key with a suggestion.
        row(
            "unknown-key-top-level.toml",
            "\
error: unknown key `hlod` in routine
 --> unknown-key-top-level.toml:3:1
  |
3 | hlod = \"45s\"
  | ^^^^ unknown key
  |
  = help: did you mean `hold`?

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // An unknown key in a stretch with a suggestion.
        row(
            "unknown-key-stretch.toml",
            "\
error: unknown key `sids` in stretch
 --> unknown-key-stretch.toml:6:1
  |
6 | sids = \"both\"
  | ^^^^ unknown key
  |
  = help: did you mean `sides`?

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // An unknown key in a timed cue with a suggestion.
        row(
            "unknown-key-timed-cue.toml",
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
",
        ),
        // A missing routine name at the start of the file.
        row(
            "missing-name.toml",
            "\
error: missing `name` in the routine
 --> missing-name.toml:1:1
  |
1 | # rule: the routine needs a `name`
  | ^
  |
  = help: add `name = ...` at the top of the file

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A missing stretch name at its header.
        row(
            "missing-stretch-name.toml",
            "\
error: missing `name` in a stretch
 --> missing-stretch-name.toml:7:1
  |
7 | [[stretch]]
  | ^^^^^^^^^^^ this needs a `name`

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // An empty stretch list.
        row(
            "empty-stretch-list.toml",
            "\
error: the stretch list is empty
 --> empty-stretch-list.toml:3:11
  |
3 | stretch = []
  |           ^^ no stretches
  |
  = help: a routine needs 1 to 100 stretches

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A float duration.
        row(
            "hold-float.toml",
            "\
error: invalid duration for `hold`
 --> hold-float.toml:3:8
  |
3 | hold = 30.5
  |        ^^^^ a duration is a whole number of seconds or a string such as \"1m 30s\"
  |
  = help: write whole seconds (`30`) or a string with units h, m, s, ms: \"30s\", \"1m 30s\", \"750ms\"

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A duration with no unit.
        row(
            "switch-no-unit.toml",
            "\
error: invalid duration for `switch`
 --> switch-no-unit.toml:3:10
  |
3 | switch = \"5\"
  |          ^^^ `5` has no unit; write `5s`, `5m` or `5ms`
  |
  = help: write whole seconds (`30`) or a string with units h, m, s, ms: \"30s\", \"1m 30s\", \"750ms\"

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // An out of range duration.
        row(
            "switch-over-2m.toml",
            "\
error: `switch` is out of range: must be from 0s to 2m
 --> switch-over-2m.toml:3:10
  |
3 | switch = \"3m\"
  |          ^^^^ this is 3m

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A capitalised value with the lowercase suggestion.
        row(
            "sides-capitalised.toml",
            "\
error: invalid `sides` `Both`
 --> sides-capitalised.toml:6:9
  |
6 | sides = \"Both\"
  |         ^^^^^^ expected one of `none`, `both`
  |
  = help: did you mean `\"both\"`?

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A duplicate id at the second with a note at the first.
        row(
            "duplicate-id.toml",
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
",
        ),
        // A duplicate derived id at both names.
        row(
            "duplicate-derived-id.toml",
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
",
        ),
        // A timed cue past the hold naming the hold.
        row(
            "timed-cue-at-past-hold.toml",
            "\
error: the cue at 25s is not within the hold of 20s
 --> timed-cue-at-past-hold.toml:7:16
  |
7 | cues = [{ at = \"25s\", text = \"Breathe out\" }]
  |                ^^^^^ past the end of the hold
  |
  = help: the hold is 20s; `at` must be shorter than that

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A name too long in unicode characters.
        // Counted in characters, not bytes: 81 two-byte characters, one caret each.
        row(
            "name-too-long-unicode.toml",
            format!(
                "\
error: `name` is too long: 81 characters, at most 80
 --> name-too-long-unicode.toml:2:8
  |
2 | name = \"{}\"
  |        {} 81 characters

error: 1 of 1 routine file is invalid (1 problem)
",
                "é".repeat(81),
                "^".repeat(83)
            ),
        ),
        // An escape in a name without the escape.
        row(
            "name-escape.toml",
            "\
error: `name` contains the control character U+001B
 --> name-escape.toml:2:8
  |
2 | name = \"Evening\\u001b[2J\"
  |        ^^^^^^^^^^^^^^^^^^ in this string
  |
  = help: remove it; routine text is shown on a terminal

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A raw escape byte as a visible symbol.
        row(
            "name-raw-escape.toml",
            "\
error: TOML syntax: invalid basic string, expected non-double-quote visible characters, `\\`
 --> name-raw-escape.toml:2:13
  |
2 | name = \"Even\u{241B}[31ming\"
  |             ^

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A bidi override without the override.
        row(
            "name-bidi-override.toml",
            "\
error: `name` contains the control character U+202E
 --> name-bidi-override.toml:5:8
  |
5 | name = \"Fold \u{FFFD}plh\"
  |        ^^^^^^^^^^^ in this string
  |
  = help: remove it; routine text is shown on a terminal

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
        // A file that is not UTF-8.
        row(
            "not-utf8.toml",
            "\
error: the file is not UTF-8: invalid byte at line 2, column 12
 --> not-utf8.toml
  = help: save the file as UTF-8

error: 1 of 1 routine file is invalid (1 problem)
",
        ),
    ]
}

/// A character that must never reach a terminal from a file: a control character other
/// than the newline, or a bidi embedding, override or isolate.
fn unsafe_for_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Where two texts first differ, line by line, for a failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split_inclusive('\n');
    let mut actual_lines = actual.split_inclusive('\n');
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break,
            (e, a) if e == a => {}
            (e, a) => {
                let shown =
                    |line: Option<&str>| line.map_or("(no line)".to_owned(), |l| format!("{l:?}"));
                return format!(
                    "first difference at line {number}:\n  expected: {}\n  actual:   {}",
                    shown(e),
                    shown(a)
                );
            }
        }
    }
    "no difference".to_owned()
}

/// What is wrong with the report of one row, if anything.
fn check(Rendering { fixture, report }: &Rendering, dir: &Path) -> Vec<String> {
    let run = Stretch::new()
        .current_dir(dir)
        .args(["validate", fixture])
        .run();
    let mut wrong = Vec::new();
    if run.code != 1 {
        wrong.push(format!(
            "exit code {} instead of 1\n--- stdout\n{}",
            run.code, run.stdout
        ));
    }
    // An escape, a raw escape byte or a bidi override in the file is shown as a visible
    // symbol, never passed on.
    if let Some(bad) = run.stderr.chars().find(|&c| unsafe_for_a_terminal(c)) {
        wrong.push(format!("{bad:?} reaches the terminal in\n{:?}", run.stderr));
    }
    if run.stderr != *report {
        wrong.push(format!(
            "the report differs; {}\n--- expected\n{report}--- actual\n{}",
            first_difference(report, &run.stderr),
            run.stderr
        ));
    }
    wrong
}

#[test]
fn each_rendering_is_exactly_its_report() {
    let dir = fixture_dir("format/invalid");
    // Every row is checked before failing, so that one run shows every mismatch.
    let rows = renderings();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let wrong = check(row, &dir);
            (!wrong.is_empty()).then(|| format!("=== {}: {}", row.fixture, wrong.join("\n")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} renderings are wrong:\n\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n\n")
    );
}
