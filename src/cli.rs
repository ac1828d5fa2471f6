//! The command line, as clap reads it.

use std::time::Duration;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};

use std::ffi::OsStr;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use stretch_timer::config::declare::Key;
use stretch_timer::config::{Color, Layer, Voice, VoiceLevel, keys};
use stretch_timer::history::chart;
use stretch_timer::history::days::Since;
use stretch_timer::plan::select::Selection;
use stretch_timer::routine::{Level, duration, named};

use crate::shell::{candidates, examples};

mod workday;

pub use workday::{
    At, DoneArgs, DueArgs, RemindArgs, SnoozeArgs, SnoozeFor, StatusArgs, StatusFormat,
};

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
    #[arg(long, global = true, value_name = "WHEN", value_enum, help = keys::COLOR.help)]
    pub color: Option<ColorChoice>,
}

impl Cli {
    /// What the command line says of the settings: `None` where it says nothing.
    pub fn flags(&self) -> Layer {
        let mut flags = match &self.command {
            Command::Run(args) => args.flags(),
            Command::Show { routine, plan, .. } => Layer {
                routine: routine.clone(),
                ..plan.flags()
            },
            Command::Due(args) => Layer {
                away: args.away,
                ..args.interval.flags()
            },
            Command::Remind(args) => args.interval.flags(),
            Command::Status(args) => args.interval.flags(),
            Command::Done(args) => Layer {
                routine: args.routine.clone(),
                ..Layer::default()
            },
            _ => Layer::default(),
        };
        flags.color = self.color.map(|choice| match choice {
            ColorChoice::Auto => Color::Auto,
            ColorChoice::Always => Color::Always,
            ColorChoice::Never => Color::Never,
        });
        flags
    }
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
        /// (default: the config file's `routine`, else hamstrings)
        #[arg(add = ArgValueCompleter::new(candidates::routines))]
        routine: Option<String>,
        #[command(flatten)]
        plan: PlanArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Read before you start: each stretch's figure, how to do it and its cues
    #[command(after_long_help = examples::GUIDE)]
    Guide {
        /// A routine (a path, or the name of your own or a built-in one), or the id of a stretch of the library
        /// (default: the config file's `routine`, else hamstrings)
        #[arg(value_name = "ROUTINE|ID", add = ArgValueCompleter::new(candidates::routines))]
        routine: Option<String>,
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
    /// Exit 0 if you have stretched today (or, with --every, lately); else exit 1 with a nudge
    #[command(after_long_help = examples::DUE)]
    Due(DueArgs),
    /// Print a systemd timer, crontab lines and a launchd plist that run `stretch due --notify`
    #[command(after_long_help = examples::REMIND)]
    Remind(RemindArgs),
    /// One line for a status bar or a prompt: when the next break is due, and your streak
    #[command(after_long_help = examples::STATUS)]
    Status(StatusArgs),
    /// Hold the nudges for a while, for today, or no more; alone, say what is in force
    #[command(after_long_help = examples::SNOOZE)]
    Snooze(SnoozeArgs),
    /// Record a session you did without the timer, so it counts for streaks and `due`
    #[command(after_long_help = examples::DONE)]
    Done(DoneArgs),
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
    /// Only list the sessions since this day: a date (YYYY-MM-DD), today, yesterday, or
    /// N days or weeks ago (3d, 2w); the streaks and totals are always the whole history's
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<Since>,
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

/// The arguments of `stretch run`, grouped in `--help` as what to run, its timing, what
/// you see and hear, and the history.
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
    #[arg(long, help_heading = HEAR)]
    pub plain: bool,
    #[arg(long, overrides_with = "no_bell", help_heading = HEAR, help = keys::BELL.help)]
    pub bell: bool,
    /// No terminal bell at the start of each phase
    #[arg(long, overrides_with = "bell", help_heading = HEAR)]
    pub no_bell: bool,
    #[arg(
        long,
        value_name = "LEVEL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = VoiceLevel::DEFAULT.as_str(),
        value_parser = voice_level_parser(),
        overrides_with = "no_voice",
        help_heading = HEAR,
        help = keys::VOICE.help
    )]
    pub voice: Option<VoiceLevel>,
    /// No voice, whatever the config file says
    #[arg(long, overrides_with = "voice", help_heading = HEAR)]
    pub no_voice: bool,
    #[arg(long, overrides_with = "no_sound", help_heading = HEAR, help = keys::SOUND.help)]
    pub sound: bool,
    /// No tones, whatever the config file says
    #[arg(long, overrides_with = "sound", help_heading = HEAR)]
    pub no_sound: bool,
    #[arg(long, overrides_with = "no_log", help_heading = "The history", help = keys::HISTORY.help)]
    pub log: bool,
    /// Do not record this run in your history
    #[arg(long, overrides_with = "log", help_heading = "The history")]
    pub no_log: bool,
    #[arg(long, overrides_with = "no_figures", help_heading = HEAR, help = keys::FIGURES.help)]
    pub figures: bool,
    /// No figures of the poses: only the countdown and its words
    #[arg(long, overrides_with = "figures", help_heading = HEAR)]
    pub no_figures: bool,
}

