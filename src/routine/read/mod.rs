//! Reading a routine file: TOML text to a validated `Routine`, or every problem in it.
//!
//! The TOML is read into a tree that keeps the span of every key and value, then walked
//! by hand, so that one pass reports all problems, each pointing at its key or value:
//! `structure` walks the routine and its stretches, `cues` their cues, and `values`
//! checks each value. A file that is not TOML at all gets its syntax errors instead, a
//! duplicate key with a note at its first definition (`duplicate_key`).

mod cues;
mod duplicate_key;
mod structure;
#[cfg(test)]
mod tests;
mod values;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::routine::Routine;
use crate::routine::diagnostic::{Diagnostic, SourceFile};

pub use crate::routine::limits::MAX_FILE_BYTES;
pub use values::slug;

/// A value of the TOML tree, with the span it was read from.
type Value<'i> = Spanned<DeValue<'i>>;

/// Parse and validate a routine. On failure, every problem found, in file order.
pub fn parse_routine(file: &SourceFile) -> Result<Routine, Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(&file.text);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .iter()
            .map(|error| match error.span() {
                Some(span) if error.message() == "duplicate key" => {
                    duplicate_key::diagnostic(&file.text, root.get_ref(), span)
                }
                Some(span) => {
                    Diagnostic::error(format!("TOML syntax: {}", error.message())).at(span)
                }
                // Every diagnostic gets a position; one the reader could not place is at the start.
                None => Diagnostic::error(format!("TOML syntax: {}", error.message())).at(0..0),
            })
            .collect());
    }
    let mut checker = Checker::default();
    let routine = checker.routine(root.get_ref(), root.span());
    let mut diagnostics = checker.diagnostics;
    match routine {
        Some(routine) if diagnostics.is_empty() => Ok(routine),
        _ => {
            diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
            Err(diagnostics)
        }
    }
}

/// The walk over a routine's tree: every check reports its problems here and returns
/// `None` for a value it refused, so that one bad value does not hide the next.
#[derive(Default)]
struct Checker {
    diagnostics: Vec<Diagnostic>,
}

impl Checker {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}
