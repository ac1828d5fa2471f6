//! Files of 1 MiB on one line, checked in at most 64 MiB of address space (`ulimit -v`,
//! the target for a file at the size limit): a bound on memory, never on time; the times
//! are measured by `benches/hostile-files.sh`. Before, a line of `{a=1},` made 250 MB of
//! tables.

use crate::support::{Env, STRETCH, Stretch, locations};

/// `stretch ARGS` in `env`, with at most 64 MiB of address space.
fn in_64_mib<'a>(env: &Env, args: impl IntoIterator<Item = &'a str>) -> Stretch {
    env.stretch()
        .program("/bin/sh")
        .args(["-c", "ulimit -v 65536 && exec \"$0\" \"$@\"", STRETCH])
        .args(args)
}

/// 1 MiB (at most) of `piece` after `start`, on one line.
fn one_line(start: &str, piece: &str) -> String {
    let mut text = String::from(start);
    while text.len() + piece.len() <= 1024 * 1024 {
        text.push_str(piece);
    }
    text
}

/// The shapes, and where each is refused: (name, text, first problem's place, its message).
fn shapes() -> Vec<(&'static str, String, &'static str, &'static str)> {
    vec![
        (
            "inline-tables",
            one_line("a = [", "{a=1},"),
            "1:60006",
            "the file holds more than 10000 tables, more than any routine needs",
        ),
        (
            "integers",
            one_line("a = [", "1,"),
            "1:200002",
            "the file holds more than 100000 keys and values, more than any routine needs",
        ),
        (
            "keys",
            one_line("", "a=1 "),
            "1:3",
            "TOML syntax: string values must be quoted, expected literal string",
        ),
        (
            "escapes",
            one_line("a = \"", &format!("{}\\q", "y".repeat(998))),
            "1:1005",
            "TOML syntax: missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`",
        ),
    ]
}

#[test]
fn a_one_line_file_at_the_size_limit_is_checked_in_64_mib() {
    let env = Env::new();
    let dir = env.scratch();
    for (name, text, place, message) in shapes() {
        let file = format!("{name}.toml");
        std::fs::write(dir.join(&file), &text).unwrap();
        let run = in_64_mib(&env, ["validate", &file]).current_dir(&dir).run();
        run.expect_code(1).expect_no_crash(name);
        assert!(
            run.stderr.starts_with(&format!("error: {message}\n")),
            "{name}: {}",
            &run.stderr[..run.stderr.len().min(400)]
        );
        assert_eq!(
            locations(&run.stderr)[0],
            format!("{file}:{place}"),
            "{name}"
        );
        // Each shown line is a window of the long one, not the line.
        assert!(
            run.stderr.lines().all(|line| line.chars().count() < 400),
            "{name}"
        );
        let json = in_64_mib(&env, ["validate", "--format", "json", &file])
            .current_dir(&dir)
            .run();
        json.expect_code(1);
        assert_eq!(
            json.json()[0]["diagnostics"][0]["message"],
            message,
            "{name}"
        );
    }
}

#[test]
fn a_folder_of_such_files_is_listed_and_checked_in_64_mib_and_due_never_reads_one() {
    let env = Env::new();
    let shapes = shapes();
    for (name, text, _, _) in &shapes {
        env.add_user_routine(name, text);
    }
    let list = in_64_mib(&env, ["list"]).run();
    list.expect_code(0);
    for (name, _, place, _) in &shapes {
        assert!(
            list.stdout
                .lines()
                .any(|row| row.starts_with(name) && row.contains(&format!("{name}.toml:{place}: "))),
            "{name}: {}",
            list.stdout
        );
    }
    let validate = in_64_mib(&env, ["validate"]).run();
    validate.expect_code(1).expect_no_crash("validate");
    assert!(
        validate
            .stderr
            .ends_with("error: 4 of 10 routine files are invalid (1055 problems)\n"),
        "{}",
        &validate.stderr[validate.stderr.len().saturating_sub(300)..]
    );

    // As the config file: refused unread (it is over the config file's 64 KiB), `due`
    // says nothing of it (a prompt is no place for it) and answers as it would without;
    // `config` says why.
    let config = env.config_home().join("stretch").join("config.toml");
    std::fs::write(&config, &shapes[0].1).unwrap();
    let due = in_64_mib(&env, ["due"]).run();
    due.expect_code(1);
    assert_eq!(due.stderr, "");
    assert_eq!(
        due.stdout,
        "No stretching yet today: a few minutes of `stretch run` will do you good\n"
    );
    let shown = in_64_mib(&env, ["config"]).run();
    shown.expect_code(1);
    assert!(
        shown
            .stderr
            .starts_with("error: the file is larger than 64 KiB, the limit for the config file\n"),
        "{}",
        shown.stderr
    );
}
