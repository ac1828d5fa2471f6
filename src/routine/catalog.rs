//! Where routines come from: the built-in ones compiled into the binary, the user's own
//! folder, and paths given on the command line. Every file is read through [`crate::fs`]:
//! bounded, and never trusting its size, type or encoding.

use std::path::{Path, PathBuf};

use crate::fs::{self, ErrorKind, Expect, FileKind};
use crate::routine::Routine;
use crate::routine::diagnostic::{Diagnostic, SourceFile};
use crate::routine::limits::MAX_FILE_BYTES;
use crate::routine::problems::Problems;
use crate::routine::read;
use crate::routine::suggest::closest;

/// The built-in routines: each name and its TOML text.
pub(crate) const BUILTINS: &[(&str, &str)] = &[
    ("hamstrings", include_str!("../../routines/hamstrings.toml")),
    (
        "hamstrings-beginner",
        include_str!("../../routines/hamstrings-beginner.toml"),
    ),
    (
        "hamstrings-advanced",
        include_str!("../../routines/hamstrings-advanced.toml"),
    ),
    ("desk", include_str!("../../routines/desk.toml")),
    ("lower-back", include_str!("../../routines/lower-back.toml")),
    (
        "hips-and-calves",
        include_str!("../../routines/hips-and-calves.toml"),
    ),
];

/// More routine files than anyone keeps by hand; a folder with more is read only this far.
const MAX_USER_ROUTINES: usize = 1000;

/// Where a routine was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the program.
    BuiltIn,
    /// In the user's routine folder.
    User,
    /// At a path given on the command line.
    Path,
}

impl Origin {
    /// How `list` names the origin to the user.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::User => "yours",
            Origin::Path => "file",
        }
    }
}

/// A routine file, read and checked.
pub struct Loaded {
    /// The name to run it by: the file name without `.toml`.
    pub name: String,
    /// Where it was found.
    pub origin: Origin,
    /// Its text and name, as diagnostics point into them.
    pub file: SourceFile,
    /// The routine, or the problems that keep the file from being one.
    pub routine: Result<Routine, Problems>,
}

impl Loaded {
    /// A routine that could not be read at all: `problem` says why, of the file `shown`.
    pub fn failed(name: &str, origin: Origin, shown: &str, problem: Diagnostic) -> Loaded {
        Loaded {
            name: name.to_string(),
            origin,
            file: SourceFile::new(shown, ""),
            routine: Err(Problems::from(vec![problem])),
        }
    }

    /// The name `run` takes to run it: its own, or `builtin:NAME` for a built-in routine
    /// that one of the user's, `shadowed`, has the name of.
    pub fn run_name(&self, shadowed: bool) -> String {
        if shadowed && self.origin == Origin::BuiltIn {
            format!("{BUILTIN_PREFIX}{}", self.name)
        } else {
            self.name.clone()
        }
    }

    fn from_text(name: &str, origin: Origin, file: SourceFile) -> Loaded {
        let routine = read::parse_routine(&file);
        Loaded {
            name: name.to_string(),
            origin,
            file,
            routine,
        }
    }
}

/// Every built-in routine, read and checked.
pub fn builtins() -> Vec<Loaded> {
    BUILTINS
        .iter()
        .map(|(name, text)| load_builtin(name, text))
        .collect()
}

/// `$XDG_CONFIG_HOME/stretch/routines`, else `~/.config/stretch/routines`.
pub fn user_folder() -> Option<PathBuf> {
    Some(config_folder()?.join("routines"))
}

/// `$XDG_CONFIG_HOME/stretch`, else `~/.config/stretch`: the routine folder, the config
/// file and the routine schema are in it.
pub fn config_folder() -> Option<PathBuf> {
    fs::folders::config().ok()
}

/// The user's `*.toml` routines, sorted by name. A missing folder is no routines.
pub fn user_routines() -> Vec<Loaded> {
    user_routines_with(|loaded| loaded)
}

/// What `summarize` makes of each of the user's routines, sorted by name: each file is
/// read, checked and summarized before the next is read, so that only what the caller
/// keeps of each stays in memory.
pub fn user_routines_with<T>(summarize: impl FnMut(Loaded) -> T) -> Vec<T> {
    user_paths()
        .iter()
        .map(|path| load_path(path, Origin::User))
        .map(summarize)
        .collect()
}

