//! The same run in a pseudo-terminal: its output read into a terminal emulator, keys
//! typed, the window resized, signals sent, and the terminal's modes compared with what
//! they were before it started.
//!
//! Conditions are polled for with a generous timeout that only fails a test when the
//! condition never comes; nothing here limits how fast the program must be.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::{LocalFlags, Termios};
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::{Env, Stretch};

pub use super::PATIENCE;
/// What the program writes to clear the whole screen before drawing it all again, as it
/// does at the start and on every resize.
const CLEAR_SCREEN: &[u8] = b"\x1b[2J";

/// Counts the times the program clears the whole screen to draw it again, reading its
/// output a chunk at a time. (Frames have no end marker: the program writes only the
/// cells that changed, and nothing after them.)
#[derive(Default)]
struct Redraws {
    /// The last few bytes, which may begin a clear the next chunk completes.
    unscanned: Vec<u8>,
}

impl Redraws {
    fn count(&mut self, chunk: &[u8]) -> usize {
        self.unscanned.extend_from_slice(chunk);
        // Only where the whole sequence would fit, so that no byte is looked at twice.
        let complete = self.unscanned.len().saturating_sub(CLEAR_SCREEN.len() - 1);
        let redraws = (0..complete)
            .filter(|&start| self.unscanned[start..].starts_with(CLEAR_SCREEN))
            .count();
        self.unscanned.drain(..complete);
        redraws
    }
}

/// Counts the bells the program rings, and keeps the window titles it sets.
#[derive(Default)]
struct Bells(usize, Vec<String>);

impl vt100::Callbacks for Bells {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0 += 1;
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.1.push(String::from_utf8_lossy(title).into_owned());
    }
}

type Emulator = Arc<Mutex<vt100::Parser<Bells>>>;

impl Stretch {
    /// Starts the run in a pseudo-terminal of 80x24, in the same environment as any
    /// other run, except that it is a terminal: `TERM=xterm-256color` and colour allowed,
    /// unless the test sets them itself.
    pub fn pty(self) -> Terminal {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let termios_before = pty.master.get_termios().expect("termios before");
        let mut command = CommandBuilder::new(&self.program);
        command.args(&self.args);
        command.cwd(self.dir());
        let terminal = [
            ("TERM".into(), Some("xterm-256color".into())),
            ("NO_COLOR".into(), None),
        ];
        let mut vars = self.env.vars();
        vars.extend(terminal);
        vars.extend(self.vars.iter().cloned());
        for (key, value) in vars {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            }
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
        Terminal {
            _env: self.env,
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
}

/// A run in a pseudo-terminal. A failed test does not leave it running.
pub struct Terminal {
    /// Kept until the run is over: the environment's folders go with the last clone.
    _env: Env,
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
    /// How many times the program has cleared the whole screen to draw it again.
    redraws: Arc<AtomicUsize>,
}

impl Terminal {
    pub fn redraws(&self) -> usize {
        self.redraws.load(Ordering::SeqCst)
    }

    /// The text on the emulated screen now.
    pub fn contents(&self) -> String {
        self.screen(vt100::Screen::contents)
    }

    /// What `look` sees on the emulated screen now.
    pub fn screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.emulator.lock().expect("emulator").screen())
    }

    pub fn bells(&self) -> usize {
        self.emulator.lock().expect("emulator").callbacks().0
    }

    /// Every window title the program has set, in order.
    pub fn window_titles(&self) -> Vec<String> {
        self.emulator
            .lock()
            .expect("emulator")
            .callbacks()
            .1
            .clone()
    }

    /// Wait until `condition` holds for the screen; fail, showing the screen, if it never does.
    pub fn wait_for(&mut self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, |run| run.screen(&condition));
    }

    /// Wait until `condition` holds for the run; fail, showing the screen, if it never does.
    pub fn wait_until(&mut self, what: &str, condition: impl Fn(&Terminal) -> bool) {
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

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| {
            screen.contents().contains(text)
        });
    }

    pub fn type_keys(&mut self, keys: &[u8]) {
        self.keyboard.write_all(keys).expect("type");
        self.keyboard.flush().expect("flush keys");
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Scribble over the emulated screen, as what else writes to a terminal does: only a
    /// full redraw puts the program's frame back.
    pub fn garble_screen(&self) {
        self.emulator
            .lock()
            .expect("emulator")
            .process(b"\x1b[2J\x1b[Hgarbled");
    }

    pub fn signal(&self, signal: Signal) {
        let pid = self.child.process_id().expect("pid");
        kill(Pid::from_raw(i32::try_from(pid).expect("pid fits")), signal).expect("send signal");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
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

    pub fn termios_now(&self) -> Termios {
        self.master.get_termios().expect("termios")
    }

    /// The terminal's modes before the program started.
    pub fn termios_before(&self) -> &Termios {
        &self.termios_before
    }

    /// Wait for the program to exit and for all of its output to be read.
    pub fn finish(&mut self) -> ExitStatus {
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
    pub fn assert_exit_and_terminal_restored(&mut self, code: u32) {
        let screen = self.assert_exit_with_terminal_restored_whatever_the_cause(code);
        assert!(!screen.contains("panicked"), "{screen}");
    }

    /// The program exited with `code` and left the terminal exactly as it found it; the
    /// screen it left.
    pub fn assert_exit_with_terminal_restored_whatever_the_cause(&mut self, code: u32) -> String {
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
    pub fn summary(&self) -> String {
        let screen = self.contents();
        screen
            .lines()
            .find(|line| line.contains("stretches done"))
            .unwrap_or_else(|| panic!("no summary line on the normal screen:\n{screen}"))
            .trim()
            .to_owned()
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if self.still_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn in_raw_mode(termios: &Termios) -> bool {
    !termios
        .local_flags
        .intersects(LocalFlags::ICANON | LocalFlags::ECHO)
}

/// The screen's rows, one string of cells each; an empty cell counts as a space. The
/// shape the library's big-digit reader (`frontend::screen::digits`) looks in.
pub fn screen_rows(screen: &vt100::Screen) -> Vec<Vec<String>> {
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

/// Whether any cell on the screen has a colour of its own.
pub fn any_colour(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        (0..cols).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}
