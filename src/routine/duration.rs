//! Durations as routine files and the command line write them: `"30s"`, `"1m 30s"`,
//! `"1500ms"`, `"1h"`. Whole numbers only, every part with a unit, each unit at most once.
//! A strict grammar of four units is less code than bending a general parser to refuse
//! the many forms it would accept ("1.5m", "2 days", "30 sec").

use std::fmt;
use std::time::Duration;

/// Why a text is not a duration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    /// Nothing but white space.
    Empty,
    /// A number with no unit after it, such as `"30"`.
    MissingUnit(String),
    /// A unit that is not `h`, `m`, `s` or `ms`, such as the `sec` of `"30 sec"`.
    UnknownUnit(String),
    /// A known unit apart from its number, such as `"30 s"`: the number and the unit.
    SpacedUnit(String, &'static str),
    /// Something that is not a whole number followed by `h`, `m`, `s` or `ms`.
    Invalid(String),
    /// The same unit twice, such as `"1s 2s"`.
    RepeatedUnit(&'static str),
    /// More than the program can count.
    TooLong,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Empty => write!(f, "empty duration"),
            DurationError::MissingUnit(number) => {
                write!(
                    f,
                    "`{number}` has no unit; write `{number}s`, `{number}m` or `{number}ms`"
                )
            }
            DurationError::UnknownUnit(unit) => {
                write!(f, "unknown unit `{unit}`: use h, m, s or ms")
            }
            DurationError::SpacedUnit(number, unit) => {
                write!(f, "write `{number}{unit}`, with no space before the unit")
            }
            DurationError::Invalid(part) => write!(
                f,
                "`{part}` is not a duration part: use whole numbers with h, m, s or ms, as in `1m 30s`"
            ),
            DurationError::RepeatedUnit(unit) => write!(f, "the unit `{unit}` appears twice"),
            DurationError::TooLong => write!(f, "duration is too long"),
        }
    }
}

impl std::error::Error for DurationError {}

/// Parse a duration string such as `"1m 30s"`.
pub fn parse(text: &str) -> Result<Duration, DurationError> {
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(DurationError::Empty);
    }
    let mut total = Duration::ZERO;
    let mut seen: Vec<&'static str> = Vec::new();
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (number, after) = rest.split_at(digits);
        let unit_len = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let (unit_text, after_unit) = after.split_at(unit_len);
        if digits == 0 {
            return Err(DurationError::Invalid(first_word(rest).to_string()));
        }
        let (unit, millis_per_unit) = match (unit_of(unit_text), unit_text) {
            (Some(unit), _) => unit,
            (None, "") if after.is_empty() || after.starts_with(char::is_whitespace) => {
                // A word after the number is a unit written apart from it.
                let next = after.trim_start();
                let word = &next[..next.len() - next.trim_start_matches(char::is_alphabetic).len()];
                return Err(match (word, unit_of(word)) {
                    ("", _) => DurationError::MissingUnit(number.to_string()),
                    (_, Some((unit, _))) => DurationError::SpacedUnit(number.to_string(), unit),
                    (word, None) => DurationError::UnknownUnit(word.to_string()),
                });
            }
            (None, "") => return Err(DurationError::Invalid(first_word(rest).to_string())),
            (None, unknown) => return Err(DurationError::UnknownUnit(unknown.to_string())),
        };
        if seen.contains(&unit) {
            return Err(DurationError::RepeatedUnit(unit));
        }
        seen.push(unit);
        let value: u64 = number.parse().map_err(|_| DurationError::TooLong)?;
        let millis = value
            .checked_mul(millis_per_unit)
            .ok_or(DurationError::TooLong)?;
        total = total
            .checked_add(Duration::from_millis(millis))
            .ok_or(DurationError::TooLong)?;
        rest = after_unit.trim_start();
    }
    Ok(total)
}

/// A unit's name and its length in milliseconds, if `text` is one.
fn unit_of(text: &str) -> Option<(&'static str, u64)> {
    match text {
        "h" => Some(("h", 3_600_000)),
        "m" => Some(("m", 60_000)),
        "s" => Some(("s", 1_000)),
        "ms" => Some(("ms", 1)),
        _ => None,
    }
}

/// A duration as the command line takes it: as in a file, a bare whole number is seconds
/// (`--hold 30`), and a string is read by [`parse`].
pub fn parse_argument(text: &str) -> Result<Duration, DurationError> {
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: u64 = trimmed.parse().map_err(|_| DurationError::TooLong)?;
        return Ok(Duration::from_secs(seconds));
    }
    parse(text)
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or(text)
}

