//! `stretch list` and `stretch show`, through the real binary: built-in and user routines,
//! which one wins a name, the timeline `show` prints, and invalid routines.

mod builtins;
mod list;
mod show;

/// The rows of a `list` table, as words (the last column may hold spaces).
fn row<'a>(table: &'a str, name: &str) -> &'a str {
    let rows: Vec<&str> = table
        .lines()
        .filter(|line| line.split_whitespace().next() == Some(name))
        .collect();
    assert_eq!(rows.len(), 1, "one row for {name} in\n{table}");
    rows[0]
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

const BUILTINS: [&str; 6] = [
    "hamstrings",
    "hamstrings-beginner",
    "hamstrings-advanced",
    "desk",
    "lower-back",
    "hips-and-calves",
];
