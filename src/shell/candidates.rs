//! What the completion scripts offer, worked out by `stretch` itself when the shell asks
//! (clap_complete's dynamic completion): the routines there are, `.toml` paths, and the
//! ids of the stretches of the routine already on the command line.
//!
//! A candidate goes onto the command line as it is, and the shell reads it there when
//! Enter is pressed: a file named `x$(touch PWNED).toml` would run `touch`. So only words
//! that no shell reads as anything but themselves are offered ([`is_plain_word`]): the
//! routines named by slugs, and paths of plain characters. Anything else is left out,
//! rather than quoted four ways for four shells; such a file is still run by its path,
//! typed or quoted by hand.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};
use stretch_timer::config::{self, Sources};
use stretch_timer::routine::catalog;
use stretch_timer::routine::read::slug;
// clap_complete writes the candidates itself: their help is made safe here, as the
// output sink would.
use stretch_timer::frontend::output::cell;

/// A ROUTINE: your routines' names and the built-in ones (a built-in one that yours
/// shadows as `builtin:NAME`), then `.toml` files and folders, all starting with `current`.
pub fn routines(current: &OsStr) -> Vec<CompletionCandidate> {
    let prefix = current.to_string_lossy();
    let mut candidates: Vec<CompletionCandidate> =
        catalog::all_routines_with(|loaded, shadowed| {
            let name = loaded.run_name(shadowed);
            let help = match &loaded.routine {
                Ok(routine) => cell(&routine.name),
                Err(_) => "(invalid)".to_string(),
            };
            CompletionCandidate::new(name).help(Some(help.into()))
        })
        .into_iter()
        .filter(|candidate| {
            let value = candidate.get_value().to_string_lossy();
            let name = value
                .strip_prefix(catalog::BUILTIN_PREFIX)
                .unwrap_or(&value);
            value.starts_with(&*prefix) && slug(name) == name
        })
        .collect();
    let toml_or_folder =
        |path: &Path| path.is_dir() || path.extension().is_some_and(|ext| ext == "toml");
    candidates.extend(
        PathCompleter::any()
            .filter(toml_or_folder)
            .complete(current)
            .into_iter()
            .filter(|candidate| {
                let value = candidate.get_value().to_string_lossy();
                // The current folder itself is no routine file to run.
                is_plain_word(&value) && value != "." && value != "./"
            }),
    );
    candidates
}

/// Whether every shell reads `word` on a command line as exactly itself: ASCII letters,
/// digits, and `.`, `_`, `-`, `/`, `+`, `,` (not first: `-` would be read as a flag).
/// No quote, space, `$`, backquote, glob, tilde or control character.
fn is_plain_word(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with('-')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '+' | ','))
}

/// A stretch id for `--only` and `--skip`: the ids of the routine that `words` (the
/// command line being completed, from the program's name on) runs or shows, starting with
/// `current`. `command` is the whole command line's definition, which tells the flags that
/// take a value from those that do not. None when the routine cannot be read.
pub fn stretch_ids(
    current: &OsStr,
    words: &[OsString],
    command: &clap::Command,
) -> Vec<CompletionCandidate> {
    let Some(name) = routine_named(words, command, configured_routine) else {
        return Vec::new();
    };
    let Ok(routine) = catalog::find(&name).map(|loaded| loaded.routine) else {
        return Vec::new();
    };
    let Ok(routine) = routine else {
        return Vec::new();
    };
    let prefix = current.to_string_lossy();
    routine
        .stretches
        .iter()
        .filter(|stretch| stretch.id.starts_with(&*prefix))
        .map(|stretch| CompletionCandidate::new(&stretch.id).help(Some(cell(&stretch.name).into())))
        .collect()
}

/// The words of the command line that the shell asks about: what follows the `--` in the
/// arguments the completion script passes, with the program's name first.
pub fn words_being_completed() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match args.iter().position(|arg| arg == "--") {
        Some(dash) => args[dash + 1..].to_vec(),
        None => Vec::new(),
    }
}

