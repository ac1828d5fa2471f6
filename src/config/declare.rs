//! How a setting is declared ([`Key`]), and the macro that makes everything else of the
//! settings from one declaration each: the [`Layer`](super::Layer) that each source fills
//! in, the [`Resolved`](super::Resolved) settings, the file's reader, the environment's,
//! and the rows of `stretch config`.

use std::ops::RangeInclusive;
use std::time::Duration;

use super::resolve::Source;
use crate::routine::duration;

/// One setting: its key in the file and everything said of it anywhere.
#[derive(Debug)]
pub struct Key {
    /// The key in the config file, and the field of [`Layer`](super::Layer).
    pub name: &'static str,
    /// What values it takes.
    pub kind: Kind,
    /// The flags that set it on the command line (`--bell`, `--no-bell`), or the
    /// argument (`ROUTINE`); none for a setting of the file and the environment only.
    pub flags: &'static [&'static str],
    /// The variables that set it, in the order they are looked at.
    pub env: &'static [&'static str],
    /// Whether a routine's own table, `[routines.NAME]`, may set it.
    pub per_routine: bool,
    /// What it is when nothing sets it, as the documentation says it.
    pub default: &'static str,
    /// A value as the file writes it, for the template.
    pub example: &'static str,
    /// What it does: the help of its first flag, and the template's comment.
    pub help: &'static str,
}

/// What values a setting takes.
#[derive(Debug)]
pub enum Kind {
    /// One line of text, at most `max` characters; `unset` says what no text means.
    Text {
        /// The most characters.
        max: usize,
        /// What it means when nothing sets it, as `stretch config` shows it.
        unset: &'static str,
    },
    /// A duration within the range; unset, the routine's own.
    Duration(&'static RangeInclusive<Duration>),
    /// The interval between breaks, within the range; unset, none (once a day).
    Interval(&'static RangeInclusive<Duration>),
    /// `true` or `false`.
    Switch,
    /// `true`, `false` or a level of the voice.
    Voice,
    /// `auto`, `always` or `never`.
    Color,
    /// A window of the day, `"09:00-17:30"`.
    Window,
    /// Days of the week, `"mon-fri"`.
    Days,
    /// A command as an array of its words, never read by a shell.
    Command,
}

impl Key {
    /// What a declaration leaves out: no flags, no variables, not per routine.
    pub const BASE: Key = Key {
        name: "",
        kind: Kind::Switch,
        flags: &[],
        env: &[],
        per_routine: false,
        default: "",
        example: "",
        help: "",
    };

    /// What a routine's timing declares the same: its default is the routine's own, and a
    /// routine's table may set it.
    pub const TIMING: Key = Key {
        per_routine: true,
        default: "the routine's",
        ..Key::BASE
    };

    /// Where a value from `source` was set, as a message names it: the flag, the
    /// variable, or the key in the config file.
    pub fn origin(&self, source: Source) -> String {
        match source {
            Source::Flag => self.flags.first().copied().unwrap_or(self.name).to_owned(),
            Source::Env => self.env.join(" or "),
            Source::Table => format!("`{}` in a routine's table of the config file", self.name),
            Source::File => format!("`{}` in the config file", self.name),
            Source::Default => format!("the default `{}`", self.name),
        }
    }

    /// A value as the template writes it: the `example`, else the default.
    pub fn example(&self) -> &'static str {
        if self.example.is_empty() {
            self.default.trim_matches('`')
        } else {
            self.example
        }
    }
}

impl Kind {
    /// The range of a duration's values; `None` for a kind that is no duration.
    pub fn range(&self) -> Option<&'static RangeInclusive<Duration>> {
        match self {
            Kind::Duration(range) | Kind::Interval(range) => Some(range),
            _ => None,
        }
    }

