//! No input makes `stretch` panic: every invalid fixture, hostile files (random bytes,
//! deep nesting, random TOML-like text) through `validate`, `show` and `list`, and output
//! into a pipe that is already closed.

use std::fs;

use crate::support::{Env, fixture, fixture_bytes, fixture_dir, fixture_names};

#[test]
fn no_invalid_fixture_makes_validate_show_or_list_panic() {
    let env = Env::new();
    let dir = fixture_dir("format/invalid");
    let names = fixture_names("format/invalid");
    for name in &names {
        for args in [
            &["validate", name.as_str()][..],
            &["validate", "--format", "json", name],
            &["show", name],
            &["show", name, "--format", "json"],
        ] {
            env.stretch()
                .current_dir(&dir)
                .args(args)
                .run()
                .expect_no_crash(&format!("{args:?}"))
                .expect_code(1);
        }
        env.add_user_routine(
            name.trim_end_matches(".toml"),
            fixture_bytes(&format!("format/invalid/{name}")),
        );
    }
    // All of them at once in the user's folder: listed, each named with its problem.
    for args in [
        &["list"][..],
        &["list", "--format", "json"],
        &["list", "--stretches"],
        &["list", "--stretches", "--format", "json"],
    ] {
        env.stretch()
            .args(args)
            .run()
            .expect_no_crash(&format!("{args:?}"))
            .expect_code(0);
    }
    let listed = env
        .stretch()
        .args(["list", "--format", "json"])
        .run()
        .json();
    let invalid = listed
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["valid"] == false && r["origin"] == "yours")
        .count();
    assert_eq!(invalid, names.len());
    // `validate` with no FILE reads them all, and still reports the built-ins.
    let all = env.stretch().args(["validate"]).run();
    all.expect_no_crash("validate").expect_code(1);
    assert_eq!(all.stdout.lines().count(), 6, "{}", all.stdout);
}

/// A small deterministic generator, so that a failure can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

