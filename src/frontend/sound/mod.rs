//! `--sound`: short tones that tell the events of a run apart by ear (see [`Tone`]),
//! played through `pw-play`, `paplay`, `aplay` or `afplay`, or `$STRETCH_SOUND_COMMAND`.
//!
//! The player runs as the voice's speech program does, on a thread of its own: playing
//! never holds up the timer, a tone cuts off the one before it (so a player that hangs
//! is stopped when the next tone starts), and no player outlives the run. No shell is
//! involved; the player gets the tone's file as its last argument.

use std::path::PathBuf;

use crate::config::keys;
use crate::frontend::voice::{Named, Search, Urgency, Voice};
use crate::plan::engine::Event;
use crate::plan::timeline::{PhaseKind, Timeline};

pub mod marks;
pub mod tones;

pub use marks::{Mark, Marks};
pub use tones::Tone;

/// Names the player and its fixed arguments instead of searching PATH.
pub const SOUND_COMMAND_VARIABLE: &str = keys::SOUND_COMMAND.env[0];

/// Where the player is looked for.
pub const PLAYERS: Search = Search {
    variable: SOUND_COMMAND_VARIABLE,
    programs: &["pw-play", "paplay", "aplay", "afplay"],
    missing: "no sound player found (pw-play, paplay, aplay or afplay)",
};

/// Plays the tones through a player on a thread of its own.
#[derive(Debug)]
pub struct Sound {
    /// Runs the player with a tone's file, as the voice runs its speech program.
    player: Voice,
    /// Each tone's file in the cache folder.
    files: Vec<(Tone, PathBuf)>,
}

impl Sound {
    /// The player `named` names (the `sound_command` setting: `$STRETCH_SOUND_COMMAND`,
    /// else the config file; split on white space as the voice's is), else the first of
    /// [`PLAYERS`] on PATH; and the tones' files written to the cache folder where they
    /// are not there yet.
    pub fn find(named: Option<Named<'_>>) -> anyhow::Result<Sound> {
        let player = Voice::find_with(&PLAYERS, named, Box::new(|_| {}))?;
        let files = tones::write_all(&tones::folder()?)?;
        Ok(Sound { player, files })
    }

    /// Play `tone`, cutting off the one playing. Returns at once.
    pub fn play(&self, tone: Tone) {
        if let Some((_, path)) = self.files.iter().find(|(t, _)| *t == tone) {
            self.player.say(&path.to_string_lossy(), Urgency::Interrupt);
        }
    }

    /// The player, to let the last tone be heard before the program exits (see
    /// `session::hear_last_words`).
    pub fn player(&self) -> &Voice {
        &self.player
    }
}

/// The tone for the events of one moment, if any: the routine's end over all, then a
/// hold's start, then a hold's end (a switch, a rest). A lead-in starts in silence.
pub fn tone_for(timeline: &Timeline, events: &[Event]) -> Option<Tone> {
    if events.contains(&Event::Finished) {
        return Some(Tone::Complete);
    }
    let kinds: Vec<PhaseKind> = events
        .iter()
        .filter_map(|event| match event {
            Event::PhaseStarted { index } => timeline.phases.get(*index).map(|p| p.kind),
            _ => None,
        })
        .collect();
    if kinds.contains(&PhaseKind::Hold) {
        Some(Tone::Start)
    } else if kinds
        .iter()
        .any(|kind| matches!(kind, PhaseKind::Switch | PhaseKind::Rest))
    {
        Some(Tone::End)
    } else {
        None
    }
}

/// The tone for a mark inside a hold.
pub fn tone_for_mark(mark: Mark) -> Tone {
    match mark {
        Mark::HalfWay => Tone::HalfWay,
        Mark::SecondsLeft(_) => Tone::Tick,
    }
}
