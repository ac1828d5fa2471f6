//! `stretch completions SHELL`: a script for each shell, which asks `stretch` on `PATH`;
//! and in a real bash, with the script loaded, what completing a routine's name and a
//! stretch id offers. The script asks the real binary, put first on `PATH`, in the test's
//! own HOME and XDG folders.

use std::ffi::OsString;
use std::path::Path;

use crate::support::{Env, STRETCH, path_first};

/// `PATH` with the folder of the binary under test first, so that `stretch` is it.
fn path_with_stretch() -> OsString {
    path_first(Path::new(STRETCH).parent().unwrap())
}

/// What bash offers for the command line `words` (the last word is the one completed),
/// with the script of `stretch completions bash` loaded, in `env`.
fn complete_in_bash(env: &Env, words: &[&str]) -> Vec<String> {
    let script = env.stretch().args(["completions", "bash"]).run();
    script.expect_code(0);
    let path = env.scratch().join("stretch.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    let program = r#"source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_TYPE=9
_clap_complete_stretch stretch "${@: -1}" "${@: -2:1}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let run = env
        .stretch()
        .program("bash")
        .args(["--norc", "--noprofile", "-c", program, "bash"])
        .arg(&path)
        .args(words)
        .env("PATH", path_with_stretch())
        .run();
    run.expect_code(0);
    assert_eq!(run.stderr, "", "{words:?}");
    // printf prints one empty line when nothing is offered.
    run.stdout
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_routine_name_completes_to_the_built_in_routines_and_yours() {
    let env = Env::new();
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "ham"]),
        ["hamstrings", "hamstrings-beginner", "hamstrings-advanced"]
    );
    env.add_user_routine(
        "my-evening",
        crate::support::fixture_bytes("plain/short.toml"),
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "my-"]),
        ["my-evening"]
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "show", "my-ev"]),
        ["my-evening"]
    );
    // Yours first; a built-in one that yours shadows by its name as builtin:NAME.
    env.add_user_routine(
        "hamstrings",
        crate::support::fixture_bytes("plain/short.toml"),
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "validate", "ham"]),
        ["hamstrings", "hamstrings-beginner", "hamstrings-advanced"]
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "builtin:"]),
        ["builtin:hamstrings"]
    );
}

#[test]
fn a_path_completes_to_toml_files_and_folders() {
    let env = Env::new();
    let dir = env.root().join("hamper");
    std::fs::create_dir_all(dir.join("inner")).unwrap();
    std::fs::write(dir.join("a.toml"), "").unwrap();
    std::fs::write(dir.join("notes.txt"), "").unwrap();
    let mut offered = complete_in_bash(&env, &["stretch", "run", "hamper/"]);
    offered.sort();
    assert_eq!(offered, ["hamper/a.toml", "hamper/inner/"]);
}

