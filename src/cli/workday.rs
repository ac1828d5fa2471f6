//! The command line of the working day: `due` and `remind` with their intervals,
//! `status`, `snooze` and `done`.

use std::time::Duration;

use clap::{Args, ValueEnum};
use clap_complete::engine::ArgValueCompleter;
use jiff::civil::{Date, DateTime, Time};
use stretch_timer::config::{Layer, keys};
use stretch_timer::routine::duration;
use stretch_timer::workday::window::{Days, Window, parse_time};

use super::bounded;
use crate::shell::candidates;

/// Breaks at intervals: how often, and within which hours and days.
#[derive(Debug, Args)]
pub struct IntervalArgs {
    #[arg(long, value_name = "DURATION", value_parser = bounded("an interval", &keys::EVERY), help = keys::EVERY.help)]
    pub every: Option<Duration>,
    #[arg(long, value_name = "HH:MM-HH:MM", value_parser = Window::parse, help = keys::BETWEEN.help)]
    pub between: Option<Window>,
    #[arg(long, value_name = "DAYS", value_parser = Days::parse, help = keys::DAYS.help)]
    pub days: Option<Days>,
}

impl IntervalArgs {
    /// What these flags say of the settings.
    pub fn flags(&self) -> Layer {
        Layer {
            every: self.every,
            between: self.between,
            days: self.days,
            ..Layer::default()
        }
    }
}

/// The arguments of `stretch due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Print nothing; only the exit status tells
    #[arg(long)]
    pub quiet: bool,
    /// Also send a desktop notification (notify-send, or osascript on macOS) when there is
    /// one; with notify-send's actions, it offers to start the break (`break_command`) or
    /// snooze for 15 minutes
    #[arg(long)]
    pub notify: bool,
    #[command(flatten)]
    pub interval: IntervalArgs,
    #[arg(long, value_name = "DURATION", value_parser = bounded("a time away", &keys::AWAY), help = keys::AWAY.help)]
    pub away: Option<Duration>,
}

/// The arguments of `stretch remind`.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// The time of day of a daily reminder, HH:MM (the default, at 18:00, unless --every
    /// or the config file's `every` asks for breaks at intervals)
    #[arg(long, value_name = "HH:MM", value_parser = parse_time, conflicts_with = "every")]
    pub at: Option<Time>,
    #[command(flatten)]
    pub interval: IntervalArgs,
    /// Write the systemd user timer and service into $XDG_CONFIG_HOME/systemd/user/
    #[arg(long)]
    pub install: bool,
    /// With --install: replace units that are already there
    #[arg(long, requires = "install")]
    pub force: bool,
}

/// The arguments of `stretch status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// How to write the line: text, JSON, or for waybar, polybar, i3blocks or tmux
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
    #[command(flatten)]
    pub interval: IntervalArgs,
}

/// How `stretch status` writes its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// One line of text, for a prompt.
    Text,
    /// One JSON object, every figure.
    Json,
    /// waybar's custom module: text, tooltip, class and percentage.
    Waybar,
    /// polybar's custom/script module, with `%{F...}` and `%{B...}` colours.
    Polybar,
    /// i3blocks: the full text, the short text and a colour, a line each.
    I3blocks,
    /// tmux's status line, with `#[fg=...]` styles.
    Tmux,
}

/// The arguments of `stretch snooze`.
#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// How long: a duration (30m, 1h; up to 24h), `today`, or `off`; without it, what is in
    /// force
    #[arg(value_name = "DURATION|today|off", value_parser = parse_snooze)]
    pub snooze: Option<SnoozeFor>,
}

/// What `stretch snooze` is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnoozeFor {
    /// So long from now.
    For(Duration),
    /// Until the end of today.
    Today,
    /// No more snooze.
    Off,
}

/// The longest snooze by its duration.
const MAX_SNOOZE: Duration = Duration::from_secs(24 * 3600);

/// `30m`, `today` or `off`.
fn parse_snooze(text: &str) -> Result<SnoozeFor, String> {
    match text.trim() {
        "today" => return Ok(SnoozeFor::Today),
        "off" => return Ok(SnoozeFor::Off),
        _ => {}
    }
    let how_long = duration::parse_argument(text)
        .map_err(|error| format!("{error}; or write `today` (until midnight) or `off`"))?;
    if how_long < Duration::from_secs(60) || how_long > MAX_SNOOZE {
        return Err(format!(
            "a snooze is from 1m to 24h, not {}; or write `today` (until midnight)",
            duration::format(how_long)
        ));
    }
    Ok(SnoozeFor::For(how_long))
}

/// The arguments of `stretch done`.
#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The routine you did: a path, or the name of your own or a built-in routine
    /// (default: the config file's `routine`, else hamstrings)
    #[arg(add = ArgValueCompleter::new(candidates::routines))]
    pub routine: Option<String>,
    /// How many minutes it took (default: the routine's total)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=600))]
    pub minutes: Option<u32>,
    /// When you finished it: HH:MM today, or YYYY-MM-DD HH:MM (default: now; never in the
    /// future)
    #[arg(long, value_name = "TIME", value_parser = parse_at)]
    pub at: Option<At>,
}

/// When a session done without the timer ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// At this time today.
    Today(Time),
    /// At this date and time.
    On(DateTime),
}

/// `14:30`, or `2026-03-02 14:30` (or with a `T`).
fn parse_at(text: &str) -> Result<At, String> {
    let text = text.trim();
    let Some((date, time)) = text.split_once([' ', 'T']) else {
        return parse_time(text).map(At::Today);
    };
    let date: Date = date.parse().map_err(|_| {
        format!("`{text}` is not a time as HH:MM or a date and time as YYYY-MM-DD HH:MM")
    })?;
    Ok(At::On(date.to_datetime(parse_time(time)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snooze_is_a_duration_today_or_off() {
        assert_eq!(
            parse_snooze("30m"),
            Ok(SnoozeFor::For(Duration::from_secs(1800)))
        );
        assert_eq!(parse_snooze("today"), Ok(SnoozeFor::Today));
        assert_eq!(parse_snooze("off"), Ok(SnoozeFor::Off));
        assert!(parse_snooze("30s").unwrap_err().contains("from 1m to 24h"));
        assert!(parse_snooze("25h").is_err() && parse_snooze("soon").is_err());
    }

    #[test]
    fn done_at_is_a_time_today_or_a_date_and_time() {
        assert_eq!(
            parse_at("14:30"),
            Ok(At::Today(jiff::civil::time(14, 30, 0, 0)))
        );
        let on = At::On(jiff::civil::date(2026, 3, 2).at(7, 5, 0, 0));
        assert_eq!(parse_at("2026-03-02 07:05"), Ok(on));
        assert_eq!(parse_at("2026-03-02T07:05"), Ok(on));
        assert!(parse_at("2026-02-30 07:05").is_err() && parse_at("yesterday").is_err());
    }
}
