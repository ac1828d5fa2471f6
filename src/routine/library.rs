//! The library of stretches: every stretch of the built-in routines, by its id, that a
//! routine's `[[stretch]]` may take with `use = "ID"`. An id in several built-in routines
//! is the same stretch in each; the first routine's copy is the library's.

use std::sync::OnceLock;

use crate::routine::Stretch;
use crate::routine::catalog::BUILTINS;
use crate::routine::diagnostic::SourceFile;
use crate::routine::read;

/// Every stretch of the library, in the order of the built-in routines, each id once.
pub fn stretches() -> &'static [Stretch] {
    static LIBRARY: OnceLock<Vec<Stretch>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let mut library: Vec<Stretch> = Vec::new();
        for (name, text) in BUILTINS {
            // The built-in routines never `use` the library themselves (a unit test
            // checks they are valid), so reading them here cannot come back here.
            let file = SourceFile::new(*name, text);
            let Ok(routine) = read::parse_builtin_routine(&file) else {
                continue;
            };
            for stretch in routine.stretches {
                if !library.iter().any(|known| known.id == stretch.id) {
                    library.push(stretch);
                }
            }
        }
        library
    })
}

/// The library's stretch with this id, if there is one.
pub fn find(id: &str) -> Option<&'static Stretch> {
    stretches().iter().find(|stretch| stretch.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_stretch_is_in_the_library_once() {
        let library = stretches();
        assert!(library.len() > 20, "{} stretches", library.len());
        let mut ids: Vec<&str> = library.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), library.len());
        assert_eq!(
            find("standing-toe-touch").map(|s| s.id.as_str()),
            Some("standing-toe-touch")
        );
        assert!(find("no-such-stretch").is_none());
    }
}
