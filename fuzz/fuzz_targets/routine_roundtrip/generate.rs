//! The arbitrary description of a routine file, and the file it describes: texts valid
//! for their keys, durations within their ranges, and at most one flaw.

use std::ops::RangeInclusive;
use std::time::Duration;

use arbitrary::Arbitrary;
use stretch_timer::routine::Level;
use stretch_timer::routine::limits;
use stretch_timer::routine::text::is_bidi_control;

use crate::expected::{CUE, DESCRIPTION, HOW, NAME, Rule, SIDE_LABEL};
use crate::write::{Doc, DocCue, DocStretch, Dur, Form};

/// A piece of text. In a one-line text, a newline or a tab is written as a space: control
/// characters come only from a `Flaw` (or, rarely, from `Unicode`).
#[derive(Arbitrary, Debug)]
pub(crate) enum Piece {
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
pub(crate) struct Text(Vec<Piece>);

impl Text {
    /// The text, valid for `rule`: a newline or a tab only where lines are allowed, no
    /// other control or bidi character, not empty where that is not allowed, and not too
    /// long. Invalid texts come only from a `Flaw`.
    pub(crate) fn render(&self, rule: &Rule) -> String {
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
pub(crate) struct Time {
    pub(crate) millis: u32,
    pub(crate) form: Form,
}

impl Time {
    pub(crate) fn within(&self, range: &RangeInclusive<Duration>) -> Dur {
        let (low, high) = (range.start().as_millis(), range.end().as_millis());
        let millis = low + u128::from(self.millis) % (high - low + 1);
        let millis = u64::try_from(millis).unwrap_or(u64::MAX);
        Dur::new(Duration::from_millis(millis), self.form)
    }
}

/// A routine file, described: the routine's keys, its stretches, and at most one flaw.
#[derive(Arbitrary, Debug)]
pub(crate) struct Input {
    pub(crate) name: Text,
    pub(crate) description: Option<Text>,
    pub(crate) level: Option<u8>,
    pub(crate) hold: Option<Time>,
    pub(crate) rest: Option<Time>,
    pub(crate) switch: Option<Time>,
    pub(crate) lead_in: Option<Time>,
    pub(crate) cues: Option<Vec<Text>>,
    /// A routine has at least one stretch (an empty list is a fixture of its own).
    pub(crate) first: StretchInput,
    pub(crate) more: Vec<StretchInput>,
    pub(crate) flaw: Option<Flaw>,
}

/// A `[[stretch]]`, described; a key left out (`None`) takes its default.
#[derive(Arbitrary, Debug)]
pub(crate) struct StretchInput {
    /// An explicit id, of `a-z`, `0-9` and `-`; without one, the name's slug.
    pub(crate) id: Option<Vec<u8>>,
    pub(crate) name: Text,
    pub(crate) level: Option<u8>,
    pub(crate) how: Option<Text>,
    pub(crate) hold: Option<Time>,
    pub(crate) sides: Option<bool>,
    pub(crate) side_label: Option<Text>,
    pub(crate) reps: Option<u8>,
    pub(crate) cues: Option<Vec<CueInput>>,
}

#[derive(Arbitrary, Debug)]
pub(crate) enum CueInput {
    Rotating(Text),
    Timed { at: Time, text: Text },
}

/// What one text of the file gets wrong, if anything.
#[derive(Arbitrary, Debug)]
pub(crate) struct Flaw {
    pub(crate) field: u16,
    pub(crate) at: u16,
    pub(crate) kind: FlawKind,
}

#[derive(Arbitrary, Debug)]
pub(crate) enum FlawKind {
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
    pub(crate) fn apply(&self, doc: &mut Doc) {
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

pub(crate) fn routine_level(n: u8) -> Level {
    Level::ROUTINE[usize::from(n) % Level::ROUTINE.len()]
}

pub(crate) fn stretch_level(n: u8) -> Level {
    Level::STRETCH[usize::from(n) % Level::STRETCH.len()]
}

/// The file `input` describes, before its flaw.
pub(crate) fn doc(input: &Input) -> Doc {
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
                    figure: None,
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
