//! Reading a routine file: TOML text to a validated `Routine`, or every problem in it.
//!
//! The TOML is read into a tree that keeps the span of every key and value, then walked
//! by hand, so that one pass reports all problems, each pointing at its key or value.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::routine::diagnostic::{Diagnostic, SourceFile};
use crate::routine::duration;
use crate::routine::{Cue, Level, Routine, Sides, Stretch};
// Values quoted in a message are made terminal-safe here, not only when rendered:
// `--format json` passes messages on, and JSON escapes only C0 control characters.
use crate::routine::text::{is_bidi_control, terminal_safe};

pub const MAX_FILE_BYTES: usize = 1024 * 1024;
const MAX_STRETCHES: usize = 100;
const MAX_CUES: usize = 50;
const MAX_ID_CHARS: usize = 40;

const ROUTINE_KEYS: &[&str] = &[
    "name",
    "description",
    "level",
    "hold",
    "rest",
    "switch",
    "lead_in",
    "cues",
    "stretch",
];
const STRETCH_KEYS: &[&str] = &[
    "id", "name", "level", "how", "hold", "sides", "reps", "cues",
];
const CUE_KEYS: &[&str] = &["at", "text"];
const ROUTINE_LEVELS: &[&str] = &["beginner", "intermediate", "advanced", "all"];
const STRETCH_LEVELS: &[&str] = &["beginner", "intermediate", "advanced"];
const SIDES: &[&str] = &["none", "both"];

type Value<'i> = Spanned<DeValue<'i>>;

