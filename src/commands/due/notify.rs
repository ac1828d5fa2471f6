//! The desktop notification of a nudge: `notify-send` (or `osascript` on macOS). Where
//! `notify-send` has actions, it offers to start the break and to snooze, and `due` waits
//! for the choice no longer than the notification's own expiry. The text is one argument,
//! never read by a shell.

use std::time::Duration;

use stretch_timer::workday::helper;

/// How long the notification with actions stays; `due` waits for a choice no longer.
pub const EXPIRY: Duration = Duration::from_secs(4 * 60);

/// How long the notification's "Snooze" snoozes.
pub const SNOOZE: Duration = Duration::from_secs(15 * 60);

/// How long a plain notifier, or `notify-send --help`, may take.
const PATIENCE: Duration = Duration::from_secs(5);

/// What the user chose on the notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// "Start": run the break.
    Start,
    /// "Snooze 15 min".
    Snooze,
    /// Nothing: no actions, dismissed, expired, or no notifier at all.
    Nothing,
}

/// Send `text` as a notification, if the system has a way; with `start`, the "Start"
/// action is offered too. What was chosen, or why no notification could be sent (a
/// notifier missing, failing or hanging): the nudge was said anyway.
pub fn send(text: &str, start: bool) -> Result<Choice, String> {
    if cfg!(target_os = "macos") {
        let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
        let script = format!("display notification \"{quoted}\" with title \"stretch\"");
        return plain("osascript", &["-e", &script]);
    }
    if !has_actions() {
        return plain("notify-send", &["--app-name=stretch", "stretch", text]);
    }
    let expire = format!("--expire-time={}", EXPIRY.as_millis());
    let mut args = vec!["--app-name=stretch", &expire, "--wait"];
    if start {
        args.push("--action=start=Start");
    }
    args.extend(["--action=snooze=Snooze 15 min", "stretch", text]);
    // No longer than the expiry, also for a notifier that does not end at it by itself
    // (some notification servers keep a notification with actions until it is answered).
    match helper::run("notify-send", &args, EXPIRY) {
        Ok(output) => Ok(match output.stdout.trim() {
            "start" if start => Choice::Start,
            "snooze" => Choice::Snooze,
            _ => Choice::Nothing,
        }),
        // Expired unanswered: nothing chosen.
        Err(helper::Failed::TimedOut(_)) => Ok(Choice::Nothing),
        Err(failed) => Err(format!("`notify-send` {failed}")),
    }
}

/// A notification without actions, by `program` with `args`.
fn plain(program: &str, args: &[&str]) -> Result<Choice, String> {
    match helper::run(program, args, PATIENCE) {
        Ok(output) if output.status.success() => Ok(Choice::Nothing),
        Ok(output) => Err(format!("`{program}` failed ({})", output.status)),
        Err(failed) => Err(format!("`{program}` {failed}")),
    }
}

/// Whether `notify-send` takes `--action` (libnotify 0.7.10 and later), as its help says.
fn has_actions() -> bool {
    helper::run("notify-send", &["--help"], PATIENCE)
        .is_ok_and(|output| output.stdout.contains("--action"))
}
