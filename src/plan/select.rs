//! The routine as a run asks for it: a subset of its stretches (`--only`, `--skip`,
//! `--level`), and its timing overridden (`--hold`, `--rest`, `--switch`, `--lead-in`, or
//! the settings that stand in for them). `run` runs it and `show` previews it, so both
//! call [`select`].

use std::time::Duration;

use crate::routine::suggest::closest;
use crate::routine::{Level, Routine};

/// Which stretches to keep; all of them by default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these ids, when not empty.
    pub only: Vec<String>,
    /// Not these ids.
    pub skip: Vec<String>,
    /// Only the stretches of this level.
    pub level: Option<Level>,
}

/// The timing that replaces the routine's own; `None` keeps the routine's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timing {
    /// Every hold.
    pub hold: Option<Duration>,
    /// The rest between stretches.
    pub rest: Option<Duration>,
    /// The switch between sides and reps.
    pub switch: Option<Duration>,
    /// The lead-in.
    pub lead_in: Option<Duration>,
}

/// Why a selection cannot be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// An id of `--only` or `--skip` that the routine has no stretch for, and the id of
    /// the routine's that is closest to it, if one is close.
    NoSuchStretch {
        /// The id asked for.
        id: String,
        /// The closest id there is.
        closest: Option<String>,
    },
    /// No stretch is left after the selection.
    NothingLeft,
}

/// `routine` with only the stretches `selection` keeps, timed as `timing` says.
pub fn select(
    mut routine: Routine,
    selection: &Selection,
    timing: Timing,
) -> Result<Routine, Refused> {
    let ids: Vec<&str> = routine.stretches.iter().map(|s| s.id.as_str()).collect();
    if let Some(id) = selection
        .only
        .iter()
        .chain(&selection.skip)
        .find(|id| !ids.contains(&id.as_str()))
    {
        return Err(Refused::NoSuchStretch {
            id: id.clone(),
            closest: closest(id, &ids).map(str::to_owned),
        });
    }
    routine.stretches.retain(|stretch| {
        (selection.only.is_empty() || selection.only.contains(&stretch.id))
            && !selection.skip.contains(&stretch.id)
            && selection
                .level
                .is_none_or(|level| stretch.level == Some(level))
    });
    if routine.stretches.is_empty() {
        return Err(Refused::NothingLeft);
    }
    if let Some(hold) = timing.hold {
        routine.hold = hold;
        for stretch in &mut routine.stretches {
            stretch.hold = hold;
        }
    }
    routine.rest = timing.rest.unwrap_or(routine.rest);
    routine.switch = timing.switch.unwrap_or(routine.switch);
    routine.lead_in = timing.lead_in.unwrap_or(routine.lead_in);
    Ok(routine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::{Sides, Stretch};

    fn stretch(id: &str, level: Option<Level>) -> Stretch {
        Stretch {
            id: id.into(),
            name: id.to_uppercase(),
            level,
            how: String::new(),
            hold: Duration::from_secs(30),
            sides: Sides::None,
            side_label: "side".into(),
            reps: 1,
            cues: Vec::new(),
            figure: None,
        }
    }

    fn routine() -> Routine {
        Routine {
            name: "test".into(),
            description: String::new(),
            level: Level::All,
            hold: Duration::from_secs(30),
            rest: Duration::from_secs(10),
            switch: Duration::from_secs(5),
            lead_in: Duration::from_secs(5),
            cues: Vec::new(),
            stretches: vec![
                stretch("fold", Some(Level::Beginner)),
                stretch("lunge", Some(Level::Advanced)),
                stretch("reach", Some(Level::Beginner)),
            ],
        }
    }

    fn ids(selection: Selection) -> Result<Vec<String>, Refused> {
        let selected = select(routine(), &selection, Timing::default())?;
        Ok(selected.stretches.into_iter().map(|s| s.id).collect())
    }

    #[test]
    fn only_skip_and_level_keep_the_stretches_they_name_in_the_routine_s_order() {
        assert_eq!(
            ids(Selection::default()).unwrap(),
            ["fold", "lunge", "reach"]
        );
        let only = Selection {
            only: vec!["reach".into(), "fold".into()],
            ..Selection::default()
        };
        assert_eq!(ids(only).unwrap(), ["fold", "reach"]);
        let skip = Selection {
            skip: vec!["lunge".into()],
            ..Selection::default()
        };
        assert_eq!(ids(skip).unwrap(), ["fold", "reach"]);
        let level = Selection {
            skip: vec!["fold".into()],
            level: Some(Level::Beginner),
            ..Selection::default()
        };
        assert_eq!(ids(level).unwrap(), ["reach"]);
    }

    #[test]
    fn an_unknown_id_is_refused_with_the_closest_and_an_empty_selection_too() {
        let typo = Selection {
            skip: vec!["lunges".into()],
            ..Selection::default()
        };
        assert_eq!(
            ids(typo),
            Err(Refused::NoSuchStretch {
                id: "lunges".into(),
                closest: Some("lunge".into())
            })
        );
        let none = Selection {
            level: Some(Level::Intermediate),
            ..Selection::default()
        };
        assert_eq!(ids(none), Err(Refused::NothingLeft));
    }

    #[test]
    fn the_timing_replaces_only_what_it_names() {
        let timing = Timing {
            hold: Some(Duration::from_secs(45)),
            lead_in: Some(Duration::ZERO),
            ..Timing::default()
        };
        let timed = select(routine(), &Selection::default(), timing).unwrap();
        assert!(
            timed
                .stretches
                .iter()
                .all(|s| s.hold == Duration::from_secs(45))
        );
        assert_eq!(timed.hold, Duration::from_secs(45));
        assert_eq!(timed.lead_in, Duration::ZERO);
        assert_eq!(timed.rest, Duration::from_secs(10));
        assert_eq!(timed.switch, Duration::from_secs(5));
    }
}
