//! The command line, as clap reads it.

use std::ops::RangeInclusive;
use std::time::Duration;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};

use std::ffi::OsStr;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use jiff::civil::{Date, Time};
use stretch_timer::frontend::voice::VoiceLevel;
use stretch_timer::history::chart;
use stretch_timer::routine::{Level, duration, limits, named};

use crate::shell::{candidates, examples};

/// The whole command line: a subcommand and its arguments.
#[derive(Debug, Parser)]
#[command(
    name = "stretch",
    version,
    about = "A stretch routine timer for the terminal",
    after_long_help = examples::START_HERE
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, global = true, value_name = "WHEN", value_enum)]
    pub color: Option<ColorChoice>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through a routine with a full-screen countdown
    #[command(after_long_help = examples::RUN)]
    Run(RunArgs),
    /// List the built-in routines and your own
    #[command(after_long_help = examples::LIST)]
    List {
        /// List each stretch once, with its level, hold and sides and the routines that use it
        #[arg(long)]
        stretches: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show a routine's timeline, cues and total time, as `run` would run it
    #[command(after_long_help = examples::SHOW)]
    Show {
        /// A path to a .toml file, or the name of your own or a built-in routine
        #[arg(add = ArgValueCompleter::new(candidates::routines))]
        routine: String,
        #[command(flatten)]
        plan: PlanArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Read before you start: each stretch's figure, how to do it and its cues
    #[command(after_long_help = examples::GUIDE)]
    Guide {
        /// A routine (a path, or the name of your own or a built-in one), or the id of a stretch of the library
        #[arg(value_name = "ROUTINE|ID", add = ArgValueCompleter::new(candidates::routines))]
        routine: String,
    },
    /// Check routine files; with no FILE, your routine folder and the built-in routines
    #[command(after_long_help = examples::VALIDATE)]
    Validate {
        /// Paths to .toml files, or names of your own or built-in routines
        #[arg(value_name = "FILE", add = ArgValueCompleter::new(candidates::routines))]
        files: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Your history: recent sessions, streaks, minutes and a chart of the last weeks
    #[command(after_long_help = examples::LOG)]
    Log(LogArgs),
    /// Exit 0 if you have stretched today; else exit 1 with a nudge (for prompts and timers)
    #[command(after_long_help = examples::DUE)]
    Due(DueArgs),
    /// Print a systemd timer, a crontab line and a launchd plist that run `stretch due --notify`
    #[command(after_long_help = examples::REMIND)]
    Remind(RemindArgs),
    /// Print a completion script for SHELL: routine names, paths and stretch ids complete
    #[command(after_long_help = examples::COMPLETIONS)]
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), made from these same definitions
    #[command(after_long_help = examples::MAN)]
    Man,
    /// Show the files in use and every setting with where it came from
    #[command(after_long_help = examples::CONFIG)]
    Config {
        /// Open the config file in $VISUAL or $EDITOR (writing a commented template if there is none), then check it
        #[arg(long)]
        edit: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a routine of your own, NAME.toml, into your routine folder, and print its path
    #[command(after_long_help = examples::NEW)]
    New {
        /// The routine's name: lowercase letters, digits and single `-`
        name: String,
        /// Copy this routine (a name, `builtin:NAME` or a path) instead of the template
        #[arg(long, value_name = "ROUTINE", add = ArgValueCompleter::new(candidates::routines))]
        from: Option<String>,
        /// Replace NAME.toml if it is already there
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the routine format, for editors that check TOML files
    #[command(after_long_help = examples::SCHEMA)]
    Schema,
}

/// The shells `stretch completions` writes a script for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    /// The shell's name as clap_complete knows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

/// The arguments of `stretch log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// How many of the last sessions to list
    #[arg(short = 'n', value_name = "N", default_value_t = 10)]
    pub sessions: usize,
    /// How many weeks the chart shows (1 to 38, to fit 80 columns)
    #[arg(long, value_name = "N", default_value_t = 12,
          value_parser = clap::value_parser!(u16).range(1..=i64::from(chart::MAX_WEEKS)))]
    pub weeks: u16,
    /// Only the sessions on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub format: LogFormat,
}

