//! `stretch new`: a routine of the user's own, from the template or a copy, written into
//! the routine folder; never over a file without `--force`, and always valid.

use std::fs;

use crate::support::{Env, fixture_bytes};

/// The first line of every file `new` writes: the schema beside the routine folder.
const SCHEMA_LINE: &str = "#:schema ../routine.schema.json\n";

/// The built-in routines, by name, as `stretch list` shows them.
fn builtin_names(env: &Env) -> Vec<String> {
    let list = env.stretch().args(["list", "--format", "json"]).run();
    list.expect_code(0)
        .json()
        .as_array()
        .expect("routines")
        .iter()
        .filter(|routine| routine["origin"] == "built-in")
        .map(|routine| routine["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn the_template_is_written_valid_and_its_path_printed() {
    let env = Env::new();
    let run = env.stretch().args(["new", "my-evening"]).run();
    let path = env.config_home().join("stretch/routines/my-evening.toml");
    assert_eq!(run.expect_code(0).stdout, format!("{}\n", path.display()));
    let text = fs::read_to_string(&path).expect("written");
    assert!(text.starts_with(SCHEMA_LINE), "{text}");
    assert!(text.contains("name = \"my-evening\"\n"), "{text}");
    assert!(text.contains("use = \"standing-toe-touch\"\n"), "{text}");
    // Every optional key is there, commented out.
    for key in [
        "description",
        "level",
        "hold",
        "rest",
        "switch",
        "lead_in",
        "cues",
        "id",
        "name",
        "how",
        "sides",
        "side_label",
        "reps",
    ] {
        assert!(text.contains(&format!("# {key} = ")), "{key} in {text}");
    }
    let validate = env.stretch().args(["validate", "my-evening"]).run();
    assert_eq!(
        validate.expect_code(0).stdout,
        format!("ok: {} (my-evening, 2 stretches)\n", path.display())
    );
}

#[test]
fn every_built_in_routine_copied_validates_and_says_where_it_came_from() {
    let env = Env::new();
    let names = builtin_names(&env);
    assert_eq!(names.len(), 6, "{names:?}");
    for name in &names {
        let copy = format!("my-{name}");
        env.stretch()
            .args(["new", &copy, "--from", name])
            .run()
            .expect_code(0);
        let path = env.user_folder().join(format!("{copy}.toml"));
        let text = fs::read_to_string(&path).expect("written");
        let header =
            format!("{SCHEMA_LINE}# Made by `stretch new` from the built-in routine `{name}`.\n");
        assert!(text.starts_with(&header), "{text}");
        let builtin = fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("routines/{name}.toml")),
        )
        .expect("built-in source");
        // Everything as it was but the name, which is the copy's own.
        let renamed = builtin.replacen(
            &format!("name = \"{name}\""),
            &format!("name = \"{copy}\""),
            1,
        );
        assert_ne!(renamed, builtin);
        assert_eq!(&text[header.len()..], renamed);
        let show = env
            .stretch()
            .args(["show", &copy, "--format", "json"])
            .run();
        assert_eq!(show.expect_code(0).json()["title"], copy.as_str());
        env.stretch().args(["validate", &copy]).run().expect_code(0);
    }
}

#[test]
fn a_user_routine_is_copied_with_its_path() {
    let env = Env::new();
    let source = env.add_user_routine("mine", fixture_bytes("use/plain.toml"));
    env.stretch()
        .args(["new", "mine-too", "--from", "mine"])
        .run()
        .expect_code(0);
    let text = fs::read_to_string(env.user_folder().join("mine-too.toml")).expect("written");
    assert_eq!(
        text,
        format!(
            "{SCHEMA_LINE}# Made by `stretch new` from {}.\n{}",
            source.display(),
            String::from_utf8(fixture_bytes("use/plain.toml"))
                .expect("utf-8")
                .replacen("name = \"Two from the library\"", "name = \"mine-too\"", 1)
        )
    );
    env.stretch()
        .args(["validate", "mine-too"])
        .run()
        .expect_code(0);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = Env::new();
    let path = env.add_user_routine("mine", "name = \"Keep me\"\n");
    let run = env.stretch().args(["new", "mine"]).run();
    assert_eq!(
        run.expect_code(1).stderr,
        format!(
            "error: {} is already there; `--force` replaces it\n",
            path.display()
        )
    );
    assert_eq!(
        fs::read_to_string(&path).expect("kept"),
        "name = \"Keep me\"\n"
    );
    env.stretch()
        .args(["new", "mine", "--force"])
        .run()
        .expect_code(0);
    assert!(
        fs::read_to_string(&path)
            .expect("replaced")
            .contains("name = \"mine\"")
    );
}

