//! `--color auto|always|never` on every command, `NO_COLOR` and `CLICOLOR_FORCE`; and
//! output meant for scripts (JSON, CSV, plain mode) never in colour, whatever is asked.

use crate::support::pty::any_colour;
use crate::support::{Env, Outcome, Stretch, fixture};

/// A routine file with one problem, whose diagnostic `validate` colours when allowed.
fn invalid(env: &Env) -> std::path::PathBuf {
    let path = env.scratch().join("bad.toml");
    std::fs::write(&path, "name = \"x\"\n[[stretch]]\nname = 1\n").unwrap();
    path
}

fn has_colour(text: &str) -> bool {
    text.contains("\x1b[")
}

/// `validate` on a bad file, into a pipe, with `vars` set (`NO_COLOR` removed first).
fn diagnostics(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Outcome {
    let mut stretch = env
        .stretch()
        .arg("validate")
        .arg(invalid(env))
        .args(args)
        .env_remove("NO_COLOR");
    for (key, value) in vars {
        stretch = stretch.env(key, value);
    }
    let run = stretch.run();
    run.expect_code(1);
    run
}

/// Flags, variables, and whether the output is in colour.
type Case = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    bool,
);

#[test]
fn auto_leaves_a_pipe_plain_and_the_variables_and_the_flag_decide() {
    let env = Env::new();
    let cases: [Case; 8] = [
        (&[], &[], false),
        (&["--color", "auto"], &[], false),
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        (&["--color=always"], &[], true),
        (&["--color=always"], &[("NO_COLOR", "1")], true),
        (&["--color=never"], &[("CLICOLOR_FORCE", "1")], false),
        // An empty NO_COLOR is not set, as no-color.org says.
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], true),
    ];
    for (args, vars, coloured) in cases {
        let run = diagnostics(&env, args, vars);
        assert!(
            run.stderr.contains("wrong type for `name`"),
            "{}",
            run.stderr
        );
        assert_eq!(
            has_colour(&run.stderr),
            coloured,
            "{args:?} {vars:?}: {:?}",
            run.stderr
        );
    }
}

#[test]
fn color_is_taken_by_every_command_before_or_after_it() {
    let env = Env::new();
    for command in [
        &["list"][..],
        &["show", "hamstrings"],
        &["validate", "hamstrings"],
        &["log"],
        &["remind"],
        &[
            "run",
            "--plain",
            "--no-log",
            "--hold",
            "1s",
            "--lead-in",
            "0",
            "--only",
            "seated-forward-bend",
        ],
    ] {
        for when in ["auto", "always", "never"] {
            let after = env
                .stretch()
                .args(command)
                .arg(format!("--color={when}"))
                .fast()
                .run();
            after.expect_code(0);
            let before = env
                .stretch()
                .args(["--color", when])
                .args(command)
                .fast()
                .run();
            before.expect_code(0);
        }
    }
    let run = env.stretch().args(["list", "--color", "sometimes"]).run();
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("[possible values: auto, always, never]"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_chart_of_log_is_green_only_when_colour_is_chosen() {
    let env = Env::new();
    env.set_history(crate::support::fixture_bytes("history/log.jsonl"));
    let log = |args: &[&str]| {
        let run = env
            .stretch()
            .arg("log")
            .args(args)
            .env(
                "STRETCH_TEST_NOW",
                "2026-11-29T20:00:00+01:00[Europe/Berlin]",
            )
            .run();
        run.expect_code(0);
        run.stdout
    };
    assert!(
        log(&["--color=always"]).contains("\x1b[38;5;"),
        "no green chart"
    );
    assert!(!has_colour(&log(&[])));
    assert!(!has_colour(&log(&["--color=never"])));
    // Meant for scripts: never in colour, even when asked.
    for format in ["json", "csv"] {
        let out = log(&["--color=always", "--format", format]);
        assert!(!out.is_empty() && !has_colour(&out), "{format}: {out:?}");
    }
}

#[test]
fn output_for_scripts_is_never_coloured_even_when_forced() {
    let env = Env::new();
    let forced = |args: &[&str]| {
        let run = env
            .stretch()
            .args(args)
            .arg("--color=always")
            .env("CLICOLOR_FORCE", "1")
            .fast()
            .run();
        assert!(!run.stdout.is_empty(), "{args:?}");
        assert!(!has_colour(&run.stdout), "{args:?}: {:?}", run.stdout);
        run
    };
    forced(&["list", "--format", "json"]);
    forced(&["show", "hamstrings", "--format", "json"]);
    forced(&["validate", "hamstrings", "--format", "json"]);
    forced(&[
        "run",
        "--plain",
        "--no-log",
        "--no-bell",
        "--hold",
        "1s",
        "--lead-in",
        "0",
        "--only",
        "seated-forward-bend",
    ]);
    let path = invalid(&env);
    let json = forced(&["validate", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        json.stdout.contains("wrong type for `name`"),
        "{}",
        json.stdout
    );
}

#[test]
fn the_full_screen_follows_color_never_on_a_terminal() {
    let mut run = Stretch::new()
        .args(["run", "--color", "never", "--lead-in", "0"])
        .arg(fixture("run/steady.toml"))
        .pty();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    assert!(!run.screen(any_colour), "colour despite --color never");
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn help_follows_the_color_flag_too() {
    let help = |args: &[&str], vars: &[(&str, &str)]| {
        let mut stretch = Stretch::new().args(args).env_remove("NO_COLOR");
        for (key, value) in vars {
            stretch = stretch.env(key, value);
        }
        let run = stretch.run();
        run.expect_code(0);
        assert!(run.stdout.contains("Usage:"), "{args:?}: {}", run.stdout);
        has_colour(&run.stdout)
    };
    // Into a pipe, help is plain unless colour is asked for, by the flag or the variable.
    assert!(!help(&["run", "--help"], &[]));
    assert!(help(&["--color", "always", "run", "--help"], &[]));
    assert!(help(&["run", "--help"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!help(
        &["--color=never", "run", "--help"],
        &[("CLICOLOR_FORCE", "1")]
    ));
    assert!(!help(
        &["--help", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
}
