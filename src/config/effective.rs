//! Which value of each setting wins: a flag on the command line, then the environment
//! (`STRETCH_VOICE_COMMAND`, `NO_COLOR`, `CLICOLOR_FORCE`), then the config file, then
//! the default. The one rule is [`choose`]; `stretch config` shows each setting's source.

use std::time::Duration;

use serde::Serialize;

use super::{Color, Config};
use crate::frontend::voice::VoiceLevel;

/// The routine `run` runs when neither the command line nor the file names one.
pub const DEFAULT_ROUTINE: &str = "hamstrings";

/// Where a setting's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Nothing set it.
    Default,
    /// The config file.
    File,
    /// An environment variable.
    Env,
    /// The command line.
    Flag,
}

impl Source {
    /// The source's name, as `stretch config` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::File => "file",
            Source::Env => "env",
            Source::Flag => "flag",
        }
    }
}

/// A setting's value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in effect.
    pub value: T,
    /// Who set it.
    pub source: Source,
}

/// The first of `flag`, `env` and `file` that is set, else `default`.
pub fn choose<T>(flag: Option<T>, env: Option<T>, file: Option<T>, default: T) -> Setting<T> {
    let (value, source) = match (flag, env, file) {
        (Some(value), _, _) => (value, Source::Flag),
        (None, Some(value), _) => (value, Source::Env),
        (None, None, Some(value)) => (value, Source::File),
        (None, None, None) => (default, Source::Default),
    };
    Setting { value, source }
}

/// What the command line says of each setting: `None` where it says nothing.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// The routine named.
    pub routine: Option<String>,
    /// `--hold`.
    pub hold: Option<Duration>,
    /// `--lead-in`.
    pub lead_in: Option<Duration>,
    /// `--bell` or `--no-bell`.
    pub bell: Option<bool>,
    /// `--voice[=LEVEL]` (`Some(Some(_))`) or `--no-voice` (`Some(None)`).
    pub voice: Option<Option<VoiceLevel>>,
    /// `--sound` or `--no-sound`.
    pub sound: Option<bool>,
    /// `--color`.
    pub color: Option<Color>,
    /// `--log` or `--no-log`.
    pub history: Option<bool>,
    /// `--figures` or `--no-figures`.
    pub figures: Option<bool>,
}

/// The environment's say: the variables that stand for a setting.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `STRETCH_VOICE_COMMAND`, when set and not empty.
    pub voice_command: Option<String>,
    /// `never` for `NO_COLOR`, else `always` for `CLICOLOR_FORCE` (each when not empty).
    pub color: Option<Color>,
}

impl Env {
    /// The environment of this process.
    pub fn current() -> Env {
        let set = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Env {
            voice_command: set(crate::frontend::voice::VOICE_COMMAND_VARIABLE),
            color: match (set("NO_COLOR"), set("CLICOLOR_FORCE")) {
                (Some(_), _) => Some(Color::Never),
                (None, Some(_)) => Some(Color::Always),
                (None, None) => None,
            },
        }
    }
}

/// Every setting in effect, with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effective {
    /// The routine `run` runs.
    pub routine: Setting<String>,
    /// Every hold, if something overrides the routine's.
    pub hold: Setting<Option<Duration>>,
    /// The lead-in, if something overrides the routine's.
    pub lead_in: Setting<Option<Duration>>,
    /// Whether the bell rings (on a terminal, and when no tones replace it).
    pub bell: Setting<bool>,
    /// The voice's level, or `None` for no voice.
    pub voice: Setting<Option<VoiceLevel>>,
    /// The speech program, if one is named.
    pub voice_command: Setting<Option<String>>,
    /// Whether tones play.
    pub sound: Setting<bool>,
    /// When to colour.
    pub color: Setting<Color>,
    /// Whether runs are recorded.
    pub history: Setting<bool>,
    /// Whether the full screen shows the figure of each pose.
    pub figures: Setting<bool>,
}

/// Every setting in effect, by [`choose`].
pub fn effective(flags: Flags, env: Env, file: &Config) -> Effective {
    let some = |value: Option<Duration>| value.map(Some);
    let file = file.clone();
    Effective {
        routine: choose(
            flags.routine,
            None,
            file.routine,
            DEFAULT_ROUTINE.to_owned(),
        ),
        hold: choose(some(flags.hold), None, some(file.hold), None),
        lead_in: choose(some(flags.lead_in), None, some(file.lead_in), None),
        bell: choose(flags.bell, None, file.bell, true),
        voice: choose(flags.voice, None, file.voice, None),
        voice_command: choose(
            None,
            env.voice_command.map(Some),
            file.voice_command.map(Some),
            None,
        ),
        sound: choose(flags.sound, None, file.sound, false),
        color: choose(flags.color, env.color, file.color, Color::Auto),
        history: choose(flags.history, None, file.history, true),
        figures: choose(flags.figures, None, file.figures, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_wins_over_the_environment_which_wins_over_the_file() {
        let file = Config {
            color: Some(Color::Always),
            voice_command: Some("file-speaker".into()),
            bell: Some(false),
            ..Config::default()
        };
        let env = || Env {
            voice_command: Some("env-speaker".into()),
            color: Some(Color::Never),
        };
        let flags = Flags {
            color: Some(Color::Auto),
            ..Flags::default()
        };
        let all = effective(flags, env(), &file);
        assert_eq!(
            all.color,
            Setting {
                value: Color::Auto,
                source: Source::Flag
            }
        );
        assert_eq!(all.voice_command.source, Source::Env);
        assert_eq!(
            all.bell,
            Setting {
                value: false,
                source: Source::File
            }
        );
        assert_eq!(
            all.sound,
            Setting {
                value: false,
                source: Source::Default
            }
        );
        let no_flags = effective(Flags::default(), env(), &file);
        assert_eq!(
            no_flags.color,
            Setting {
                value: Color::Never,
                source: Source::Env
            }
        );
        let no_env = effective(Flags::default(), Env::default(), &file);
        assert_eq!(
            no_env.color,
            Setting {
                value: Color::Always,
                source: Source::File
            }
        );
        assert_eq!(no_env.voice_command.value.as_deref(), Some("file-speaker"));
    }
}
