//! The history of runs: one JSON line per session in `history.jsonl`, appended under an
//! exclusive lock and never rewritten; read forwards a chunk at a time for `stretch log`
//! and backwards from its end for `stretch due`; and the rules that turn sessions into
//! days and streaks.
//!
//! - [`record`]: a session's record and its line, version 1, read without trusting it.
//! - [`file`](mod@file): where the file is, opening it, and appending a record.
//! - [`scan`]: reading every line forwards, in bounded memory, on every core.
//! - [`tail`]: reading lines backwards from the end, for the recent days only.
//! - [`days`]: the calendar day of a session, the days that count, streaks and weeks.
//! - [`chart`]: the weeks-by-weekdays chart of `stretch log`.
//! - [`now`]: the wall clock, which debug builds let tests set.

pub mod chart;
pub mod days;
pub mod file;
pub mod now;
pub mod record;
pub mod scan;
pub mod tail;
