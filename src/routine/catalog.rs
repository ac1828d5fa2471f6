//! Where routines come from: the built-in ones compiled into the binary, the user's own
//! folder, and paths given on the command line. Reading a file is bounded and never trusts
//! its size, type or encoding.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use crate::routine::Routine;
use crate::routine::diagnostic::{Diagnostic, SourceFile};
use crate::routine::limits::{MAX_FILE_BYTES, MAX_FILE_MIB};
use crate::routine::read;
use crate::routine::suggest::closest;

const BUILTINS: &[(&str, &str)] = &[
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
    /// The routine, or every problem that keeps the file from being one.
    pub routine: Result<Routine, Vec<Diagnostic>>,
}

impl Loaded {
    /// A routine that could not be read at all: `problem` says why, of the file `shown`.
    pub fn failed(name: &str, origin: Origin, shown: &str, problem: Diagnostic) -> Loaded {
        Loaded {
            name: name.to_string(),
            origin,
            file: SourceFile::new(shown, ""),
            routine: Err(vec![problem]),
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
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("stretch").join("routines"))
}

/// The user's `*.toml` routines, sorted by name. A missing folder is no routines.
pub fn user_routines() -> Vec<Loaded> {
    let Some(folder) = user_folder() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter(|path| is_safe_to_open(path))
        .collect();
    paths.sort();
    if paths.len() > MAX_USER_ROUTINES {
        anstream::eprintln!(
            "warning: {} routine files in {}; only the first {MAX_USER_ROUTINES} by name are read",
            paths.len(),
            crate::routine::text::terminal_safe(&folder.display().to_string())
        );
        paths.truncate(MAX_USER_ROUTINES);
    }
    paths
        .iter()
        .map(|path| load_path(path, Origin::User))
        .collect()
}

/// Whether a file in the routine folder may be opened: not a named pipe or a device.
/// Opening a pipe that nobody writes to would hang for ever. Directories pass, so that
/// they are named as mistakes; a path given on the command line is read as asked.
fn is_safe_to_open(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() || m.is_dir())
}

/// What names a built-in routine even where one of the user's has its name:
/// `builtin:hamstrings`.
pub const BUILTIN_PREFIX: &str = "builtin:";

/// The user's routines, then every built-in one, also those one of the user's shadows
/// (see [`is_shadowed`]).
pub fn all_routines() -> Vec<Loaded> {
    let mut all = user_routines();
    all.extend(builtins());
    all
}

/// Whether `loaded` is a built-in routine that one of the user's routines in `all`
/// shadows, having its name: its name then finds the user's, and only
/// `builtin:NAME` finds it.
pub fn is_shadowed(loaded: &Loaded, all: &[Loaded]) -> bool {
    loaded.origin == Origin::BuiltIn
        && all
            .iter()
            .any(|other| other.origin == Origin::User && other.name == loaded.name)
}

/// A path to a `.toml` file, or the name of the user's routine or of a built-in one;
/// `builtin:NAME` is always the built-in one.
pub fn find(routine: &str) -> anyhow::Result<Loaded> {
    if let Some(name) = routine.strip_prefix(BUILTIN_PREFIX) {
        if let Some((name, text)) = BUILTINS.iter().find(|(builtin, _)| *builtin == name) {
            return Ok(load_builtin(name, text));
        }
        let known: Vec<&str> = BUILTINS.iter().map(|(name, _)| *name).collect();
        let safe = crate::routine::text::terminal_safe(name);
        match closest(name, &known) {
            Some(close) => anyhow::bail!(
                "no built-in routine named `{safe}`; did you mean `{BUILTIN_PREFIX}{close}`?"
            ),
            None => {
                anyhow::bail!("no built-in routine named `{safe}` (`stretch list` shows them all)")
            }
        }
    }
    let looks_like_path = routine.ends_with(".toml")
        || routine.contains(std::path::MAIN_SEPARATOR)
        || routine.contains('/');
    if looks_like_path {
        return Ok(load_path(Path::new(routine), Origin::Path));
    }
    if let Some(folder) = user_folder() {
        let path = folder.join(format!("{routine}.toml"));
        if is_safe_to_open(&path) {
            return Ok(load_path(&path, Origin::User));
        }
    }
    if let Some((name, text)) = BUILTINS.iter().find(|(name, _)| *name == routine) {
        return Ok(load_builtin(name, text));
    }
    let names: Vec<String> = all_routines().into_iter().map(|l| l.name).collect();
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    let safe = crate::routine::text::terminal_safe(routine);
    match closest(routine, &known) {
        Some(close) => anyhow::bail!(
            "no routine named `{safe}`; did you mean `{close}`? (`stretch list` shows them all)"
        ),
        None => anyhow::bail!("no routine named `{safe}` (`stretch list` shows them all)"),
    }
}

fn load_builtin(name: &str, text: &str) -> Loaded {
    let file = SourceFile::new(format!("{BUILTIN_PREFIX}{name}.toml"), text);
    Loaded::from_text(name, Origin::BuiltIn, file)
}

/// The routine file at `path`, read within the size limit and checked; a file that
/// cannot be read is a `Loaded` with that one problem.
pub fn load_path(path: &Path, origin: Origin) -> Loaded {
    let name = path
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    let shown = path.display().to_string();
    match read_bounded(path) {
        Ok(text) => Loaded::from_text(&name, origin, SourceFile::new(shown, &text)),
        Err(problem) => Loaded::failed(&name, origin, &shown, problem),
    }
}

/// The file's text, or the reason it cannot be a routine file.
fn read_bounded(path: &Path) -> Result<String, Diagnostic> {
    let file = File::open(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Diagnostic::error("no such file"),
        _ => Diagnostic::error(format!("cannot read the file: {error}")),
    })?;
    let metadata = file
        .metadata()
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")))?;
    if metadata.is_dir() {
        return Err(Diagnostic::error("this is a directory, not a routine file")
            .help("give the path of a `.toml` file inside it"));
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit to tell "at the limit" from "over it" without trusting metadata.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(format!(
            "the file is larger than {MAX_FILE_MIB} MiB, the limit for a routine file"
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::error(format!(
            "the file is not UTF-8: invalid byte at line {line}, column {column}"
        ))
        .help("save the file as UTF-8")
    })
}
