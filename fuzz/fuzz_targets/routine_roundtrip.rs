//! Routines written as TOML by the `toml` crate's serializer, read back by the routine
//! reader, must be the routine that was written. Two kinds of input:
//!
//! - Bytes that already read as a valid routine (the seeds are fixture files): the routine
//!   read is written out in full, every key explicit, and must read back equal to itself.
//! - Any other bytes: an arbitrary routine file description (text with quotes, backslashes,
//!   `"""`, unicode, newlines and tabs; timed and rotating cues; sides, side labels, reps,
//!   levels; durations as seconds or strings; keys left out for their defaults), with at
//!   most one flaw put into one text (a control or bidi character, only white space, or
//!   too long). What the reader must make of it is worked out here from the format's
//!   rules: the routine, every field compared, or exactly the problems it must report.
#![no_main]

#[path = "routine_roundtrip/expected.rs"]
mod expected;
#[path = "routine_roundtrip/generate.rs"]
mod generate;
#[path = "routine_roundtrip/write.rs"]
mod write;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use stretch_timer::routine::Routine;
use stretch_timer::routine::diagnostic::{SourceFile, render};
use stretch_timer::routine::limits::MAX_PROBLEMS;
use stretch_timer::routine::read::parse_routine;

use expected::Expected;
use generate::Input;
use write::{Doc, Form};

/// Writes `doc` as TOML, plain and pretty (which puts each item of an array on a line of
/// its own; in both, the serializer picks a basic, literal or multi-line string from the
/// text), and reads each back: it must be `expected`, or be refused with exactly the
/// problems `expected` holds.
fn check(doc: &Doc, expected: Result<Routine, Vec<String>>) {
    for pretty in [false, true] {
        let written = if pretty {
            toml::to_string_pretty(doc)
        } else {
            toml::to_string(doc)
        };
        let text = match written {
            Ok(text) => text,
            Err(error) => panic!("the serializer refused {doc:?}: {error}"),
        };
        read_back(&text, expected.clone());
    }
}

/// Reads `text`: it must be `expected`, or be refused with exactly its problems.
fn read_back(text: &str, expected: Result<Routine, Vec<String>>) {
    let file = SourceFile::new("roundtrip.toml", text);
    match (parse_routine(&file), expected) {
        (Ok(read), Ok(expected)) => assert_eq!(read, expected, "read back from:\n{text}"),
        (Err(problems), Err(mut want)) => {
            let _ = render(&file, &problems, false);
            let _ = render(&file, &problems, true);
            assert_eq!(problems.total(), want.len(), "{problems:?} from:\n{text}");
            if want.len() <= MAX_PROBLEMS {
                let mut got: Vec<&str> = problems
                    .diagnostics
                    .iter()
                    .map(|d| d.message.as_str())
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "from:\n{text}");
            }
        }
        (Ok(read), Err(want)) => panic!("accepted {read:?}, expected {want:?}, from:\n{text}"),
        (Err(problems), Ok(_)) => panic!(
            "refused a valid routine: {}\n{text}",
            render(&file, &problems, false)
        ),
    }
}

fuzz_target!(|bytes: &[u8]| {
    // A valid routine (a seed, or a mutation of one) is written out in full.
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(routine) = parse_routine(&SourceFile::new("seed.toml", text))
    {
        let form = [Form::Seconds, Form::Text, Form::Millis][bytes.len() % 3];
        let doc = Doc::of(&routine, form);
        // Whole seconds lose milliseconds: the routine expected is the one written.
        let expected = Routine {
            hold: doc.hold.map_or(routine.hold, |h| h.value),
            rest: doc.rest.map_or(routine.rest, |h| h.value),
            switch: doc.switch.map_or(routine.switch, |h| h.value),
            lead_in: doc.lead_in.map_or(routine.lead_in, |h| h.value),
            ..routine
        };
        check(&doc, Ok(expected));
        return;
    }
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(bytes)) else {
        return;
    };
    let mut doc = generate::doc(&input);
    if let Some(flaw) = &input.flaw {
        flaw.apply(&mut doc);
    }
    let mut expected = Expected::default();
    let routine = expected.routine(&doc);
    let expected = match routine {
        Some(routine) if expected.problems.is_empty() => Ok(routine),
        _ => Err(expected.problems),
    };
    check(&doc, expected);
});
