//! A JSON Schema (draft-07) of the routine format, for editors that check TOML against
//! one (taplo, the engine of Even Better TOML, and tombi read `#:schema` lines). It is
//! made from what the reader checks: the keys it knows, the bounds in `limits`, the text
//! rules, the level and sides names and the library's ids. What a schema cannot say stays
//! with `stretch validate`, and the schema's description says so.
//!
//! It is written by hand rather than derived (say, by `schemars`): the reader walks a TOML
//! tree, so there is no Rust type of the file to derive it from, and each key's range
//! differs (a duration is an integer or a string, within a range of its own).

use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::routine::catalog;
use crate::routine::duration;
use crate::routine::library;
use crate::routine::limits::{self, MAX_CUES, MAX_STRETCHES};
use crate::routine::pose;
use crate::routine::read::{CUE_TEXT, LONG_TEXT, Lines, NAME, SIDE_LABEL, TextRule};
use crate::routine::{Level, Sides};

/// The schema's file name, beside the routine folder.
pub const FILE_NAME: &str = "routine.schema.json";

/// The `#:schema` line `stretch new` starts a file with: the schema beside the routine
/// folder, by a path relative to the file.
pub const DIRECTIVE: &str = "#:schema ../routine.schema.json";

/// Where `stretch new` writes the schema: `routine.schema.json` beside the routine folder
/// (`$XDG_CONFIG_HOME/stretch/`).
pub fn path() -> Option<PathBuf> {
    catalog::config_folder().map(|folder| folder.join(FILE_NAME))
}

/// What `validate` checks that the schema cannot, as its description says.
const BEYOND_THE_SCHEMA: &str = "Some rules are checked by `stretch validate` alone, as a \
     schema cannot express them: every stretch's id is unique in the file; a timed cue's `at` \
     is shorter than its hold; a duration written as text is within its range and names each \
     unit once; a stretch without `id` has a name with letters or digits to make one from; \
     and the id of a stretch that uses the library is not used twice.";

/// The schema, as `stretch schema` prints it.
pub fn schema() -> Value {
    let hold = duration_schema(
        "How long each hold lasts, unless a stretch has its own: 1 s to 10 min.",
        &limits::HOLD,
        Some(limits::DEFAULT_HOLD),
    );
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": format!("Made by stretch {} (`stretch schema`).", env!("CARGO_PKG_VERSION")),
        "title": "stretch routine (format version 1)",
        "description": format!(
            "A stretch routine for `stretch run`: its settings and its stretches, run in order. {BEYOND_THE_SCHEMA}"
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "stretch"],
        "properties": {
            "name": text_schema("The routine's name, shown in `stretch list`.", &NAME),
            "description": text_schema("What the routine is for.", &LONG_TEXT),
            "level": choice_schema(
                "Whom the routine suits.",
                &Level::ROUTINE.map(Level::as_str),
                Some(Level::All.as_str()),
            ),
            "hold": hold,
            "rest": duration_schema(
                "The \"next up\" gap between two stretches: 0 to 10 min.",
                &limits::REST,
                Some(limits::DEFAULT_REST),
            ),
            "switch": duration_schema(
                "The gap between the sides and the reps of one stretch: 0 to 2 min.",
                &limits::SWITCH,
                Some(limits::DEFAULT_SWITCH),
            ),
            "lead_in": duration_schema(
                "The \"get ready\" before the first stretch: 0 to 2 min.",
                &limits::LEAD_IN,
                Some(limits::DEFAULT_LEAD_IN),
            ),
            "cues": {
                "description": format!(
                    "Reminders shown in every hold of every stretch, spread over the hold after the stretch's own; at most {MAX_CUES}."
                ),
                "type": "array",
                "maxItems": MAX_CUES,
                "items": text_schema("A reminder.", &CUE_TEXT),
            },
            "stretch": {
                "description": format!("The stretches, run in order: 1 to {MAX_STRETCHES}."),
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_STRETCHES,
                "items": { "$ref": "#/definitions/stretch" },
            },
        },
        "definitions": {
            "stretch": stretch_schema(),
            "timed_cue": timed_cue_schema(),
        },
    })
}

