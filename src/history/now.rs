//! The wall clock of the history: now, in the system's time zone. Debug builds let tests
//! set it with `STRETCH_TEST_NOW` (e.g. `2026-03-29T01:30:00+01:00[Europe/Berlin]`), the
//! way `STRETCH_TEST_PANIC` works; no release build reads it.

use std::path::Path;

use jiff::tz::TimeZone;

use crate::fs::{self, Expect};
use jiff::{Timestamp, ZonedDateTime};

/// The system's own time zone, where `TZ` does not name one.
const LOCALTIME: &str = "/etc/localtime";

/// The system's database of time zones, where a name in `TZ` is looked for.
const ZONEINFO: &str = "/usr/share/zoneinfo";

/// The most bytes read of a time zone's file (they are a few KiB).
const MAX_ZONE_BYTES: u64 = 256 * 1024;

/// The current moment in the system's time zone (`TZ`, else the system's own).
pub fn now() -> ZonedDateTime {
    #[cfg(debug_assertions)]
    if let Some(set) = std::env::var_os("STRETCH_TEST_NOW")
        && let Some(moment) = set.to_str().and_then(|text| text.parse().ok())
    {
        return moment;
    }
    match system_zone() {
        Some(zone) => Timestamp::now().to_zoned_datetime(zone),
        None => ZonedDateTime::now(),
    }
}

/// The system's time zone, read straight from its file where that is plain: `TZ` naming
/// a zone of the system's database (`Europe/Berlin`, `:Europe/Berlin`), or, with `TZ`
/// unset, `/etc/localtime` linking to a zone's file. This is what jiff finds itself, but
/// jiff first lists the whole zone database to look the name up, which was over a third
/// of `stretch status` (1.2 ms of 2.6, `benches/status.sh`). In every other case (a
/// POSIX rule such as `EST5EDT`, a name in another case, `ZONEINFO` set, no link), `None`:
/// jiff decides.
fn system_zone() -> Option<TimeZone> {
    if std::env::var_os("ZONEINFO").is_some() {
        return None;
    }
    match std::env::var_os("TZ") {
        None => zone_for(None),
        Some(tz) => zone_for(Some(tz.to_str()?)),
    }
}

/// [`system_zone`] for the value of `TZ` (`None`: unset).
fn zone_for(tz: Option<&str>) -> Option<TimeZone> {
    let (name, file) = match tz {
        Some(tz) => {
            let name = tz.strip_prefix(':').unwrap_or(tz);
            let plain = !name.is_empty()
                && !name.starts_with('/')
                && name
                    .split('/')
                    .all(|part| !part.is_empty() && part != "." && part != "..")
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c));
            if !plain {
                return None;
            }
            (name.to_owned(), Path::new(ZONEINFO).join(name))
        }
        None => {
            let target = fs::link_target(Path::new(LOCALTIME))?;
            let (_, name) = target.to_str()?.rsplit_once("zoneinfo/")?;
            (
                name.to_owned(),
                Path::new(LOCALTIME).parent()?.join(&target),
            )
        }
    };
    let bytes = fs::read(&file, MAX_ZONE_BYTES, Expect::Regular).ok()?;
    TimeZone::tzif(&name, &bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same zone: its name, and its offsets in winter and summer.
    fn same(ours: &TimeZone, jiff: &TimeZone) {
        assert_eq!(ours.iana_name(), jiff.iana_name());
        for moment in ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"] {
            let moment: Timestamp = moment.parse().unwrap();
            assert_eq!(ours.to_offset(moment), jiff.to_offset(moment), "{moment}");
        }
    }

    #[test]
    fn the_system_zone_is_the_one_jiff_finds() {
        // Where the system's zone is a link into a zone database.
        if let Some(zone) = zone_for(None) {
            same(&zone, &TimeZone::system());
        }
        // Where the system has the zone database.
        for name in ["Europe/Berlin", "America/New_York", "EST5EDT"] {
            if let Ok(jiff) = TimeZone::get(name) {
                same(&zone_for(Some(name)).unwrap(), &jiff);
                same(&zone_for(Some(&format!(":{name}"))).unwrap(), &jiff);
            }
        }
    }

    #[test]
    fn what_is_not_a_plain_name_is_left_to_jiff() {
        for tz in [
            "",
            ":",
            "UTC0",
            "CET-1CEST,M3.5.0,M10.5.0/3",
            "/etc/localtime",
            "../etc/passwd",
            "Europe/../../etc/passwd",
            "europe/berlin",
            "Europe//Berlin",
            "\0",
        ] {
            assert!(zone_for(Some(tz)).is_none(), "{tz:?}");
        }
    }
}
