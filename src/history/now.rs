//! The wall clock of the history: now, in the system's time zone. Debug builds let tests
//! set it with `STRETCH_TEST_NOW` (e.g. `2026-03-29T01:30:00+01:00[Europe/Berlin]`), the
//! way `STRETCH_TEST_PANIC` works; no release build reads it.

use std::path::Path;

use jiff::tz::TimeZone;

use crate::fs::{self, Expect};
use jiff::{Timestamp, ZonedDateTime};

/// The system's own time zone, where `TZ` does not name one.
const LOCALTIME: &str = "/etc/localtime";

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

/// The system's time zone when `TZ` is unset and `/etc/localtime` links to a zone's file:
/// that file, read by jiff, under the name the link gives (`Europe/Berlin`). This is what
/// jiff finds itself, but jiff first lists the whole zone database to look the name up,
/// which was over a third of `stretch status` (1.2 ms of 2.6, `benches/status.sh`). In
/// every other case (`TZ` set, no link), `None`: jiff decides.
fn system_zone() -> Option<TimeZone> {
    if std::env::var_os("TZ").is_some() {
        return None;
    }
    let target = fs::link_target(Path::new(LOCALTIME))?;
    let (_, name) = target.to_str()?.rsplit_once("zoneinfo/")?;
    let target = Path::new(LOCALTIME).parent()?.join(&target);
    let bytes = fs::read(&target, MAX_ZONE_BYTES, Expect::Regular).ok()?;
    TimeZone::tzif(name, &bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_zone_is_the_one_jiff_finds() {
        // Only where the system's zone is a link into a zone database and `TZ` is unset.
        if let Some(zone) = system_zone() {
            let jiff = TimeZone::system();
            assert_eq!(zone.iana_name(), jiff.iana_name());
            let moment = Timestamp::now();
            assert_eq!(zone.to_offset(moment), jiff.to_offset(moment));
        }
    }
}
