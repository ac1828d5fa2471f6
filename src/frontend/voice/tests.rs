//! The voice's tests: what reaches the speech program, and how the speaker thread
//! queues, cuts off, reaps and finishes its utterances.

use super::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::kill;
use nix::unistd::Pid;

/// True once no process (not even a zombie) has this id.
fn gone(pid: u32) -> bool {
    kill(Pid::from_raw(pid as i32), None) == Err(Errno::ESRCH)
}

/// How long to wait for something that should come, before calling it lost, as the
/// pty harness of the integration tests does: generous, so that only a stall fails.
const PATIENCE: Duration = Duration::from_secs(20);

fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !condition() {
        assert!(Instant::now() < deadline, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn voice(program: &str, args: &[&str]) -> Voice {
    let args = args.iter().map(|arg| arg.to_string()).collect();
    Voice::start(
        SpeechCommand::new(PathBuf::from(program), args),
        Box::new(|_| {}),
    )
    .expect("voice")
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
        let deadline = Instant::now() + within + PATIENCE;
        while !self.has_finished() {
            assert!(
                Instant::now() < deadline,
                "the speaker thread never finished"
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Returns once the speaker thread has handled everything said before.
    fn sync(&self) {
        let (reply, answer) = mpsc::channel();
        let messages = self.messages.as_ref().expect("speaker");
        messages.send(Message::Sync(reply)).expect("send");
        answer
            .recv_timeout(PATIENCE)
            .expect("the speaker thread answers");
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

/// A job of `script` for `sh -c`, its failures told to the receiver returned.
fn job(script: &str, limit: Duration) -> (Job, mpsc::Receiver<String>) {
    let (failed, failures) = mpsc::channel();
    let job = Job {
        name: "the test hook".into(),
        argv: vec!["/bin/sh".into(), "-c".into(), script.into()],
        env: vec![
            ("HOOK_SAYS".into(), Some("hello".into())),
            ("HOME".into(), None),
        ],
        limit,
        failed,
    };
    (job, failures)
}

#[test]
fn a_job_runs_beside_the_speech_with_its_environment_and_the_runner_waits_for_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let (job, failures) = job(
        &format!(
            "sleep 0.2; echo \"$HOOK_SAYS ${{HOME-none}}\" > '{}'",
            out.display()
        ),
        Duration::from_secs(60),
    );
    let runner = Voice::runner().expect("runner");
    runner.run(job);
    runner.end_within(Duration::ZERO);
    assert_eq!(fs::read_to_string(&out).expect("out"), "hello none\n");
    assert_eq!(failures.try_iter().count(), 0);
}

#[test]
fn a_job_that_fails_or_outlives_its_limit_is_told_and_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pid_file = dir.path().join("pid");
    let (slow, slow_failures) = job(
        &format!("echo $$ > '{}'; exec sleep 60", pid_file.display()),
        Duration::from_millis(300),
    );
    let (failing, failing_failures) = job("exit 4", Duration::from_secs(60));
    let runner = Voice::runner().expect("runner");
    runner.run(slow);
    runner.run(failing);
    runner.end_within(Duration::ZERO);
    assert_eq!(
        slow_failures.try_iter().collect::<Vec<_>>(),
        ["the test hook `/bin/sh` did not finish within 300ms and was stopped"]
    );
    assert_eq!(
        failing_failures.try_iter().collect::<Vec<_>>(),
        ["the test hook `/bin/sh` failed (exit status: 4)"]
    );
    assert!(gone(read_pid(&pid_file).expect("pid")));
}

#[test]
fn dropping_the_runner_ends_its_jobs_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pid_file = dir.path().join("pid");
    let (slow, _failures) = job(
        &format!("echo $$ > '{}'; exec sleep 60", pid_file.display()),
        Duration::from_secs(60),
    );
    let runner = Voice::runner().expect("runner");
    runner.run(slow);
    eventually("the job started", || read_pid(&pid_file).is_some());
    let pid = read_pid(&pid_file).expect("pid");
    drop(runner);
    assert!(gone(pid));
}
