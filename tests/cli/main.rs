//! The integration tests of `stretch`: one test binary, run against the real program
//! through one harness ([`support`]) in a hermetic environment, with the fixtures under
//! `tests/fixtures`.
//!
//! - [`validate`]: `stretch validate` against the routine format, rule by rule.
//! - [`list_show`]: `stretch list` and `stretch show`.
//! - [`guide`]: `stretch guide`, and `list` cut to a terminal's width.
//! - [`no_panic`]: hostile input and closed pipes never make it panic.
//! - [`run_plain`]: `stretch run` in plain mode, into a pipe.
//! - [`real_time`]: the few tests that run routines in real time, to check when.
//! - [`run_terminal`]: `stretch run` full screen, in a pseudo-terminal.
//! - [`history`]: runs recorded in the history; `stretch log`, `due` and `remind`.
//! - [`shell`]: colour, help, completions and the man page.
//! - [`tones`]: `run --sound`, through fake players.
//! - [`config`]: the config file and `stretch config`.
//! - [`new`]: `stretch new`, the template and copies.
//! - [`uses`]: `use = "ID"`, stretches taken from the library.
//! - [`workday`]: breaks at intervals, away, snooze, `status`, `done`, the hooks.
//! - [`docs`]: every example of the README and `docs/` runs as shown.
//! - [`architecture`]: the source tree keeps its layers and its files short.

// Tests may unwrap: a failure there is the report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod architecture;
mod config;
mod docs;
mod guide;
mod hardening;
mod history;
mod list_show;
mod names;
mod new;
mod no_panic;
mod plan_flags;
mod real_time;
mod run_plain;
mod run_terminal;
mod schema;
mod shell;
mod side_labels;
mod tones;
mod uses;
mod validate;
mod voice;
mod workday;
