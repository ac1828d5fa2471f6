//! `stretch schema`: the JSON Schema of the routine format, for editors, and the copy
//! beside the routine folder that the `#:schema` line of the files `stretch new` writes
//! points at.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::routine::{schema, text};

use crate::error::Error;

/// Print the schema.
pub fn run() -> Result<(), Error> {
    print_stdout(&text::json(&schema::schema())?)?;
    Ok(())
}

/// Write the schema to `routine.schema.json` beside the routine folder, unless the file
/// there is already this binary's schema (one from another version is replaced). It is
/// written whole to a temporary file, then renamed over the old one, so an editor never
/// reads half of it.
pub fn refresh() -> anyhow::Result<()> {
    let path = schema::path().context("cannot tell where your home folder is")?;
    let text = text::json(&schema::schema())?;
    if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    write_whole(&path, &text).with_context(|| format!("cannot write {}", path.display()))
}

/// Write `text` to a temporary file beside `path`, then rename it to `path`.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    let temporary = path.with_extension(format!("json.{}.tmp", std::process::id()));
    let written = fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    match written.and_then(|()| fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}
