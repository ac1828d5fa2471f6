//! The `due` command, for shell prompts, cron and timers: exit 0 and say nothing when today
//! already counts; otherwise exit 1 with one line of nudge. It reads the history backwards
//! from its end, only as far as today and the current streak need, and never warns about
//! a damaged line: a prompt is no place for it.

use std::process::{Command, Stdio};

use crate::cli::DueArgs;
use crate::error::Error;
use stretch_timer::frontend::output::print_stdout;
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

/// Send `text` as a desktop notification, if the system has a way: `osascript` on macOS,
/// `notify-send` elsewhere. Without one, or if it fails, nothing happens. The text is one
/// argument, never read by a shell.
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
    let _ = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}