#[test]
fn a_name_that_is_not_a_slug_is_refused_and_nothing_written() {
    let env = Env::new();
    let run = env.stretch().args(["new", "My Evening"]).run();
    assert_eq!(
        run.expect_code(2).stderr,
        "error: `My Evening` is not a routine name: use lowercase letters, digits and single `-`, at most 40, such as `my-evening`\n"
    );
    for bad in ["../escape", "a--b", "-a", "", &"a".repeat(41)] {
        env.stretch().args(["new", bad]).run().expect_code(2);
    }
    assert!(!env.config_home().join("stretch").exists());
}

#[test]
fn an_invalid_routine_is_not_copied() {
    let env = Env::new();
    env.add_user_routine("broken", "name = \"x\"\n");
    let run = env
        .stretch()
        .args(["new", "fixed", "--from", "broken"])
        .run();
    assert!(
        run.expect_code(1)
            .stderr
            .contains("error: missing `stretch`"),
        "{}",
        run.stderr
    );
    assert!(!env.user_folder().join("fixed.toml").exists());
}

#[test]
fn a_copy_s_own_schema_line_gives_way_to_the_new_one() {
    let env = Env::new();
    let body = String::from_utf8(fixture_bytes("use/plain.toml")).expect("utf-8");
    let source = env.add_user_routine("mine", format!("#:schema ./elsewhere.json\n{body}"));
    env.stretch()
        .args(["new", "mine-too", "--from", "mine"])
        .run()
        .expect_code(0);
    assert_eq!(
        fs::read_to_string(env.user_folder().join("mine-too.toml")).expect("written"),
        format!(
            "{SCHEMA_LINE}# Made by `stretch new` from {}.\n{}",
            source.display(),
            body.replacen("name = \"Two from the library\"", "name = \"mine-too\"", 1)
        )
    );
}

#[test]
fn new_writes_the_schema_beside_the_routine_folder_and_refreshes_an_old_one() {
    let env = Env::new();
    let schema_path = env.config_home().join("stretch/routine.schema.json");
    let printed = env.stretch().arg("schema").run();
    let schema = printed.expect_code(0).stdout.clone();
    env.stretch().args(["new", "one"]).run().expect_code(0);
    assert_eq!(fs::read_to_string(&schema_path).expect("written"), schema);
    // The routine's `#:schema` line, read from the routine folder, names that file.
    let relative = SCHEMA_LINE.trim_start_matches("#:schema ").trim_end();
    assert_eq!(
        env.user_folder()
            .join(relative)
            .canonicalize()
            .expect("there"),
        schema_path.canonicalize().expect("there")
    );
    let config = env.stretch().args(["config", "--format", "json"]).run();
    assert_eq!(config.expect_code(0).json()["files"]["schema_exists"], true);

    // The same schema is left alone: its time of change stays where it was put.
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
    let set_long_ago = || {
        fs::File::options()
            .write(true)
            .open(&schema_path)
            .and_then(|file| file.set_modified(long_ago))
            .expect("set the time");
    };
    set_long_ago();
    env.stretch().args(["new", "two"]).run().expect_code(0);
    let modified = || {
        fs::metadata(&schema_path)
            .and_then(|m| m.modified())
            .expect("time")
    };
    assert_eq!(modified(), long_ago);

    // One from another version is replaced.
    let older = schema.replace("Made by stretch ", "Made by stretch 0.0.1, not ");
    fs::write(&schema_path, &older).expect("an older schema");
    env.stretch().args(["new", "three"]).run().expect_code(0);
    assert_eq!(fs::read_to_string(&schema_path).expect("refreshed"), schema);
}

#[test]
fn a_schema_that_cannot_be_written_is_a_warning_after_the_routine_is() {
    let env = Env::new();
    let schema_path = env.config_home().join("stretch/routine.schema.json");
    fs::create_dir_all(&schema_path).expect("a folder where the schema goes");
    let run = env.stretch().args(["new", "one"]).run();
    let path = env.user_folder().join("one.toml");
    assert_eq!(run.expect_code(0).stdout, format!("{}\n", path.display()));
    assert!(
        run.stderr.starts_with(&format!(
            "warning: cannot write {}: ",
            schema_path.display()
        )),
        "{}",
        run.stderr
    );
    env.stretch().args(["validate", "one"]).run().expect_code(0);
}
