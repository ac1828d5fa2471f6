//! What a user can ask of a running routine, whatever key or front end it came from.

/// One request from the user to a running routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pause, or resume a paused run.
    TogglePause,
    /// Skip to the next phase.
    Next,
    /// Back to the start of the previous hold.
    Back,
    /// Add `ADJUST_SECONDS` to the current phase.
    AddTime,
    /// Take `ADJUST_SECONDS` from the current phase.
    RemoveTime,
    /// Show or hide the keys.
    ToggleHelp,
    /// `q` or Esc: stop, exit status 0.
    Quit,
    /// Ctrl-C typed in raw mode: the same as SIGINT.
    Interrupt,
}
