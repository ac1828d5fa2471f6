//! `stretch run` end to end, full screen: the real binary in a pseudo-terminal, its output
//! read into a terminal emulator, keys typed, the window resized, signals sent, and the
//! terminal's modes compared with what they were before it started.
//!
//! Conditions are polled for with a generous timeout that only fails a test when the
//! condition never comes; nothing here limits how fast the program must be. Tests that
//! press keys run `steady.toml`, whose holds outlast any test, so a slow machine cannot
//! make the routine end before the keys arrive; tests that let a routine finish run
//! `short.toml`, about seven seconds long.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, Termios};
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

const PATIENCE: Duration = Duration::from_secs(20);
const STEADY: &str = "tests/fixtures/run/steady.toml";
const SHORT: &str = "tests/fixtures/run/short.toml";
const SHORT_FIRST: &str = "Lying strap stretch";
const SHORT_SECOND: &str = "Toe touch $HOME `id` 'quoted' ; true";
/// What the program writes to clear the whole screen, as it does on every resize.
const CLEAR_SCREEN: &[u8] = b"\x1b[2J";
/// What the program writes at the end of every frame: ratatui hides the cursor last.
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

/// Counts the frames the program finishes after clearing the whole screen, reading its
/// output a chunk at a time.
#[derive(Default)]
struct Redraws {
    /// The last few bytes, which may begin a sequence the next chunk completes.
    unscanned: Vec<u8>,
    cleared: bool,
}

impl Redraws {
    fn count(&mut self, chunk: &[u8]) -> usize {
        self.unscanned.extend_from_slice(chunk);
        // Only where the longer sequence would fit, so that no byte is looked at twice.
        let complete = self.unscanned.len().saturating_sub(HIDE_CURSOR.len() - 1);
        let mut redraws = 0;
        for start in 0..complete {
            let rest = &self.unscanned[start..];
            if rest.starts_with(CLEAR_SCREEN) {
                self.cleared = true;
            } else if self.cleared && rest.starts_with(HIDE_CURSOR) {
                self.cleared = false;
                redraws += 1;
            }
        }
        self.unscanned.drain(..complete);
        redraws
    }
}

/// Counts the bells the program rings.
#[derive(Default)]
struct Bells(usize);

impl vt100::Callbacks for Bells {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0 += 1;
    }
}

type Emulator = Arc<Mutex<vt100::Parser<Bells>>>;

struct Run {
    master: Box<dyn MasterPty + Send>,
    keyboard: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    emulator: Emulator,
    /// Fires when the program's output has been read to its end.
    output_done: Receiver<()>,
    /// The terminal's modes before the program started.
    termios_before: Termios,
    /// Whether the program was ever seen on the alternate screen with the cursor hidden.
    seen_full_screen: Arc<Mutex<bool>>,
    /// How many frames the program has drawn in full after clearing the screen.
    redraws: Arc<AtomicUsize>,
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

impl Run {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Run {
        Run::start_program(env!("CARGO_BIN_EXE_stretch"), args, env)
    }

    fn start_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let termios_before = pty.master.get_termios().expect("termios before");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(crate_dir());
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("STRETCH_VOICE_COMMAND");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("spawn the program");
        // Only the program holds the terminal's far end now, so reading ends when it exits.
        drop(pty.slave);