/// The routine `run` runs when none is named, as the settings say: the config file's
/// `routine`, else the default. The file's problems are not told here: a completion
/// says nothing but its candidates.
fn configured_routine() -> String {
    let file = config::load().file;
    let sources = Sources {
        env: config::env(),
        file,
        ..Sources::default()
    };
    sources.resolve().routine.value
}

/// The routine that `words` names for `run` or `show`: the first word after the
/// subcommand that is neither a flag nor a flag's value (the configured routine, from
/// `default`, without one).
fn routine_named(
    words: &[OsString],
    command: &clap::Command,
    default: impl FnOnce() -> String,
) -> Option<String> {
    let words: Vec<String> = words
        .iter()
        .skip(1)
        .map(|word| word.to_string_lossy().into_owned())
        .collect();
    let mut rest = words.iter();
    let mut subcommand = None;
    while let Some(word) = rest.next() {
        if word.starts_with('-') {
            if takes_value(command, word) {
                rest.next();
            }
        } else {
            subcommand = command.find_subcommand(word);
            break;
        }
    }
    let subcommand = subcommand?;
    while let Some(word) = rest.next() {
        if word == "--" {
            return rest.next().cloned();
        }
        if word.starts_with('-') {
            if takes_value(subcommand, word) || takes_value(command, word) {
                rest.next();
            }
        } else {
            return Some(word.clone());
        }
    }
    // `run` and `show` alike take the configured routine when none is named.
    matches!(subcommand.get_name(), "run" | "show").then(default)
}

/// Whether `word` is a long flag of `command` whose value is the next word (not one
/// written `--flag=value`, and not one whose value must be joined by `=`).
fn takes_value(command: &clap::Command, word: &str) -> bool {
    let Some(long) = word.strip_prefix("--") else {
        return false;
    };
    if long.contains('=') {
        return false;
    }
    command.get_arguments().any(|arg| {
        arg.get_long() == Some(long)
            && arg.get_action().takes_values()
            && !arg.is_require_equals_set()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction, Command};

    fn command() -> Command {
        let plan = [
            Arg::new("routine"),
            Arg::new("hold").long("hold"),
            Arg::new("only").long("only"),
            Arg::new("plain").long("plain").action(ArgAction::SetTrue),
            Arg::new("voice")
                .long("voice")
                .require_equals(true)
                .num_args(0..=1),
        ];
        Command::new("stretch")
            .arg(Arg::new("color").long("color"))
            .subcommand(Command::new("run").args(plan.clone()))
            .subcommand(Command::new("show").args(plan))
    }

    fn routine(line: &str) -> Option<String> {
        let words: Vec<OsString> = line.split(' ').map(OsString::from).collect();
        routine_named(&words, &command(), || "configured".to_string())
    }

    #[test]
    fn the_routine_is_the_first_word_that_is_no_flag_nor_its_value() {
        assert_eq!(
            routine("stretch run mine --only x").as_deref(),
            Some("mine")
        );
        assert_eq!(
            routine("stretch run --hold 45s mine --only ").as_deref(),
            Some("mine")
        );
        assert_eq!(
            routine("stretch --color never show --plain --voice mine").as_deref(),
            Some("mine")
        );
        assert_eq!(
            routine("stretch run --hold=45s -- --odd --only").as_deref(),
            Some("--odd")
        );
    }

    #[test]
    fn only_words_a_shell_reads_as_themselves_are_plain() {
        for plain in ["mine", "a/b.toml", "../x-1_2.toml", "v1.2+b,c"] {
            assert!(is_plain_word(plain), "{plain}");
        }
        for not in [
            "",
            "x$(touch PWNED).toml",
            "a b",
            "`id`",
            "*.toml",
            "~/x",
            "-rf",
            "a\u{1b}[31m",
            "é.toml",
            "a;b",
            "a|b",
            "a'b",
            "a\"b",
            "a\\b",
            "{a,b}",
        ] {
            assert!(!is_plain_word(not), "{not:?}");
        }
    }

    #[test]
    fn run_and_show_without_a_routine_take_the_configured_one() {
        assert_eq!(
            routine("stretch run --only ").as_deref(),
            Some("configured")
        );
        assert_eq!(
            routine("stretch show --only ").as_deref(),
            Some("configured")
        );
        assert_eq!(routine("stretch"), None);
    }
}
