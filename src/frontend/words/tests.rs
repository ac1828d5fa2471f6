//! The words' own tests, and the sample routine the full screen's tests share.

use super::*;
use crate::routine::{Cue, Level, Sides, Stretch};
use std::time::Duration;

#[test]
fn sentences_of_one_moment_join_into_one_utterance() {
    let sentences = [
        "Seated forward bend".to_owned(),
        "Don't bounce.".to_owned(),
        "  ".to_owned(),
    ];
    assert_eq!(
        join_sentences(&sentences),
        "Seated forward bend. Don't bounce."
    );
    assert_eq!(
        join_sentences(&["Next: Toe touch".to_owned()]),
        "Next: Toe touch."
    );
    assert_eq!(join_sentences(&[]), "");
}

/// Lead-in 0-5, toe touch left 5-35, switch 35-40, right 40-70, rest 70-80,
/// downward dog rep 1 80-100, next rep 100-105, rep 2 105-125. Cue "a1" at the start
/// of each toe touch hold and "r" halfway; "r" at the start of each downward dog hold.
pub(crate) fn sample_routine() -> Routine {
    let stretch = |id: &str, name: &str, how: &str, hold, sides, reps, cues| Stretch {
        figure: None,
        id: id.to_string(),
        name: name.to_string(),
        level: None,
        how: how.to_string(),
        hold: Duration::from_secs(hold),
        sides,
        side_label: "leg".to_string(),
        reps,
        cues,
    };
    Routine {
        name: "sample".to_string(),
        description: String::new(),
        level: Level::All,
        hold: Duration::from_secs(30),
        rest: Duration::from_secs(10),
        switch: Duration::from_secs(5),
        lead_in: Duration::from_secs(5),
        cues: vec!["r".to_string()],
        stretches: vec![
            stretch(
                "toe-touch",
                "Toe touch",
                "Bend forward\n  from the hips.",
                30,
                Sides::Both,
                1,
                vec![Cue::Rotating("a1".to_string())],
            ),
            stretch("dog", "Downward dog", "", 20, Sides::None, 2, vec![]),
        ],
    }
}

fn started(index: usize) -> Event {
    Event::PhaseStarted { index }
}

fn own(text: &str) -> Event {
    Event::Cue {
        text: text.to_string(),
        kind: CueKind::Own,
    }
}

fn reminder(text: &str) -> Event {
    Event::Cue {
        text: text.to_string(),
        kind: CueKind::Reminder,
    }
}

#[test]
fn each_voice_level_says_more_than_the_one_before() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let said = |level| {
        [started(1), own("a1"), reminder("r"), Event::Finished]
            .iter()
            .filter_map(|event| spoken(&routine, &timeline, event, level))
            .collect::<Vec<_>>()
    };
    let hold = "Toe touch, left leg";
    assert_eq!(said(VoiceLevel::Phases), [hold, "routine complete"]);
    assert_eq!(said(VoiceLevel::Cues), [hold, "a1", "routine complete"]);
    assert_eq!(said(VoiceLevel::All), [hold, "a1", "r", "routine complete"]);
    assert_eq!(VoiceLevel::DEFAULT, VoiceLevel::Cues);
}

#[test]
fn all_reads_how_to_get_into_a_stretch_while_getting_ready() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let said = |index, level| spoken(&routine, &timeline, &started(index), level);
    assert_eq!(
        said(0, VoiceLevel::All).as_deref(),
        Some("get ready: Toe touch. Bend forward from the hips.")
    );
    assert_eq!(
        said(0, VoiceLevel::Cues).as_deref(),
        Some("get ready: Toe touch")
    );
    // Not at the hold, and not for a stretch that has no `how`.
    assert_eq!(
        said(1, VoiceLevel::All).as_deref(),
        Some("Toe touch, left leg")
    );
    assert_eq!(
        said(4, VoiceLevel::All).as_deref(),
        Some("next: Downward dog")
    );
    // A phase change: it cuts off what is being said, and the hold cuts it off in turn.
    let utterance = |index| utterance(&routine, &timeline, &[started(index)], VoiceLevel::All);
    assert_eq!(
        utterance(0).map(|(_, urgency)| urgency),
        Some(Urgency::Interrupt)
    );
    assert_eq!(
        utterance(1).map(|(_, urgency)| urgency),
        Some(Urgency::Interrupt)
    );
}

#[test]
fn a_side_label_names_the_side_in_every_front_end() {
    let mut routine = sample_routine();
    routine.stretches[0].side_label = "arm".to_string();
    let timeline = Timeline::new(&routine);
    assert_eq!(
        spoken(&routine, &timeline, &started(1), VoiceLevel::Cues).as_deref(),
        Some("Toe touch, left arm")
    );
    assert_eq!(
        line(&routine, &timeline, &started(2)),
        "switch sides (5s): right arm next"
    );
    assert_eq!(
        line(&routine, &timeline, &started(0)),
        "get ready (5s): Toe touch, left arm. Bend forward from the hips."
    );
    assert_eq!(
        side_label(&routine, &timeline.phases[3]).as_deref(),
        Some("right arm")
    );
}

