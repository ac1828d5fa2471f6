//! Speaking cues aloud through an external speech program, without ever delaying the timer.

use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::bail;

/// The speech programs tried in turn when `STRETCH_VOICE_COMMAND` is not set.
const SPEECH_PROGRAMS: [&str; 4] = ["spd-say", "espeak-ng", "espeak", "say"];

/// Names the speech command instead of searching PATH.
pub const VOICE_COMMAND_VARIABLE: &str = "STRETCH_VOICE_COMMAND";

#[derive(Debug)]
pub struct Voice {
    program: PathBuf,
    args: Vec<String>,
    /// The utterance still being spoken, if any.
    speaking: Option<Child>,
}

impl Voice {
    /// `$STRETCH_VOICE_COMMAND`, else the first of spd-say, espeak-ng, espeak, say on PATH.
    ///
    /// `STRETCH_VOICE_COMMAND` is split on white space into a program and fixed
    /// arguments; no quoting or escaping is interpreted, and no shell is involved.
    /// The text to speak is added as one last argument.
    ///
    /// `spd-say` (found on PATH or named by the setting) gets `--wait` first: it otherwise
    /// hands the speech to speech-dispatcher's queue and returns at once, so its process
    /// would say nothing about how long the speech lasts, and stopping it would not stop
    /// the speech.
    pub fn find() -> anyhow::Result<Voice> {
        let setting = match env::var(VOICE_COMMAND_VARIABLE) {
            Ok(setting) => Some(setting),
            Err(env::VarError::NotPresent) => None,
            Err(env::VarError::NotUnicode(_)) => {
                bail!("{VOICE_COMMAND_VARIABLE} is not valid UTF-8")
            }
        };
        find_in(setting.as_deref(), &env::var_os("PATH").unwrap_or_default())
    }

    fn new(program: PathBuf, mut args: Vec<String>) -> Voice {
        if program.file_name() == Some(OsStr::new("spd-say")) {
            args.insert(0, "--wait".to_string());
        }
        Voice {
            program,
            args,
            speaking: None,
        }
    }

