//! The `validate` command: check routine files and report the problems in each.

use std::path::Path;

use serde::Serialize;

use crate::cli::Format;
use crate::commands::report;
use crate::error::Error;
use stretch_timer::frontend::output::{self, one_line, print_json, print_stdout};
use stretch_timer::routine::catalog::{self, Loaded, Origin};
use stretch_timer::routine::diagnostic::{Diagnostic, JsonDiagnostic};

/// The routine `file` names, as `run` would find it, or a file of that name; if neither,
/// a problem that says so.
fn load(file: &str) -> Loaded {
    catalog::find(file).unwrap_or_else(|error| {
        if Path::new(file).exists() {
            catalog::load_path(Path::new(file), Origin::Path)
        } else {
            Loaded::failed(
                file,
                Origin::Path,
                file,
                Diagnostic::error(error.to_string()),
            )
        }
    })
}

#[derive(Serialize)]
struct FileReport {
    file: String,
    valid: bool,
    diagnostics: Vec<JsonDiagnostic>,
    /// How many more problems the file has beyond those listed (see `MAX_PROBLEMS`).
    more: usize,
    /// How many problems in all, for the last line of the text report.
    #[serde(skip)]
    problems: usize,
}

/// Check `files`, paths or routine names (none: the user's routines and the built-in
/// ones), and report their problems in `format`; [`Error::Invalid`] when any is not a
/// valid routine. Each file is reported as it is read, and only its report kept.
pub fn run(files: &[String], format: Format) -> Result<(), Error> {
    let report = |loaded: Loaded| check(&loaded, format);
    let checked: Vec<Result<FileReport, Error>> = if files.is_empty() {
        if let Some(warning) = catalog::folder_warning() {
            output::warn(warning);
        }
        catalog::all_routines_with(|loaded, _| report(loaded))
    } else {
        files.iter().map(|file| report(load(file))).collect()
    };
    let reports = checked.into_iter().collect::<Result<Vec<_>, _>>()?;
    let invalid = reports.iter().filter(|r| !r.valid).count();
    match format {
        Format::Json => print_json(&reports)?,
        Format::Text if invalid > 0 => {
            let problems: usize = reports.iter().map(|r| r.problems).sum();
            output::error(format!(
                "{invalid} of {} routine file{} invalid ({problems} problem{})",
                reports.len(),
                if reports.len() == 1 { " is" } else { "s are" },
                if problems == 1 { "" } else { "s" }
            ));
        }
        Format::Text => {}
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(Error::Invalid)
    }
}

/// The report of one file; in text, printed at once.
fn check(loaded: &Loaded, format: Format) -> Result<FileReport, Error> {
    if format == Format::Text {
        match &loaded.routine {
            Ok(routine) => print_stdout(&format!(
                "ok: {} ({}, {} stretch{})\n",
                one_line(&loaded.file.name),
                routine.name,
                routine.stretches.len(),
                if routine.stretches.len() == 1 {
                    ""
                } else {
                    "es"
                }
            ))?,
            Err(problems) => report(&loaded.file, problems),
        }
    }
    let problems = loaded.routine.as_ref().err();
    Ok(FileReport {
        file: loaded.file.name.clone(),
        valid: problems.is_none(),
        diagnostics: match (problems, format) {
            (Some(problems), Format::Json) => problems
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic::new(&loaded.file, d))
                .collect(),
            _ => Vec::new(),
        },
        more: problems.map_or(0, |p| p.more),
        problems: problems.map_or(0, |p| p.total()),
    })
}
