//! The config file: each key taking effect, a flag over the environment over the file
//! over the default, a bad file's diagnostics, a missing file, and `stretch config`.

use std::fs;

use crate::support::{Env, fixture};

mod tables;

/// An environment whose config file says `text`.
pub fn with_config(text: &str) -> Env {
    let env = Env::new();
    let folder = env.config_home().join("stretch");
    fs::create_dir_all(&folder).expect("config folder");
    fs::write(folder.join("config.toml"), text).expect("config file");
    env
}

/// `stretch config --format json` in `env`: each setting's (value, source).
pub fn settings(env: &Env, extra: &[&str]) -> serde_json::Value {
    let run = env
        .stretch()
        .args(["config", "--format", "json"])
        .args(extra)
        .run();
    run.expect_code(0).json()["settings"].clone()
}

#[test]
fn routine_voice_voice_command_and_history_take_effect_in_a_run_and_flags_win() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let env = with_config(&format!(
        "routine = \"{}\"\nvoice = \"phases\"\nvoice_command = \"{}\"\nhistory = false\nlead_in = \"0s\"\n",
        fixture("run/short.toml").display(),
        fixture("run/say.sh").display()
    ));
    let run = env
        .stretch()
        .arg("run")
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        .speed(10)
        .run();
    assert!(
        run.expect_code(0)
            .stdout
            .starts_with("00:00  hold (1s): Lying strap stretch, left leg\n"),
        "{}",
        run.stdout
    );
    let said = fs::read_to_string(spoken.path()).expect("spoken");
    // `lead_in = "0s"`: no "get ready"; `voice = "phases"`: no cues.
    assert_eq!(
        said.lines().next(),
        Some("1|Lying strap stretch, left leg.")
    );
    assert!(!env.history().exists(), "history = false records nothing");
    // The flags turn off what the file turns on, and on what it turns off.
    fs::write(spoken.path(), "").expect("emptied");
    env.stretch()
        .args(["run", "--no-voice", "--log"])
        .env("STRETCH_TEST_SPOKEN", spoken.path())
        .fast()
        .run()
        .expect_code(0);
    assert_eq!(fs::read_to_string(spoken.path()).expect("spoken"), "");
    assert!(env.history().exists(), "--log records");
}

#[test]
fn hold_and_lead_in_change_the_plan_and_the_flags_win() {
    let env = with_config("hold = \"20s\"\nlead_in = \"1s\"\n");
    let total = |args: &[&str]| {
        let run = env
            .stretch()
            .args(["show", "hamstrings-beginner", "--format", "json"])
            .args(args)
            .run();
        run.expect_code(0).json()["total_ms"]
            .as_u64()
            .expect("total")
    };
    // hamstrings-beginner: 3 stretches on both sides, 6 holds, 3 switches of 5s, 2 rests of 10s.
    assert_eq!(total(&[]), 1_000 + 6 * 20_000 + 3 * 5_000 + 2 * 10_000);
    assert_eq!(
        total(&["--hold", "10s", "--lead-in", "2s"]),
        2_000 + 6 * 10_000 + 3 * 5_000 + 2 * 10_000
    );
}

#[test]
fn color_from_the_file_loses_to_no_color_and_to_the_flag() {
    let env = with_config("color = \"always\"\n");
    let bad = env.scratch().join("bad.toml");
    fs::write(&bad, "name = 1\n").expect("bad routine");
    let validate = |remove_no_color: bool, args: &[&str]| {
        let mut run = env.stretch().arg("validate").arg(&bad).args(args);
        if remove_no_color {
            run = run.env_remove("NO_COLOR");
        }
        run.run().expect_code(1).stderr.contains('\u{1b}')
    };
    assert!(validate(true, &[]), "the file's `always` colours a pipe");
    assert!(!validate(false, &[]), "NO_COLOR wins over the file");
    assert!(
        !validate(true, &["--color", "never"]),
        "the flag wins over the file"
    );
    let color = &settings(&env, &[])["color"];
    assert_eq!(
        color,
        &serde_json::json!({"value": "never", "source": "env"})
    );
}

