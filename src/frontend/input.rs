//! What reaches a running routine from outside: keys, resizes and signals, all delivered
//! through one channel so a front end can sleep on it with a deadline.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use signal_hook::iterator::Signals;

use crate::plan::action::Action;

/// A signal that ends a run: the terminal is restored and the process exits with
/// 128 + its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT (Ctrl-C).
    Interrupt,
    /// SIGTERM.
    Terminate,
    /// SIGHUP: the terminal went away.
    Hangup,
    /// SIGQUIT.
    Quit,
    /// SIGUSR1.
    User1,
    /// SIGUSR2.
    User2,
    /// SIGALRM.
    Alarm,
    /// SIGPIPE, sent by someone: a write to a closed pipe is an error of the write, which
    /// ends a run quietly instead (see `frontend::output`).
    Pipe,
}

impl Signal {
    /// Every signal that ends a run.
    pub const ALL: [Signal; 8] = [
        Signal::Interrupt,
        Signal::Terminate,
        Signal::Hangup,
        Signal::Quit,
        Signal::User1,
        Signal::User2,
        Signal::Alarm,
        Signal::Pipe,
    ];

    /// The signal's number (`SIGINT` is 2): a process it ends exits with 128 + this.
    pub fn number(self) -> u8 {
        u8::try_from(self.raw()).unwrap_or(u8::MAX)
    }

    /// The signal's name: `SIGHUP`.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Hangup => "SIGHUP",
            Signal::Interrupt => "SIGINT",
            Signal::Terminate => "SIGTERM",
            Signal::Quit => "SIGQUIT",
            Signal::User1 => "SIGUSR1",
            Signal::User2 => "SIGUSR2",
            Signal::Alarm => "SIGALRM",
            Signal::Pipe => "SIGPIPE",
        }
    }

    /// The signal's number as the system names it.
    fn raw(self) -> i32 {
        match self {
            Signal::Hangup => SIGHUP,
            Signal::Interrupt => SIGINT,
            Signal::Terminate => SIGTERM,
            Signal::Quit => SIGQUIT,
            Signal::User1 => SIGUSR1,
            Signal::User2 => SIGUSR2,
            Signal::Alarm => SIGALRM,
            Signal::Pipe => SIGPIPE,
        }
    }

    /// The signal with the system's number `raw`, if it ends a run.
    fn from_raw(raw: i32) -> Option<Signal> {
        Signal::ALL.into_iter().find(|signal| signal.raw() == raw)
    }
}

/// Anything that reaches a running routine from outside, through one channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A key that stands for an action.
    Action(Action),
    /// The terminal changed size.
    Resize,
    /// A signal arrived.
    Signal(Signal),
    /// The voice dropped a cue it could not start in time: these words were not said.
    Unspoken(String),
    /// Ctrl-Z typed in raw mode, or SIGTSTP: hand the terminal back and stop.
    Suspend,
    /// SIGCONT: the process goes on after being stopped, perhaps by a signal it could not
    /// catch (`kill -STOP`), and the shell may have reset the terminal.
    Continue,
    /// Standard output's reader has gone away (`stretch run --plain | head -3`).
    OutputClosed,
}

