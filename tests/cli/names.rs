//! Routine names everywhere a routine is named: `validate NAME`, and a built-in routine
//! that one of the user's shadows, which `list` still shows and `builtin:NAME` reaches.

use crate::support::{Env, fixture, fixture_bytes};

/// An environment with a routine of the user's named `hamstrings`, shadowing the built-in.
fn shadowing() -> Env {
    let env = Env::new();
    env.add_user_routine("hamstrings", fixture_bytes("format/valid/timeline.toml"));
    env
}

#[test]
fn list_shows_a_shadowed_built_in_by_the_name_that_reaches_it() {
    let env = shadowing();
    let list = env.stretch().arg("list").run();
    let rows: Vec<&str> = list.expect_code(0).stdout.lines().collect();
    let row = |name: &str| {
        rows.iter()
            .find(|row| row.split_whitespace().next() == Some(name))
            // The name, level, stretches, time and source; the description after them.
            .map(|row| row.split_whitespace().take(8).collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("no row {name} in\n{}", list.stdout))
    };
    assert_eq!(
        row("hamstrings"),
        ["hamstrings", "all", "2", "1m", "49s", "yours"]
    );
    assert_eq!(
        row("builtin:hamstrings"),
        [
            "builtin:hamstrings",
            "all",
            "7",
            "7m",
            "built-in,",
            "shadowed",
            "by",
            "yours"
        ]
    );

    let json = env
        .stretch()
        .args(["list", "--format", "json"])
        .run()
        .json();
    let shadowed: Vec<(&str, &str)> = json
        .as_array()
        .expect("rows")
        .iter()
        .filter(|row| row["shadowed"] == true)
        .map(|row| {
            (
                row["name"].as_str().expect("name"),
                row["origin"].as_str().expect("origin"),
            )
        })
        .collect();
    assert_eq!(shadowed, [("builtin:hamstrings", "built-in")]);

    let stretches = env.stretch().args(["list", "--stretches"]).run();
    assert!(
        stretches
            .expect_code(0)
            .stdout
            .lines()
            .any(|line| line.starts_with("lying-strap") && line.contains("builtin:hamstrings")),
        "{}",
        stretches.stdout
    );
}

#[test]
fn builtin_name_reaches_the_built_in_anywhere_a_routine_is_named() {
    let env = shadowing();
    let mine = env
        .stretch()
        .args(["show", "hamstrings", "--format", "json"])
        .run();
    assert_eq!(mine.expect_code(0).json()["name"], "hamstrings");
    assert_eq!(mine.json()["title"], "Timeline check");
    let builtin = env
        .stretch()
        .args(["show", "builtin:hamstrings", "--format", "json"])
        .run();
    assert_eq!(builtin.expect_code(0).json()["name"], "builtin:hamstrings");
    assert_eq!(builtin.json()["title"], "hamstrings");
    assert_eq!(builtin.json()["total_ms"], 420_000);

    let run = env
        .stretch()
        .args([
            "run",
            "builtin:hamstrings",
            "--only",
            "standing-toe-touch",
            "--hold",
            "1",
        ])
        .args(["--lead-in", "0"])
        .fast()
        .run();
    let lines: Vec<&str> = run.expect_code(0).stdout.lines().collect();
    assert!(
        lines[0].ends_with("hold (1s): Standing toe touch"),
        "{lines:?}"
    );
    // Recorded by the name that runs it again, the built-in one and not yours.
    let recorded = std::fs::read_to_string(env.history()).expect("history");
    assert!(
        recorded.contains("\"routine\":\"builtin:hamstrings\",\"title\":\"hamstrings\""),
        "{recorded}"
    );

    let validate = env.stretch().args(["validate", "builtin:hamstrings"]).run();
    assert_eq!(
        validate.expect_code(0).stdout,
        "ok: builtin:hamstrings.toml (hamstrings, 7 stretches)\n"
    );

    let typo = env.stretch().args(["show", "builtin:hamstring"]).run();
    typo.expect_code(1);
    assert_eq!(
        typo.stderr,
        "error: no built-in routine named `hamstring`; did you mean `builtin:hamstrings`?\n"
    );
}

