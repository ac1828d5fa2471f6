//! Running a helper program (`loginctl`, `ioreg`, `notify-send`) and reading what it
//! prints, within a time limit: argv, never a shell; standard input empty; the program in
//! a process group of its own, ended whole when the limit comes.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// The most bytes read of what a helper prints on each stream.
const MAX_OUTPUT: u64 = 64 * 1024;

/// What a helper printed, and how it ended.
#[derive(Debug)]
pub struct Output {
    /// How it ended.
    pub status: ExitStatus,
    /// Its standard output, as text.
    pub stdout: String,
    /// Its standard error, as text.
    pub stderr: String,
}

/// Why a helper gave no output.
#[derive(Debug, PartialEq, Eq)]
pub enum Failed {
    /// It is not installed (not on PATH).
    Missing,
    /// It could not be started, for this reason.
    NotStarted(String),
    /// It was still running at the time limit, and was ended.
    TimedOut(Duration),
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failed::Missing => write!(f, "is not installed"),
            Failed::NotStarted(why) => write!(f, "cannot start: {why}"),
            Failed::TimedOut(limit) => write!(
                f,
                "did not finish within {} s and was stopped",
                limit.as_secs_f64()
            ),
        }
    }
}

/// Run `program` with `args` and wait for it, at most `limit`; what it printed.
pub fn run(program: &str, args: &[&str], limit: Duration) -> Result<Output, Failed> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => Failed::Missing,
            _ => Failed::NotStarted(error.to_string()),
        })?;
    // Each stream is read on a thread of its own, so that neither can fill up and stall
    // the program; both end when it does (or is ended).
    let (done, finished) = mpsc::channel();
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|out| Box::new(out) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|err| Box::new(err) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .map(|stream| {
        let done = done.clone();
        thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(stream) = stream {
                let _ = stream.take(MAX_OUTPUT).read_to_end(&mut bytes);
            }
            let _ = done.send(());
            String::from_utf8_lossy(&bytes).into_owned()
        })
    })
    .collect();
    drop(done);
    let deadline = std::time::Instant::now() + limit;
    let mut open = readers.len();
    while open > 0 {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match finished.recv_timeout(left) {
            Ok(()) => open -= 1,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                end(&mut child);
                return Err(Failed::TimedOut(limit));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    // Both streams are closed: the program has exited, or closed them and lives on.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if std::time::Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(5));
            }
            Ok(None) | Err(_) => {
                end(&mut child);
                return Err(Failed::TimedOut(limit));
            }
        }
    };
    let mut texts = readers
        .into_iter()
        .map(|reader| reader.join().unwrap_or_default());
    Ok(Output {
        status,
        stdout: texts.next().unwrap_or_default(),
        stderr: texts.next().unwrap_or_default(),
    })
}

/// End the program and whatever it started in its group, and reap it.
fn end(child: &mut std::process::Child) {
    if let Ok(id) = i32::try_from(child.id()) {
        let _ = killpg(Pid::from_raw(id), Signal::SIGKILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_helper_prints_is_read_and_its_status_kept() {
        let output = run(
            "/bin/sh",
            &["-c", "echo out; echo err >&2; exit 3"],
            Duration::from_secs(60),
        )
        .unwrap();
        assert_eq!(
            (output.stdout.as_str(), output.stderr.as_str()),
            ("out\n", "err\n")
        );
        assert_eq!(output.status.code(), Some(3));
    }

    #[test]
    fn a_helper_that_is_not_there_or_takes_too_long_is_a_failure() {
        assert_eq!(
            run("/nonexistent/helper", &[], Duration::from_secs(1)).unwrap_err(),
            Failed::Missing
        );
        let limit = Duration::from_millis(200);
        // The grandchild holds the pipe open: it is ended with its group.
        let failed = run("/bin/sh", &["-c", "sleep 30 & sleep 30"], limit).unwrap_err();
        assert_eq!(failed, Failed::TimedOut(limit));
        assert_eq!(
            failed.to_string(),
            "did not finish within 0.2 s and was stopped"
        );
    }
}
