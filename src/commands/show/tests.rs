//! The streamed `show` against the code it replaced, kept here as it was: the output must
//! be the same, byte for byte, for every routine.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::*;
use stretch_timer::frontend::output::{Controls, Safe};
use stretch_timer::routine::catalog::{self, Origin};
use stretch_timer::routine::text::{terminal_safe, terminal_safe_multiline};

#[test]
fn streamed_output_is_byte_for_byte_what_was_printed_before() {
    let mut routines: Vec<Routine> = catalog::builtins()
        .into_iter()
        .map(|loaded| loaded.routine.unwrap())
        .collect();
    for folder in [
        "tests/fixtures/format/valid",
        "tests/fixtures/options",
        "tests/fixtures/plain",
        "tests/fixtures/run",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(routine) = catalog::load_path(Path::new(&path), Origin::Path).routine {
                routines.push(routine);
            }
        }
    }
    assert!(routines.len() > 15, "{}", routines.len());
    routines.push(hostile());
    routines.push(crowded());
    for routine in &routines {
        let timeline = Timeline::new(routine);
        // As the output sink writes it.
        let mut text = Safe::new(Vec::new(), Controls::None);
        write_text(&mut text, &routine.name, routine, &timeline).unwrap();
        assert_eq!(
            String::from_utf8(text.into_inner().unwrap()).unwrap(),
            old_text(routine, &timeline),
            "{}",
            routine.name
        );
        let mut json = Vec::new();
        write_json(&mut json, &routine.name, routine, &timeline).unwrap();
        let before = json::to_string(&old_json(routine, &timeline)).unwrap();
        assert_eq!(String::from_utf8(json).unwrap(), before, "{}", routine.name);
    }
}

/// Every stretch of a built-in routine on both sides, 20 reps, with 50 cues of its own
/// (some timed) and 50 of the routine's: the shape of the largest routine allowed.
fn crowded() -> Routine {
    let mut routine = catalog::builtins().remove(0).routine.unwrap();
    routine.cues = (0..50).map(|i| format!("reminder {i}")).collect();
    for stretch in &mut routine.stretches {
        stretch.sides = stretch_timer::routine::Sides::Both;
        stretch.reps = 20;
        stretch.cues = (0..50)
            .map(|i| match i % 5 {
                0 => stretch_timer::routine::Cue::Timed {
                    at: std::time::Duration::from_secs(i / 5),
                    text: format!("timed {i}"),
                },
                _ => stretch_timer::routine::Cue::Rotating(format!("cue {i}")),
            })
            .collect();
    }
    routine
}

/// A routine whose every text holds control and bidi characters, which both formats escape.
fn hostile() -> Routine {
    let mut routine = catalog::builtins().remove(0).routine.unwrap();
    let nasty = "a\u{1b}[2J\u{9b}31m\u{7f}\u{202e}\t\u{e9}";
    routine.name = format!("name {nasty}");
    routine.description = format!("line one {nasty}\nline two");
    routine.cues.push(format!("reminder {nasty}"));
    for stretch in &mut routine.stretches {
        stretch.name.push_str(nasty);
        stretch.side_label.push_str(nasty);
    }
    routine
}

#[derive(Serialize)]
struct OldShow<'a> {
    name: &'a str,
    title: &'a str,
    description: &'a str,
    level: &'static str,
    total_ms: u64,
    stretches: Vec<JsonStretch<'a>>,
    timeline: Vec<OldPhase<'a>>,
}

#[derive(Serialize)]
struct OldPhase<'a> {
    start_ms: u64,
    duration_ms: u64,
    kind: PhaseKind,
    stretch: &'a str,
    side: Option<Side>,
    /// What the side is called ("leg" in "left leg"), for a phase with a side.
    side_label: Option<&'a str>,
    rep: u32,
    cues: Vec<OldCue<'a>>,
}

#[derive(Serialize)]
struct OldCue<'a> {
    at_ms: u64,
    text: &'a str,
}

fn old_json<'a>(routine: &'a Routine, timeline: &Timeline) -> OldShow<'a> {
    OldShow {
        name: &routine.name,
        title: &routine.name,
        description: &routine.description,
        level: routine.level.as_str(),
        total_ms: duration::millis(timeline.total),
        stretches: routine.stretches.iter().map(JsonStretch::of).collect(),
        timeline: timeline
            .phases
            .iter()
            .map(|phase| OldPhase {
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
                        .map(|cue| OldCue {
                            at_ms: duration::millis(cue.at),
                            text: cue.text,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            })
            .collect(),
    }
}

fn old_text(routine: &Routine, timeline: &Timeline) -> String {
    let mut out = String::new();
    let count = routine.stretches.len();
    let _ = writeln!(
        out,
        "{} ({} stretch{}, level: {}, {} in all)",
        terminal_safe(&routine.name),
        count,
        if count == 1 { "" } else { "es" },
        routine.level.as_str(),
        duration::format(timeline.total)
    );
    if !routine.description.is_empty() {
        let _ = writeln!(out, "\n{}", terminal_safe_multiline(&routine.description));
    }
    out.push('\n');
    for phase in &timeline.phases {
        let stretch = &routine.stretches[phase.stretch];
        let name = terminal_safe(&stretch.name);
        let side = words::side_label(routine, phase)
            .map_or(String::new(), |side| format!(", {}", terminal_safe(&side)));
        let rep = words::rep_label(routine, phase).map_or(String::new(), |r| format!(", {r}"));
        let title = words::phase_title(phase).to_lowercase();
        let what = match phase.kind {
            PhaseKind::LeadIn | PhaseKind::Rest => format!("{title}: {name}"),
            PhaseKind::Hold => format!("{title}: {name}{side}{rep}"),
            PhaseKind::Switch => title,
        };
        let _ = writeln!(
            out,
            "{:>8}  {:<7} {what}",
            clock(phase.start),
            duration::format(phase.duration)
        );
        if phase.kind == PhaseKind::Hold {
            for cue in cue_schedule(routine, phase.stretch, phase.duration) {
                let _ = writeln!(
                    out,
                    "{:>8}  {:<7}   \u{2022} {}",
                    clock(phase.start + cue.at),
                    "",
                    terminal_safe(cue.text)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "{:>8}          done\n\ntotal: {}",
        clock(timeline.total),
        duration::format(timeline.total)
    );
    out
}