#[test]
fn only_and_skip_complete_the_ids_of_the_routine_on_the_line() {
    let env = Env::new();
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "--only", "seated"]),
        ["seated-single-leg", "seated-forward-bend"]
    );
    assert_eq!(
        complete_in_bash(
            &env,
            &[
                "stretch",
                "show",
                "hamstrings-advanced",
                "--hold",
                "45s",
                "--skip",
                ""
            ]
        ),
        [
            "seated-forward-bend",
            "standing-toe-touch",
            "downward-dog",
            "pyramid-pose"
        ]
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "no-such-routine", "--only", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn subcommands_and_flags_complete_too() {
    let env = Env::new();
    assert_eq!(complete_in_bash(&env, &["stretch", "r"]), ["run", "remind"]);
    let shells = complete_in_bash(&env, &["stretch", "completions", ""]);
    assert_eq!(shells[..5], ["bash", "zsh", "fish", "elvish", "powershell"]);
    assert!(complete_in_bash(&env, &["stretch", "run", "--"]).contains(&"--color".to_string()));
}

#[test]
fn every_shell_gets_a_script_that_asks_stretch_on_the_path_not_this_binary() {
    let env = Env::new();
    let program = std::fs::canonicalize(STRETCH).unwrap();
    let folder = program.parent().unwrap().to_str().unwrap();
    // Each script's mark, and how it runs the program for candidates.
    for (shell, mark, asks) in [
        (
            "bash",
            "complete -o nospace -o bashdefault -o nosort -F _clap_complete_stretch stretch",
            "\"stretch\" -- \"${words[@]}\"",
        ),
        (
            "zsh",
            "#compdef stretch",
            "COMPLETE=\"zsh\" \\\n        stretch -- ",
        ),
        (
            "fish",
            "complete --keep-order --exclusive --command stretch",
            "(COMPLETE=fish stretch -- ",
        ),
        (
            "elvish",
            "set edit:completion:arg-completer[stretch]",
            "COMPLETE=\"elvish\" stretch -- ",
        ),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName stretch",
            "& stretch -- $args",
        ),
    ] {
        let run = env.stretch().args(["completions", shell]).run();
        run.expect_code(0);
        assert!(run.stdout.contains(mark), "{shell}: {}", run.stdout);
        // Made at packaging time, a script that named the binary would point into the
        // build folder.
        assert!(
            !run.stdout.contains(folder),
            "{shell} names the binary's folder: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains(asks),
            "{shell} does not ask `stretch`: {}",
            run.stdout
        );
    }
    let run = env.stretch().args(["completions", "tcsh"]).run();
    run.expect_code(2);
}

/// `run --only` and `show --only` with no routine on the line complete the ids of the
/// routine `run` would run: the config file's, even a file with problems, which says
/// nothing here.
#[test]
fn only_without_a_routine_completes_the_ids_of_the_configured_routine() {
    let env = Env::new();
    let folder = env.config_home().join("stretch");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.toml"),
        "routine = \"desk\"\nbogus = 1\n",
    )
    .unwrap();
    assert_eq!(
        complete_in_bash(&env, &["stretch", "run", "--only", "ch"]),
        ["chin-tuck", "chest-at-wall"]
    );
    assert_eq!(
        complete_in_bash(&env, &["stretch", "show", "--skip", "ch"]),
        ["chin-tuck", "chest-at-wall"]
    );
}

#[test]
fn no_file_name_puts_shell_syntax_or_an_escape_on_the_command_line() {
    let env = Env::new();
    let routine = crate::support::fixture_bytes("plain/short.toml");
    for name in [
        "x$(touch PWNED)",
        "x`touch PWNED`",
        "x \u{1b}[31mred",
        "x;id",
        "xa-slug",
    ] {
        env.add_user_routine(name, &routine);
        std::fs::write(env.root().join(format!("{name}.toml")), &routine).unwrap();
    }
    for shell in ["bash", "zsh", "fish"] {
        let offered = env
            .stretch()
            .args(["--", "stretch", "show", "x"])
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "2")
            .run();
        offered.expect_code(0);
        let values: Vec<&str> = offered
            .stdout
            .lines()
            .map(|line| line.split([':', '\t']).next().unwrap_or(line))
            .collect();
        assert_eq!(
            values,
            ["xa-slug", "xa-slug.toml"],
            "{shell}: {:?}",
            offered.stdout
        );
        assert!(
            !offered.stdout.contains(['$', '`', ';', '\u{1b}']),
            "{shell}: {:?}",
            offered.stdout
        );
    }
    // And a real bash, with the script loaded, offers the same: nothing it would run.
    let offered = complete_in_bash(&env, &["stretch", "show", "x"]);
    assert_eq!(offered, ["xa-slug", "xa-slug.toml"]);
    assert!(!env.root().join("PWNED").exists());
}

#[test]
fn the_current_folder_is_no_routine_to_offer() {
    let env = Env::new();
    let offered = complete_in_bash(&env, &["stretch", "run", ""]);
    assert!(offered.contains(&"hamstrings".to_string()), "{offered:?}");
    assert!(
        !offered.iter().any(|o| o == "." || o == "./"),
        "{offered:?}"
    );
}
