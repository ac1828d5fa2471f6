//! Reading's own tests: slugs, duplicate keys and suggestions. Every other diagnostic's
//! exact text and position is checked from the command line, in `tests/validate.rs`.

use super::structure::ROUTINE_KEYS;
use super::*;
use crate::routine::suggest::closest;

#[test]
fn slugs_follow_the_rule() {
    assert_eq!(slug("Standing Toe Touch"), "standing-toe-touch");
    assert_eq!(
        slug("  Pyramid pose (Parsvottanasana)! "),
        "pyramid-pose-parsvottanasana"
    );
    assert_eq!(slug("Dog #2"), "dog-2");
    assert_eq!(slug("🧘🧘"), "");
    assert_eq!(slug("Ünïcode name"), "n-code-name");
    // "a-ba-ba-…" cut at 40 ends in "a": nothing to trim.
    assert_eq!(slug(&"a b".repeat(30)).len(), 40);
    // "abcdef-" at the cut: the "-" is trimmed.
    assert_eq!(
        slug("abcdefghij abcdefghij abcdefghij abcdef ghi"),
        "abcdefghij-abcdefghij-abcdefghij-abcdef"
    );
    assert!(!slug(&"ab-".repeat(30)).ends_with('-'));
}

/// The problems in `text`, each as (message, text at its span, text at its notes).
fn problems(text: &str) -> Vec<(String, String, Vec<String>)> {
    let file = SourceFile::new("r.toml", text);
    let Err(problems) = parse_routine(&file) else {
        panic!("{text} parsed");
    };
    problems
        .diagnostics
        .into_iter()
        .map(|d| {
            let at = d.span.map(|s| file.text[s].to_string()).unwrap_or_default();
            let notes = d
                .notes
                .iter()
                .map(|(s, _)| file.text[s.clone()].to_string());
            (d.message, at, notes.collect())
        })
        .collect()
}

fn one(message: &str, at: &str, notes: &[&str]) -> Vec<(String, String, Vec<String>)> {
    let notes = notes.iter().map(|n| n.to_string()).collect();
    vec![(message.to_string(), at.to_string(), notes)]
}

#[test]
fn a_duplicate_key_notes_the_first_in_its_own_table() {
    // The routine's `name` comes before, in another table: the note is the stretch's own.
    let text = "name = \"R\"\n[[stretch]]\nname = \"a\"\nname = \"b\"\n";
    let found = problems(text);
    assert_eq!(found, one("duplicate key `name`", "name", &["name"]));
    let file = SourceFile::new("r.toml", text);
    let diagnostic = parse_routine(&file).unwrap_err().diagnostics.remove(0);
    assert_eq!(file.line_column(diagnostic.span.unwrap().start), (4, 1));
    assert_eq!(file.line_column(diagnostic.notes[0].0.start), (3, 1));
}

#[test]
fn a_duplicate_key_in_an_inline_table_skips_closed_inline_tables() {
    let text = "name = \"R\"\n[[stretch]]\nname = \"a\"\ncues = [{ at = 1, text = \"x\" }, { at = 2, text = \"y\", at = 3 }]\n";
    let file = SourceFile::new("r.toml", text);
    let diagnostic = parse_routine(&file).unwrap_err().diagnostics.remove(0);
    assert_eq!(diagnostic.message, "duplicate key `at`");
    assert_eq!(file.line_column(diagnostic.span.unwrap().start), (4, 55));
    assert_eq!(file.line_column(diagnostic.notes[0].0.start), (4, 35));
}

#[test]
fn a_duplicate_quoted_key_is_named_without_its_quotes() {
    let found = problems("\"name\" = \"R\"\n'name' = \"S\"\n[[stretch]]\nname = \"a\"\n");
    assert_eq!(found, one("duplicate key `name`", "'name'", &["\"name\""]));
}

#[test]
fn closest_suggests_typos_only() {
    assert_eq!(closest("stretches", ROUTINE_KEYS), Some("stretch"));
    assert_eq!(closest("leadin", ROUTINE_KEYS), Some("lead_in"));
    assert_eq!(closest("zzz", ROUTINE_KEYS), None);
}

#[test]
fn a_hostile_file_keeps_its_first_problems_and_counts_the_rest() {
    use crate::routine::limits::MAX_PROBLEMS;
    // 1 MiB of `=` lines: about three syntax problems a line.
    let file = SourceFile::new("r.toml", &"=\n".repeat(512 * 1024));
    let problems = parse_routine(&file).unwrap_err();
    assert_eq!(problems.diagnostics.len(), MAX_PROBLEMS);
    assert!(problems.more > 1_000_000, "{}", problems.more);
    assert_eq!(
        file.line_column(problems.diagnostics[0].span.clone().unwrap().start),
        (1, 1)
    );
    // Every line has the same problems: the first kept ones are those of the first lines.
    let last = problems.diagnostics[MAX_PROBLEMS - 1].span.clone().unwrap();
    assert!(file.line_column(last.start).0 < MAX_PROBLEMS, "{last:?}");
}

#[test]
fn many_problems_of_the_routine_keep_the_first_in_file_order() {
    use crate::routine::limits::MAX_PROBLEMS;
    let mut text = String::from("name = \"Many\"\n");
    for k in 0..3 * MAX_PROBLEMS {
        text.push_str(&format!("k{k} = 1\n"));
    }
    text.push_str("[[stretch]]\nname = \"a\"\n");
    let file = SourceFile::new("r.toml", &text);
    let problems = parse_routine(&file).unwrap_err();
    assert_eq!(problems.diagnostics.len(), MAX_PROBLEMS);
    assert_eq!(problems.more, 2 * MAX_PROBLEMS);
    assert_eq!(
        problems.diagnostics[0].message,
        "unknown key `k0` in routine"
    );
    assert_eq!(
        problems.diagnostics[MAX_PROBLEMS - 1].message,
        format!("unknown key `k{}` in routine", MAX_PROBLEMS - 1)
    );
}

proptest::proptest! {
    #![proptest_config(crate::testing::proptest_config())]

    /// The slug rule is idempotent, and of any name with a letter or digit makes an id the
    /// reader takes: the one rule for ids, checked by reading it back in a routine.
    #[test]
    fn slugs_are_idempotent_and_always_valid_ids(name in "\\PC{0,120}|[ -~]{0,120}") {
        let id = slug(&name);
        proptest::prop_assert_eq!(slug(&id), id.clone());
        if name.chars().any(|c| c.is_ascii_alphanumeric()) {
            let text = format!("name = \"r\"\n[[stretch]]\nname = \"s\"\nid = \"{id}\"\n");
            let read = parse_routine(&SourceFile::new("slug.toml", &text));
            proptest::prop_assert!(read.is_ok(), "{:?} from {:?}", id, name);
        } else {
            proptest::prop_assert_eq!(id, "");
        }
    }
}
