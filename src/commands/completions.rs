//! `stretch completions SHELL`: the script that makes SHELL complete `stretch`'s
//! subcommands and flags, and ask `stretch` itself for routine names, `.toml` paths and
//! stretch ids (clap_complete's dynamic completion; the candidates are in `shell/`).
//!
//! The script asks `stretch` as found on `PATH`, never the path of the binary that printed
//! it: a script made at packaging time would otherwise point into the build folder. The
//! zsh script also completes when it is autoloaded as `_stretch` from zsh's function path.

use std::io::Write as _;

use anyhow::Context as _;
use clap_complete::env::Shells;

use crate::cli::Shell;
use crate::error::Error;
use stretch_timer::frontend::output::print_stdout;

/// The variable through which the script asks `stretch` for candidates, as
/// `clap_complete::CompleteEnv` in `main` reads it.
const VAR: &str = "COMPLETE";

/// The program the script completes, and asks for candidates: `stretch` on `PATH`.
const PROGRAM: &str = "stretch";

/// Print the completion script for `shell`.
pub fn run(shell: Shell) -> Result<(), Error> {
    let script = script(shell)?;
    print_stdout(&script)?;
    Ok(())
}

/// The completion script for `shell`.
fn script(shell: Shell) -> anyhow::Result<String> {
    let shells = Shells::builtins();
    let completer = shells
        .completer(shell.as_str())
        .with_context(|| format!("no completions for {}", shell.as_str()))?;
    let mut script = Vec::new();
    completer.write_registration(VAR, PROGRAM, PROGRAM, PROGRAM, &mut script)?;
    script.flush()?;
    let script = String::from_utf8_lossy(&script).into_owned();
    match shell {
        Shell::Zsh => autoloadable(&script),
        _ => Ok(script),
    }
}

/// The line with which clap_complete's zsh script binds its function to `stretch`.
const ZSH_BINDING: &str = "compdef _clap_dynamic_completer_stretch stretch";

/// What replaces it. Autoloaded from the function path, the file is the body of
/// `_stretch`, which the completion system calls on the first Tab: binding another
/// function then would only complete from the second Tab on, so it completes at once
/// instead. Sourced, it binds its function as before.
const ZSH_AUTOLOADABLE: &str = r#"if [[ "${funcstack[1]}" == "_stretch" ]]; then
    # Autoloaded as _stretch from $fpath by the completion system: complete now.
    _clap_dynamic_completer_stretch "$@"
else
    compdef _clap_dynamic_completer_stretch stretch
fi"#;

/// The zsh `script` made to complete when autoloaded as `_stretch` too.
fn autoloadable(script: &str) -> anyhow::Result<String> {
    // clap_complete is pinned to one release (Cargo.toml): the line is there, or the
    // test below fails before any release does.
    anyhow::ensure!(
        script.matches(ZSH_BINDING).count() == 1,
        "the zsh completion script has changed shape; it cannot be made autoloadable"
    );
    Ok(script.replace(ZSH_BINDING, ZSH_AUTOLOADABLE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zsh_script_completes_when_autoloaded_and_binds_when_sourced() {
        let script = script(Shell::Zsh).unwrap();
        assert!(script.starts_with("#compdef stretch\n"), "{script}");
        assert!(script.contains(ZSH_AUTOLOADABLE), "{script}");
        assert_eq!(script.matches("compdef _clap").count(), 1, "{script}");
    }
}
