//! Finding the speech program (or the sound player, found the same way): a variable such
//! as `STRETCH_VOICE_COMMAND` split into a program and fixed arguments, or the first known
//! program on PATH; and making routine text safe to hand it as its last argument.

use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::config::keys;

/// The speech programs tried in turn when no setting names one.
const SPEECH_PROGRAMS: [&str; 4] = ["spd-say", "espeak-ng", "espeak", "say"];

/// Names the speech command instead of searching PATH.
pub const VOICE_COMMAND_VARIABLE: &str = keys::VOICE_COMMAND.env[0];

/// Where to look for a program that gets one last argument: the variable that names it,
/// else the programs tried in turn on PATH.
#[derive(Debug)]
pub struct Search {
    /// The variable that names the program and its fixed arguments.
    pub variable: &'static str,
    /// The programs tried in turn on PATH when the variable is not set.
    pub programs: &'static [&'static str],
    /// What was not found, and what to do: "no speech program found: install espeak-ng".
    pub missing: &'static str,
}

/// The speech program of `--voice`.
pub const SPEECH: Search = Search {
    variable: VOICE_COMMAND_VARIABLE,
    programs: &SPEECH_PROGRAMS,
    missing: "no speech program found: install espeak-ng",
};

/// A speech program and its fixed arguments; the text is added as one last argument.
#[derive(Debug)]
pub(super) struct SpeechCommand {
    /// The program to run, found on PATH or named by the setting.
    pub(super) program: PathBuf,
    /// The arguments that come before the text, `--wait` first for `spd-say`.
    pub(super) args: Vec<String>,
}

impl SpeechCommand {
    /// `program` with `args`, and `--wait` put first if `program` is `spd-say` (see
    /// `Voice::find`).
    pub(super) fn new(program: PathBuf, mut args: Vec<String>) -> SpeechCommand {
        if program.file_name() == Some(OsStr::new("spd-say")) {
            args.insert(0, "--wait".to_string());
        }
        SpeechCommand { program, args }
    }
}

/// A command named by a setting, and where it was set, as messages name it
/// (`STRETCH_VOICE_COMMAND`, or `` `voice_command` in the config file ``).
#[derive(Clone, Copy, Debug)]
pub struct Named<'a> {
    /// The program and its fixed arguments, split on white space.
    pub command: &'a str,
    /// Where the setting came from.
    pub origin: &'a str,
}

/// The command `named` names, else the first of `search`'s programs on `$PATH`.
pub(super) fn find(search: &Search, named: Option<Named<'_>>) -> anyhow::Result<SpeechCommand> {
    find_in(
        search,
        named.map(|named| named.command),
        named.map_or(search.variable, |named| named.origin),
        &env::var_os("PATH").unwrap_or_default(),
    )
}

/// Routine text reaches the speech program without control characters, and never as an
/// option: a stretch named `-w.bashrc` would make espeak write a WAV file over `.bashrc`,
/// and `-f FILE` would read a file aloud. Leading dashes and white space are dropped.
pub(super) fn speakable(text: &str) -> String {
    crate::routine::text::terminal_safe(text)
        .trim_start_matches(|c: char| c == '-' || c.is_whitespace())
        .to_string()
}

/// `find`, given the setting (empty counts as unset), where it came from (`origin`: the
/// variable, or the config file), and PATH.
fn find_in(
    search: &Search,
    setting: Option<&str>,
    origin: &str,
    path: &OsStr,
) -> anyhow::Result<SpeechCommand> {
    if let Some(setting) = setting.filter(|setting| !setting.trim().is_empty()) {
        return from_setting(setting, origin, path);
    }
    match find_first_on_path(search.programs, path) {
        Some(program) => Ok(SpeechCommand::new(program, Vec::new())),
        None => bail!("{} or set {}", search.missing, search.variable),
    }
}

/// The program and arguments `setting` names: its first word is the program, the others
/// its fixed arguments. Messages name where it came from, `origin`.
fn from_setting(setting: &str, origin: &str, path: &OsStr) -> anyhow::Result<SpeechCommand> {
    let mut words = setting.split_whitespace().map(str::to_owned);
    let Some(program) = words.next() else {
        bail!("{origin} is empty");
    };
    let Some(found) = resolve(&program, path) else {
        bail!(
            "{origin} names `{program}`, which is not an executable program{}",
            if program.contains('/') {
                ""
            } else {
                " on PATH"
            }
        );
    };
    Ok(SpeechCommand::new(found, words.collect()))
}

/// A program named with a `/` is taken as a path; a bare name is looked up on PATH.
fn resolve(program: &str, path: &OsStr) -> Option<PathBuf> {
    if program.contains('/') {
        let candidate = PathBuf::from(program);
        is_executable(&candidate).then_some(candidate)
    } else {
        find_first_on_path(&[program], path)
    }
}

/// The first of `names` (in the order given) that is an executable file in some
/// directory of `path`.
fn find_first_on_path(names: &[&str], path: &OsStr) -> Option<PathBuf> {
    names.iter().find_map(|name| {
        env::split_paths(path)
            // An empty entry means the current directory; a speech program is not
            // worth that risk.
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    })
}

/// Whether `path` is a file that someone may run.
#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

