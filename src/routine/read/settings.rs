//! A settings file (the config file): one flat TOML table read with the routine reader's
//! own checks, so that its unknown keys, wrong types and out-of-range values get the same
//! diagnostics as a routine's.

use std::ops::RangeInclusive;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use super::values::TextRule;
use super::{Checker, Problems, SourceFile, Trust, syntax_tree};

/// A settings file's table, its keys read one by one. Each reader returns `None` for a
/// key that is missing or (reported) invalid.
pub struct Settings<'t, 'i> {
    checker: Checker,
    table: &'t DeTable<'i>,
}

/// Read `file` as a table of the `known` keys, with `read`: its value, or every problem.
pub fn read_settings<T>(
    file: &SourceFile,
    known: &[&str],
    read: impl FnOnce(&mut Settings<'_, '_>) -> T,
) -> Result<T, Problems> {
    let root = syntax_tree(file, Trust::Stranger)?;
    let mut settings = Settings {
        checker: Checker {
            problems: Problems::default(),
            trust: Trust::Stranger,
        },
        table: root.get_ref(),
    };
    settings
        .checker
        .unknown_keys(settings.table, known, "the config file");
    let value = read(&mut settings);
    if settings.checker.problems.is_empty() {
        Ok(value)
    } else {
        Err(settings.checker.problems.finish())
    }
}

impl Settings<'_, '_> {
    /// A duration within `range`.
    pub fn duration(&mut self, key: &str, range: &RangeInclusive<Duration>) -> Option<Duration> {
        let value = self.table.get(key)?;
        self.checker.duration(value, key, range)
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, key: &str) -> Option<bool> {
        let value = self.table.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(on) => Some(*on),
            _ => {
                self.checker.type_error(value, key, "`true` or `false`");
                None
            }
        }
    }

    /// One line of text, 1 to `max` characters, without control characters.
    pub fn text(&mut self, key: &str, max: usize) -> Option<String> {
        let value = self.table.get(key)?;
        self.checker.text(value, key, &TextRule::line(max))
    }

    /// One of `allowed`, written as its name.
    pub fn choice<T: Copy>(
        &mut self,
        key: &str,
        allowed: &[T],
        as_str: fn(T) -> &'static str,
    ) -> Option<T> {
        let value = self.table.get(key)?;
        self.checker.choice(value, key, allowed, as_str)
    }

    /// `false`, `true` (as `on`), or one of `allowed` by name.
    pub fn switch_or_choice<T: Copy>(
        &mut self,
        key: &str,
        on: T,
        allowed: &[T],
        as_str: fn(T) -> &'static str,
    ) -> Option<Option<T>> {
        let value = self.table.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(true) => Some(Some(on)),
            DeValue::Boolean(false) => Some(None),
            _ => self.checker.choice(value, key, allowed, as_str).map(Some),
        }
    }
}
