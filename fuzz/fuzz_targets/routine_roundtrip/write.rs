//! The routine file as it is written: a serde model of the TOML, durations in one of
//! three forms.

use std::time::Duration;

use arbitrary::Arbitrary;
use serde::{Serialize, Serializer};
use stretch_timer::routine::{Cue, Level, Routine, duration};

/// How a duration is written: whole seconds (`30`), the formatted text (`"1m 30s"`), or
/// milliseconds (`"90000ms"`).
#[derive(Arbitrary, Clone, Copy, Debug)]
pub(crate) enum Form {
    Seconds,
    Text,
    Millis,
}

/// A duration, and how it is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dur {
    pub(crate) value: Duration,
    pub(crate) form: Form,
}

impl Dur {
    /// `value` written in `form`; whole seconds lose their milliseconds.
    pub(crate) fn new(value: Duration, form: Form) -> Dur {
        let value = match form {
            Form::Seconds => Duration::from_secs(value.as_secs()),
            Form::Text | Form::Millis => value,
        };
        Dur { value, form }
    }
}

impl Serialize for Dur {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            Form::Seconds => serializer.serialize_u64(self.value.as_secs()),
            Form::Text => serializer.serialize_str(&duration::format(self.value)),
            Form::Millis => serializer.serialize_str(&format!("{}ms", self.value.as_millis())),
        }
    }
}

/// A routine file.
#[derive(Serialize, Debug)]
pub(crate) struct Doc {
    pub(crate) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) hold: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rest: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) switch: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lead_in: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cues: Option<Vec<String>>,
    pub(crate) stretch: Vec<DocStretch>,
}

/// A `[[stretch]]` table.
#[derive(Serialize, Debug)]
pub(crate) struct DocStretch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    pub(crate) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) how: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) hold: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sides: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) side_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reps: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cues: Option<Vec<DocCue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) figure: Option<String>,
}

/// A stretch's cue: a plain string, or an inline table.
#[derive(Serialize, Debug)]
#[serde(untagged)]
pub(crate) enum DocCue {
    Rotating(String),
    Timed { at: Dur, text: String },
}

impl Doc {
    /// A valid routine written out in full: every key explicit, nothing left to a default.
    pub(crate) fn of(routine: &Routine, form: Form) -> Doc {
        let dur = |value| Some(Dur::new(value, form));
        Doc {
            name: routine.name.clone(),
            description: Some(routine.description.clone()),
            level: Some(routine.level.as_str()),
            hold: dur(routine.hold),
            rest: dur(routine.rest),
            switch: dur(routine.switch),
            lead_in: dur(routine.lead_in),
            cues: Some(routine.cues.clone()),
            stretch: routine
                .stretches
                .iter()
                .map(|s| DocStretch {
                    id: Some(s.id.clone()),
                    name: s.name.clone(),
                    level: s.level.map(Level::as_str),
                    how: Some(s.how.clone()),
                    // The milliseconds of a hold or a cue are kept whatever the form.
                    hold: Some(Dur::new(s.hold, Form::Text)),
                    sides: Some(s.sides.as_str()),
                    side_label: Some(s.side_label.clone()),
                    reps: Some(s.reps),
                    figure: s.figure.clone(),
                    cues: Some(
                        s.cues
                            .iter()
                            .map(|cue| match cue {
                                Cue::Rotating(text) => DocCue::Rotating(text.clone()),
                                Cue::Timed { at, text } => DocCue::Timed {
                                    at: Dur::new(*at, Form::Millis),
                                    text: text.clone(),
                                },
                            })
                            .collect(),
                    ),
                })
                .collect(),
        }
    }

    /// Every text of the file, for a flaw to go into.
    pub(crate) fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = vec![&mut self.name];
        texts.extend(self.description.as_mut());
        texts.extend(self.cues.iter_mut().flatten());
        for stretch in &mut self.stretch {
            texts.push(&mut stretch.name);
            texts.extend(stretch.how.as_mut());
            texts.extend(stretch.side_label.as_mut());
            for cue in stretch.cues.iter_mut().flatten() {
                texts.push(match cue {
                    DocCue::Rotating(text) | DocCue::Timed { text, .. } => text,
                });
            }
        }
        texts
    }
}
