//! Reading a routine file: TOML text to a validated `Routine`, or every problem in it.
//!
//! The TOML is read into a tree that keeps the span of every key and value, then walked
//! by hand, so that one pass reports all problems, each pointing at its key or value:
//! `structure` walks the routine and its stretches, `cues` their cues, and `values`
//! checks each value. A file that is not TOML at all gets its syntax errors instead, a
//! duplicate key with a note at its first definition (`duplicate_key`).

mod cues;
mod duplicate_key;
mod poses;
mod settings;
mod structure;
mod syntax;
#[cfg(test)]
mod tests;
mod uses;
mod values;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::routine::Routine;
use crate::routine::diagnostic::{Diagnostic, SourceFile};
use crate::routine::problems::Problems;

pub use crate::routine::limits::MAX_FILE_BYTES;
pub use poses::parse_figures;
pub use settings::{Settings, read_settings};
pub use values::slug;

// What the schema of the format (`routine::schema`) is made from, so that it says what
// the reader checks.
#[cfg(test)]
pub(crate) use cues::CUE_KEYS;
#[cfg(test)]
pub(crate) use structure::{ROUTINE_KEYS, STRETCH_KEYS};
pub(crate) use values::{CUE_TEXT, LONG_TEXT, Lines, NAME, SIDE_LABEL, TextRule};

/// A value of the TOML tree, with the span it was read from.
type Value<'i> = Spanned<DeValue<'i>>;

/// Parse and validate a routine. On failure, the problems found, in file order: the
/// first [`MAX_PROBLEMS`](crate::routine::limits::MAX_PROBLEMS), and how many more.
pub fn parse_routine(file: &SourceFile) -> Result<Routine, Problems> {
    parse(file, Trust::Stranger)
}

/// Parse and validate a built-in routine, which may not `use` the library: the library
/// is made of them. Compiled in, and checked by the tests, a built-in routine has no
/// syntax errors to count, so the first pass that bounds a stranger's is skipped: it
/// would take a third of the start-up of `list`, `show` and `validate`.
pub(crate) fn parse_builtin_routine(file: &SourceFile) -> Result<Routine, Problems> {
    parse(file, Trust::BuiltIn)
}

/// Where a file comes from, which decides what it may do and how it is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trust {
    /// A file from anyone: its syntax errors are bounded, it may `use` the library, and
    /// the figures it names are looked for in the library of figures.
    Stranger,
    /// A built-in routine (or the figures file): its syntax is read in one pass, it may
    /// not `use` the library, and the figures it names are taken as they are: the tests
    /// check that each is there, and `list`, `show` and `validate` need not read the
    /// figures file to start.
    BuiltIn,
}

fn parse(file: &SourceFile, trust: Trust) -> Result<Routine, Problems> {
    let root = syntax_tree(file, trust)?;
    let mut checker = Checker {
        problems: Problems::default(),
        trust,
    };
    let routine = checker.routine(root.get_ref(), root.span());
    match routine {
        Some(routine) if checker.problems.is_empty() => Ok(routine),
        _ => Err(checker.problems.finish()),
    }
}

/// The file's TOML tree, or its syntax errors.
fn syntax_tree(file: &SourceFile, trust: Trust) -> Result<Spanned<DeTable<'_>>, Problems> {
    let bounded = match trust {
        Trust::Stranger => syntax::within_bound(&file.text),
        Trust::BuiltIn => syntax::Bounded {
            text: file.text.as_str(),
            more: 0,
            too_big: None,
        },
    };
    let (text, more_syntax_errors) = (bounded.text, bounded.more);
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() || more_syntax_errors > 0 || bounded.too_big.is_some() {
        let mut problems = Problems::default();
        // Past the cut, a problem of the cut itself (say, a value missing at the end) is
        // not the file's: the file's own are counted in `more_syntax_errors`.
        let cut = (text.len() < file.text.len()).then_some(text.len());
        let before_cut = |error: &&toml::de::Error| {
            cut.is_none_or(|cut| error.span().is_none_or(|span| span.start < cut))
        };
        // Each level of nesting left open at the end is the same problem at the same
        // place, said once.
        let mut errors: Vec<&toml::de::Error> = syntax_errors.iter().filter(before_cut).collect();
        errors.dedup_by(|a, b| a.message() == b.message() && a.span() == b.span());
        for error in errors {
            problems.push(match error.span() {
                Some(span) if error.message() == "duplicate key" => {
                    duplicate_key::diagnostic(text, root.get_ref(), span)
                }
                Some(span) => {
                    Diagnostic::error(format!("TOML syntax: {}", error.message())).at(span)
                }
                // Every diagnostic gets a position; one the reader could not place is at the start.
                None => Diagnostic::error(format!("TOML syntax: {}", error.message())).at(0..0),
            });
        }
        if let Some(too_big) = bounded.too_big {
            problems.push(too_big);
        }
        problems.add_uncounted(more_syntax_errors);
        return Err(problems.finish());
    }
    Ok(root)
}

/// The walk over a routine's tree: every check reports its problems here and returns
/// `None` for a value it refused, so that one bad value does not hide the next.
struct Checker {
    problems: Problems,
    /// Where the file comes from: whether a `[[stretch]]` may `use` a stretch of the
    /// library, and whether its figures are looked for.
    trust: Trust,
}

impl Checker {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }
}
