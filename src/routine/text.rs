//! Text from routine files is untrusted: before it reaches a terminal, every control
//! character (which could start an escape sequence) and every bidirectional override
//! (which could make text read differently than it is) is replaced.

/// The bidirectional embedding, override and isolate characters, which rustc also denies.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text, safe to print: newlines and tabs become spaces, other control and
/// bidi characters become U+FFFD.
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if c.is_control() || is_bidi_control(c) => char::REPLACEMENT_CHARACTER,
            c => c,
        })
        .collect()
}

/// Like `terminal_safe`, but keeps line breaks for text meant to wrap over several lines.
pub fn terminal_safe_multiline(text: &str) -> String {
    text.lines()
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The source of a file, as a diagnostic shows it: each C0 control character becomes its
/// visible Control Picture (U+2400 block), so the reader sees where the offending byte is;
/// C1 controls and bidi characters become U+FFFD. Newlines stay.
pub fn visible_controls(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or(char::REPLACEMENT_CHARACTER),
        '\u{7F}' => '\u{2421}',
        c if c.is_control() || is_bidi_control(c) => char::REPLACEMENT_CHARACTER,
        c => c,
    }
}

/// Pretty JSON for the terminal, ending in a newline. serde_json escapes only C0 control
/// characters in strings; DEL, C1 controls (U+009B starts an escape sequence too) and bidi
/// characters are escaped here, which keeps the data exact for the program reading it.
pub fn json(value: &impl serde::Serialize) -> serde_json::Result<String> {
    let pretty = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(pretty.len() + 1);
    for c in pretty.chars() {
        // A raw newline is only ever the pretty-printer's own; inside strings it is escaped.
        if (c.is_control() && c != '\n') || is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_pass() {
        let hostile = "Toe touch\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\r\u{202E}evil";
        let safe = terminal_safe(hostile);
        assert!(!safe.chars().any(|c| c.is_control() || is_bidi_control(c)));
        assert_eq!(
            safe,
            "Toe touch\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m\u{FFFD}\u{FFFD}evil"
        );
    }

    #[test]
    fn json_escapes_what_serde_json_lets_through() {
        let text = json(&["a\u{9b}31m\u{7f}\u{202e}b\u{1b}\n"]).unwrap();
        assert_eq!(text, "[\n  \"a\\u009b31m\\u007f\\u202eb\\u001b\\n\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{9b}31m\u{7f}\u{202e}b\u{1b}\n"]);
    }

    #[test]
    fn multiline_keeps_only_line_breaks() {
        assert_eq!(terminal_safe_multiline("a\tb\nc\u{1b}d"), "a b\nc\u{FFFD}d");
    }

    #[test]
    fn diagnostics_show_control_pictures() {
        let shown: String = "a\u{1b}b\u{0}\u{7f}\u{85}\n"
            .chars()
            .map(visible_controls)
            .collect();
        assert_eq!(shown, "a\u{241B}b\u{2400}\u{2421}\u{FFFD}\n");
    }
}
