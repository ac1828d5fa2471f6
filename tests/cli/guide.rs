//! `stretch guide`: a routine, or one stretch of the library, to read before starting,
//! through the real binary: into a pipe it is plain text for paper.

use crate::support::{Stretch, fixture};

/// Whether `text` holds braille dots: a figure.
fn has_figure(text: &str) -> bool {
    text.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
}

#[test]
fn guide_in_a_pipe_is_plain_text_wrapped_for_paper() {
    let run = Stretch::new().args(["guide", "desk"]).run();
    run.expect_code(0);
    let guide = &run.stdout;
    assert!(!guide.contains('\x1b'), "{guide:?}");
    assert!(
        guide.chars().all(|c| c == '\n' || !c.is_control()),
        "{guide:?}"
    );
    assert!(
        guide.lines().all(|line| line.chars().count() <= 80),
        "{guide}"
    );
    assert!(guide.starts_with("desk (8 stretches, level: beginner, 4m 23s in all)\n"));
    assert!(guide.contains("\nFor people who spend the day at a keyboard: a four-minute"));
    assert!(guide.contains("\nThrough every hold:\n  • Keep it comfortable, pain-free\n"));
    // Every stretch, in order, each with its figure before it.
    let names = [
        "1. Neck side bend",
        "2. Chin tuck",
        "3. Slow shoulder rolls",
        "4. Chest stretch at a wall",
        "5. Wrist flexor stretch, palm up",
        "6. Wrist extensor stretch, palm down",
        "7. Seated figure-4 hip stretch",
        "8. Calf stretch at the desk",
    ];
    let mut from = 0;
    for name in names {
        let at = guide[from..]
            .find(&format!("\n{name}\n"))
            .unwrap_or_else(|| panic!("{name} after {from} in\n{guide}"));
        assert!(
            has_figure(&guide[from..from + at]),
            "a figure before {name}"
        );
        from += at + name.len();
    }
    assert!(guide.contains(
        "\n1. Neck side bend\nlevel: beginner · reps: 1 · hold: 10s\n\
         sides: left side, then right side; the figure shows the left\n\nSit up tall"
    ));
    assert!(guide.contains("  • Ear toward shoulder; don't lift the shoulder\n"));
}

#[test]
fn guide_to_one_stretch_of_the_library() {
    let run = Stretch::new().args(["guide", "chin-tuck"]).run();
    run.expect_code(0);
    let guide = &run.stdout;
    let (figure, rest) = guide.split_once("\n\n").expect("a figure, a blank line");
    assert!(has_figure(figure), "{guide}");
    assert!(figure.lines().count() <= 12, "{figure}");
    assert!(rest.starts_with(
        "Chin tuck\nlevel: beginner · reps: 1 · hold: 10s\nsides: none\n\nSit straight-backed"
    ));
    assert!(rest.contains("\n  • Slide your chin back, not down; keep your nose level\n"));
    // Asked for, the name is bold: the only escape there is.
    let bold = Stretch::new()
        .args(["guide", "chin-tuck", "--color", "always"])
        .run();
    bold.expect_code(0);
    assert!(bold.stdout.contains("\x1b[1mChin tuck\x1b[0m\n"));
    assert_eq!(
        bold.stdout.replace("\x1b[1m", "").replace("\x1b[0m", ""),
        *guide
    );
}

#[test]
fn a_stretch_taken_with_use_brings_its_figure_to_the_guide() {
    let run = Stretch::new()
        .arg("guide")
        .arg(fixture("use/plain.toml"))
        .run();
    run.expect_code(0);
    let guide = &run.stdout;
    let second = guide
        .find("\n2. Lying hamstring stretch")
        .expect("the second");
    let first = guide.find("\n1. Standing toe touch").expect("the first");
    assert!(has_figure(&guide[..first]), "{guide}");
    assert!(has_figure(&guide[first..second]), "{guide}");
}

#[test]
fn guide_names_what_is_neither_a_routine_nor_a_stretch() {
    let run = Stretch::new().args(["guide", "chin-tuk"]).run();
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: no routine or stretch named `chin-tuk`; did you mean the stretch `chin-tuck`?\n"
    );
    let run = Stretch::new().args(["guide", "dessk"]).run();
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("no routine named `dessk`; did you mean `desk`?"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn list_on_a_terminal_cuts_each_line_to_its_width() {
    let mut run = Stretch::new().arg("list").pty();
    run.wait_for_text("hips-and-calves");
    let rows: Vec<String> = run.screen(|screen| {
        crate::support::pty::screen_rows(screen)
            .into_iter()
            .map(|row| row.concat())
            .collect()
    });
    let desk = rows
        .iter()
        .find(|row| row.starts_with("desk "))
        .expect("a row for desk");
    // The row is cut before the 80th column, and the next row is the next routine.
    assert!(desk.trim_end().ends_with('…'), "{rows:#?}");
    assert!(desk.trim_end().chars().count() <= 80);
    let next = rows
        .iter()
        .position(|row| row.starts_with("desk "))
        .unwrap_or(0)
        + 1;
    assert!(rows[next].starts_with("lower-back "), "{rows:#?}");
    run.finish();
}
