//! What `--help` ends with: a "start here" for `stretch --help`, and two to four real
//! examples for each subcommand. `-h` stays short and shows none of it. Every example
//! line that starts with `stretch` is checked against the command line by a unit test in
//! `cli.rs`.

/// `stretch --help`: where a new user starts.
pub const START_HERE: &str = "\
Start here:
  stretch run              walk through the default routine, hamstrings
  stretch list             every routine there is, built-in and your own
  stretch validate FILE    check a routine file you wrote";

/// `stretch run --help`.
pub const RUN: &str = "\
Examples:
  stretch run                                   the default routine, hamstrings
  stretch run hamstrings-beginner --voice       a gentler routine, spoken aloud
  stretch run --hold 45s --skip lying-strap     longer holds, one stretch left out
  stretch run my-routine.toml --plain --sound   your own file, one line per event, with tones";

/// `stretch list --help`.
pub const LIST: &str = "\
Examples:
  stretch list                   the routines, with level, stretch count, total time and what each is for
  stretch list --stretches       each stretch once, with its level and the routines that use it
  stretch list --format json     the same for a script";

/// `stretch show --help`.
pub const SHOW: &str = "\
Examples:
  stretch show                                          the timeline of what `stretch run` would run
  stretch show hamstrings-advanced                      the timeline, the cues and the total
  stretch show hamstrings --hold 45s --level beginner   preview what `run` would run with these flags
  stretch show hamstrings --format json                 every phase and cue, for a script";

/// `stretch guide --help`.
pub const GUIDE: &str = "\
Examples:
  stretch guide desk                            every stretch of a routine: figure, how and cues
  stretch guide chin-tuck                       one stretch of the library
  stretch guide lower-back > lower-back.txt     plain text, to print on paper";

/// `stretch validate --help`.
pub const VALIDATE: &str = "\
Examples:
  stretch validate                                  your routine folder and the built-in routines
  stretch validate my-routine.toml                  one file, every problem in it
  stretch validate my-evening --format json         one of your routines by name, for a script";

/// `stretch log --help`.
pub const LOG: &str = "\
Examples:
  stretch log                                            the last 10 sessions, streaks and 12 weeks
  stretch log -n 30 --weeks 26                           more sessions, half a year of weeks
  stretch log --since 2026-01-01 --format csv > a.csv    this year's sessions, for a spreadsheet";

/// `stretch due --help`.
pub const DUE: &str = "\
Examples:
  stretch due                                   a nudge, and status 1, if not yet today
  stretch due --quiet || PS1=\"(stretch) $PS1\"    a mark in your prompt until you have stretched
  stretch due --every 50m --between 09:00-17:30 --notify    a break every 50 minutes of the working day";

/// `stretch remind --help`.
pub const REMIND: &str = "\
Examples:
  stretch remind --at 07:30      print a systemd timer, a crontab line and a launchd plist
  stretch remind --install       install the systemd user timer, at 18:00
  stretch remind --every 50m --between 09:00-17:30 --days mon-fri --install    breaks through the working week";

/// `stretch status --help`.
pub const STATUS: &str = "\
Examples:
  stretch status                          stretch in 12m · 4-day streak
  stretch status --format waybar          one JSON object for waybar's custom module
  stretch status --format polybar         with %{F...} colours, for polybar's custom/script
  stretch status --format tmux            with #[fg=...] styles, for tmux's status-right";

/// `stretch snooze --help`.
pub const SNOOZE: &str = "\
Examples:
  stretch snooze 30m             no nudge for half an hour
  stretch snooze today           none until midnight
  stretch snooze off             nudges again as before
  stretch snooze                 what is in force";

/// `stretch done --help`.
pub const DONE: &str = "\
Examples:
  stretch done                              the config file's routine, ended now
  stretch done desk --minutes 5             the desk routine, 5 minutes
  stretch done lower-back --at 14:30        ended at 14:30 today";

/// `stretch completions --help`: the set-up the docs give as lines that the tests run as
/// written in each shell (tests/cli/shell/setup.rs).
pub const COMPLETIONS: &str = "\
Examples:
  stretch completions bash                      in ~/.bashrc: source <(stretch completions bash)
  stretch completions zsh > ~/.zfunc/_stretch   after mkdir -p ~/.zfunc, on $fpath before compinit
  stretch completions fish > ~/.config/fish/completions/stretch.fish   after mkdir -p the folder";

/// `stretch man --help`.
pub const MAN: &str = "\
Examples:
  stretch man | man -l -                                read it now
  stretch man > ~/.cargo/share/man/man1/stretch.1       after mkdir -p the folder: man stretch finds it";

/// `stretch config --help`.
pub const CONFIG: &str = "\
Examples:
  stretch config                                the files in use, and each setting's source
  stretch config --format json                  the same, for a script
  stretch config --edit                         change your settings in $VISUAL or $EDITOR";

/// `stretch new --help`.
pub const NEW: &str = "\
Examples:
  stretch new my-evening                        a template using two stretches of the library
  stretch new short-desk --from desk            a copy of the built-in `desk` to change
  stretch new my-evening --force                replace the file if it is there";

/// `stretch schema --help`.
pub const SCHEMA: &str = "\
Examples:
  stretch schema                                the schema of the routine format, as JSON
  stretch schema > routine.schema.json          for an editor: begin a routine with `#:schema ./routine.schema.json`";

/// Every subcommand's examples, by the subcommand's name, for the test that runs them
/// through the parser.
#[cfg(test)]
pub const ALL: [(&str, &str); 16] = [
    ("run", RUN),
    ("list", LIST),
    ("show", SHOW),
    ("guide", GUIDE),
    ("validate", VALIDATE),
    ("log", LOG),
    ("due", DUE),
    ("remind", REMIND),
    ("status", STATUS),
    ("snooze", SNOOZE),
    ("done", DONE),
    ("completions", COMPLETIONS),
    ("man", MAN),
    ("config", CONFIG),
    ("new", NEW),
    ("schema", SCHEMA),
];

/// The commands in `examples`: each line's words from `stretch` up to the first that
/// starts a shell operator (`|`, `>`, `||`) or that is followed by the two spaces
/// before the explanation.
#[cfg(test)]
pub fn commands(examples: &str) -> Vec<Vec<&str>> {
    examples
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("stretch "))
        .map(|line| {
            let command = line.split("  ").next().unwrap_or_default();
            std::iter::once("stretch")
                .chain(
                    command
                        .split_whitespace()
                        .take_while(|word| !matches!(*word, "|" | ">" | "||")),
                )
                .collect()
        })
        .collect()
}
