//! `stretch config`: the files in use and every setting in effect with where it came
//! from; `--edit` opens the config file in the user's editor and checks it afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use serde::Serialize;
use serde_json::{Map, Value, json};
use stretch_timer::config::{self, Resolved, Row, keys};
use stretch_timer::frontend::output::{self, one_line, print_json, print_stdout};
use stretch_timer::fs::{self, ErrorKind};
use stretch_timer::history;
use stretch_timer::history::now::now;
use stretch_timer::routine::catalog;
use stretch_timer::routine::schema;
use stretch_timer::workday::presence;
use unicode_width::UnicodeWidthStr;

use crate::cli::Format;
use crate::commands::report;
use crate::error::Error;

/// Show the files and the `settings` in effect, or with `edit` open the config file to
/// change it. A config file with problems gets them reported in full, here only.
pub fn run(edit: bool, format: Format, settings: &Resolved) -> Result<(), Error> {
    let path = config::path().context("cannot tell where your home folder is")?;
    if edit {
        return edit_file(&path);
    }
    if let Some(invalid) = config::load().invalid {
        report(&invalid.file, &invalid.problems);
        return Err(Error::Invalid);
    }
    if let Err(error) = catalog::find(&settings.routine.value) {
        output::warn(format!(
            "{}: {error:#}",
            keys::ROUTINE.origin(settings.routine.source)
        ));
    }
    let files = files(&path);
    let tables = settings.tables();
    let presence = Presence::read();
    match format {
        Format::Json => {
            let shown = |rows: &[Row]| -> Map<String, Value> {
                rows.iter()
                    .map(|row| {
                        let setting = json!({ "value": row.value, "source": row.source });
                        (row.key.name.to_owned(), setting)
                    })
                    .collect()
            };
            let routines: Map<String, Value> = tables
                .iter()
                .map(|(name, rows)| (name.clone(), Value::Object(shown(rows))))
                .collect();
            let report = json!({
                "files": files,
                "presence": presence,
                "settings": shown(&settings.rows()),
                "routines": routines,
            });
            print_json(&report)?;
        }
        Format::Text => print_stdout(&text(&files, &presence, &settings.rows(), &tables))?,
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

/// Whether `due --every` can tell that you are away, and what it sees now.
#[derive(Serialize)]
struct Presence {
    /// Where it is read: `logind (session 3)`, `ioreg (HIDIdleTime)`, or what was tried.
    source: String,
    /// `present`, `away`, or `unknown` when it cannot be read.
    state: &'static str,
    /// Why it cannot be read, when it cannot.
    why: Option<String>,
}

impl Presence {
    fn read() -> Presence {
        let reading = presence::read(now().timestamp());
        let (state, why) = match reading.presence {
            presence::Presence::Present { .. } => ("present", None),
            presence::Presence::Away { .. } => ("away", None),
            presence::Presence::Unknown(why) => ("unknown", Some(why)),
        };
        Presence {
            source: reading.source,
            state,
            why,
        }
    }

    /// The line of `stretch config`.
    fn line(&self) -> String {
        match &self.why {
            None => format!("{}: {}", self.source, self.state),
            Some(why) => format!(
                "{} cannot be read: {}; `due --every` takes you to be at the computer",
                self.source,
                why.trim_end_matches('.')
            ),
        }
    }
}

/// The files, whether you can be seen away, every setting with its source, and each
/// routine's own table.
fn text(
    files: &Files,
    presence: &Presence,
    settings: &[Row],
    tables: &[(String, Vec<Row>)],
) -> String {
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
    out.push_str(&format!("presence      {}\n", safe(&presence.line())));
    out.push('\n');
    rows(&mut out, settings);
    for (name, table) in tables {
        out.push_str(&format!("\n[{}.{}]\n", config::ROUTINES, safe(name)));
        rows(&mut out, table);
    }
    out
}

/// A line a setting: its key, its value and its source, the sources in a column at least
/// two spaces after the longest value.
fn rows(out: &mut String, rows: &[Row]) {
    let values: Vec<String> = rows
        .iter()
        .map(|row| match &row.value {
            Value::Null => row.key.kind.unset().to_owned(),
            Value::String(text) => output::cell(text),
            other => other.to_string(),
        })
        .collect();
    let width = values
        .iter()
        .map(|value| value.width())
        .max()
        .unwrap_or(0)
        .max(22)
        + 2;
    for (row, value) in rows.iter().zip(values) {
        let (key, source) = (row.key.name, row.source.as_str());
        let pad = " ".repeat(width - value.width());
        out.push_str(&format!("{key:<14}{value}{pad}{source}\n"));
    }
}

/// Open the config file in `$VISUAL` or `$EDITOR` (after writing the template if there is
/// none), then check it: its problems are reported as a routine's are.
fn edit_file(path: &Path) -> Result<(), Error> {
    match fs::create_new(path, config::template().as_bytes()) {
        Err(error) if !matches!(error.kind(), ErrorKind::AlreadyExists) => {
            return Err(error.into());
        }
        _ => {}
    }
    let Some((program, arguments)) = editor() else {
        output::warn(
            "no editor to open it in: set VISUAL or EDITOR, or install vi; the file is here",
        );
        print_stdout(&format!("{}\n", one_line(&path.display().to_string())))?;
        return Ok(());
    };
    let status = Command::new(&program)
        .args(&arguments)
        .arg(path)
        .status()
        .with_context(|| format!("cannot start the editor `{}`", program.display()))?;
    if !status.success() {
        return Err(anyhow::anyhow!("the editor `{}` failed ({status})", program.display()).into());
    }
    match config::load().invalid {
        None => {
            print_stdout(&format!("ok: {}\n", one_line(&path.display().to_string())))?;
            Ok(())
        }
        Some(invalid) => {
            report(&invalid.file, &invalid.problems);
            Err(Error::Invalid)
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, split on white space into a program and its arguments (no
/// shell, as for `STRETCH_VOICE_COMMAND`); else `vi` if it is on PATH.
fn editor() -> Option<(PathBuf, Vec<String>)> {
    let setting = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()));
    let Some(setting) = setting else {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let vi = std::env::split_paths(&path)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| dir.join("vi"))
            .find(|candidate| candidate.is_file())?;
        return Some((vi, Vec::new()));
    };
    let mut words = setting.split_whitespace().map(str::to_owned);
    let program = words.next().map(PathBuf::from).unwrap_or_default();
    Some((program, words.collect()))
}
