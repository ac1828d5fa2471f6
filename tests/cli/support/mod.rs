//! The one harness for running `stretch`: a hermetic environment ([`Env`]), a fluent
//! builder for one run of the real binary ([`Stretch`]), what the run did ([`Outcome`]),
//! a run that is still going ([`Spawned`]), the same run in a pseudo-terminal
//! ([`pty::Terminal`]), and the fixtures under `tests/fixtures`.
//!
//! ```text
//! Stretch::new().args(["run", "--plain"]).arg(fixture("run/short.toml")).run().expect_code(0);
//! ```

pub mod pty;

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{ErrorKind, Read, Write as _};
use std::os::fd::{AsFd, AsRawFd};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::poll::{PollFd, PollFlags, poll};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use tempfile::TempDir;

/// How long to wait for something that should come, before calling it lost: generous, so
/// that only a stall fails a test; nothing here limits how fast the program must be.
pub const PATIENCE: Duration = Duration::from_secs(20);
/// How often, at most, to look again while waiting for a program to exit.
const LOOK_AGAIN: Duration = Duration::from_millis(10);

/// The binary under test.
pub const STRETCH: &str = env!("CARGO_BIN_EXE_stretch");

/// Variables that would let the machine running the tests leak into a run: colour
/// forced on, a speech program, the debug-only test hooks. Every run starts without them.
const LEAKY: &[&str] = &[
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "FORCE_COLOR",
    "STRETCH_VOICE_COMMAND",
    "STRETCH_SOUND_COMMAND",
    "STRETCH_TEST_PANIC",
    "STRETCH_TEST_SPOKEN",
    "STRETCH_TEST_NOW",
    "STRETCH_TEST_SPEED",
    "TZ",
    "XDG_SESSION_ID",
];

/// A temporary root of its own holding the home, config, data, cache and state folders,
/// so that nothing on the machine leaks in and nothing a run writes leaks out. Cheap to
/// clone: the clones share one root, removed when the last of them goes.
#[derive(Clone)]
pub struct Env {
    root: Rc<TempDir>,
}

impl Env {
    pub fn new() -> Env {
        let root = tempfile::tempdir().expect("temp dir");
        for folder in ["home", "config", "data", "cache", "state"] {
            fs::create_dir_all(root.path().join(folder)).expect("a folder of the environment");
        }
        Env {
            root: Rc::new(root),
        }
    }

    /// The temporary root; runs start here unless told otherwise.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn config_home(&self) -> PathBuf {
        self.root().join("config")
    }

    /// `$XDG_CONFIG_HOME/stretch/routines`, created.
    pub fn user_folder(&self) -> PathBuf {
        let folder = self.config_home().join("stretch").join("routines");
        fs::create_dir_all(&folder).expect("user routine folder");
        folder
    }

    /// Writes `NAME.toml` into the user's routine folder and returns its path.
    pub fn add_user_routine(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.user_folder().join(format!("{name}.toml"));
        fs::write(&path, contents).expect("write user routine");
        path
    }

    /// `$XDG_DATA_HOME/stretch/history.jsonl` (not created).
    pub fn history(&self) -> PathBuf {
        self.root()
            .join("data")
            .join("stretch")
            .join("history.jsonl")
    }

    /// Puts `contents` in the history, replacing what was there, and returns its path.
    pub fn set_history(&self, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.history();
        fs::create_dir_all(path.parent().expect("a folder")).expect("the history's folder");
        fs::write(&path, contents).expect("write the history");
        path
    }

    /// A scratch folder for files made by a test (not the user's routine folder).
    pub fn scratch(&self) -> PathBuf {
        let folder = self.root().join("scratch");
        fs::create_dir_all(&folder).expect("scratch dir");
        folder
    }

    /// A run of `stretch` in this environment, to be built up and started.
    pub fn stretch(&self) -> Stretch {
        Stretch::in_env(self.clone())
    }

    /// Every run's variables: `Some` to set, `None` to remove. The pty harness hands the
    /// same ones to the terminal's command.
    fn vars(&self) -> Vec<(OsString, Option<OsString>)> {
        let mut vars: Vec<(OsString, Option<OsString>)> = [
            ("HOME", self.home()),
            ("XDG_CONFIG_HOME", self.config_home()),
            ("XDG_DATA_HOME", self.root().join("data")),
            ("XDG_CACHE_HOME", self.root().join("cache")),
            ("XDG_STATE_HOME", self.root().join("state")),
        ]
        .into_iter()
        .map(|(key, path)| (key.into(), Some(path.into_os_string())))
        .collect();
        vars.push(("NO_COLOR".into(), Some("1".into())));
        vars.push(("TERM".into(), Some("dumb".into())));
        vars.extend(LEAKY.iter().map(|key| (OsString::from(key), None)));
        vars
    }
}