#[test]
fn validate_takes_routine_names_as_well_as_paths() {
    let env = Env::new();
    env.add_user_routine("my-evening", fixture_bytes("format/valid/minimal.toml"));
    env.add_user_routine("broken", fixture_bytes("format/invalid/hold-zero.toml"));
    let valid = env
        .stretch()
        .args(["validate", "my-evening", "hamstrings-beginner"])
        .run();
    let lines: Vec<&str> = valid.expect_code(0).stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("ok: ") && lines[0].contains("my-evening.toml"));
    assert!(lines[1].starts_with("ok: builtin:hamstrings-beginner.toml"));

    let invalid = env
        .stretch()
        .args(["validate", "broken", "my-evenin"])
        .run();
    invalid.expect_code(1);
    assert!(
        invalid.stderr.contains("error: `hold` is out of range"),
        "{}",
        invalid.stderr
    );
    // A name that is neither a routine nor a file is a problem like a missing file, and
    // the others are still checked.
    assert!(
        invalid.stderr.contains(
            "error: no routine named `my-evenin`; did you mean `my-evening`? \
             (`stretch list` shows them all)\n --> my-evenin\n"
        ),
        "{}",
        invalid.stderr
    );
    assert!(
        invalid
            .stderr
            .ends_with("error: 2 of 2 routine files are invalid (2 problems)\n"),
        "{}",
        invalid.stderr
    );
    // A path still works as a path.
    let path = env
        .stretch()
        .arg("validate")
        .arg(fixture("format/valid/minimal.toml"))
        .run();
    path.expect_code(0);
}

#[test]
fn an_unknown_unit_is_named_in_the_report_and_its_json() {
    let env = Env::new();
    let file = env.scratch().join("units.toml");
    std::fs::write(
        &file,
        "name = \"Units\"\nhold = \"30 sec\"\n\n[[stretch]]\nname = \"Fold\"\n",
    )
    .expect("write");
    let text = env.stretch().arg("validate").arg(&file).run();
    text.expect_code(1);
    assert!(
        text.stderr
            .contains("^^^^^^^^ unknown unit `sec`: use h, m, s or ms"),
        "{}",
        text.stderr
    );
    let json = env
        .stretch()
        .args(["validate", "--format", "json"])
        .arg(&file)
        .run();
    let problem = json.json()[0]["diagnostics"][0].clone();
    assert_eq!(problem["message"], "invalid duration for `hold`");
    assert_eq!(problem["label"], "unknown unit `sec`: use h, m, s or ms");
    assert_eq!(
        problem["help"],
        r#"write whole seconds (`30`) or a string with units h, m, s, ms: "30s", "1m 30s", "750ms""#
    );
}

/// A routine of yours is named by the name `run` takes everywhere (the `show` header,
/// `list`, the history, `log`), its display name kept beside it: what `log` says runs it.
#[test]
fn a_routine_is_named_by_what_runs_it_and_its_display_name_is_a_field_of_its_own() {
    let env = Env::new();
    env.add_user_routine(
        "neck",
        "name = \"Neck and shoulder break\"\nlead_in = 0\n[[stretch]]\nname = \"Tilt\"\nhold = 1\n",
    );
    let show = env.stretch().args(["show", "neck"]).run();
    assert!(
        show.expect_code(0)
            .stdout
            .starts_with("neck: Neck and shoulder break (1 stretch,"),
        "{}",
        show.stdout
    );
    let list = env.stretch().args(["list", "--format", "json"]).run();
    let rows = list.expect_code(0).json();
    let neck = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "neck");
    assert_eq!(neck.expect("listed")["title"], "Neck and shoulder break");
    env.stretch()
        .args(["run", "neck"])
        .fast()
        .run()
        .expect_code(0);
    let log = env.stretch().args(["log", "--format", "json"]).run();
    let session = &log.expect_code(0).json()["sessions"][0];
    assert_eq!(session["routine"], "neck");
    assert_eq!(session["title"], "Neck and shoulder break");
    let again = session["routine"].as_str().unwrap();
    env.stretch()
        .args(["run", again])
        .fast()
        .run()
        .expect_code(0);
    let text = env.stretch().args(["log", "-n", "1"]).run();
    let row = text
        .expect_code(0)
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    assert!(row.contains("  neck  "), "{row}");
}