/// How `stretch log` writes: for people, JSON for scripts, or CSV for a spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
    Csv,
}

/// The arguments of `stretch due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Print nothing; only the exit status tells
    #[arg(long)]
    pub quiet: bool,
    /// Also send a desktop notification (notify-send, or osascript on macOS) when there is one
    #[arg(long)]
    pub notify: bool,
}

/// The arguments of `stretch remind`.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// The time of day to be reminded, HH:MM
    #[arg(long, value_name = "HH:MM", default_value = "18:00", value_parser = parse_time)]
    pub at: Time,
    /// Write the systemd user timer and service into $XDG_CONFIG_HOME/systemd/user/
    #[arg(long)]
    pub install: bool,
    /// With --install: replace units that are already there
    #[arg(long, requires = "install")]
    pub force: bool,
}

/// The arguments of `stretch run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// A path to a .toml file, or the name of your own or a built-in routine
    /// (default: the config file's `routine`, else hamstrings)
    #[arg(add = ArgValueCompleter::new(candidates::routines))]
    pub routine: Option<String>,
    /// Which stretches, and how long each part.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// One line per phase and cue, no full screen (also when output is not a terminal)
    #[arg(long)]
    pub plain: bool,
    /// Ring the terminal bell at the start of each phase (the default)
    #[arg(long, overrides_with = "no_bell")]
    pub bell: bool,
    /// No terminal bell at the start of each phase
    #[arg(long, overrides_with = "bell")]
    pub no_bell: bool,
    /// No voice, whatever the config file says
    #[arg(long, overrides_with = "voice")]
    pub no_voice: bool,
    /// No tones, whatever the config file says
    #[arg(long, overrides_with = "sound")]
    pub no_sound: bool,
    /// Record this run in your history (the default)
    #[arg(long, overrides_with = "no_log")]
    pub log: bool,
    /// Speak each stretch and switch, and the cues (spd-say, espeak-ng, espeak or say, or $STRETCH_VOICE_COMMAND): phases, cues (the default) or all (also the routine's reminders, and how to get into each stretch while getting ready)
    #[arg(
        long,
        value_name = "LEVEL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = VoiceLevel::DEFAULT.as_str(),
        value_parser = voice_level_parser(),
        overrides_with = "no_voice"
    )]
    pub voice: Option<VoiceLevel>,
    /// Play tones: rising when a hold starts, one note half-way, ticks in its last 3 seconds, falling when it ends, a chord at the end (pw-play, paplay, aplay or afplay, or $STRETCH_SOUND_COMMAND)
    #[arg(long, overrides_with = "no_sound")]
    pub sound: bool,
    /// Do not record this run in your history
    #[arg(long, overrides_with = "log")]
    pub no_log: bool,
    /// Show the figure of each pose beside the countdown, where there is room (the default)
    #[arg(long, overrides_with = "no_figures")]
    pub figures: bool,
    /// No figures of the poses: only the countdown and its words
    #[arg(long, overrides_with = "figures")]
    pub no_figures: bool,
}

