//! Routines written as TOML by the `toml` crate's serializer, read back by the routine
//! reader, must be the routine that was written. Two kinds of input:
//!
//! - Bytes that already read as a valid routine (the seeds are fixture files): the routine
//!   read is written out in full, every key explicit, and must read back equal to itself.
//! - Any other bytes: an arbitrary routine file description (text with quotes, backslashes,
//!   `"""`, unicode, newlines and tabs; timed and rotating cues; sides, side labels, reps,
//!   levels; durations as seconds or strings; keys left out for their defaults), with at
//!   most one flaw put into one text (a control or bidi character, only white space, or
//!   too long). What the reader must make of it is worked out here from the format's
//!   rules: the routine, every field compared, or exactly the problems it must report.
#![no_main]

use std::ops::RangeInclusive;
use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde::{Serialize, Serializer};
use stretch_timer::routine::diagnostic::{SourceFile, render};
use stretch_timer::routine::limits::{self, MAX_PROBLEMS};
use stretch_timer::routine::read::{parse_routine, slug};
use stretch_timer::routine::text::is_bidi_control;
use stretch_timer::routine::{Cue, Level, Routine, Sides, Stretch, duration};

// ---- The file as it is written ----

/// How a duration is written: whole seconds (`30`), the formatted text (`"1m 30s"`), or
/// milliseconds (`"90000ms"`).
#[derive(Arbitrary, Clone, Copy, Debug)]
enum Form {
    Seconds,
    Text,
    Millis,
}

/// A duration, and how it is written.
#[derive(Clone, Copy, Debug)]
struct Dur {
    value: Duration,
    form: Form,
}

