//! A hostile file's problems cost bounded memory and output: 1 MiB of `=` lines holds
//! 1.5 million TOML problems, and only the first 1000 are kept, in every format, the
//! rest counted. Each run here gets at most 256 MiB of address space (`ulimit -v`), a
//! bound on memory rather than on time: keeping every problem took 0.7 to 2.8 GB. The
//! figures are in the README (`benches/hostile-files.sh`).

use std::fs;

use crate::support::{Env, STRETCH, Stretch};

/// `stretch ARGS` in `env`, with at most 256 MiB of address space.
fn bounded<'a>(env: &Env, args: impl IntoIterator<Item = &'a str>) -> Stretch {
    env.stretch()
        .program("/bin/sh")
        .args(["-c", "ulimit -v 262144 && exec \"$0\" \"$@\"", STRETCH])
        .args(args)
}

/// 1 MiB of `=\n`: about three problems a line.
fn hostile() -> String {
    "=\n".repeat(512 * 1024)
}

#[test]
fn validate_keeps_the_first_thousand_problems_in_every_format_and_counts_the_rest() {
    let env = Env::new();
    let dir = env.scratch();
    fs::write(dir.join("hostile.toml"), hostile()).unwrap();

    let json = bounded(&env, ["validate", "--format", "json", "hostile.toml"])
        .current_dir(&dir)
        .run();
    json.expect_code(1);
    // Each problem is about 190 bytes of JSON: every one of them would be 300 MB.
    assert!(json.stdout.len() < 1_000_000, "{} bytes", json.stdout.len());
    let report = &json.json()[0];
    assert_eq!(report["valid"], false);
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 1000);
    assert_eq!(report["diagnostics"][0]["line"], 1);
    let more = report["more"].as_u64().unwrap();
    assert!(more > 1_000_000, "{more}");

    let text = bounded(&env, ["validate", "hostile.toml"])
        .current_dir(&dir)
        .run();
    text.expect_code(1);
    assert!(
        text.stderr.ends_with(&format!(
            "note: {} more problems in hostile.toml not shown; `--format json` lists the first 1000\n\n\
             error: 1 of 1 routine file is invalid ({} problems)\n",
            more + 900,
            more + 1000
        )),
        "{}",
        &text.stderr[text.stderr.len().saturating_sub(300)..]
    );
}

#[test]
fn list_and_a_mistyped_name_get_through_a_folder_of_hostile_files() {
    let env = Env::new();
    for i in 1..=6 {
        env.add_user_routine(&format!("hostile{i}"), hostile());
    }
    let list = bounded(&env, ["list"]).run();
    list.expect_code(0);
    let hostile_rows: Vec<&str> = list
        .stdout
        .lines()
        .filter(|line| line.starts_with("hostile"))
        .collect();
    assert_eq!(hostile_rows.len(), 6, "{}", list.stdout);
    for row in hostile_rows {
        assert!(
            row.contains("yours, invalid: ") && row.ends_with(".toml:1:1: TOML syntax: unquoted keys cannot be empty, expected letters, numbers, `-`, `_`"),
            "{row}"
        );
    }

    let run = bounded(&env, ["run", "hostil1"]).run();
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "error: no routine named `hostil1`; did you mean `hostile1`? (`stretch list` shows them all)\n"
    );
}
