//! Through the working day, through the real binary: `due --every` at the edges of its
//! interval and hours, no second nudge within one, away and locked from a fake `loginctl`,
//! the notification's actions from a fake `notify-send`, `snooze`, every format of
//! `status`, `done`, `remind`'s interval timers, and the hooks. The clock is pinned with
//! the debug-only `STRETCH_TEST_NOW`, and the history written relative to it.

mod away;
mod done;
mod due_every;
mod hooks;
mod notify;
mod remind;
mod snooze;
mod status;

use std::fs;
use std::path::PathBuf;

use jiff::{SignedDuration, ZonedDateTime};

use crate::support::{Env, Stretch, fixture, fixture_dir, path_first};

/// The moment the tests run at: a Tuesday, 11:00 in Berlin.
pub const NOW: &str = "2026-03-03T11:00:00+01:00[Europe/Berlin]";

/// `NOW` moved by `minutes` (negative: earlier).
pub fn at(minutes: i64) -> ZonedDateTime {
    let now: ZonedDateTime = NOW.parse().unwrap();
    now.checked_add(SignedDuration::from_mins(minutes)).unwrap()
}

/// A moment as `STRETCH_TEST_NOW` takes it.
pub fn moment(when: &ZonedDateTime) -> String {
    when.to_string()
}

/// A moment as the history writes it.
fn stamp(when: &ZonedDateTime) -> String {
    when.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A history line: a session of `desk` that ended at `end`, lasting five minutes, and
/// that completed every stretch.
pub fn session(end: &ZonedDateTime) -> String {
    let start = end.checked_sub(SignedDuration::from_mins(5)).unwrap();
    format!(
        r#"{{"v":1,"start":"{}","end":"{}","routine":"desk","source":"built-in","planned_s":300,"active_s":240,"holds_done":14,"holds_total":14,"stretches_done":7,"stretches_total":7,"skipped":[],"ending":"finished"}}"#,
        stamp(&start),
        stamp(end)
    ) + "\n"
}

/// An environment whose config file says `text`.
pub fn with_config(text: &str) -> Env {
    let env = Env::new();
    let folder = env.config_home().join("stretch");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("config.toml"), text).unwrap();
    env
}

/// `$XDG_STATE_HOME/stretch/workday.json` in `env`.
pub fn state_file(env: &Env) -> PathBuf {
    env.root()
        .join("state")
        .join("stretch")
        .join("workday.json")
}

/// `PATH` with the fake `loginctl` and `notify-send` first.
pub fn fake_path() -> std::ffi::OsString {
    path_first(&fixture_dir("workday/bin"))
}

/// The hints the fake `loginctl` gives: idle or not since `since`, locked or not.
pub fn hints(idle: bool, since: &ZonedDateTime, locked: bool) -> String {
    let yes_no = |on: bool| if on { "yes" } else { "no" };
    format!(
        "IdleHint={}\nIdleSinceHint={}\nLockedHint={}",
        yes_no(idle),
        since.timestamp().as_microsecond(),
        yes_no(locked)
    )
}

/// `stretch ARGS` in `env` at `when`, with the fakes on `PATH` and logind saying `logind`
/// (`None`: no logind to ask) for session 7.
pub fn stretch_at(env: &Env, when: &ZonedDateTime, logind: Option<&str>, args: &[&str]) -> Stretch {
    let run = env
        .stretch()
        .args(args)
        .env("STRETCH_TEST_NOW", moment(when))
        .env("PATH", fake_path())
        .env("XDG_SESSION_ID", "7");
    match logind {
        Some(hints) => run.env("FAKE_LOGIND", hints),
        None => run.env_remove("FAKE_LOGIND"),
    }
}

/// `hook.sh OUT WHAT` as a command of the config file, run through `/bin/sh`.
pub fn hook(out: &std::path::Path, what: &str) -> String {
    format!(
        "[\"/bin/sh\", \"{}\", \"{}\", \"{what}\"]",
        fixture("workday/hook.sh").display(),
        out.display()
    )
}
