//! No depth of nesting crashes the program: 20,000 nested arrays or inline tables (20 KB
//! and 60 KB) overflowed the stack in the first pass over the syntax, aborting every
//! command that read the file. Each is now one located problem, wherever the file is: a
//! routine named on the command line, one in the routine folder, or the config file.

use std::fs;

use crate::support::{Env, fixture, fixture_bytes, locations};

/// The two fixtures, and where each is refused: line 3, at the first level past the bound
/// of 80 (`stretch = ` is 10 columns; `{b=` is 3).
const DEEP: [(&str, usize); 2] = [
    ("deeply-nested-array-20000.toml", 11 + 80),
    ("deeply-nested-inline-table-20000.toml", 11 + 3 * 80),
];

const PAST_THE_BOUND: &str = "TOML syntax: cannot recurse further; max recursion depth met";

#[test]
fn a_deeply_nested_routine_file_is_one_located_problem() {
    let env = Env::new();
    for (name, column) in DEEP {
        let path = fixture(&format!("format/invalid/{name}"));
        let json = env
            .stretch()
            .args(["validate", "--format", "json"])
            .arg(&path)
            .run();
        json.expect_code(1);
        let first = &json.json()[0]["diagnostics"][0];
        assert_eq!(first["message"], PAST_THE_BOUND, "{name}");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(3), Some(column as u64))
        );

        let text = env.stretch().arg("validate").arg(&path).run();
        text.expect_code(1);
        assert_eq!(
            locations(&text.stderr)[0],
            format!("{}:3:{column}", path.display()),
            "{}",
            text.stderr
        );
    }
}

#[test]
fn a_deeply_nested_file_in_the_folder_is_listed_as_invalid_and_shown_located() {
    let env = Env::new();
    for (name, column) in DEEP {
        let stem = name.trim_end_matches(".toml");
        let path = env.add_user_routine(stem, fixture_bytes(&format!("format/invalid/{name}")));
        let list = env.stretch().arg("list").run();
        list.expect_code(0);
        let row = list
            .stdout
            .lines()
            .find(|line| line.starts_with(stem))
            .unwrap_or_else(|| panic!("no row for {stem}:\n{}", list.stdout));
        assert!(
            row.contains("yours, invalid:")
                && row.ends_with(&format!("{}:3:{column}: {PAST_THE_BOUND}", path.display())),
            "{row}"
        );
        let show = env.stretch().args(["show", stem]).run();
        show.expect_code(1);
        assert_eq!(
            locations(&show.stderr)[0],
            format!("{}:3:{column}", path.display())
        );
        // Completing a routine's name reads every file of the folder.
        let completed = env
            .stretch()
            .args(["--", "stretch", "show", "deeply"])
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", "2")
            .run();
        completed.expect_code(0);
        assert!(completed.stdout.contains(stem), "{}", completed.stdout);
        fs::remove_file(path).unwrap();
    }
}

#[test]
fn a_deeply_nested_config_file_is_located_by_every_command_that_reads_it() {
    for (name, column) in DEEP {
        let env = Env::new();
        let config = env.config_home().join("stretch").join("config.toml");
        fs::create_dir_all(config.parent().unwrap()).unwrap();
        fs::write(&config, fixture_bytes(&format!("format/invalid/{name}"))).unwrap();
        // `config` shows where; every other command that reads the file names it in one
        // warning line and carries on with the defaults.
        let run = env.stretch().arg("config").run();
        run.expect_code(1);
        assert!(
            run.stderr.contains(PAST_THE_BOUND)
                && locations(&run.stderr).contains(&format!("{}:3:{column}", config.display())),
            "config with {name}:\n{}",
            run.stderr
        );
        for command in [&["list"][..], &["show", "hamstrings"]] {
            let run = env.stretch().args(command).run();
            run.expect_code(0);
            let warning = format!("warning: {} has ", config.display());
            assert!(
                run.stderr.starts_with(&warning) && run.stderr.lines().count() == 1,
                "{command:?} with {name}:\n{}",
                run.stderr
            );
        }
    }
}
