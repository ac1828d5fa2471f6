//! The wall clock of the history: now, in the system's time zone. Debug builds let tests
//! set it with `STRETCH_TEST_NOW` (e.g. `2026-03-29T01:30:00+01:00[Europe/Berlin]`), the
//! way `STRETCH_TEST_PANIC` works; no release build reads it.

use jiff::ZonedDateTime;

/// The current moment in the system's time zone (`TZ`, else the system's own).
pub fn now() -> ZonedDateTime {
    #[cfg(debug_assertions)]
    if let Some(set) = std::env::var_os("STRETCH_TEST_NOW")
        && let Some(moment) = set.to_str().and_then(|text| text.parse().ok())
    {
        return moment;
    }
    ZonedDateTime::now()
}
