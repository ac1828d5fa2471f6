//! Files that cannot be routines, CRLF line endings, several files at once, the user's
//! folder, the command line, and control characters from a file.

use std::fs;

use crate::support::{
    Env, Stretch, fixture, fixture_bytes, fixture_dir, fixture_names, headlines, locations,
};

// --- Files that cannot be routines

#[test]
fn a_missing_file_is_reported() {
    let env = Env::new();
    let run = env
        .stretch()
        .args(["validate", "no-such-routine.toml"])
        .run();
    run.expect_code(1);
    assert_eq!(headlines(&run.stderr)[0], "no such file");
    assert_eq!(locations(&run.stderr), ["no-such-routine.toml"]);
}

#[test]
fn a_directory_is_reported() {
    let env = Env::new();
    fs::create_dir(env.scratch().join("folder.toml")).expect("dir");
    let run = env
        .stretch()
        .current_dir(env.scratch())
        .args(["validate", "folder.toml"])
        .run();
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
    let mut text = fixture_bytes("format/valid/minimal.toml");
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

    let at_limit = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "at-limit.toml"])
        .run();
    at_limit.expect_code(0);
    assert_eq!(at_limit.stdout, "ok: at-limit.toml (Evening, 1 stretch)\n");

    let over = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "over-limit.toml"])
        .run();
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

#[test]
fn a_valid_routine_with_more_strings_than_the_bound_on_problems_is_valid() {
    // 30 stretches of 40 cues: 1,230 quoted strings, each of which the first pass over
    // the syntax once counted as a problem, so that the file was refused.
    let mut text = String::from("name = \"Many strings\"\n");
    for s in 0..30 {
        text.push_str(&format!(
            "\n[[stretch]]\nid = \"s{s}\"\nname = \"Stretch {s}\"\ncues = [\n"
        ));
        for c in 0..40 {
            text.push_str(&format!("  \"cue {c}\",\n"));
        }
        text.push_str("]\n");
    }
    let env = Env::new();
    let dir = env.scratch();
    fs::write(dir.join("many.toml"), text).expect("write");
    let run = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "many.toml"])
        .run();
    run.expect_code(0);
    assert_eq!(run.stdout, "ok: many.toml (Many strings, 30 stretches)\n");
}

#[cfg(unix)]
#[test]
fn a_device_without_end_is_read_only_up_to_the_limit() {
    // Its size says 0; reading stops just past 1 MiB all the same.
    let run = Stretch::new().args(["validate", "/dev/zero"]).run();
    run.expect_code(1);
    assert_eq!(
        headlines(&run.stderr)[0],
        "the file is larger than 1 MiB, the limit for a routine file"
    );
}

#[test]
fn a_file_with_five_thousand_problems_reports_the_first_thousand_and_counts_the_rest() {
    // A hostile file: every line an unknown key. The first 1000 problems are reported in
    // order, in every format, and the rest counted: a hostile file costs bounded memory.
    let env = Env::new();
    let dir = env.scratch();
    let mut text = String::from("name = \"Evening\"\n");
    for i in 0..5_000 {
        text.push_str(&format!("k{i} = 1\n"));
    }
    text.push_str("\n[[stretch]]\nname = \"Fold\"\n");
    fs::write(dir.join("many.toml"), text).expect("write");

    let json = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "--format", "json", "many.toml"])
        .run();
    json.expect_code(1);
    let reports = json.json();
    let diagnostics = reports[0]["diagnostics"].as_array().expect("array");
    assert_eq!(diagnostics.len(), 1_000);
    assert_eq!(diagnostics[999]["message"], "unknown key `k999` in routine");
    assert_eq!(diagnostics[999]["line"], 1_001);
    assert_eq!(reports[0]["more"], 4_000);

    // The text report renders the first 100 in full and counts the rest, so that a
    // hostile file cannot make it run for minutes.
    let run = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "many.toml"])
        .run();
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
            "note: 4900 more problems in many.toml not shown; `--format json` lists the first 1000\n\n\
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
    let run = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "far.toml"])
        .run();
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "error: duplicate stretch id `fold`\n  --> far.toml:37:8\n   |\n37 | name = \"Fold\"\n   |        ^^^^^^ used again here\n   |\n  ::: far.toml:4:8\n   |\n 4 | name = \"Fold\"\n   |        ------ first used here\n   |\n   = help: give each stretch its own `id`\n\nerror: 1 of 1 routine file is invalid (1 problem)\n"
    );
    // The JSON has the note too, with its place.
    let json = env
        .stretch()
        .current_dir(&dir)
        .args(["validate", "--format", "json", "far.toml"])
        .run();
    assert_eq!(
        json.expect_code(1).json()[0]["diagnostics"][0],
        serde_json::json!({
            "severity": "error",
            "message": "duplicate stretch id `fold`",
            "line": 37,
            "column": 8,
            "label": "used again here",
            "help": "give each stretch its own `id`",
            "notes": [{ "line": 4, "column": 8, "text": "first used here" }]
        })
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
    let crlf = fixture_bytes("format/valid/crlf-line-endings.toml");
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

    let lf_show = env
        .stretch()
        .current_dir(dir.join("lf"))
        .args(["show", "routine.toml", "--format", "json"])
        .run();
    let crlf_show = env
        .stretch()
        .current_dir(dir.join("crlf"))
        .args(["show", "routine.toml", "--format", "json"])
        .run();
    lf_show.expect_code(0);
    crlf_show.expect_code(0);
    assert_eq!(crlf_show.stdout, lf_show.stdout);
    let shown = crlf_show.json();
    // Line ends inside multi-line strings are newlines, not CRs; a trailing backslash
    // joins lines across CRLF too.
    assert_eq!(shown["description"], "First line, continued.\nSecond line.");
    assert!(!crlf_show.stdout.contains("\\r"), "{}", crlf_show.stdout);

    let lf_text = env
        .stretch()
        .current_dir(dir.join("lf"))
        .args(["show", "routine.toml"])
        .run();
    let crlf_text = env
        .stretch()
        .current_dir(dir.join("crlf"))
        .args(["show", "routine.toml"])
        .run();
    assert_eq!(crlf_text.stdout, lf_text.stdout);
    let lf_validate = env
        .stretch()
        .current_dir(dir.join("lf"))
        .args(["validate", "routine.toml"])
        .run();
    let crlf_validate = env
        .stretch()
        .current_dir(dir.join("crlf"))
        .args(["validate", "routine.toml"])
        .run();
    crlf_validate.expect_code(0);
    assert_eq!(crlf_validate.stdout, lf_validate.stdout);
}