/// Write a duration the way a person reads it: `30s`, `1m 30s`, `1h 5m`, `750ms`.
pub fn format(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis == 0 {
        return "0s".to_string();
    }
    let parts = [
        (millis / 3_600_000, "h"),
        (millis / 60_000 % 60, "m"),
        (millis / 1_000 % 60, "s"),
        (millis % 1_000, "ms"),
    ];
    parts
        .iter()
        .filter(|(value, _)| *value > 0)
        .map(|(value, unit)| format!("{value}{unit}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whole milliseconds, as JSON output gives durations.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Whole seconds, rounded up: a countdown shows 30 until a full second has gone.
pub fn whole_seconds_up(duration: Duration) -> u64 {
    duration
        .as_secs()
        .saturating_add(u64::from(duration.subsec_nanos() > 0))
}

/// A clock reading for timelines and logs: `MM:SS`, or `H:MM:SS` from an hour on; whole
/// seconds, rounded down.
pub fn clock(duration: Duration) -> String {
    clock_of(duration.as_secs(), true)
}

/// A clock reading for a countdown on screen: `m:ss`, or `h:mm:ss` from an hour on.
pub fn short_clock(seconds: u64) -> String {
    clock_of(seconds, false)
}

/// The one clock format: hours only from an hour on, minutes padded to two digits when
/// `pad_minutes` or when hours come first.
fn clock_of(seconds: u64, pad_minutes: bool) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else if pad_minutes {
        format!("{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn accepts_every_documented_form() {
        assert_eq!(parse("30s"), Ok(ms(30_000)));
        assert_eq!(parse("1m"), Ok(ms(60_000)));
        assert_eq!(parse("1m 30s"), Ok(ms(90_000)));
        assert_eq!(parse("1m30s"), Ok(ms(90_000)));
        assert_eq!(parse("90s"), Ok(ms(90_000)));
        assert_eq!(parse("750ms"), Ok(ms(750)));
        assert_eq!(parse("1500ms"), Ok(ms(1_500)));
        assert_eq!(parse("1h 2m 3s 4ms"), Ok(ms(3_723_004)));
        assert_eq!(parse("0s"), Ok(Duration::ZERO));
    }

    #[test]
    fn refuses_floats_negatives_bare_numbers_and_unknown_units() {
        assert_eq!(parse("30"), Err(DurationError::MissingUnit("30".into())));
        assert_eq!(parse("1.5m"), Err(DurationError::Invalid("1.5m".into())));
        assert_eq!(parse("-5s"), Err(DurationError::Invalid("-5s".into())));
        // A unit that is not one of the four is named as the unknown unit it is.
        assert_eq!(
            parse("30 sec"),
            Err(DurationError::UnknownUnit("sec".into()))
        );
        assert_eq!(
            parse("1 minute"),
            Err(DurationError::UnknownUnit("minute".into()))
        );
        assert_eq!(
            parse("30sec"),
            Err(DurationError::UnknownUnit("sec".into()))
        );
        assert_eq!(parse("5d"), Err(DurationError::UnknownUnit("d".into())));
        assert_eq!(
            parse("30 s"),
            Err(DurationError::SpacedUnit("30".into(), "s"))
        );
        assert_eq!(
            DurationError::UnknownUnit("sec".into()).to_string(),
            "unknown unit `sec`: use h, m, s or ms"
        );
        assert_eq!(
            DurationError::SpacedUnit("30".into(), "s").to_string(),
            "write `30s`, with no space before the unit"
        );
        // The word after a spaced number is named alone, whatever follows it.
        assert_eq!(
            parse("1 minute 30s"),
            Err(DurationError::UnknownUnit("minute".into()))
        );
        assert_eq!(
            parse("30 s 5ms"),
            Err(DurationError::SpacedUnit("30".into(), "s"))
        );
        assert_eq!(parse("1m 30"), Err(DurationError::MissingUnit("30".into())));
        assert_eq!(parse("s"), Err(DurationError::Invalid("s".into())));
        assert_eq!(parse(""), Err(DurationError::Empty));
        assert_eq!(parse("   "), Err(DurationError::Empty));
        assert_eq!(parse("1s 2s"), Err(DurationError::RepeatedUnit("s")));
        assert_eq!(parse("99999999999999999999s"), Err(DurationError::TooLong));
        assert_eq!(parse("18446744073709551615h"), Err(DurationError::TooLong));
    }

    #[test]
    fn on_the_command_line_a_bare_number_is_seconds() {
        assert_eq!(parse_argument("30"), Ok(ms(30_000)));
        assert_eq!(parse_argument(" 0 "), Ok(Duration::ZERO));
        assert_eq!(parse_argument("45s"), Ok(ms(45_000)));
        assert_eq!(parse_argument("1m 30s"), Ok(ms(90_000)));
        assert_eq!(
            parse_argument("1.5"),
            Err(DurationError::Invalid("1.5".into()))
        );
        assert_eq!(
            parse_argument("99999999999999999999"),
            Err(DurationError::TooLong)
        );
        assert_eq!(parse_argument(""), Err(DurationError::Empty));
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(format(ms(30_000)), "30s");
        assert_eq!(format(ms(90_000)), "1m 30s");
        assert_eq!(format(ms(750)), "750ms");
        assert_eq!(format(ms(3_660_000)), "1h 1m");
        assert_eq!(format(Duration::ZERO), "0s");
        assert_eq!(clock(Duration::ZERO), "00:00");
        assert_eq!(clock(ms(65_900)), "01:05");
        assert_eq!(clock(ms(3_599_000)), "59:59");
        assert_eq!(clock(ms(3_600_000)), "1:00:00");
        assert_eq!(clock(ms(3_725_000)), "1:02:05");
        assert_eq!(clock(ms(36_000_000)), "10:00:00");
        assert_eq!(short_clock(5), "0:05");
        assert_eq!(short_clock(605), "10:05");
        assert_eq!(short_clock(3 * 3600 + 62), "3:01:02");
    }

    #[test]
    fn json_gives_whole_milliseconds_rounded_down_and_saturating() {
        assert_eq!(millis(ms(1_500)), 1_500);
        assert_eq!(millis(Duration::from_nanos(2_999_999)), 2);
        assert_eq!(millis(Duration::ZERO), 0);
        assert_eq!(millis(Duration::MAX), u64::MAX);
    }

    proptest::proptest! {
        #![proptest_config(crate::testing::proptest_config())]

        /// Format then parse gives back the value, for any whole number of milliseconds,
        /// and so does the form with no spaces.
        #[test]
        fn format_then_parse_gives_back_the_value(millis in 0u64..10_000_000_000_000) {
            let value = ms(millis);
            let written = format(value);
            proptest::prop_assert_eq!(parse(&written), Ok(value), "{}", written);
            proptest::prop_assert_eq!(parse(&written.replace(' ', "")), Ok(value));
        }
    }
}
