//! The `show` command: a routine's timeline with the start of every phase, its cues and
//! its total, as `run` will follow it. The timeline is written as it is walked, in either
//! format, so that memory stays bounded however long the output (the largest routine the
//! format allows has about 400,000 cue lines).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::cli::Format;
use crate::cli::PlanArgs;
use crate::commands::{load_valid, planned};
use crate::error::Error;
use stretch_timer::config::Resolved;
use stretch_timer::frontend::output::{json, write_raw_stdout, write_stdout};
use stretch_timer::frontend::words;
use stretch_timer::plan::timeline::{PhaseKind, Side, Timeline, cue_schedule};
use stretch_timer::routine::Routine;
use stretch_timer::routine::duration::{self, clock};

#[cfg(test)]
mod tests;

#[derive(Serialize)]
struct JsonShow<'a> {
    /// The name `run` takes.
    name: &'a str,
    /// The routine's display name, its file's `name`.
    title: &'a str,
    description: &'a str,
    level: &'static str,
    total_ms: u64,
    /// Each stretch once, in order, with how to do it and the name of its figure.
    stretches: Vec<JsonStretch<'a>>,
    timeline: JsonTimeline<'a>,
}

/// A stretch of the routine, as the timeline's phases name it by `id`.
#[derive(Serialize)]
struct JsonStretch<'a> {
    id: &'a str,
    name: &'a str,
    level: Option<&'static str>,
    how: &'a str,
    figure: Option<&'a str>,
}

impl<'a> JsonStretch<'a> {
    fn of(stretch: &'a stretch_timer::routine::Stretch) -> JsonStretch<'a> {
        JsonStretch {
            id: &stretch.id,
            name: &stretch.name,
            level: stretch.level.map(|level| level.as_str()),
            how: &stretch.how,
            figure: stretch.figure.as_deref(),
        }
    }
}

/// The phases, serialized one at a time as the timeline is walked.
struct JsonTimeline<'a> {
    routine: &'a Routine,
    timeline: &'a Timeline,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    start_ms: u64,
    duration_ms: u64,
    kind: PhaseKind,
    stretch: &'a str,
    side: Option<Side>,
    /// What the side is called ("leg" in "left leg"), for a phase with a side.
    side_label: Option<&'a str>,
    rep: u32,
    cues: Vec<JsonCue<'a>>,
}

#[derive(Serialize)]
struct JsonCue<'a> {
    at_ms: u64,
    text: &'a str,
}

/// Print the timeline of the routine the settings name (`show`'s ROUTINE), as `run`
/// would run it with the same flags, in `format`.
pub fn run(plan: &PlanArgs, settings: &Resolved, format: Format) -> Result<(), Error> {
    let found = planned(load_valid(&settings.routine.value)?, plan, settings)?;
    let (name, routine) = (found.name.as_str(), &found.routine);
    let timeline = Timeline::new(routine);
    match format {
        Format::Json => write_raw_stdout(|out| write_json(out, name, routine, &timeline))?,
        Format::Text => write_stdout(|out| write_text(out, name, routine, &timeline))?,
    }
    Ok(())
}

fn write_json(
    out: &mut dyn Write,
    name: &str,
    routine: &Routine,
    timeline: &Timeline,
) -> io::Result<()> {
    let show = JsonShow {
        name,
        title: &routine.name,
        description: &routine.description,
        level: routine.level.as_str(),
        total_ms: duration::millis(timeline.total),
        stretches: routine.stretches.iter().map(JsonStretch::of).collect(),
        timeline: JsonTimeline { routine, timeline },
    };
    json::write(out, &show)
}

impl Serialize for JsonTimeline<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let routine = self.routine;
        serializer.collect_seq(self.timeline.phases.iter().map(|phase| {
            JsonPhase {
                start_ms: duration::millis(phase.start),
                duration_ms: duration::millis(phase.duration),
                kind: phase.kind,
                stretch: &routine.stretches[phase.stretch].id,
                side: phase.side,
                side_label: phase
                    .side
                    .map(|_| routine.stretches[phase.stretch].side_label.as_str()),
                rep: phase.rep,
                cues: if phase.kind == PhaseKind::Hold {
                    cue_schedule(routine, phase.stretch, phase.duration)
                        .into_iter()
                        .map(|cue| JsonCue {
                            at_ms: duration::millis(cue.at),
                            text: cue.text,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        }))
    }
}

/// The header names the routine by `name`, the name `run` takes, followed by its display
/// name where that is another.
fn write_text(
    out: &mut dyn Write,
    name: &str,
    routine: &Routine,
    timeline: &Timeline,
) -> io::Result<()> {
    let count = routine.stretches.len();
    let title = if routine.name == name {
        String::new()
    } else {
        format!(": {}", routine.name)
    };
    writeln!(
        out,
        "{}{title} ({} stretch{}, level: {}, {} in all)",
        name,
        count,
        if count == 1 { "" } else { "es" },
        routine.level.as_str(),
        duration::format(timeline.total)
    )?;
    if !routine.description.is_empty() {
        writeln!(out, "\n{}", routine.description)?;
    }
    writeln!(out)?;
    for phase in &timeline.phases {
        let stretch = &routine.stretches[phase.stretch];
        let name = &stretch.name;
        let side =
            words::side_label(routine, phase).map_or(String::new(), |side| format!(", {side}"));
        let rep = words::rep_label(routine, phase).map_or(String::new(), |r| format!(", {r}"));
        let title = words::phase_title(phase).to_lowercase();
        let what = match phase.kind {
            PhaseKind::LeadIn | PhaseKind::Rest => format!("{title}: {name}"),
            PhaseKind::Hold => format!("{title}: {name}{side}{rep}"),
            PhaseKind::Switch => title,
        };
        writeln!(
            out,
            "{:>8}  {:<7} {what}",
            clock(phase.start),
            duration::format(phase.duration)
        )?;
        if phase.kind == PhaseKind::Hold {
            for cue in cue_schedule(routine, phase.stretch, phase.duration) {
                writeln!(
                    out,
                    "{:>8}  {:<7}   \u{2022} {}",
                    clock(phase.start + cue.at),
                    "",
                    cue.text
                )?;
            }
        }
    }
    writeln!(
        out,
        "{:>8}          done\n\ntotal: {}",
        clock(timeline.total),
        duration::format(timeline.total)
    )
}