#[test]
fn an_invalid_crlf_file_reports_exactly_what_its_lf_twin_reports() {
    let crlf = fixture_bytes("format/invalid/crlf-line-endings.toml");
    assert!(crlf.windows(2).any(|w| w == b"\r\n"));
    let env = Env::new();
    let dir = env.scratch();
    fs::create_dir(dir.join("lf")).expect("dir");
    fs::create_dir(dir.join("crlf")).expect("dir");
    fs::write(dir.join("lf/routine.toml"), with_lf(&crlf)).expect("write");
    fs::write(dir.join("crlf/routine.toml"), &crlf).expect("write");
    for format in ["text", "json"] {
        let lf = env
            .stretch()
            .current_dir(dir.join("lf"))
            .args(["validate", "--format", format, "routine.toml"])
            .run();
        let crlf = env
            .stretch()
            .current_dir(dir.join("crlf"))
            .args(["validate", "--format", format, "routine.toml"])
            .run();
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
    let dir = fixture_dir("format/invalid");
    let run = env
        .stretch()
        .current_dir(&dir)
        .args([
            "validate",
            "unknown-key-timed-cue.toml",
            "../valid/minimal.toml",
            "crlf-line-endings.toml",
            "no-such-file.toml",
            "not-utf8.toml",
            "duplicate-id.toml",
        ])
        .run();
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
    let all_good = env.stretch().args(["validate"]).run();
    all_good.expect_code(0);
    assert_eq!(
        all_good.stdout,
        "\
ok: builtin:hamstrings.toml (hamstrings, 7 stretches)
ok: builtin:hamstrings-beginner.toml (hamstrings-beginner, 3 stretches)
ok: builtin:hamstrings-advanced.toml (hamstrings-advanced, 4 stretches)
ok: builtin:desk.toml (desk, 8 stretches)
ok: builtin:lower-back.toml (lower-back, 6 stretches)
ok: builtin:hips-and-calves.toml (hips-and-calves, 5 stretches)
"
    );

    let mine = env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    let broken = env.add_user_routine("broken", fixture_bytes("format/invalid/duplicate-id.toml"));
    let run = env.stretch().args(["validate"]).run();
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        format!(
            "ok: {} (Timeline check, 2 stretches)\n\
             ok: builtin:hamstrings.toml (hamstrings, 7 stretches)\n\
             ok: builtin:hamstrings-beginner.toml (hamstrings-beginner, 3 stretches)\n\
             ok: builtin:hamstrings-advanced.toml (hamstrings-advanced, 4 stretches)\n\
             ok: builtin:desk.toml (desk, 8 stretches)\n\
             ok: builtin:lower-back.toml (lower-back, 6 stretches)\n\
             ok: builtin:hips-and-calves.toml (hips-and-calves, 5 stretches)\n",
            mine.display()
        )
    );
    assert_eq!(
        locations(&run.stderr),
        [format!("{}:9:6", broken.display())]
    );
    assert_eq!(
        headlines(&run.stderr).last().map(String::as_str),
        Some("1 of 8 routine files are invalid (1 problem)")
    );
}

#[test]
fn the_user_folder_falls_back_to_home_config() {
    let env = Env::new();
    let folder = env.home().join(".config").join("stretch").join("routines");
    fs::create_dir_all(&folder).expect("dir");
    fs::write(
        folder.join("broken.toml"),
        fixture_bytes("format/invalid/reps-zero.toml"),
    )
    .expect("write");
    let run = env
        .stretch()
        .env_remove("XDG_CONFIG_HOME")
        .arg("validate")
        .run();
    assert_eq!(run.code, 1);
    assert_eq!(
        locations(&run.stderr),
        [format!("{}:6:8", folder.join("broken.toml").display())]
    );
}

// --- The command line

#[test]
fn a_bad_command_line_exits_2() {
    let env = Env::new();
    let file = fixture("format/valid/minimal.toml");
    let file = file.to_str().expect("utf-8 path");
    for args in [
        &["validate", "--format", "yaml", file][..],
        &["validate", "--no-such-flag", file],
        &["validate", "--format"],
    ] {
        let run = env.stretch().args(args).run();
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
    let dir = fixture_dir("format/invalid");
    for name in fixture_names("format/invalid") {
        for format in ["text", "json"] {
            let run = env
                .stretch()
                .current_dir(&dir)
                .args(["validate", "--format", format, &name])
                .run();
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
