//! What reaches a running routine from outside: keys, resizes and signals, all delivered
//! through one channel so a front end can sleep on it with a deadline.

use std::sync::mpsc::Sender;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    TogglePause,
    Next,
    Back,
    AddTime,
    RemoveTime,
    ToggleHelp,
    /// `q` or Esc: stop, exit status 0.
    Quit,
    /// Ctrl-C typed in raw mode: the same as SIGINT.
    Interrupt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    Interrupt,
    Terminate,
    Hangup,
}

impl Signal {
    /// The conventional status of a process ended by this signal: 128 + its number.
    pub fn exit_code(self) -> i32 {
        match self {
            Signal::Hangup => 129,
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Action(Action),
    Resize,
    Signal(Signal),
}

/// Catch SIGINT, SIGTERM and SIGHUP from now on and send each as an `Input::Signal`.
pub fn listen_for_signals(tx: Sender<Input>) -> anyhow::Result<()> {
    let _ = tx;
    todo!()
}

/// Read keys and resizes from the terminal (raw mode must be on) on a thread of their own.
pub fn listen_for_keys(tx: Sender<Input>) {
    let _ = tx;
    todo!()
}
