//! The chart of `stretch log`: a column a week (Monday first) and a row a weekday, as
//! GitHub draws contributions, each day shaded by its minutes in holds, with a legend.
//! In colour on a terminal, plain blocks otherwise; never wider than 80 columns.

use std::collections::BTreeMap;
use std::fmt::Write;

use jiff::civil::Date;

use crate::history::days::{Day, shift, week_start};

/// The most weeks that fit in 80 columns: a 3-column label, then 2 columns a week.
pub const MAX_WEEKS: u16 = 38;

/// The weekday labels, Monday first.
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The shades, none first: plain characters, and the 256-colour greens used on a terminal.
const PLAIN: [char; 5] = ['·', '░', '▒', '▓', '█'];
const COLOURS: [u8; 5] = [240, 22, 28, 34, 40];

/// The legend's words for each shade, in minutes.
const LEGEND: [&str; 5] = ["0", "<5", "5-9", "10-19", "20+ min"];

/// How dark a day is: 0 for no time in holds, then by minutes: under 5, under 10, under
/// 20, and 20 or more.
pub fn shade(active_s: u64) -> usize {
    match active_s {
        0 => 0,
        1..300 => 1,
        300..600 => 2,
        600..1200 => 3,
        _ => 4,
    }
}

/// The last `weeks` weeks up to the one holding `today`, with month names above the week
/// each month's first Monday starts, and the legend below. Days after today are blank.
pub fn draw(days: &BTreeMap<Date, Day>, today: Date, weeks: u16, colour: bool) -> String {
    let weeks = weeks.clamp(1, MAX_WEEKS);
    let first = shift(week_start(today), -7 * (i64::from(weeks) - 1));
    let mondays: Vec<Date> = (0..weeks)
        .map(|week| shift(first, 7 * i64::from(week)))
        .collect();
    let mut out = month_row(&mondays);
    for (weekday, label) in WEEKDAYS.iter().enumerate() {
        out.push_str(label);
        for &monday in &mondays {
            let date = shift(monday, weekday as i64);
            out.push(' ');
            if date > today {
                out.push(' ');
            } else {
                let active = days.get(&date).map_or(0, |day| day.active_s);
                push_cell(&mut out, shade(active), colour);
            }
        }
        out.push('\n');
    }
    out.push_str("   ");
    for (level, words) in LEGEND.iter().enumerate() {
        out.push(' ');
        push_cell(&mut out, level, colour);
        let _ = write!(out, " {words}");
    }
    out.push('\n');
    out
}

/// The row of month names: each over the week of its first Monday, where it does not run
/// into the name before. Where no month starts in the chart, the first week's month.
fn month_row(mondays: &[Date]) -> String {
    // A name may reach past the last week, never past the 80th column.
    let width = 80;
    let mut row: Vec<char> = vec![' '; width];
    let mut free_from = 0;
    for (column, monday) in mondays.iter().enumerate() {
        let at = 4 + 2 * column;
        let name = monday.strftime("%b").to_string();
        if monday.day() <= 7 && at >= free_from && at + name.len() <= width {
            for (offset, c) in name.chars().enumerate() {
                row[at + offset] = c;
            }
            free_from = at + name.len() + 1;
        }
    }
    if free_from == 0
        && let Some(first) = mondays.first()
    {
        let name = first.strftime("%b").to_string();
        row.splice(4..4 + name.len(), name.chars());
    }
    let row: String = row.into_iter().collect();
    format!("{}\n", row.trim_end())
}

/// One day's cell: its shade as a plain character, or a coloured square.
fn push_cell(out: &mut String, level: usize, colour: bool) {
    if colour {
        let _ = write!(out, "\x1b[38;5;{}m■\x1b[0m", COLOURS[level]);
    } else {
        out.push(PLAIN[level]);
    }
}

#[cfg(test)]
mod tests;
