//! A routine as the rest of the program sees it: already parsed and validated,
//! so every value here is within the ranges the file format allows.

use std::time::Duration;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
    /// Only for a whole routine: suits every level.
    All,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
            Level::All => "all",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sides {
    /// One hold per rep.
    None,
    /// Left side, a switch, then the right side, for every rep.
    Both,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Shown in turn with the other rotating cues, spread evenly over the hold.
    Rotating(String),
    /// Shown once `at` of the hold has passed.
    Timed { at: Duration, text: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stretch {
    pub id: String,
    pub name: String,
    pub level: Option<Level>,
    pub how: String,
    pub hold: Duration,
    pub sides: Sides,
    pub reps: u32,
    pub cues: Vec<Cue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    pub name: String,
    pub description: String,
    pub level: Level,
    pub hold: Duration,
    pub rest: Duration,
    pub switch: Duration,
    pub lead_in: Duration,
    /// Reminders for every stretch, shown after each stretch's own rotating cues.
    pub cues: Vec<String>,
    pub stretches: Vec<Stretch>,
}
