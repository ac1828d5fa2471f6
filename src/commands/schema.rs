//! `stretch schema`: the JSON Schema of the routine format, for editors, and the copy
//! beside the routine folder that the `#:schema` line of the files `stretch new` writes
//! points at.

use anyhow::Context;
use stretch_timer::frontend::output::{json, print_json};
use stretch_timer::fs::{self, Expect};
use stretch_timer::routine::schema;

use crate::error::Error;

/// Print the schema.
pub fn run() -> Result<(), Error> {
    print_json(&schema::schema())?;
    Ok(())
}

/// Write the schema to `routine.schema.json` beside the routine folder, unless the file
/// there is already this binary's schema (one from another version is replaced). What is
/// there is read only if it is a regular file, and no further than the schema's length;
/// the new one is written whole to a temporary file and renamed over the old one, so an
/// editor never reads half of it.
pub fn refresh() -> anyhow::Result<()> {
    let path = schema::path().context("cannot tell where your home folder is")?;
    let text = json::to_string(&schema::schema())?;
    let there = fs::read(&path, text.len() as u64, Expect::Regular);
    if there.is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    Ok(fs::write_atomic(&path, text.as_bytes())?)
}
