//! The history line reader on arbitrary bytes: a line, a glance at it, a borrowed read of
//! it and a whole file of such lines never panic, and the three agree on whether the line
//! is whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stretch_timer::history::record::{glance_line, parse_line, read_stored};
use stretch_timer::history::scan::read_bytes;

fuzz_target!(|bytes: &[u8]| {
    let full = parse_line(bytes);
    let glance = glance_line(bytes);
    assert_eq!(full.is_ok(), glance.is_ok(), "{full:?} against {glance:?}");
    if let (Ok(session), Ok(glance)) = (&full, &glance) {
        assert_eq!(session.record.active_s, glance.active_s);
        assert_eq!(session.date, glance.date);
    }
    let stored = read_stored(bytes);
    assert_eq!(full.is_ok(), stored.is_ok());
    if let (Ok(session), Ok(stored)) = (&full, &stored) {
        assert_eq!(
            serde_json::to_string(&session.record).ok(),
            serde_json::to_string(&stored.record).ok()
        );
    }
    let _ = read_bytes(bytes);
});