    /// The values it takes, as the documentation says them.
    pub fn describe(&self) -> String {
        match self {
            Kind::Text { max, .. } => format!("text, at most {max} characters"),
            Kind::Duration(range) | Kind::Interval(range) => format!(
                "duration, {} to {}",
                duration::format(*range.start()),
                duration::format(*range.end())
            ),
            Kind::Switch => "`true` or `false`".into(),
            Kind::Voice => "`true`, `false`, `\"phases\"`, `\"cues\"` or `\"all\"`".into(),
            Kind::Color => "`\"auto\"`, `\"always\"` or `\"never\"`".into(),
            Kind::Window => "a window of the day, `\"HH:MM-HH:MM\"`".into(),
            Kind::Days => "days of the week, such as `\"mon-fri\"` or `\"mon,wed,fri\"`".into(),
            Kind::Command => format!(
                "a command: an array of the program and its arguments, at most {} words of \
                 {} characters",
                super::keys::MAX_COMMAND_WORDS,
                super::keys::MAX_SETTING_CHARS
            ),
        }
    }

    /// What `stretch config` shows for a setting that nothing sets and that has no value
    /// of its own.
    pub fn unset(&self) -> &'static str {
        match self {
            Kind::Text { unset, .. } => unset,
            Kind::Duration(_) => "(the routine's)",
            Kind::Interval(_) => "(none: once a day)",
            Kind::Window => "(all day)",
            Kind::Days => "(every day)",
            Kind::Switch | Kind::Voice | Kind::Color | Kind::Command => "(none)",
        }
    }
}

/// Declares every setting, each once: `CONST name: FileType => ValueType = default,
/// BASE { field: value, .. };`, each field of the [`Key`] not given taken from
/// `Key::BASE` (or `Key::TIMING`). `FileType` is what a source gives, `ValueType` what is in effect
/// (`Option<_>` where nothing set means "the routine's own" or "none"), `default` the
/// value when no source sets it.
macro_rules! settings {
    ($(
        $(#[doc = $doc:literal])*
        $CONST:ident $key:ident: $file:ty => $value:ty = $default:expr,
            $base:ident { $($field:ident: $given:expr),* $(,)? };
    )*) => {
        $(
            $(#[doc = $doc])*
            pub const $CONST: Key = {
                let mut key = Key::$base;
                key.name = stringify!($key);
                $( key.$field = $given; )*
                key
            };
        )*

        /// Every setting, in the order `stretch config` shows them.
        pub const ALL: &[&Key] = &[$(&$CONST),*];

        /// What one source says of each setting (the command line, the environment, the
        /// config file or one of its routine tables): `None` where it says nothing.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Layer {
            $( $(#[doc = $doc])* pub $key: Option<$file>, )*
        }

        /// Every setting in effect, with where it came from.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Resolved {
            $( $(#[doc = $doc])* pub $key: Setting<$value>, )*
            /// The sources, kept to resolve the settings for another routine.
            pub(super) sources: Sources,
        }

        impl Layer {
            /// The settings of one table of the config file; only those a routine's
            /// table may set when `per_routine`.
            pub fn read(settings: &mut Settings<'_, '_, '_>, per_routine: bool) -> Layer {
                Layer {
                    $( $key: if per_routine && !$CONST.per_routine {
                        None
                    } else {
                        Readable::read(settings, &$CONST)
                    }, )*
                }
            }

            /// The settings the environment makes, by `lookup`.
            pub fn from_env(lookup: &dyn Fn(&str) -> Option<String>) -> Layer {
                Layer { $( $key: Readable::from_env(&$CONST, lookup), )* }
            }
        }

        /// Each setting from the first layer that sets it, else its default.
        pub(super) fn resolve_layers(layers: [(&Layer, Source); 4], sources: Sources) -> Resolved {
            Resolved {
                $( $key: choose(
                    layers.map(|(layer, source)| (layer.$key.clone().map(Into::into), source)),
                    $default,
                ), )*
                sources,
            }
        }

        impl Resolved {
            /// Every setting in effect, in the order of [`ALL`].
            pub fn rows(&self) -> Vec<Row> {
                vec![$( Row {
                    key: &$CONST,
                    value: Shown::json(&self.$key.value),
                    source: self.$key.source,
                }, )*]
            }
        }
    };
}

pub(super) use settings;
