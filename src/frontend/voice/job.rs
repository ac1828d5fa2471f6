//! A job: a program the voice's speaker thread runs beside its speech, to its end or its
//! time limit (a hook). It never holds up the caller; what goes wrong with it is told
//! back as one line.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// A program to run beside the speech: its words (never read by a shell), its
/// environment, its time limit, and where to tell a failure.
#[derive(Debug)]
pub struct Job {
    /// How messages name it: "the on_start hook".
    pub name: String,
    /// The program and its arguments.
    pub argv: Vec<String>,
    /// Variables set (`Some`) or removed (`None`) for it.
    pub env: Vec<(String, Option<String>)>,
    /// How long it may run before it is stopped.
    pub limit: Duration,
    /// Told why, in one line, if it cannot start, fails or is stopped at its limit.
    pub failed: Sender<String>,
}

/// A job that has started.
#[derive(Debug)]
pub(super) struct Running {
    job: Job,
    child: Child,
    deadline: Instant,
}

impl Job {
    /// The program's name, as messages quote it.
    fn program(&self) -> &str {
        self.argv.first().map_or("", String::as_str)
    }

    /// Tell the job's failure, `why`.
    fn fail(&self, why: &str) {
        let _ = self
            .failed
            .send(format!("{} `{}` {why}", self.name, self.program()));
    }

    /// Start the program, in a process group of its own, its output discarded; `None`
    /// (told) if it cannot start.
    pub(super) fn start(self) -> Option<Running> {
        let Some((program, args)) = self.argv.split_first() else {
            self.fail("is empty");
            return None;
        };
        let mut command = Command::new(program);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        for (name, value) in &self.env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        match command.spawn() {
            Ok(child) => Some(Running {
                deadline: Instant::now() + self.limit,
                job: self,
                child,
            }),
            Err(error) => {
                self.fail(&format!("cannot start: {error}"));
                None
            }
        }
    }
}

impl Running {
    /// The job's process group (it leads a group of its own).
    pub(super) fn group(&self) -> Option<Pid> {
        i32::try_from(self.child.id()).ok().map(Pid::from_raw)
    }

    /// When it must have ended.
    pub(super) fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Whether it is over: ended (told if it failed), or stopped at its limit (told).
    pub(super) fn is_over(&mut self) -> bool {
        match self.child.try_wait() {
            Ok(Some(status)) => {
                if !status.success() {
                    self.job.fail(&format!("failed ({status})"));
                }
                true
            }
            Ok(None) if Instant::now() < self.deadline => false,
            Ok(None) | Err(_) => {
                self.stop();
                self.job.fail(&format!(
                    "did not finish within {} and was stopped",
                    crate::routine::duration::format(self.job.limit)
                ));
                true
            }
        }
    }

    /// End it and whatever it started in its group, and reap it.
    pub(super) fn stop(&mut self) {
        if let Some(group) = self.group() {
            let _ = killpg(group, Signal::SIGKILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