/// The paths of the user's `*.toml` routines, sorted; nothing is opened. Every entry is
/// there, whatever it is: one that is not a routine file is refused when it is read.
fn user_paths() -> Vec<PathBuf> {
    let Some(folder) = user_folder() else {
        return Vec::new();
    };
    let Ok(entries) = fs::list(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths.truncate(MAX_USER_ROUTINES);
    paths
}

/// What to tell the user of a routine folder with more files than are read, if it has.
/// The commands that read the whole folder say it, once each.
pub fn folder_warning() -> Option<String> {
    let folder = user_folder()?;
    let count = fs::list(&folder)
        .ok()?
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .count();
    (count > MAX_USER_ROUTINES).then(|| {
        format!(
            "{count} routine files in {}; only the first {MAX_USER_ROUTINES} by name are read",
            folder.display()
        )
    })
}

/// What names a built-in routine even where one of the user's has its name:
/// `builtin:hamstrings`.
pub const BUILTIN_PREFIX: &str = "builtin:";

/// The user's routines, then every built-in one, also those one of the user's shadows.
pub fn all_routines() -> Vec<Loaded> {
    all_routines_with(|loaded, _| loaded)
}

/// What `summarize` makes of each of [`all_routines`], one file in memory at a time. It is
/// told whether a built-in routine is shadowed by one of the user's with its name: that
/// name then finds the user's, and only `builtin:NAME` finds the built-in one.
pub fn all_routines_with<T>(mut summarize: impl FnMut(Loaded, bool) -> T) -> Vec<T> {
    let mut names = Vec::new();
    let mut all = user_routines_with(|loaded| {
        names.push(loaded.name.clone());
        summarize(loaded, false)
    });
    all.extend(builtins().into_iter().map(|builtin| {
        let shadowed = names.contains(&builtin.name);
        summarize(builtin, shadowed)
    }));
    all
}

/// The names of every routine, the user's and the built-in ones, without reading any.
fn names() -> Vec<String> {
    let mut names: Vec<String> = user_paths().iter().map(|path| name_of(path)).collect();
    names.extend(BUILTINS.iter().map(|(name, _)| name.to_string()));
    names
}

/// Whether `loaded` is a built-in routine that one of the user's has the name of.
pub fn is_shadowed(loaded: &Loaded) -> bool {
    loaded.origin == Origin::BuiltIn && user_paths().iter().any(|path| name_of(path) == loaded.name)
}

/// Whether `routine`, as the command line gives it, is a path rather than a name.
pub fn looks_like_path(routine: &str) -> bool {
    routine.ends_with(".toml")
        || routine.contains(std::path::MAIN_SEPARATOR)
        || routine.contains('/')
}

/// A path to a `.toml` file, or the name of the user's routine or of a built-in one;
/// `builtin:NAME` is always the built-in one.
pub fn find(routine: &str) -> anyhow::Result<Loaded> {
    if let Some(name) = routine.strip_prefix(BUILTIN_PREFIX) {
        if let Some((name, text)) = BUILTINS.iter().find(|(builtin, _)| *builtin == name) {
            return Ok(load_builtin(name, text));
        }
        let known: Vec<&str> = BUILTINS.iter().map(|(name, _)| *name).collect();
        match closest(name, &known) {
            Some(close) => anyhow::bail!(
                "no built-in routine named `{name}`; did you mean `{BUILTIN_PREFIX}{close}`?"
            ),
            None => {
                anyhow::bail!("no built-in routine named `{name}` (`stretch list` shows them all)")
            }
        }
    }
    if looks_like_path(routine) {
        return Ok(load_path(Path::new(routine), Origin::Path));
    }
    if let Some(folder) = user_folder() {
        let path = folder.join(format!("{routine}.toml"));
        // Whatever is there (a pipe, a dangling link) is read, or refused with its reason;
        // only when nothing is there is the name a built-in routine's.
        match read_text(&path, Origin::User, "a routine file", MAX_FILE_BYTES as u64) {
            Err(Unread::Missing) => {}
            read => return Ok(loaded(&path, Origin::User, read)),
        }
    }
    if let Some((name, text)) = BUILTINS.iter().find(|(name, _)| *name == routine) {
        return Ok(load_builtin(name, text));
    }
    let names = names();
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    match closest(routine, &known) {
        Some(close) => anyhow::bail!(
            "no routine named `{routine}`; did you mean `{close}`? (`stretch list` shows them all)"
        ),
        None => anyhow::bail!("no routine named `{routine}` (`stretch list` shows them all)"),
    }
}

/// A built-in routine, from the text compiled in: the only text read as the program's
/// own rather than a stranger's (a file is, whatever its `Origin`).
fn load_builtin(name: &str, text: &str) -> Loaded {
    let file = SourceFile::new(format!("{BUILTIN_PREFIX}{name}.toml"), text);
    let routine = read::parse_builtin_routine(&file);
    Loaded {
        name: name.to_string(),
        origin: Origin::BuiltIn,
        file,
        routine,
    }
}

/// The routine file at `path`, read within the size limit and checked; a file that
/// cannot be read is a `Loaded` with that one problem.
pub fn load_path(path: &Path, origin: Origin) -> Loaded {
    let text = read_text(path, origin, "a routine file", MAX_FILE_BYTES as u64);
    loaded(path, origin, text)
}

/// The routine file at `path` as it was read: checked, or the reason it was not read.
fn loaded(path: &Path, origin: Origin, read: Result<String, Unread>) -> Loaded {
    let name = name_of(path);
    let shown = path.display().to_string();
    match read {
        Ok(text) => Loaded::from_text(&name, origin, SourceFile::new(shown, &text)),
        Err(Unread::Missing) => {
            Loaded::failed(&name, origin, &shown, Diagnostic::error("no such file"))
        }
        Err(Unread::Refused(problem)) => Loaded::failed(&name, origin, &shown, problem),
    }
}

/// The text of the config file at `path`, read as a file of the routine folder is, within
/// `limit` bytes; `None` when nothing is there.
pub fn read_user_file(path: &Path, limit: u64) -> Result<Option<String>, Diagnostic> {
    match read_text(path, Origin::User, "the config file", limit) {
        Ok(text) => Ok(Some(text)),
        Err(Unread::Missing) => Ok(None),
        Err(Unread::Refused(problem)) => Err(problem),
    }
}

/// The name to run a routine file by: its file name without `.toml`.
fn name_of(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned())
}

