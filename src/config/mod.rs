//! The config file, `$XDG_CONFIG_HOME/stretch/config.toml` (else
//! `~/.config/stretch/config.toml`): the user's own defaults for `run` and the colour.
//! It is read with the routine reader's checks ([`read_settings`]), so a bad file gets the
//! same diagnostics as a bad routine; a missing file is no settings at all. Which value
//! wins, of a flag, the environment, the file and the default, is decided in
//! [`effective`].

pub mod effective;

use std::path::PathBuf;
use std::time::Duration;

use crate::frontend::voice::VoiceLevel;
use crate::routine::catalog;
use crate::routine::diagnostic::SourceFile;
use crate::routine::limits;
use crate::routine::problems::Problems;
use crate::routine::read::read_settings;

/// Every key the file may have, in the order `stretch config` shows them.
pub const KEYS: &[&str] = &[
    "routine",
    "hold",
    "lead_in",
    "bell",
    "voice",
    "voice_command",
    "sound",
    "color",
    "history",
];

/// The longest `routine` (a name or a path) and `voice_command`, in characters.
pub const MAX_SETTING_CHARS: usize = 1024;

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR`; also into a pipe with `CLICOLOR_FORCE`.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    /// Every value, in the order offered.
    pub const ALL: [Color; 3] = [Color::Auto, Color::Always, Color::Never];

    /// The value's name, as the file and `--color` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Color::Auto => "auto",
            Color::Always => "always",
            Color::Never => "never",
        }
    }
}

/// The settings the file makes; `None` for each key it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The routine `run` runs when none is named.
    pub routine: Option<String>,
    /// Every hold, as `--hold` makes it.
    pub hold: Option<Duration>,
    /// The lead-in, as `--lead-in` makes it.
    pub lead_in: Option<Duration>,
    /// Whether to ring the bell.
    pub bell: Option<bool>,
    /// The voice: `Some(None)` is off, `Some(Some(level))` on at that level.
    pub voice: Option<Option<VoiceLevel>>,
    /// The speech program and its arguments, as `STRETCH_VOICE_COMMAND` names them.
    pub voice_command: Option<String>,
    /// Whether to play tones, as `--sound` does.
    pub sound: Option<bool>,
    /// When to colour the output.
    pub color: Option<Color>,
    /// Whether to record runs in the history.
    pub history: Option<bool>,
}

/// A config file that is not valid: the file, and its problems.
pub struct Invalid {
    /// The file, as diagnostics point into it.
    pub file: SourceFile,
    /// Every problem found.
    pub problems: Problems,
}

/// `$XDG_CONFIG_HOME/stretch/config.toml`, else `~/.config/stretch/config.toml`.
pub fn path() -> Option<PathBuf> {
    catalog::config_folder().map(|folder| folder.join("config.toml"))
}

/// The config file's settings: none when there is no file (or no home to find it in).
pub fn load() -> Result<Config, Box<Invalid>> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    let shown = path.display().to_string();
    let text = catalog::read_user_file(&path).map_err(|problem| Invalid {
        file: SourceFile::new(&shown, ""),
        problems: Problems::from(vec![problem]),
    })?;
    let Some(text) = text else {
        return Ok(Config::default());
    };
    let file = SourceFile::new(&shown, &text);
    match parse(&file) {
        Ok(config) => Ok(config),
        Err(problems) => Err(Box::new(Invalid { file, problems })),
    }
}

/// The settings in `file`, or every problem in it.
pub fn parse(file: &SourceFile) -> Result<Config, Problems> {
    read_settings(file, KEYS, |settings| Config {
        routine: settings.text("routine", MAX_SETTING_CHARS),
        hold: settings.duration("hold", &limits::HOLD),
        lead_in: settings.duration("lead_in", &limits::LEAD_IN),
        bell: settings.boolean("bell"),
        voice: settings.switch_or_choice(
            "voice",
            VoiceLevel::DEFAULT,
            &VoiceLevel::ALL,
            VoiceLevel::as_str,
        ),
        voice_command: settings.text("voice_command", MAX_SETTING_CHARS),
        sound: settings.boolean("sound"),
        color: settings.choice("color", &Color::ALL, Color::as_str),
        history: settings.boolean("history"),
    })
}

/// What `stretch config --edit` writes when there is no file: every key, commented out.
pub const TEMPLATE: &str = r#"# stretch's settings. Remove the `#` before a key to use it; a flag on the
# command line wins over the environment, which wins over this file.
# routine = "hamstrings"    # what `stretch run` runs when no routine is named
# hold = "30s"              # every hold, like --hold (1s to 10m)
# lead_in = "5s"            # the lead-in, like --lead-in (0 to 2m)
# bell = true               # ring the terminal bell at each change; --bell / --no-bell
# voice = false             # true, false, or "phases", "cues", "all"; --voice / --no-voice
# voice_command = "espeak-ng -s 150"   # the speech program, like STRETCH_VOICE_COMMAND
# sound = false             # tones instead of the bell; --sound / --no-sound
# color = "auto"            # auto, always or never; --color, NO_COLOR
# history = true            # record runs in the history; --log / --no-log
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid_and_sets_nothing() {
        let file = SourceFile::new("config.toml", TEMPLATE);
        assert_eq!(parse(&file).ok(), Some(Config::default()));
    }

    #[test]
    fn every_key_of_the_template_uncommented_is_read() {
        let text: String = TEMPLATE
            .lines()
            .skip(2)
            .map(|line| format!("{}\n", line.trim_start_matches("# ")))
            .collect();
        let config = parse(&SourceFile::new("config.toml", &text)).ok();
        assert_eq!(
            config,
            Some(Config {
                routine: Some("hamstrings".into()),
                hold: Some(Duration::from_secs(30)),
                lead_in: Some(Duration::from_secs(5)),
                bell: Some(true),
                voice: Some(None),
                voice_command: Some("espeak-ng -s 150".into()),
                sound: Some(false),
                color: Some(Color::Auto),
                history: Some(true),
            })
        );
    }
}
