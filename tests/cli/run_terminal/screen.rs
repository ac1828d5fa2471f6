//! What the full screen shows, and how it answers keys and resizes.

use stretch_timer::frontend::screen::digits;

use super::{start_steady, steady};
use crate::support::pty::{any_colour, screen_rows};
use crate::support::{Env, Stretch, fixture};

/// Whether `countdown` is on the screen in big digits of any of the sizes the screen
/// uses, as the program's own reader finds them.
fn shows_big_digits(screen: &vt100::Screen, countdown: &str) -> bool {
    digits::find_any_size(&screen_rows(screen), countdown).is_some()
}

/// `m:ss` as the progress bar's label shows it, in seconds.
fn seconds_of(clock: &str) -> Option<u64> {
    let (minutes, seconds) = clock.split_once(':')?;
    Some(minutes.parse::<u64>().ok()? * 60 + seconds.parse::<u64>().ok()?)
}

/// The phase's time left, read from the progress bar's "done / total" label.
pub(super) fn remaining_from_label(contents: &str) -> Option<u64> {
    contents.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let slash = words.iter().position(|word| *word == "/")?;
        let done = seconds_of(words.get(slash.checked_sub(1)?)?)?;
        let total = seconds_of(words.get(slash + 1)?)?;
        total.checked_sub(done)
    })
}

/// The big countdown of `seconds` left in a phase of ten minutes: minutes and seconds.
fn countdown_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[test]
fn the_countdown_and_the_stretch_are_on_screen_and_space_pauses() {
    let mut run = start_steady();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b" ");
    run.wait_for_text("PAUSED");
    // Paused, the screen stands still: the big digits match the progress bar's label.
    let remaining = remaining_from_label(&run.contents()).expect("a progress label");
    assert!((1..=600).contains(&remaining), "{remaining}");
    let countdown = countdown_text(remaining);
    run.wait_for(
        &format!("the countdown {countdown} in big digits"),
        |screen| shows_big_digits(screen, &countdown),
    );
    let contents = run.contents();
    assert!(
        contents.contains("Seated forward bend · left leg"),
        "{contents}"
    );
    assert!(contents.contains("Don't bounce"), "{contents}");
    assert!(
        contents.contains("Hold at a comfortable, pain-free level"),
        "{contents}"
    );

    run.type_keys(b" ");
    run.wait_for("PAUSED to go", |screen| {
        !screen.contents().contains("PAUSED")
    });
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
    assert!(
        run.summary().contains("0 of 1 stretches done"),
        "{}",
        run.summary()
    );
}

#[test]
fn colour_tells_the_phases_apart_unless_no_color_is_set() {
    let mut run = start_steady();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.wait_for("some colour", any_colour);
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);

    let mut run = Stretch::new()
        .arg("run")
        .arg(steady())
        .args(["--lead-in", "0"])
        .env("NO_COLOR", "1")
        .pty();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b"?");
    run.wait_for_text("pause or resume");
    assert!(!run.screen(any_colour), "colour despite NO_COLOR");
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn the_keys_skip_go_back_and_show_help() {
    let mut run = start_steady();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b"n");
    run.wait_for_text("Switch sides");
    // `b` right after `n`, within the first 3 s of the right side: back to the left.
    // (keys.rs has the right side on screen, and `b` later in a hold.)
    run.type_keys(b"nb");
    run.wait_for("the left side again", |screen| {
        let contents = screen.contents();
        contents.contains("Seated forward bend · left leg") && !contents.contains("Switch sides")
    });
    run.type_keys(b"?");
    run.wait_for_text("pause or resume");
    run.type_keys(b"?");
    run.wait_for("the help to close", |screen| {
        !screen.contents().contains("pause or resume")
    });
    run.type_keys(b"\x1b");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn it_survives_any_number_of_resizes_down_to_one_cell() {
    let mut run = start_steady();
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b" ");
    run.wait_for_text("PAUSED");
    for (cols, rows) in [
        (1, 1),
        (80, 24),
        (2, 1),
        (1, 2),
        (10, 3),
        (40, 10),
        (200, 60),
        (1, 1),
        (3, 3),
        (80, 24),
    ] {
        let redraws_before = run.redraws();
        run.resize(cols, rows);
        // Waiting for the program to clear the screen at each size, to draw it again, keeps
        // one size from merging into the next and names the size that broke, if one does.
        run.wait_until(&format!("a redraw at {cols}x{rows}"), |run| {
            run.redraws() > redraws_before
        });
        if cols >= 40 {
            run.wait_for(&format!("a redraw at {cols}x{rows}"), |screen| {
                let contents = screen.contents();
                contents.contains("PAUSED") && contents.contains("Seated forward bend")
            });
        }
    }
    run.wait_for("the full screen again at 80x24", |screen| {
        screen.contents().contains("Seated forward bend · left leg")
            && screen
                .contents()
                .contains("Hold at a comfortable, pain-free level")
    });
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

/// Whether any cell of the screen shows braille dots: the figure of the pose.
fn shows_a_figure(screen: &vt100::Screen) -> bool {
    screen_rows(screen)
        .iter()
        .flatten()
        .any(|cell| cell.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)))
}

#[test]
fn the_figure_is_beside_the_countdown_unless_turned_off_by_flag_or_config() {
    let routine = fixture("run/figure.toml");
    let mut run = Stretch::new().arg("run").arg(&routine).pty();
    run.wait_for("the countdown", |screen| {
        shows_big_digits(screen, "50") || shows_big_digits(screen, "49")
    });
    run.wait_for("the figure beside the countdown", shows_a_figure);
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);

    let env = Env::new();
    let folder = env.config_home().join("stretch");
    std::fs::create_dir_all(&folder).expect("config folder");
    std::fs::write(folder.join("config.toml"), "figures = false\n").expect("config file");
    for (env, flags) in [(Env::new(), vec!["--no-figures"]), (env, vec![])] {
        let mut run = env.stretch().arg("run").arg(&routine).args(flags).pty();
        // The whole frame is written at once: once the digits are there, so would the
        // figure be.
        run.wait_for("the countdown", |screen| {
            shows_big_digits(screen, "50") || shows_big_digits(screen, "49")
        });
        assert!(!run.screen(shows_a_figure), "{}", run.contents());
        run.type_keys(b"q");
        run.assert_exit_and_terminal_restored(0);
    }
}
