use super::*;

/// What the TOML reader is given of `text`, and how many problems come after it.
fn cut(text: &str) -> (&str, usize) {
    let bounded = within_bound(text);
    (bounded.text, bounded.more)
}

/// The problems the TOML reader itself finds in `text`, less the duplicate keys.
fn reader_count(text: &str) -> usize {
    let (_, all) = toml::de::DeTable::parse_recoverable(text);
    all.iter()
        .filter(|e| e.message() != "duplicate key")
        .count()
}

#[test]
fn a_file_within_the_bound_is_read_whole() {
    let text = "=\n".repeat(10);
    assert_eq!(cut(&text), (text.as_str(), 0));
    assert_eq!(cut("name = \"x\"\n"), ("name = \"x\"\n", 0));
}

#[test]
fn a_hostile_file_is_cut_before_the_first_problem_past_the_bound() {
    let text = "=\n".repeat(MAX_PROBLEMS * 3);
    let (kept, more) = cut(&text);
    assert!(kept.len() < text.len() / 2, "{}", kept.len());
    assert!(more > MAX_PROBLEMS, "{more}");
    // As many as the TOML reader finds in the whole file, less the duplicate (empty) keys
    // it finds besides.
    assert_eq!(more + MAX_PROBLEMS, reader_count(&text));
}

#[test]
fn nesting_past_the_bound_is_one_problem_and_never_overflows_the_stack() {
    for text in [
        format!("a = {}", "[".repeat(20_000)),
        format!("a = {}", "{b=".repeat(20_000)),
    ] {
        assert_eq!(cut(&text), (text.as_str(), 0));
        // Past the bound, then each level left open at the end of the file.
        assert!(reader_count(&text) <= MAX_DEPTH as usize + 1);
    }
}

#[test]
fn quoted_strings_and_keys_are_no_problem_however_many() {
    // Each line holds a quoted key and three kinds of quoted string: more than
    // `MAX_PROBLEMS` of each, as a valid routine near the size bound has.
    let text: String = (0..MAX_PROBLEMS + 10)
        .map(|i| format!("\"k{i}\" = [\"basic\", 'literal', \"\"\"multi\"\"\"]\n"))
        .collect();
    assert_eq!(cut(&text), (text.as_str(), 0));
}

#[test]
fn a_file_is_read_no_further_than_its_first_table_or_item_past_the_bounds() {
    let inline = format!("a = [{}]\n", "{a=1},".repeat(MAX_TABLES + 5));
    let dotted: String = (0..MAX_TABLES + 5)
        .map(|i| format!("k{i}.a = 1\n"))
        .collect();
    let items: String = (0..MAX_ITEMS / 2 + 5)
        .map(|i| format!("k{i} = 1\n"))
        .collect();
    let values = format!("a = [{}]\n", "1,".repeat(MAX_ITEMS + 5));
    let skipped = "a=1 ".repeat(MAX_ITEMS);
    for (text, past, message) in [
        (&inline, 5 + 6 * MAX_TABLES, "more than 10000 tables"),
        (
            &dotted,
            dotted.find(&format!("\nk{MAX_TABLES}.")).unwrap() + 1 + 6,
            "more than 10000 tables",
        ),
        (
            &items,
            items.find(&format!("\nk{} ", MAX_ITEMS / 2)).unwrap() + 1,
            "more than 100000 keys",
        ),
        // The key `a` and the array are items too.
        (&values, 5 + 2 * (MAX_ITEMS - 2), "more than 100000 keys"),
    ] {
        let bounded = within_bound(text);
        assert_eq!(bounded.text.len(), past, "{}", &text[past - 10..past + 10]);
        let too_big = bounded.too_big.expect("too big");
        assert!(too_big.message.contains(message), "{}", too_big.message);
        assert_eq!(too_big.span, Some(past..past));
    }
    // After an error, the rest of the line is skipped a token at a time.
    let bounded = within_bound(&skipped);
    assert!(
        (MAX_ITEMS..skipped.len() - 1).contains(&bounded.text.len()),
        "{}",
        bounded.text.len()
    );
    let too_big = bounded.too_big.expect("too big");
    assert!(
        too_big
            .message
            .contains("more than 100000 tokens that are not TOML"),
        "{}",
        too_big.message
    );
}

#[test]
fn the_largest_routine_the_format_allows_is_within_every_bound() {
    // 100 stretches of every key, each with 50 timed cues (a table each), and 50 cues of
    // the routine's: the most tables and items a valid routine can have.
    let mut text = String::from(
        "name = \"n\"\ndescription = \"d\"\nlevel = \"all\"\nhold = 30\nrest = 5\nswitch = 2\nlead_in = 5\n",
    );
    text.push_str(&format!("cues = [{}]\n", "\"c\",".repeat(50)));
    for s in 0..100 {
        text.push_str(&format!(
            "[[stretch]]\nuse = \"u\"\nid = \"s{s}\"\nname = \"n\"\nlevel = \"beginner\"\nhow = \"h\"\n\
             hold = 30\nsides = \"both\"\nside_label = \"leg\"\nreps = 20\ncues = [{}]\n",
            "{ at = 1, text = \"t\" },".repeat(50)
        ));
    }
    let bounded = within_bound(&text);
    assert_eq!(bounded.text.len(), text.len());
    assert!(bounded.too_big.is_none());
}
