//! `stretch`: a stretch routine timer for the terminal.
//!
//! The library holds its layers, each importing only the ones below it:
//!
//! 0. [`fs`]: the file system: where the program's folders are, and every file it opens,
//!    opened one safe way (without blocking, its type checked, read within a bound,
//!    written whole or created exclusively).
//! 1. [`routine`]: the routine format: the model, reading and checking TOML, durations,
//!    text rules, diagnostics, and the catalog of built-in and user routines.
//! 2. [`plan`]: the timeline of a routine and the pure timing engine that follows it on a
//!    clock, with the actions that steer it.
//!    Beside it, [`history`]: the record of past runs, their days and streaks.
//! 3. [`frontend`]: the one run loop and what it drives: the full screen, plain mode, the
//!    voice, the bell, the terminal guard, keys and signals.
//! 4. [`config`]: the config file, and which setting wins: a flag, the environment, the
//!    file or the default.
//!
//! The binary (`src/main.rs`) adds the command line and one file per command on top.

// Tests may unwrap: a failure there is the report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod config;
pub mod frontend;
pub mod fs;
pub mod history;
pub mod plan;
pub mod routine;
