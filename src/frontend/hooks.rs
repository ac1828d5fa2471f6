//! The hooks: the config file's `on_start`, `on_finish` and `on_break_due`, each a command
//! as its words (never read by a shell), run on the voice's runner as its jobs: they never
//! hold up the timer, each is stopped at its time limit (`hook_timeout`), and whatever
//! still runs at exit is ended. The event is passed in the environment; a hook that fails
//! or cannot start is one warning line, said once the run is over.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crate::config::Resolved;
use crate::frontend::voice::{Job, Voice};

/// The variable that names the event.
pub const EVENT: &str = "STRETCH_EVENT";
/// The variable that names the routine, by the name `run` takes.
pub const ROUTINE: &str = "STRETCH_ROUTINE";
/// The variable that says how a run ended, as the history names it (`finish` only).
pub const ENDING: &str = "STRETCH_ENDING";
/// The variable that gives a run's seconds in holds (`finish` only).
pub const ACTIVE_S: &str = "STRETCH_ACTIVE_S";

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A routine starts.
    Start,
    /// A run ended: how (`finished`, `quit`, `interrupted`, ...), and its seconds in holds.
    Finish {
        /// How it ended, as the history names it.
        ending: &'a str,
        /// Seconds spent in holds.
        active_s: u64,
    },
    /// `due` nudged the user to take a break.
    BreakDue,
}

impl Event<'_> {
    /// The event's name, as `STRETCH_EVENT` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Event::Start => "start",
            Event::Finish { .. } => "finish",
            Event::BreakDue => "break_due",
        }
    }
}

/// The hooks the settings set, and the runner they run on.
pub struct Hooks {
    on_start: Option<Vec<String>>,
    on_finish: Option<Vec<String>>,
    on_break_due: Option<Vec<String>>,
    limit: Duration,
    runner: Voice,
    failed: Sender<String>,
    failures: Receiver<String>,
}

impl Hooks {
    /// The hooks `settings` set; `None` when they set none, so that nothing is started.
    pub fn new(settings: &Resolved) -> anyhow::Result<Option<Hooks>> {
        let (on_start, on_finish, on_break_due) = (
            settings.on_start.value.clone(),
            settings.on_finish.value.clone(),
            settings.on_break_due.value.clone(),
        );
        if on_start.is_none() && on_finish.is_none() && on_break_due.is_none() {
            return Ok(None);
        }
        let (failed, failures) = mpsc::channel();
        Ok(Some(Hooks {
            on_start,
            on_finish,
            on_break_due,
            limit: settings.hook_timeout.value,
            runner: Voice::runner()?,
            failed,
            failures,
        }))
    }

    /// Run the hook of `event`, if one is set, for `routine`; returns at once.
    pub fn fire(&self, event: Event<'_>, routine: &str) {
        let (key, argv) = match event {
            Event::Start => ("on_start", &self.on_start),
            Event::Finish { .. } => ("on_finish", &self.on_finish),
            Event::BreakDue => ("on_break_due", &self.on_break_due),
        };
        let Some(argv) = argv else {
            return;
        };
        let (ending, active_s) = match event {
            Event::Finish { ending, active_s } => {
                (Some(ending.to_owned()), Some(active_s.to_string()))
            }
            Event::Start | Event::BreakDue => (None, None),
        };
        self.runner.run(Job {
            name: format!("the {key} hook"),
            argv: argv.clone(),
            env: vec![
                (EVENT.into(), Some(event.name().into())),
                (ROUTINE.into(), Some(routine.into())),
                // Removed where they mean nothing, so that none leaks in from outside.
                (ENDING.into(), ending),
                (ACTIVE_S.into(), active_s),
            ],
            limit: self.limit,
            failed: self.failed.clone(),
        });
    }

    /// Let the hooks still running end, each within its time limit, stop the rest, and
    /// return what went wrong, a line each.
    pub fn finish(self) -> Vec<String> {
        self.runner.end_within(Duration::ZERO);
        drop(self.failed);
        self.failures.try_iter().collect()
    }
}
