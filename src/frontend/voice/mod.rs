//! Speaking cues aloud through an external speech program, without ever delaying the timer.
//!
//! The speech programs run on a speaker thread that `Voice` owns: `say` only sends the words
//! over a channel, and the thread starts each program, waits for it, reaps it, and starts
//! the utterance that waits its turn. No speech process outlives the `Voice`.

use std::env;
use std::ffi::OsStr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use nix::sys::signal::{Signal as NixSignal, killpg};
use nix::unistd::Pid;

/// The speech programs tried in turn when `STRETCH_VOICE_COMMAND` is not set.
const SPEECH_PROGRAMS: [&str; 4] = ["spd-say", "espeak-ng", "espeak", "say"];

/// Names the speech command instead of searching PATH.
pub const VOICE_COMMAND_VARIABLE: &str = "STRETCH_VOICE_COMMAND";

/// How often the speaker thread looks whether the program it runs has ended. Only while
/// one runs: an idle speaker sleeps until it is told something.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// What a new utterance does to the one being said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Cut off whatever is being said and drop what waits: used when a phase starts,
    /// which makes anything said about the last one stale.
    Interrupt,
    /// Wait for the utterance being said to end. At most one utterance waits: a newer
    /// one takes its place, since the newest news matters most.
    Queue,
}

/// Speaks through a speech program on a thread of its own.
#[derive(Debug)]
pub struct Voice {
    /// The speaker thread's inbox; taken only when the voice is dropped.
    messages: Option<Sender<Message>>,
    speaker: Option<JoinHandle<()>>,
}

/// A speech program and its fixed arguments; the text is added as one last argument.
#[derive(Debug)]
struct SpeechCommand {
    program: PathBuf,
    args: Vec<String>,
}

