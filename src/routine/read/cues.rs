//! Cues: a routine's plain reminders, and a stretch's own, rotating or timed within its hold.

use std::ops::Range;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use super::values::CUE_TEXT;
use super::{Checker, Value};
use crate::routine::Cue;
use crate::routine::diagnostic::Diagnostic;
use crate::routine::duration;
use crate::routine::limits::MAX_CUES;
use crate::routine::text::terminal_safe;

/// The keys a timed cue's table may have.
pub(crate) const CUE_KEYS: &[&str] = &["at", "text"];

impl Checker {
    /// A routine's `cues`: plain strings only, shown with every stretch.
    pub(super) fn routine_cues(&mut self, value: &Value<'_>) -> Option<Vec<String>> {
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

    /// A stretch's `cues`: strings that rotate, or tables timed within `hold`.
    pub(super) fn stretch_cues(&mut self, value: &Value<'_>, hold: Duration) -> Option<Vec<Cue>> {
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

    /// The items of a `cues` array, at most `MAX_CUES` of them.
    fn cue_array<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<Vec<&'v Value<'i>>> {
        let DeValue::Array(items) = value.get_ref() else {
            if let DeValue::String(text) = value.get_ref() {
                // One cue written without its list: say how to write the list.
                let quoted = toml::Value::String(terminal_safe(text)).to_string();
                self.report(
                    Diagnostic::error("wrong type for `cues`: expected an array")
                        .at(value.span())
                        .label("this is a string")
                        .help(format!("a list of cues, even of one: `cues = [{quoted}]`")),
                );
            } else {
                self.type_error(value, "cues", "an array");
            }
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

    /// A cue `{ at = ..., text = ... }` at `span`, shown at `at` into a hold of `hold`.
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
                self.duration(v, "at", &(Duration::ZERO..=Duration::MAX))
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
}
