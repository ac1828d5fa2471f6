//! `use = "ID"` in a `[[stretch]]`: the library stretch it takes its values from.

use std::time::Duration;

use super::{Checker, Value};
use crate::routine::diagnostic::Diagnostic;
use crate::routine::suggest::closest;
use crate::routine::{Cue, Stretch, duration, library};

impl Checker {
    /// The library stretch that `value` names, or `None` (reported) for an unknown id,
    /// a value that is not a string, or a routine that may not use the library.
    pub(super) fn used(&mut self, value: &Value<'_>) -> Option<Stretch> {
        let id = self.text(value, "use", &super::values::NAME)?;
        if self.trust != super::Trust::Stranger {
            self.report(
                Diagnostic::error("a built-in routine cannot `use` the library")
                    .at(value.span())
                    .label("write the stretch out in full"),
            );
            return None;
        }
        if let Some(stretch) = library::find(&id) {
            return Some(stretch.clone());
        }
        let known: Vec<&str> = library::stretches().iter().map(|s| s.id.as_str()).collect();
        let diagnostic = Diagnostic::error(format!("no stretch `{id}` in the library"))
            .at(value.span())
            .label("unknown stretch id");
        self.report(match closest(&id, &known) {
            Some(close) => diagnostic.help(format!("did you mean `{close}`?")),
            None => diagnostic.help("`stretch list --stretches` shows every stretch and its id"),
        });
        None
    }

    /// Reports the used stretch's timed cues that a shorter `hold` (from `hold_value`)
    /// leaves past its end; `false` when there is one.
    pub(super) fn used_cues_fit(
        &mut self,
        used: &Stretch,
        hold: Duration,
        hold_value: Option<&Value<'_>>,
    ) -> bool {
        let late = used.cues.iter().find_map(|cue| match cue {
            Cue::Timed { at, .. } if *at >= hold => Some(*at),
            _ => None,
        });
        let (Some(at), Some(value)) = (late, hold_value) else {
            return late.is_none();
        };
        self.report(
            Diagnostic::error(format!(
                "`{}` has a cue at {}, past the end of this hold",
                used.id,
                duration::format(at)
            ))
            .at(value.span())
            .label(format!("a hold of {}", duration::format(hold)))
            .help("make the hold longer, or write this stretch's own `cues`"),
        );
        false
    }
}
