use std::time::Duration;

use super::*;
use crate::workday::window::{Days, Window};

fn parsed(text: &str) -> (File, Problems) {
    parse(&SourceFile::new("config.toml", text))
}

fn secs(n: u64) -> Option<Duration> {
    Some(Duration::from_secs(n))
}

fn words(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

#[test]
fn the_template_is_valid_and_sets_nothing() {
    let (file, problems) = parsed(&template());
    assert!(problems.is_empty());
    assert_eq!(file, File::default());
}

#[test]
fn every_key_of_the_template_uncommented_is_read() {
    let text: String = template()
        .lines()
        .filter_map(|line| line.strip_prefix("# "))
        .filter(|line| line.contains(" = ") || line.starts_with('['))
        .map(|line| format!("{line}\n"))
        .collect();
    let (file, problems) = parsed(&text);
    assert!(problems.is_empty(), "{text}");
    assert_eq!(
        file.top,
        Layer {
            routine: Some("hamstrings".into()),
            hold: Some(Duration::from_secs(30)),
            rest: Some(Duration::from_secs(10)),
            switch: Some(Duration::from_secs(5)),
            lead_in: Some(Duration::from_secs(5)),
            bell: Some(true),
            voice: Some(Voice::Off),
            voice_command: Some("espeak-ng -s 150".into()),
            sound: Some(false),
            sound_command: Some("paplay".into()),
            color: Some(Color::Auto),
            history: Some(true),
            figures: Some(true),
            every: secs(50 * 60),
            between: Window::parse("09:00-17:30").ok(),
            days: Days::parse("mon-fri").ok(),
            away: secs(5 * 60),
            break_command: Some(words(&["foot", "-e", "stretch", "run", "desk"])),
            on_start: Some(words(&["playerctl", "pause"])),
            on_finish: Some(words(&["playerctl", "play"])),
            on_break_due: Some(words(&[
                "paplay",
                "/usr/share/sounds/freedesktop/stereo/bell.oga"
            ])),
            hook_timeout: secs(10),
        }
    );
    assert_eq!(file.routines["desk"].hold, Some(Duration::from_secs(15)));
}

#[test]
fn a_bad_key_costs_only_itself() {
    let (file, problems) = parsed("hold = \"0s\"\nbell = false\nvoice = \"yes\"\ncolr = 1\n");
    assert_eq!(problems.total(), 3);
    assert_eq!(file.top.bell, Some(false));
    assert_eq!(file.top.hold, None);
    assert_eq!(file.top.voice, None);
    let (file, problems) = parsed("hold = \n");
    assert!(!problems.is_empty());
    assert_eq!(file, File::default());
}

#[test]
fn a_routine_table_takes_only_the_timing() {
    let (file, problems) =
        parsed("[routines.desk]\nhold = \"15s\"\nbell = false\n[routines.neck]\nrest = 0\n");
    assert_eq!(problems.total(), 1, "bell is not a routine's");
    assert_eq!(file.routines["desk"].hold, secs(15));
    assert_eq!(file.routines["desk"].bell, None);
    assert_eq!(file.routines["neck"].rest, secs(0));
}

#[test]
fn a_flag_wins_over_the_environment_over_the_routine_s_table_over_the_file() {
    let (file, _) = parsed(
        "routine = \"desk\"\nhold = \"45s\"\nrest = \"20s\"\ncolor = \"always\"\n\
         voice_command = \"file-speaker\"\n[routines.desk]\nhold = \"15s\"\n",
    );
    let env = Layer {
        voice_command: Some("env-speaker".into()),
        color: Some(Color::Never),
        ..Layer::default()
    };
    let flags = Layer {
        rest: secs(1),
        ..Layer::default()
    };
    let resolved = Sources { flags, env, file }.resolve();
    let hold = Setting {
        value: secs(15),
        source: Source::Table,
    };
    assert_eq!(resolved.hold, hold);
    assert_eq!(
        resolved.rest,
        Setting {
            value: secs(1),
            source: Source::Flag
        }
    );
    assert_eq!(resolved.color.source, Source::Env);
    assert_eq!(resolved.voice_command.value.as_deref(), Some("env-speaker"));
    assert_eq!(
        resolved.bell,
        Setting {
            value: true,
            source: Source::Default
        }
    );
    // Another routine: the file's hold, not desk's; the flag still wins.
    let other = resolved.for_routine("builtin:hamstrings");
    assert_eq!(other.routine.value, "builtin:hamstrings");
    assert_eq!(
        other.hold,
        Setting {
            value: secs(45),
            source: Source::File
        }
    );
    assert_eq!(other.rest.source, Source::Flag);
    assert_eq!(
        resolved.for_routine("some/where/desk.toml").hold.source,
        Source::Table
    );
}

#[test]
fn the_environment_is_read_by_the_variables_declared() {
    let lookup = |name: &str| match name {
        "STRETCH_SOUND_COMMAND" => Some("player".to_string()),
        "CLICOLOR_FORCE" => Some("1".to_string()),
        _ => None,
    };
    let env = Layer::from_env(&lookup);
    assert_eq!(env.sound_command.as_deref(), Some("player"));
    assert_eq!(env.voice_command, None);
    assert_eq!(env.color, Some(Color::Always));
    let both = |name: &str| (name != "STRETCH_VOICE_COMMAND").then(|| "1".to_string());
    assert_eq!(Layer::from_env(&both).color, Some(Color::Never));
}

#[test]
fn every_setting_has_a_row_and_help() {
    let resolved = Sources::default().resolve();
    let names: Vec<&str> = resolved.rows().iter().map(|row| row.key.name).collect();
    let all: Vec<&str> = ALL.iter().map(|key| key.name).collect();
    assert_eq!(names, all);
    assert!(
        ALL.iter()
            .all(|key| !key.help.is_empty() && !key.example().is_empty())
    );
}

#[test]
fn the_workday_s_keys_are_checked_and_a_bad_one_costs_only_itself() {
    let (file, problems) = parsed(
        "every = \"50m\"\nbetween = \"17:30-09:00\"\ndays = \"mon-fry\"\n\
         on_start = \"playerctl pause\"\non_finish = []\nbreak_command = [\"foot\", 3]\n\
         on_break_due = [\"notify-send\", \"Stretch\"]\naway = \"10s\"\n",
    );
    assert_eq!(problems.total(), 6);
    assert_eq!(file.top.every, secs(50 * 60));
    assert_eq!(
        file.top.on_break_due,
        Some(words(&["notify-send", "Stretch"]))
    );
    assert_eq!(
        (file.top.between, file.top.days, file.top.away),
        (None, None, None)
    );
    assert_eq!((file.top.on_start, file.top.on_finish), (None, None));
    assert_eq!(file.top.break_command, None);
    let messages: Vec<String> = problems
        .diagnostics
        .iter()
        .map(|problem| problem.message.clone())
        .collect();
    assert!(
        messages.contains(&"invalid `between`".to_string()),
        "{messages:?}"
    );
}