/// Text made of the pieces of routine files, in random order: mostly broken TOML, some
/// of it valid TOML with wrong values, a little of it a valid routine.
fn toml_soup(rng: &mut Lcg) -> String {
    const PIECES: &[&str] = &[
        "name = \"Evening\"\n",
        "[[stretch]]\n",
        "[stretch]\n",
        "name = ",
        "hold = ",
        "cues = [",
        "{ at = ",
        "text = ",
        "sides = ",
        "reps = ",
        "id = ",
        "level = ",
        "\"30s\"",
        "\"1m 30s\"",
        "\"1.5m\"",
        "-5",
        "0",
        "21",
        "9223372036854775807",
        "99999999999999999999",
        "1e400",
        "nan",
        "inf",
        "true",
        "1979-05-27T07:32:00Z",
        "\"both\"",
        "\"Both\"",
        "\"all\"",
        "\"\"",
        "\"\\u001b[2J\"",
        "\"\u{202E}\"",
        "\"🧘\"",
        "'''",
        "\"\"\"",
        "\\",
        "\r\n",
        "\n",
        "\r",
        "\t",
        " ",
        ",",
        "]",
        "}",
        "[",
        "{",
        "=",
        ".",
        "a.b.c",
        "\"",
        "'",
        "#",
        "\u{0}",
        "\u{7f}",
        "é",
        "\u{FEFF}",
        "stretch = []\n",
        "stretch = [{ name = \"x\" }, 1]\n",
        "[[stretch.cues]]\n",
    ];
    let length = 1 + rng.next() % 60;
    (0..length).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn random_toml_like_text_never_makes_it_panic() {
    let env = Env::new();
    let dir = env.scratch();
    let mut rng = Lcg(0x5eed_2026);
    let mut names = Vec::new();
    for i in 0..300 {
        let name = format!("soup-{i:03}.toml");
        fs::write(dir.join(&name), toml_soup(&mut rng)).expect("write");
        names.push(name);
    }
    // Some random bytes too, of every value, valid UTF-8 or not.
    for i in 0..20 {
        let name = format!("bytes-{i:02}.toml");
        let bytes: Vec<u8> = (0..1 + rng.next() % 2000)
            .map(|_| rng.next() as u8)
            .collect();
        fs::write(dir.join(&name), bytes).expect("write");
        names.push(name);
    }
    let mut args = vec!["validate"];
    args.extend(names.iter().map(String::as_str));
    let text = env.stretch().current_dir(&dir).args(&args).run();
    text.expect_no_crash("validate");
    args.extend(["--format", "json"]);
    let json = env.stretch().current_dir(&dir).args(&args).run();
    json.expect_no_crash("validate --format json");
    let reports = json.json();
    assert_eq!(reports.as_array().map(Vec::len), Some(names.len()));
    for name in names.iter().step_by(7) {
        env.stretch()
            .current_dir(&dir)
            .args(["show", name])
            .run()
            .expect_no_crash(name);
    }
    for name in &names {
        fs::copy(dir.join(name), env.user_folder().join(name)).expect("copy");
    }
    env.stretch()
        .args(["list"])
        .run()
        .expect_no_crash("list")
        .expect_code(0);
    env.stretch()
        .args(["list", "--stretches", "--format", "json"])
        .run()
        .expect_no_crash("list --stretches")
        .expect_code(0);
}

#[test]
fn a_routine_name_of_control_characters_never_reaches_the_terminal_from_list_or_json() {
    let env = Env::new();
    env.add_user_routine(
        "evil\u{1b}[2J\u{7}",
        fixture_bytes("format/valid/minimal.toml"),
    );
    env.add_user_routine(
        "evil\u{202E}bad",
        fixture_bytes("format/invalid/unknown-key-top-level.toml"),
    );
    // U+009B is a one-character escape sequence introducer that JSON does not escape.
    env.add_user_routine(
        "evil\u{9b}31m\u{7f}",
        fixture_bytes("format/invalid/unknown-key-top-level.toml"),
    );
    for args in [
        &["list"][..],
        &["list", "--stretches"],
        &["validate"],
        &["list", "--format", "json"],
        &["list", "--stretches", "--format", "json"],
        &["validate", "--format", "json"],
    ] {
        let run = env.stretch().args(args).run();
        run.expect_no_crash(&format!("{args:?}"));
        for text in [&run.stdout, &run.stderr] {
            assert!(
                !text.chars().any(|c| (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
                "{args:?}: {text:?}"
            );
        }
    }
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let env = Env::new();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    let valid = fixture("format/valid/timeline.toml");
    let valid = valid.to_str().expect("utf-8 path");
    for (args, code) in [
        (&["list"][..], 0),
        (&["list", "--stretches", "--format", "json"], 0),
        (&["show", "hamstrings"], 0),
        (&["show", "hamstrings", "--format", "json"], 0),
        (&["validate"], 0),
        (&["validate", "--format", "json", valid], 0),
    ] {
        // The reading end is closed before the binary writes anything.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let run = env.stretch().args(args).stdout(writer).run();
        let stderr = &run.stderr;
        assert!(!stderr.contains("panicked"), "{args:?}:\n{stderr}");
        assert_eq!(run.code, code, "{args:?}:\n{stderr}");
    }
}

#[test]
fn a_closed_error_pipe_ends_quietly() {
    let env = Env::new();
    let dir = fixture_dir("format/invalid");
    for args in [
        &["validate", "duplicate-id.toml"][..],
        &["validate", "duplicate-id.toml", "../valid/minimal.toml"],
        &["show", "duplicate-id.toml"],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let run = env
            .stretch()
            .current_dir(&dir)
            .args(args)
            .stderr(writer)
            .run();
        // A panic exits with 101; here the only report is the exit status.
        assert_eq!(run.code, 1, "{args:?}");
    }
}
