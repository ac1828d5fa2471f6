//! The checks of single values: text, a choice among names, a whole number, a duration
//! and a stretch's id, each within its bounds from `limits`, or a type error.

use std::ops::RangeInclusive;
use std::time::Duration;

use toml::de::DeValue;

use super::{Checker, Value};
use crate::routine::diagnostic::Diagnostic;
use crate::routine::duration;
use crate::routine::limits::{self, ID_CHARS};
use crate::routine::named;
use crate::routine::suggest::{closest, quoted};
use crate::routine::text::{is_bidi_control, is_invisible};

/// Which strings may hold newlines and tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lines {
    /// One line: no control characters at all.
    One,
    /// Several lines: newlines and tabs allowed.
    Many,
}

/// What a string must be: its length in characters after trimming, and its lines.
pub(crate) struct TextRule {
    /// How many characters, after trimming white space.
    pub(crate) chars: RangeInclusive<usize>,
    /// Whether newlines and tabs are allowed.
    pub(crate) lines: Lines,
}

impl TextRule {
    /// Whether `c` may appear in the text: no control characters (but newlines and tabs
    /// in text of several lines), no bidirectional overrides or isolates, and no invisible
    /// format characters (the zero-width joiners are not among them).
    pub(crate) fn allows(&self, c: char) -> bool {
        !(is_bidi_control(c)
            || is_invisible(c)
            || (c.is_control() && !(self.lines == Lines::Many && (c == '\n' || c == '\t'))))
    }

    /// One line of 1 to `max` characters.
    pub(super) fn line(max: usize) -> TextRule {
        TextRule {
            chars: 1..=max,
            lines: Lines::One,
        }
    }
}

/// The name of an invisible character ([`is_invisible`]), as Unicode gives it.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero width space",
        '\u{2060}' => "word joiner",
        '\u{2061}' => "function application",
        '\u{2062}' => "invisible times",
        '\u{2063}' => "invisible separator",
        '\u{2064}' => "invisible plus",
        '\u{FEFF}' => "zero width no-break space",
        _ => return None,
    })
}

/// A routine's or a stretch's `name`.
pub(crate) const NAME: TextRule = TextRule {
    chars: limits::NAME_CHARS,
    lines: Lines::One,
};

/// A routine's `description` or a stretch's `how`.
pub(crate) const LONG_TEXT: TextRule = TextRule {
    chars: limits::LONG_TEXT_CHARS,
    lines: Lines::Many,
};

/// A stretch's `side_label`: the noun after "left" and "right".
pub(crate) const SIDE_LABEL: TextRule = TextRule {
    chars: limits::SIDE_LABEL_CHARS,
    lines: Lines::One,
};

/// The text of a cue.
pub(crate) const CUE_TEXT: TextRule = TextRule {
    chars: limits::CUE_TEXT_CHARS,
    lines: Lines::One,
};

