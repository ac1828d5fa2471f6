//! Text from routine files is untrusted: which characters must never reach a terminal as
//! they are, written once here. A control character could start an escape sequence; a
//! bidirectional override could make text read differently than it is; an invisible
//! format character could make two different names look the same. The reader refuses them
//! in routine text, the output sink (`frontend::output`) neutralises them in everything
//! the program prints, and the full screen and the voice replace them with
//! [`terminal_safe`].

/// The bidirectional embedding, override and isolate characters, which rustc also denies.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The invisible format characters that serve no script: the zero-width space (U+200B),
/// the word joiner and the invisible operators (U+2060 to U+2064), and the zero-width
/// no-break space (U+FEFF, a byte order mark inside text). The zero-width non-joiner and
/// joiner (U+200C, U+200D) are not among them: some scripts and emoji need them.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Whether `c` must never reach a terminal as it is: a control character (newlines and
/// tabs included; whoever keeps them says so), a bidi control, or an invisible character.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c)
}

/// One line of text, safe to print: newlines and tabs become spaces, other unsafe
/// characters ([`is_unsafe`]) become U+FFFD.
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if is_unsafe(c) => char::REPLACEMENT_CHARACTER,
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
/// other unsafe characters become U+FFFD. Newlines stay.
pub fn visible_controls(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or(char::REPLACEMENT_CHARACTER),
        '\u{7F}' => '\u{2421}',
        c if is_unsafe(c) => char::REPLACEMENT_CHARACTER,
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_pass() {
        let hostile = "Toe touch\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\r\u{202E}evil";
        let safe = terminal_safe(hostile);
        assert!(!safe.chars().any(is_unsafe));
        assert_eq!(
            safe,
            "Toe touch\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m\u{FFFD}\u{FFFD}evil"
        );
    }

    #[test]
    fn invisible_characters_are_unsafe_but_the_joiners_are_not() {
        for c in [
            '\u{200B}', '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}', '\u{FEFF}',
        ] {
            assert!(is_unsafe(c), "{:04X}", c as u32);
        }
        for c in ['\u{200C}', '\u{200D}', '\u{2065}', 'é', ' '] {
            assert!(!is_unsafe(c), "{:04X}", c as u32);
        }
        assert_eq!(terminal_safe("ham\u{200B}strings"), "ham\u{FFFD}strings");
    }

    #[test]
    fn multiline_keeps_only_line_breaks() {
        assert_eq!(terminal_safe_multiline("a\tb\nc\u{1b}d"), "a b\nc\u{FFFD}d");
    }

    #[test]
    fn diagnostics_show_control_pictures() {
        let shown: String = "a\u{1b}b\u{0}\u{7f}\u{85}\u{FEFF}\n"
            .chars()
            .map(visible_controls)
            .collect();
        assert_eq!(shown, "a\u{241B}b\u{2400}\u{2421}\u{FFFD}\u{FFFD}\n");
    }
}
