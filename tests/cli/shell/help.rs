//! `--help` ends with examples (and `stretch --help` with where to start); `-h` stays
//! short, without them.

use crate::support::Stretch;

const SUBCOMMANDS: [&str; 9] = [
    "run",
    "list",
    "show",
    "validate",
    "log",
    "due",
    "remind",
    "completions",
    "man",
];

fn help(args: &[&str]) -> String {
    let run = Stretch::new().args(args).run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// The lines after the last "Examples:" heading, each a `stretch` command with its words.
fn examples(text: &str) -> Vec<String> {
    let (_, after) = text
        .rsplit_once("\nExamples:\n")
        .expect("an Examples: heading");
    after.lines().map(|line| line.trim().to_owned()).collect()
}

#[test]
fn every_subcommand_help_ends_with_two_to_four_examples() {
    for name in SUBCOMMANDS {
        let long = help(&[name, "--help"]);
        let lines = examples(&long);
        assert!((2..=4).contains(&lines.len()), "{name}: {lines:?}");
        for line in &lines {
            assert!(
                line.starts_with(&format!("stretch {name}")),
                "{name}: {line}"
            );
        }
        let short = help(&[name, "-h"]);
        assert!(!short.contains("Examples:"), "{name} -h: {short}");
        assert!(short.lines().count() < long.lines().count(), "{name}");
    }
    // The same through `stretch help NAME`.
    assert_eq!(help(&["help", "run"]), help(&["run", "--help"]));
}

#[test]
fn stretch_help_ends_with_where_to_start_and_h_stays_short() {
    let long = help(&["--help"]);
    let (_, start) = long
        .rsplit_once("\nStart here:\n")
        .expect("a Start here: heading");
    let commands: Vec<&str> = start
        .lines()
        .map(|line| line.trim().split("  ").next().unwrap())
        .collect();
    assert_eq!(
        commands,
        ["stretch run", "stretch list", "stretch validate FILE"]
    );
    let short = help(&["-h"]);
    assert!(!short.contains("Start here"), "{short}");
    for name in SUBCOMMANDS {
        assert!(
            short.contains(&format!("\n  {name} ")),
            "{name} missing: {short}"
        );
    }
}

/// `run -h` lists its flags in groups: what to run, the timing, what you see and hear,
/// and the history, each flag under its own.
#[test]
fn run_help_groups_its_flags() {
    let short = help(&["run", "-h"]);
    let headings: Vec<&str> = short
        .lines()
        .filter(|line| !line.starts_with(' ') && line.ends_with(':'))
        .collect();
    assert_eq!(
        headings,
        [
            "Arguments:",
            "Options:",
            "What to run:",
            "Timing:",
            "What you see and hear:",
            "The history:"
        ]
    );
    let group = |heading: &str| -> Vec<String> {
        let (_, after) = short.split_once(&format!("\n{heading}\n")).expect(heading);
        after
            .lines()
            .take_while(|line| line.starts_with(' '))
            .filter_map(|line| line.split_whitespace().next())
            .map(|flag| flag.trim_end_matches(',').to_string())
            .collect()
    };
    assert_eq!(group("What to run:"), ["--only", "--skip", "--level"]);
    assert_eq!(
        group("Timing:"),
        ["--hold", "--rest", "--switch", "--lead-in"]
    );
    assert_eq!(
        group("What you see and hear:"),
        [
            "--plain",
            "--bell",
            "--no-bell",
            "--voice[=<LEVEL>]",
            "--no-voice",
            "--sound",
            "--no-sound",
            "--figures",
            "--no-figures"
        ]
    );
    assert_eq!(group("The history:"), ["--log", "--no-log"]);
}
