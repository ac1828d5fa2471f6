//! Where a run gets the time and its inputs: the real monotonic clock with a channel of
//! inputs, or, in tests, a script in fake time. The run loop asks only this, so the same
//! loop is tested without sleeping.
//!
//! Debug builds let the tests of the whole program speed the real clock up with
//! `STRETCH_TEST_SPEED=N`, the way `STRETCH_TEST_NOW` sets the wall clock
//! (`history::now`): time runs N times faster while the run waits, and at its own pace
//! otherwise, so that a run of a routine is N times shorter but a late wake-up is no
//! later than it really was. No release build reads it.

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
    /// How many times faster than real time this clock runs while it waits: 1, but in a
    /// test that speeds it up. What takes real time outside the run (a speech program, a
    /// tone playing) lasts this many times longer in the clock's time.
    fn speed(&self) -> u32 {
        1
    }
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
    /// How many times faster than real time the clock runs while it waits: 1, but in a
    /// test that asks for more.
    speed: u32,
    /// The time gained by running faster while waiting.
    gained: Duration,
}

impl<'a, I> RealClock<'a, I> {
    /// A clock whose time zero is now, woken early by anything sent on `inputs`.
    pub fn start(inputs: &'a Receiver<I>) -> Self {
        RealClock::at_speed(inputs, test_speed())
    }

    fn at_speed(inputs: &'a Receiver<I>, speed: u32) -> Self {
        RealClock {
            start: Instant::now(),
            inputs,
            closed: false,
            speed: speed.max(1),
            gained: Duration::ZERO,
        }
    }

    /// Wait for at most `real` real time, or for the next input; `None`: no limit.
    fn wait_real(&mut self, real: Option<Duration>) -> Wake<I> {
        if !self.closed {
            let received = match real {
                Some(real) => self.inputs.recv_timeout(real),
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
        match real {
            Some(real) => {
                thread::sleep(real);
                Wake::Deadline
            }
            None => Wake::Closed,
        }
    }
}

/// Debug builds only: the speed `STRETCH_TEST_SPEED` asks for, a whole number from 1 to
/// 1000; else 1, real time.
fn test_speed() -> u32 {
    #[cfg(debug_assertions)]
    if let Some(speed) = std::env::var("STRETCH_TEST_SPEED")
        .ok()
        .and_then(|text| text.parse::<u32>().ok())
        .filter(|speed| (1..=1000).contains(speed))
    {
        return speed;
    }
    1
}

impl<I> Clock<I> for RealClock<'_, I> {
    fn now(&self) -> Duration {
        self.start.elapsed().saturating_add(self.gained)
    }

    fn wait(&mut self, until: Option<Duration>) -> Wake<I> {
        let Some(until) = until else {
            return self.wait_real(None);
        };
        let real = until.saturating_sub(self.now()) / self.speed;
        let began = Instant::now();
        let wake = self.wait_real(Some(real));
        // Fast only up to the deadline: waking late is as late as it really was.
        let waited = began.elapsed().min(real);
        self.gained = self
            .gained
            .saturating_add(waited.saturating_mul(self.speed - 1));
        wake
    }

    fn stop(&mut self) {
        // SIGSTOP, which nothing catches: this returns once the process is continued.
        let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGSTOP);
    }

    fn speed(&self) -> u32 {
        self.speed
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
    fn a_faster_clock_reaches_its_deadline_sooner_but_is_late_only_by_real_time() {
        let (_sender, inputs) = mpsc::channel::<()>();
        let mut clock = RealClock::at_speed(&inputs, 100);
        let began = Instant::now();
        assert_eq!(clock.wait(Some(Duration::from_secs(2))), Wake::Deadline);
        let real = began.elapsed();
        let now = clock.now();
        assert!(now >= Duration::from_secs(2), "{now:?}");
        // Two seconds at a hundred times: 20 ms of real time, and the time it overslept
        // counted once, not a hundred times.
        assert!(real >= Duration::from_millis(20), "{real:?}");
        assert!(
            now - Duration::from_secs(2) <= real,
            "{now:?} after {real:?}"
        );
        assert_eq!(clock.speed(), 100);
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