#[test]
fn every_key_is_read_with_its_source() {
    let env = with_config(
        "routine = \"desk\"\nhold = \"45s\"\nrest = 0\nswitch = \"2s\"\nlead_in = \"3s\"\n\
         bell = false\nvoice = true\nvoice_command = \"espeak-ng -s 150\"\nsound = true\n\
         sound_command = \"paplay\"\ncolor = \"never\"\nhistory = false\n\
         figures = false\nevery = \"50m\"\n\
         between = \"09:00-17:30\"\ndays = \"mon-fri\"\naway = \"10m\"\n\
         break_command = [\"foot\", \"-e\", \"stretch\", \"run\", \"desk\"]\n\
         on_start = [\"playerctl\", \"pause\"]\non_finish = [\"playerctl\", \"play\"]\n\
         on_break_due = [\"notify-send\", \"Stretch\"]\nhook_timeout = \"3s\"\n",
    );
    let shown = settings(&env, &[]);
    let file = |value: serde_json::Value| serde_json::json!({"value": value, "source": "file"});
    assert_eq!(
        shown,
        serde_json::json!({
            "routine": file("desk".into()),
            "hold": file("45s".into()),
            "rest": file("0s".into()),
            "switch": file("2s".into()),
            "lead_in": file("3s".into()),
            "bell": file(false.into()),
            "voice": file("cues".into()),
            "voice_command": file("espeak-ng -s 150".into()),
            "sound": file(true.into()),
            "sound_command": file("paplay".into()),
            "color": {"value": "never", "source": "env"},
            "history": file(false.into()),
            "figures": file(false.into()),
            "every": file("50m".into()),
            "between": file("09:00-17:30".into()),
            "days": file("mon-fri".into()),
            "away": file("10m".into()),
            "break_command": file(serde_json::json!(["foot", "-e", "stretch", "run", "desk"])),
            "on_start": file(serde_json::json!(["playerctl", "pause"])),
            "on_finish": file(serde_json::json!(["playerctl", "play"])),
            "on_break_due": file(serde_json::json!(["notify-send", "Stretch"])),
            "hook_timeout": file("3s".into()),
        })
    );
    // In the text, the sources stand in one column two spaces past the longest value.
    let text = env.stretch().arg("config").run();
    let rows: Vec<&str> = text
        .expect_code(0)
        .stdout
        .lines()
        .filter(|line| line.starts_with("break_command") || line.starts_with("hold "))
        .collect();
    assert_eq!(
        rows,
        [
            "hold          45s                                   file",
            "break_command [\"foot\",\"-e\",\"stretch\",\"run\",\"desk\"]  file",
        ]
    );
    let flagged = settings(&env, &["--color", "always"]);
    assert_eq!(
        flagged["color"],
        serde_json::json!({"value": "always", "source": "flag"})
    );
    let from_env = env
        .stretch()
        .args(["config", "--format", "json"])
        .env("STRETCH_VOICE_COMMAND", "say")
        .run();
    assert_eq!(
        from_env.expect_code(0).json()["settings"]["voice_command"],
        serde_json::json!({"value": "say", "source": "env"})
    );
}

