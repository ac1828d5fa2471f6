//! The one error type of the commands, and the one place where exit statuses are decided.

use stretch_timer::frontend::input::Signal;

/// Why a command did not succeed; [`Error::code`] is its exit status.
#[derive(Debug)]
pub enum Error {
    /// The command line asks for what is not there (`--only nosuch`): status 2, as for
    /// clap's own errors.
    Usage(String),
    /// Problems already reported to the user, as diagnostics: status 1.
    Invalid,
    /// The answer is no, already given or kept quiet (`stretch due`: not yet today): status 1.
    No,
    /// The run was ended by a signal: 128 + its number, as a shell reports it.
    Signal(Signal),
    /// Anything else, reported as `error: ...`: status 1.
    Other(anyhow::Error),
}

impl Error {
    /// The exit status for this error.
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Invalid | Error::No | Error::Other(_) => 1,
            Error::Signal(signal) => 128 + signal.number(),
        }
    }

    /// What to tell the user, if it has not been told already.
    pub fn message(&self) -> Option<String> {
        match self {
            Error::Usage(message) => Some(message.clone()),
            Error::Other(error) => Some(format!("{error:#}")),
            Error::Invalid | Error::No | Error::Signal(_) => None,
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(error: anyhow::Error) -> Self {
        Error::Other(error)
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Other(error.into())
    }
}

impl From<stretch_timer::fs::Error> for Error {
    fn from(error: stretch_timer::fs::Error) -> Self {
        Error::Other(error.into())
    }
}

impl From<stretch_timer::fs::NoHome> for Error {
    fn from(error: stretch_timer::fs::NoHome) -> Self {
        Error::Other(error.into())
    }
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Error::Other(error.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_exit_status() {
        assert_eq!(Error::Usage("x".into()).code(), 2);
        assert_eq!(Error::Invalid.code(), 1);
        assert_eq!(Error::No.code(), 1);
        assert_eq!(Error::Other(anyhow::anyhow!("x")).code(), 1);
        assert_eq!(Error::Signal(Signal::Hangup).code(), 129);
        assert_eq!(Error::Signal(Signal::Interrupt).code(), 130);
        assert_eq!(Error::Signal(Signal::Terminate).code(), 143);
        assert_eq!(Error::Signal(Signal::Quit).code(), 131);
        assert_eq!(Error::Signal(Signal::Pipe).code(), 141);
        assert_eq!(Error::Signal(Signal::Alarm).code(), 142);
    }

    #[test]
    fn only_what_was_not_yet_said_is_said() {
        assert_eq!(Error::Usage("bad".into()).message().as_deref(), Some("bad"));
        let other = Error::Other(anyhow::anyhow!("inner").context("outer"));
        assert_eq!(other.message().as_deref(), Some("outer: inner"));
        assert_eq!(Error::Invalid.message(), None);
        assert_eq!(Error::No.message(), None);
        assert_eq!(Error::Signal(Signal::Interrupt).message(), None);
    }
}