/// The heading of the flags for what a run shows and sounds like.
const HEAR: &str = "What you see and hear";

impl RunArgs {
    /// What these flags say of the settings.
    fn flags(&self) -> Layer {
        let either = |on: bool, off: bool| (on || off).then_some(on);
        Layer {
            routine: self.routine.clone(),
            bell: either(self.bell, self.no_bell),
            voice: match self.voice {
                Some(level) => Some(Voice::On(level)),
                None => self.no_voice.then_some(Voice::Off),
            },
            sound: either(self.sound, self.no_sound),
            history: either(self.log, self.no_log),
            figures: either(self.figures, self.no_figures),
            ..self.plan.flags()
        }
    }
}

/// Which stretches of a routine to run, and how long each part: `run` and `show` take
/// the same, so that `show` previews exactly what `run` runs. The default is every
/// stretch, timed as the settings say.
#[derive(Debug, Default, Args)]
pub struct PlanArgs {
    /// Only these stretches (ids, comma-separated)
    #[arg(
        long,
        value_name = "ID,...",
        value_delimiter = ',',
        conflicts_with = "skip",
        add = ArgValueCompleter::new(stretch_ids),
        help_heading = "What to run"
    )]
    pub only: Vec<String>,
    /// Leave out these stretches (ids, comma-separated)
    #[arg(long, value_name = "ID,...", value_delimiter = ',', add = ArgValueCompleter::new(stretch_ids), help_heading = "What to run")]
    pub skip: Vec<String>,
    /// Only stretches of this level
    #[arg(long, value_parser = level_parser(), help_heading = "What to run")]
    pub level: Option<Level>,
    #[arg(long, value_name = "DURATION", value_parser = bounded("a hold", &keys::HOLD), help_heading = TIMING, help = keys::HOLD.help)]
    pub hold: Option<Duration>,
    #[arg(long, value_name = "DURATION", value_parser = bounded("a rest", &keys::REST), help_heading = TIMING, help = keys::REST.help)]
    pub rest: Option<Duration>,
    #[arg(long, value_name = "DURATION", value_parser = bounded("a switch", &keys::SWITCH), help_heading = TIMING, help = keys::SWITCH.help)]
    pub switch: Option<Duration>,
    #[arg(long, value_name = "DURATION", value_parser = bounded("a lead-in", &keys::LEAD_IN), help_heading = TIMING, help = keys::LEAD_IN.help)]
    pub lead_in: Option<Duration>,
}

/// The heading of the timing flags.
const TIMING: &str = "Timing";

impl PlanArgs {
    /// The stretches these flags select.
    pub fn selection(&self) -> Selection {
        Selection {
            only: self.only.clone(),
            skip: self.skip.clone(),
            level: self.level,
        }
    }

    /// What these flags say of the settings: the timing.
    fn flags(&self) -> Layer {
        Layer {
            hold: self.hold,
            rest: self.rest,
            switch: self.switch,
            lead_in: self.lead_in,
            ..Layer::default()
        }
    }
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
/// a file), within the range `key` declares; `what` names it in the message for one out
/// of range.
fn bounded(
    what: &'static str,
    key: &'static Key,
) -> impl Fn(&str) -> Result<Duration, String> + Clone + Send + Sync + 'static {
    move |text| {
        let value = duration::parse_argument(text).map_err(|e| e.to_string())?;
        let Some(range) = key.kind.range() else {
            return Ok(value);
        };
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

/// `--since`: a date, `today`, `yesterday`, or `Nd` / `Nw` days or weeks ago.
fn parse_since(text: &str) -> Result<Since, String> {
    Since::parse(text)
}

#[cfg(test)]
mod tests;
