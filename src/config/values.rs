//! The types of the settings, and how each is read from the config file, from the
//! environment, and shown by `stretch config`.

use std::time::Duration;

use serde_json::Value;

use super::declare::{Key, Kind};
use super::keys::{MAX_COMMAND_WORDS, MAX_SETTING_CHARS};
use crate::routine::read::Settings;
use crate::workday::window::{Days, Window};

/// How much the voice says, from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum VoiceLevel {
    /// The phase changes only: each stretch and side, "switch sides", "next: NAME", the end.
    Phases,
    /// The phase changes and each stretch's own cues.
    Cues,
    /// Also the routine's reminders, which the screen shows through every hold, and how to
    /// get into each stretch while getting ready for it.
    All,
}

impl VoiceLevel {
    /// Every level, in the order offered.
    pub const ALL: [VoiceLevel; 3] = [VoiceLevel::Phases, VoiceLevel::Cues, VoiceLevel::All];

    /// What a bare `--voice` (and `voice = true`) means.
    pub const DEFAULT: VoiceLevel = VoiceLevel::Cues;

    /// The level's name on the command line and in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceLevel::Phases => "phases",
            VoiceLevel::Cues => "cues",
            VoiceLevel::All => "all",
        }
    }
}

/// The voice setting: off, or on at a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// No voice.
    Off,
    /// Speak, this much.
    On(VoiceLevel),
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR`; also into a pipe with `CLICOLOR_FORCE`.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    /// Every value, in the order offered.
    pub const ALL: [Color; 3] = [Color::Auto, Color::Always, Color::Never];

    /// The value's name, as the file and `--color` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Color::Auto => "auto",
            Color::Always => "always",
            Color::Never => "never",
        }
    }
}

/// A setting's type as the file and the environment give it.
pub trait Readable: Sized {
    /// The value of `key` in `settings`, as `key`'s kind says; `None` (reported) when it
    /// is there but bad, or when it is not there.
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Self>;

    /// The value the environment gives `key`, by `lookup` (a variable's value, when it
    /// is set and not blank). None by default: most settings have no variable.
    fn from_env(_key: &Key, _lookup: &dyn Fn(&str) -> Option<String>) -> Option<Self> {
        None
    }
}

impl Readable for String {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<String> {
        let Kind::Text { max, .. } = key.kind else {
            return None;
        };
        settings.text(key.name, max)
    }

    /// The first of `key`'s variables that is set.
    fn from_env(key: &Key, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
        key.env.iter().find_map(|variable| lookup(variable))
    }
}

impl Readable for Duration {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Duration> {
        let range = key.kind.range()?;
        settings.duration(key.name, range)
    }
}

impl Readable for bool {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<bool> {
        settings.boolean(key.name)
    }
}

impl Readable for Voice {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Voice> {
        let levels = VoiceLevel::ALL.map(Voice::On);
        let name = |voice: Voice| match voice {
            Voice::On(level) => level.as_str(),
            Voice::Off => "false",
        };
        settings.switch_or_choice(
            key.name,
            [Voice::Off, Voice::On(VoiceLevel::DEFAULT)],
            &levels,
            name,
        )
    }
}

impl Readable for Color {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Color> {
        settings.choice(key.name, &Color::ALL, Color::as_str)
    }

    /// `never` for the first variable (`NO_COLOR`), else `always` for the second
    /// (`CLICOLOR_FORCE`).
    fn from_env(key: &Key, lookup: &dyn Fn(&str) -> Option<String>) -> Option<Color> {
        let set = |at: usize| key.env.get(at).is_some_and(|name| lookup(name).is_some());
        if set(0) {
            Some(Color::Never)
        } else if set(1) {
            Some(Color::Always)
        } else {
            None
        }
    }
}

impl Readable for Window {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Window> {
        settings.parsed(key.name, MAX_SETTING_CHARS, Window::parse)
    }
}

impl Readable for Days {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Days> {
        settings.parsed(key.name, MAX_SETTING_CHARS, Days::parse)
    }
}

/// A command, as its words.
impl Readable for Vec<String> {
    fn read(settings: &mut Settings<'_, '_, '_>, key: &Key) -> Option<Vec<String>> {
        settings.command(key.name, MAX_COMMAND_WORDS, MAX_SETTING_CHARS)
    }
}

/// A setting's value in effect, as `stretch config --format json` shows it.
pub trait Shown {
    /// The value as JSON: `null` for none.
    fn json(&self) -> Value;
}

impl Shown for String {
    fn json(&self) -> Value {
        Value::from(self.as_str())
    }
}

impl Shown for bool {
    fn json(&self) -> Value {
        Value::from(*self)
    }
}

impl Shown for Duration {
    fn json(&self) -> Value {
        Value::from(crate::routine::duration::format(*self))
    }
}

impl Shown for Voice {
    fn json(&self) -> Value {
        match self {
            Voice::Off => Value::from(false),
            Voice::On(level) => Value::from(level.as_str()),
        }
    }
}

impl Shown for Color {
    fn json(&self) -> Value {
        Value::from(self.as_str())
    }
}

impl Shown for Window {
    fn json(&self) -> Value {
        Value::from(self.to_string())
    }
}

impl Shown for Days {
    fn json(&self) -> Value {
        Value::from(self.to_string())
    }
}

impl Shown for Vec<String> {
    fn json(&self) -> Value {
        Value::from(self.clone())
    }
}

impl<T: Shown> Shown for Option<T> {
    fn json(&self) -> Value {
        self.as_ref().map_or(Value::Null, Shown::json)
    }
}
