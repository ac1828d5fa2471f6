//! The `list` command: every routine, with its level, length and what it is for; or every
//! distinct stretch once, with its level and the routines that use it. On a terminal,
//! each line is cut to its width.

use std::time::Duration;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::Format;
use crate::commands::as_run;
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::frontend::output::{self, cell, print_json, print_stdout, stdout_width};
use stretch_timer::plan::timeline::Timeline;
use stretch_timer::routine::catalog::{self, Loaded};
use stretch_timer::routine::duration;

#[derive(Serialize)]
struct RoutineRow {
    /// The name to run it by: `builtin:NAME` for a shadowed built-in routine.
    name: String,
    origin: &'static str,
    /// A built-in routine one of the user's has the name of.
    shadowed: bool,
    valid: bool,
    title: Option<String>,
    level: Option<&'static str>,
    stretches: Option<usize>,
    total_ms: Option<u64>,
    /// What the routine is for, on one line.
    description: Option<String>,
    problem: Option<String>,
}

/// A distinct stretch: the same stretch in several routines is one row.
#[derive(Serialize)]
struct StretchRow {
    id: String,
    name: String,
    level: Option<&'static str>,
    hold_ms: u64,
    sides: &'static str,
    reps: u32,
    figure: Option<String>,
    /// The routines that have it, by the names to run them by.
    routines: Vec<String>,
}

/// List every routine, or with `stretches` every distinct stretch, in `format`.
/// Each routine's times are those `run` would take with the `settings` in effect for it
/// (its own table in the config file, or the file's `hold` and the others).
pub fn run(stretches: bool, format: Format, settings: &Resolved) -> Result<(), Error> {
    if let Some(warning) = catalog::folder_warning() {
        output::warn(warning);
    }
    // Each file's rows are made as it is read, and the rest of it dropped at once.
    if stretches {
        let mut rows: Vec<StretchRow> = Vec::new();
        for row in
            catalog::all_routines_with(|loaded, shadowed| stretch_rows(&loaded, shadowed, settings))
                .into_iter()
                .flatten()
        {
            merge(&mut rows, row);
        }
        match format {
            Format::Json => print_json(&rows)?,
            Format::Text => print_stdout(&table(
                &["ID", "LEVEL", "HOLD", "SIDES", "ROUTINES", "STRETCH"],
                rows.iter()
                    .map(|r| {
                        vec![
                            r.id.clone(),
                            r.level.unwrap_or("-").to_string(),
                            hold_text(r),
                            r.sides.to_string(),
                            cell(&r.routines.join(", ")),
                            cell(&r.name),
                        ]
                    })
                    .collect(),
                stdout_width(),
            ))?,
        }
        return Ok(());
    }
    let rows: Vec<RoutineRow> =
        catalog::all_routines_with(|loaded, shadowed| routine_row(&loaded, shadowed, settings));
    match format {
        Format::Json => print_json(&rows)?,
        Format::Text => print_stdout(&table(
            &[
                "NAME",
                "LEVEL",
                "STRETCHES",
                "TIME",
                "SOURCE",
                "DESCRIPTION",
            ],
            rows.iter()
                .map(|r| match &r.problem {
                    None => vec![
                        cell(&r.name),
                        r.level.unwrap_or("").to_string(),
                        r.stretches.map_or(String::new(), |n| n.to_string()),
                        r.total_ms.map_or(String::new(), |ms| {
                            duration::format(Duration::from_millis(ms))
                        }),
                        source(r),
                        cell(r.description.as_deref().unwrap_or("")),
                    ],
                    Some(problem) => vec![
                        cell(&r.name),
                        "-".into(),
                        "-".into(),
                        "-".into(),
                        format!("{}, invalid:", source(r)),
                        cell(problem),
                    ],
                })
                .collect(),
            stdout_width(),
        ))?,
    }
    Ok(())
}

/// Adds `row` to `rows`: to the routines of the same stretch when it is there already.
fn merge(rows: &mut Vec<StretchRow>, row: StretchRow) {
    let key = |r: &StretchRow| {
        (
            r.id.clone(),
            r.name.clone(),
            r.level,
            r.hold_ms,
            r.sides,
            r.reps,
            r.figure.clone(),
        )
    };
    match rows.iter_mut().find(|known| key(known) == key(&row)) {
        Some(known) => known.routines.extend(row.routines),
        None => rows.push(row),
    }
}

