//! The commands, one file each, on top of the library's layers. Each takes its parsed
//! arguments and returns `Result<(), Error>`; `main` turns the error into the exit status.

pub mod completions;
pub mod config;
pub mod done;
pub mod due;
pub mod guide;
pub mod list;
pub mod log;
pub mod man;
pub mod new;
pub mod remind;
pub mod run;
pub mod schema;
pub mod show;
pub mod snooze;
pub mod status;
pub mod validate;

use stretch_timer::config::Resolved;
use stretch_timer::frontend::output;
use stretch_timer::plan::select::{Refused, Selection, select};
use stretch_timer::routine::diagnostic::{self, SourceFile};
use stretch_timer::routine::problems::Problems;
use stretch_timer::routine::{Routine, catalog};

use crate::cli::PlanArgs;
use crate::error::Error;

/// Report the problems of one file on standard error, as diagnostics: rendered with their
/// untrusted text made safe, styled, and in colour where colour is wanted.
pub fn report(file: &SourceFile, problems: &Problems) {
    output::eprint_styled(&diagnostic::render(file, problems, true));
}

/// A valid routine, with the names it goes by.
pub struct Found {
    /// The routine.
    pub routine: Routine,
    /// The name `run` takes to run it again, which names it everywhere: its file's name
    /// without `.toml`, or `builtin:NAME` for a built-in routine one of yours shadows.
    /// Its display name, the file's `name`, is `routine.name`.
    pub name: String,
    /// Where it came from as the history names it: `built-in`, or its file's absolute
    /// path.
    pub source: String,
}

/// The routine that `name` names (a path, or the name of one of the user's or a built-in
/// routine), if it is valid. If it is not, its problems are reported as diagnostics.
pub fn load_valid(name: &str) -> Result<Found, Error> {
    let loaded = catalog::find(name)?;
    let source = match loaded.origin {
        catalog::Origin::BuiltIn => "built-in".to_string(),
        catalog::Origin::User | catalog::Origin::Path => {
            let path = std::path::Path::new(&loaded.file.name);
            std::path::absolute(path)
                .unwrap_or_else(|_| path.to_owned())
                .display()
                .to_string()
        }
    };
    let name = loaded.run_name(catalog::is_shadowed(&loaded));
    let routine = loaded.routine.map_err(|problems| {
        report(&loaded.file, &problems);
        Error::Invalid
    })?;
    Ok(Found {
        routine,
        name,
        source,
    })
}

/// `routine` as `run` would run it by `name` with no flags: all its stretches, timed as
/// the `settings` in effect for it say (its own table in the config file, or the file's
/// `hold` and the others).
pub fn as_run(routine: &Routine, name: &str, settings: &Resolved) -> Routine {
    let timing = settings.for_routine(name).timing();
    // No selection refuses a routine with stretches, and a valid routine has some.
    select(routine.clone(), &Selection::default(), timing).unwrap_or_else(|_| routine.clone())
}

/// The routine as the flags and settings ask for it, for `run` to run and `show` to
/// preview: a subset of its stretches (`--only`, `--skip`, `--level`), timed as the
/// settings in effect for it say (`--hold` and the others, or the config file's).
pub fn planned(found: Found, plan: &PlanArgs, settings: &Resolved) -> Result<Found, Error> {
    let timing = settings.for_routine(&found.name).timing();
    let routine = select(found.routine, &plan.selection(), timing).map_err(|refused| {
        Error::Usage(match refused {
            Refused::NoSuchStretch { id, closest } => format!(
                "`{}` has no stretch `{}`{} (`stretch show {}` lists them)",
                found.name,
                id,
                closest.map_or(String::new(), |c| format!("; did you mean `{c}`?")),
                settings.routine.value
            ),
            Refused::NothingLeft => {
                "no stretches left to run after --only, --skip and --level".to_string()
            }
        })
    })?;
    Ok(Found { routine, ..found })
}