    /// Start speaking `text` and return at once. The text is one argument, never shell input,
    /// and never starts with `-` (see `speakable`); text with nothing left to say is skipped.
    /// Whatever is still being said is cut off: the newest news matters most.
    pub fn say(&mut self, text: &str) {
        let text = speakable(text);
        if text.is_empty() {
            return;
        }
        self.stop();
        let spawned = Command::new(&self.program)
            .args(&self.args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        // A voice that fails now (program removed, too many processes) must not stop
        // the routine, and there is no place on the full screen to say so; stay quiet.
        self.speaking = spawned.ok();
    }

    /// Collect an utterance that has ended, so that it does not linger as a zombie.
    /// Cheap; front ends call it whenever they wake.
    pub fn reap(&mut self) {
        if let Some(child) = &mut self.speaking
            && !matches!(child.try_wait(), Ok(None))
        {
            self.speaking = None;
        }
    }

    /// Let the utterance in progress end, for at most `within`, then stop whatever is
    /// left: the last words of a routine ("routine complete") are worth hearing, but the
    /// program must not hang on a speech program that never ends.
    pub fn finish(mut self, within: Duration) {
        let deadline = Instant::now() + within;
        while let Some(child) = &mut self.speaking
            && matches!(child.try_wait(), Ok(None))
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.speaking.take()
            && matches!(child.try_wait(), Ok(None))
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Routine text reaches the speech program without control characters, and never as an
/// option: a stretch named `-w.bashrc` would make espeak write a WAV file over `.bashrc`,
/// and `-f FILE` would read a file aloud. Leading dashes and white space are dropped.
fn speakable(text: &str) -> String {
    crate::sanitize::terminal_safe(text)
        .trim_start_matches(|c: char| c == '-' || c.is_whitespace())
        .to_string()
}

/// `find`, given the setting of `STRETCH_VOICE_COMMAND` (empty counts as unset) and PATH.
fn find_in(setting: Option<&str>, path: &OsStr) -> anyhow::Result<Voice> {
    if let Some(setting) = setting.filter(|setting| !setting.trim().is_empty()) {
        return from_setting(setting, path);
    }
    match find_first_on_path(&SPEECH_PROGRAMS, path) {
        Some(program) => Ok(Voice::new(program, Vec::new())),
        None => bail!("no speech program found: install espeak-ng or set {VOICE_COMMAND_VARIABLE}"),
    }
}

fn from_setting(setting: &str, path: &OsStr) -> anyhow::Result<Voice> {
    let mut words = setting.split_whitespace().map(str::to_owned);
    let Some(program) = words.next() else {
        bail!("{VOICE_COMMAND_VARIABLE} is empty");
    };
    let Some(found) = resolve(&program, path) else {
        bail!(
            "{VOICE_COMMAND_VARIABLE} names `{program}`, which is not an executable program{}",
            if program.contains('/') {
                ""
            } else {
                " on PATH"
            }
        );
    };
    Ok(Voice::new(found, words.collect()))
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

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

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
    use std::time::{Duration, Instant};

    use nix::errno::Errno;
    use nix::sys::signal::kill;
    use nix::unistd::Pid;

    fn write_program(dir: &Path, name: &str, script: &str, mode: u32) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, script).expect("write program");
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
        path
    }

    fn path_of(dirs: &[&Path]) -> OsString {
        env::join_paths(dirs).expect("join PATH")
    }

    /// True once no process (not even a zombie) has this id.
    fn gone(pid: u32) -> bool {
        kill(Pid::from_raw(pid as i32), None) == Err(Errno::ESRCH)
    }

    fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !condition() {
            assert!(Instant::now() < deadline, "never happened: {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
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
        let error = find_in(None, &path_of(&[empty.path()])).expect_err("nothing to find");
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
            find_in(Some("mine --slow"), &path)
                .expect("setting")
                .program,
            mine
        );
        assert_eq!(
            find_in(Some(" \t "), &path).expect("search").program,
            espeak
        );
        assert_eq!(find_in(None, &path).expect("search").program, espeak);
    }

    #[test]
    fn the_setting_is_a_program_and_fixed_arguments() {
        let dir = tempfile::tempdir().expect("tempdir");
        let program = write_program(dir.path(), "speak", "", 0o755);
        let path = path_of(&[dir.path()]);
        let voice = from_setting("  speak -s 150\t--quiet ", &path).expect("voice");
        assert_eq!(voice.program, program);
        assert_eq!(voice.args, ["-s", "150", "--quiet"]);

        let by_path =
            from_setting(&format!("{} -v en", program.display()), OsStr::new("")).expect("voice");
        assert_eq!(by_path.program, program);
        assert_eq!(by_path.args, ["-v", "en"]);
    }

    #[test]
    fn spd_say_waits_for_its_speech_to_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let spd_say = write_program(dir.path(), "spd-say", "", 0o755);
        let path = path_of(&[dir.path()]);
        let found = find_in(None, &path).expect("search");
        assert_eq!(found.program, spd_say);
        assert_eq!(found.args, ["--wait"]);
        let set = from_setting("spd-say -r 50", &path).expect("setting");
        assert_eq!(set.args, ["--wait", "-r", "50"]);
        let by_path = from_setting(&spd_say.display().to_string(), OsStr::new("")).expect("path");
        assert_eq!(by_path.args, ["--wait"]);
        let other = write_program(dir.path(), "spd-say-not", "", 0o755);
        let not_spd_say = from_setting(&other.display().to_string(), &path).expect("other");
        assert!(not_spd_say.args.is_empty());
    }

    #[test]
    fn a_setting_that_names_no_program_is_a_clear_error() {
        let error = from_setting("/nonexistent", OsStr::new("")).expect_err("no such program");
        assert_eq!(
            error.to_string(),
            "STRETCH_VOICE_COMMAND names `/nonexistent`, which is not an executable program"
        );
        let error =
            from_setting("nosuchspeaker --fast", OsStr::new("/usr/bin")).expect_err("not on PATH");
        assert_eq!(
            error.to_string(),
            "STRETCH_VOICE_COMMAND names `nosuchspeaker`, which is not an executable program on PATH"
        );
    }

