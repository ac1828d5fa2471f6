//! The config file's routine tables, `sound_command`, and what `stretch config` and
//! `config --edit` check and fall back to.

use std::fs;

use super::{settings, with_config};
use crate::support::{Env, fixture};

/// `[routines.NAME]` wins over the top level for that routine only, in `run`, `show`,
/// `list` and `stretch config`, which says where each value came from; a flag wins over
/// both.
#[test]
fn a_routine_s_own_table_wins_over_the_top_level_for_that_routine() {
    let env = with_config(
        "hold = \"45s\"\n[routines.hamstrings-beginner]\nhold = \"2s\"\nlead_in = 0\nrest = 0\n",
    );
    let total = |args: &[&str]| {
        let run = env
            .stretch()
            .args(["show", "--format", "json"])
            .args(args)
            .run();
        run.expect_code(0).json()["total_ms"]
            .as_u64()
            .expect("total")
    };
    // hamstrings-beginner: 3 stretches on both sides, 6 holds, 3 switches of 5s.
    assert_eq!(total(&["hamstrings-beginner"]), 6 * 2_000 + 3 * 5_000);
    assert_eq!(
        total(&["hamstrings-beginner", "--hold", "1s"]),
        6 * 1_000 + 3 * 5_000
    );
    // desk has no table: the top level's 45s.
    let desk = env
        .stretch()
        .args(["show", "desk", "--format", "json"])
        .run();
    let timeline = desk.expect_code(0).json()["timeline"].clone();
    assert_eq!(timeline[1]["duration_ms"], 45_000);
    let list = env.stretch().args(["list", "--format", "json"]).run();
    let rows = list.expect_code(0).json();
    let beginner = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["name"] == "hamstrings-beginner")
        .expect("listed");
    assert_eq!(beginner["total_ms"], 6 * 2_000 + 3 * 5_000);

    let shown = env.stretch().args(["config", "--format", "json"]).run();
    let json = shown.expect_code(0).json();
    assert_eq!(
        json["routines"]["hamstrings-beginner"],
        serde_json::json!({
            "hold": {"value": "2s", "source": "table"},
            "rest": {"value": "0s", "source": "table"},
            "lead_in": {"value": "0s", "source": "table"},
        })
    );
    let text = env.stretch().arg("config").run();
    assert!(
        text.expect_code(0).stdout.ends_with(
            "\n[routines.hamstrings-beginner]\n\
             hold          2s                      table\n\
             rest          0s                      table\n\
             lead_in       0s                      table\n"
        ),
        "{}",
        text.stdout
    );
    // With `routine` naming it, its table is in effect at the top too.
    fs::write(
        env.config_home().join("stretch/config.toml"),
        "routine = \"hamstrings-beginner\"\n[routines.hamstrings-beginner]\nhold = \"2s\"\n",
    )
    .expect("config");
    assert_eq!(
        settings(&env, &[])["hold"],
        serde_json::json!({"value": "2s", "source": "table"})
    );
}

/// `sound_command` names the player as `STRETCH_SOUND_COMMAND` does, which wins.
#[test]
fn sound_command_names_the_player_and_the_variable_wins() {
    let env = with_config(&format!(
        "sound = true\nsound_command = \"{}\"\n",
        fixture("sound/player.sh").display()
    ));
    let played = env.scratch().join("played");
    let run = env
        .stretch()
        .args(["run", "--plain", "--lead-in", "0", "--only", "toe-touch"])
        .arg(fixture("run/short.toml"))
        .env("STRETCH_TEST_PLAYED", &played)
        .speed(2)
        .run();
    assert_eq!(run.expect_code(0).stderr, "");
    let heard = fs::read_to_string(&played).expect("played");
    assert!(heard.starts_with("tone "), "{heard}");
    let run = env
        .stretch()
        .args(["run", "--plain", "--lead-in", "0", "--only", "toe-touch"])
        .arg(fixture("run/short.toml"))
        .env("STRETCH_SOUND_COMMAND", "/nonexistent/player")
        .fast()
        .run();
    assert_eq!(
        run.expect_code(0).stderr,
        "warning: STRETCH_SOUND_COMMAND names `/nonexistent/player`, which is not an \
         executable program; --sound rings the bell instead\n"
    );
}

/// `stretch config` warns of a `routine` that names no routine, as `run` would say it.
#[test]
fn config_warns_of_a_routine_that_is_not_there_and_names_the_values_voice_takes() {
    let env = with_config("routine = \"hamstring\"\n");
    let run = env.stretch().arg("config").run();
    assert_eq!(
        run.expect_code(0).stderr,
        "warning: `routine` in the config file: no routine named `hamstring`; did you mean \
         `hamstrings`? (`stretch list` shows them all)\n"
    );
    let env = with_config("voice = \"yes\"\n");
    let run = env.stretch().arg("config").run();
    let stderr = &run.expect_code(1).stderr;
    assert!(
        stderr.contains("expected one of `true`, `false`, `phases`, `cues`, `all`"),
        "{stderr}"
    );
}

/// With no `$VISUAL` or `$EDITOR`, `config --edit` opens `vi`; without `vi`, it prints
/// the file's path.
#[test]
fn edit_falls_back_to_vi_and_then_to_the_path() {
    let env = Env::new();
    let path = env.config_home().join("stretch/config.toml");
    let bin = env.scratch().join("bin");
    fs::create_dir_all(&bin).expect("bin");
    let run = env
        .stretch()
        .args(["config", "--edit"])
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env("PATH", &bin)
        .run();
    assert_eq!(run.expect_code(0).stdout, format!("{}\n", path.display()));
    assert!(
        run.stderr.starts_with("warning: no editor"),
        "{}",
        run.stderr
    );
    // A `vi` that says what it was given.
    let vi = bin.join("vi");
    let seen = env.scratch().join("seen");
    fs::write(
        &vi,
        format!("#!/bin/sh\necho \"$@\" > {}\n", seen.display()),
    )
    .expect("vi");
    fs::set_permissions(&vi, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let run = env
        .stretch()
        .args(["config", "--edit"])
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env("PATH", &bin)
        .run();
    assert_eq!(
        run.expect_code(0).stdout,
        format!("ok: {}\n", path.display())
    );
    assert_eq!(
        fs::read_to_string(&seen).expect("vi ran"),
        format!("{}\n", path.display())
    );
}

/// `show` and `guide` with no routine take the one `run` would run: the config file's,
/// with its table's timing.
#[test]
fn show_and_guide_with_no_routine_take_the_config_files() {
    let env = with_config("routine = \"desk\"\n[routines.desk]\nhold = \"40s\"\n");
    for command in ["show", "guide"] {
        let bare = env.stretch().arg(command).run();
        let named = env.stretch().args([command, "desk"]).run();
        assert_eq!(bare.expect_code(0).stdout, named.expect_code(0).stdout);
        assert_eq!(bare.stderr, "", "{command}");
    }
    let shown = env.stretch().args(["show", "--format", "json"]).run();
    let json = shown.expect_code(0).json();
    assert_eq!(json["name"], "desk");
    assert_eq!(json["timeline"][1]["kind"], "hold", "{json}");
    assert_eq!(json["timeline"][1]["duration_ms"], 40_000, "{json}");
    // Without a config file, hamstrings.
    let env = Env::new();
    let bare = env.stretch().args(["show", "--format", "json"]).run();
    assert_eq!(bare.expect_code(0).json()["name"], "hamstrings");
}