/// Which stretches of a routine to run, and how long each part: `run` and `show` take
/// the same, so that `show` previews exactly what `run` runs.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Hold every stretch this long: seconds, or e.g. 45s or 1m (1s to 10m)
    #[arg(long, value_name = "DURATION", value_parser = bounded("a hold", &limits::HOLD))]
    pub hold: Option<Duration>,
    /// The "next up" rest between stretches (0 to 10m)
    #[arg(long, value_name = "DURATION", value_parser = bounded("a rest", &limits::REST))]
    pub rest: Option<Duration>,
    /// The switch between sides and reps (0 to 2m)
    #[arg(long, value_name = "DURATION", value_parser = bounded("a switch", &limits::SWITCH))]
    pub switch: Option<Duration>,
    /// The "get ready" before the first stretch (0 to 2m)
    #[arg(long, value_name = "DURATION", value_parser = bounded("a lead-in", &limits::LEAD_IN))]
    pub lead_in: Option<Duration>,
    /// Only these stretches (ids, comma-separated)
    #[arg(
        long,
        value_name = "ID,...",
        value_delimiter = ',',
        conflicts_with = "skip",
        add = ArgValueCompleter::new(stretch_ids)
    )]
    pub only: Vec<String>,
    /// Leave out these stretches (ids, comma-separated)
    #[arg(long, value_name = "ID,...", value_delimiter = ',', add = ArgValueCompleter::new(stretch_ids))]
    pub skip: Vec<String>,
    /// Only stretches of this level
    #[arg(long, value_parser = level_parser())]
    pub level: Option<Level>,
}

/// How a command writes its output: for people, or JSON for scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// `--only` and `--skip`: the ids of the routine on the command line being completed.
fn stretch_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates::stretch_ids(
        current,
        &candidates::words_being_completed(),
        &Cli::command(),
    )
}

/// `--level`: the levels a stretch may have, by the names routine files give them.
fn level_parser() -> impl TypedValueParser<Value = Level> {
    PossibleValuesParser::new(Level::STRETCH.map(Level::as_str)).try_map(|name| {
        // Only a name offered gets here, so this always finds its level.
        named(&Level::STRETCH, Level::as_str, &name).ok_or("not the level of a stretch")
    })
}

/// `--voice=LEVEL`: how much the voice says, by the level's name.
fn voice_level_parser() -> impl TypedValueParser<Value = VoiceLevel> {
    PossibleValuesParser::new(VoiceLevel::ALL.map(VoiceLevel::as_str)).try_map(|name| {
        // Only a name offered gets here, so this always finds its level.
        named(&VoiceLevel::ALL, VoiceLevel::as_str, &name).ok_or("not a voice level")
    })
}

/// A duration flag: a duration as routine files write it (a bare number is seconds, as in
/// a file), within `range`; `what` names it in the message for one out of range.
fn bounded(
    what: &'static str,
    range: &'static RangeInclusive<Duration>,
) -> impl Fn(&str) -> Result<Duration, String> + Clone + Send + Sync + 'static {
    move |text| {
        let value = duration::parse_argument(text).map_err(|e| e.to_string())?;
        if range.contains(&value) {
            Ok(value)
        } else {
            Err(format!(
                "{what} must be from {} to {}, not {}",
                duration::format(*range.start()),
                duration::format(*range.end()),
                duration::format(value)
            ))
        }
    }
}

/// `--at`: a time of day as `HH:MM`, 00:00 to 23:59.
fn parse_time(text: &str) -> Result<Time, String> {
    let bad = || format!("`{text}` is not a time of day as HH:MM, such as 18:00");
    let (hours, minutes) = text.split_once(':').ok_or_else(bad)?;
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return Err(bad());
    }
    let hours: i8 = hours.parse().map_err(|_| bad())?;
    let minutes: i8 = minutes.parse().map_err(|_| bad())?;
    Time::new(hours, minutes, 0, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_in_the_help_is_a_command_line_that_parses() {
        let mut count = 0;
        for (name, text) in examples::ALL {
            let commands = examples::commands(text);
            assert!((2..=4).contains(&commands.len()), "{name}: {commands:?}");
            for words in commands {
                assert_eq!(words.get(1), Some(&name), "{words:?}");
                if let Err(error) = Cli::try_parse_from(&words) {
                    panic!("{words:?}: {error}");
                }
                count += 1;
            }
        }
        assert!(count >= 2 * examples::ALL.len());
    }

    #[test]
    fn every_subcommand_has_examples() {
        let command = Cli::command();
        let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
        let with_examples: Vec<&str> = examples::ALL.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, with_examples);
    }
}
