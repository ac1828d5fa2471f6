//! The `validate` command: check routine files and report every problem in each.

use std::path::PathBuf;

use serde::Serialize;

use crate::cli::Format;
use crate::error::Error;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::routine::catalog::{self, Loaded, Origin};
use stretch_timer::routine::diagnostic::{self, JsonDiagnostic};
use stretch_timer::routine::problems::Problems;
use stretch_timer::routine::text::{self, terminal_safe};

#[derive(Serialize)]
struct FileReport {
    file: String,
    valid: bool,
    diagnostics: Vec<JsonDiagnostic>,
    /// How many more problems the file has beyond those listed (see `MAX_PROBLEMS`).
    more: usize,
}

/// Check `files` (none: the user's routines and the built-in ones) and report every
/// problem in `format`; [`Error::Invalid`] when any file is not a valid routine.
pub fn run(files: &[PathBuf], format: Format) -> Result<(), Error> {
    let loaded: Vec<Loaded> = if files.is_empty() {
        let mut all = catalog::user_routines();
        all.extend(catalog::builtins());
        all
    } else {
        files
            .iter()
            .map(|path| catalog::load_path(path, Origin::Path))
            .collect()
    };
    let invalid = loaded.iter().filter(|l| l.routine.is_err()).count();
    match format {
        Format::Json => {
            let reports: Vec<FileReport> = loaded
                .iter()
                .map(|l| FileReport {
                    file: l.file.name.clone(),
                    valid: l.routine.is_ok(),
                    diagnostics: match &l.routine {
                        Ok(_) => Vec::new(),
                        Err(problems) => problems
                            .diagnostics
                            .iter()
                            .map(|d| JsonDiagnostic::new(&l.file, d))
                            .collect(),
                    },
                    more: l.routine.as_ref().err().map_or(0, |p| p.more),
                })
                .collect();
            print_stdout(&text::json(&reports)?)?;
        }
        Format::Text => {
            for l in &loaded {
                match &l.routine {
                    Ok(routine) => print_stdout(&format!(
                        "ok: {} ({}, {} stretch{})\n",
                        terminal_safe(&l.file.name),
                        terminal_safe(&routine.name),
                        routine.stretches.len(),
                        if routine.stretches.len() == 1 {
                            ""
                        } else {
                            "es"
                        }
                    ))?,
                    Err(problems) => diagnostic::eprint(&l.file, problems),
                }
            }
            if invalid > 0 {
                let problems: usize = loaded
                    .iter()
                    .filter_map(|l| l.routine.as_ref().err())
                    .map(Problems::total)
                    .sum();
                anstream::eprintln!(
                    "error: {invalid} of {} routine file{} invalid ({problems} problem{})",
                    loaded.len(),
                    if loaded.len() == 1 { " is" } else { "s are" },
                    if problems == 1 { "" } else { "s" }
                );
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(Error::Invalid)
    }
}