        let emulator: Emulator = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            24,
            80,
            0,
            Bells::default(),
        )));
        let seen_full_screen = Arc::new(Mutex::new(false));
        let redraws = Arc::new(AtomicUsize::new(0));
        let (done, output_done) = mpsc::channel();
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (feed, seen, redrawn) = (
            Arc::clone(&emulator),
            Arc::clone(&seen_full_screen),
            Arc::clone(&redraws),
        );
        thread::spawn(move || {
            let mut chunk = [0; 4096];
            let mut counter = Redraws::default();
            while let Ok(read) = reader.read(&mut chunk) {
                if read == 0 {
                    break;
                }
                redrawn.fetch_add(counter.count(&chunk[..read]), Ordering::SeqCst);
                let mut parser = feed.lock().expect("emulator");
                parser.process(&chunk[..read]);
                if parser.screen().alternate_screen() && parser.screen().hide_cursor() {
                    *seen.lock().expect("seen") = true;
                }
            }
            let _ = done.send(());
        });
        let keyboard = pty.master.take_writer().expect("pty writer");
        Run {
            master: pty.master,
            keyboard,
            child,
            emulator,
            output_done,
            termios_before,
            seen_full_screen,
            redraws,
        }
    }

    fn redraws(&self) -> usize {
        self.redraws.load(Ordering::SeqCst)
    }

    fn contents(&self) -> String {
        self.emulator.lock().expect("emulator").screen().contents()
    }

    fn bells(&self) -> usize {
        self.emulator.lock().expect("emulator").callbacks().0
    }

    /// Wait until `condition` holds for the screen; fail, showing the screen, if it never does.
    fn wait_for(&mut self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, |run| {
            condition(run.emulator.lock().expect("emulator").screen())
        });
    }

    /// Wait until `condition` holds for the run; fail, showing the screen, if it never does.
    fn wait_until(&mut self, what: &str, condition: impl Fn(&Run) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if condition(self) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // One last look: the output may still be on its way.
                let _ = self.output_done.recv_timeout(PATIENCE);
                if condition(self) {
                    return;
                }
                panic!(
                    "never saw {what}; the program ended ({status:?}) with:\n{}",
                    self.contents()
                );
            }
            assert!(
                Instant::now() < deadline,
                "never saw {what}; the screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| {
            screen.contents().contains(text)
        });
    }

    fn type_keys(&mut self, keys: &[u8]) {
        self.keyboard.write_all(keys).expect("type");
        self.keyboard.flush().expect("flush keys");
    }

    fn signal(&self, signal: Signal) {
        let pid = self.child.process_id().expect("pid");
        kill(Pid::from_raw(i32::try_from(pid).expect("pid fits")), signal).expect("send signal");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        // The emulator first, so that everything drawn after the resize lands in it. It keeps
        // two rows at least: vt100 0.16 panics when text wraps on a screen of one row, and
        // text drawn for the old size may still be on its way.
        self.emulator
            .lock()
            .expect("emulator")
            .screen_mut()
            .set_size(rows.max(2), cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    fn still_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn termios_now(&self) -> Termios {
        self.master.get_termios().expect("termios")
    }

    /// Wait for the program to exit and for all of its output to be read.
    fn finish(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the program never exited; the screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(10));
        };
        self.output_done
            .recv_timeout(PATIENCE)
            .expect("the output ends");
        status
    }

    /// The program exited with `code`, without a panic, and left the terminal exactly as
    /// it found it.
    fn assert_exit_and_terminal_restored(&mut self, code: u32) {
        let screen = self.assert_exit_with_terminal_restored_whatever_the_cause(code);
        assert!(!screen.contains("panicked"), "{screen}");
    }

    /// The program exited with `code` and left the terminal exactly as it found it; the
    /// screen it left.
    fn assert_exit_with_terminal_restored_whatever_the_cause(&mut self, code: u32) -> String {
        let status = self.finish();
        let screen = self.contents();
        assert_eq!(
            status.signal(),
            None,
            "killed by a signal: {status:?}\n{screen}"
        );
        assert_eq!(
            status.exit_code(),
            code,
            "exit status; the screen:\n{screen}"
        );
        assert!(
            *self.seen_full_screen.lock().expect("seen"),
            "never went full screen:\n{screen}"
        );
        let emulator = self.emulator.lock().expect("emulator");
        assert!(
            !emulator.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(
            !emulator.screen().hide_cursor(),
            "the cursor is still hidden"
        );
        drop(emulator);
        let after = self.termios_now();
        assert!(
            after
                .local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO),
            "not canonical with echo"
        );
        assert_eq!(
            after, self.termios_before,
            "the terminal's modes differ from before"
        );
        screen
    }

    /// The one-line summary printed on the normal screen after the run.
    fn summary(&self) -> String {
        let screen = self.contents();
        screen
            .lines()
            .find(|line| line.contains("stretches done"))
            .unwrap_or_else(|| panic!("no summary line on the normal screen:\n{screen}"))
            .trim()
            .to_owned()
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if self.still_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn in_raw_mode(termios: &Termios) -> bool {
    !termios
        .local_flags
        .intersects(LocalFlags::ICANON | LocalFlags::ECHO)
}

/// Start `steady.toml` and wait until its first stretch is on the full screen in raw mode.
fn start_steady(args: &[&str]) -> Run {
    let mut run_args = vec!["run", STEADY];
    run_args.extend_from_slice(args);
    let mut run = Run::start(&run_args, &[]);
    run.wait_for_text("Seated forward bend");
    assert!(
        in_raw_mode(&run.termios_now()),
        "the program runs without raw mode"
    );
    run
}

/// The screen's rows, one string of cells each; an empty cell counts as a space.
fn screen_rows(screen: &vt100::Screen) -> Vec<Vec<String>> {
    let (rows, cols) = screen.size();
    (0..rows)
        .map(|row| {
            (0..cols)
                .map(
                    |col| match screen.cell(row, col).map(|cell| cell.contents()) {
                        Some(text) if !text.is_empty() => text.to_owned(),
                        _ => " ".to_owned(),
                    },
                )
                .collect()
        })
        .collect()
}

/// Whether `countdown` is on the screen in big digits of any of the sizes the screen uses.
fn shows_big_digits(screen: &vt100::Screen, countdown: &str) -> bool {
    let rows = screen_rows(screen);
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .any(|(size, columns, height)| {
        let area = Rect::new(0, 0, columns * countdown.chars().count() as u16, height);
        let mut glyphs = Buffer::empty(area);
        BigText::builder()
            .pixel_size(size)
            .lines(vec![Line::from(countdown.to_owned())])
            .build()
            .render(area, &mut glyphs);
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        let matches_at = |top: usize, left: usize| {
            (0..height).all(|y| {
                (0..width).all(|x| rows[top + y][left + x] == glyphs[(x as u16, y as u16)].symbol())
            })
        };
        let screen_width = rows.first().map_or(0, Vec::len);
        rows.len() >= height
            && screen_width >= width
            && (0..=rows.len() - height)
                .any(|top| (0..=screen_width - width).any(|left| matches_at(top, left)))
    })
}

/// `m:ss` as the progress bar's label shows it, in seconds.
fn seconds_of(clock: &str) -> Option<u64> {
    let (minutes, seconds) = clock.split_once(':')?;
    Some(minutes.parse::<u64>().ok()? * 60 + seconds.parse::<u64>().ok()?)
}

/// The phase's time left, read from the progress bar's "done / total" label.
fn remaining_from_label(contents: &str) -> Option<u64> {
    contents.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let slash = words.iter().position(|word| *word == "/")?;
        let done = seconds_of(words.get(slash.checked_sub(1)?)?)?;
        let total = seconds_of(words.get(slash + 1)?)?;
        total.checked_sub(done)
    })
}

