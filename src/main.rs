//! `stretch`: the command line. It parses the arguments, runs the command, and turns the
//! way the command ended into the exit status, here and nowhere else.

// Tests may unwrap: a failure there is the report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod commands;
mod error;
mod shell;

use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, Parser};

use crate::cli::{Cli, Command};
use crate::commands::{completions, due, list, log, man, new, remind, run, show, validate};
use crate::error::Error;
use stretch_timer::frontend::output;
use stretch_timer::routine::text::{terminal_safe, terminal_safe_multiline};

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
    output::choose_colour(match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    });
    match execute(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(message) = error.message() {
                anstream::eprintln!("error: {}", terminal_safe(&message));
            }
            ExitCode::from(error.code())
        }
    }
}

/// clap's message for a command line it refused, or the `--help` and `--version` that
/// land here too (status 0, printed as clap prints them). A refusal quotes the user's
/// values back, so it is rendered without styling and each line is made terminal-safe,
/// as every other message: `--level $'\e]0;TITLE\a'` must not set the window title.
fn print_usage_error(error: &clap::Error) {
    if !error.use_stderr() {
        let _ = error.print();
        return;
    }
    // `StyledStr`'s `Display` is the plain text, without clap's escape sequences.
    let plain = error.render().to_string();
    anstream::eprintln!("{}", terminal_safe_multiline(plain.trim_end()));
}

fn execute(command: Command) -> Result<(), Error> {
    match command {
        Command::List { stretches, format } => list::run(stretches, format),
        Command::Show {
            routine,
            plan,
            format,
        } => show::run(&routine, &plan, format),
        Command::Validate { files, format } => validate::run(&files, format),
        Command::Run(args) => run::run(&args),
        Command::Log(args) => log::run(&args),
        Command::Due(args) => due::run(&args),
        Command::Remind(args) => remind::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
        Command::New { name, from, force } => new::run(&name, from.as_deref(), force),
    }
}
