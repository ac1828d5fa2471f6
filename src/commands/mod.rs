//! The commands, one file each, on top of the library's layers. Each takes its parsed
//! arguments and returns `Result<(), Error>`; `main` turns the error into the exit status.

pub mod due;
pub mod list;
pub mod log;
pub mod record;
pub mod remind;
pub mod run;
pub mod show;
pub mod validate;

use stretch_timer::routine::{Routine, catalog, diagnostic};

use crate::error::Error;

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
        diagnostic::eprint(&loaded.file, &problems);
        Error::Invalid
    })?;
    Ok((routine, source))
}
