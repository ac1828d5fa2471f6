//! A settings file (the config file): TOML tables read with the routine reader's own
//! checks, so that its unknown keys, wrong types and out-of-range values get the same
//! diagnostics as a routine's. A problem costs only its own key: every other key is read.

use std::ops::RangeInclusive;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use super::values::TextRule;
use super::{Checker, Problems, SourceFile, Trust, syntax_tree};
use crate::routine::diagnostic::Diagnostic;
use crate::routine::text::terminal_safe;

/// A table of a settings file, its keys read one by one. Each reader returns `None` for
/// a key that is missing or (reported) invalid.
pub struct Settings<'c, 't, 'i> {
    checker: &'c mut Checker,
    table: &'t DeTable<'i>,
}

/// What a settings file holds: the value read from its good keys (`None` when the file
/// is not TOML at all), and every problem found (empty for a good file).
pub struct SettingsRead<T> {
    /// The settings, each bad key left out.
    pub value: Option<T>,
    /// Every problem in the file.
    pub problems: Problems,
}

/// Read `file` as a table of the `known` keys, with `read`.
pub fn read_settings<T>(
    file: &SourceFile,
    known: &[&str],
    read: impl FnOnce(&mut Settings<'_, '_, '_>) -> T,
) -> SettingsRead<T> {
    let root = match syntax_tree(file, Trust::Stranger) {
        Ok(root) => root,
        Err(problems) => {
            return SettingsRead {
                value: None,
                problems,
            };
        }
    };
    let mut checker = Checker {
        problems: Problems::default(),
        trust: Trust::Stranger,
    };
    let mut settings = Settings {
        checker: &mut checker,
        table: root.get_ref(),
    };
    settings.unknown_keys(known, "the config file");
    let value = read(&mut settings);
    SettingsRead {
        value: Some(value),
        problems: checker.problems.finish(),
    }
}

impl Settings<'_, '_, '_> {
    fn unknown_keys(&mut self, known: &[&str], owner: &str) {
        self.checker.unknown_keys(self.table, known, owner);
    }

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

    /// A string of at most `max` characters that `parse` reads; what it refuses is
    /// reported at the value, with its words.
    pub fn parsed<T>(
        &mut self,
        key: &str,
        max: usize,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let value = self.table.get(key)?;
        let text = self.checker.text(value, key, &TextRule::line(max))?;
        match parse(&text) {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                self.checker.report(
                    Diagnostic::error(format!("invalid `{key}`"))
                        .at(value.span())
                        .label(terminal_safe(&problem)),
                );
                None
            }
        }
    }

    /// A command as its words, never read by a shell: an array of 1 to `max_words`
    /// strings, each one line of 1 to `max_chars` characters.
    pub fn command(
        &mut self,
        key: &str,
        max_words: usize,
        max_chars: usize,
    ) -> Option<Vec<String>> {
        let value = self.table.get(key)?;
        let DeValue::Array(words) = value.get_ref() else {
            self.checker.type_error(
                value,
                key,
                "an array of the program and its arguments, such as `[\"notify-send\", \"Stretch\"]`",
            );
            return None;
        };
        if words.is_empty() || words.len() > max_words {
            self.checker.report(
                Diagnostic::error(format!(
                    "`{key}` must have from 1 to {max_words} words: the program, then its arguments"
                ))
                .at(value.span())
                .label(format!("{} words", words.len())),
            );
            return None;
        }
        let rule = TextRule::line(max_chars);
        let read: Vec<Option<String>> = words
            .iter()
            .map(|word| self.checker.text(word, key, &rule))
            .collect();
        read.into_iter().collect()
    }

    /// One of `allowed`, written as its name.
    pub fn choice<T: Copy>(
        &mut self,
        key: &str,
        allowed: &[T],
        as_str: fn(T) -> &'static str,
    ) -> Option<T> {
        let value = self.table.get(key)?;
        self.checker.choice(value, key, allowed, as_str, &[])
    }

    /// `false` (as `off`), `true` (as `on`), or one of `allowed` by name.
    pub fn switch_or_choice<T: Copy>(
        &mut self,
        key: &str,
        [off, on]: [T; 2],
        allowed: &[T],
        as_str: fn(T) -> &'static str,
    ) -> Option<T> {
        let value = self.table.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(true) => Some(on),
            DeValue::Boolean(false) => Some(off),
            _ => self
                .checker
                .choice(value, key, allowed, as_str, &["true", "false"]),
        }
    }

    /// Each table in the table `key` (`[routines.NAME]`), by its name, read with `read`
    /// after its keys are checked against `known`. A `key` that is no table of tables is
    /// reported, and is no tables.
    pub fn tables<T>(
        &mut self,
        key: &str,
        known: &[&str],
        mut read: impl FnMut(&mut Settings<'_, '_, '_>) -> T,
    ) -> Vec<(String, T)> {
        let Some(value) = self.table.get(key) else {
            return Vec::new();
        };
        let DeValue::Table(tables) = value.get_ref() else {
            self.checker
                .type_error(value, key, &format!("a table, such as `[{key}.NAME]`"));
            return Vec::new();
        };
        let mut found = Vec::new();
        for (name, value) in tables.iter() {
            let name = name.get_ref().to_string();
            let DeValue::Table(table) = value.get_ref() else {
                self.checker.type_error(
                    value,
                    &format!("{key}.{}", terminal_safe(&name)),
                    "a table",
                );
                continue;
            };
            let mut inner = Settings {
                checker: self.checker,
                table,
            };
            let owner = format!("`[{key}.{}]`", terminal_safe(&name));
            inner.unknown_keys(known, &owner);
            found.push((name, read(&mut inner)));
        }
        found
    }
}
