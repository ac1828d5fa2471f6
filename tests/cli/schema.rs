//! `stretch schema` and `stretch validate` agree over every routine fixture: what
//! validate takes, the schema takes; what validate refuses, the schema refuses too, unless
//! the fault is one the schema cannot express (listed below, each with why) or the file
//! is not TOML at all (an editor's TOML reader reports that, before any schema).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{Env, fixture_dir};

/// Invalid fixtures whose fault is beyond a schema, and why.
const BEYOND_THE_SCHEMA: &[(&str, &str)] = &[
    ("format/invalid/duplicate-derived-id.toml", "unique ids"),
    (
        "format/invalid/duplicate-explicit-and-derived-id.toml",
        "unique ids",
    ),
    ("format/invalid/duplicate-id.toml", "unique ids"),
    ("use/duplicate.toml", "unique ids"),
    (
        "format/invalid/name-emoji-needs-id.toml",
        "an id made from the name",
    ),
    (
        "format/invalid/hold-over-10m-by-1ms.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/hold-over-10m.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/hold-under-1s.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/hold-zero.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/lead-in-over-2m.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/rest-over-10m.toml",
        "a duration's range, written as text",
    ),
    (
        "format/invalid/switch-over-2m.toml",
        "a duration's range, written as text",
    ),
    ("format/invalid/hold-repeated-unit.toml", "each unit once"),
    (
        "format/invalid/timed-cue-at-equal-hold.toml",
        "a cue within its hold",
    ),
    (
        "format/invalid/timed-cue-at-past-default-hold.toml",
        "a cue within its hold",
    ),
    (
        "format/invalid/timed-cue-at-past-hold.toml",
        "a cue within its hold",
    ),
    (
        "format/invalid/timed-cue-at-past-routine-hold.toml",
        "a cue within its hold",
    ),
    ("use/cue-past-hold.toml", "a cue within its hold"),
];

/// Every `.toml` file under `folder`, with its path relative to the fixtures.
fn routine_fixtures(folder: &Path, root: &Path, found: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .expect("a fixture folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            routine_fixtures(&path, root, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let name = path.strip_prefix(root).expect("under the fixtures");
            found.push((name.to_string_lossy().into_owned(), path));
        }
    }
}

/// What validate says of each fixture: valid or not, by its path.
fn verdicts(env: &Env, fixtures: &[(String, PathBuf)]) -> BTreeMap<String, bool> {
    let run = env
        .stretch()
        .args(["validate", "--format", "json"])
        .args(fixtures.iter().map(|(_, path)| path))
        .run();
    let reports = run.json();
    let reports = reports.as_array().expect("one report a file");
    assert_eq!(reports.len(), fixtures.len());
    fixtures
        .iter()
        .zip(reports)
        .map(|((name, _), report)| (name.clone(), report["valid"] == true))
        .collect()
}

/// The file as the JSON an editor checks against the schema; `None` when it is not TOML.
fn as_json(path: &Path) -> Option<Value> {
    let text = String::from_utf8(fs::read(path).ok()?).ok()?;
    toml::from_str(&text).ok()
}

#[test]
fn the_schema_agrees_with_validate_on_every_fixture() {
    let env = Env::new();
    let printed = env.stretch().arg("schema").run();
    let schema: Value = printed.expect_code(0).json();
    jsonschema::draft7::meta::validate(&schema).expect("a draft-07 schema");
    let checker = jsonschema::draft7::new(&schema).expect("the schema compiles");

    let root = fixture_dir("");
    let mut fixtures = Vec::new();
    routine_fixtures(&root, &root, &mut fixtures);
    let verdicts = verdicts(&env, &fixtures);
    let beyond: BTreeMap<&str, &str> = BEYOND_THE_SCHEMA.iter().copied().collect();

    let (mut valid, mut refused, mut not_toml) = (0, 0, 0);
    for (name, path) in &fixtures {
        let Some(document) = as_json(path) else {
            assert!(
                !verdicts[name],
                "{name} is valid but not TOML to the toml crate"
            );
            not_toml += 1;
            continue;
        };
        let errors: Vec<String> = checker
            .iter_errors(&document)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        match (verdicts[name], beyond.get(name.as_str())) {
            (true, None) => {
                assert!(errors.is_empty(), "{name} is valid, but: {errors:#?}");
                valid += 1;
            }
            (false, None) => {
                assert!(
                    !errors.is_empty(),
                    "{name} is invalid, yet the schema takes it"
                );
                refused += 1;
            }
            (false, Some(why)) => {
                assert!(
                    errors.is_empty(),
                    "{name} is listed as beyond the schema ({why}), but the schema refuses it: {errors:#?}"
                );
            }
            (true, Some(_)) => panic!("{name} is listed as beyond the schema, but it is valid"),
        }
    }
    for name in beyond.keys() {
        assert!(verdicts.contains_key(*name), "{name} is not a fixture");
    }
    // Enough of each that a fixture folder left out would show.
    assert!(valid >= 20, "{valid} valid fixtures");
    assert!(refused >= 60, "{refused} refused by the schema");
    assert!(not_toml >= 3, "{not_toml} fixtures that are not TOML");
}

#[test]
fn the_schema_is_json_with_the_format_s_title() {
    let env = Env::new();
    let run = env.stretch().arg("schema").run();
    let schema = run.expect_code(0).json();
    assert_eq!(schema["title"], "stretch routine (format version 1)");
    assert_eq!(
        schema["$comment"],
        format!(
            "Made by stretch {} (`stretch schema`).",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(run.stdout.ends_with("}\n"));
}
