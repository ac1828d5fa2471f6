//! Every setting, declared once: its key, its types, its flags, its variables, its
//! default and its help. Adding a setting is adding one declaration here (and, for one
//! with a flag, the flag in `cli.rs`, which a test checks against this).

use std::time::Duration;

use super::declare::{Key, Kind, settings};
use super::resolve::{Row, Setting, Source, Sources, choose};
use super::values::{Color, Readable, Shown, Voice};
use crate::routine::limits;
use crate::routine::read::Settings;

/// The routine `run` runs when neither the command line nor the file names one.
pub const DEFAULT_ROUTINE: &str = "hamstrings";

/// The longest `routine` (a name or a path) and command, in characters.
pub const MAX_SETTING_CHARS: usize = 1024;

/// A command's text: one line, at most [`MAX_SETTING_CHARS`].
const COMMAND: Kind = Kind::Text {
    max: MAX_SETTING_CHARS,
    unset: "(found on PATH)",
};

// The template writes each key with its `example`, else its `default` without backticks.
settings! {
    /// The routine `run` runs when none is named.
    ROUTINE routine: String => String = DEFAULT_ROUTINE.to_owned(), BASE {
        kind: Kind::Text { max: MAX_SETTING_CHARS, unset: "" },
        flags: &["ROUTINE"],
        default: "`\"hamstrings\"`",
        help: "What `stretch run` runs when no routine is named: a routine's name or a path" };
    /// Every hold, when something overrides the routine's own.
    HOLD hold: Duration => Option<Duration> = None, TIMING {
        kind: Kind::Duration(&limits::HOLD),
        flags: &["--hold"],
        example: "\"30s\"",
        help: "Hold every stretch this long: seconds, or e.g. 45s or 1m (1s to 10m)" };
    /// The rest between stretches, when something overrides the routine's own.
    REST rest: Duration => Option<Duration> = None, TIMING {
        kind: Kind::Duration(&limits::REST),
        flags: &["--rest"],
        example: "\"10s\"",
        help: "The \"next up\" rest between stretches (0 to 10m)" };
    /// The switch between sides and reps, when something overrides the routine's own.
    SWITCH switch: Duration => Option<Duration> = None, TIMING {
        kind: Kind::Duration(&limits::SWITCH),
        flags: &["--switch"],
        example: "\"5s\"",
        help: "The switch between sides and reps (0 to 2m)" };
    /// The lead-in, when something overrides the routine's own.
    LEAD_IN lead_in: Duration => Option<Duration> = None, TIMING {
        kind: Kind::Duration(&limits::LEAD_IN),
        flags: &["--lead-in"],
        example: "\"5s\"",
        help: "The \"get ready\" before the first stretch (0 to 2m)" };
    /// Whether the bell rings (on a terminal, and when no tones replace it).
    BELL bell: bool => bool = true, BASE {
        flags: &["--bell", "--no-bell"],
        default: "`true`",
        help: "Ring the terminal bell at the start of each phase (the default)" };
    /// The voice: off, or how much it says.
    VOICE voice: Voice => Voice = Voice::Off, BASE {
        kind: Kind::Voice,
        flags: &["--voice", "--no-voice"],
        default: "`false`",
        help: "Speak each stretch and switch, and the cues (spd-say, espeak-ng, espeak or say, \
               or $STRETCH_VOICE_COMMAND): phases, cues (the default) or all (also the \
               routine's reminders, and how to get into each stretch while getting ready)" };
    /// The speech program and its arguments, if one is named.
    VOICE_COMMAND voice_command: String => Option<String> = None, BASE {
        kind: COMMAND,
        env: &["STRETCH_VOICE_COMMAND"],
        default: "the first of spd-say, espeak-ng, espeak or say on PATH",
        example: "\"espeak-ng -s 150\"",
        help: "The speech program and its arguments, split on white space (no shell)" };
    /// Whether tones play.
    SOUND sound: bool => bool = false, BASE {
        flags: &["--sound", "--no-sound"],
        default: "`false`",
        help: "Play tones: rising when a hold starts, one note half-way, ticks in its last 3 \
               seconds, falling when it ends, a chord at the end (pw-play, paplay, aplay or \
               afplay, or $STRETCH_SOUND_COMMAND)" };
    /// The player of the tones and its arguments, if one is named.
    SOUND_COMMAND sound_command: String => Option<String> = None, BASE {
        kind: COMMAND,
        env: &["STRETCH_SOUND_COMMAND"],
        default: "the first of pw-play, paplay, aplay or afplay on PATH",
        example: "\"paplay\"",
        help: "The player of the tones and its arguments, split on white space (no shell); \
               it gets a WAV file's path" };
    /// When to colour.
    COLOR color: Color => Color = Color::Auto, BASE {
        kind: Kind::Color,
        flags: &["--color"],
        env: &["NO_COLOR", "CLICOLOR_FORCE"],
        default: "`\"auto\"`",
        help: "When to use colour: auto (on a terminal, unless NO_COLOR is set), always or \
               never" };
    /// Whether runs are recorded in the history.
    HISTORY history: bool => bool = true, BASE {
        flags: &["--log", "--no-log"],
        default: "`true`",
        help: "Record each run in your history (the default)" };
    /// Whether the full screen shows the figure of each pose.
    FIGURES figures: bool => bool = true, BASE {
        flags: &["--figures", "--no-figures"],
        default: "`true`",
        help: "Show the figure of each pose beside the countdown, where there is room (the \
               default)" };
}
