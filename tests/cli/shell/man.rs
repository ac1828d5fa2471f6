//! `stretch man`: a roff page with the subcommands, the exit statuses, the files and the
//! environment, that groff and man render without a warning (where installed; without
//! them, the page's structure is still checked here, and the test says so).

use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::support::Stretch;

fn page() -> String {
    let run = Stretch::new().arg("man").run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// Runs `program` with `args` on `input`; `None` when it is not installed.
fn render(program: &str, args: &[&str], input: &str) -> Option<(bool, String, String)> {
    let mut child = Command::new(program)
        .args(args)
        .env("MANWIDTH", "80")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn the_page_has_a_title_every_subcommand_the_statuses_files_and_environment() {
    let page = page();
    let first_macro = page
        .lines()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .unwrap();
    assert_eq!(
        first_macro,
        r#".TH stretch 1  "stretch 0.1.0" "User Commands""#
    );
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert_eq!(
        sections,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "EXAMPLES",
            "KEYS",
            r#""EXIT STATUS""#,
            "FILES",
            "ENVIRONMENT",
            "VERSION"
        ]
    );
    let commands: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SS \"stretch "))
        .map(|usage| usage.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        commands,
        [
            "run",
            "list",
            "show",
            "guide",
            "validate",
            "log",
            "due",
            "remind",
            "status",
            "snooze",
            "done",
            "completions",
            "man",
            "config",
            "new",
            "schema"
        ]
    );
    for status in [
        "0", "1", "2", "129", "130", "131", "138", "140", "141", "142", "143",
    ] {
        assert!(
            page.contains(&format!(".TP\n\\fB{status}\\fR\n")),
            "status {status}"
        );
    }
    for name in [
        "routine.schema.json",
        "history.jsonl",
        "routines/NAME.toml",
        "NO_COLOR",
        "STRETCH_VOICE_COMMAND",
    ] {
        assert!(page.contains(name), "{name}");
    }
}

#[test]
fn groff_and_man_render_it_without_a_warning() {
    let page = page();
    match render("groff", &["-man", "-ww", "-z"], &page) {
        Some((ok, _, warnings)) => assert!(ok && warnings.is_empty(), "groff: {warnings}"),
        None => eprintln!("groff is not installed: the page's structure is checked alone"),
    }
    match render("man", &["--warnings", "-l", "-"], &page) {
        Some((ok, text, warnings)) => {
            assert!(ok && warnings.is_empty(), "man: {warnings}");
            assert!(text.contains("EXIT STATUS"), "{text}");
            assert!(
                text.contains("stretch completions [OPTIONS] <SHELL>"),
                "{text}"
            );
        }
        None => eprintln!("man is not installed: the page's structure is checked alone"),
    }
}

/// An on/off flag has no `[default: false]`, which would contradict a help such as
/// `--bell`'s "(the default)"; the keys of a run are on the page.
#[test]
fn flags_show_no_false_default_and_the_keys_are_listed() {
    let page = page();
    assert!(
        !page.contains("[default: false]"),
        "a flag's default is shown"
    );
    assert!(
        page.contains("[default: 10]"),
        "a value's default is still shown"
    );
    for key in ["\\fBspace\\fR", "\\fBb or Left\\fR", "\\fBCtrl\\-Z\\fR"] {
        assert!(page.contains(key), "{key}");
    }
    assert!(page.contains("Back, as a media player"));
}
