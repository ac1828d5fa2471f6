//! Whether the user is at the computer: on Linux, logind's idle and lock hints of the
//! session (`loginctl`); on macOS, the time since the last input (`ioreg`). Each helper
//! runs with a time limit; where none answers, the presence is unknown and the user is
//! taken to be there.

use std::time::Duration;

use jiff::Timestamp;

use super::helper::{self, Failed};

/// How long a helper may take to answer.
const LIMIT: Duration = Duration::from_secs(3);

/// The hints read.
const HINTS: [&str; 6] = ["-p", "IdleHint", "-p", "IdleSinceHint", "-p", "LockedHint"];

/// What a check found of the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Presence {
    /// At the computer; back since then, when known.
    Present {
        /// When the user last came back (logind's last change of the idle hint).
        since: Option<Timestamp>,
    },
    /// Idle or with the screen locked; since then, when known.
    Away {
        /// When the session went idle.
        since: Option<Timestamp>,
    },
    /// It cannot be told, for this reason: the user is taken to be there.
    Unknown(String),
}

/// Where the presence was read from, and what it said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The source, as `stretch config` names it: `logind (session 3)`, `ioreg`; or what
    /// was tried, when nothing answered.
    pub source: String,
    /// What it said.
    pub presence: Presence,
}

/// The user's presence now, from the system (`now` places the time since the last input
/// that macOS gives).
pub fn read(now: Timestamp) -> Reading {
    if cfg!(target_os = "macos") {
        let presence = match helper::run("ioreg", &["-c", "IOHIDSystem"], LIMIT) {
            Ok(output) => parse_ioreg(&output.stdout, now),
            Err(failed) => Presence::Unknown(format!("`ioreg` {failed}")),
        };
        return Reading {
            source: "ioreg (HIDIdleTime)".into(),
            presence,
        };
    }
    let session = std::env::var("XDG_SESSION_ID")
        .ok()
        .filter(|id| !id.trim().is_empty());
    let session = match session {
        Some(id) => Ok(id),
        None => user_session(),
    };
    match session {
        Ok(id) => Reading {
            source: format!("logind (session {id})"),
            presence: match loginctl(&["show-session", &id]) {
                Ok(text) => parse_loginctl(&text),
                Err(why) => Presence::Unknown(why),
            },
        },
        Err(why) => Reading {
            source: "logind".into(),
            presence: Presence::Unknown(why),
        },
    }
}

/// The session of this user that logind calls its display, for a process outside any
/// session (a systemd user service, cron): `loginctl show-user UID -p Display`.
fn user_session() -> Result<String, String> {
    let uid = nix::unistd::getuid().to_string();
    let text = loginctl(&["show-user", &uid, "-p", "Display"])?;
    property(&text, "Display")
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| "logind names no session of yours with a display".to_owned())
}

/// What `loginctl ARGS -p IdleHint -p IdleSinceHint -p LockedHint` prints (the hints
/// only added for `show-session`), or why it printed nothing.
fn loginctl(args: &[&str]) -> Result<String, String> {
    let mut all = args.to_vec();
    if args.first() == Some(&"show-session") {
        all.extend(HINTS);
    }
    let output = helper::run("loginctl", &all, LIMIT)
        .map_err(|failed: Failed| format!("`loginctl` {failed}"))?;
    if !output.status.success() {
        let said = output.stderr.lines().next().unwrap_or_default().trim();
        return Err(format!(
            "`loginctl {}` failed ({}){}",
            args.join(" "),
            output.status,
            if said.is_empty() {
                String::new()
            } else {
                format!(": {said}")
            }
        ));
    }
    Ok(output.stdout)
}

/// The value of `KEY=VALUE` for `key` in `text`.
fn property<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines().find_map(|line| {
        let (name, value) = line.split_once('=')?;
        (name.trim() == key).then_some(value.trim())
    })
}

/// The presence `loginctl show-session` gives: away when idle or locked; the time of the
/// idle hint's last change (microseconds since 1970, 0 for never) is when the user went
/// idle, or came back.
pub fn parse_loginctl(text: &str) -> Presence {
    let yes = |key| property(text, key).map(|value| value == "yes");
    let Some(idle) = yes("IdleHint") else {
        return Presence::Unknown("logind gives no idle hint".into());
    };
    let locked = yes("LockedHint").unwrap_or(false);
    let changed = property(text, "IdleSinceHint")
        .and_then(|micros| micros.parse::<i64>().ok())
        .filter(|&micros| micros > 0)
        .and_then(|micros| Timestamp::from_microsecond(micros).ok());
    match (idle, locked) {
        (true, _) => Presence::Away { since: changed },
        // Locked but not idle: the change of the idle hint is no time of locking.
        (false, true) => Presence::Away { since: None },
        (false, false) => Presence::Present { since: changed },
    }
}

/// The presence `ioreg -c IOHIDSystem` gives: `"HIDIdleTime" = NANOSECONDS` since the last
/// input. A minute without input is idle.
pub fn parse_ioreg(text: &str, now: Timestamp) -> Presence {
    let idle = text.lines().find_map(|line| {
        let (_, value) = line.split_once("\"HIDIdleTime\" =")?;
        value.trim().parse::<u64>().ok()
    });
    let Some(nanos) = idle else {
        return Presence::Unknown("ioreg gives no HIDIdleTime".into());
    };
    let idle = Duration::from_nanos(nanos);
    let last_input = jiff::SignedDuration::try_from(idle)
        .ok()
        .and_then(|idle| now.checked_sub(idle).ok());
    if idle >= Duration::from_secs(60) {
        Presence::Away { since: last_input }
    } else {
        Presence::Present { since: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logind_s_hints_say_away_when_idle_or_locked() {
        let at = Timestamp::from_second(1_800_000_000).unwrap();
        let micros = at.as_microsecond();
        assert_eq!(
            parse_loginctl(&format!(
                "IdleHint=yes\nIdleSinceHint={micros}\nLockedHint=no\n"
            )),
            Presence::Away { since: Some(at) }
        );
        assert_eq!(
            parse_loginctl(&format!(
                "IdleHint=no\nIdleSinceHint={micros}\nLockedHint=yes\n"
            )),
            Presence::Away { since: None }
        );
        assert_eq!(
            parse_loginctl(&format!(
                "IdleHint=no\nIdleSinceHint={micros}\nLockedHint=no\n"
            )),
            Presence::Present { since: Some(at) }
        );
        assert_eq!(
            parse_loginctl("IdleHint=no\nIdleSinceHint=0\n"),
            Presence::Present { since: None }
        );
        assert!(matches!(
            parse_loginctl("Display=c2\n"),
            Presence::Unknown(_)
        ));
    }

    #[test]
    fn ioreg_s_idle_time_is_away_after_a_minute() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let text = |nanos: u64| {
            format!("  | |   \"HIDIdleTime\" = {nanos}\n  | |   \"HIDIdleTimeDelta\" = 1\n")
        };
        assert_eq!(
            parse_ioreg(&text(30_000_000_000), now),
            Presence::Present { since: None }
        );
        assert_eq!(
            parse_ioreg(&text(600_000_000_000), now),
            Presence::Away {
                since: Some(Timestamp::from_second(1_800_000_000 - 600).unwrap())
            }
        );
        assert!(matches!(parse_ioreg("nothing", now), Presence::Unknown(_)));
    }
}
