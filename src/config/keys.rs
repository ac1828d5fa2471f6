//! Every setting, declared once: its key, its types, its flags, its variables, its
//! default and its help. Adding a setting is adding one declaration here (and, for one
//! with a flag, the flag in `cli.rs`, which a test checks against this).

use std::time::Duration;

use super::declare::{Key, Kind, settings};
use super::resolve::{Row, Setting, Source, Sources, choose};
use std::ops::RangeInclusive;

use super::values::{Color, Readable, Shown, Voice};
use crate::routine::limits;
use crate::routine::read::Settings;
use crate::workday::window::{Days, Window};

/// The routine `run` runs when neither the command line nor the file names one.
pub const DEFAULT_ROUTINE: &str = "hamstrings";

/// The longest `routine` (a name or a path) and command, in characters.
pub const MAX_SETTING_CHARS: usize = 1024;

/// The most words of a command given as an array (`break_command`, the hooks).
pub const MAX_COMMAND_WORDS: usize = 64;

/// The interval between breaks: a minute to a day.
const INTERVAL: RangeInclusive<Duration> = Duration::from_secs(60)..=Duration::from_secs(24 * 3600);
/// How long away counts as a break: a minute to two hours.
const AWAY_FOR: RangeInclusive<Duration> = Duration::from_secs(60)..=Duration::from_secs(2 * 3600);
/// How long a hook may run: a second to ten minutes.
const HOOK_LIMIT: RangeInclusive<Duration> = Duration::from_secs(1)..=Duration::from_secs(600);

/// A command's text: one line, at most [`MAX_SETTING_CHARS`].
const COMMAND: Kind = Kind::Text {
    max: MAX_SETTING_CHARS,
    unset: "(found on PATH)",
};

// The template writes each key with its `example`, else its `default` without backticks.
settings! {
    /// The routine `run`, `show` and `guide` take when none is named.
    ROUTINE routine: String => String = DEFAULT_ROUTINE.to_owned(), BASE {
        kind: Kind::Text { max: MAX_SETTING_CHARS, unset: "" },
        flags: &["ROUTINE"],
        default: "`\"hamstrings\"`",
        help: "What `stretch run`, `show` and `guide` take when no routine is named: a routine's name or a path" };
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
    /// Breaks at intervals: how long after the last break the next is due.
    EVERY every: Duration => Option<Duration> = None, BASE {
        kind: Kind::Interval(&INTERVAL), flags: &["--every"], example: "\"50m\"",
        default: "none: `due` asks only whether you have stretched today",
        help: "Breaks at intervals: a break is due this long after the last one (e.g. 50m; 1m \
               to 24h); without it, only whether you have stretched today" };
    /// The working hours of the breaks, if only some.
    BETWEEN between: Window => Option<Window> = None, BASE { kind: Kind::Window,
        flags: &["--between"], example: "\"09:00-17:30\"", default: "all day",
        help: "The working hours of the breaks, HH:MM-HH:MM (e.g. 09:00-17:30): no break is \
               due outside them, and each day's first is due an interval after they start" };
    /// The working days of the breaks, if only some.
    DAYS days: Days => Option<Days> = None, BASE { kind: Kind::Days, flags: &["--days"],
        example: "\"mon-fri\"", default: "every day",
        help: "The working days of the breaks (e.g. mon-fri or mon,wed,fri): no break is due \
               on the others" };
    /// How long idle or locked counts as a break.
    AWAY away: Duration => Duration = Duration::from_secs(5 * 60), BASE {
        kind: Kind::Duration(&AWAY_FOR), flags: &["--away"], default: "`\"5m\"`",
        help: "Idle or with the screen locked this long counts as a break (1m to 2h)" };
    /// What the notification's Start runs.
    BREAK_COMMAND break_command: Vec<String> => Option<Vec<String>> = None, BASE {
        kind: Kind::Command, example: "[\"foot\", \"-e\", \"stretch\", \"run\", \"desk\"]",
        default: "none: the notification offers only to snooze",
        help: "What the Start button of `due --notify`'s notification runs: the program and \
               its arguments as an array, never read by a shell" };
    /// The hook run as a routine starts.
    ON_START on_start: Vec<String> => Option<Vec<String>> = None, BASE { kind: Kind::Command,
        example: "[\"playerctl\", \"pause\"]", default: "none",
        help: "A command run as a routine starts, as an array (no shell); it gets \
               STRETCH_EVENT=start and STRETCH_ROUTINE" };
    /// The hook run as a run ends.
    ON_FINISH on_finish: Vec<String> => Option<Vec<String>> = None, BASE { kind: Kind::Command,
        example: "[\"playerctl\", \"play\"]", default: "none",
        help: "A command run as a routine ends, however it ends, as an array (no shell); it \
               gets STRETCH_EVENT=finish, STRETCH_ROUTINE, STRETCH_ENDING and \
               STRETCH_ACTIVE_S" };
    /// The hook run when `due` nudges.
    ON_BREAK_DUE on_break_due: Vec<String> => Option<Vec<String>> = None, BASE {
        kind: Kind::Command, example: "[\"paplay\", \"/usr/share/sounds/freedesktop/stereo/bell.oga\"]",
        default: "none",
        help: "A command run when `due` nudges you, as an array (no shell); it gets \
               STRETCH_EVENT=break_due and STRETCH_ROUTINE" };
    /// How long a hook may run.
    HOOK_TIMEOUT hook_timeout: Duration => Duration = Duration::from_secs(10), BASE {
        kind: Kind::Duration(&HOOK_LIMIT), default: "`\"10s\"`",
        help: "How long a hook may run before it is stopped (1s to 10m)" };
}
