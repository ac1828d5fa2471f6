//! `stretch`: a stretch routine timer for the terminal.
//!
//! The library holds these layers, each importing only the ones below it:
//!
//! 0. [`fs`]: the file system: where the program's folders are, and every file it opens,
//!    opened one safe way (without blocking, its type checked, read within a bound,
//!    written whole or created exclusively).
//! 1. [`routine`]: the routine format: the model, reading and checking TOML, durations,
//!    text rules, diagnostics, and the catalog of built-in and user routines; and the
//!    poses of the figures, from the figures file beside the built-in routines.
//! 2. [`plan`]: the timeline of a routine, the stretches and timing a run selects, and the
//!    pure timing engine that follows it on a clock, with the actions that steer it.
//!    Beside it, [`history`]: the record of past runs, their days and streaks; and
//!    [`figure`]: a pose made into the lines of a drawing, mirrored and fitted to a box;
//!    and [`workday`]: breaks at intervals through the working day, the user's time away,
//!    snoozes and the state the checks keep.
//! 3. [`config`]: every setting, declared once, and which value wins: a flag, the
//!    environment, the config file (a routine's own table, then its top level) or the
//!    default.
//! 4. [`frontend`]: the one run loop and what it drives: the full screen, plain mode, the
//!    voice, the bell, the terminal guard, keys and signals.
//!
//! Below them all, built only for the unit tests, `testing`: what those tests share.
//!
//! The binary (`src/main.rs`) adds the command line and one file per command on top, and
//! may use any of the library's layers.

// Tests may unwrap: a failure there is the report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod config;
pub mod figure;
pub mod frontend;
pub mod fs;
pub mod history;
pub mod plan;
pub mod routine;
#[cfg(test)]
pub mod testing;
pub mod workday;