impl Checker {
    fn string<'v>(&mut self, value: &'v Value<'_>, key: &str) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text.as_ref()),
            _ => {
                self.type_error(value, key, "a string");
                None
            }
        }
    }

    /// A string, for a key whose value may also be one of the literals `also` (read by
    /// the caller): the type error names them too.
    fn string_or<'v>(&mut self, value: &'v Value<'_>, key: &str, also: &[&str]) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text.as_ref()),
            _ if also.is_empty() => self.string(value, key),
            _ => {
                self.type_error(value, key, &format!("{} or a string", quoted(also)));
                None
            }
        }
    }

    /// A string that follows `rule`, trimmed.
    pub(super) fn text(&mut self, value: &Value<'_>, key: &str, rule: &TextRule) -> Option<String> {
        let raw = self.string(value, key)?;
        let span = value.span();
        if let Some(bad) = raw.chars().find(|&c| !rule.allows(c)) {
            let allowed = if rule.lines == Lines::Many && !is_invisible(bad) {
                " (only newlines and tabs are allowed)"
            } else {
                ""
            };
            let what = match invisible_name(bad) {
                Some(name) => format!("the invisible character U+{:04X} ({name})", bad as u32),
                None => format!("the control character U+{:04X}", bad as u32),
            };
            self.report(
                Diagnostic::error(format!("`{key}` contains {what}{allowed}"))
                    .at(span)
                    .label("in this string")
                    .help("remove it; routine text is shown on a terminal"),
            );
            return None;
        }
        let text = raw.trim();
        let length = text.chars().count();
        // A lower bound is 0 or 1: below it, the text is empty.
        if length < *rule.chars.start() {
            self.report(
                Diagnostic::error(format!("`{key}` is empty"))
                    .at(span)
                    .label("empty"),
            );
            return None;
        }
        if length > *rule.chars.end() {
            self.report(
                Diagnostic::error(format!(
                    "`{key}` is too long: {length} characters, at most {}",
                    rule.chars.end()
                ))
                .at(span)
                .label(format!("{length} characters")),
            );
            return None;
        }
        Some(text.to_string())
    }

    /// One of the values `allowed`, written as its name (`as_str`).
    pub(super) fn choice<T: Copy>(
        &mut self,
        value: &Value<'_>,
        key: &str,
        allowed: &[T],
        as_str: fn(T) -> &'static str,
        also: &[&str],
    ) -> Option<T> {
        let text = self.string_or(value, key, also)?;
        if let Some(found) = named(allowed, as_str, text) {
            return Some(found);
        }
        let names: Vec<&'static str> = allowed.iter().map(|&a| as_str(a)).collect();
        let suggestion = names
            .iter()
            .find(|a| a.eq_ignore_ascii_case(text.trim()))
            .copied()
            .or_else(|| closest(text, &names));
        let diagnostic = Diagnostic::error(format!("invalid `{key}` `{text}`"))
            .at(value.span())
            .label(format!(
                "expected one of {}",
                quoted(&[also, &names].concat())
            ));
        self.report(match suggestion {
            Some(s) => diagnostic.help(format!("did you mean `\"{s}\"`?")),
            None => diagnostic,
        });
        None
    }

    /// A whole number within `range` (a count, or degrees of a figure's joint).
    pub(super) fn integer<T>(
        &mut self,
        value: &Value<'_>,
        key: &str,
        range: &RangeInclusive<T>,
    ) -> Option<T>
    where
        T: TryFrom<i64> + PartialOrd + std::fmt::Display,
    {
        let DeValue::Integer(integer) = value.get_ref() else {
            self.type_error(value, key, "a whole number");
            return None;
        };
        let number = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
        match number.and_then(|n| T::try_from(n).ok()) {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                self.report(
                    Diagnostic::error(format!(
                        "`{key}` must be from {} to {}",
                        range.start(),
                        range.end()
                    ))
                    .at(value.span())
                    .label("out of range"),
                );
                None
            }
        }
    }

    /// A duration within `range`: whole seconds, or a string such as `"1m 30s"`. A range
    /// that ends at `Duration::MAX` has no upper bound.
    pub(super) fn duration(
        &mut self,
        value: &Value<'_>,
        key: &str,
        range: &RangeInclusive<Duration>,
    ) -> Option<Duration> {
        let parsed = match value.get_ref() {
            DeValue::Integer(integer) => {
                match i64::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(seconds) if seconds >= 0 => Ok(Duration::from_secs(seconds.unsigned_abs())),
                    Ok(_) => Err("a duration cannot be negative".to_string()),
                    Err(_) => Err("this number is too large".to_string()),
                }
            }
            DeValue::String(text) => duration::parse(text).map_err(|e| e.to_string()),
            DeValue::Float(_) => {
                Err("a duration is a whole number of seconds or a string such as \"1m 30s\"".into())
            }
            _ => {
                self.type_error(
                    value,
                    key,
                    "a duration (seconds, or a string such as \"30s\" or \"1m 30s\")",
                );
                return None;
            }
        };
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(problem) => {
                self.report(
                    Diagnostic::error(format!("invalid duration for `{key}`"))
                        .at(value.span())
                        .label(problem)
                        .help("write whole seconds (`30`) or a string with units h, m, s, ms: \"30s\", \"1m 30s\", \"750ms\""),
                );
                return None;
            }
        };
        if !range.contains(&parsed) {
            let (min, max) = (*range.start(), *range.end());
            let range = if max == Duration::MAX {
                format!("at least {}", duration::format(min))
            } else {
                format!(
                    "from {} to {}",
                    duration::format(min),
                    duration::format(max)
                )
            };
            self.report(
                Diagnostic::error(format!("`{key}` is out of range: must be {range}"))
                    .at(value.span())
                    .label(format!("this is {}", duration::format(parsed))),
            );
            return None;
        }
        Some(parsed)
    }

    /// A stretch's `id`: `ID_CHARS` of `a-z`, `0-9` and `-`.
    pub(super) fn id(&mut self, value: &Value<'_>) -> Option<String> {
        let id = self.string(value, "id")?;
        let valid_chars = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_chars || !ID_CHARS.contains(&id.chars().count()) {
            let suggestion = slug(id);
            let diagnostic = Diagnostic::error(format!("invalid stretch id `{id}`"))
                .at(value.span())
                .label(format!(
                    "{} to {} of `a-z`, `0-9` and `-`",
                    ID_CHARS.start(),
                    ID_CHARS.end()
                ));
            self.report(if suggestion.is_empty() || suggestion == id {
                diagnostic
            } else {
                diagnostic.help(format!("try `{suggestion}`"))
            });
            return None;
        }
        Some(id.to_string())
    }

    /// The id of a stretch without one, made from its `name` (valid, read from `value`).
    pub(super) fn id_from_name(&mut self, name: &str, value: &Value<'_>) -> Option<String> {
        let slug = slug(name);
        if slug.is_empty() {
            self.report(
                Diagnostic::error("this stretch needs an `id`")
                    .at(value.span())
                    .label("no letters or digits to make an id from")
                    .help("add an `id` of lowercase letters, digits and `-`, such as `id = \"toe-touch\"`"),
            );
            return None;
        }
        Some(slug)
    }

    /// Reports a value of the wrong type for `key`, saying what was `expected`.
    pub(super) fn type_error(&mut self, value: &Value<'_>, key: &str, expected: &str) {
        self.report(
            Diagnostic::error(format!("wrong type for `{key}`: expected {expected}"))
                .at(value.span())
                .label(format!("this is {}", type_name(value.get_ref()))),
        );
    }
}

/// A TOML value's type, as a message names it.
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// A stretch's id derived from its name: ASCII letters lowercased and digits kept, every
/// other run of characters one `-`, none at either end, cut to the longest an id may be.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(*ID_CHARS.end());
    slug.trim_end_matches('-').to_string()
}