/// One run of the real binary, built up fluently, in the style of `just`'s tests:
///
/// ```text
/// env.stretch().args(["show", "mine"]).current_dir(&dir).env("X", "y").run()
/// ```
///
/// Standard input is empty (`/dev/null`); the run starts in the environment's root.
pub struct Stretch {
    env: Env,
    program: OsString,
    args: Vec<OsString>,
    /// The test's own variables, applied after the environment's: `None` removes.
    vars: Vec<(OsString, Option<OsString>)>,
    dir: Option<PathBuf>,
    /// Whether the run starts from an empty environment, not this process's.
    clear: bool,
    stdout: Option<Stdio>,
    stderr: Option<Stdio>,
}

impl Stretch {
    /// A run in an environment of its own.
    pub fn new() -> Stretch {
        Stretch::in_env(Env::new())
    }

    fn in_env(env: Env) -> Stretch {
        Stretch {
            env,
            program: STRETCH.into(),
            args: Vec::new(),
            vars: Vec::new(),
            dir: None,
            clear: false,
            stdout: None,
            stderr: None,
        }
    }

    /// Runs `program` instead of `stretch`, in the same environment: for a test that
    /// starts the binary through another program, such as a shell.
    pub fn program(mut self, program: impl AsRef<OsStr>) -> Stretch {
        self.program = program.as_ref().to_owned();
        self
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Stretch {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Stretch
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|arg| arg.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Stretch {
        self.vars
            .push((key.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Starts from an empty environment: only the variables set after this, and the
    /// harness's own, reach the run; nothing of the machine's.
    pub fn env_clear(mut self) -> Stretch {
        self.clear = true;
        self
    }

    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Stretch {
        self.vars.push((key.as_ref().to_owned(), None));
        self
    }

    /// Runs the clock `times` times faster while the run waits (`STRETCH_TEST_SPEED`), for
    /// a test of what a run does, not of when: a routine of ten seconds takes one at ten
    /// times. Mind what happens outside the run in real time, which a phase too short
    /// cuts off: 10 leaves a fake speech program time to start, 2 a fake player, which
    /// starts four programs (each tried with four busy loops on two cores);
    /// [`Stretch::fast`] is for runs with neither. A release build has no such hook and
    /// runs in real time: slower, but the same run.
    pub fn speed(self, times: u32) -> Stretch {
        self.env("STRETCH_TEST_SPEED", times.to_string())
    }

    /// Twenty times faster ([`Stretch::speed`]): a phase of one second takes 50 ms, and
    /// a ten-minute hold still half a minute, longer than any test waits for it.
    pub fn fast(self) -> Stretch {
        self.speed(20)
    }

    /// Runs from `dir`, so that relative paths in diagnostics are short.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Stretch {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Where standard output goes, instead of being read by the test.
    pub fn stdout(mut self, stdout: impl Into<Stdio>) -> Stretch {
        self.stdout = Some(stdout.into());
        self
    }

    /// Where standard error goes, instead of being read by the test.
    pub fn stderr(mut self, stderr: impl Into<Stdio>) -> Stretch {
        self.stderr = Some(stderr.into());
        self
    }

    /// Every variable of the run, the environment's first and then the test's.
    fn all_vars(&self) -> Vec<(OsString, Option<OsString>)> {
        let mut vars = self.env.vars();
        vars.extend(self.vars.iter().cloned());
        vars
    }

    fn dir(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(|| self.env.root().to_owned())
    }

    fn command(&mut self) -> Command {
        let mut command = Command::new(&self.program);
        command
            .args(&self.args)
            .current_dir(self.dir())
            .stdin(Stdio::null());
        if self.clear {
            command.env_clear();
        }
        for (key, value) in self.all_vars() {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        command.stdout(self.stdout.take().unwrap_or_else(Stdio::piped));
        command.stderr(self.stderr.take().unwrap_or_else(Stdio::piped));
        command
    }

    /// Runs to the end and returns what it did. A run that shows no sign of life (no
    /// output and no exit) for [`PATIENCE`] fails the test instead of hanging it.
    pub fn run(self) -> Outcome {
        self.spawn().finish()
    }

    /// Starts the run and returns at once, its standard output to be read line by line.
    pub fn spawn(mut self) -> Spawned {
        let what = format!(
            "{} {}",
            Path::new(&self.program).display(),
            self.args
                .iter()
                .map(|arg| arg.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let mut child = self.command().spawn().expect("start stretch");
        // Read without blocking, so that every wait for it can have a deadline.
        let stdout = child.stdout.take().inspect(|stdout| {
            let fd = stdout.as_raw_fd();
            let flags = OFlag::from_bits_truncate(fcntl(fd, FcntlArg::F_GETFL).expect("flags"));
            fcntl(fd, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK)).expect("non-blocking");
        });
        // Read on a thread of its own, so that a full pipe can never stall the program.
        let stderr = child.stderr.take().map(|mut stderr| {
            let (send, receive) = mpsc::channel();
            thread::spawn(move || {
                let mut bytes = Vec::new();
                stderr.read_to_end(&mut bytes).expect("read stderr");
                let _ = send.send(bytes);
            });
            receive
        });
        Spawned {
            _env: self.env,
            what,
            child,
            stdout,
            unread: Vec::new(),
            stderr,
        }
    }
}

fn utf8(stream: &str, bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| {
        panic!(
            "{stream} is not UTF-8:\n{}",
            String::from_utf8_lossy(e.as_bytes())
        )
    })
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code; -1 when a signal ended the run.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Fails the test, showing everything, unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Outcome {
        assert_eq!(
            self.code, code,
            "exit code {} instead of {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// Fails the test if the binary panicked or crashed.
    pub fn expect_no_crash(&self, what: &str) -> &Outcome {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("has overflowed its stack"),
            "{what} crashed:\n{}",
            self.stderr
        );
        assert!(
            (0..=2).contains(&self.code),
            "{what} ended with {}:\n{}",
            self.code,
            self.stderr
        );
        self
    }
}

/// A run still going: its output read a line at a time, signals sent to it. Every wait
/// has a deadline: a run that shows no sign of life for [`PATIENCE`] fails the test. A
/// failed test does not leave it running.
pub struct Spawned {
    /// Kept until the run is over: the environment's folders go with the last clone.
    _env: Env,
    /// The command line, for the messages of a test that fails.
    what: String,
    child: Child,
    /// Standard output, non-blocking; `None` once closed or not read by the test.
    stdout: Option<ChildStdout>,
    /// What was read from standard output beyond the lines returned.
    unread: Vec<u8>,
    /// Standard error, whole once the program and its children have closed it.
    stderr: Option<Receiver<Vec<u8>>>,
}

/// What one look at a non-blocking standard output found.
enum Look {
    Bytes,
    Nothing,
    End,
}

impl Spawned {
    /// Waits for the next line of standard output and returns it with its newline (what
    /// is left without one at the end; empty at the end). Fails the test if no line comes
    /// within [`PATIENCE`].
    pub fn read_line(&mut self) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(end) = self.unread.iter().position(|&byte| byte == b'\n') {
                let line: Vec<u8> = self.unread.drain(..=end).collect();
                return utf8("stdout", line);
            }
            match self.read_until(deadline) {
                Look::Bytes => {}
                Look::End => return utf8("stdout", std::mem::take(&mut self.unread)),
                Look::Nothing => assert!(
                    Instant::now() < deadline,
                    "no line from `{}` within {PATIENCE:?}; so far: {:?}",
                    self.what,
                    String::from_utf8_lossy(&self.unread)
                ),
            }
        }
    }

    /// Waits until standard output has something to read or ends, for at most until
    /// `deadline`, and reads what it has into `unread`.
    fn read_until(&mut self, deadline: Instant) -> Look {
        let Some(stdout) = self.stdout.as_mut() else {
            return Look::End;
        };
        let left = deadline.saturating_duration_since(Instant::now());
        // Rounded up, so that a wait never ends just short of the deadline.
        let millis = u16::try_from(left.as_micros().div_ceil(1000)).unwrap_or(u16::MAX);
        let mut ready = [PollFd::new(stdout.as_fd(), PollFlags::POLLIN)];
        match poll(&mut ready, millis) {
            Ok(0) | Err(Errno::EINTR) => return Look::Nothing,
            Ok(_) => {}
            Err(error) => panic!("poll stdout of `{}`: {error}", self.what),
        }
        let mut chunk = [0; 4096];
        match stdout.read(&mut chunk) {
            Ok(0) => Look::End,
            Ok(read) => {
                self.unread.extend_from_slice(&chunk[..read]);
                Look::Bytes
            }
            Err(error)
                if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) =>
            {
                Look::Nothing
            }
            Err(error) => panic!("read stdout of `{}`: {error}", self.what),
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn signal(&self, signal: Signal) {
        let pid = Pid::from_raw(i32::try_from(self.child.id()).expect("pid fits"));
        kill(pid, signal).expect("send signal");
    }

    /// Closes the test's end of standard output, as a reader that goes away does.
    pub fn close_stdout(&mut self) {
        self.stdout = None;
        self.unread.clear();
    }

    /// Waits for the run to end; its standard output from where the test left off. Fails
    /// the test if the run shows no sign of life (no output, no exit) for [`PATIENCE`].
    pub fn finish(mut self) -> Outcome {
        let mut deadline = Instant::now() + PATIENCE;
        loop {
            match self.read_until(deadline) {
                Look::Bytes => deadline = Instant::now() + PATIENCE,
                Look::End => break,
                Look::Nothing => assert!(
                    Instant::now() < deadline,
                    "`{}` showed no sign of life for {PATIENCE:?}; its output so far:\n{}",
                    self.what,
                    String::from_utf8_lossy(&self.unread)
                ),
            }
        }
        // The end of its output is most often the end of the program: look again at once,
        // then less and less often.
        let mut pause = Duration::from_micros(100);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "`{}` closed its output but did not exit within {PATIENCE:?}",
                self.what
            );
            thread::sleep(pause);
            pause = (pause * 2).min(LOOK_AGAIN);
        };
        let stderr = self
            .stderr
            .take()
            .map(|reader| {
                reader.recv_timeout(PATIENCE).unwrap_or_else(|_| {
                    panic!(
                        "the standard error of `{}` was still open {PATIENCE:?} after it ended",
                        self.what
                    )
                })
            })
            .unwrap_or_default();
        Outcome {
            code: status.code().unwrap_or(-1),
            stdout: utf8("stdout", std::mem::take(&mut self.unread)),
            stderr: utf8("stderr", stderr),
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// This machine's `PATH` with `folder` first: a run's `stretch` on `PATH` is the one there.
pub fn path_first(folder: &Path) -> OsString {
    let system = std::env::var_os("PATH").unwrap_or_default();
    let folders = std::iter::once(folder.to_owned()).chain(std::env::split_paths(&system));
    std::env::join_paths(folders).expect("a PATH")
}

/// Whether the binary has the debug-only test hooks (`STRETCH_TEST_NOW`,
/// `STRETCH_TEST_PANIC`): a release build (`cargo test --release`) has none. Without
/// them, prints that `test` is skipped and why, for the test to return.
pub fn test_hooks(test: &str) -> bool {
    if cfg!(debug_assertions) {
        return true;
    }
    say_skipped(
        test,
        "it needs the debug-only test hooks (STRETCH_TEST_NOW, STRETCH_TEST_PANIC), which release builds leave out",
    );
    false
}

/// Prints, past the test harness's capture, that `test` is skipped and why.
pub fn say_skipped(test: &str, why: &str) {
    // Straight to the file: `eprintln!` would be captured, and shown only on a failure.
    let _ = writeln!(std::io::stderr(), "skipped {test}: {why}");
}

/// `tests/fixtures/PATH`, which must be a file.
pub fn fixture(path: &str) -> PathBuf {
    let path = fixtures().join(path);
    assert!(path.is_file(), "missing fixture {}", path.display());
    path
}

/// The contents of [`fixture`]`(path)`.
pub fn fixture_bytes(path: &str) -> Vec<u8> {
    fs::read(fixture(path)).expect("read fixture")
}

/// `tests/fixtures/PATH`, which must be a folder.
pub fn fixture_dir(path: &str) -> PathBuf {
    let path = fixtures().join(path);
    assert!(path.is_dir(), "missing fixture folder {}", path.display());
    path
}

/// The names of the `.toml` files in [`fixture_dir`]`(path)`, sorted.
pub fn fixture_names(path: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixture_dir(path))
        .expect("fixture dir")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .into_string()
                .expect("name")
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// The ` --> FILE:LINE:COLUMN` lines of a text report, in order.
pub fn locations(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(str::to_string)
        .collect()
}

/// The `error: ...` headlines of a text report, in order.
pub fn headlines(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .map(str::to_string)
        .collect()
}
