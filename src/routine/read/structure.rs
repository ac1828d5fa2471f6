//! The shape of a routine file: the routine's table, its list of stretches and each
//! stretch's table, with their keys, required and optional, and their defaults.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use super::values::{LONG_TEXT, NAME, SIDE_LABEL};
use super::{Checker, Value};
use crate::routine::diagnostic::Diagnostic;
use crate::routine::limits::{self, MAX_STRETCHES};
use crate::routine::suggest::{closest, quoted};
use crate::routine::{Level, Routine, Sides, Stretch};

/// The keys a routine's table may have.
pub(crate) const ROUTINE_KEYS: &[&str] = &[
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

/// The keys a stretch's table may have.
pub(crate) const STRETCH_KEYS: &[&str] = &[
    "id",
    "name",
    "level",
    "how",
    "hold",
    "sides",
    "side_label",
    "reps",
    "cues",
    "figure",
    "use",
];

impl Checker {
    /// The routine in the file's top-level table, which starts at `span`.
    pub(super) fn routine(&mut self, table: &DeTable<'_>, span: Range<usize>) -> Option<Routine> {
        self.unknown_keys(table, ROUTINE_KEYS, "routine");
        let name = self
            .required(table, "name", None, "the routine")
            .and_then(|v| self.text(v, "name", &NAME));
        let description = self.optional(table, "description", |c, v| {
            c.text(v, "description", &LONG_TEXT)
        });
        let level = self.optional(table, "level", |c, v| {
            c.choice(v, "level", &Level::ROUTINE, Level::as_str, &[])
        });
        let hold = self.optional(table, "hold", |c, v| c.duration(v, "hold", &limits::HOLD));
        let rest = self.optional(table, "rest", |c, v| c.duration(v, "rest", &limits::REST));
        let switch = self.optional(table, "switch", |c, v| {
            c.duration(v, "switch", &limits::SWITCH)
        });
        let lead_in = self.optional(table, "lead_in", |c, v| {
            c.duration(v, "lead_in", &limits::LEAD_IN)
        });
        let cues = self.optional(table, "cues", |c, v| c.routine_cues(v));
        // The file's own `hold`, where it writes a good one: its stretches' default.
        let file_hold = hold.flatten().zip(table.get("hold"));
        let default_hold = hold.flatten().unwrap_or(limits::DEFAULT_HOLD);
        let stretches = match table.get("stretch") {
            None => {
                self.report(
                    Diagnostic::error("missing `stretch`: a routine needs at least one stretch")
                        .at(span.start..span.start)
                        .help("add a `[[stretch]]` table with at least a `name`"),
                );
                None
            }
            Some(value) => self.stretches(value, file_hold),
        };
        Some(Routine {
            name: name?,
            description: description?.unwrap_or_default(),
            level: level?.unwrap_or(Level::All),
            hold: hold?.unwrap_or(default_hold),
            rest: rest?.unwrap_or(limits::DEFAULT_REST),
            switch: switch?.unwrap_or(limits::DEFAULT_SWITCH),
            lead_in: lead_in?.unwrap_or(limits::DEFAULT_LEAD_IN),
            cues: cues?.unwrap_or_default(),
            stretches: stretches?,
        })
    }

    /// The `[[stretch]]` list: 1 to `MAX_STRETCHES` tables, each with its own id.
    /// `file_hold` is the file's top-level `hold` and its value, where it writes one.
    fn stretches(
        &mut self,
        value: &Value<'_>,
        file_hold: Option<(Duration, &Value<'_>)>,
    ) -> Option<Vec<Stretch>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.type_error(value, "stretch", "an array of tables (`[[stretch]]`)");
            return None;
        };
        if items.is_empty() {
            self.report(
                Diagnostic::error("the stretch list is empty")
                    .at(value.span())
                    .label("no stretches")
                    .help(format!("a routine needs 1 to {MAX_STRETCHES} stretches")),
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
            let (stretch, id) = self.stretch(table, item.span(), file_hold);
            // Every id is checked, also that of a stretch with other problems, so that
            // a duplicate is reported beside them.
            if let Some((id, span)) = id {
                if let Some(first) = first_place_of_id.get(&id) {
                    self.report(
                        Diagnostic::error(format!("duplicate stretch id `{id}`"))
                            .at(span)
                            .label("used again here")
                            .note(first.clone(), "first used here")
                            .help("give each stretch its own `id`"),
                    );
                    all_valid = false;
                } else {
                    first_place_of_id.insert(id, span);
                }
            }
            match stretch {
                Some(stretch) => stretches.push(stretch),
                None => all_valid = false,
            }
        }
        (all_valid && stretches.len() <= MAX_STRETCHES).then_some(stretches)
    }

    /// A stretch if it is valid, and its id if that is, with the span the id comes from
    /// (the `id` value, or the `name` it was derived from). Its hold is its own `hold`,
    /// else the file's top-level one (`file_hold`), else the library's for a stretch it
    /// uses, else the default.
    fn stretch(
        &mut self,
        table: &DeTable<'_>,
        header: Range<usize>,
        file_hold: Option<(Duration, &Value<'_>)>,
    ) -> (Option<Stretch>, Option<(String, Range<usize>)>) {
        self.unknown_keys(table, STRETCH_KEYS, "stretch");
        // With `use`, every key the file leaves out comes from the library's stretch.
        let used = self.optional(table, "use", |c, v| c.used(v));
        let base = used.clone().flatten();
        let name_value = match used {
            Some(None) => self.required(table, "name", Some(header.clone()), "a stretch"),
            _ => table.get("name"),
        };
        let name = match name_value {
            Some(value) => self.text(value, "name", &NAME),
            None => base.as_ref().map(|b| b.name.clone()),
        };
        let level = self.optional(table, "level", |c, v| {
            c.choice(v, "level", &Level::STRETCH, Level::as_str, &[])
        });
        let how = self.optional(table, "how", |c, v| c.text(v, "how", &LONG_TEXT));
        let hold = self.optional(table, "hold", |c, v| c.duration(v, "hold", &limits::HOLD));
        let sides = self.optional(table, "sides", |c, v| {
            c.choice(v, "sides", &Sides::ALL, Sides::as_str, &[])
        });
        let side_label = self.optional(table, "side_label", |c, v| {
            c.text(v, "side_label", &SIDE_LABEL)
        });
        let reps = self.optional(table, "reps", |c, v| c.integer(v, "reps", &limits::REPS));
        let default_hold = match (file_hold, &base) {
            (Some((hold, _)), _) => hold,
            (None, Some(base)) => base.hold,
            (None, None) => limits::DEFAULT_HOLD,
        };
        let figure = self.optional(table, "figure", |c, v| c.figure(v));
        let effective_hold = hold.flatten().unwrap_or(default_hold);
        let cues = self.optional(table, "cues", |c, v| c.stretch_cues(v, effective_hold));
        let hold_value = table.get("hold").or(file_hold.map(|(_, value)| value));
        let used_cues_fit = match (&base, &cues) {
            (Some(base), Some(None)) => self.used_cues_fit(base, effective_hold, hold_value),
            _ => true,
        };
        let (id, id_span) = match (table.get("id"), &base, table.get("use")) {
            (Some(value), _, _) => (self.id(value), value.span()),
            (None, Some(base), Some(value)) => (Some(base.id.clone()), value.span()),
            _ => (
                name_value.and_then(|value| self.id_from_name(name.as_deref()?, value)),
                name_value.map_or(header, |v| v.span()),
            ),
        };
        let base = base.as_ref();
        let stretch = (|| {
            used?;
            used_cues_fit.then_some(())?;
            Some(Stretch {
                id: id.clone()?,
                name: name?,
                level: level?.or(base.and_then(|b| b.level)),
                how: how?.or(base.map(|b| b.how.clone())).unwrap_or_default(),
                hold: hold?.unwrap_or(default_hold),
                sides: sides?.or(base.map(|b| b.sides)).unwrap_or(Sides::None),
                side_label: side_label?
                    .or(base.map(|b| b.side_label.clone()))
                    .unwrap_or_else(|| limits::DEFAULT_SIDE_LABEL.to_owned()),
                reps: reps?
                    .or(base.map(|b| b.reps))
                    .unwrap_or(limits::DEFAULT_REPS),
                cues: cues?.or(base.map(|b| b.cues.clone())).unwrap_or_default(),
                figure: figure?.or(base.and_then(|b| b.figure.clone())),
            })
        })();
        (stretch, id.map(|id| (id, id_span)))
    }

    /// `None` when the key is missing (reported, pointing at `header` or the file start).
    pub(super) fn required<'t, 'i>(
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
    pub(super) fn optional<'i, T>(
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

    /// Reports every key of `table` that is not `known`, with the likely one meant.
    pub(super) fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], owner: &str) {
        for key in table.keys() {
            let name = key.get_ref();
            if known.contains(&name.as_ref()) {
                continue;
            }
            let diagnostic =
                Diagnostic::error(format!("unknown key `{name}` in {owner}")).at(key.span());
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
}
