//! The `list` command: every routine, or every stretch, with its level and length.

use std::time::Duration;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::Format;
use crate::error::Error;
use stretch_timer::frontend::output::{self, cell, print_json, print_stdout};
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
    problem: Option<String>,
}

#[derive(Serialize)]
struct StretchRow {
    routine: String,
    id: String,
    name: String,
    level: Option<&'static str>,
    hold_ms: u64,
    sides: &'static str,
    reps: u32,
}

/// List every routine, or with `stretches` every stretch, in `format`.
pub fn run(stretches: bool, format: Format) -> Result<(), Error> {
    if let Some(warning) = catalog::folder_warning() {
        output::warn(warning);
    }
    // Each file's rows are made as it is read, and the rest of it dropped at once.
    if stretches {
        let rows: Vec<StretchRow> =
            catalog::all_routines_with(|loaded, shadowed| stretch_rows(&loaded, shadowed))
                .into_iter()
                .flatten()
                .collect();
        match format {
            Format::Json => print_json(&rows)?,
            Format::Text => print_stdout(&table(
                &["ROUTINE", "ID", "HOLD", "SIDES", "STRETCH"],
                rows.iter()
                    .map(|r| {
                        vec![
                            cell(&r.routine),
                            r.id.clone(),
                            hold_text(r),
                            r.sides.to_string(),
                            cell(&r.name),
                        ]
                    })
                    .collect(),
            ))?,
        }
        return Ok(());
    }
    let rows: Vec<RoutineRow> =
        catalog::all_routines_with(|loaded, shadowed| routine_row(&loaded, shadowed));
    match format {
        Format::Json => print_json(&rows)?,
        Format::Text => print_stdout(&table(
            &["NAME", "LEVEL", "STRETCHES", "TIME", "SOURCE"],
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
                    ],
                    Some(problem) => vec![
                        cell(&r.name),
                        "-".into(),
                        "-".into(),
                        "-".into(),
                        format!("{}, invalid: {}", source(r), cell(problem)),
                    ],
                })
                .collect(),
        ))?,
    }
    Ok(())
}

/// The name to run `loaded` by: its own, or `builtin:NAME` where one of the user's
/// routines shadows it.
fn run_name(loaded: &Loaded, shadowed: bool) -> String {
    if shadowed {
        format!("{}{}", catalog::BUILTIN_PREFIX, loaded.name)
    } else {
        loaded.name.clone()
    }
}

fn routine_row(loaded: &Loaded, shadowed: bool) -> RoutineRow {
    let name = run_name(loaded, shadowed);
    match &loaded.routine {
        Ok(routine) => RoutineRow {
            name,
            origin: loaded.origin.as_str(),
            shadowed,
            valid: true,
            title: Some(routine.name.clone()),
            level: Some(routine.level.as_str()),
            stretches: Some(routine.stretches.len()),
            total_ms: Some(duration::millis(Timeline::new(routine).total)),
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
            problem: problems
                .diagnostics
                .first()
                .map(|p| p.headline(&loaded.file)),
        },
    }
}

fn stretch_rows(loaded: &Loaded, shadowed: bool) -> Vec<StretchRow> {
    let Ok(routine) = &loaded.routine else {
        return Vec::new();
    };
    let name = run_name(loaded, shadowed);
    routine
        .stretches
        .iter()
        .map(|s| StretchRow {
            routine: name.clone(),
            id: s.id.clone(),
            name: s.name.clone(),
            level: s.level.map(|l| l.as_str()),
            hold_ms: duration::millis(s.hold),
            sides: s.sides.as_str(),
            reps: s.reps,
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

/// Columns padded to their widest cell, the last one left ragged. Widths are terminal
/// columns, so a name in CJK characters or with emoji lines up too.
fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
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
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row);
    }
    out
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
            table(&["NAME", "HOLD", "NOTE"], rows),
            "NAME  HOLD  NOTE\n前屈  30s   x\nfold  1m    y\n"
        );
    }
}
