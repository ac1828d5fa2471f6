//! The schema says what the reader checks: the same keys, the same characters, the same
//! durations. (That every fixture gets the same verdict from both is tested through the
//! binary, in `tests/cli/schema.rs`.)

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::*;
use crate::routine::duration;
use crate::routine::read::{CUE_KEYS, ROUTINE_KEYS, STRETCH_KEYS};

fn keys(properties: &Value) -> BTreeSet<String> {
    properties
        .as_object()
        .expect("properties is an object")
        .keys()
        .cloned()
        .collect()
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|key| key.to_string()).collect()
}

#[test]
fn the_schema_knows_the_keys_the_reader_knows() {
    let schema = schema();
    assert_eq!(keys(&schema["properties"]), set(ROUTINE_KEYS));
    assert_eq!(
        keys(&schema["definitions"]["stretch"]["properties"]),
        set(STRETCH_KEYS)
    );
    assert_eq!(
        keys(&schema["definitions"]["timed_cue"]["properties"]),
        set(CUE_KEYS)
    );
}

#[test]
fn the_schema_is_a_valid_draft_07_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::meta::validate(&schema).expect("a valid draft-07 schema");
}

/// Whether `text` matches the pattern `text_schema` gives `rule`.
fn matcher(rule: &TextRule) -> jsonschema::Validator {
    jsonschema::draft7::new(&json!({ "type": "string", "pattern": text_pattern(rule) }))
        .expect("the pattern compiles")
}

#[test]
fn text_patterns_refuse_exactly_the_characters_the_reader_refuses() {
    for rule in [&NAME, &LONG_TEXT, &SIDE_LABEL, &CUE_TEXT] {
        let matcher = matcher(rule);
        // Every character up to the end of the bidi isolates, and a few beyond.
        let beyond = ['\u{FEFF}', '\u{FFFD}', '\u{1F600}', '\u{10FFFF}'];
        for c in ('\0'..='\u{2070}').chain(beyond) {
            assert_eq!(
                matcher.is_valid(&json!(format!("a{c}b"))),
                rule.allows(c),
                "U+{:04X} in a rule of {:?}",
                c as u32,
                rule.lines
            );
        }
    }
}

#[test]
fn text_that_may_not_be_empty_needs_more_than_white_space() {
    let name = matcher(&NAME);
    for (text, valid) in [
        ("", false),
        ("   ", false),
        (" \u{3000} ", false),
        (" a ", true),
    ] {
        assert_eq!(name.is_valid(&json!(text)), valid, "{text:?}");
    }
    let longest = "n".repeat(80);
    assert!(name.is_valid(&json!(format!("   {longest}  \u{3000}"))));
    assert!(!name.is_valid(&json!(format!("{longest}n"))));
    assert!(name.is_valid(&json!("ü".repeat(80))));
    assert!(
        !name.is_valid(&json!(" a\t")),
        "a tab is a control character in a name"
    );
    let how = matcher(&LONG_TEXT);
    assert!(how.is_valid(&json!(format!("\n {} \r\n", "x".repeat(2000)))));
    assert!(!how.is_valid(&json!("x".repeat(2001))));
    assert!(how.is_valid(&json!("")));
    assert!(how.is_valid(&json!("Line one\n\tline two")));
    assert!(how.is_valid(&json!("Line one\r\nline two, as a CRLF file may be read")));
    assert!(!how.is_valid(&json!("Line one\rline two")));
}

#[test]
fn the_duration_pattern_takes_what_the_duration_reader_takes() {
    let pattern = &schema()["properties"]["hold"]["anyOf"][1];
    let matcher = jsonschema::draft7::new(pattern).expect("the pattern compiles");
    let texts = [
        "30s",
        "1m 30s",
        "1m30s",
        " 750ms ",
        "1h",
        "1h 2m 3s 4ms",
        "0s",
        "30",
        "30 s",
        "1.5m",
        "-5s",
        "",
        "  ",
        "30sec",
        "s",
        "1d",
        "1m s",
        "1mss",
        "10 m",
    ];
    for text in texts {
        // Repeated units ("1s 2s") and ranges are for `validate`: the pattern takes
        // a superset of what the reader takes, and no more.
        assert_eq!(
            matcher.is_valid(&json!(text)),
            duration::parse(text).is_ok(),
            "{text:?}"
        );
    }
    assert!(matcher.is_valid(&json!("1s 2s")));
    assert!(duration::parse("1s 2s").is_err());
}

#[test]
fn integer_durations_have_the_format_s_ranges_in_seconds() {
    let properties = &schema()["properties"];
    for (key, range) in [
        ("hold", limits::HOLD),
        ("rest", limits::REST),
        ("switch", limits::SWITCH),
        ("lead_in", limits::LEAD_IN),
    ] {
        let seconds = &properties[key]["anyOf"][0];
        assert_eq!(seconds["minimum"], range.start().as_secs(), "{key}");
        assert_eq!(seconds["maximum"], range.end().as_secs(), "{key}");
    }
    assert_eq!(properties["hold"]["default"], "30s");
}

#[test]
fn use_offers_every_stretch_of_the_library() {
    let schema = schema();
    let offered = &schema["definitions"]["stretch"]["properties"]["use"]["enum"];
    let ids: Vec<&str> = library::stretches().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(offered, &json!(ids));
    assert!(ids.contains(&"standing-toe-touch"));
}

#[test]
fn the_description_names_what_only_validate_checks() {
    let description = schema()["description"]
        .as_str()
        .expect("a description")
        .to_string();
    assert!(description.contains("unique in the file"), "{description}");
    assert!(
        description.contains("shorter than its hold"),
        "{description}"
    );
}

#[test]
fn the_directive_points_from_the_routine_folder_to_the_schema() {
    assert_eq!(DIRECTIVE, format!("#:schema ../{FILE_NAME}"));
}
