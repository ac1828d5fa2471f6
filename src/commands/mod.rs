//! The commands, one file each, on top of the library's layers. Each takes its parsed
//! arguments and returns `Result<(), Error>`; `main` turns the error into the exit status.

pub mod list;
pub mod run;
pub mod show;
pub mod validate;

use stretch_timer::routine::{Routine, catalog, diagnostic};

use crate::error::Error;

/// The routine that `name` names (a path, or the name of one of the user's or a built-in
/// routine), if it is valid. If it is not, its problems are reported as diagnostics.
pub fn load_valid(name: &str) -> Result<Routine, Error> {
    let loaded = catalog::find(name)?;
    loaded.routine.map_err(|problems| {
        diagnostic::eprint(&loaded.file, &problems);
        Error::Invalid
    })
}
