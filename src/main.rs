//! `stretch`: the command line. It parses the arguments, runs the command, and turns the
//! way the command ended into the exit status, here and nowhere else.

// Tests may unwrap: a failure there is the report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod commands;
mod error;
mod shell;

use std::ffi::{OsStr, OsString};
use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, Parser, ValueEnum};

use crate::cli::{Cli, Command};
use crate::commands::{
    completions, done, due, guide, list, log, man, new, remind, run, schema, show, snooze, status,
    validate,
};
use crate::error::Error;
use stretch_timer::config::{self, Color, Resolved, Source, Sources};
use stretch_timer::frontend::output;

fn main() -> ExitCode {
    // When a completion script asks (`COMPLETE=bash`), answer and exit; else go on.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            print_usage_error(&error);
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    // The settings, resolved once for every command. A config file with problems is one
    // warning and its good settings; only `config` reports its problems in full. `due`
    // takes its good settings too (`every`, `between`, `days`, the hooks) but, in shell
    // prompts, says nothing of its problems, as of a damaged history line.
    let config = config::load();
    let flags = cli.flags();
    let settings = Sources {
        flags,
        env: config::env(),
        file: config.file,
    }
    .resolve();
    choose_colour(settings.color.value, settings.color.source);
    if let Some(invalid) = &config.invalid
        && !matches!(cli.command, Command::Config { .. } | Command::Due(_))
    {
        output::warn(invalid.warning());
    }
    match execute(cli.command, &settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(message) = error.message() {
                output::error(message);
            }
            ExitCode::from(error.code())
        }
    }
}

/// clap's message for a command line it refused, or the `--help` and `--version` that
/// land here too (status 0), both through the output sink. A refusal quotes the user's
/// values back, so it is rendered without styling, as every other message:
/// `--level $'\e]0;TITLE\a'` must not set the window title.
fn print_usage_error(error: &clap::Error) {
    if !error.use_stderr() {
        // Help and version come before the parsed command line, so `--color` is read
        // from the arguments themselves; without it, colour is as `auto` makes it.
        if let Some(choice) = colour_asked(std::env::args_os()) {
            output::choose_colour(match choice {
                ColorChoice::Auto => anstream::ColorChoice::Auto,
                ColorChoice::Always => anstream::ColorChoice::Always,
                ColorChoice::Never => anstream::ColorChoice::Never,
            });
        }
        let _ = output::print_styled(&error.render().ansi().to_string());
        return;
    }
    // `StyledStr`'s `Display` is the plain text, without clap's escape sequences.
    let plain = error.render().to_string();
    output::eprint(&format!("{}\n", plain.trim_end()));
}

/// The last `--color WHEN` or `--color=WHEN` among `args`, if any names a choice.
fn colour_asked(args: impl IntoIterator<Item = OsString>) -> Option<ColorChoice> {
    let args: Vec<OsString> = args.into_iter().collect();
    let named = |when: &OsStr| ColorChoice::from_str(when.to_str()?, false).ok();
    args.iter().enumerate().rev().find_map(|(index, arg)| {
        let arg = arg.to_str()?;
        match arg.strip_prefix("--color") {
            Some("") => args.get(index + 1).and_then(|when| named(when)),
            Some(rest) => named(OsStr::new(rest.strip_prefix('=')?)),
            None => None,
        }
    })
}

/// Colour as `choice` says; a choice the environment made is left to it under `auto`.
fn choose_colour(choice: Color, source: Source) {
    output::choose_colour(match (choice, source) {
        (_, Source::Env) | (Color::Auto, _) => anstream::ColorChoice::Auto,
        (Color::Always, _) => anstream::ColorChoice::Always,
        (Color::Never, _) => anstream::ColorChoice::Never,
    });
}

fn execute(command: Command, settings: &Resolved) -> Result<(), Error> {
    match command {
        Command::List { stretches, format } => list::run(stretches, format, settings),
        Command::Show { plan, format, .. } => show::run(&plan, settings, format),
        Command::Validate { files, format } => validate::run(&files, format),
        Command::Guide { routine } => {
            let name = routine.unwrap_or_else(|| settings.routine.value.clone());
            guide::run(&name, settings)
        }
        Command::Run(args) => run::run(&args, settings),
        Command::Log(args) => log::run(&args),
        Command::Due(args) => due::run(&args, settings),
        Command::Remind(args) => remind::run(&args, settings),
        Command::Status(args) => status::run(&args, settings),
        Command::Snooze(args) => snooze::run(&args),
        Command::Done(args) => done::run(&args, settings),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
        Command::Schema => schema::run(),
        Command::Config { edit, format } => commands::config::run(edit, format, settings),
        Command::New { name, from, force } => new::run(&name, from.as_deref(), force),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(args: &[&str]) -> Option<ColorChoice> {
        colour_asked(args.iter().map(OsString::from))
    }

    #[test]
    fn the_last_color_flag_in_either_form_is_what_was_asked() {
        assert_eq!(asked(&["stretch", "--help"]), None);
        assert_eq!(
            asked(&["stretch", "--color", "never", "--help"]),
            Some(ColorChoice::Never)
        );
        assert_eq!(
            asked(&["stretch", "run", "--color=always", "-h"]),
            Some(ColorChoice::Always)
        );
        assert_eq!(
            asked(&["stretch", "--color=never", "list", "--color", "auto"]),
            Some(ColorChoice::Auto)
        );
        assert_eq!(asked(&["stretch", "--color", "loud", "--help"]), None);
        assert_eq!(asked(&["stretch", "--colour=never", "--help"]), None);
        assert_eq!(asked(&["stretch", "--color"]), None);
    }
}
