//! The settings: the config file, `$XDG_CONFIG_HOME/stretch/config.toml` (else
//! `~/.config/stretch/config.toml`), the environment and the command line's flags, and
//! which of them wins for each setting.
//!
//! Every setting is declared once, in [`keys`]; everything else is made from that: the
//! file's reader, the environment's, the template, the rows of `stretch config`, and the
//! [`Resolved`] settings every command uses, resolved once by [`Sources::resolve`]. The
//! file is read with the routine reader's checks, so a bad file gets the same diagnostics
//! as a bad routine; only `stretch config` shows them, as every other command takes the
//! file's good settings and the defaults for the bad ones ([`Invalid::warning`]).

pub mod declare;
pub mod keys;
pub mod resolve;
#[cfg(test)]
mod tests;
pub mod values;

use std::path::PathBuf;

pub use declare::Key;
pub use keys::{ALL, DEFAULT_ROUTINE, Layer, MAX_SETTING_CHARS, Resolved};
pub use resolve::{File, Row, Setting, Source, Sources};
pub use values::{Color, Voice, VoiceLevel};

use crate::routine::catalog;
use crate::routine::diagnostic::SourceFile;
use crate::routine::problems::Problems;
use crate::routine::read::read_settings;

/// The table of the routines' own tables, `[routines.NAME]`.
pub const ROUTINES: &str = "routines";

/// The largest config file read, in bytes. A file of every key and a table for each of a
/// few hundred routines fits; a larger one is refused unread, so that a file of a stranger's
/// making costs every command that reads it (`due` and `status` in a prompt) a few
/// milliseconds at most, not the tenth of a second a 1 MiB file can.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// `$XDG_CONFIG_HOME/stretch/config.toml`, else `~/.config/stretch/config.toml`.
pub fn path() -> Option<PathBuf> {
    catalog::config_folder().map(|folder| folder.join("config.toml"))
}

/// The config file as read: its good settings, and its problems if it has any.
#[derive(Default)]
pub struct Loaded {
    /// Every setting the file makes well; none of a file that cannot be read.
    pub file: File,
    /// The file's problems; `None` for a good file (or none at all).
    pub invalid: Option<Box<Invalid>>,
}

/// A config file with problems: the file, and every problem in it.
pub struct Invalid {
    /// The file, as diagnostics point into it.
    pub file: SourceFile,
    /// Every problem found.
    pub problems: Problems,
}

impl Invalid {
    /// The one line every command but `stretch config` says of a file with problems.
    pub fn warning(&self) -> String {
        let count = self.problems.total();
        format!(
            "{} has {count} problem{}; its other settings are used, and the defaults for \
             the bad ones (`stretch config` shows the problems)",
            self.file.name,
            if count == 1 { "" } else { "s" },
        )
    }
}

/// The config file's settings: none when there is no file (or no home to find it in).
pub fn load() -> Loaded {
    let Some(path) = path() else {
        return Loaded {
            file: File::default(),
            invalid: None,
        };
    };
    let shown = path.display().to_string();
    let text = match catalog::read_user_file(&path, MAX_CONFIG_BYTES) {
        Ok(None) => String::new(),
        Ok(Some(text)) => text,
        Err(problem) => {
            return Loaded {
                file: File::default(),
                invalid: Some(Box::new(Invalid {
                    file: SourceFile::new(&shown, ""),
                    problems: Problems::from(vec![problem]),
                })),
            };
        }
    };
    let source = SourceFile::new(&shown, &text);
    let (file, problems) = parse(&source);
    Loaded {
        file,
        invalid: (!problems.is_empty()).then(|| {
            Box::new(Invalid {
                file: source,
                problems,
            })
        }),
    }
}

/// The settings in `file`, each bad one left out, and every problem in it.
pub fn parse(file: &SourceFile) -> (File, Problems) {
    let known: Vec<&str> = ALL.iter().map(|key| key.name).chain([ROUTINES]).collect();
    let per_routine: Vec<&str> = ALL
        .iter()
        .filter(|key| key.per_routine)
        .map(|key| key.name)
        .collect();
    let read = read_settings(file, &known, |settings| File {
        top: Layer::read(settings, false),
        routines: settings
            .tables(ROUTINES, &per_routine, |table| Layer::read(table, true))
            .into_iter()
            .collect(),
    });
    (read.value.unwrap_or_default(), read.problems)
}

/// The settings the environment of this process makes.
pub fn env() -> Layer {
    Layer::from_env(&|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
}

/// What `stretch config --edit` writes when there is no file: every key, commented out,
/// under its help, and a routine's own table.
pub fn template() -> String {
    let mut text = String::from(
        "# stretch's settings. Remove the `#` before a key to use it; a flag on the\n\
         # command line wins over the environment, which wins over this file.\n",
    );
    for key in ALL {
        text.push_str(&format!(
            "\n# {}.\n# {} = {}\n",
            key.help,
            key.name,
            key.example()
        ));
    }
    text.push('\n');
    text.push_str(&comment(&format!(
        "A routine's own table wins over the keys above when that routine runs: {}.",
        per_routine_keys()
    )));
    text.push_str(&format!("# [{ROUTINES}.desk]\n# hold = \"15s\"\n"));
    text
}

/// `text` as comment lines of at most 88 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() > 1 && line.len() + 1 + word.len() > 88 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The keys a routine's own table may set, as the documentation lists them.
pub fn per_routine_keys() -> String {
    let keys: Vec<String> = ALL
        .iter()
        .filter(|key| key.per_routine)
        .map(|key| format!("`{}`", key.name))
        .collect();
    keys.join(", ")
}
