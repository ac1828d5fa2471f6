//! "Did you mean": the likely word meant by a misspelt one, and lists of the words known.

/// The known word nearest to a misspelt one, if any is near enough to be a likely typo.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The words, each in backticks, separated by commas: "`a`, `b`".
pub fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_listed_in_order() {
        assert_eq!(quoted(&["none", "both"]), "`none`, `both`");
        assert_eq!(quoted(&[]), "");
    }
}
