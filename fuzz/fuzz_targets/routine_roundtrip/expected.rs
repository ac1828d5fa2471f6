//! What the reader must make of a file: the format's rules, written out again, give the
//! routine it must read, or the problems it must report, message by message.

use std::ops::RangeInclusive;
use std::time::Duration;

use stretch_timer::routine::limits;
use stretch_timer::routine::read::slug;
use stretch_timer::routine::text::is_bidi_control;
use stretch_timer::routine::{Cue, Level, Routine, Sides, Stretch};

use crate::write::{Doc, DocCue, DocStretch};

/// A text rule: its key, its length in characters after trimming, and whether it may
/// hold newlines and tabs.
pub(crate) struct Rule {
    pub(crate) key: &'static str,
    pub(crate) chars: RangeInclusive<usize>,
    pub(crate) lines: bool,
}

pub(crate) const NAME: Rule = Rule {
    key: "name",
    chars: limits::NAME_CHARS,
    lines: false,
};
pub(crate) const DESCRIPTION: Rule = Rule {
    key: "description",
    chars: limits::LONG_TEXT_CHARS,
    lines: true,
};
pub(crate) const HOW: Rule = Rule {
    key: "how",
    chars: limits::LONG_TEXT_CHARS,
    lines: true,
};
pub(crate) const SIDE_LABEL: Rule = Rule {
    key: "side_label",
    chars: limits::SIDE_LABEL_CHARS,
    lines: false,
};
pub(crate) const CUE: Rule = Rule {
    key: "cue",
    chars: limits::CUE_TEXT_CHARS,
    lines: false,
};

/// The problems a file must have, by their messages.
#[derive(Default)]
pub(crate) struct Expected {
    pub(crate) problems: Vec<String>,
}

impl Expected {
    /// The text, trimmed, if it follows `rule`; else its problem is expected.
    pub(crate) fn text(&mut self, raw: &str, rule: &Rule) -> Option<String> {
        let key = rule.key;
        let bad = raw.chars().find(|&c| {
            is_bidi_control(c) || (c.is_control() && !(rule.lines && (c == '\n' || c == '\t')))
        });
        if let Some(bad) = bad {
            let allowed = if rule.lines {
                " (only newlines and tabs are allowed)"
            } else {
                ""
            };
            self.problems.push(format!(
                "`{key}` contains the control character U+{:04X}{allowed}",
                bad as u32
            ));
            return None;
        }
        let text = raw.trim();
        let length = text.chars().count();
        if length < *rule.chars.start() {
            self.problems.push(format!("`{key}` is empty"));
            return None;
        }
        if length > *rule.chars.end() {
            self.problems.push(format!(
                "`{key}` is too long: {length} characters, at most {}",
                rule.chars.end()
            ));
            return None;
        }
        Some(text.to_string())
    }

    pub(crate) fn optional_text(
        &mut self,
        raw: Option<&String>,
        rule: &Rule,
    ) -> Option<Option<String>> {
        match raw {
            None => Some(None),
            Some(raw) => self.text(raw, rule).map(Some),
        }
    }

    /// The routine `doc` must read as, or `None` when it must be refused.
    pub(crate) fn routine(&mut self, doc: &Doc) -> Option<Routine> {
        let name = self.text(&doc.name, &NAME);
        let description = self.optional_text(doc.description.as_ref(), &DESCRIPTION);
        let cues: Option<Vec<String>> = doc
            .cues
            .iter()
            .flatten()
            .map(|raw| self.text(raw, &CUE))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let hold = doc.hold.map_or(limits::DEFAULT_HOLD, |h| h.value);
        if doc.stretch.is_empty() {
            self.problems.push("the stretch list is empty".into());
        }
        let mut stretches = Vec::new();
        let mut ids = Vec::new();
        for s in &doc.stretch {
            let (stretch, id) = self.stretch(s, hold);
            if let Some(id) = id {
                if ids.contains(&id) {
                    self.problems.push(format!("duplicate stretch id `{id}`"));
                }
                ids.push(id);
            }
            stretches.push(stretch);
        }
        let stretches: Option<Vec<Stretch>> = stretches.into_iter().collect();
        if !self.problems.is_empty() {
            return None;
        }
        Some(Routine {
            name: name?,
            description: description?.unwrap_or_default(),
            level: doc.level.map_or(Level::All, |l| {
                Level::ROUTINE
                    .into_iter()
                    .find(|x| x.as_str() == l)
                    .unwrap_or(Level::All)
            }),
            hold,
            rest: doc.rest.map_or(limits::DEFAULT_REST, |d| d.value),
            switch: doc.switch.map_or(limits::DEFAULT_SWITCH, |d| d.value),
            lead_in: doc.lead_in.map_or(limits::DEFAULT_LEAD_IN, |d| d.value),
            cues: cues?,
            stretches: stretches?,
        })
    }

    /// A stretch, if valid, and its id, if that is.
    pub(crate) fn stretch(
        &mut self,
        s: &DocStretch,
        routine_hold: Duration,
    ) -> (Option<Stretch>, Option<String>) {
        let name = self.text(&s.name, &NAME);
        let how = self.optional_text(s.how.as_ref(), &HOW);
        let side_label = self.optional_text(s.side_label.as_ref(), &SIDE_LABEL);
        let cues: Option<Vec<Cue>> = s
            .cues
            .iter()
            .flatten()
            .map(|cue| match cue {
                DocCue::Rotating(raw) => self.text(raw, &CUE).map(Cue::Rotating),
                DocCue::Timed { at, text } => self
                    .text(text, &CUE)
                    .map(|text| Cue::Timed { at: at.value, text }),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let id = match (&s.id, &name) {
            (Some(id), _) => Some(id.clone()),
            (None, Some(name)) => {
                let slug = slug(name);
                if slug.is_empty() {
                    self.problems.push("this stretch needs an `id`".into());
                    None
                } else {
                    Some(slug)
                }
            }
            (None, None) => None,
        };
        let stretch = (|| {
            Some(Stretch {
                id: id.clone()?,
                name: name?,
                level: s
                    .level
                    .and_then(|l| Level::STRETCH.into_iter().find(|x| x.as_str() == l)),
                how: how?.unwrap_or_default(),
                hold: s.hold.map_or(routine_hold, |h| h.value),
                sides: if s.sides == Some("both") {
                    Sides::Both
                } else {
                    Sides::None
                },
                side_label: side_label?.unwrap_or_else(|| limits::DEFAULT_SIDE_LABEL.into()),
                reps: s.reps.unwrap_or(limits::DEFAULT_REPS),
                cues: cues?,
                figure: s.figure.clone(),
            })
        })();
        (stretch, id)
    }
}
