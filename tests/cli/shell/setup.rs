//! The shell set-up lines of the docs, run as written in a clean HOME, with `stretch` on
//! `PATH` as an installed one is: each shell, started for real in a pseudo-terminal,
//! completes `stretch run de<Tab>` to `desk` on the first Tab; `man` finds and renders
//! the page. A shell or `man` that is not installed skips its test, which says so.

use std::path::Path;

use crate::support::pty::Terminal;
use crate::support::{Env, STRETCH, path_first, say_skipped};

/// bash, without bash-completion: the line to add to `~/.bashrc`.
pub const BASH_SOURCE: &str = "source <(stretch completions bash)";
/// bash with bash-completion: the script where its loader looks for it.
pub const BASH_FILE: &str = r#"mkdir -p "${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions" && stretch completions bash > "${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions/stretch""#;
/// zsh: the script on the function path, as `_stretch`...
pub const ZSH_FILE: &str = "mkdir -p ~/.zfunc && stretch completions zsh > ~/.zfunc/_stretch";
/// ...and the lines of `~/.zshrc` that put the folder on it and start the completion system.
pub const ZSHRC: &str = "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit && compinit\n";
/// fish, typed in fish.
pub const FISH_FILE: &str = "mkdir -p $__fish_config_dir/completions && stretch completions fish > $__fish_config_dir/completions/stretch.fish";
/// The manual page beside the binary `cargo install` put in `~/.cargo/bin`, where `man`
/// looks for it (a `bin` folder on `PATH` means `../share/man` too).
pub const MAN_FILE: &str =
    "mkdir -p ~/.cargo/share/man/man1 && stretch man > ~/.cargo/share/man/man1/stretch.1";
/// The manual page read without installing it.
pub const MAN_READ: &str = "stretch man | man -l -";

/// The prompt each shell is given, to tell when it is ready for keys.
const PROMPT: &str = "ready> ";

/// Whether `program` is on this machine's `PATH`.
fn installed(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|folder| folder.join(program).is_file())
    })
}

/// Whether `program` is installed; if not, says that `test` is skipped, and why.
fn needs(program: &str, test: &str) -> bool {
    installed(program) || {
        say_skipped(test, &format!("{program} is not installed"));
        false
    }
}

/// The home's `~/.cargo/bin`, holding `stretch` as `cargo install` leaves it, first on a
/// `PATH` that has the system's programs after it.
fn path_with_stretch(env: &Env) -> std::ffi::OsString {
    let bin = env.home().join(".cargo").join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let link = bin.join("stretch");
    if !link.exists() {
        std::os::unix::fs::symlink(STRETCH, &link).unwrap();
    }
    path_first(&bin)
}

/// Runs `line` with `shell -c` in `env`, with `stretch` on `PATH`; fails on failure.
fn run_line(env: &Env, shell: &str, line: &str) {
    env.stretch()
        .program(shell)
        .args(["-c", line])
        .current_dir(env.home())
        .env("PATH", path_with_stretch(env))
        .run()
        .expect_code(0);
}

/// `shell` started interactively in a pseudo-terminal in `env`, waiting at its prompt.
fn interactive(env: &Env, shell: &str, args: &[&str]) -> Terminal {
    let mut terminal = env
        .stretch()
        .program(shell)
        .args(args)
        .current_dir(env.home())
        .env("PATH", path_with_stretch(env))
        .pty();
    terminal.wait_for_text(PROMPT);
    terminal
}

/// Types `stretch run de` and one Tab; waits for the line to read `stretch run desk`.
fn completes_desk(terminal: &mut Terminal) {
    terminal.type_keys(b"stretch run de\t");
    terminal.wait_for_text("stretch run desk");
}

fn append(path: &Path, text: &str) {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

#[test]
fn bash_completes_with_the_script_sourced_from_bashrc() {
    if !needs("bash", "bash_completes_with_the_script_sourced_from_bashrc") {
        return;
    }
    let env = Env::new();
    append(
        &env.home().join(".bashrc"),
        &format!("PS1='{PROMPT}'\n{BASH_SOURCE}\n"),
    );
    completes_desk(&mut interactive(&env, "bash", &["-i"]));
}

#[test]
fn bash_completes_with_the_script_where_bash_completion_loads_it() {
    let loader = Path::new("/usr/share/bash-completion/bash_completion");
    if !installed("bash") || !loader.is_file() {
        return say_skipped(
            "bash_completes_with_the_script_where_bash_completion_loads_it",
            "bash or bash-completion (/usr/share/bash-completion/bash_completion) is not installed",
        );
    }
    let env = Env::new();
    run_line(&env, "bash", BASH_FILE);
    append(
        &env.home().join(".bashrc"),
        &format!("PS1='{PROMPT}'\nsource {}\n", loader.display()),
    );
    completes_desk(&mut interactive(&env, "bash", &["-i"]));
}

#[test]
fn zsh_completes_on_the_first_tab_with_the_script_autoloaded_from_fpath() {
    if !needs(
        "zsh",
        "zsh_completes_on_the_first_tab_with_the_script_autoloaded_from_fpath",
    ) {
        return;
    }
    let env = Env::new();
    run_line(&env, "zsh", ZSH_FILE);
    append(
        &env.home().join(".zshrc"),
        &format!("{ZSHRC}PS1='{PROMPT}'\n"),
    );
    completes_desk(&mut interactive(&env, "zsh", &["-i"]));
}

#[test]
fn zsh_completes_with_the_script_sourced_too() {
    if !needs("zsh", "zsh_completes_with_the_script_sourced_too") {
        return;
    }
    let env = Env::new();
    append(
        &env.home().join(".zshrc"),
        &format!(
            "autoload -Uz compinit && compinit\nsource <(stretch completions zsh)\nPS1='{PROMPT}'\n"
        ),
    );
    completes_desk(&mut interactive(&env, "zsh", &["-i"]));
}

#[test]
fn fish_completes_with_the_script_in_its_completions_folder() {
    if !needs(
        "fish",
        "fish_completes_with_the_script_in_its_completions_folder",
    ) {
        return;
    }
    let env = Env::new();
    run_line(&env, "fish", FISH_FILE);
    let config = env.config_home().join("fish");
    std::fs::create_dir_all(&config).unwrap();
    append(
        &config.join("config.fish"),
        &format!("set -g fish_greeting ''\nfunction fish_prompt; echo -n '{PROMPT}'; end\n"),
    );
    completes_desk(&mut interactive(&env, "fish", &["-i"]));
}

#[test]
fn man_finds_the_page_beside_the_binary_and_reads_it_from_a_pipe() {
    if !needs(
        "man",
        "man_finds_the_page_beside_the_binary_and_reads_it_from_a_pipe",
    ) {
        return;
    }
    let env = Env::new();
    run_line(&env, "sh", MAN_FILE);
    let found = env
        .stretch()
        .program("sh")
        .args(["-c", "man -w stretch"])
        .env("PATH", path_with_stretch(&env))
        .env_remove("MANPATH")
        .run();
    found.expect_code(0);
    assert_eq!(
        found.stdout.trim_end(),
        env.home()
            .join(".cargo/share/man/man1/stretch.1")
            .display()
            .to_string()
    );
    let read = env
        .stretch()
        .program("sh")
        .args(["-c", MAN_READ])
        .env("PATH", path_with_stretch(&env))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .run();
    read.expect_code(0);
    for heading in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "FILES"] {
        assert!(
            read.stdout.lines().any(|line| line == heading),
            "{heading} in:\n{}",
            read.stdout
        );
    }
}