/// Whether `path` is a file (what can run is not told by permissions here).
#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::ffi::OsString;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    fn write_program(dir: &Path, name: &str, script: &str, mode: u32) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, script).expect("write program");
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
        path
    }

    fn path_of(dirs: &[&Path]) -> OsString {
        env::join_paths(dirs).expect("join PATH")
    }

    #[test]
    fn the_search_prefers_the_earlier_program_over_the_earlier_directory() {
        let first = tempfile::tempdir().expect("tempdir");
        let second = tempfile::tempdir().expect("tempdir");
        write_program(first.path(), "espeak", "", 0o755);
        let espeak_ng = write_program(second.path(), "espeak-ng", "", 0o755);
        let path = path_of(&[first.path(), second.path()]);
        assert_eq!(find_first_on_path(&SPEECH_PROGRAMS, &path), Some(espeak_ng));
    }

    #[test]
    fn the_search_takes_the_first_directory_that_has_the_program() {
        let first = tempfile::tempdir().expect("tempdir");
        let second = tempfile::tempdir().expect("tempdir");
        let in_first = write_program(first.path(), "say", "", 0o755);
        write_program(second.path(), "say", "", 0o755);
        let path = path_of(&[first.path(), second.path()]);
        assert_eq!(find_first_on_path(&SPEECH_PROGRAMS, &path), Some(in_first));
    }

    #[test]
    fn the_search_skips_what_cannot_run() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_program(dir.path(), "spd-say", "", 0o644);
        fs::create_dir(dir.path().join("espeak-ng")).expect("mkdir");
        let path = path_of(&[dir.path()]);
        assert_eq!(find_first_on_path(&SPEECH_PROGRAMS, &path), None);
        let espeak = write_program(dir.path(), "espeak", "", 0o700);
        assert_eq!(find_first_on_path(&SPEECH_PROGRAMS, &path), Some(espeak));
    }

    #[test]
    fn the_search_finds_nothing_on_an_empty_path() {
        assert_eq!(find_first_on_path(&SPEECH_PROGRAMS, OsStr::new("")), None);
    }

    #[test]
    fn no_speech_program_is_a_clear_error() {
        let empty = tempfile::tempdir().expect("tempdir");
        let error = find_in(&SPEECH, None, SPEECH.variable, &path_of(&[empty.path()]))
            .expect_err("nothing to find");
        assert_eq!(
            error.to_string(),
            "no speech program found: install espeak-ng or set STRETCH_VOICE_COMMAND"
        );
    }

    #[test]
    fn the_setting_wins_over_the_search_unless_it_is_blank() {
        let dir = tempfile::tempdir().expect("tempdir");
        let espeak = write_program(dir.path(), "espeak", "", 0o755);
        let mine = write_program(dir.path(), "mine", "", 0o755);
        let path = path_of(&[dir.path()]);
        assert_eq!(
            find_in(&SPEECH, Some("mine --slow"), SPEECH.variable, &path)
                .expect("setting")
                .program,
            mine
        );
        assert_eq!(
            find_in(&SPEECH, Some(" \t "), SPEECH.variable, &path)
                .expect("search")
                .program,
            espeak
        );
        assert_eq!(
            find_in(&SPEECH, None, SPEECH.variable, &path)
                .expect("search")
                .program,
            espeak
        );
    }

    #[test]
    fn the_setting_is_a_program_and_fixed_arguments() {
        let dir = tempfile::tempdir().expect("tempdir");
        let program = write_program(dir.path(), "speak", "", 0o755);
        let path = path_of(&[dir.path()]);
        let voice =
            from_setting("  speak -s 150\t--quiet ", SPEECH.variable, &path).expect("voice");
        assert_eq!(voice.program, program);
        assert_eq!(voice.args, ["-s", "150", "--quiet"]);

        let by_path = from_setting(
            &format!("{} -v en", program.display()),
            SPEECH.variable,
            OsStr::new(""),
        )
        .expect("voice");
        assert_eq!(by_path.program, program);
        assert_eq!(by_path.args, ["-v", "en"]);
    }

    #[test]
    fn spd_say_waits_for_its_speech_to_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let spd_say = write_program(dir.path(), "spd-say", "", 0o755);
        let path = path_of(&[dir.path()]);
        let found = find_in(&SPEECH, None, SPEECH.variable, &path).expect("search");
        assert_eq!(found.program, spd_say);
        assert_eq!(found.args, ["--wait"]);
        let set = from_setting("spd-say -r 50", SPEECH.variable, &path).expect("setting");
        assert_eq!(set.args, ["--wait", "-r", "50"]);
        let by_path = from_setting(
            &spd_say.display().to_string(),
            SPEECH.variable,
            OsStr::new(""),
        )
        .expect("path");
        assert_eq!(by_path.args, ["--wait"]);
        let other = write_program(dir.path(), "spd-say-not", "", 0o755);
        let not_spd_say =
            from_setting(&other.display().to_string(), SPEECH.variable, &path).expect("other");
        assert!(not_spd_say.args.is_empty());
    }

    #[test]
    fn a_setting_that_names_no_program_is_a_clear_error() {
        let error = from_setting("/nonexistent", SPEECH.variable, OsStr::new(""))
            .expect_err("no such program");
        assert_eq!(
            error.to_string(),
            "STRETCH_VOICE_COMMAND names `/nonexistent`, which is not an executable program"
        );
        let error = from_setting(
            "nosuchspeaker --fast",
            SPEECH.variable,
            OsStr::new("/usr/bin"),
        )
        .expect_err("not on PATH");
        assert_eq!(
            error.to_string(),
            "STRETCH_VOICE_COMMAND names `nosuchspeaker`, which is not an executable program on PATH"
        );
    }

    #[test]
    fn speakable_text_never_starts_with_a_dash() {
        assert_eq!(speakable("-w.bashrc"), "w.bashrc");
        assert_eq!(speakable(" -- \t-f /etc/passwd"), "f /etc/passwd");
        assert_eq!(speakable("\n-x"), "x");
        assert_eq!(speakable("Toe touch - left side"), "Toe touch - left side");
        assert_eq!(speakable(" - -\t"), "");
    }
}
