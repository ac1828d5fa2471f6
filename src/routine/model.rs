//! A routine as the rest of the program sees it: already parsed and validated,
//! so every value here is within the ranges the file format allows.

use std::time::Duration;

use serde::{Serialize, Serializer};

/// How hard a stretch is, or whom a whole routine suits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// For someone new to stretching.
    Beginner,
    /// For someone who stretches now and then.
    Intermediate,
    /// For someone who stretches often.
    Advanced,
    /// Only for a whole routine: suits every level.
    All,
}

impl Level {
    /// The levels a stretch may have (and `run --level` picks from), in the order offered.
    pub const STRETCH: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The levels a routine may have: a stretch's, or all of them.
    pub const ROUTINE: [Level; 4] = [
        Level::Beginner,
        Level::Intermediate,
        Level::Advanced,
        Level::All,
    ];

    /// The level's name, as routine files, the command line and the output write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
            Level::All => "all",
        }
    }
}

/// Written as its name, as routine files write it.
impl Serialize for Level {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Whether a stretch is held once per rep, or once on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    /// One hold per rep.
    None,
    /// Left side, a switch, then the right side, for every rep.
    Both,
}

impl Sides {
    /// Every value `sides` may have, in the order offered.
    pub const ALL: [Sides; 2] = [Sides::None, Sides::Both];

    /// The name of the value, as routine files and the output write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Sides::None => "none",
            Sides::Both => "both",
        }
    }
}

/// Written as its name, as routine files write it.
impl Serialize for Sides {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The value of `names` whose name is `name`, if any: how a name read from a routine file
/// or the command line becomes a [`Level`] or a [`Sides`].
pub fn named<T: Copy>(names: &[T], as_str: fn(T) -> &'static str, name: &str) -> Option<T> {
    names.iter().copied().find(|&value| as_str(value) == name)
}

/// A reminder shown during a stretch's hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Shown in turn with the other rotating cues, spread evenly over the hold.
    Rotating(String),
    /// Shown once `at` of the hold has passed.
    Timed {
        /// How far into the hold the cue is shown; shorter than the hold.
        at: Duration,
        /// What the cue says.
        text: String,
    },
}

/// One stretch of a routine, with its own values or the routine's defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// Names the stretch for `run --only` and `--skip`: unique in its routine.
    pub id: String,
    /// The stretch's name, shown while it is held.
    pub name: String,
    /// How hard it is, if the file says; `run --level` picks stretches by it.
    pub level: Option<Level>,
    /// How to do the stretch, possibly over several lines; may be empty.
    pub how: String,
    /// How long each hold lasts.
    pub hold: Duration,
    /// Whether each rep is held once, or on each side.
    pub sides: Sides,
    /// What a side is called after "left" and "right": "leg", "arm", "side".
    pub side_label: String,
    /// How many times the stretch is done, at least once.
    pub reps: u32,
    /// The stretch's own cues, in file order.
    pub cues: Vec<Cue>,
    /// The name of the figure that shows the pose, one of the library's
    /// ([`pose::find`](crate::routine::pose::find) finds it).
    pub figure: Option<String>,
}

/// A whole routine, with every default filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    /// The routine's name, as `show` and the screen title give it.
    pub name: String,
    /// What the routine is for; may be empty.
    pub description: String,
    /// Whom the routine suits.
    pub level: Level,
    /// The hold of a stretch that gives none of its own.
    pub hold: Duration,
    /// The "next up" gap between two stretches.
    pub rest: Duration,
    /// The gap between two sides or two reps of a stretch.
    pub switch: Duration,
    /// The "get ready" gap before the first stretch.
    pub lead_in: Duration,
    /// Reminders for every stretch, shown after each stretch's own rotating cues.
    pub cues: Vec<String>,
    /// The stretches, in the order they are done; at least one.
    pub stretches: Vec<Stretch>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_and_sides_is_found_by_its_own_name() {
        for level in Level::ROUTINE {
            assert_eq!(
                named(&Level::ROUTINE, Level::as_str, level.as_str()),
                Some(level)
            );
        }
        for sides in Sides::ALL {
            assert_eq!(
                named(&Sides::ALL, Sides::as_str, sides.as_str()),
                Some(sides)
            );
        }
    }

    #[test]
    fn a_stretch_cannot_be_for_all_levels() {
        assert_eq!(named(&Level::STRETCH, Level::as_str, "all"), None);
        assert_eq!(
            named(&Level::ROUTINE, Level::as_str, "all"),
            Some(Level::All)
        );
        assert_eq!(named(&Level::ROUTINE, Level::as_str, "Beginner"), None);
    }

    #[test]
    fn levels_and_sides_serialize_as_their_names() {
        let json = serde_json::to_string(&(Level::Intermediate, Sides::Both)).expect("json");
        assert_eq!(json, r#"["intermediate","both"]"#);
    }
}
