//! Every range and bound of the routine format, and the defaults, in one place: the
//! reader checks files against them, the command line checks `--hold` against them, and
//! the messages of both are written from them. Every range includes its ends; lengths
//! count characters after trimming. A lower bound on a length is 0 (may be empty) or 1
//! (may not be).

use std::ops::RangeInclusive;
use std::time::Duration;

/// The largest routine file read, in mebibytes, as the message for a larger one says it.
pub const MAX_FILE_MIB: usize = 1;

/// The largest routine file read, in bytes: a file is read this far and no further.
pub const MAX_FILE_BYTES: usize = MAX_FILE_MIB * 1024 * 1024;

/// How long a hold may be, in the routine, in a stretch, or from `--hold`.
pub const HOLD: RangeInclusive<Duration> = secs(1)..=secs(600);

/// How long the "next up" rest between two stretches may be.
pub const REST: RangeInclusive<Duration> = secs(0)..=secs(600);

/// The longest any phase can be: a hold or a rest at its bound. `+` during a run
/// lengthens a phase no further.
pub const MAX_PHASE: Duration = secs(600);

/// How long the switch between two sides or two reps may be.
pub const SWITCH: RangeInclusive<Duration> = secs(0)..=secs(120);

/// How long the "get ready" lead-in before the first stretch may be.
pub const LEAD_IN: RangeInclusive<Duration> = secs(0)..=secs(120);

/// How many times a stretch may be repeated.
pub const REPS: RangeInclusive<u32> = 1..=20;

/// The most stretches a routine may have; it needs at least one.
pub const MAX_STRETCHES: usize = 100;

/// The most cues a routine, or one stretch, may have.
pub const MAX_CUES: usize = 50;

/// How long the name of a routine or of a stretch may be, in characters.
pub const NAME_CHARS: RangeInclusive<usize> = 1..=80;

/// How long a routine's `description` or a stretch's `how` may be, in characters.
pub const LONG_TEXT_CHARS: RangeInclusive<usize> = 0..=2000;

/// How long the text of one cue may be, in characters.
pub const CUE_TEXT_CHARS: RangeInclusive<usize> = 1..=200;

/// How long a stretch's `side_label` may be, in characters.
pub const SIDE_LABEL_CHARS: RangeInclusive<usize> = 1..=20;

/// What a stretch held on both sides calls a side when it does not say: "left side".
pub const DEFAULT_SIDE_LABEL: &str = "side";

/// How long a stretch's id may be, in characters (all of them ASCII).
pub const ID_CHARS: RangeInclusive<usize> = 1..=40;

/// The hold of a stretch when neither it nor its routine gives one.
pub const DEFAULT_HOLD: Duration = secs(30);

/// The rest between stretches when the routine gives none.
pub const DEFAULT_REST: Duration = secs(10);

/// The switch between sides and reps when the routine gives none.
pub const DEFAULT_SWITCH: Duration = secs(5);

/// The lead-in before the first stretch when the routine gives none.
pub const DEFAULT_LEAD_IN: Duration = secs(5);

/// How many times a stretch is done when it does not say.
pub const DEFAULT_REPS: u32 = 1;

const fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// How many problems of one file are kept; the rest are only counted. A hostile file of
/// 1 MiB can have 1.5 million, and keeping each would cost hundreds of megabytes.
pub const MAX_PROBLEMS: usize = 1000;

/// The most tables a file is read with: `[table]`, `[[table]]`, `{ inline }`, or one a
/// dotted key makes. A routine has at most 5,100 (100 stretches with 50 timed cues
/// each); each costs the reader about a kilobyte and a half.
pub const MAX_TABLES: usize = 10_000;

/// The most keys and values (each element of an array is one) a file is read with. A
/// routine has at most about 22,000: 11,058 values and a key for most.
pub const MAX_ITEMS: usize = 100_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_within_its_range() {
        assert!(HOLD.contains(&DEFAULT_HOLD));
        assert!(REST.contains(&DEFAULT_REST));
        assert!(SWITCH.contains(&DEFAULT_SWITCH));
        assert!(LEAD_IN.contains(&DEFAULT_LEAD_IN));
        assert!(REPS.contains(&DEFAULT_REPS));
    }

    #[test]
    fn no_phase_is_planned_longer_than_the_longest_phase() {
        for range in [HOLD, REST, SWITCH, LEAD_IN] {
            assert!(*range.end() <= MAX_PHASE);
        }
        assert_eq!(*HOLD.end(), MAX_PHASE);
    }

    #[test]
    fn the_file_limit_is_one_mebibyte() {
        assert_eq!(MAX_FILE_BYTES, 1_048_576);
    }
}
