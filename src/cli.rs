//! The command line, as clap reads it.

use std::ops::RangeInclusive;
use std::time::Duration;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use stretch_timer::frontend::voice::VoiceLevel;
use stretch_timer::routine::{Level, duration, limits, named};

/// The whole command line: a subcommand and its arguments.
#[derive(Debug, Parser)]
#[command(
    name = "stretch",
    version,
    about = "A stretch routine timer for the terminal"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through a routine with a full-screen countdown
    Run(RunArgs),
    /// List the built-in routines and your own
    List {
        /// List every stretch with its routine, hold and sides
        #[arg(long)]
        stretches: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show a routine's timeline, cues and total time, as `run` would run it
    Show {
        /// A path to a .toml file, or the name of your own or a built-in routine
        routine: String,
        #[command(flatten)]
        plan: PlanArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check routine files; with no FILE, your routine folder and the built-in routines
    Validate {
        /// Paths to .toml files, or names of your own or built-in routines
        #[arg(value_name = "FILE")]
        files: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// The arguments of `stretch run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// A path to a .toml file, or the name of your own or a built-in routine
    #[arg(default_value = "hamstrings")]
    pub routine: String,
    /// Which stretches, and how long each part.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// One line per phase and cue, no full screen (also when output is not a terminal)
    #[arg(long)]
    pub plain: bool,
    /// No terminal bell at the start of each phase
    #[arg(long)]
    pub no_bell: bool,
    /// Speak each stretch and switch, and the cues (spd-say, espeak-ng, espeak or say, or $STRETCH_VOICE_COMMAND): phases, cues (the default) or all (also the routine's reminders)
    #[arg(
        long,
        value_name = "LEVEL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = VoiceLevel::DEFAULT.as_str(),
        value_parser = voice_level_parser()
    )]
    pub voice: Option<VoiceLevel>,
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
        conflicts_with = "skip"
    )]
    pub only: Vec<String>,
    /// Leave out these stretches (ids, comma-separated)
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
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
