//! `stretch completions SHELL`: the script that makes SHELL complete `stretch`'s
//! subcommands and flags, and ask `stretch` itself for routine names, `.toml` paths and
//! stretch ids (clap_complete's dynamic completion; the candidates are in `shell/`).

use std::io::Write as _;

use anyhow::Context as _;
use clap_complete::env::Shells;

use crate::cli::Shell;
use crate::error::Error;
use stretch_timer::frontend::output::print_stdout;

/// The variable through which the script asks `stretch` for candidates, as
/// `clap_complete::CompleteEnv` in `main` reads it.
const VAR: &str = "COMPLETE";

/// Print the completion script for `shell`.
pub fn run(shell: Shell) -> Result<(), Error> {
    let shells = Shells::builtins();
    let completer = shells
        .completer(shell.as_str())
        .with_context(|| format!("no completions for {}", shell.as_str()))?;
    let mut script = Vec::new();
    completer.write_registration(VAR, "stretch", "stretch", &this_program(), &mut script)?;
    script.flush()?;
    print_stdout(&String::from_utf8_lossy(&script))?;
    Ok(())
}

/// What the script runs to ask for candidates: this program by its absolute path, so
/// that it answers even when it is not on `PATH`; `stretch` when that path is unknown or
/// not UTF-8.
fn this_program() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|path| path.to_str().map(str::to_owned))
        .unwrap_or_else(|| "stretch".to_string())
}