#[test]
fn the_voice_names_the_stretch_and_side_and_says_each_change() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let said = |event: Event| spoken(&routine, &timeline, &event, VoiceLevel::All);
    assert_eq!(
        said(started(0)).as_deref(),
        Some("get ready: Toe touch. Bend forward from the hips.")
    );
    assert_eq!(said(started(1)).as_deref(), Some("Toe touch, left leg"));
    assert_eq!(said(started(2)).as_deref(), Some("switch sides"));
    assert_eq!(said(started(3)).as_deref(), Some("Toe touch, right leg"));
    assert_eq!(said(started(4)).as_deref(), Some("next: Downward dog"));
    assert_eq!(
        said(started(5)).as_deref(),
        Some("Downward dog, rep 1 of 2")
    );
    assert_eq!(said(started(6)).as_deref(), Some("next rep"));
    assert_eq!(said(started(99)), None);
    assert_eq!(said(own("Lean in")).as_deref(), Some("Lean in"));
    assert_eq!(
        said(reminder("Don't bounce")).as_deref(),
        Some("Don't bounce")
    );
    assert_eq!(said(Event::Finished).as_deref(), Some("routine complete"));
}

#[test]
fn a_hold_and_its_first_cue_are_one_utterance() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let cues = VoiceLevel::Cues;
    assert_eq!(
        utterance(&routine, &timeline, &[started(1), own("a1")], cues),
        Some(("Toe touch, left leg. a1.".to_string(), Urgency::Interrupt))
    );
    assert_eq!(utterance(&routine, &timeline, &[started(99)], cues), None);
    assert_eq!(utterance(&routine, &timeline, &[], cues), None);
    // A reminder alone says nothing below `all`.
    assert_eq!(utterance(&routine, &timeline, &[reminder("r")], cues), None);
}

#[test]
fn a_new_phase_or_the_end_cuts_off_the_voice_and_cues_wait_their_turn() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let cue = own;
    let urgency =
        |events: &[Event]| utterance(&routine, &timeline, events, VoiceLevel::All).map(|(_, u)| u);
    assert_eq!(urgency(&[cue("r")]), Some(Urgency::Queue));
    assert_eq!(urgency(&[cue("r"), cue("a1")]), Some(Urgency::Queue));
    assert_eq!(urgency(&[started(2)]), Some(Urgency::Interrupt));
    assert_eq!(urgency(&[cue("r"), started(2)]), Some(Urgency::Interrupt));
    assert_eq!(
        urgency(&[cue("r"), Event::Finished]),
        Some(Urgency::Interrupt)
    );
}

#[test]
fn titles_and_labels_for_the_full_screen() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let titles: Vec<&str> = timeline.phases.iter().map(phase_title).collect();
    assert_eq!(
        titles,
        [
            "Get ready",
            "Hold",
            "Switch sides",
            "Hold",
            "Next up",
            "Hold",
            "Next rep",
            "Hold"
        ]
    );
    assert_eq!(
        side_label(&routine, &timeline.phases[1]).as_deref(),
        Some("left leg")
    );
    assert_eq!(
        side_label(&routine, &timeline.phases[3]).as_deref(),
        Some("right leg")
    );
    assert_eq!(side_label(&routine, &timeline.phases[5]), None);
    assert_eq!(rep_label(&routine, &timeline.phases[3]), None);
    assert_eq!(
        rep_label(&routine, &timeline.phases[7]).as_deref(),
        Some("rep 2 of 2")
    );
    assert_eq!(
        stretch_progress(&routine, &timeline.phases[3]),
        "stretch 1 of 2"
    );
    assert_eq!(
        stretch_progress(&routine, &timeline.phases[4]),
        "stretch 2 of 2"
    );
}

#[test]
fn the_bell_rings_for_phases_and_the_end_but_not_for_cues() {
    assert!(rings_bell(&started(3)));
    assert!(rings_bell(&Event::Finished));
    assert!(!rings_bell(&own("x")));
    assert!(!rings_bell(&reminder("x")));
}

#[test]
fn plain_lines_say_the_phase_its_length_and_what_to_do() {
    let routine = sample_routine();
    let timeline = Timeline::new(&routine);
    let lines: Vec<String> = (0..timeline.phases.len())
        .map(|index| line(&routine, &timeline, &started(index)))
        .collect();
    assert_eq!(
        lines,
        [
            "get ready (5s): Toe touch, left leg. Bend forward from the hips.",
            "hold (30s): Toe touch, left leg",
            "switch sides (5s): right leg next",
            "hold (30s): Toe touch, right leg",
            "next up (10s): Downward dog",
            "hold (20s): Downward dog, rep 1 of 2",
            "next rep (5s): rep 2 of 2",
            "hold (20s): Downward dog, rep 2 of 2",
        ]
    );
    assert_eq!(
        line(&routine, &timeline, &own("Breathe\nout")),
        "cue: Breathe out"
    );
    assert_eq!(line(&routine, &timeline, &reminder("Don't")), "cue: Don't");
    assert_eq!(line(&routine, &timeline, &Event::Finished), "finished");
    assert_eq!(line(&routine, &timeline, &started(99)), "phase 99");
}

#[test]
fn next_up_gives_the_how_of_the_next_stretch() {
    let mut routine = sample_routine();
    routine.stretches[1].how = "Hands and feet on the floor,\thips high.".to_string();
    let timeline = Timeline::new(&routine);
    assert_eq!(
        line(&routine, &timeline, &started(4)),
        "next up (10s): Downward dog. Hands and feet on the floor, hips high."
    );
}
