//! The words for what happens during a run, shared by every front end: the plain
//! front end's lines, the voice's sentences, and the titles and labels the full
//! screen shows. Text here comes straight from the routine: a front end that prints it
//! passes it through `text::terminal_safe` first.

use crate::config::VoiceLevel;
use crate::frontend::voice::Urgency;
use crate::plan::engine::Event;
use crate::plan::timeline::{CueKind, Phase, PhaseKind, Side, Timeline};
use crate::routine::Routine;
use crate::routine::duration;

/// What the voice says for `event` at `level`, if anything: the stretch name, side and
/// rep when a hold starts, "switch sides", "next: NAME", and the cues the level asks for.
/// At [`VoiceLevel::All`], getting ready for a stretch also reads its `how`, which the
/// start of the hold cuts off as any phase change does.
pub fn spoken(
    routine: &Routine,
    timeline: &Timeline,
    event: &Event,
    level: VoiceLevel,
) -> Option<String> {
    let phase = match event {
        Event::Cue { text, kind } => {
            let wanted = match kind {
                CueKind::Own => VoiceLevel::Cues,
                CueKind::Reminder => VoiceLevel::All,
            };
            return (level >= wanted).then(|| text.clone());
        }
        Event::Finished => return Some("routine complete".to_string()),
        Event::PhaseStarted { index } => timeline.phases.get(*index)?,
    };
    let stretch = routine.stretches.get(phase.stretch)?;
    let name = &stretch.name;
    let how = one_line(&stretch.how);
    let getting_ready = |what: String| {
        if level >= VoiceLevel::All && !how.is_empty() {
            join_sentences(&[what, how.clone()])
        } else {
            what
        }
    };
    Some(match phase.kind {
        PhaseKind::LeadIn => getting_ready(format!("get ready: {name}")),
        PhaseKind::Hold => [
            Some(name.clone()),
            side_label(routine, phase),
            rep_label(routine, phase),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        PhaseKind::Switch if phase.side.is_some() => "switch sides".to_string(),
        PhaseKind::Switch => "next rep".to_string(),
        PhaseKind::Rest => getting_ready(format!("next: {name}")),
    })
}

/// What the voice says for the events of one moment, as one utterance, and how urgently.
/// The start of a phase, or the end of the routine, cuts off whatever is being said and
/// drops what waits: it is about a phase that is over. Cues alone wait their turn. A hold's
/// name and its first cue are one utterance, so that the cue is said with the name.
pub fn utterance(
    routine: &Routine,
    timeline: &Timeline,
    events: &[Event],
    level: VoiceLevel,
) -> Option<(String, Urgency)> {
    let sentences: Vec<String> = events
        .iter()
        .filter_map(|event| spoken(routine, timeline, event, level))
        .collect();
    let joined = join_sentences(&sentences);
    let starts_phase = events
        .iter()
        .any(|event| matches!(event, Event::PhaseStarted { .. } | Event::Finished));
    let urgency = if starts_phase {
        Urgency::Interrupt
    } else {
        Urgency::Queue
    };
    (!joined.is_empty()).then_some((joined, urgency))
}

/// Sentences spoken as one: each ends in a full stop unless it has its own punctuation.
fn join_sentences(sentences: &[String]) -> String {
    let mut spoken = String::new();
    for sentence in sentences {
        let sentence = sentence.trim();
        if sentence.is_empty() {
            continue;
        }
        if !spoken.is_empty() {
            spoken.push(' ');
        }
        spoken.push_str(sentence);
        if !sentence.ends_with(['.', '!', '?', ':', ';']) {
            spoken.push('.');
        }
    }
    spoken
}

/// The heading of a phase: "Get ready", "Hold", "Switch sides", "Next rep" (the gap
/// between two reps of a one-sided stretch) or "Next up".
pub fn phase_title(phase: &Phase) -> &'static str {
    match phase.kind {
        PhaseKind::LeadIn => "Get ready",
        PhaseKind::Hold => "Hold",
        PhaseKind::Switch if phase.side.is_some() => "Switch sides",
        PhaseKind::Switch => "Next rep",
        PhaseKind::Rest => "Next up",
    }
}

/// "left leg", "right arm": the side of the phase, named by its stretch's `side_label`;
/// `None` for a phase without a side.
pub fn side_label(routine: &Routine, phase: &Phase) -> Option<String> {
    let side = match phase.side? {
        Side::Left => "left",
        Side::Right => "right",
    };
    let label = &routine.stretches.get(phase.stretch)?.side_label;
    Some(format!("{side} {label}"))
}

/// "rep 2 of 3", for a stretch of more than one rep; `None` for a single rep.
pub fn rep_label(routine: &Routine, phase: &Phase) -> Option<String> {
    let reps = routine.stretches.get(phase.stretch)?.reps;
    (reps > 1).then(|| format!("rep {} of {reps}", phase.rep))
}

/// "stretch 3 of 7": where the phase's stretch comes in the routine.
pub fn stretch_progress(routine: &Routine, phase: &Phase) -> String {
    format!(
        "stretch {} of {}",
        phase.stretch + 1,
        routine.stretches.len()
    )
}

/// Whether the bell rings for `event`: at the start of every hold and every gap, and once
/// more when the routine is over, so that someone not watching hears the end too.
pub fn rings_bell(event: &Event) -> bool {
    matches!(event, Event::PhaseStarted { .. } | Event::Finished)
}

/// The plain front end's line for `event`, without its time stamp: what the phase is, its
/// planned length, and what to do. Gaps tell what comes next and how to get into it.
/// The routine's text is put on one line but not otherwise made safe.
pub fn line(routine: &Routine, timeline: &Timeline, event: &Event) -> String {
    let phase = match event {
        Event::Cue { text, .. } => return format!("cue: {}", one_line(text)),
        Event::Finished => return "finished".to_string(),
        Event::PhaseStarted { index } => match timeline.phases.get(*index) {
            Some(phase) => phase,
            None => return format!("phase {index}"),
        },
    };
    let title = phase_title(phase).to_lowercase();
    let length = duration::format(phase.duration);
    let Some(stretch) = routine.stretches.get(phase.stretch) else {
        return format!("{title} ({length})");
    };
    let side = side_label(routine, phase);
    let rep = rep_label(routine, phase);
    let details: Vec<String> = match phase.kind {
        PhaseKind::Hold => [Some(one_line(&stretch.name)), side.clone(), rep]
            .into_iter()
            .flatten()
            .collect(),
        PhaseKind::Switch => match side {
            Some(side) => vec![format!("{side} next")],
            None => rep.into_iter().collect(),
        },
        PhaseKind::LeadIn | PhaseKind::Rest => {
            let what = [Some(one_line(&stretch.name)), side];
            let what = what.into_iter().flatten().collect::<Vec<_>>().join(", ");
            let how = one_line(&stretch.how);
            vec![if how.is_empty() {
                what
            } else {
                format!("{what}. {how}")
            }]
        }
    };
    if details.is_empty() {
        format!("{title} ({length})")
    } else {
        format!("{title} ({length}): {}", details.join(", "))
    }
}

/// Text that may span several lines (a `how`), as one line with single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests;