/// Parse and validate a routine. On failure, every problem found, in file order.
pub fn parse_routine(file: &SourceFile) -> Result<Routine, Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(&file.text);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .iter()
            .map(|error| match error.span() {
                Some(span) if error.message() == "duplicate key" => {
                    duplicate_key(&file.text, root.get_ref(), span)
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

/// A key given twice: reported at the second, with a note at the first. The TOML reader
/// keeps the first in the tree it recovers but does not say where it was, so it is looked
/// up there: the nearest earlier key of the same name, outside inline tables already closed.
fn duplicate_key(text: &str, root: &DeTable<'_>, second: Range<usize>) -> Diagnostic {
    let written = text.get(second.clone()).unwrap_or_default();
    let name = ['"', '\'']
        .iter()
        .find_map(|q| written.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(written);
    let mut first = None;
    earlier_keys(text, root, false, 0..text.len(), name, &second, &mut first);
    let diagnostic = Diagnostic::error(format!("duplicate key `{}`", terminal_safe(name)))
        .at(second)
        .label("defined again here")
        .help("remove one of the two");
    match first {
        Some(first) => diagnostic.note(first, "first defined here"),
        None => diagnostic,
    }
}

fn earlier_keys(
    text: &str,
    table: &DeTable<'_>,
    inline: bool,
    span: Range<usize>,
    name: &str,
    second: &Range<usize>,
    nearest: &mut Option<Range<usize>>,
) {
    if inline && span.end <= second.start {
        return;
    }
    for (key, value) in table.iter() {
        let key_span = key.span();
        if key.get_ref().as_ref() == name
            && key_span.end <= second.start
            && nearest.as_ref().is_none_or(|n| n.start < key_span.start)
        {
            *nearest = Some(key_span);
        }
        earlier_keys_in_value(text, value, name, second, nearest);
    }
}

fn earlier_keys_in_value(
    text: &str,
    value: &Value<'_>,
    name: &str,
    second: &Range<usize>,
    nearest: &mut Option<Range<usize>>,
) {
    match value.get_ref() {
        DeValue::Table(table) => {
            let inline = text
                .get(value.span().start..)
                .is_some_and(|rest| rest.starts_with('{'));
            earlier_keys(text, table, inline, value.span(), name, second, nearest);
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                earlier_keys_in_value(text, item, name, second, nearest);
            }
        }
        _ => {}
    }
}

/// Which strings may hold newlines and tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

struct TextRule {
    min_chars: usize,
    max_chars: usize,
    lines: Lines,
}

const NAME: TextRule = TextRule {
    min_chars: 1,
    max_chars: 80,
    lines: Lines::One,
};
const LONG_TEXT: TextRule = TextRule {
    min_chars: 0,
    max_chars: 2000,
    lines: Lines::Many,
};
const CUE_TEXT: TextRule = TextRule {
    min_chars: 1,
    max_chars: 200,
    lines: Lines::One,
};

#[derive(Default)]
struct Checker {
    diagnostics: Vec<Diagnostic>,
}

impl Checker {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn routine(&mut self, table: &DeTable<'_>, span: Range<usize>) -> Option<Routine> {
        self.unknown_keys(table, ROUTINE_KEYS, "routine");
        let name = self
            .required(table, "name", None, "the routine")
            .and_then(|v| self.text(v, "name", &NAME));
        let description = self.optional(table, "description", |c, v| {
            c.text(v, "description", &LONG_TEXT)
        });
        let level = self.optional(table, "level", |c, v| c.choice(v, "level", ROUTINE_LEVELS));
        let hold = self.optional(table, "hold", |c, v| {
            c.duration(v, "hold", secs(1), secs(600))
        });
        let rest = self.optional(table, "rest", |c, v| {
            c.duration(v, "rest", secs(0), secs(600))
        });
        let switch = self.optional(table, "switch", |c, v| {
            c.duration(v, "switch", secs(0), secs(120))
        });
        let lead_in = self.optional(table, "lead_in", |c, v| {
            c.duration(v, "lead_in", secs(0), secs(120))
        });
        let cues = self.optional(table, "cues", |c, v| c.routine_cues(v));
        let default_hold = hold.flatten();
        let stretches = match table.get("stretch") {
            None => {
                self.report(
                    Diagnostic::error("missing `stretch`: a routine needs at least one stretch")
                        .at(span.start..span.start)
                        .help("add a `[[stretch]]` table with at least a `name`"),
                );
                None
            }
            Some(value) => self.stretches(value, default_hold.unwrap_or(secs(30))),
        };
        Some(Routine {
            name: name?,
            description: description?.unwrap_or_default(),
            level: level?.map_or(Level::All, level_from),
            hold: hold?.unwrap_or(secs(30)),
            rest: rest?.unwrap_or(secs(10)),
            switch: switch?.unwrap_or(secs(5)),
            lead_in: lead_in?.unwrap_or(secs(5)),
            cues: cues?.unwrap_or_default(),
            stretches: stretches?,
        })
    }

    fn stretches(&mut self, value: &Value<'_>, default_hold: Duration) -> Option<Vec<Stretch>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.type_error(value, "stretch", "an array of tables (`[[stretch]]`)");
            return None;
        };
        if items.is_empty() {
            self.report(
                Diagnostic::error("the stretch list is empty")
                    .at(value.span())
                    .label("no stretches")
                    .help("a routine needs 1 to 100 stretches"),
            );
            return None;
        }
        if let Some(extra) = items.get(MAX_STRETCHES) {
            self.report(
                Diagnostic::error(format!(
                    "too many stretches: {}, at most {MAX_STRETCHES}",
                    items.len()
                ))
                .at(extra.span())
                .label(format!(
                    "stretch {} of {}",
                    MAX_STRETCHES + 1,
                    items.len()
                )),
            );
        }
        let mut stretches = Vec::new();
        let mut first_place_of_id: HashMap<String, Range<usize>> = HashMap::new();
        let mut all_valid = true;
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                self.type_error(item, "stretch", "a table");
                all_valid = false;
                continue;
            };
            match self.stretch(table, item.span(), default_hold) {
                Some((stretch, id_span)) => {
                    if let Some(first) = first_place_of_id.get(&stretch.id) {
                        self.report(
                            Diagnostic::error(format!("duplicate stretch id `{}`", stretch.id))
                                .at(id_span)
                                .label("used again here")
                                .note(first.clone(), "first used here")
                                .help("give each stretch its own `id`"),
                        );
                        all_valid = false;
                    } else {
                        first_place_of_id.insert(stretch.id.clone(), id_span);
                    }
                    stretches.push(stretch);
                }
                None => all_valid = false,
            }
        }
        (all_valid && stretches.len() <= MAX_STRETCHES).then_some(stretches)
    }

    /// A stretch, and the span its id comes from (the `id` value, or the `name` it was derived from).
    fn stretch(
        &mut self,
        table: &DeTable<'_>,
        header: Range<usize>,
        default_hold: Duration,
    ) -> Option<(Stretch, Range<usize>)> {
        self.unknown_keys(table, STRETCH_KEYS, "stretch");
        let name_value = self.required(table, "name", Some(header.clone()), "a stretch");
        let name = name_value.and_then(|v| self.text(v, "name", &NAME));
        let level = self.optional(table, "level", |c, v| c.choice(v, "level", STRETCH_LEVELS));
        let how = self.optional(table, "how", |c, v| c.text(v, "how", &LONG_TEXT));
        let hold = self.optional(table, "hold", |c, v| {
            c.duration(v, "hold", secs(1), secs(600))
        });
        let sides = self.optional(table, "sides", |c, v| c.choice(v, "sides", SIDES));
        let reps = self.optional(table, "reps", |c, v| c.integer(v, "reps", 1, 20));
        let effective_hold = hold.flatten().unwrap_or(default_hold);
        let cues = self.optional(table, "cues", |c, v| c.stretch_cues(v, effective_hold));
        let (id, id_span) = match table.get("id") {
            Some(value) => (self.id(value), value.span()),
            None => {
                let derived = match (&name, name_value) {
                    (Some(name), Some(value)) => {
                        let slug = slug(name);
                        if slug.is_empty() {
                            self.report(
                                Diagnostic::error("this stretch needs an `id`")
                                    .at(value.span())
                                    .label("no letters or digits to make an id from")
                                    .help("add an `id` of lowercase letters, digits and `-`, such as `id = \"toe-touch\"`"),
                            );
                            None
                        } else {
                            Some(slug)
                        }
                    }
                    _ => None,
                };
                (derived, name_value.map_or(header, |v| v.span()))
            }
        };
        let stretch = Stretch {
            id: id?,
            name: name?,
            level: level?.map(level_from),
            how: how?.unwrap_or_default(),
            hold: hold?.unwrap_or(default_hold),
            sides: match sides? {
                Some("both") => Sides::Both,
                _ => Sides::None,
            },
            reps: reps?.unwrap_or(1),
            cues: cues?.unwrap_or_default(),
        };
        Some((stretch, id_span))
    }

    fn id(&mut self, value: &Value<'_>) -> Option<String> {
        let id = self.string(value, "id")?;
        let valid_chars = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let length = id.chars().count();
        if !valid_chars || length == 0 || length > MAX_ID_CHARS {
            let suggestion = slug(id);
            let diagnostic =
                Diagnostic::error(format!("invalid stretch id `{}`", terminal_safe(id)))
                    .at(value.span())
                    .label(format!("1 to {MAX_ID_CHARS} of `a-z`, `0-9` and `-`"));
            self.report(if suggestion.is_empty() || suggestion == id {
                diagnostic
            } else {
                diagnostic.help(format!("try `{suggestion}`"))
            });
            return None;
        }
        Some(id.to_string())
    }

    fn routine_cues(&mut self, value: &Value<'_>) -> Option<Vec<String>> {
        let items = self.cue_array(value)?;
        let mut texts = Vec::new();
        let mut all_valid = true;
        for item in items {
            match item.get_ref() {
                DeValue::String(_) => match self.text(item, "cue", &CUE_TEXT) {
                    Some(text) => texts.push(text),
                    None => all_valid = false,
                },
                DeValue::Table(_) => {
                    self.report(
                        Diagnostic::error("a routine's cues are plain strings")
                            .at(item.span())
                            .label("timed cue")
                            .help("a cue with `at` belongs in a stretch's `cues`"),
                    );
                    all_valid = false;
                }
                _ => {
                    self.type_error(item, "cue", "a string");
                    all_valid = false;
                }
            }
        }
        all_valid.then_some(texts)
    }

    fn stretch_cues(&mut self, value: &Value<'_>, hold: Duration) -> Option<Vec<Cue>> {
        let items = self.cue_array(value)?;
        let mut cues = Vec::new();
        let mut all_valid = true;
        for item in items {
            let cue = match item.get_ref() {
                DeValue::String(_) => self.text(item, "cue", &CUE_TEXT).map(Cue::Rotating),
                DeValue::Table(table) => self.timed_cue(table, item.span(), hold),
                _ => {
                    self.type_error(
                        item,
                        "cue",
                        "a string or a table `{ at = \"10s\", text = \"...\" }`",
                    );
                    None
                }
            };
            match cue {
                Some(cue) => cues.push(cue),
                None => all_valid = false,
            }
        }
        all_valid.then_some(cues)
    }

    fn cue_array<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<Vec<&'v Value<'i>>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.type_error(value, "cues", "an array");
            return None;
        };
        if let Some(extra) = items.get(MAX_CUES) {
            self.report(
                Diagnostic::error(format!(
                    "too many cues: {}, at most {MAX_CUES}",
                    items.len()
                ))
                .at(extra.span())
                .label(format!("cue {}", MAX_CUES + 1)),
            );
            return None;
        }
        Some(items.iter().collect())
    }

    fn timed_cue(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        hold: Duration,
    ) -> Option<Cue> {
        self.unknown_keys(table, CUE_KEYS, "timed cue");
        let at = self
            .required(table, "at", Some(span.clone()), "a timed cue")
            .and_then(|v| {
                self.duration(v, "at", Duration::ZERO, Duration::MAX)
                    .map(|at| (at, v.span()))
            });
        let text = self
            .required(table, "text", Some(span), "a timed cue")
            .and_then(|v| self.text(v, "cue", &CUE_TEXT));
        let (at, at_span) = at?;
        if at >= hold {
            self.report(
                Diagnostic::error(format!(
                    "the cue at {} is not within the hold of {}",
                    duration::format(at),
                    duration::format(hold)
                ))
                .at(at_span)
                .label("past the end of the hold")
                .help(format!(
                    "the hold is {}; `at` must be shorter than that",
                    duration::format(hold)
                )),
            );
            return None;
        }
        Some(Cue::Timed { at, text: text? })
    }

    /// `None` when the key is missing (reported, pointing at `header` or the file start).
    fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        header: Option<Range<usize>>,
        owner: &str,
    ) -> Option<&'t Value<'i>> {
        let value = table.get(key);
        if value.is_none() {
            let diagnostic = Diagnostic::error(format!("missing `{key}` in {owner}"));
            self.report(match header {
                Some(span) => diagnostic.at(span).label(format!("this needs a `{key}`")),
                // Like a missing `stretch`: every problem gets a file:line:column.
                None => diagnostic
                    .at(0..0)
                    .help(format!("add `{key} = ...` at the top of the file")),
            });
        }
        value
    }

    /// `Some(None)` for a missing key, `None` for an invalid value (already reported).
    fn optional<'i, T>(
        &mut self,
        table: &DeTable<'i>,
        key: &str,
        check: impl FnOnce(&mut Self, &Value<'i>) -> Option<T>,
    ) -> Option<Option<T>> {
        match table.get(key) {
            None => Some(None),
            Some(value) => check(self, value).map(Some),
        }
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], owner: &str) {
        for key in table.keys() {
            let name = key.get_ref();
            if known.contains(&name.as_ref()) {
                continue;
            }
            let diagnostic =
                Diagnostic::error(format!("unknown key `{}` in {owner}", terminal_safe(name)))
                    .at(key.span());
            self.report(match closest(name, known) {
                Some(close) => diagnostic
                    .label("unknown key")
                    .help(format!("did you mean `{close}`?")),
                None => diagnostic
                    .label("unknown key")
                    .help(format!("expected one of {}", quoted(known))),
            });
        }
    }

    fn string<'v>(&mut self, value: &'v Value<'_>, key: &str) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text.as_ref()),
            _ => {
                self.type_error(value, key, "a string");
                None
            }
        }
    }

    fn text(&mut self, value: &Value<'_>, key: &str, rule: &TextRule) -> Option<String> {
        let raw = self.string(value, key)?;
        let span = value.span();
        if let Some(bad) = raw.chars().find(|&c| {
            is_bidi_control(c)
                || (c.is_control() && !(rule.lines == Lines::Many && (c == '\n' || c == '\t')))
        }) {
            let allowed = if rule.lines == Lines::Many {
                " (only newlines and tabs are allowed)"
            } else {
                ""
            };
            self.report(
                Diagnostic::error(format!(
                    "`{key}` contains the control character U+{:04X}{allowed}",
                    bad as u32
                ))
                .at(span)
                .label("in this string")
                .help("remove it; routine text is shown on a terminal"),
            );
            return None;
        }
        let text = raw.trim();
        let length = text.chars().count();
        if length < rule.min_chars {
            self.report(
                Diagnostic::error(format!("`{key}` is empty"))
                    .at(span)
                    .label("empty"),
            );
            return None;
        }
        if length > rule.max_chars {
            self.report(
                Diagnostic::error(format!(
                    "`{key}` is too long: {length} characters, at most {}",
                    rule.max_chars
                ))
                .at(span)
                .label(format!("{length} characters")),
            );
            return None;
        }
        Some(text.to_string())
    }

    fn choice(
        &mut self,
        value: &Value<'_>,
        key: &str,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        let text = self.string(value, key)?;
        if let Some(found) = allowed.iter().find(|a| **a == text) {
            return Some(found);
        }
        let suggestion = allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(text.trim()))
            .copied()
            .or_else(|| closest(text, allowed));
        let diagnostic = Diagnostic::error(format!("invalid `{key}` `{}`", terminal_safe(text)))
            .at(value.span())
            .label(format!("expected one of {}", quoted(allowed)));
        self.report(match suggestion {
            Some(s) => diagnostic.help(format!("did you mean `\"{s}\"`?")),
            None => diagnostic,
        });
        None
    }

    fn integer(&mut self, value: &Value<'_>, key: &str, min: i64, max: i64) -> Option<u32> {
        let DeValue::Integer(integer) = value.get_ref() else {
            self.type_error(value, key, "a whole number");
            return None;
        };
        let number = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
        match number {
            Some(n) if (min..=max).contains(&n) => u32::try_from(n).ok(),
            _ => {
                self.report(
                    Diagnostic::error(format!("`{key}` must be from {min} to {max}"))
                        .at(value.span())
                        .label("out of range"),
                );
                None
            }
        }
    }

    fn duration(
        &mut self,
        value: &Value<'_>,
        key: &str,
        min: Duration,
        max: Duration,
    ) -> Option<Duration> {
        let parsed = match value.get_ref() {
            DeValue::Integer(integer) => {
                match i64::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(seconds) if seconds >= 0 => Ok(secs(seconds.unsigned_abs())),
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
        if parsed < min || parsed > max {
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

    fn type_error(&mut self, value: &Value<'_>, key: &str, expected: &str) {
        self.report(
            Diagnostic::error(format!("wrong type for `{key}`: expected {expected}"))
                .at(value.span())
                .label(format!("this is {}", type_name(value.get_ref()))),
        );
    }
}

fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

fn level_from(name: &str) -> Level {
    match name {
        "beginner" => Level::Beginner,
        "intermediate" => Level::Intermediate,
        "advanced" => Level::Advanced,
        _ => Level::All,
    }
}

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

/// The known word nearest to a misspelt one, if any is near enough to be a likely typo.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stretch's id derived from its name: ASCII letters lowercased and digits kept, every
/// other run of characters one `-`, none at either end, at most 40 characters.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(MAX_ID_CHARS);
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_rule() {
        assert_eq!(slug("Standing Toe Touch"), "standing-toe-touch");
        assert_eq!(
            slug("  Pyramid pose (Parsvottanasana)! "),
            "pyramid-pose-parsvottanasana"
        );
        assert_eq!(slug("Dog #2"), "dog-2");
        assert_eq!(slug("🧘🧘"), "");
        assert_eq!(slug("Ünïcode name"), "n-code-name");
        // "a-ba-ba-…" cut at 40 ends in "a": nothing to trim.
        assert_eq!(slug(&"a b".repeat(30)).len(), 40);
        // "abcdef-" at the cut: the "-" is trimmed.
        assert_eq!(
            slug("abcdefghij abcdefghij abcdefghij abcdef ghi"),
            "abcdefghij-abcdefghij-abcdefghij-abcdef"
        );
        assert!(!slug(&"ab-".repeat(30)).ends_with('-'));
    }

    /// The problems in `text`, each as (message, text at its span, text at its notes).
    fn problems(text: &str) -> Vec<(String, String, Vec<String>)> {
        let file = SourceFile::new("r.toml", text);
        let Err(diagnostics) = parse_routine(&file) else {
            panic!("{text} parsed");
        };
        diagnostics
            .into_iter()
            .map(|d| {
                let at = d.span.map(|s| file.text[s].to_string()).unwrap_or_default();
                let notes = d
                    .notes
                    .iter()
                    .map(|(s, _)| file.text[s.clone()].to_string());
                (d.message, at, notes.collect())
            })
            .collect()
    }

    fn one(message: &str, at: &str, notes: &[&str]) -> Vec<(String, String, Vec<String>)> {
        let notes = notes.iter().map(|n| n.to_string()).collect();
        vec![(message.to_string(), at.to_string(), notes)]
    }

    #[test]
    fn a_duplicate_key_notes_the_first_in_its_own_table() {
        // The routine's `name` comes before, in another table: the note is the stretch's own.
        let text = "name = \"R\"\n[[stretch]]\nname = \"a\"\nname = \"b\"\n";
        let found = problems(text);
        assert_eq!(found, one("duplicate key `name`", "name", &["name"]));
        let file = SourceFile::new("r.toml", text);
        let diagnostic = parse_routine(&file).unwrap_err().remove(0);
        assert_eq!(file.line_column(diagnostic.span.unwrap().start), (4, 1));
        assert_eq!(file.line_column(diagnostic.notes[0].0.start), (3, 1));
    }

    #[test]
    fn a_duplicate_key_in_an_inline_table_skips_closed_inline_tables() {
        let text = "name = \"R\"\n[[stretch]]\nname = \"a\"\ncues = [{ at = 1, text = \"x\" }, { at = 2, text = \"y\", at = 3 }]\n";
        let file = SourceFile::new("r.toml", text);
        let diagnostic = parse_routine(&file).unwrap_err().remove(0);
        assert_eq!(diagnostic.message, "duplicate key `at`");
        assert_eq!(file.line_column(diagnostic.span.unwrap().start), (4, 55));
        assert_eq!(file.line_column(diagnostic.notes[0].0.start), (4, 35));
    }

    #[test]
    fn a_duplicate_quoted_key_is_named_without_its_quotes() {
        let found = problems("\"name\" = \"R\"\n'name' = \"S\"\n[[stretch]]\nname = \"a\"\n");
        assert_eq!(found, one("duplicate key `name`", "'name'", &["\"name\""]));
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("stretches", ROUTINE_KEYS), Some("stretch"));
        assert_eq!(closest("leadin", ROUTINE_KEYS), Some("lead_in"));
        assert_eq!(closest("zzz", ROUTINE_KEYS), None);
    }
}
