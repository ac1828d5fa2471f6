//! The history through the real binary, in a temporary HOME and XDG folders: what each
//! way of ending a run records, writing under contention and failure, and `log`, `due`
//! and `remind`. Dates are pinned with the debug-only `STRETCH_TEST_NOW`, zones with `TZ`.

mod due;
mod lock;
mod log;
mod recording;
mod remind;

use crate::support::Env;

/// The history's lines, each parsed as JSON; fails the test on a line that is not.
fn lines(env: &Env) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(env.history()).expect("the history");
    assert!(text.ends_with('\n'), "the last line is whole: {text:?}");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}
