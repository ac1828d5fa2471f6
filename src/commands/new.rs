//! `stretch new`: a routine file of the user's own, from a template or a copy of another
//! routine, written into the routine folder. Every file it writes is valid, and starts
//! with a `#:schema` line for editors, pointing at the schema it writes beside the folder.

use std::path::Path;

use anyhow::Context;
use stretch_timer::frontend::output::{self, one_line, print_stdout};
use stretch_timer::fs::{self, ErrorKind};
use stretch_timer::routine::catalog::{self, Origin};
use stretch_timer::routine::diagnostic::SourceFile;
use stretch_timer::routine::read::{parse_routine, slug};
use stretch_timer::routine::schema;

use crate::commands;
use crate::error::Error;

/// The template; `{NAME}` is the routine's name.
const TEMPLATE: &str = r#"{SCHEMA}
# A routine of your own. `stretch validate {NAME}` checks it, `stretch run {NAME}` runs it.
# The keys in comments are optional: remove the `#` to use one.
name = "{NAME}"
# description = "What the routine is for."  # at most 2000 characters
# level = "all"            # whom it suits: beginner, intermediate, advanced or all
# hold = "30s"             # each hold, 1s to 10m, unless a stretch has its own
# rest = "10s"             # "next up" between two stretches, 0 to 10m
# switch = "5s"            # between the sides and reps of one stretch, 0 to 2m
# lead_in = "5s"           # "get ready" before the first stretch, 0 to 2m
# cues = ["Breathe slowly"]  # shown in every hold, at most 50

# Each [[stretch]] is held in turn. `use` takes a stretch from the library
# (`stretch list --stretches` shows them all); a key written beside it wins.
[[stretch]]
use = "standing-toe-touch"
# id = "toe-touch"         # for `run --only` and `--skip`: a-z, 0-9 and -; default: the used id
# name = "Toe touch"       # shown while it is held, 1 to 80 characters
# level = "beginner"       # beginner, intermediate or advanced
# how = "How to do it."    # at most 2000 characters
# hold = "45s"             # 1s to 10m; the library's timed cues must still fit
# sides = "both"           # none or both: left, a switch, then right
# side_label = "leg"       # says "left leg", "right leg"
# reps = 2                 # 1 to 20
# cues = ["Don't bounce", { at = "20s", text = "Breathe out" }]  # in turn, or at a time

[[stretch]]
use = "lying-strap"
"#;

/// Write `NAME.toml` into the routine folder, from the template or a copy of `from`, and
/// print its path. An existing file is replaced only with `force`.
pub fn run(name: &str, from: Option<&str>, force: bool) -> Result<(), Error> {
    if name.is_empty() || slug(name) != name {
        let suggestion = slug(name);
        let hint = if suggestion.is_empty() {
            String::new()
        } else {
            format!(", such as `{suggestion}`")
        };
        return Err(Error::Usage(format!(
            "`{}` is not a routine name: use lowercase letters, digits and single `-`, at most 40{hint}",
            one_line(name)
        )));
    }
    let text = match from {
        None => TEMPLATE
            .replace("{SCHEMA}", schema::DIRECTIVE)
            .replace("{NAME}", name),
        Some(from) => copy_of(from, name)?,
    };
    // Every file written validates: a copy of an invalid routine is refused here.
    let folder = catalog::user_folder().context("cannot tell where your home folder is")?;
    let path = folder.join(format!("{name}.toml"));
    let file = SourceFile::new(path.display().to_string(), &text);
    if let Err(problems) = parse_routine(&file) {
        commands::report(&file, &problems);
        return Err(Error::Invalid);
    }
    write(&path, &text, force)?;
    print_stdout(&format!("{}\n", one_line(&path.display().to_string())))?;
    // The routine is written; a schema that cannot be is only a warning, as the routine
    // does not need it.
    if let Err(error) = commands::schema::refresh() {
        output::warn(format!("{error:#}"));
    }
    Ok(())
}

/// The text of the routine `from`, under a comment saying where it came from, its `name`
/// set to `name`; its own diagnostics if it is not valid.
fn copy_of(from: &str, name: &str) -> Result<String, Error> {
    let loaded = catalog::find(from)?;
    if let Err(problems) = &loaded.routine {
        commands::report(&loaded.file, problems);
        return Err(Error::Invalid);
    }
    let source = match loaded.origin {
        Origin::BuiltIn => format!("the built-in routine `{}`", loaded.name),
        Origin::User | Origin::Path => {
            let path = Path::new(&loaded.file.name);
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
            one_line(&absolute.display().to_string()).into_owned()
        }
    };
    // The copy's own `#:schema` line, if it has one, gives way to the new file's.
    let text = &loaded.file.text;
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#:schema") => rest,
        _ if text.starts_with("#:schema") => "",
        _ => text,
    };
    Ok(format!(
        "{}\n# Made by `stretch new` from {source}.\n{}",
        schema::DIRECTIVE,
        renamed(body, name)
    ))
}

/// `text`, a valid routine, with its top-level `name` set to `name` (a slug, which needs
/// no escaping), the rest of the text as it was.
fn renamed(text: &str, name: &str) -> String {
    let span = toml::de::DeTable::parse(text)
        .ok()
        .and_then(|root| root.get_ref().get("name").map(|value| value.span()));
    match span {
        Some(span) => format!("{}\"{name}\"{}", &text[..span.start], &text[span.end..]),
        None => format!("name = \"{name}\"\n{text}"),
    }
}

/// Write `text` to `path` (its folder made if needed); unless `force`, only if nothing is
/// there, checked as the file is made; with `force`, whatever is there is replaced whole.
fn write(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    let written = if force {
        fs::write_atomic(path, text.as_bytes())
    } else {
        fs::create_new(path, text.as_bytes())
    };
    written.map_err(|error| match error.kind() {
        ErrorKind::AlreadyExists => {
            anyhow::anyhow!("{} is already there; `--force` replaces it", path.display())
        }
        _ => error.into(),
    })
}
