//! What the checks of the working day remember between runs, in one small file,
//! `$XDG_STATE_HOME/stretch/workday.json` (else `~/.local/state/stretch/workday.json`):
//! the last nudge, the snooze, and the user's time away as the checks saw it. The file is
//! replaced whole at each change; one that is missing or damaged is an empty state.

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::presence::Presence;
use crate::fs::{self, Expect};

/// The largest state file read: it holds a few times.
const MAX_BYTES: u64 = 4096;

/// A check that saw the user away more than this long ago says nothing of now: the checks
/// have stopped (out of hours, the timer turned off), and `status` no longer says away.
pub const AWAY_STALE: Duration = Duration::from_secs(15 * 60);

/// The state of the working day, as the file holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The last nudge: the next comes no sooner than an interval after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nudged: Option<Timestamp>,
    /// No nudge until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<Timestamp>,
    /// While the user is away: since when, as first seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away_since: Option<Timestamp>,
    /// While the user is away: the last check that saw it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away_seen: Option<Timestamp>,
    /// The end of the last time away long enough to count as a break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub break_at: Option<Timestamp>,
}

impl State {
    /// The state after a check at `now` found the user as `presence` says; a time away of
    /// at least `away` that has just ended counts as a break, ending when the user came
    /// back. A check that could not tell changes nothing.
    pub fn observe(&self, presence: Presence, now: Timestamp, away: Duration) -> State {
        let mut next = self.clone();
        match presence {
            Presence::Unknown(_) => {}
            Presence::Away { since } => {
                // The earliest start known: what logind says, or what a check saw first.
                let since = since.filter(|since| *since <= now);
                next.away_since = [self.away_since, since, Some(now)]
                    .into_iter()
                    .flatten()
                    .min();
                next.away_seen = Some(now);
            }
            Presence::Present { since } => {
                if let Some(start) = self.away_since {
                    // Back when logind says, if that is after the start; else as last seen.
                    let back = since
                        .filter(|back| *back >= start && *back <= now)
                        .or(self.away_seen)
                        .unwrap_or(now);
                    if back.duration_since(start)
                        >= SignedDuration::try_from(away).unwrap_or(SignedDuration::MAX)
                    {
                        next.break_at = next.break_at.max(Some(back));
                    }
                }
                next.away_since = None;
                next.away_seen = None;
            }
        }
        next
    }

    /// Since when the user is away, if a check saw it lately (within [`AWAY_STALE`]).
    pub fn away(&self, now: Timestamp) -> Option<Timestamp> {
        let seen = self.away_seen?;
        let stale = SignedDuration::try_from(AWAY_STALE).unwrap_or(SignedDuration::MAX);
        (now.duration_since(seen) <= stale).then_some(self.away_since?)
    }

    /// The snooze's end, if one is in force at `now`.
    pub fn snoozed(&self, now: Timestamp) -> Option<Timestamp> {
        self.snoozed_until.filter(|until| *until > now)
    }

    /// The state as the file holds it: one line of JSON.
    pub fn to_line(&self) -> String {
        // Timestamps and options cannot fail to serialize.
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }

    /// The state a file's bytes hold: an empty state for anything that is not one.
    pub fn from_bytes(bytes: &[u8]) -> State {
        serde_json::from_slice(bytes).unwrap_or_default()
    }
}

/// `$XDG_STATE_HOME/stretch/workday.json`, else `~/.local/state/stretch/workday.json`.
pub fn path() -> Result<PathBuf, fs::NoHome> {
    Ok(fs::folders::state()?.join("workday.json"))
}

/// The state in the file at `path`: empty when there is none, or it cannot be read (not
/// a regular file, larger than 4 KiB).
pub fn load(path: &Path) -> State {
    match fs::read(path, MAX_BYTES, Expect::Regular) {
        Ok(bytes) => State::from_bytes(&bytes),
        Err(_) => State::default(),
    }
}

