//! `stretch config`: the files in use and every setting in effect with where it came
//! from; `--edit` opens the config file in the user's editor and checks it afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use serde::Serialize;
use serde_json::{Map, Value, json};
use stretch_timer::config::effective::{Effective, Env, Flags, Setting, effective};
use stretch_timer::config::{self, Color, TEMPLATE};
use stretch_timer::frontend::output::{one_line, print_json, print_stdout};
use stretch_timer::fs::{self, ErrorKind};
use stretch_timer::history;
use stretch_timer::routine::catalog;
use stretch_timer::routine::duration;
use stretch_timer::routine::schema;

use crate::cli::Format;
use crate::commands::report;
use crate::error::Error;

/// Show the files and settings, or with `edit` open the config file to change it.
/// `colour` is `--color`, when given.
pub fn run(edit: bool, format: Format, colour: Option<Color>) -> Result<(), Error> {
    let path = config::path().context("cannot tell where your home folder is")?;
    if edit {
        return edit_file(&path);
    }
    let file = config::load().map_err(|invalid| {
        report(&invalid.file, &invalid.problems);
        Error::Invalid
    })?;
    let flags = Flags {
        color: colour,
        ..Flags::default()
    };
    let settings = effective(flags, Env::current(), &file);
    let files = files(&path);
    match format {
        Format::Json => {
            let mut shown = Map::new();
            for (key, value, source) in rows(&settings) {
                shown.insert(key.to_owned(), json!({ "value": value, "source": source }));
            }
            let report = json!({ "files": files, "settings": shown });
            print_json(&report)?;
        }
        Format::Text => print_stdout(&text(&files, &settings))?,
    }
    Ok(())
}

/// The files `stretch` reads and writes.
#[derive(Serialize)]
struct Files {
    /// The config file, and whether it is there.
    config: String,
    config_exists: bool,
    routines: String,
    /// The JSON Schema of routine files beside the routine folder, and whether it is there.
    schema: String,
    schema_exists: bool,
    /// The history file, when it is there.
    history: Option<String>,
}

fn files(path: &Path) -> Files {
    let shown = |path: &Path| path.display().to_string();
    let schema_path = schema::path();
    Files {
        config: shown(path),
        config_exists: path.exists(),
        routines: catalog::user_folder()
            .as_deref()
            .map(shown)
            .unwrap_or_default(),
        schema: schema_path.as_deref().map(shown).unwrap_or_default(),
        schema_exists: schema_path.as_deref().is_some_and(Path::exists),
        history: history::file::path()
            .ok()
            .filter(|path| path.exists())
            .as_deref()
            .map(shown),
    }
}

/// Every setting as (key, value, source), the value as JSON: `null` where it is the
/// routine's own.
fn rows(settings: &Effective) -> Vec<(&'static str, Value, &'static str)> {
    fn row<T>(
        key: &'static str,
        setting: &Setting<T>,
        value: Value,
    ) -> (&'static str, Value, &'static str) {
        (key, value, setting.source.as_str())
    }
    let time = |value: Option<std::time::Duration>| {
        value.map_or(Value::Null, |d| Value::from(duration::format(d)))
    };
    vec![
        row("routine", &settings.routine, json!(settings.routine.value)),
        row("hold", &settings.hold, time(settings.hold.value)),
        row("lead_in", &settings.lead_in, time(settings.lead_in.value)),
        row("bell", &settings.bell, json!(settings.bell.value)),
        row(
            "voice",
            &settings.voice,
            settings
                .voice
                .value
                .map_or(json!(false), |level| json!(level.as_str())),
        ),
        row(
            "voice_command",
            &settings.voice_command,
            json!(settings.voice_command.value),
        ),
        row("sound", &settings.sound, json!(settings.sound.value)),
        row(
            "color",
            &settings.color,
            json!(settings.color.value.as_str()),
        ),
        row("history", &settings.history, json!(settings.history.value)),
    ]
}

fn text(files: &Files, settings: &Effective) -> String {
    let safe = |text: &str| one_line(text).into_owned();
    let mut out = format!(
        "config file   {}{}\nroutines      {}\nschema        {}{}\n",
        safe(&files.config),
        if files.config_exists {
            ""
        } else {
            " (not there: every setting is a default)"
        },
        safe(&files.routines),
        safe(&files.schema),
        if files.schema_exists {
            ""
        } else {
            " (not there: `stretch new` writes it)"
        },
    );
    if let Some(history) = &files.history {
        out.push_str(&format!("history       {}\n", safe(history)));
    }
    out.push('\n');
    for (key, value, source) in rows(settings) {
        let value = match value {
            Value::Null if key == "voice_command" => "(none)".to_owned(),
            Value::Null => "(the routine's)".to_owned(),
            Value::String(text) => safe(&text),
            other => other.to_string(),
        };
        out.push_str(&format!("{key:<14}{value:<24}{source}\n"));
    }
    out
}

/// Open the config file in `$VISUAL` or `$EDITOR` (after writing the template if there is
/// none), then check it: its problems are reported as a routine's are.
fn edit_file(path: &Path) -> Result<(), Error> {
    match fs::create_new(path, TEMPLATE.as_bytes()) {
        Err(error) if !matches!(error.kind(), ErrorKind::AlreadyExists) => {
            return Err(error.into());
        }
        _ => {}
    }
    let (program, arguments) = editor()?;
    let status = Command::new(&program)
        .args(&arguments)
        .arg(path)
        .status()
        .with_context(|| format!("cannot start the editor `{}`", program.display()))?;
    if !status.success() {
        return Err(anyhow::anyhow!("the editor `{}` failed ({status})", program.display()).into());
    }
    match config::load() {
        Ok(_) => {
            print_stdout(&format!("ok: {}\n", one_line(&path.display().to_string())))?;
            Ok(())
        }
        Err(invalid) => {
            report(&invalid.file, &invalid.problems);
            Err(Error::Invalid)
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, split on white space into a program and its arguments (no
/// shell, as for `STRETCH_VOICE_COMMAND`).
fn editor() -> Result<(PathBuf, Vec<String>), Error> {
    let setting = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()));
    let Some(setting) = setting else {
        return Err(anyhow::anyhow!(
            "set VISUAL or EDITOR to the editor to open the config file in"
        )
        .into());
    };
    let mut words = setting.split_whitespace().map(str::to_owned);
    let program = words.next().map(PathBuf::from).unwrap_or_default();
    Ok((program, words.collect()))
}
