mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::{list, run, show, validate};
use stretch_timer::routine::{catalog, diagnostic, text};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli.command) {
        Ok(code) => code,
        Err(error) => {
            anstream::eprintln!("error: {}", text::terminal_safe(&format!("{error:#}")));
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