/// Why a file's text was not read.
enum Unread {
    /// Nothing is there.
    Missing,
    /// Something is there that is not a routine file, or cannot be read.
    Refused(Diagnostic),
}

/// The text of the file at `path`, as [`crate::fs`] reads it for `origin`: a file of the
/// user's folders only if it is a regular file (a named pipe there would hang the
/// program), a path given on the command line as asked (`validate <(cat my.toml)`); in
/// either case within `limit` bytes and as UTF-8. `what` names what the file should be,
/// for the messages: "a routine file".
fn read_text(path: &Path, origin: Origin, what: &str, limit: u64) -> Result<String, Unread> {
    let expect = match origin {
        Origin::User => Expect::Regular,
        Origin::BuiltIn | Origin::Path => Expect::AsAsked,
    };
    let bytes = fs::read(path, limit, expect).map_err(|error| {
        let problem = match error.kind() {
            ErrorKind::NotFound => return Unread::Missing,
            ErrorKind::DanglingLink => {
                Diagnostic::error("this is a symbolic link to nothing: its target does not exist")
            }
            ErrorKind::LinkLoop => {
                Diagnostic::error(format!("this is a loop of symbolic links, not {what}"))
            }
            ErrorKind::NotRegular(FileKind::Directory) => {
                Diagnostic::error(format!("this is a directory, not {what}"))
                    .help("give the path of a `.toml` file inside it")
            }
            ErrorKind::NotRegular(kind) => {
                Diagnostic::error(format!("this is {}, not {what}", kind.as_str())).help(format!(
                    "{} is a regular file of TOML text",
                    capitalized(what)
                ))
            }
            ErrorKind::TooBig(_) => Diagnostic::error(format!(
                "the file is larger than {}, the limit for {what}",
                size(limit)
            )),
            ErrorKind::AlreadyExists | ErrorKind::Io(_) => {
                Diagnostic::error(format!("cannot read the file: {}", error.kind()))
            }
        };
        Unread::Refused(problem)
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Unread::Refused(
            Diagnostic::error(format!(
                "the file is not UTF-8: invalid byte at line {line}, column {column}"
            ))
            .help("save the file as UTF-8"),
        )
    })
}

/// `bytes` as a size in whole MiB or KiB: "1 MiB", "64 KiB".
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// `what` with a capital first letter: "A routine file".
fn capitalized(what: &str) -> String {
    let mut chars = what.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
