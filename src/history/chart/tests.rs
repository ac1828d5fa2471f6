//! The chart's cells, shades, month names and width.

use jiff::civil::date;

use super::*;

fn day(active_s: u64) -> Day {
    Day {
        active_s,
        sessions: 1,
        counts: true,
    }
}

#[test]
fn a_chart_is_a_column_a_week_and_a_row_a_weekday() {
    // Wednesday 2026-03-04; two weeks: Feb 23 – Mar 1 and Mar 2 – Mar 8.
    let today = date(2026, 3, 4);
    let days = BTreeMap::from([
        (date(2026, 2, 23), day(100)),
        (date(2026, 3, 1), day(1500)),
        (date(2026, 3, 3), day(400)),
        (date(2026, 3, 4), day(700)),
    ]);
    assert_eq!(
        draw(&days, today, 2, false),
        "      Mar\n\
         Mon ░ ·\n\
         Tue · ▒\n\
         Wed · ▓\n\
         Thu ·  \n\
         Fri ·  \n\
         Sat ·  \n\
         Sun █  \n    · 0 ░ <5 ▒ 5-9 ▓ 10-19 █ 20+ min\n"
    );
}

#[test]
fn a_month_is_named_over_its_first_week_when_there_is_room() {
    let today = date(2026, 3, 4);
    let first_line = |weeks| {
        draw(&BTreeMap::new(), today, weeks, false)
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(first_line(1), "    Mar");
    assert_eq!(
        first_line(3),
        "        Mar",
        "February's first Monday is before"
    );
    assert_eq!(first_line(6), "      Feb     Mar");
    // Weeks from Monday 9 to Sunday 29 November: no month starts, the first is named.
    let late_november = draw(&BTreeMap::new(), date(2026, 11, 29), 3, false);
    assert_eq!(late_november.lines().next(), Some("    Nov"));
}

#[test]
fn colour_shades_with_greens_and_the_widest_chart_fits_80_columns() {
    let today = date(2026, 3, 4);
    let days = BTreeMap::from([(today, day(2000))]);
    let coloured = draw(&days, today, 1, true);
    assert!(coloured.contains("\x1b[38;5;40m■\x1b[0m"), "{coloured:?}");
    let widest = draw(&days, today, 500, false);
    for line in widest.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    assert_eq!(widest.lines().nth(1).unwrap().chars().count(), 79);
}

#[test]
fn shades_go_by_minutes() {
    assert_eq!(
        [0, 1, 299, 300, 599, 600, 1199, 1200].map(shade),
        [0, 1, 1, 2, 2, 3, 3, 4]
    );
}
