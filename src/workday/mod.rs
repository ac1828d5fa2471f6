//! Through the working day: breaks at intervals within working hours, no nudge twice in
//! an interval, none while the user is away (and time away counted as a break), snoozes,
//! and when the check runs.
//!
//! - [`window`]: the working hours (`09:00-17:30`) and days (`mon-fri`).
//! - [`interval`]: the one rule: is a break due at a moment, and may the user be nudged.
//! - [`state`]: what the checks remember, in one small file replaced whole.
//! - [`presence`]: whether the user is at the computer (logind, or `ioreg` on macOS).
//! - [`schedule`]: the check's times as systemd `OnCalendar` and crontab lines.
//! - [`helper`]: running a helper program with a time limit.

pub mod helper;
pub mod interval;
pub mod presence;
pub mod schedule;
pub mod state;
pub mod window;
