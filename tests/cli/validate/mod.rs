//! `stretch validate`, through the real binary, against the routine format of issue 2.
//! Every rule has a fixture in tests/fixtures/format/invalid/, named after the rule;
//! [`expectations`] says exactly which problems, where, each of them must produce.
//!
//! - [`expectations`]: the table of every invalid fixture and its problems.
//! - [`problems`]: the table checked against the JSON and text reports; valid fixtures.
//! - [`renders`]: exact text reports, one table.
//! - [`files`]: files that cannot be routines, CRLF, several files, the user's folder,
//!   the command line, and control characters.

mod expectations;
mod files;
mod problems;
mod renders;

/// One expected diagnostic: where (`None` for a problem of the whole file), what, and the hint.
#[derive(Debug, PartialEq, Eq)]
pub struct Expected {
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    help: Option<String>,
}

pub fn at(line: u64, column: u64, message: &str) -> Expected {
    Expected {
        line: Some(line),
        column: Some(column),
        message: message.to_string(),
        help: None,
    }
}

pub fn whole_file(message: &str) -> Expected {
    Expected {
        line: None,
        column: None,
        message: message.to_string(),
        help: None,
    }
}

impl Expected {
    pub fn help(mut self, help: &str) -> Expected {
        self.help = Some(help.to_string());
        self
    }
}