    #[test]
    fn text_is_one_argument_after_the_fixed_ones_and_never_shell_input() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("said");
        let script = dir.path().join("speak");
        fs::write(
            &script,
            format!("printf '%s\\n' \"$#\" \"$@\" > '{}'\n", out.display()),
        )
        .expect("script");
        // The script is handed to sh rather than run itself: a file just written can be
        // briefly "busy" to exec while another test thread forks.
        let args = vec![script.display().to_string(), "-v".into(), "en".into()];
        let mut voice = Voice::new(PathBuf::from("/bin/sh"), args);
        voice.say("Don't bounce; $HOME `id` \u{1b}[2J");
        let mut child = voice.speaking.take().expect("speaking");
        assert!(child.wait().expect("wait").success());
        assert_eq!(
            fs::read_to_string(&out).expect("output"),
            "3\n-v\nen\nDon't bounce; $HOME `id` \u{FFFD}[2J\n"
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

    #[test]
    fn leading_dashes_never_reach_the_speaker_as_options() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("said");
        let script = dir.path().join("speak");
        fs::write(
            &script,
            format!("printf '%s|' \"$@\" >> '{}'\n", out.display()),
        )
        .expect("script");
        let mut voice = Voice::new(PathBuf::from("/bin/sh"), vec![script.display().to_string()]);
        for text in ["-w.bashrc", " --\t-f /etc/passwd", "- -", "done"] {
            voice.say(text);
            if let Some(mut child) = voice.speaking.take() {
                assert!(child.wait().expect("wait").success());
            }
        }
        assert_eq!(
            fs::read_to_string(&out).expect("output"),
            "w.bashrc|f /etc/passwd|done|"
        );
    }

    #[test]
    fn a_new_utterance_cuts_off_the_last_and_nothing_is_left_behind() {
        let args = vec!["-c".into(), "exec sleep 60".into(), "sh".into()];
        let mut voice = Voice::new(PathBuf::from("/bin/sh"), args);
        voice.say("first");
        let first = voice.speaking.as_ref().expect("speaking").id();
        voice.say("second");
        // Killed and waited for at once: not even a zombie is left.
        assert!(gone(first), "first utterance still there");
        let second = voice.speaking.as_ref().expect("speaking").id();
        assert!(!gone(second));
        drop(voice);
        assert!(gone(second), "second utterance outlived the voice");
    }

    #[test]
    fn a_finished_utterance_is_reaped() {
        let mut voice = Voice::new(
            PathBuf::from("/bin/sh"),
            vec!["-c".into(), "exit 0".into(), "sh".into()],
        );
        voice.say("hello");
        let pid = voice.speaking.as_ref().expect("speaking").id();
        eventually("the utterance is reaped", || {
            voice.reap();
            voice.speaking.is_none()
        });
        assert!(gone(pid), "a zombie is left");
    }

    #[test]
    fn finish_lets_the_last_words_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("said");
        let script = format!("sleep 0.2; printf '%s' \"$1\" > '{}'", out.display());
        let mut voice = Voice::new(
            PathBuf::from("/bin/sh"),
            vec!["-c".into(), script, "sh".into()],
        );
        voice.say("routine complete");
        voice.finish(Duration::from_secs(60));
        assert_eq!(
            fs::read_to_string(&out).expect("spoken"),
            "routine complete"
        );
    }

    #[test]
    fn finish_stops_a_voice_that_never_ends() {
        let args = vec!["-c".into(), "exec sleep 60".into(), "sh".into()];
        let mut voice = Voice::new(PathBuf::from("/bin/sh"), args);
        voice.say("routine complete");
        let pid = voice.speaking.as_ref().expect("speaking").id();
        voice.finish(Duration::from_millis(50));
        assert!(gone(pid), "the utterance outlived finish");
    }

    #[test]
    fn a_program_that_cannot_start_is_no_crash() {
        let mut voice = Voice::new(PathBuf::from("/nonexistent/speak"), Vec::new());
        voice.say("hello");
        assert!(voice.speaking.is_none());
        voice.reap();
    }
}
