//! Every file the program reads is opened one safe way (`src/fs`): without blocking, its
//! type checked on the open file, read within a bound. A link to `/dev/zero` or a named
//! pipe in the place of a tone, the routine schema or the config file is never read
//! without end nor waited on; a history of any size is read in bounded memory. Each run
//! that would hang has a deadline (`timeout`, which fails the test with 124), and each that
//! would take memory without end a bound on its address space (`ulimit -v`).

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use crate::support::{Env, STRETCH, Stretch, fixture, locations};

fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// `stretch ARGS` in `env`, ended after 60 s if it has not ended, with at most 128 MiB of
/// address space.
fn guarded<'a>(env: &Env, args: impl IntoIterator<Item = &'a str>) -> Stretch {
    env.stretch()
        .program("/bin/sh")
        .args([
            "-c",
            "ulimit -v 131072 && exec timeout 60 \"$0\" \"$@\"",
            STRETCH,
        ])
        .args(args)
}

#[test]
fn a_tone_that_is_a_link_to_dev_zero_or_a_named_pipe_is_replaced_unread() {
    let env = Env::new();
    let tones = env.root().join("cache").join("stretch").join("tones-v1");
    std::fs::create_dir_all(&tones).unwrap();
    symlink("/dev/zero", tones.join("start.wav")).unwrap();
    mkfifo(&tones.join("end.wav"));
    let played = env.scratch().join("played");
    std::fs::create_dir_all(&played).unwrap();
    let marks = fixture("sound/marks.toml");
    // Every tone is written to the cache before the first plays: the shortest stretch will
    // do.
    let run = guarded(
        &env,
        ["run", "--plain", "--no-log", "--sound", "--only", "short"],
    )
    .arg(&marks)
    .env("STRETCH_SOUND_COMMAND", fixture("sound/player.sh"))
    .env("STRETCH_TEST_PLAYED", played.join("played.txt"))
    .speed(5)
    .run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    for name in ["start.wav", "end.wav"] {
        let tone = tones.join(name);
        let kind = std::fs::symlink_metadata(&tone).unwrap().file_type();
        assert!(kind.is_file(), "{name} is not a regular file: {kind:?}");
        let wav = std::fs::read(&tone).unwrap();
        assert_eq!(&wav[..4], b"RIFF", "{name}");
    }
    let heard = std::fs::read_to_string(played.join("played.txt")).unwrap();
    assert!(heard.starts_with("tone start.wav\n"), "{heard}");
}

#[test]
fn a_named_pipe_in_place_of_the_schema_is_replaced_and_of_the_config_is_named() {
    let env = Env::new();
    let folder = env.config_home().join("stretch");
    mkfifo(&folder.join("routine.schema.json"));
    let run = guarded(&env, ["new", "mine"]).run();
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let schema = std::fs::read_to_string(folder.join("routine.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");

    let config = folder.join("config.toml");
    mkfifo(&config);
    // `config` names the pipe where it is; every other command says so in one warning
    // line and carries on.
    let run = guarded(&env, ["config"]).run();
    run.expect_code(1);
    assert!(
        run.stderr
            .starts_with("error: this is a named pipe, not the config file\n"),
        "{}",
        run.stderr
    );
    assert_eq!(locations(&run.stderr), [config.display().to_string()]);
    let run = guarded(&env, ["list"]).run();
    run.expect_code(0);
    assert_eq!(
        run.stderr,
        format!(
            "warning: {} has 1 problem; its other settings are used, and the defaults for \
             the bad ones (`stretch config` shows the problems)\n",
            config.display()
        )
    );
}

#[test]
fn a_large_history_is_read_in_bounded_memory() {
    // 200 MB of NULs (a sparse file: no disk), in 128 MiB of address space: the whole
    // history was read into memory at once before.
    let env = Env::new();
    let history = env.set_history("");
    std::fs::File::options()
        .write(true)
        .open(&history)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    for format in ["text", "json", "csv"] {
        let run = guarded(&env, ["log", "--format", format]).run();
        run.expect_code(0);
        assert_eq!(
            run.stderr,
            format!(
                "warning: {}:1: not a JSON object (longer than 64 KiB); the line is skipped\n",
                history.display()
            ),
            "{format}"
        );
    }
    let due = guarded(&env, ["due"]).run();
    due.expect_code(1);
    assert_eq!(due.stderr, "");
}
