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
use crate::commands::{completions, due, list, log, man, remind, run, show, validate};
use crate::error::Error;
use stretch_timer::frontend::output;
use stretch_timer::routine::text::terminal_safe;

fn main() -> ExitCode {
    // When a completion script asks (`COMPLETE=bash`), answer and exit; else go on.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // `--help` and `--version` land here too, with status 0.
            let _ = error.print();
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
    }
}
