//! A key given twice: reported at the second, with a note at the first. The TOML reader
//! keeps the first in the tree it recovers but does not say where it was, so it is looked
//! up there: the nearest earlier key of the same name, outside inline tables already closed.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::Value;
use crate::routine::diagnostic::Diagnostic;

/// The diagnostic for the duplicate key at `second`, in the tree recovered from `text`.
pub(super) fn diagnostic(text: &str, root: &DeTable<'_>, second: Range<usize>) -> Diagnostic {
    let written = text.get(second.clone()).unwrap_or_default();
    let name = ['"', '\'']
        .iter()
        .find_map(|q| written.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(written);
    let mut first = None;
    earlier_keys(text, root, false, 0..text.len(), name, &second, &mut first);
    // `[stretch]` twice is a list of stretches written with one bracket: removing one
    // would lose a stretch.
    let before = text.get(..second.start).unwrap_or_default().trim_end();
    let one_bracket = before.ends_with('[') && !before.ends_with("[[");
    let help = if one_bracket && name == "stretch" {
        "each stretch is `[[stretch]]`, with two brackets"
    } else {
        "remove one of the two"
    };
    let diagnostic = Diagnostic::error(format!("duplicate key `{name}`"))
        .at(second)
        .label("defined again here")
        .help(help);
    match first {
        Some(first) => diagnostic.note(first, "first defined here"),
        None => diagnostic,
    }
}

/// Keeps in `nearest` the last key named `name` that ends before `second`, in `table`
/// and the tables within it; an inline table that closes before `second` is skipped.
fn earlier_keys(
    text: &str,
    table: &DeTable<'_>,
    inline: bool,
    span: Range<usize>,
    name: &str,
    second: &Range<usize>,
    nearest: &mut Option<Range<usize>>,
) {
    if inline && span.end <= second.start {
        return;
    }
    for (key, value) in table.iter() {
        let key_span = key.span();
        if key.get_ref().as_ref() == name
            && key_span.end <= second.start
            && nearest.as_ref().is_none_or(|n| n.start < key_span.start)
        {
            *nearest = Some(key_span);
        }
        earlier_keys_in_value(text, value, name, second, nearest);
    }
}

/// Like `earlier_keys`, for the tables inside a value: a table, or an array's items.
fn earlier_keys_in_value(
    text: &str,
    value: &Value<'_>,
    name: &str,
    second: &Range<usize>,
    nearest: &mut Option<Range<usize>>,
) {
    match value.get_ref() {
        DeValue::Table(table) => {
            let inline = text
                .get(value.span().start..)
                .is_some_and(|rest| rest.starts_with('{'));
            earlier_keys(text, table, inline, value.span(), name, second, nearest);
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                earlier_keys_in_value(text, item, name, second, nearest);
            }
        }
        _ => {}
    }
}