impl Dur {
    /// `value` written in `form`; whole seconds lose their milliseconds.
    fn new(value: Duration, form: Form) -> Dur {
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
struct Doc {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hold: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rest: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    switch: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead_in: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cues: Option<Vec<String>>,
    stretch: Vec<DocStretch>,
}

/// A `[[stretch]]` table.
#[derive(Serialize, Debug)]
struct DocStretch {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hold: Option<Dur>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sides: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    side_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reps: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cues: Option<Vec<DocCue>>,
}

/// A stretch's cue: a plain string, or an inline table.
#[derive(Serialize, Debug)]
#[serde(untagged)]
enum DocCue {
    Rotating(String),
    Timed { at: Dur, text: String },
}

impl Doc {
    /// A valid routine written out in full: every key explicit, nothing left to a default.
    fn of(routine: &Routine, form: Form) -> Doc {
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
    fn texts_mut(&mut self) -> Vec<&mut String> {
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

// ---- The arbitrary description of a file ----

/// A piece of text. In a one-line text, a newline or a tab is written as a space: control
/// characters come only from a `Flaw` (or, rarely, from `Unicode`).
#[derive(Arbitrary, Debug)]
enum Piece {
    Letter(u8),
    Digit(u8),
    Space,
    Quote,
    Apostrophe,
    Backslash,
    TripleQuote,
    TripleApostrophe,
    /// A backslash and a letter, as an escape is written: `\n`, `\u0041`.
    EscapeLike(u8),
    Newline,
    Tab,
    Punctuation(u8),
    /// White space other than ASCII (some of which `trim` removes), and zero-width ones.
    WideSpace(u8),
    Unicode(char),
    Emoji,
}

/// A text of any length, from pieces.
#[derive(Arbitrary, Debug)]
struct Text(Vec<Piece>);

impl Text {
    /// The text, valid for `rule`: a newline or a tab only where lines are allowed, no
    /// other control or bidi character, not empty where that is not allowed, and not too
    /// long. Invalid texts come only from a `Flaw`.
    fn render(&self, rule: &Rule) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Letter(n) if *n >= 128 => out.push(char::from(b'A' + n % 26)),
                Piece::Letter(n) => out.push(char::from(b'a' + n % 26)),
                Piece::Digit(n) => out.push(char::from(b'0' + n % 10)),
                Piece::Space => out.push(' '),
                Piece::Quote => out.push('"'),
                Piece::Apostrophe => out.push('\''),
                Piece::Backslash => out.push('\\'),
                Piece::TripleQuote => out.push_str("\"\"\""),
                Piece::TripleApostrophe => out.push_str("'''"),
                Piece::EscapeLike(n) => {
                    out.push('\\');
                    out.push_str(
                        ["n", "t", "r", "\"", "u0041", "U0001F600", "x", "\\", ""]
                            [usize::from(*n) % 9],
                    );
                }
                Piece::Newline => out.push(if rule.lines { '\n' } else { ' ' }),
                Piece::Tab => out.push(if rule.lines { '\t' } else { ' ' }),
                Piece::Punctuation(n) => {
                    let all = "#=[]{},.:;!?-_/*$%&()<>@^`|~+";
                    out.push(all.chars().nth(usize::from(*n) % all.len()).unwrap_or('#'));
                }
                Piece::WideSpace(n) => out.push(
                    [
                        '\u{A0}', '\u{1680}', '\u{2003}', '\u{2028}', '\u{2029}', '\u{3000}',
                        '\u{200B}', '\u{FEFF}', '\u{180E}',
                    ][usize::from(*n) % 9],
                ),
                Piece::Unicode(c) if c.is_control() || is_bidi_control(*c) => {
                    out.push(char::REPLACEMENT_CHARACTER)
                }
                Piece::Unicode(c) => out.push(*c),
                Piece::Emoji => out.push_str("🧘\u{200D}♀\u{FE0F} e\u{301}"),
            }
        }
        // At most the longest allowed, then not empty where that is not allowed.
        let mut out: String = out.chars().take(*rule.chars.end()).collect();
        if out.trim().chars().count() < *rule.chars.start() {
            out.insert(0, 'x');
            out = out.chars().take(*rule.chars.end()).collect();
        }
        out
    }
}

/// A duration, mapped into the range of the key it is written for.
#[derive(Arbitrary, Debug)]
struct Time {
    millis: u32,
    form: Form,
}

impl Time {
    fn within(&self, range: &RangeInclusive<Duration>) -> Dur {
        let (low, high) = (range.start().as_millis(), range.end().as_millis());
        let millis = low + u128::from(self.millis) % (high - low + 1);
        let millis = u64::try_from(millis).unwrap_or(u64::MAX);
        Dur::new(Duration::from_millis(millis), self.form)
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    name: Text,
    description: Option<Text>,
    level: Option<u8>,
    hold: Option<Time>,
    rest: Option<Time>,
    switch: Option<Time>,
    lead_in: Option<Time>,
    cues: Option<Vec<Text>>,
    /// A routine has at least one stretch (an empty list is a fixture of its own).
    first: StretchInput,
    more: Vec<StretchInput>,
    flaw: Option<Flaw>,
}

#[derive(Arbitrary, Debug)]
struct StretchInput {
    /// An explicit id, of `a-z`, `0-9` and `-`; without one, the name's slug.
    id: Option<Vec<u8>>,
    name: Text,
    level: Option<u8>,
    how: Option<Text>,
    hold: Option<Time>,
    sides: Option<bool>,
    side_label: Option<Text>,
    reps: Option<u8>,
    cues: Option<Vec<CueInput>>,
}

#[derive(Arbitrary, Debug)]
enum CueInput {
    Rotating(Text),
    Timed { at: Time, text: Text },
}

/// What one text of the file gets wrong, if anything.
#[derive(Arbitrary, Debug)]
struct Flaw {
    field: u16,
    at: u16,
    kind: FlawKind,
}

#[derive(Arbitrary, Debug)]
enum FlawKind {
    /// A C0 control character (newline and tab are allowed in long texts).
    C0(u8),
    Delete,
    C1(u8),
    Bidi(u8),
    /// Only white space.
    Blank,
    /// Longer than any text may be.
    Long,
}

impl Flaw {
    fn apply(&self, doc: &mut Doc) {
        let mut texts = doc.texts_mut();
        let count = texts.len();
        let Some(text) = texts.get_mut(usize::from(self.field) % count.max(1)) else {
            return;
        };
        let c = match self.kind {
            FlawKind::C0(n) => char::from(n % 32),
            FlawKind::Delete => '\u{7F}',
            FlawKind::C1(n) => char::from(0x80 + n % 32),
            FlawKind::Bidi(n) => [
                '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
                '\u{2068}', '\u{2069}',
            ][usize::from(n) % 9],
            FlawKind::Blank => {
                **text = " \u{3000}  ".into();
                return;
            }
            FlawKind::Long => {
                text.push_str(&"x".repeat(*limits::LONG_TEXT_CHARS.end() + 1));
                return;
            }
        };
        let chars = text.chars().count();
        let at = text
            .char_indices()
            .nth(usize::from(self.at) % (chars + 1))
            .map_or(text.len(), |(at, _)| at);
        text.insert(at, c);
    }
}

fn routine_level(n: u8) -> Level {
    Level::ROUTINE[usize::from(n) % Level::ROUTINE.len()]
}

fn stretch_level(n: u8) -> Level {
    Level::STRETCH[usize::from(n) % Level::STRETCH.len()]
}

/// The file `input` describes, before its flaw.
fn doc(input: &Input) -> Doc {
    let hold = input.hold.as_ref().map(|t| t.within(&limits::HOLD));
    let routine_hold = hold.map_or(limits::DEFAULT_HOLD, |h| h.value);
    Doc {
        name: input.name.render(&NAME),
        description: input.description.as_ref().map(|t| t.render(&DESCRIPTION)),
        level: input.level.map(|n| routine_level(n).as_str()),
        hold,
        rest: input.rest.as_ref().map(|t| t.within(&limits::REST)),
        switch: input.switch.as_ref().map(|t| t.within(&limits::SWITCH)),
        lead_in: input.lead_in.as_ref().map(|t| t.within(&limits::LEAD_IN)),
        cues: input.cues.as_ref().map(|cues| {
            cues.iter()
                .take(limits::MAX_CUES)
                .map(|t| t.render(&CUE))
                .collect()
        }),
        stretch: std::iter::once(&input.first)
            .chain(&input.more)
            .take(limits::MAX_STRETCHES)
            .map(|s| {
                let hold = s.hold.as_ref().map(|t| t.within(&limits::HOLD));
                let hold_value = hold.map_or(routine_hold, |h| h.value);
                // Timed cues fall within the hold: shorter than it.
                let within = Duration::ZERO..=hold_value - Duration::from_millis(1);
                DocStretch {
                    id: s.id.as_ref().map(|bytes| {
                        let id: String = bytes
                            .iter()
                            .take(*limits::ID_CHARS.end())
                            .map(|b| {
                                "abcdefghijklmnopqrstuvwxyz0123456789-".as_bytes()
                                    [usize::from(*b) % 37]
                            })
                            .map(char::from)
                            .collect();
                        if id.is_empty() { "x".into() } else { id }
                    }),
                    name: s.name.render(&NAME),
                    level: s.level.map(|n| stretch_level(n).as_str()),
                    how: s.how.as_ref().map(|t| t.render(&HOW)),
                    hold,
                    sides: s.sides.map(|both| if both { "both" } else { "none" }),
                    side_label: s.side_label.as_ref().map(|t| t.render(&SIDE_LABEL)),
                    reps: s
                        .reps
                        .map(|n| *limits::REPS.start() + u32::from(n) % *limits::REPS.end()),
                    cues: s.cues.as_ref().map(|cues| {
                        cues.iter()
                            .take(limits::MAX_CUES)
                            .map(|cue| match cue {
                                CueInput::Rotating(text) => DocCue::Rotating(text.render(&CUE)),
                                CueInput::Timed { at, text } => DocCue::Timed {
                                    at: at.within(&within),
                                    text: text.render(&CUE),
                                },
                            })
                            .collect()
                    }),
                }
            })
            .collect(),
    }
}

// ---- What the reader must make of a file: the format's rules, written out again ----

/// A text rule: its key, its length in characters after trimming, and whether it may
/// hold newlines and tabs.
struct Rule {
    key: &'static str,
    chars: RangeInclusive<usize>,
    lines: bool,
}

const NAME: Rule = Rule {
    key: "name",
    chars: limits::NAME_CHARS,
    lines: false,
};
const DESCRIPTION: Rule = Rule {
    key: "description",
    chars: limits::LONG_TEXT_CHARS,
    lines: true,
};
const HOW: Rule = Rule {
    key: "how",
    chars: limits::LONG_TEXT_CHARS,
    lines: true,
};
const SIDE_LABEL: Rule = Rule {
    key: "side_label",
    chars: limits::SIDE_LABEL_CHARS,
    lines: false,
};
const CUE: Rule = Rule {
    key: "cue",
    chars: limits::CUE_TEXT_CHARS,
    lines: false,
};

/// The problems a file must have, by their messages.
#[derive(Default)]
struct Expected {
    problems: Vec<String>,
}

impl Expected {
    /// The text, trimmed, if it follows `rule`; else its problem is expected.
    fn text(&mut self, raw: &str, rule: &Rule) -> Option<String> {
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

    fn optional_text(&mut self, raw: Option<&String>, rule: &Rule) -> Option<Option<String>> {
        match raw {
            None => Some(None),
            Some(raw) => self.text(raw, rule).map(Some),
        }
    }

    /// The routine `doc` must read as, or `None` when it must be refused.
    fn routine(&mut self, doc: &Doc) -> Option<Routine> {
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
    fn stretch(
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
            })
        })();
        (stretch, id)
    }
}

// ---- The round trip ----

/// Writes `doc` as TOML, plain and pretty (which puts each item of an array on a line of
/// its own; in both, the serializer picks a basic, literal or multi-line string from the
/// text), and reads each back: it must be `expected`, or be refused with exactly the
/// problems `expected` holds.
fn check(doc: &Doc, expected: Result<Routine, Vec<String>>) {
    for pretty in [false, true] {
        let written = if pretty {
            toml::to_string_pretty(doc)
        } else {
            toml::to_string(doc)
        };
        let text = match written {
            Ok(text) => text,
            Err(error) => panic!("the serializer refused {doc:?}: {error}"),
        };
        read_back(&text, expected.clone());
    }
}

/// Reads `text`: it must be `expected`, or be refused with exactly its problems.
fn read_back(text: &str, expected: Result<Routine, Vec<String>>) {
    let file = SourceFile::new("roundtrip.toml", text);
    match (parse_routine(&file), expected) {
        (Ok(read), Ok(expected)) => assert_eq!(read, expected, "read back from:\n{text}"),
        (Err(problems), Err(mut want)) => {
            let _ = render(&file, &problems, false);
            let _ = render(&file, &problems, true);
            assert_eq!(problems.total(), want.len(), "{problems:?} from:\n{text}");
            if want.len() <= MAX_PROBLEMS {
                let mut got: Vec<&str> = problems
                    .diagnostics
                    .iter()
                    .map(|d| d.message.as_str())
                    .collect();
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "from:\n{text}");
            }
        }
        (Ok(read), Err(want)) => panic!("accepted {read:?}, expected {want:?}, from:\n{text}"),
        (Err(problems), Ok(_)) => panic!(
            "refused a valid routine: {}\n{text}",
            render(&file, &problems, false)
        ),
    }
}

fuzz_target!(|bytes: &[u8]| {
    // A valid routine (a seed, or a mutation of one) is written out in full.
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(routine) = parse_routine(&SourceFile::new("seed.toml", text))
    {
        let form = [Form::Seconds, Form::Text, Form::Millis][bytes.len() % 3];
        let doc = Doc::of(&routine, form);
        // Whole seconds lose milliseconds: the routine expected is the one written.
        let expected = Routine {
            hold: doc.hold.map_or(routine.hold, |h| h.value),
            rest: doc.rest.map_or(routine.rest, |h| h.value),
            switch: doc.switch.map_or(routine.switch, |h| h.value),
            lead_in: doc.lead_in.map_or(routine.lead_in, |h| h.value),
            ..routine
        };
        check(&doc, Ok(expected));
        return;
    }
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(bytes)) else {
        return;
    };
    let mut doc = doc(&input);
    if let Some(flaw) = &input.flaw {
        flaw.apply(&mut doc);
    }
    let mut expected = Expected::default();
    let routine = expected.routine(&doc);
    let expected = match routine {
        Some(routine) if expected.problems.is_empty() => Ok(routine),
        _ => Err(expected.problems),
    };
    check(&doc, expected);
});
