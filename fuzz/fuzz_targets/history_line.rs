//! The history line reader on arbitrary bytes: a line, a glance at it and a whole file of
//! such lines never panic, and a glance agrees with a full read on whether the line is whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stretch_timer::history::file::read_bytes;
use stretch_timer::history::record::{glance_line, parse_line};

fuzz_target!(|bytes: &[u8]| {
    let full = parse_line(bytes);
    let glance = glance_line(bytes);
    assert_eq!(full.is_ok(), glance.is_ok(), "{full:?} against {glance:?}");
    if let (Ok(session), Ok(glance)) = (&full, &glance) {
        assert_eq!(session.record.active_s, glance.active_s);
        assert_eq!(session.date, glance.date);
    }
    let _ = read_bytes(bytes);
});
