//! The commands, one file each, on top of the library's layers. Each takes its parsed
//! arguments and returns `Result<(), Error>`; `main` turns the error into the exit status.

pub mod completions;
pub mod config;
pub mod due;
pub mod list;
pub mod log;
pub mod man;
pub mod new;
pub mod remind;
pub mod run;
pub mod schema;
pub mod show;
pub mod validate;

use stretch_timer::config::{Config, effective};
use stretch_timer::frontend::output;
use stretch_timer::routine::diagnostic::{self, SourceFile};
use stretch_timer::routine::problems::Problems;
use stretch_timer::routine::suggest::closest;
use stretch_timer::routine::{Routine, catalog};

use crate::cli::PlanArgs;
use crate::error::Error;

/// Report the problems of one file on standard error, as diagnostics: rendered with their
/// untrusted text made safe, styled, and in colour where colour is wanted.
pub fn report(file: &SourceFile, problems: &Problems) {
    output::eprint_styled(&diagnostic::render(file, problems, true));
}

/// The routine that `name` names (a path, or the name of one of the user's or a built-in
/// routine), if it is valid. If it is not, its problems are reported as diagnostics.
pub fn load_valid(name: &str) -> Result<Routine, Error> {
    load_with_source(name).map(|(routine, _)| routine)
}

/// [`load_valid`], and where the routine came from as the history names it: `built-in`,
/// or the path of its file.
pub fn load_with_source(name: &str) -> Result<(Routine, String), Error> {
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
    let routine = loaded.routine.map_err(|problems| {
        report(&loaded.file, &problems);
        Error::Invalid
    })?;
    Ok((routine, source))
}

/// The routine as the flags ask for it, for `run` to run and `show` to preview: a subset
/// of its stretches (`--only`, `--skip`, `--level`), and its timing overridden (`--hold`,
/// `--rest`, `--switch`, `--lead-in`). `name` is how the user named it.
pub fn planned(
    mut routine: Routine,
    name: &str,
    args: &PlanArgs,
    config: &Config,
) -> Result<Routine, Error> {
    let ids: Vec<String> = routine.stretches.iter().map(|s| s.id.clone()).collect();
    for id in args.only.iter().chain(&args.skip) {
        if !ids.contains(id) {
            let known: Vec<&str> = ids.iter().map(String::as_str).collect();
            let hint =
                closest(id, &known).map_or(String::new(), |c| format!("; did you mean `{c}`?"));
            return Err(Error::Usage(format!(
                "`{}` has no stretch `{id}`{hint} (`stretch show {name}` lists them)",
                routine.name
            )));
        }
    }
    if !args.only.is_empty() {
        routine.stretches.retain(|s| args.only.contains(&s.id));
    }
    routine.stretches.retain(|s| !args.skip.contains(&s.id));
    if let Some(level) = args.level {
        routine.stretches.retain(|s| s.level == Some(level));
    }
    if routine.stretches.is_empty() {
        return Err(Error::Usage(
            "no stretches left to run after --only, --skip and --level".to_string(),
        ));
    }
    // The config file's `hold` and `lead_in` stand in for the flags it does not give.
    let hold = effective::choose(args.hold.map(Some), None, config.hold.map(Some), None).value;
    let lead_in = effective::choose(args.lead_in.map(Some), None, config.lead_in.map(Some), None);
    if let Some(hold) = hold {
        routine.hold = hold;
        for stretch in &mut routine.stretches {
            stretch.hold = hold;
        }
    }
    routine.rest = args.rest.unwrap_or(routine.rest);
    routine.switch = args.switch.unwrap_or(routine.switch);
    routine.lead_in = lead_in.value.unwrap_or(routine.lead_in);
    Ok(routine)
}
