//! Every invalid fixture and exactly the problems it must report.

use super::{Expected, at, whole_file};

const DURATION_HELP: &str =
    r#"write whole seconds (`30`) or a string with units h, m, s, ms: "30s", "1m 30s", "750ms""#;
const CONTROL_HELP: &str = "remove it; routine text is shown on a terminal";
const ID_HELP: &str = "give each stretch its own `id`";

/// Every invalid fixture and exactly the problems it must report, in file order. Lines and
/// columns are counted by hand from the fixture (line 1 is the `# rule:` comment; columns
/// count characters from 1).
pub fn expectations() -> Vec<(&'static str, Vec<Expected>)> {
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
            "stretch-single-brackets.toml",
            vec![
                at(7, 2, "duplicate key `stretch`")
                    .help("each stretch is `[[stretch]]`, with two brackets"),
                at(8, 1, "duplicate key `id`").help("remove one of the two"),
            ],
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
            vec![
                at(3, 8, "wrong type for `cues`: expected an array")
                    .help(r#"a list of cues, even of one: `cues = ["Breathe"]`"#),
            ],
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
            "figure-unknown.toml",
            vec![
                at(6, 10, "no figure `standing-toe-tuch`")
                    .help("did you mean `standing-toe-touch`?"),
                at(10, 10, "no figure `handstand`").help(
                    "a figure is named after its stretch in the library (`stretch list --stretches`)",
                ),
            ],
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
            // The JSON report keeps the character, escaped; the text shows U+FFFD.
            vec![at(5, 6, "invalid stretch id `fold\u{1b}`").help("try `fold`")],
        ),
        (
            "id-c1-control.toml",
            vec![at(5, 6, "invalid stretch id `fold\u{9b}2J`").help("try `fold-2j`")],
        ),
        (
            "unknown-key-control-character.toml",
            vec![
                at(3, 1, "unknown key `hold\u{9b}2J\u{7f}` in routine")
                    .help("did you mean `hold`?"),
                at(7, 9, "invalid `sides` `both\u{9b}`").help(r#"did you mean `"both"`?"#),
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
            // The first stretch's other problem does not hide its id.
            "duplicate-id-beside-another-error.toml",
            vec![
                at(6, 9, "invalid `sides` `Both`").help("did you mean `\"both\"`?"),
                at(9, 8, "duplicate stretch id `toe-touch`").help(ID_HELP),
            ],
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
            "name-zero-width-space.toml",
            vec![at(2, 8, "`name` contains the invisible character U+200B (zero width space)").help(CONTROL_HELP)],
        ),
        (
            "cue-word-joiner.toml",
            vec![at(6, 9, "`cue` contains the invisible character U+2060 (word joiner)").help(CONTROL_HELP)],
        ),
        (
            "how-byte-order-mark.toml",
            vec![
                at(6, 7, "`how` contains the invisible character U+FEFF (zero width no-break space)")
                    .help(CONTROL_HELP),
            ],
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
