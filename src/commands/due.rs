//! The `due` command, for shell prompts, cron and timers: exit 0 and say nothing when no
//! stretch is due; otherwise exit 1 with one line of nudge. It reads the history backwards
//! from its end, only as far as today and the current streak need, and never warns about
//! a damaged line: a prompt is no place for it.
//!
//! Daily (the default): due until today counts. At intervals (`--every`, or the config
//! file's `every`): due once no session has ended within the interval, within the working
//! hours and days; never while snoozed or while the user is away (and time away counts as
//! a break); and a nudge comes no sooner than an interval after the last one (between,
//! still status 1, but nothing said).

mod notify;

use std::path::Path;
use std::process::{Command, Stdio};

use jiff::{SignedDuration, Timestamp, ZonedDateTime};

use self::notify::Choice;
use crate::cli::DueArgs;
use crate::commands::status::{self, clock, minutes};
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::frontend::hooks::{Event, Hooks};
use stretch_timer::frontend::output::{self, print_stdout};
use stretch_timer::fs::{self, Expect};
use stretch_timer::history::tail::{self, Recent};
use stretch_timer::history::{file, now::now};
use stretch_timer::workday::interval::{Rules, Verdict};
use stretch_timer::workday::presence;
use stretch_timer::workday::state::{self, State};

/// Tell whether a stretch is due, as the command line and the settings ask.
pub fn run(args: &DueArgs, settings: &Resolved) -> Result<(), Error> {
    let now = now();
    let state_path = state::path()?;
    let nudge = Nudge {
        args,
        settings,
        state_path: &state_path,
    };
    let Some(every) = settings.every.value else {
        return daily(&nudge, &now);
    };
    let rules = Rules {
        every,
        between: settings.between.value,
        days: settings.days.value,
    };
    let instant = now.timestamp();
    let mut state = state::load(&state_path);
    // Nothing is due while snoozed or out of hours: no need to ask whether the user is in.
    if state.snoozed(instant).is_none() && rules.working(&now) {
        let presence = presence::read(instant).presence;
        let away = settings.away.value;
        state = nudge.update(|state| *state = state.observe(presence, instant, away));
    }
    let latest = status::latest(now.date())?;
    match rules.verdict(&now, latest.ended, &state) {
        Verdict::Due {
            last_break,
            nudge: true,
        } => {
            let text = match last_break {
                Some(at) => format!(
                    "Time to stretch: {} without a break (since {})",
                    minutes(instant.duration_since(at)),
                    clock(at, &now)
                ),
                None => "Time to stretch: no break lately".to_owned(),
            };
            nudge.say(&text, Some(instant));
            Err(Error::No)
        }
        Verdict::Due { nudge: false, .. } => Err(Error::No),
        Verdict::Snoozed { .. }
        | Verdict::OffHours
        | Verdict::Away { .. }
        | Verdict::NotYet { .. } => Ok(()),
    }
}

/// Once a day: due until today counts.
fn daily(nudge: &Nudge<'_>, now: &ZonedDateTime) -> Result<(), Error> {
    let path = file::path()?;
    let recent = match fs::open(&path, Expect::Regular) {
        Ok(history) => tail::recent(history, now.date())?,
        Err(error) if error.is_not_found() => Recent::NotYet { streak: 0 },
        Err(error) => return Err(error.into()),
    };
    let Recent::NotYet { streak } = recent else {
        return Ok(());
    };
    if state::load(nudge.state_path)
        .snoozed(now.timestamp())
        .is_some()
    {
        return Ok(());
    }
    let text = match streak {
        0 => "No stretching yet today: a few minutes of `stretch run` will do you good".into(),
        _ => format!(
            "No stretching yet today: keep your {streak}-day streak going with `stretch run`"
        ),
    };
    nudge.say(&text, None);
    Err(Error::No)
}

/// Saying a nudge, as the command line and the settings ask.
struct Nudge<'a> {
    args: &'a DueArgs,
    settings: &'a Resolved,
    state_path: &'a Path,
}

impl Nudge<'_> {
    /// Say `text`: print it (unless `--quiet`), run `on_break_due`, and with `--notify`
    /// send it as a notification and do what the user chooses on it. A nudge said at
    /// `nudged` (at intervals) is remembered first, so that none comes again within the
    /// interval. A `--quiet` check without `--notify` tells no one, and is no nudge.
    fn say(&self, text: &str, nudged: Option<Timestamp>) {
        let (quiet, notify) = (self.args.quiet, self.args.notify);
        if quiet && !notify {
            return;
        }
        if !quiet {
            // A reader that has gone away is no reason to hold back the rest.
            let _ = print_stdout(&format!("{text}\n"));
        }
        let hooks = match Hooks::new(self.settings) {
            Ok(hooks) => hooks,
            Err(error) => {
                self.warn(&format!("the hooks cannot run: {error:#}"));
                None
            }
        };
        if let Some(hooks) = &hooks {
            hooks.fire(Event::BreakDue, &self.settings.routine.value);
        }
        if let Some(at) = nudged {
            self.update(|state| state.nudged = Some(at));
        }
        if notify {
            let start = self.settings.break_command.value.as_deref();
            match notify::send(text, start.is_some()) {
                Ok(Choice::Start) => self.start_break(start.unwrap_or_default()),
                Ok(Choice::Snooze) => self.snooze(),
                Ok(Choice::Nothing) => {}
                // A timer runs `due --notify` without `--quiet`, so that its journal says
                // why it never notifies; `--quiet` is silent, whatever goes wrong.
                Err(why) => self.warn(&format!("cannot notify: {why}")),
            }
        }
        for failure in hooks.map(Hooks::finish).unwrap_or_default() {
            self.warn(&format!("{failure}; `due` went on"));
        }
    }

    /// Run `break_command`, and wait for it: the break is on.
    fn start_break(&self, argv: &[String]) {
        let Some((program, args)) = argv.split_first() else {
            return;
        };
        let status = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .status();
        match status {
            Ok(status) if status.success() => {}
            Ok(status) => self.warn(&format!("`break_command` failed ({status})")),
            Err(error) => self.warn(&format!(
                "`break_command` cannot start `{program}`: {error}"
            )),
        }
    }

    /// Snooze for [`notify::SNOOZE`] from now.
    fn snooze(&self) {
        let now = now();
        let until = now
            .timestamp()
            .checked_add(SignedDuration::try_from(notify::SNOOZE).unwrap_or_default())
            .unwrap_or(Timestamp::MAX);
        self.update(|state| state.snoozed_until = Some(until));
        if !self.args.quiet {
            let _ = print_stdout(&format!("Snoozed until {}.\n", clock(until, &now)));
        }
    }

    /// The state file changed by `change`; a failure to write it is one warning.
    fn update(&self, change: impl FnOnce(&mut State)) -> State {
        let (state, written) = state::update(self.state_path, change);
        if let Err(error) = written {
            self.warn(&format!("{error:#}"));
        }
        state
    }

    /// One warning line, unless `--quiet`: a prompt's check prints nothing, ever.
    fn warn(&self, message: &str) {
        if !self.args.quiet {
            output::warn(message);
        }
    }
}
