use super::*;

/// `text` written through a `Safe` writer with `controls`, one write of each size in
/// `sizes` in turn, then flushed.
fn through(text: &str, controls: Controls, size: usize) -> String {
    let mut safe = Safe::new(Vec::new(), controls);
    for piece in text.as_bytes().chunks(size.max(1)) {
        safe.write_all(piece).unwrap();
    }
    safe.flush().unwrap();
    String::from_utf8(safe.into_inner().unwrap()).unwrap()
}

fn each_split(text: &str, controls: Controls) -> String {
    let whole = through(text, controls, text.len());
    for size in 1..text.len() {
        assert_eq!(through(text, controls, size), whole, "in writes of {size}");
    }
    whole
}

#[test]
fn control_bidi_and_invisible_characters_are_neutralised_in_plain_text() {
    let hostile = "a\u{1b}]0;owned\u{7}\u{9b}31m\r\u{202E}b\u{200B}c\u{FEFF}\u{7f}\n\td\u{200D}";
    assert_eq!(
        each_split(hostile, Controls::None),
        "a\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}\n d\u{200D}"
    );
    assert_eq!(each_split("plain text\n", Controls::None), "plain text\n");
}

#[test]
fn styles_pass_only_where_asked_and_nothing_else_does() {
    let styled = "\u{1b}[1;31merror\u{1b}[0m: x\u{1b}]0;t\u{7}\u{1b}[2J\u{1b}[38;5;40m■\u{1b}[0m";
    assert_eq!(
        each_split(styled, Controls::Styles),
        "\u{1b}[1;31merror\u{1b}[0m: x\u{FFFD}]0;t\u{FFFD}\u{FFFD}[2J\u{1b}[38;5;40m■\u{1b}[0m"
    );
    assert!(!each_split(styled, Controls::None).contains('\u{1b}'));
}

#[test]
fn a_run_passes_its_line_endings_and_bell_but_no_other_return() {
    assert_eq!(
        each_split("00:01  hold\u{7}\r\n00:02 a\rb\r", Controls::Run),
        "00:01  hold\u{7}\r\n00:02 a\u{FFFD}b\u{FFFD}"
    );
    assert_eq!(
        each_split("a\u{7}\r\n", Controls::None),
        "a\u{FFFD}\u{FFFD}\n"
    );
}

#[test]
fn bytes_that_are_not_utf8_never_pass() {
    let mut safe = Safe::new(Vec::new(), Controls::None);
    safe.write_all(b"a\xffb\xc2").unwrap();
    safe.flush().unwrap();
    assert_eq!(
        String::from_utf8(safe.into_inner().unwrap()).unwrap(),
        "a\u{FFFD}b\u{FFFD}"
    );
}
