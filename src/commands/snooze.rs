//! The `snooze` command: no nudge from `due` (and `status` says snoozed) for a while, for
//! the rest of today, or no more; alone, it says what is in force. The snooze is kept in
//! the workday's state file.

use crate::cli::{SnoozeArgs, SnoozeFor};
use crate::commands::status::{midnight, minutes, until_when};
use crate::error::Error;
use stretch_timer::frontend::output::print_stdout;
use stretch_timer::history::now::now;
use stretch_timer::workday::state;

/// Snooze, or say what is in force, as the command line asks.
pub fn run(args: &SnoozeArgs) -> Result<(), Error> {
    let path = state::path()?;
    let now = now();
    let instant = now.timestamp();
    let said = match args.snooze {
        None => match state::load(&path).snoozed(instant) {
            Some(until) => format!(
                "Snoozed {} ({} left); `stretch snooze off` ends it.",
                until_when(until, &now),
                minutes(until.duration_since(instant))
            ),
            None => "Not snoozed: `due` nudges as it would.".to_owned(),
        },
        Some(SnoozeFor::Off) => {
            let before = state::load(&path).snoozed(instant);
            state::update(&path, |state| state.snoozed_until = None).1?;
            match before {
                Some(_) => "Snooze off: `due` nudges again as it would.".to_owned(),
                None => "No snooze was in force.".to_owned(),
            }
        }
        Some(snooze) => {
            let until = match snooze {
                SnoozeFor::For(how_long) => instant
                    .checked_add(jiff::SignedDuration::try_from(how_long).unwrap_or_default())
                    .map_err(anyhow::Error::from)?,
                _ => midnight(&now).ok_or_else(|| anyhow::anyhow!("there is no tomorrow"))?,
            };
            state::update(&path, |state| state.snoozed_until = Some(until)).1?;
            format!("Snoozed {}: no nudge until then.", until_when(until, &now))
        }
    };
    print_stdout(&format!("{said}\n"))?;
    Ok(())
}
