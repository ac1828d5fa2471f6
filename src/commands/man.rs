//! `stretch man`: the manual page, in roff, made from the same clap definitions as the
//! help, with the exit statuses (from [`Error::code`]), the files and the environment.
//! The binary prints it, not a build script, since `cargo install` installs nothing a
//! build script writes.

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::error::Error;
use crate::shell::examples;
use stretch_timer::frontend::input::Signal;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::frontend::screen::KEYS;

/// Print the manual page.
pub fn run() -> Result<(), Error> {
    let mut command = Cli::command();
    command.build();
    let man = Man::new(command.clone()).manual("User Commands");
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut roff = Roff::new();
    commands(&mut roff, &mut command);
    start_here(&mut roff);
    keys(&mut roff);
    exit_status(&mut roff);
    files(&mut roff);
    environment(&mut roff);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    print_stdout(&once_preamble(&String::from_utf8_lossy(&page)))?;
    Ok(())
}

/// `page` with the preamble that each part rendered on its own begins with (it defines
/// how an apostrophe prints) kept only at the top.
fn once_preamble(page: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    page.lines()
        .filter(|line| !line.starts_with(".ie ") && !line.starts_with(".el ") || seen.insert(*line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// COMMANDS: every subcommand with its usage, what it does, its arguments and examples.
fn commands(roff: &mut Roff, command: &mut clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in command
        .get_subcommands_mut()
        .filter(|sub| sub.get_name() != "help")
    {
        let usage = sub.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_owned();
        roff.control("SS", [usage.as_str()]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        // The global `--color` is in OPTIONS, once.
        for arg in sub
            .get_arguments()
            .filter(|arg| !arg.is_hide_set() && !arg.is_global_set())
        {
            if arg.get_id() == "help" {
                continue;
            }
            roff.control("TP", []);
            roff.text(argument(arg));
            let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|value| value.get_name().to_owned())
                .collect();
            if !values.is_empty() {
                help.push_str(&format!(" [possible values: {}]", values.join(", ")));
            }
            // An on/off flag's default (`false`) says nothing: its help says what is on.
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                help.push_str(&format!(" [default: {}]", defaults.join(",")));
            }
            roff.text([roman(help.trim())]);
        }
        if let Some(after) = sub.get_after_long_help() {
            preformatted(roff, &after.to_string());
        }
    }
}

/// How an argument is written: `-n N`, `--hold DURATION`, `--voice[=LEVEL]`, `ROUTINE`.
fn argument(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let mut parts = Vec::new();
    if let Some(short) = arg.get_short() {
        parts.push(bold(format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        if !parts.is_empty() {
            parts.push(roman(", "));
        }
        parts.push(bold(format!("--{long}")));
    }
    if parts.is_empty() {
        parts.push(italic(value));
    } else if arg.get_action().takes_values() {
        if arg.is_require_equals_set() {
            parts.push(roman("[="));
            parts.push(italic(value));
            parts.push(roman("]"));
        } else {
            parts.push(roman(" "));
            parts.push(italic(value));
        }
    }
    parts
}

/// Lines kept as they are (examples), in a no-fill block.
fn preformatted(roff: &mut Roff, text: &str) {
    roff.control("PP", []);
    roff.control("nf", []);
    for line in text.lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);
}

fn start_here(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    preformatted(roff, examples::START_HERE);
}

/// KEYS: what each key does during `stretch run`, as the `?` overlay lists them.
fn keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "During stretch run, on the full screen, and in plain mode when standard input is a terminal in the foreground:",
    )]);
    for (key, _, what) in KEYS {
        roff.control("TP", []);
        // roff takes no arrows: they are named.
        let key = key.replace('→', "Right").replace('←', "Left");
        roff.text([bold(
            key.split_whitespace().collect::<Vec<_>>().join(" or "),
        )]);
        roff.text([roman(what)]);
    }
}

/// EXIT STATUS, with the statuses as `Error::code` decides them: one for every signal
/// that ends a run.
fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    let mut statuses = vec![
        (0, "Success; for stretch due, no stretch is due: you have stretched today, or with --every lately (or you are snoozed, away or out of working hours).".to_string()),
        (
            Error::Invalid.code(),
            "A routine file is invalid or unreadable, stretch due finds a stretch due, or another error.".to_string(),
        ),
        (
            Error::Usage(String::new()).code(),
            "The command line is wrong: an unknown flag, a bad value, a stretch id the routine does not have.".to_string(),
        ),
    ];
    for signal in Signal::ALL {
        let how = match signal {
            Signal::Interrupt => "Ctrl-C or SIGINT".to_string(),
            Signal::Pipe => "a SIGPIPE sent to it".to_string(),
            other => other.name().to_string(),
        };
        statuses.push((
            Error::Signal(signal).code(),
            format!("stretch run ended by {how} (128 + the signal's number)."),
        ));
    }
    statuses.sort_by_key(|(code, _)| *code);
    for (code, meaning) in statuses {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(meaning)]);
    }
}

/// FILES.
fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    let files = [
        (
            "$XDG_CONFIG_HOME/stretch/config.toml",
            "Your settings, shown by `stretch config` (else ~/.config/stretch/config.toml).",
        ),
        (
            "$XDG_CONFIG_HOME/stretch/routines/NAME.toml",
            "Your routines, run by NAME (else ~/.config/stretch/routines/).",
        ),
        (
            "$XDG_CONFIG_HOME/stretch/routine.schema.json",
            "The JSON Schema of routine files, written by `stretch new` for editors (as `stretch schema` prints it).",
        ),
        (
            "$XDG_DATA_HOME/stretch/history.jsonl",
            "The history: one JSON line per session (else ~/.local/share/stretch/history.jsonl).",
        ),
        (
            "$XDG_CACHE_HOME/stretch/",
            "The tones of --sound, as WAV files made on first use (else ~/.cache/stretch/).",
        ),
        (
            "$XDG_STATE_HOME/stretch/workday.json",
            "What the checks of stretch due --every remember: the last nudge, the snooze, your time away (else ~/.local/state/stretch/workday.json).",
        ),
    ];
    definitions(roff, &files);
}

/// ENVIRONMENT.
fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    let variables = [
        ("NO_COLOR", "Not empty: no colour under --color auto."),
        (
            "CLICOLOR_FORCE",
            "Not empty: colour under --color auto, even into a pipe (NO_COLOR wins).",
        ),
        (
            "STRETCH_VOICE_COMMAND",
            "The speech program for --voice, with fixed arguments, split on white space (no shell).",
        ),
        (
            "STRETCH_SOUND_COMMAND",
            "The player for --sound, split the same way; it gets the WAV file's path.",
        ),
        (
            "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME, HOME",
            "Where the files above are.",
        ),
        (
            "XDG_SESSION_ID",
            "The logind session whose idle and lock hints stretch due --every reads (loginctl show-session); without it, the session logind names as your display's.",
        ),
        (
            "STRETCH_EVENT, STRETCH_ROUTINE, STRETCH_ENDING, STRETCH_ACTIVE_S",
            "Set for the hooks (on_start, on_finish, on_break_due in the config file): the event (start, finish, break_due), the routine, and for finish how the run ended and its seconds in holds.",
        ),
        (
            "COMPLETE",
            "Set by the completion scripts when they ask stretch for candidates.",
        ),
    ];
    definitions(roff, &variables);
}

fn definitions(roff: &mut Roff, items: &[(&str, &str)]) {
    for (term, meaning) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*meaning)]);
    }
}
