//! Puts the terminal into the state a front end needs and puts it back on every way out:
//! normal return, early return, error and panic.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::{cursor, execute, style, terminal};

/// What is switched on now. Global because a panic hook, which has no access to the
/// guard, must be able to undo it, and restoring must happen once however many ways
/// out are taken (the hook, then the guard's drop while unwinding).
static RAW_MODE: AtomicBool = AtomicBool::new(false);
static FULL_SCREEN: AtomicBool = AtomicBool::new(false);
/// What `suspend` switched off, for `reenter` to switch on again.
static SUSPENDED_RAW_MODE: AtomicBool = AtomicBool::new(false);
static SUSPENDED_FULL_SCREEN: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// The terminal in raw mode (and full screen, if asked), until this is dropped.
pub struct TerminalGuard {
    // Only `enter` makes one.
    _private: (),
}

impl TerminalGuard {
    /// Raw mode always; with `full_screen`, also the alternate screen and a hidden cursor.
    pub fn enter(full_screen: bool) -> anyhow::Result<TerminalGuard> {
        install_panic_hook();
        // Made first so that a failure half way is undone by its drop.
        let guard = TerminalGuard { _private: () };
        terminal::enable_raw_mode()?;
        RAW_MODE.store(true, Ordering::SeqCst);
        if full_screen {
            FULL_SCREEN.store(true, Ordering::SeqCst);
            execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo whatever `enter` switched on. Safe to call any number of times, from anywhere;
/// errors are ignored because there is nothing better to do on the way out.
pub fn restore() {
    if FULL_SCREEN.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        // The full screen's backend leaves its colours in force between frames.
        let _ = execute!(
            stdout,
            style::ResetColor,
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        let _ = stdout.flush();
    }
    if RAW_MODE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Give the terminal back as it was, for the shell while the process is stopped;
/// [`reenter`] takes it again. Nothing when no front end changed it.
pub fn suspend() {
    if RAW_MODE.load(Ordering::SeqCst) {
        SUSPENDED_RAW_MODE.store(true, Ordering::SeqCst);
    }
    if FULL_SCREEN.load(Ordering::SeqCst) {
        SUSPENDED_FULL_SCREEN.store(true, Ordering::SeqCst);
    }
    restore();
}

/// Put the terminal back in the state the front end asked for, after [`suspend`] or after
/// the process was stopped and continued by someone else (the shell may have reset its
/// modes meanwhile). Nothing when no front end changed it.
pub fn reenter() -> anyhow::Result<()> {
    if RAW_MODE.load(Ordering::SeqCst) || SUSPENDED_RAW_MODE.swap(false, Ordering::SeqCst) {
        // crossterm does nothing for raw mode it believes is on: off first, so that the
        // modes are set again whatever the shell did.
        let _ = terminal::disable_raw_mode();
        terminal::enable_raw_mode()?;
        RAW_MODE.store(true, Ordering::SeqCst);
    }
    if FULL_SCREEN.load(Ordering::SeqCst) || SUSPENDED_FULL_SCREEN.swap(false, Ordering::SeqCst) {
        FULL_SCREEN.store(true, Ordering::SeqCst);
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
    }
    Ok(())
}

/// Restore the terminal before the default hook prints, so the panic message lands on
/// the normal screen in a usable terminal.
///
/// A panic on a helper thread (keys, signals, voice) ends the program as one on the main
/// thread does: with the terminal restored, the run cannot go on drawing.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
            if std::thread::current().name() != Some("main") {
                std::process::exit(PANIC_EXIT_CODE);
            }
        }));
    });
}

/// The status Rust gives a process whose main thread panicked.
const PANIC_EXIT_CODE: i32 = 101;

/// Debug builds only: panic here when `STRETCH_TEST_PANIC` names `thread`, so that the
/// tests can see a panic on any thread leave the terminal as it was. No release build
/// has this.
#[cfg(debug_assertions)]
pub fn panic_if_asked(thread: &str) {
    if std::env::var_os("STRETCH_TEST_PANIC").is_some_and(|asked| asked == thread) {
        panic!("STRETCH_TEST_PANIC is set to {thread}");
    }
}

/// Whether this process is in the foreground of the terminal on standard input. Only then
/// may it change the terminal's modes: from the background that stops it (SIGTTOU), so
/// `stretch run --plain > log &` would hang instead of writing its log.
pub fn in_foreground() -> bool {
    nix::unistd::tcgetpgrp(std::io::stdin()).is_ok_and(|group| group == nix::unistd::getpgrp())
}
