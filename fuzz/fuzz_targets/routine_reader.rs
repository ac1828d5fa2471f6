//! The routine reader and checker on arbitrary bytes: reading never panics, and every
//! problem it reports renders (plain and styled) without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stretch_timer::routine::diagnostic::{SourceFile, render};
use stretch_timer::routine::read::parse_routine;
use stretch_timer::routine::text::terminal_safe;

fuzz_target!(|bytes: &[u8]| {
    // The catalog refuses a file that is not UTF-8 before reading it.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let file = SourceFile::new("fuzz.toml", text);
    match parse_routine(&file) {
        Ok(routine) => {
            assert!(!routine.stretches.is_empty());
            let _ = terminal_safe(&routine.name);
        }
        Err(problems) => {
            assert!(problems.total() > 0);
            let _ = render(&file, &problems, false);
            let _ = render(&file, &problems, true);
        }
    }
});