/// Change the state in the file at `path` by `change`, read afresh just before, so that
/// a change made meanwhile by another `stretch` (a snooze while a notification waited) is
/// kept; the file is replaced whole ([`fs::write_atomic`]): a reader sees the old state or
/// the new one. The new state, and whether it could be written.
pub fn update(path: &Path, change: impl FnOnce(&mut State)) -> (State, anyhow::Result<()>) {
    let mut state = load(path);
    let before = state.clone();
    change(&mut state);
    let written = if state == before {
        Ok(())
    } else {
        fs::write_atomic(path, state.to_line().as_bytes()).map_err(anyhow::Error::from)
    };
    (state, written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + minutes * 60).unwrap()
    }

    const AWAY: Duration = Duration::from_secs(5 * 60);

    #[test]
    fn a_time_away_long_enough_is_a_break_ending_when_the_user_came_back() {
        let state = State::default()
            .observe(
                Presence::Away {
                    since: Some(at(-2)),
                },
                at(0),
                AWAY,
            )
            .observe(
                Presence::Away {
                    since: Some(at(-2)),
                },
                at(5),
                AWAY,
            );
        assert_eq!(
            (state.away_since, state.away_seen),
            (Some(at(-2)), Some(at(5)))
        );
        assert_eq!(state.away(at(6)), Some(at(-2)));
        let back = state.observe(Presence::Present { since: Some(at(7)) }, at(10), AWAY);
        assert_eq!(back.break_at, Some(at(7)));
        assert_eq!((back.away_since, back.away_seen), (None, None));
    }

    #[test]
    fn a_short_time_away_is_no_break() {
        let state = State::default().observe(Presence::Away { since: Some(at(0)) }, at(1), AWAY);
        let back = state.observe(Presence::Present { since: Some(at(4)) }, at(5), AWAY);
        assert_eq!(back.break_at, None);
        assert_eq!(back.away_since, None);
    }

    #[test]
    fn without_times_from_logind_the_checks_own_times_bound_the_time_away() {
        // Locked with no idle time: away from the first check that saw it until the last.
        let state = State::default()
            .observe(Presence::Away { since: None }, at(0), AWAY)
            .observe(Presence::Away { since: None }, at(6), AWAY);
        assert_eq!(state.away_since, Some(at(0)));
        let back = state.observe(Presence::Present { since: None }, at(9), AWAY);
        assert_eq!(back.break_at, Some(at(6)));
        // A time logind gives from before the start is no time of coming back.
        let back = state.observe(
            Presence::Present {
                since: Some(at(-30)),
            },
            at(9),
            AWAY,
        );
        assert_eq!(back.break_at, Some(at(6)));
    }

    #[test]
    fn a_check_that_cannot_tell_changes_nothing_and_an_old_one_says_nothing_of_now() {
        let state = State::default().observe(Presence::Away { since: None }, at(0), AWAY);
        let same = state.observe(Presence::Unknown("no logind".into()), at(3), AWAY);
        assert_eq!(same, state);
        assert_eq!(state.away(at(15)), Some(at(0)));
        assert_eq!(state.away(at(16)), None, "stale");
    }

    #[test]
    fn the_file_is_one_line_of_json_and_damage_is_an_empty_state() {
        let state = State {
            nudged: Some(at(0)),
            snoozed_until: Some(at(30)),
            ..State::default()
        };
        let line = state.to_line();
        assert_eq!(
            line,
            "{\"nudged\":\"2027-01-15T08:00:00Z\",\"snoozed_until\":\"2027-01-15T08:30:00Z\"}\n"
        );
        assert_eq!(State::from_bytes(line.as_bytes()), state);
        assert_eq!(State::from_bytes(b"{\"nudged\":"), State::default());
        assert_eq!(State::from_bytes(b"\xff"), State::default());
        assert_eq!(state.snoozed(at(29)), Some(at(30)));
        assert_eq!(state.snoozed(at(30)), None);
    }

    #[test]
    fn an_update_replaces_the_file_and_keeps_what_it_does_not_change() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("state").join("workday.json");
        assert_eq!(load(&path), State::default());
        update(&path, |state| state.nudged = Some(at(0))).1.unwrap();
        update(&path, |state| state.snoozed_until = Some(at(15)))
            .1
            .unwrap();
        let state = load(&path);
        assert_eq!(
            (state.nudged, state.snoozed_until),
            (Some(at(0)), Some(at(15)))
        );
        let entries = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(entries, 1, "no temporary file is left");
    }
}