/// Catch every signal of [`Signal::ALL`] from now on and send each as an `Input::Signal`,
/// so that none of them can end the program without the terminal being restored; and
/// SIGTSTP as `Input::Suspend`, SIGCONT as `Input::Continue`.
pub fn listen_for_signals(tx: Sender<Input>) -> anyhow::Result<()> {
    let mut signals = Signals::new(Signal::ALL.map(Signal::raw))?;
    signals.add_signal(SIGTSTP)?;
    signals.add_signal(SIGCONT)?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for number in signals.forever() {
                let input = match number {
                    SIGTSTP => Input::Suspend,
                    SIGCONT => Input::Continue,
                    _ => match Signal::from_raw(number) {
                        Some(signal) => Input::Signal(signal),
                        None => continue,
                    },
                };
                if tx.send(input).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Watch standard output on a thread of its own, and send `Input::OutputClosed` as soon
/// as its reader goes away: the run then ends at once, rather than at its next write,
/// which may be minutes away. The thread sleeps in `poll(2)` until then, asking for no
/// event but the error and hang-up that poll always reports.
pub fn watch_output(tx: Sender<Input>) -> anyhow::Result<()> {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::os::fd::AsFd;
    thread::Builder::new()
        .name("output".into())
        .spawn(move || {
            let stdout = std::io::stdout();
            loop {
                let mut fds = [PollFd::new(stdout.as_fd(), PollFlags::empty())];
                match poll(&mut fds, PollTimeout::NONE) {
                    Err(nix::errno::Errno::EINTR) => continue,
                    Err(_) => return,
                    Ok(_) => {}
                }
                let events = fds[0].revents().unwrap_or(PollFlags::empty());
                if events.intersects(PollFlags::POLLERR | PollFlags::POLLHUP) {
                    let _ = tx.send(Input::OutputClosed);
                    return;
                }
                // Not a file descriptor to watch (POLLNVAL): nothing will ever come.
                if events.contains(PollFlags::POLLNVAL) {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Read keys and resizes from the terminal (raw mode must be on) on a thread of their own.
/// The thread ends when the terminal can no longer be read or nobody listens any more.
pub fn listen_for_keys(tx: Sender<Input>) -> anyhow::Result<()> {
    thread::Builder::new().name("keys".into()).spawn(move || {
        while let Ok(event) = event::read() {
            #[cfg(debug_assertions)]
            crate::frontend::terminal::panic_if_asked("keys");
            let input = match event {
                Event::Key(key) => input_for(key),
                Event::Resize(..) => Some(Input::Resize),
                _ => None,
            };
            if let Some(input) = input
                && tx.send(input).is_err()
            {
                break;
            }
        }
    })?;
    // In raw mode Ctrl-C is a key, so a run without this thread could not be stopped.
    Ok(())
}

/// What a key stands for, if anything: Ctrl-Z suspends (raw mode turns off the terminal's
/// own), and the other keys stand for actions (see [`action_for`]).
pub fn input_for(key: KeyEvent) -> Option<Input> {
    let control_only =
        key.modifiers.contains(KeyModifiers::CONTROL) && !key.modifiers.contains(KeyModifiers::ALT);
    if key.kind != KeyEventKind::Release
        && control_only
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
    {
        return Some(Input::Suspend);
    }
    action_for(key).map(Input::Action)
}

/// The action a key stands for, if any. Key releases are ignored (terminals that report
/// them would otherwise act twice); held keys repeat.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if control {
        return match key.code {
            KeyCode::Char('c' | 'C') if !alt => Some(Action::Interrupt),
            _ => None,
        };
    }
    if alt {
        return None;
    }
    // Shift is left alone: it is how `+` and `?` are typed on most layouts.
    match key.code {
        KeyCode::Char(' ') => Some(Action::TogglePause),
        KeyCode::Char('n' | 'N') | KeyCode::Right => Some(Action::Next),
        KeyCode::Char('b' | 'B') | KeyCode::Left => Some(Action::Back),
        KeyCode::Char('+' | '=') => Some(Action::AddTime),
        KeyCode::Char('-') => Some(Action::RemoveTime),
        KeyCode::Char('?' | 'h' | 'H') => Some(Action::ToggleHelp),
        KeyCode::Char('q' | 'Q') | KeyCode::Esc => Some(Action::Quit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn plain(code: KeyCode) -> Option<Action> {
        action_for(press(code, KeyModifiers::NONE))
    }

    #[test]
    fn every_documented_key_maps_to_its_action() {
        let cases = [
            (KeyCode::Char(' '), Action::TogglePause),
            (KeyCode::Char('n'), Action::Next),
            (KeyCode::Right, Action::Next),
            (KeyCode::Char('b'), Action::Back),
            (KeyCode::Left, Action::Back),
            (KeyCode::Char('+'), Action::AddTime),
            (KeyCode::Char('='), Action::AddTime),
            (KeyCode::Char('-'), Action::RemoveTime),
            (KeyCode::Char('?'), Action::ToggleHelp),
            (KeyCode::Char('h'), Action::ToggleHelp),
            (KeyCode::Char('q'), Action::Quit),
            (KeyCode::Esc, Action::Quit),
        ];
        for (code, action) in cases {
            assert_eq!(plain(code), Some(action), "{code:?}");
        }
    }

    #[test]
    fn shifted_symbols_still_count() {
        assert_eq!(
            action_for(press(KeyCode::Char('+'), KeyModifiers::SHIFT)),
            Some(Action::AddTime)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn control_c_interrupts() {
        assert_eq!(
            action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Interrupt)
        );
        assert_eq!(
            action_for(press(
                KeyCode::Char('C'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )),
            Some(Action::Interrupt)
        );
    }

    #[test]
    fn other_keys_and_chords_do_nothing() {
        assert_eq!(plain(KeyCode::Char('c')), None);
        assert_eq!(plain(KeyCode::Char('x')), None);
        assert_eq!(plain(KeyCode::Enter), None);
        assert_eq!(plain(KeyCode::Up), None);
        assert_eq!(
            action_for(press(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(
            action_for(press(KeyCode::Char('n'), KeyModifiers::ALT)),
            None
        );
        assert_eq!(
            action_for(press(
                KeyCode::Char('c'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )),
            None
        );
    }

    #[test]
    fn releases_are_ignored_and_repeats_act() {
        let release = KeyEvent::new_with_kind_and_state(
            KeyCode::Char(' '),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        );
        assert_eq!(action_for(release), None);
        let repeat = KeyEvent::new_with_kind_and_state(
            KeyCode::Char('+'),
            KeyModifiers::NONE,
            KeyEventKind::Repeat,
            KeyEventState::NONE,
        );
        assert_eq!(action_for(repeat), Some(Action::AddTime));
    }

    #[test]
    fn control_z_suspends_and_other_keys_are_their_actions() {
        assert_eq!(
            input_for(press(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Some(Input::Suspend)
        );
        assert_eq!(
            input_for(press(KeyCode::Char('z'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            input_for(press(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Input::Action(Action::TogglePause))
        );
    }

    #[test]
    fn signals_have_their_numbers() {
        assert_eq!(Signal::Hangup.number(), 1);
        assert_eq!(Signal::Interrupt.number(), 2);
        assert_eq!(Signal::Terminate.number(), 15);
        assert_eq!(Signal::Quit.number(), 3);
        assert_eq!(Signal::Alarm.number(), 14);
        assert_eq!(Signal::Pipe.number(), 13);
        #[cfg(target_os = "linux")]
        assert_eq!((Signal::User1.number(), Signal::User2.number()), (10, 12));
        for signal in Signal::ALL {
            assert_eq!(Signal::from_raw(signal.raw()), Some(signal));
        }
    }
}
