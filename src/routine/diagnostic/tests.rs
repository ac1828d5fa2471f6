use super::*;

#[test]
fn crlf_reads_as_lf() {
    let file = SourceFile::new("r.toml", "a = 1\r\nb = 2\r\n");
    assert_eq!(file.text, "a = 1\nb = 2\n");
    assert_eq!(file.line_column(6), (2, 1));
    assert_eq!(file.line_column(10), (2, 5));
}

#[test]
fn columns_count_characters() {
    let file = SourceFile::new("r.toml", "name = \"éé\" x");
    assert_eq!(file.line_column(12), (1, 11));
}

#[test]
fn renders_only_the_lines_pointed_at_with_their_numbers() {
    let text = "a = 1\nb = 2\nc = \"\"\"\nx\ny\"\"\"\nd = 4\ne = 5";
    let file = SourceFile::new("r.toml", text);
    let multi_line = 16..26;
    assert_eq!(&file.text[multi_line.clone()], "\"\"\"\nx\ny\"\"\"");
    let at_end = text.len()..text.len();
    let shown = render(
        &file,
        &Problems::from(vec![
            Diagnostic::error("many lines").at(multi_line).label("here"),
            Diagnostic::error("two places")
                .at(27..28)
                .label("second")
                .note(6..7, "first"),
            Diagnostic::error("at the end").at(at_end),
        ]),
        false,
    );
    assert_eq!(
        shown,
        "\
error: many lines
 --> r.toml:3:5
  |
3 |   c = \"\"\"
  |  _____^
4 | | x
5 | | y\"\"\"
  | |____^ here

error: two places
 --> r.toml:6:1
  |
2 | b = 2
  | - first
...
6 | d = 4
  | ^ second

error: at the end
 --> r.toml:7:6
  |
7 | e = 5
  |      ^

"
    );
}

#[test]
fn renders_like_rustc_without_passing_control_characters() {
    let file = SourceFile::new("r.toml", "name = \"a\u{1b}[2Jb\"\n");
    let diagnostic = Diagnostic::error("control character in `name`")
        .at(9..10)
        .label("escape")
        .help("remove it");
    let shown = render(&file, &Problems::from(vec![diagnostic]), false);
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    assert_eq!(
        shown,
        "error: control character in `name`\n --> r.toml:1:10\n  |\n1 | name = \"a\u{241B}[2Jb\"\n  |          ^ escape\n  |\n  = help: remove it\n\n"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_around_the_problem_at_its_true_column() {
    let text = format!(
        "name = \"{}\u{1b}{}\"\n",
        "é".repeat(5000),
        "x".repeat(5000)
    );
    let file = SourceFile::new("r.toml", &text);
    let at = text.find('\u{1b}').unwrap();
    let note = 7..11;
    let problems = Problems::from(vec![
        Diagnostic::error("control").at(at..at + 1).label("here"),
        Diagnostic::error("far")
            .at(at..at + 1)
            .note(note.clone(), "start"),
    ]);
    let shown = render(&file, &problems, false);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[1], " --> r.toml:1:5009", "{shown}");
    assert!(
        lines[3].starts_with("1 | ...éé") && lines[3].contains("é\u{241B}xx"),
        "{shown}"
    );
    assert!(lines[3].ends_with("x..."), "{shown}");
    assert!(lines[3].chars().count() < 200, "{}", lines[3].len());
    assert_eq!(
        lines[4].trim_end(),
        format!("  | {}^ here", " ".repeat(3 + 80 / 2))
    );
    // A note far along the same long line gets a window of its own.
    let far: Vec<&str> = lines[7..].to_vec();
    assert_eq!(far[0], " --> r.toml:1:5009", "{shown}");
    assert!(far.contains(&" ::: r.toml:1:8"), "{shown}");
    assert_eq!(
        JsonDiagnostic::new(&file, &problems.diagnostics[0]).column,
        Some(5009)
    );
}