enum Message {
    Say {
        text: String,
        urgency: Urgency,
    },
    /// Let the utterance being said end by `deadline`, drop what waits, and stop.
    Finish {
        deadline: Instant,
    },
    /// Answered once every message sent before it has been handled.
    #[cfg(test)]
    Sync(Sender<()>),
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
        let command = find_in(setting.as_deref(), &env::var_os("PATH").unwrap_or_default())?;
        Voice::start(command)
    }

    /// Start the speaker thread for `command`.
    fn start(command: SpeechCommand) -> anyhow::Result<Voice> {
        let (messages, inbox) = mpsc::channel();
        let speaker = thread::Builder::new()
            .name("voice".to_string())
            .spawn(move || Speaker::new(command).run(&inbox))
            .context("cannot start the voice")?;
        Ok(Voice {
            messages: Some(messages),
            speaker: Some(speaker),
        })
    }

    /// Say `text`, cutting off what is being said or waiting for it as `urgency` tells.
    /// Returns at once: the speaker thread does the rest. The text is one argument, never
    /// shell input, and never starts with `-` (see `speakable`); text with nothing left to
    /// say is not said at all.
    pub fn say(&self, text: &str, urgency: Urgency) {
        let text = speakable(text);
        if text.is_empty() {
            return;
        }
        if let Some(messages) = &self.messages {
            // A speaker that is gone must not stop the routine; stay quiet.
            let _ = messages.send(Message::Say { text, urgency });
        }
    }

    /// Let the utterance in progress end, for at most `within`, then stop whatever is
    /// left, dropping any utterance still waiting: the last words of a routine ("routine
    /// complete") are worth hearing, but the program must not hang on a speech program
    /// that never ends. Returns at once: `has_finished` tells when it is done, and
    /// dropping the voice before then cuts the utterance off.
    pub fn start_finishing(&self, within: Duration) {
        if let Some(messages) = &self.messages {
            let deadline = Instant::now() + within;
            let _ = messages.send(Message::Finish { deadline });
        }
    }

    /// Whether the speaker thread has ended, its last utterance over or stopped.
    pub fn has_finished(&self) -> bool {
        self.speaker.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for Voice {
    /// Hanging up tells the speaker thread to stop what it says; it ends once it has
    /// reaped the speech program.
    fn drop(&mut self) {
        drop(self.messages.take());
        if let Some(speaker) = self.speaker.take() {
            let _ = speaker.join();
        }
    }
}

/// The speaker thread's state.
struct Speaker {
    command: SpeechCommand,
    /// The utterance being said.
    speaking: Option<Child>,
    /// The one utterance that waits for it to end.
    waiting: Option<String>,
}

impl Speaker {
    fn new(command: SpeechCommand) -> Speaker {
        Speaker {
            command,
            speaking: None,
            waiting: None,
        }
    }

    fn run(mut self, inbox: &Receiver<Message>) {
        loop {
            let message = if self.speaking.is_some() {
                match inbox.recv_timeout(POLL_INTERVAL) {
                    Ok(message) => Some(message),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match inbox.recv() {
                    Ok(message) => Some(message),
                    Err(_) => break,
                }
            };
            match message {
                Some(Message::Say { text, urgency }) => {
                    if urgency == Urgency::Interrupt {
                        self.stop();
                    }
                    self.waiting = Some(text);
                }
                Some(Message::Finish { deadline }) => {
                    self.waiting = None;
                    self.wait_until(deadline, inbox);
                    break;
                }
                #[cfg(test)]
                Some(Message::Sync(reply)) => {
                    let _ = reply.send(());
                }
                None => {}
            }
            self.next();
        }
        self.stop();
    }

    /// Reap the utterance being said if it has ended, and start the waiting one if
    /// nothing is being said.
    fn next(&mut self) {
        if let Some(child) = &mut self.speaking
            && !matches!(child.try_wait(), Ok(None))
        {
            self.speaking = None;
        }
        if self.speaking.is_none()
            && let Some(text) = self.waiting.take()
        {
            self.speaking = self.spawn(&text);
        }
    }

    fn spawn(&self, text: &str) -> Option<Child> {
        Command::new(&self.command.program)
            .args(&self.command.args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // A group of its own, so that `stop` reaches whatever it starts in turn (a
            // script that runs espeak, say).
            .process_group(0)
            .spawn()
            // A voice that fails now (program removed, too many processes) must not stop
            // the routine, and there is no place on the full screen to say so; stay quiet.
            .ok()
    }

    /// Let the utterance being said end, for at most until `deadline`, or until the
    /// `Voice` hangs up because the program must end now.
    fn wait_until(&mut self, deadline: Instant, inbox: &Receiver<Message>) {
        while let Some(child) = &mut self.speaking
            && matches!(child.try_wait(), Ok(None))
        {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            // Nothing is sent after `Finish`; only the hang-up matters here.
            if let Err(RecvTimeoutError::Disconnected) = inbox.recv_timeout(left.min(POLL_INTERVAL))
            {
                return;
            }
        }
    }

    /// Cut off the utterance being said, and reap it.
    fn stop(&mut self) {
        if let Some(mut child) = self.speaking.take()
            && matches!(child.try_wait(), Ok(None))
        {
            // Until it is reaped below, the child's id (its group's id) cannot be reused.
            match i32::try_from(child.id()) {
                Ok(group) => {
                    let _ = killpg(Pid::from_raw(group), NixSignal::SIGKILL);
                }
                Err(_) => {
                    let _ = child.kill();
                }
            }
            let _ = child.wait();
        }
    }
}

impl SpeechCommand {
    fn new(program: PathBuf, mut args: Vec<String>) -> SpeechCommand {
        if program.file_name() == Some(OsStr::new("spd-say")) {
            args.insert(0, "--wait".to_string());
        }
        SpeechCommand { program, args }
    }
}

/// Routine text reaches the speech program without control characters, and never as an
/// option: a stretch named `-w.bashrc` would make espeak write a WAV file over `.bashrc`,
/// and `-f FILE` would read a file aloud. Leading dashes and white space are dropped.
fn speakable(text: &str) -> String {
    crate::routine::text::terminal_safe(text)
        .trim_start_matches(|c: char| c == '-' || c.is_whitespace())
        .to_string()
}

/// `find`, given the setting of `STRETCH_VOICE_COMMAND` (empty counts as unset) and PATH.
fn find_in(setting: Option<&str>, path: &OsStr) -> anyhow::Result<SpeechCommand> {
    if let Some(setting) = setting.filter(|setting| !setting.trim().is_empty()) {
        return from_setting(setting, path);
    }
    match find_first_on_path(&SPEECH_PROGRAMS, path) {
        Some(program) => Ok(SpeechCommand::new(program, Vec::new())),
        None => bail!("no speech program found: install espeak-ng or set {VOICE_COMMAND_VARIABLE}"),
    }
}

fn from_setting(setting: &str, path: &OsStr) -> anyhow::Result<SpeechCommand> {
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

    fn voice(program: &str, args: &[&str]) -> Voice {
        let args = args.iter().map(|arg| arg.to_string()).collect();
        Voice::start(SpeechCommand::new(PathBuf::from(program), args)).expect("voice")
    }

    /// A voice whose speech program is `sh -c script`; the text is `$1`.
    fn shell_voice(script: &str) -> Voice {
        voice("/bin/sh", &["-c", script, "sh"])
    }

    impl Voice {
        /// `start_finishing`, then wait for the speaker thread to end before the voice is
        /// dropped, which would cut it short.
        fn finish(self, within: Duration) {
            self.start_finishing(within);
            while !self.has_finished() {
                thread::sleep(Duration::from_millis(5));
            }
        }

        /// Returns once the speaker thread has handled everything said before.
        fn sync(&self) {
            let (reply, answer) = mpsc::channel();
            let messages = self.messages.as_ref().expect("speaker");
            messages.send(Message::Sync(reply)).expect("send");
            answer.recv().expect("answer");
        }
    }

    fn read_pid(file: &Path) -> Option<u32> {
        fs::read_to_string(file).ok()?.trim().parse().ok()
    }

    /// A fake speech program that notes when each utterance starts and ends, and keeps
    /// saying it until the test lets it end.
    struct Gated {
        dir: tempfile::TempDir,
    }

    impl Gated {
        fn new() -> Gated {
            Gated {
                dir: tempfile::tempdir().expect("tempdir"),
            }
        }

        fn voice(&self) -> Voice {
            let dir = self.dir.path().display();
            shell_voice(&format!(
                "dir='{dir}'; echo $$ > \"$dir/pid-$1\"; echo \"start $1\" >> \"$dir/said\"; \
                 while [ ! -e \"$dir/go-$1\" ]; do sleep 0.01; done; \
                 echo \"end $1\" >> \"$dir/said\""
            ))
        }

        /// A voice that has begun to say "routine complete" and goes on until let end.
        fn saying_last_words(&self) -> Voice {
            let voice = self.voice();
            voice.say("routine complete", Urgency::Interrupt);
            self.wait_until_said(1);
            voice
        }

        fn said(&self) -> Vec<String> {
            let said = fs::read_to_string(self.dir.path().join("said")).unwrap_or_default();
            said.lines().map(str::to_string).collect()
        }

        fn wait_until_said(&self, lines: usize) -> Vec<String> {
            eventually(&format!("{lines} lines said"), || {
                self.said().len() >= lines
            });
            self.said()
        }

        fn pid(&self, text: &str) -> u32 {
            read_pid(&self.dir.path().join(format!("pid-{text}"))).expect("pid")
        }

        fn let_end(&self, text: &str) {
            fs::write(self.dir.path().join(format!("go-{text}")), "").expect("gate");
        }
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
        let script = script.display().to_string();
        let voice = voice("/bin/sh", &[&script, "-v", "en"]);
        voice.say("Don't bounce; $HOME `id` \u{1b}[2J", Urgency::Queue);
        voice.finish(Duration::from_secs(60));
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
        let script = script.display().to_string();
        for text in ["-w.bashrc", " --\t-f /etc/passwd", "- -", "done"] {
            // One voice each: `finish` lets its one utterance end.
            let voice = voice("/bin/sh", &[&script]);
            voice.say(text, Urgency::Interrupt);
            voice.finish(Duration::from_secs(60));
        }
        assert_eq!(
            fs::read_to_string(&out).expect("output"),
            "w.bashrc|f /etc/passwd|done|"
        );
    }

    #[test]
    fn a_cue_waits_for_the_utterance_being_said_and_only_the_newest_waits() {
        let gated = Gated::new();
        let voice = gated.voice();
        voice.say("one", Urgency::Queue);
        assert_eq!(gated.wait_until_said(1), ["start one"]);
        voice.say("two", Urgency::Queue);
        voice.say("three", Urgency::Queue);
        voice.sync();
        // Nothing cut off, nothing started: both wait, and "three" took the place of "two".
        assert_eq!(gated.said(), ["start one"]);
        gated.let_end("one");
        assert_eq!(
            gated.wait_until_said(3),
            ["start one", "end one", "start three"]
        );
        gated.let_end("three");
        voice.finish(Duration::from_secs(60));
        assert_eq!(
            gated.said(),
            ["start one", "end one", "start three", "end three"]
        );
        assert!(gone(gated.pid("one")) && gone(gated.pid("three")));
    }

    #[test]
    fn a_new_phase_cuts_off_what_is_said_and_drops_what_waits() {
        let gated = Gated::new();
        let voice = gated.voice();
        voice.say("one", Urgency::Interrupt);
        assert_eq!(gated.wait_until_said(1), ["start one"]);
        let one = gated.pid("one");
        voice.say("two", Urgency::Queue);
        voice.say("three", Urgency::Interrupt);
        assert_eq!(gated.wait_until_said(2), ["start one", "start three"]);
        // Killed and reaped before the next began: not even a zombie is left.
        assert!(gone(one), "the cut-off utterance is still there");
        gated.let_end("three");
        voice.finish(Duration::from_secs(60));
        assert_eq!(gated.said(), ["start one", "start three", "end three"]);
    }

    #[test]
    fn an_utterance_that_ends_is_reaped_while_the_voice_waits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("pid");
        let voice = shell_voice(&format!("echo $$ > '{}'", pid_file.display()));
        voice.say("hello", Urgency::Queue);
        let mut pid = None;
        eventually("the utterance starts", || {
            pid = read_pid(&pid_file);
            pid.is_some()
        });
        let pid = pid.expect("pid");
        // Nobody calls anything on the voice: its speaker thread reaps on its own.
        eventually("the utterance is reaped", || gone(pid));
        drop(voice);
    }

    #[test]
    fn dropping_the_voice_stops_what_it_says() {
        let gated = Gated::new();
        let voice = gated.voice();
        voice.say("one", Urgency::Queue);
        gated.wait_until_said(1);
        let one = gated.pid("one");
        assert!(!gone(one));
        drop(voice);
        assert!(gone(one), "the utterance outlived the voice");
        assert_eq!(gated.said(), ["start one"]);
    }

    #[test]
    fn finish_lets_the_last_words_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("said");
        let voice = shell_voice(&format!(
            "sleep 0.2; printf '%s' \"$1\" > '{}'",
            out.display()
        ));
        voice.say("routine complete", Urgency::Interrupt);
        voice.finish(Duration::from_secs(60));
        assert_eq!(
            fs::read_to_string(&out).expect("spoken"),
            "routine complete"
        );
    }

    #[test]
    fn finish_stops_a_voice_that_never_ends() {
        let gated = Gated::new();
        let voice = gated.saying_last_words();
        let pid = gated.pid("routine complete");
        voice.finish(Duration::from_millis(50));
        assert!(gone(pid), "the utterance outlived finish");
        assert_eq!(gated.said(), ["start routine complete"]);
    }

    #[test]
    fn dropping_the_voice_cuts_its_last_words_short() {
        let gated = Gated::new();
        let voice = gated.saying_last_words();
        let pid = gated.pid("routine complete");
        voice.start_finishing(Duration::from_secs(60));
        assert!(!voice.has_finished(), "it waits for the last words");
        drop(voice);
        assert!(gone(pid), "the utterance outlived the voice");
    }

    #[test]
    fn the_voice_has_finished_once_its_last_words_end() {
        let gated = Gated::new();
        let voice = gated.saying_last_words();
        voice.start_finishing(Duration::from_secs(60));
        gated.let_end("routine complete");
        eventually("the voice to finish", || voice.has_finished());
        assert_eq!(
            gated.said(),
            ["start routine complete", "end routine complete"]
        );
    }

    /// True once the process has ended, whether or not anything has reaped it yet.
    #[cfg(target_os = "linux")]
    fn ended(pid: u32) -> bool {
        // /proc/PID/stat: "PID (NAME) STATE ..."; Z is a zombie.
        match fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) => stat
                .rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
            Err(_) => true,
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn stopping_reaches_what_the_speech_program_started() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("grandchild");
        let voice = shell_voice(&format!(
            "sleep 60 & echo $! > '{}'; wait",
            pid_file.display()
        ));
        voice.say("hello", Urgency::Queue);
        eventually("the grandchild starts", || read_pid(&pid_file).is_some());
        let grandchild = read_pid(&pid_file).expect("pid");
        assert!(!ended(grandchild));
        drop(voice);
        eventually("the grandchild ends", || ended(grandchild));
    }

    #[test]
    fn a_program_that_cannot_start_is_no_crash() {
        let voice = voice("/nonexistent/speak", &[]);
        voice.say("hello", Urgency::Queue);
        voice.say("again", Urgency::Interrupt);
        voice.sync();
        voice.finish(Duration::from_secs(60));
    }
}
