mod announce;
mod catalog;
mod cli;
mod diagnostic;
mod duration;
mod engine;
mod input;
mod list;
mod parse;
mod plain;
mod routine;
mod run;
mod sanitize;
mod screen;
mod show;
mod terminal;
mod timeline;
mod tui;
mod validate;
mod voice;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli.command) {
        Ok(code) => code,
        Err(error) => {
            anstream::eprintln!("error: {}", sanitize::terminal_safe(&format!("{error:#}")));
            if error.is::<run::UsageError>() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn execute(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::List { stretches, format } => {
            list::run(stretches, format).map(|()| ExitCode::SUCCESS)
        }
        Command::Show { routine, format } => {
            let loaded = catalog::find(&routine)?;
            match &loaded.routine {
                Ok(routine) => show::print(routine, format).map(|()| ExitCode::SUCCESS),
                Err(problems) => {
                    diagnostic::eprint(&loaded.file, problems);
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Validate { files, format } => {
            let all_valid = validate::run(&files, format)?;
            Ok(if all_valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Run(args) => run::run(&args),
    }
}