fn countdown_text(seconds: u64) -> String {
    if seconds < 60 {
        seconds.to_string()
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    }
}

#[test]
fn the_countdown_and_the_stretch_are_on_screen_and_space_pauses() {
    let mut run = start_steady(&[]);
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

/// Whether any cell on the screen has a colour of its own.
fn any_colour(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        (0..cols).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn colour_tells_the_phases_apart_unless_no_color_is_set() {
    let mut run = start_steady(&[]);
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.wait_for("some colour", any_colour);
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);

    let mut run = Run::start(&["run", STEADY], &[("NO_COLOR", "1")]);
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b"?");
    run.wait_for_text("pause or resume");
    assert!(
        !any_colour(run.emulator.lock().expect("emulator").screen()),
        "colour despite NO_COLOR"
    );
    run.type_keys(b"q");
    run.assert_exit_and_terminal_restored(0);
}

#[test]
fn the_keys_skip_go_back_and_show_help() {
    let mut run = start_steady(&[]);
    run.wait_for_text("Hold at a comfortable, pain-free level");
    run.type_keys(b"n");
    run.wait_for_text("Switch sides");
    run.type_keys(b"n");
    run.wait_for_text("Seated forward bend · right leg");
    run.type_keys(b"b");
    run.wait_for_text("Seated forward bend · left leg");
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
    let mut run = start_steady(&[]);
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
        // Waiting for the whole frame at each size keeps one size from merging into the next
        // and names the size that broke, if one does.
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

#[test]
fn a_panic_on_any_thread_leaves_the_terminal_restored_and_its_message_readable() {
    // Debug builds, which the tests run, panic on the first key on the thread named.
    for thread in ["main", "keys"] {
        let mut run = Run::start(
            &["run", STEADY],
            &[("STRETCH_TEST_PANIC", thread), ("RUST_BACKTRACE", "0")],
        );
        run.wait_for_text("Seated forward bend");
        run.type_keys(b" ");
        let screen = run.assert_exit_with_terminal_restored_whatever_the_cause(101);
        assert!(
            screen.contains(&format!("thread '{thread}' "))
                && screen.contains("panicked")
                && screen.contains(&format!("STRETCH_TEST_PANIC is set to {thread}")),
            "{screen}"
        );
    }
}

#[test]
fn sigint_exits_130_with_the_terminal_restored() {
    let mut run = start_steady(&[]);
    run.signal(Signal::SIGINT);
    run.assert_exit_and_terminal_restored(130);
    run.summary();
}

#[test]
fn sigterm_exits_143_with_the_terminal_restored() {
    let mut run = start_steady(&[]);
    run.signal(Signal::SIGTERM);
    run.assert_exit_and_terminal_restored(143);
}

#[test]
fn sighup_exits_129_with_the_terminal_restored() {
    let mut run = start_steady(&[]);
    run.signal(Signal::SIGHUP);
    run.assert_exit_and_terminal_restored(129);
}

#[test]
fn ctrl_c_typed_exits_130_with_the_terminal_restored() {
    let mut run = start_steady(&[]);
    run.type_keys(b"\x03");
    run.assert_exit_and_terminal_restored(130);
}

#[test]
fn a_signal_while_paused_still_ends_the_run() {
    let mut run = start_steady(&[]);
    run.type_keys(b" ");
    run.wait_for_text("PAUSED");
    run.signal(Signal::SIGTERM);
    run.assert_exit_and_terminal_restored(143);
}

#[test]
fn a_routine_that_finishes_prints_its_summary_on_the_normal_screen() {
    let mut run = Run::start(&["run", SHORT], &[]);
    run.wait_for_text(SHORT_FIRST);
    run.assert_exit_and_terminal_restored(0);
    let summary = run.summary();
    assert!(summary.contains("2 of 2 stretches done"), "{summary}");
    // A bell at the start of every phase (lead-in, hold, switch, hold, rest, hold) and one
    // at the end: 7. Events that come due in one wake ring once, so a machine that stalls
    // past a phase's end may hear 6; never more than one a change.
    assert!((6..=7).contains(&run.bells()), "{} bells", run.bells());
}

#[test]
fn no_bell_rings_no_bell() {
    let mut run = Run::start(&["run", SHORT, "--no-bell"], &[]);
    run.wait_for_text(SHORT_FIRST);
    run.assert_exit_and_terminal_restored(0);
    assert_eq!(run.bells(), 0);
}

#[test]
fn the_voice_speaks_the_stretches_as_single_arguments() {
    let spoken = tempfile::NamedTempFile::new().expect("temp file");
    let speaker = crate_dir().join("tests/fixtures/run/say.sh");
    let spoken_path = spoken.path().to_str().expect("utf-8 temp path");
    let speaker = speaker.to_str().expect("utf-8 path");
    let mut run = Run::start(
        &["run", SHORT, "--voice"],
        &[
            ("STRETCH_VOICE_COMMAND", speaker),
            ("STRETCH_TEST_SPOKEN", spoken_path),
        ],
    );
    run.assert_exit_and_terminal_restored(0);
    // The last utterance may still be on its way out of the speaker when the run ends.
    let said = wait_for_file(spoken.path(), |said| said.contains(SHORT_SECOND));
    assert!(said.contains(SHORT_FIRST), "{said}");
    assert!(said.contains(SHORT_SECOND), "{said}");
    for line in said.lines() {
        assert!(
            line.starts_with("1|"),
            "not one argument: {line:?} in\n{said}"
        );
    }
}

#[test]
fn a_missing_speech_program_is_a_clear_message() {
    let mut run = Run::start(
        &["run", SHORT, "--voice"],
        &[("STRETCH_VOICE_COMMAND", "/nonexistent")],
    );
    let status = run.finish();
    let contents = run.contents();
    assert_eq!(status.signal(), None, "{contents}");
    assert_ne!(status.exit_code(), 101, "a panic:\n{contents}");
    assert!(contents.contains("STRETCH_VOICE_COMMAND"), "{contents}");
    assert!(contents.contains("/nonexistent"), "{contents}");
    assert!(!contents.contains("panicked"), "{contents}");
    assert!(
        !run.emulator
            .lock()
            .expect("emulator")
            .screen()
            .alternate_screen()
    );
    assert_eq!(run.termios_now(), run.termios_before);
}

fn wait_for_file(path: &Path, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let said = std::fs::read_to_string(path).unwrap_or_default();
        if done(&said) || Instant::now() >= deadline {
            return said;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_plain_run_in_the_background_writes_its_log_instead_of_stopping() {
    // `set -m` gives the background job its own process group, as an interactive shell
    // does: one that changed the terminal's modes from there would be stopped (SIGTTOU)
    // and never finish.
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("log");
    let script = format!(
        "set -m; '{}' run --plain {SHORT} > '{}' & wait $!; echo \"status=$?\"",
        env!("CARGO_BIN_EXE_stretch"),
        log.display()
    );
    let mut run = Run::start_program("/bin/sh", &["-c", &script], &[]);
    run.wait_for_text("status=0");
    let log = std::fs::read_to_string(&log).expect("the log");
    assert!(
        log.contains("Routine complete: 2 of 2 stretches done"),
        "{log}"
    );
    assert!(!log.contains('\r'), "a log has plain newlines: {log:?}");
}
