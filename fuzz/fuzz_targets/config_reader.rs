//! The config file reader on arbitrary bytes: reading never panics; a file's problems
//! render, plain and styled; the settings read from its good keys are each within the
//! range the file allows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stretch_timer::config::{self, MAX_SETTING_CHARS};
use stretch_timer::routine::diagnostic::{SourceFile, render};
use stretch_timer::routine::limits;
use stretch_timer::routine::text::is_bidi_control;

/// A setting's text: one trimmed line of 1 to `MAX_SETTING_CHARS` characters, without a
/// control or bidi character.
fn check_text(key: &str, text: &str) {
    let chars = text.chars().count();
    assert!(
        (1..=MAX_SETTING_CHARS).contains(&chars),
        "{key}: {chars} characters"
    );
    assert_eq!(text, text.trim(), "{key} is not trimmed");
    assert!(
        !text.chars().any(|c| c.is_control() || is_bidi_control(c)),
        "{key}: {text:?}"
    );
}

fuzz_target!(|bytes: &[u8]| {
    // `config::load` refuses a file that is not UTF-8 before reading it.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let file = SourceFile::new("config.toml", text);
    // Every good setting is read, beside the problems of the bad ones.
    let (config, problems) = config::parse(&file);
    for layer in std::iter::once(&config.top).chain(config.routines.values()) {
        if let Some(hold) = layer.hold {
            assert!(limits::HOLD.contains(&hold), "hold {hold:?}");
        }
        if let Some(lead_in) = layer.lead_in {
            assert!(limits::LEAD_IN.contains(&lead_in), "lead_in {lead_in:?}");
        }
        if let Some(routine) = &layer.routine {
            check_text("routine", routine);
        }
        if let Some(command) = &layer.voice_command {
            check_text("voice_command", command);
        }
        for command in [
            &layer.break_command,
            &layer.on_start,
            &layer.on_finish,
            &layer.on_break_due,
        ]
        .into_iter()
        .flatten()
        {
            assert!((1..=config::keys::MAX_COMMAND_WORDS).contains(&command.len()));
            for word in command {
                check_text("a command's word", word);
            }
        }
    }
    if !problems.is_empty() {
        assert!(problems.total() > 0);
        assert!(problems.diagnostics.len() <= limits::MAX_PROBLEMS);
        let _ = render(&file, &problems, false);
        let _ = render(&file, &problems, true);
    }
});
