//! Fields of a line read without copying them. Each accepts and refuses exactly the JSON
//! that serde's own `String` and `Vec<String>` do, with the same words, so a line is
//! damaged the same either way.
//!
//! - [`Text`]: a string borrowed from the line (copied only when it has escapes).
//! - The `skipped` ids ([`Ids`]): kept as strings for a record that is shown, or only
//!   measured ([`IdShape`]) for a line that is only counted.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::{MAX_ROUTINE_CHARS, MAX_SKIPPED};

/// The `skipped` ids as read, and the one rule on them.
pub(super) trait Ids {
    /// Whether there are too many ids, or one is too long.
    fn too_long(&self) -> bool;
}

impl Ids for Vec<String> {
    fn too_long(&self) -> bool {
        self.len() > MAX_SKIPPED || self.iter().any(|id| chars(id) > MAX_ROUTINE_CHARS)
    }
}

/// How many `skipped` ids a line has and the length of the longest, in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct IdShape {
    count: usize,
    longest: usize,
}

impl Ids for IdShape {
    fn too_long(&self) -> bool {
        self.count > MAX_SKIPPED || self.longest > MAX_ROUTINE_CHARS
    }
}

impl<'de> Deserialize<'de> for IdShape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ShapeVisitor)
    }
}

/// Reads a sequence as `Vec<String>` does, keeping only its shape.
struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = IdShape;

    // The words of serde's own visitor for a `Vec`, so that errors read the same.
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<IdShape, A::Error> {
        let mut shape = IdShape::default();
        while let Some(IdLength(length)) = seq.next_element()? {
            shape.count += 1;
            shape.longest = shape.longest.max(length);
        }
        Ok(shape)
    }
}

/// The length of one id, in characters, read as a `String` is but without keeping it.
struct IdLength(usize);

impl<'de> Deserialize<'de> for IdLength {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(LengthVisitor)
    }
}

/// Reads a string as serde's visitor for a `String` does, keeping only its length.
struct LengthVisitor;

impl Visitor<'_> for LengthVisitor {
    type Value = IdLength;

    // The words of serde's own visitor for a `String`, so that errors read the same.
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<IdLength, E> {
        Ok(IdLength(chars(text)))
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<IdLength, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(IdLength(chars(text))),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// The length of `text` in characters, as the bounds of a line's texts count it.
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// A string field, borrowed from the line unless it has escapes. (serde borrows a bare
/// `Cow<str>` field, but one inside an `Option` it always copies.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Text<'a>(pub(super) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(TextVisitor)
    }
}

/// Reads a string as serde's visitor for a `String` does, borrowing it where it can.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    // The words of serde's own visitor for a `String`, so that errors read the same.
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(text)))
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Text<'de>, E> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Text(Cow::Owned(text.to_owned()))),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
        }
    }
}