fn routine_row(loaded: &Loaded, shadowed: bool, settings: &Resolved) -> RoutineRow {
    let name = loaded.run_name(shadowed);
    match &loaded.routine {
        Ok(routine) => RoutineRow {
            name: name.clone(),
            origin: loaded.origin.as_str(),
            shadowed,
            valid: true,
            title: Some(routine.name.clone()),
            level: Some(routine.level.as_str()),
            stretches: Some(routine.stretches.len()),
            total_ms: Some(duration::millis(
                Timeline::new(&as_run(routine, &name, settings)).total,
            )),
            description: Some(one_line(&routine.description)),
            problem: None,
        },
        Err(problems) => RoutineRow {
            name,
            origin: loaded.origin.as_str(),
            shadowed,
            valid: false,
            title: None,
            level: None,
            stretches: None,
            total_ms: None,
            description: None,
            problem: problems
                .diagnostics
                .first()
                .map(|p| p.headline(&loaded.file)),
        },
    }
}

fn stretch_rows(loaded: &Loaded, shadowed: bool, settings: &Resolved) -> Vec<StretchRow> {
    let Ok(routine) = &loaded.routine else {
        return Vec::new();
    };
    let name = loaded.run_name(shadowed);
    as_run(routine, &name, settings)
        .stretches
        .iter()
        .map(|s| StretchRow {
            id: s.id.clone(),
            name: s.name.clone(),
            level: s.level.map(|l| l.as_str()),
            hold_ms: duration::millis(s.hold),
            sides: s.sides.as_str(),
            reps: s.reps,
            figure: s.figure.clone(),
            routines: vec![name.clone()],
        })
        .collect()
}

/// Where a routine comes from, as the SOURCE column says it.
fn source(row: &RoutineRow) -> String {
    if row.shadowed {
        format!("{}, shadowed by yours", row.origin)
    } else {
        row.origin.to_string()
    }
}

fn hold_text(row: &StretchRow) -> String {
    let hold = duration::format(Duration::from_millis(row.hold_ms));
    if row.reps > 1 {
        format!("{hold} x{}", row.reps)
    } else {
        hold
    }
}

/// Text on one line, each run of white space one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Columns padded to their widest cell, the last one left ragged and, given the
/// terminal's `width`, cut to it. Widths are terminal columns, so a name in CJK characters
/// or with emoji lines up too.
fn table(header: &[&str], rows: Vec<Vec<String>>, width: Option<u16>) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        let last = cells.len().saturating_sub(1);
        let padded: Vec<String> = cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == last {
                    cell
                } else {
                    let padding = widths[i].saturating_sub(cell.width());
                    format!("{cell}{}", " ".repeat(padding))
                }
            })
            .collect();
        let joined = padded.join("  ");
        let joined = joined.trim_end();
        match width {
            Some(width) => out.push_str(&cut(joined, usize::from(width))),
            None => out.push_str(joined),
        }
        out.push('\n');
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row);
    }
    out
}

/// `line` cut to `width` columns, ending in "…" where it was cut.
fn cut(line: &str, width: usize) -> String {
    if line.width() <= width {
        return line.to_owned();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in line.chars() {
        let c_width = c.to_string().width();
        if used + c_width + 1 > width {
            break;
        }
        kept.push(c);
        used += c_width;
    }
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_in_terminal_columns() {
        let rows = vec![
            vec!["前屈".to_string(), "30s".to_string(), "x".to_string()],
            vec!["fold".to_string(), "1m".to_string(), "y".to_string()],
        ];
        assert_eq!(
            table(&["NAME", "HOLD", "NOTE"], rows, None),
            "NAME  HOLD  NOTE\n前屈  30s   x\nfold  1m    y\n"
        );
    }

    #[test]
    fn on_a_terminal_each_line_is_cut_to_its_width() {
        let rows = vec![vec!["前屈".to_string(), "a long note to cut".to_string()]];
        assert_eq!(
            table(&["NAME", "NOTE"], rows.clone(), Some(12)),
            "NAME  NOTE\n前屈  a lon…\n"
        );
        assert_eq!(
            table(&["NAME", "NOTE"], rows, Some(80)),
            "NAME  NOTE\n前屈  a long note to cut\n"
        );
        assert_eq!(cut("前屈前屈", 5), "前屈…");
        assert_eq!(cut("abc", 3), "abc");
    }
}
