//! The problems of one file, bounded: the first [`MAX_PROBLEMS`] in file order are kept,
//! and the rest only counted, so that a hostile file costs bounded memory and output.

use crate::routine::diagnostic::Diagnostic;
use crate::routine::limits::MAX_PROBLEMS;

/// The problems found in one file: the first ones in file order, and how many more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    /// The first problems in file order, at most [`MAX_PROBLEMS`] once `finish`ed.
    pub diagnostics: Vec<Diagnostic>,
    /// How many more problems there were, found and not kept.
    pub more: usize,
}

impl Problems {
    /// Add a problem found in any order. At most twice the bound is held at any time:
    /// past that, only the first [`MAX_PROBLEMS`] in file order are kept.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
        if self.diagnostics.len() >= 2 * MAX_PROBLEMS {
            self.keep_first();
        }
    }

    /// Count `more` problems that were not even looked at.
    pub fn add_uncounted(&mut self, more: usize) {
        self.more = self.more.saturating_add(more);
    }

    /// The first [`MAX_PROBLEMS`] in file order, the rest counted in `more`.
    pub fn finish(mut self) -> Problems {
        self.keep_first();
        self
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty() && self.more == 0
    }

    /// How many problems were found, kept or not.
    pub fn total(&self) -> usize {
        self.diagnostics.len().saturating_add(self.more)
    }

    /// Sort by place (a problem of the whole file first; the sort is stable, so problems at
    /// one place stay in the order found) and keep the first [`MAX_PROBLEMS`].
    fn keep_first(&mut self) {
        self.diagnostics
            .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        let dropped = self.diagnostics.len().saturating_sub(MAX_PROBLEMS);
        self.diagnostics.truncate(MAX_PROBLEMS);
        self.more = self.more.saturating_add(dropped);
    }
}

impl From<Vec<Diagnostic>> for Problems {
    /// These problems, all kept, in the order given.
    fn from(diagnostics: Vec<Diagnostic>) -> Problems {
        Problems {
            diagnostics,
            more: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_in_file_order_and_counts_the_rest() {
        let mut problems = Problems::default();
        // Found from the end of the file to its start, as a walk over a sorted table may.
        for at in (0..5 * MAX_PROBLEMS).rev() {
            problems.push(Diagnostic::error(format!("{at}")).at(at..at + 1));
            assert!(problems.diagnostics.len() < 2 * MAX_PROBLEMS);
        }
        problems.add_uncounted(7);
        let problems = problems.finish();
        assert_eq!(problems.diagnostics.len(), MAX_PROBLEMS);
        assert_eq!(problems.more, 4 * MAX_PROBLEMS + 7);
        assert_eq!(problems.total(), 5 * MAX_PROBLEMS + 7);
        let first: Vec<String> = problems.diagnostics[..3]
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(first, ["0", "1", "2"]);
        assert_eq!(problems.diagnostics[MAX_PROBLEMS - 1].message, "999");
    }

    #[test]
    fn few_problems_are_all_kept_in_order() {
        let mut problems = Problems::default();
        problems.push(Diagnostic::error("b").at(5..6));
        problems.push(Diagnostic::error("a").at(1..2));
        problems.push(Diagnostic::error("whole file"));
        let problems = problems.finish();
        let messages: Vec<&str> = problems
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(messages, ["whole file", "a", "b"]);
        assert_eq!(problems.more, 0);
        assert!(!problems.is_empty());
        assert!(Problems::default().is_empty());
    }
}
