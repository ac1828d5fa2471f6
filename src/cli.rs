//! The command line, as clap reads it.

use std::path::PathBuf;
use std::time::Duration;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Show a routine's timeline, cues and total time
    Show {
        /// A path to a .toml file, or the name of your own or a built-in routine
        routine: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check routine files; with no FILE, your routine folder and the built-in routines
    Validate {
        files: Vec<PathBuf>,
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
    /// Hold every stretch this long, e.g. 45s or 1m (1s to 10m)
    #[arg(long, value_name = "DURATION", value_parser = parse_hold)]
    pub hold: Option<Duration>,
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
    /// One line per phase and cue, no full screen (also when output is not a terminal)
    #[arg(long)]
    pub plain: bool,
    /// No terminal bell at the start of each phase
    #[arg(long)]
    pub no_bell: bool,
    /// Speak each stretch, switch and cue (spd-say, espeak-ng, espeak or say, or $STRETCH_VOICE_COMMAND)
    #[arg(long)]
    pub voice: bool,
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

/// `--hold`: a duration as routine files write it, within the range a hold may have.
fn parse_hold(text: &str) -> Result<Duration, String> {
    let hold = duration::parse(text).map_err(|e| e.to_string())?;
    if limits::HOLD.contains(&hold) {
        Ok(hold)
    } else {
        Err(format!(
            "a hold must be from {} to {}, not {}",
            duration::format(*limits::HOLD.start()),
            duration::format(*limits::HOLD.end()),
            duration::format(hold)
        ))
    }
}
