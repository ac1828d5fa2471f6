//! What the library's unit tests share, below every layer so that any may use it. Built
//! only for the tests.

use proptest::test_runner::{Config, FileFailurePersistence};

/// The configuration of every `proptest!` block: 256 cases, and failing cases kept beside
/// the test's source, in `*.proptest-regressions`, to be committed with the fix (not in a
/// folder at the top of the repository, proptest's default for a `tests.rs`).
pub fn proptest_config() -> Config {
    Config {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