/// One `[[stretch]]`.
fn stretch_schema() -> Value {
    let library: Vec<&str> = library::stretches()
        .iter()
        .map(|stretch| stretch.id.as_str())
        .collect();
    let figures: Vec<&str> = pose::figures()
        .iter()
        .map(|figure| figure.name.as_str())
        .collect();
    json!({
        "description": "One stretch. With `use`, it takes a stretch of the library, and any key written beside `use` wins.",
        "type": "object",
        "additionalProperties": false,
        "anyOf": [
            { "required": ["name"] },
            { "required": ["use"] },
        ],
        "properties": {
            "use": {
                "description": "The id of a stretch of the library (`stretch list --stretches`), whose name, level, how, hold, sides, side_label, reps, cues and figure this stretch takes.",
                "type": "string",
                "enum": library,
            },
            "id": {
                "description": format!(
                    "For `run --only` and `--skip`: a-z, 0-9 and -, {} to {} characters, unique in the file. Default: made from the name (with `use`: the used id).",
                    limits::ID_CHARS.start(),
                    limits::ID_CHARS.end()
                ),
                "type": "string",
                "pattern": format!("^[a-z0-9-]{{{},{}}}$", limits::ID_CHARS.start(), limits::ID_CHARS.end()),
            },
            "name": text_schema("The stretch's name, shown while it is held. Required unless it uses the library.", &NAME),
            "level": choice_schema(
                "How hard the stretch is.",
                &Level::STRETCH.map(Level::as_str),
                None,
            ),
            "how": text_schema("How to do the stretch.", &LONG_TEXT),
            "hold": duration_schema(
                "How long each hold of this stretch lasts: 1 s to 10 min. Default: the routine's `hold`.",
                &limits::HOLD,
                None,
            ),
            "sides": choice_schema(
                "`both`: held on the left, a switch, then on the right, for every rep.",
                &Sides::ALL.map(Sides::as_str),
                Some(Sides::None.as_str()),
            ),
            "side_label": with_default(
                text_schema(
                    "The noun after \"left\" and \"right\", such as \"arm\" or \"leg\".",
                    &SIDE_LABEL,
                ),
                json!(limits::DEFAULT_SIDE_LABEL),
            ),
            "reps": {
                "description": "How many times the stretch is held (on each side).",
                "type": "integer",
                "minimum": limits::REPS.start(),
                "maximum": limits::REPS.end(),
                "default": limits::DEFAULT_REPS,
            },
            "figure": {
                "description": "The figure that shows the pose, beside the countdown and in `stretch guide`: the name of one of the library's, each named after its stretch.",
                "type": "string",
                "enum": figures,
            },
            "cues": {
                "description": format!(
                    "The stretch's own cues, at most {MAX_CUES}: strings are shown in turn over the hold, before the routine's; a table is shown at its time."
                ),
                "type": "array",
                "maxItems": MAX_CUES,
                "items": {
                    "anyOf": [
                        text_schema("A cue shown in turn over the hold.", &CUE_TEXT),
                        { "$ref": "#/definitions/timed_cue" },
                    ],
                },
            },
        },
    })
}

/// A cue `{ at = DURATION, text = STRING }`.
fn timed_cue_schema() -> Value {
    // `at` is within the hold: below the longest hold there is. That it is within this
    // stretch's hold is for `validate`.
    let longest = limits::HOLD.end().saturating_sub(Duration::from_secs(1));
    json!({
        "description": "A cue shown once `at` into the hold.",
        "type": "object",
        "additionalProperties": false,
        "required": ["at", "text"],
        "properties": {
            "at": duration_schema(
                "How far into the hold the cue is shown; shorter than the hold.",
                &(Duration::ZERO..=longest),
                None,
            ),
            "text": text_schema("The cue.", &CUE_TEXT),
        },
    })
}

/// A string of `rule`: its length after trimming, and the characters it may not hold.
fn text_schema(description: &str, rule: &TextRule) -> Value {
    json!({
        "description": description,
        "type": "string",
        "pattern": text_pattern(rule),
    })
}

/// The strings `rule` takes, as a pattern: no control characters (but newline and tab in
/// text of several lines), no bidirectional overrides or isolates, no invisible
/// characters, and from the first
/// character that is not white space to the last, as many characters as `rule` allows.
/// (`minLength` and `maxLength` would count the white space that the reader trims.)
fn text_pattern(rule: &TextRule) -> String {
    let controls = match rule.lines {
        Lines::One => r"\u0000-\u001F",
        Lines::Many => r"\u0000-\u0008\u000B-\u001F",
    };
    let refused =
        format!(r"{controls}\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF");
    // A file with CRLF line endings is read as LF, but an editor may keep the CR of a
    // line break inside a multi-line string.
    let (any, space) = match rule.lines {
        Lines::One => (format!("[^{refused}]"), format!(r"[^\S{refused}]")),
        Lines::Many => (
            format!(r"(?:[^{refused}]|\r\n)"),
            format!(r"(?:[^\S{refused}]|\r\n)"),
        ),
    };
    let edge = format!(r"[^\s{refused}]");
    let (min, max) = (*rule.chars.start(), *rule.chars.end());
    let trimmed = match max {
        0 => String::new(),
        1 => edge.clone(),
        _ => format!("{edge}(?:{any}{{0,{}}}{edge})?", max - 2),
    };
    // A lower bound is 0 (may be empty) or 1 (may not be).
    let trimmed = if min == 0 && max > 0 {
        format!("(?:{trimmed})?")
    } else {
        trimmed
    };
    format!("^{space}*{trimmed}{space}*$")
}

/// One of `names`.
fn choice_schema(description: &str, names: &[&str], default: Option<&str>) -> Value {
    let schema = json!({
        "description": description,
        "type": "string",
        "enum": names,
    });
    match default {
        Some(default) => with_default(schema, json!(default)),
        None => schema,
    }
}

/// A duration within `range`: whole seconds, or a string such as `"1m 30s"` (whose range
/// is for `validate`).
fn duration_schema(
    description: &str,
    range: &RangeInclusive<Duration>,
    default: Option<Duration>,
) -> Value {
    let schema = json!({
        "description": format!(
            "{description} Whole seconds, or a string of whole numbers with the units h, m, s and ms, such as \"30s\" or \"1m 30s\"."
        ),
        "anyOf": [
            {
                "type": "integer",
                "minimum": range.start().as_secs(),
                "maximum": range.end().as_secs(),
            },
            {
                "type": "string",
                "pattern": r"^\s*([0-9]+(h|ms|m|s)\s*)+$",
            },
        ],
    });
    match default {
        Some(default) => with_default(schema, json!(duration::format(default))),
        None => schema,
    }
}

/// `schema` with a `default`, which editors offer.
fn with_default(mut schema: Value, default: Value) -> Value {
    schema["default"] = default;
    schema
}

#[cfg(test)]
mod tests;
