//! The `due` command, for shell prompts, cron and timers: exit 0 and say nothing when today
//! already counts; otherwise exit 1 with one line of nudge. It reads the history backwards
//! from its end, only as far as today and the current streak need, and never warns about
//! a damaged line: a prompt is no place for it.

use std::io;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::DueArgs;
use crate::error::Error;
use stretch_timer::frontend::output::{self, print_stdout};
use stretch_timer::fs::{self, Expect};
use stretch_timer::history::tail::{self, Recent};
use stretch_timer::history::{file, now::now};

/// Tell whether today counts yet, as the command line asks.
pub fn run(args: &DueArgs) -> Result<(), Error> {
    let path = file::path()?;
    let today = now().date();
    let recent = match fs::open(&path, Expect::Regular) {
        Ok(history) => tail::recent(history, today)?,
        Err(error) if error.is_not_found() => Recent::NotYet { streak: 0 },
        Err(error) => return Err(error.into()),
    };
    let Recent::NotYet { streak } = recent else {
        return Ok(());
    };
    let nudge = nudge(streak);
    if !args.quiet {
        print_stdout(&format!("{nudge}\n"))?;
    }
    if args.notify {
        notify(&nudge);
    }
    Err(Error::No)
}

/// The line that says today does not count yet.
fn nudge(streak: u64) -> String {
    match streak {
        0 => "No stretching yet today: a few minutes of `stretch run` will do you good".into(),
        _ => format!(
            "No stretching yet today: keep your {streak}-day streak going with `stretch run`"
        ),
    }
}

/// How long the notifier may take: one that hangs (no notification daemon answering) is
/// stopped, so that a timer running `due --notify` always ends.
const NOTIFY_PATIENCE: Duration = Duration::from_secs(5);

/// Send `text` as a desktop notification, if the system has a way: `osascript` on macOS,
/// `notify-send` elsewhere. The text is one argument, never read by a shell. A notifier
/// that is missing, fails or takes longer than [`NOTIFY_PATIENCE`] costs one line on
/// standard error, so that a timer that can never notify says why in its journal; the
/// exit status stays that of `due`.
fn notify(text: &str) {
    let mut command = if cfg!(target_os = "macos") {
        let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
        let mut command = Command::new("osascript");
        command.arg("-e").arg(format!(
            "display notification \"{quoted}\" with title \"stretch\""
        ));
        command
    } else {
        let mut command = Command::new("notify-send");
        command.args(["--app-name=stretch", "stretch", text]);
        command
    };
    let program = command.get_program().to_string_lossy().into_owned();
    let spawned = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            output::warn(format!("cannot notify: `{program}` is not installed"));
            return;
        }
        Err(error) => {
            output::warn(format!("cannot notify: `{program}` did not start: {error}"));
            return;
        }
    };
    let deadline = Instant::now() + NOTIFY_PATIENCE;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return,
            Ok(Some(status)) => {
                output::warn(format!("cannot notify: `{program}` failed ({status})"));
                return;
            }
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                output::warn(format!(
                    "cannot notify: `{program}` did not finish within {} s and was stopped",
                    NOTIFY_PATIENCE.as_secs()
                ));
                return;
            }
        }
    }
}
