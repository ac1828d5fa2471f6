//! The command line checked against the help's examples and the declared settings.

use super::*;

#[test]
fn every_example_in_the_help_is_a_command_line_that_parses() {
    let mut count = 0;
    for (name, text) in examples::ALL {
        let commands = examples::commands(text);
        assert!((2..=4).contains(&commands.len()), "{name}: {commands:?}");
        for words in commands {
            assert_eq!(words.get(1), Some(&name), "{words:?}");
            if let Err(error) = Cli::try_parse_from(&words) {
                panic!("{words:?}: {error}");
            }
            count += 1;
        }
    }
    assert!(count >= 2 * examples::ALL.len());
}

#[test]
fn every_subcommand_has_examples() {
    let command = Cli::command();
    let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    let with_examples: Vec<&str> = examples::ALL.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, with_examples);
}

#[test]
fn every_declared_flag_is_on_the_command_line_with_the_declared_help() {
    let command = Cli::command();
    let run = command.find_subcommand("run").expect("run");
    let show = command.find_subcommand("show").expect("show");
    let mut checked = 0;
    for key in stretch_timer::config::ALL {
        for (at, flag) in key.flags.iter().enumerate() {
            let Some(long) = flag.strip_prefix("--") else {
                // The routine: `run`'s argument.
                assert!(run.get_arguments().any(|arg| arg.get_id() == "routine"));
                continue;
            };
            // Every command that takes the flag, with the declared help on each.
            let args: Vec<&clap::Arg> = command
                .get_subcommands()
                .flat_map(|sub| sub.get_arguments())
                .chain(command.get_arguments())
                .filter(|arg| arg.get_long() == Some(long))
                .collect();
            assert!(
                !args.is_empty(),
                "`{}` declares {flag}, which is not a flag",
                key.name
            );
            if at == 0 {
                for arg in args {
                    let help = arg.get_help().map(ToString::to_string);
                    assert_eq!(help.as_deref(), Some(key.help), "{flag}");
                }
            }
            checked += 1;
        }
        if key.per_routine {
            let flag = key.flags[0].trim_start_matches("--");
            assert!(show.get_arguments().any(|arg| arg.get_long() == Some(flag)));
        }
    }
    assert!(checked >= 16, "{checked}");
}