#[test]
fn a_missing_file_is_every_default_and_config_shows_the_paths() {
    let env = Env::new();
    // No logind to ask whether the user is away: `config` says so.
    let run = env.stretch().arg("config").env("PATH", env.scratch()).run();
    let config = env.config_home().join("stretch");
    assert_eq!(
        run.expect_code(0).stdout,
        format!(
            "config file   {}/config.toml (not there: every setting is a default)\n\
             routines      {}/routines\n\
             schema        {}/routine.schema.json (not there: `stretch new` writes it)\n\
             presence      logind cannot be read: `loginctl` is not installed; `due --every` takes you to be at the computer\n\n\
             routine       hamstrings              default\n\
             hold          (the routine's)         default\n\
             rest          (the routine's)         default\n\
             switch        (the routine's)         default\n\
             lead_in       (the routine's)         default\n\
             bell          true                    default\n\
             voice         false                   default\n\
             voice_command (found on PATH)         default\n\
             sound         false                   default\n\
             sound_command (found on PATH)         default\n\
             color         never                   env\n\
             history       true                    default\n\
             figures       true                    default\n\
             every         (none: once a day)      default\n\
             between       (all day)               default\n\
             days          (every day)             default\n\
             away          5m                      default\n\
             break_command (none)                  default\n\
             on_start      (none)                  default\n\
             on_finish     (none)                  default\n\
             on_break_due  (none)                  default\n\
             hook_timeout  10s                     default\n",
            config.display(),
            config.display(),
            config.display()
        )
    );
    let json = env.stretch().args(["config", "--format", "json"]).run();
    let files = &json.expect_code(0).json()["files"];
    assert_eq!(files["config_exists"], false);
    assert_eq!(
        files["schema"],
        config.join("routine.schema.json").display().to_string()
    );
    assert_eq!(files["schema_exists"], false);
    assert_eq!(files["history"], serde_json::Value::Null);
    env.set_history("");
    let json = env.stretch().args(["config", "--format", "json"]).run();
    assert_eq!(
        json.expect_code(0).json()["files"]["history"],
        env.history().display().to_string()
    );
}

/// A bad config file is one warning line for every command but `config`, which reports
/// its problems in full; the file's good settings are kept, the bad ones' defaults used.
#[test]
fn a_bad_file_is_one_warning_and_its_good_settings_are_kept_but_config_reports_it_all() {
    let env = with_config("colr = \"never\"\nbell = 3\nlead_in = \"9m\"\nhold = 1\n");
    let path = env.config_home().join("stretch/config.toml");
    let warning = format!(
        "warning: {} has 3 problems; its other settings are used, and the defaults for the \
         bad ones (`stretch config` shows the problems)\n",
        path.display()
    );
    // Nothing yet today: status 1, and not a word.
    let due = env.stretch().args(["due", "--quiet"]).run();
    assert_eq!(
        (due.code, due.stdout.as_str(), due.stderr.as_str()),
        (1, "", "")
    );
    let run = env
        .stretch()
        .args([
            "run",
            "--plain",
            "--only",
            "lying-strap",
            "--lead-in",
            "0",
            "--switch",
            "0",
        ])
        .fast()
        .run();
    assert_eq!(run.expect_code(0).stderr, warning);
    assert!(run.stdout.contains("Routine complete"), "{}", run.stdout);
    // `hold = 1` is kept; the bad `lead_in` is the routine's own 10s.
    let show = env
        .stretch()
        .args(["show", "hamstrings", "--format", "json"])
        .run();
    let phases = show.expect_code(0).json()["timeline"].clone();
    assert_eq!(
        (
            phases[0]["duration_ms"].as_u64(),
            phases[1]["duration_ms"].as_u64()
        ),
        (Some(10_000), Some(1000))
    );
    for command in [
        &["list"][..],
        &["log"],
        &["man"],
        &["completions", "bash"],
        &["show", "desk"],
    ] {
        let other = env.stretch().args(command).run();
        assert_eq!(other.expect_code(0).stderr, warning, "{command:?}");
    }
    env.set_history(format!(
        "{{\"v\":1,\"start\":\"{0}T07:00:00+00:00\",\"end\":\"{0}T07:05:00+00:00\",\
         \"routine\":\"desk\",\"source\":\"built-in\",\"planned_s\":60,\"active_s\":60,\
         \"holds_done\":1,\"holds_total\":1,\"stretches_done\":1,\"stretches_total\":1,\
         \"skipped\":[],\"ending\":\"finished\"}}\n",
        "2026-12-01"
    ));
    let done = env
        .stretch()
        .args(["due", "--quiet"])
        .env("STRETCH_TEST_NOW", "2026-12-01T20:00:00+00:00[UTC]")
        .run();
    assert_eq!(
        (done.code, done.stdout.as_str(), done.stderr.as_str()),
        (0, "", "")
    );

    let config = env.stretch().arg("config").run();
    let stderr = &config.expect_code(1).stderr;
    assert_eq!(
        crate::support::headlines(stderr),
        [
            "unknown key `colr` in the config file",
            "wrong type for `bell`: expected `true` or `false`",
            "`lead_in` is out of range: must be from 0s to 2m",
        ]
    );
    let p = path.display();
    assert_eq!(
        crate::support::locations(stderr),
        [format!("{p}:1:1"), format!("{p}:2:8"), format!("{p}:3:11")]
    );
    assert!(stderr.contains("= help: did you mean `color`?"), "{stderr}");
    // A file that is not TOML at all: every setting its default, and still one line.
    fs::write(&path, "hold = \n").expect("config file");
    let list = env.stretch().arg("list").run();
    assert_eq!(
        list.expect_code(0).stderr,
        warning.replace("3 problems", "1 problem")
    );
}

