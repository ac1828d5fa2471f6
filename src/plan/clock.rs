//! Where a run gets the time and its inputs: the real monotonic clock with a channel of
//! inputs, or, in tests, a script in fake time. The run loop asks only this, so the same
//! loop is tested without sleeping.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// The time since a run began, and a way to sleep until a deadline or an input.
pub trait Clock<I> {
    /// Time since the run began, from a monotonic clock.
    fn now(&self) -> Duration;
    /// Wait until `until` (a time since the run began; `None`: no deadline) or the next
    /// input, whichever comes first.
    fn wait(&mut self, until: Option<Duration>) -> Wake<I>;
    /// Stop the whole process until something continues it (SIGCONT from `fg`), as Ctrl-Z
    /// does in a shell. The time stopped passes on this clock.
    fn stop(&mut self);
}

/// Why a [`Clock::wait`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake<I> {
    /// The deadline came.
    Deadline,
    /// An input came first.
    Input(I),
    /// No input can ever come, and there is no deadline to wait for.
    Closed,
}

/// The real clock: one monotonic start instant, and a channel of inputs to wait on.
pub struct RealClock<'a, I> {
    start: Instant,
    inputs: &'a Receiver<I>,
    /// Every sender is gone: from then on, waiting is sleeping.
    closed: bool,
}

impl<'a, I> RealClock<'a, I> {
    /// A clock whose time zero is now, woken early by anything sent on `inputs`.
    pub fn start(inputs: &'a Receiver<I>) -> Self {
        RealClock {
            start: Instant::now(),
            inputs,
            closed: false,
        }
    }
}

impl<I> Clock<I> for RealClock<'_, I> {
    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    fn wait(&mut self, until: Option<Duration>) -> Wake<I> {
        if !self.closed {
            let received = match until {
                Some(until) => self.inputs.recv_timeout(until.saturating_sub(self.now())),
                None => self
                    .inputs
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(input) => return Wake::Input(input),
                Err(RecvTimeoutError::Timeout) => return Wake::Deadline,
                Err(RecvTimeoutError::Disconnected) => self.closed = true,
            }
        }
        match until {
            Some(until) => {
                thread::sleep(until.saturating_sub(self.now()));
                Wake::Deadline
            }
            None => Wake::Closed,
        }
    }

    fn stop(&mut self) {
        // SIGSTOP, which nothing catches: this returns once the process is continued.
        let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGSTOP);
    }
}

/// Fake time for tests: waiting jumps straight to the deadline, or to the next scripted
/// input if that comes first. Counts its waits, so a test can tell how often a loop woke.
#[cfg(test)]
pub struct ScriptedClock<I> {
    /// The fake time now.
    pub now: Duration,
    inputs: std::collections::VecDeque<(Duration, I)>,
    /// How many times `wait` was called.
    pub waits: usize,
    /// How long each `stop` lasts in fake time.
    pub stop_lasts: Duration,
    /// How many times `stop` was called.
    pub stops: usize,
    /// Wake this late from the first deadline at or after this time (`kill -STOP`).
    pub oversleep: Option<(Duration, Duration)>,
}

#[cfg(test)]
impl<I> ScriptedClock<I> {
    /// A clock at time zero that delivers each input at its time, in order.
    pub fn new(inputs: impl IntoIterator<Item = (Duration, I)>) -> Self {
        ScriptedClock {
            now: Duration::ZERO,
            inputs: inputs.into_iter().collect(),
            waits: 0,
            stop_lasts: Duration::ZERO,
            stops: 0,
            oversleep: None,
        }
    }

    /// The time a wait for `until` wakes at: `until`, or later once for `oversleep`.
    fn woken_at(&mut self, until: Duration) -> Duration {
        match self.oversleep {
            Some((from, late)) if until >= from => {
                self.oversleep = None;
                until.saturating_add(late)
            }
            _ => until,
        }
    }
}

#[cfg(test)]
impl<I> Clock<I> for ScriptedClock<I> {
    fn now(&self) -> Duration {
        self.now
    }

    fn wait(&mut self, until: Option<Duration>) -> Wake<I> {
        self.waits += 1;
        assert!(self.waits < 10_000, "the loop does not get anywhere");
        match (self.inputs.front().map(|(at, _)| *at), until) {
            (Some(at), Some(until)) if at > until => {
                self.now = self.woken_at(until);
                Wake::Deadline
            }
            (Some(_), _) => match self.inputs.pop_front() {
                Some((at, input)) => {
                    self.now = self.now.max(at);
                    Wake::Input(input)
                }
                None => Wake::Closed,
            },
            (None, Some(until)) => {
                self.now = self.woken_at(until);
                Wake::Deadline
            }
            (None, None) => Wake::Closed,
        }
    }

    fn stop(&mut self) {
        self.stops += 1;
        self.now = self.now.saturating_add(self.stop_lasts);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    #[test]
    fn the_real_clock_returns_a_queued_input_before_its_deadline() {
        let (sender, inputs) = mpsc::channel();
        sender.send(7).expect("send");
        let mut clock = RealClock::start(&inputs);
        assert_eq!(clock.wait(Some(Duration::from_secs(600))), Wake::Input(7));
        assert_eq!(clock.wait(Some(Duration::ZERO)), Wake::Deadline);
        drop(sender);
        assert_eq!(clock.wait(None), Wake::Closed);
        // Closed, it sleeps until a deadline instead of returning at once.
        assert_eq!(clock.wait(Some(Duration::from_millis(1))), Wake::Deadline);
        assert!(clock.now() >= Duration::from_millis(1));
    }

    #[test]
    fn the_scripted_clock_jumps_to_what_comes_first() {
        let s = Duration::from_secs;
        let mut clock = ScriptedClock::new([(s(5), 'a'), (s(9), 'b')]);
        assert_eq!(clock.wait(Some(s(3))), Wake::Deadline);
        assert_eq!(clock.now(), s(3));
        assert_eq!(clock.wait(Some(s(8))), Wake::Input('a'));
        assert_eq!(clock.now(), s(5));
        assert_eq!(clock.wait(None), Wake::Input('b'));
        assert_eq!(clock.wait(None), Wake::Closed);
        assert_eq!(clock.waits, 4);
    }
}