#[test]
fn edit_writes_the_template_opens_the_editor_and_checks_the_result() {
    let env = Env::new();
    let path = env.config_home().join("stretch/config.toml");
    // `true` as the editor leaves the template as written: valid.
    let run = env
        .stretch()
        .args(["config", "--edit"])
        .env("VISUAL", "true")
        .run();
    assert_eq!(
        run.expect_code(0).stdout,
        format!("ok: {}\n", path.display())
    );
    assert!(
        fs::read_to_string(&path)
            .expect("template")
            .contains("# hold = \"30s\"")
    );
    // An "editor" that appends a bad line: its diagnostic is reported.
    let editor = env.scratch().join("editor.sh");
    fs::write(&editor, "#!/bin/sh\necho 'hold = \"0s\"' >> \"$1\"\n").expect("editor");
    std::os::unix::fs::PermissionsExt::set_mode(
        &mut fs::metadata(&editor).expect("meta").permissions(),
        0o755,
    );
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let run = env
        .stretch()
        .args(["config", "--edit"])
        .env_remove("VISUAL")
        .env("EDITOR", &editor)
        .run();
    assert_eq!(
        crate::support::headlines(&run.expect_code(1).stderr),
        ["`hold` is out of range: must be from 1s to 10m"]
    );
}

/// A speech program that is not there is named where it was set, in one warning; the
/// run goes on.
#[test]
fn a_voice_command_that_is_no_program_is_named_where_it_was_set() {
    let env = with_config("voice = \"phases\"\nvoice_command = \"/nonexistent/speaker\"\n");
    let run = |variable: Option<&str>| {
        let mut stretch = env
            .stretch()
            .args(["run", "--plain", "--lead-in", "0", "--only", "toe-touch"])
            .arg(fixture("run/short.toml"))
            .fast();
        if let Some(variable) = variable {
            stretch = stretch.env("STRETCH_VOICE_COMMAND", variable);
        }
        stretch.run()
    };
    let file = run(None);
    assert_eq!(
        file.expect_code(0).stderr,
        "warning: `voice_command` in the config file names `/nonexistent/speaker`, which is \
         not an executable program; --voice rings the bell instead\n"
    );
    assert!(file.stdout.contains("Routine complete"), "{}", file.stdout);
    assert_eq!(
        run(Some("/nonexistent/other")).expect_code(0).stderr,
        "warning: STRETCH_VOICE_COMMAND names `/nonexistent/other`, which is not an \
         executable program; --voice rings the bell instead\n"
    );
}
