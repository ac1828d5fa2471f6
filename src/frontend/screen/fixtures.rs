//! The sample routine and the helpers that the screen's tests and snapshots share.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::time::Duration;

use super::Screen;
use super::digits::{self, Size};
use crate::plan::engine::View;
use crate::plan::timeline::{PhaseKind, Timeline};
use crate::routine::{Cue, Level, Routine, Sides, Stretch};

/// One of the sample routine's reminders.
pub const BOUNCE: &str = "Don't bounce: bouncing makes the muscle tighten, not relax.";
/// The other of the sample routine's reminders.
pub const GENTLE: &str = "Hold at a comfortable, pain-free level where you feel a stretch.";

/// `seconds` as a duration.
pub fn secs(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

/// A stretch of the sample routine, held 30 seconds.
pub fn stretch(id: &str, name: &str, how: &str, sides: Sides, reps: u32, cues: &[&str]) -> Stretch {
    Stretch {
        figure: None,
        id: id.to_owned(),
        name: name.to_owned(),
        level: None,
        how: how.to_owned(),
        hold: secs(30),
        sides,
        side_label: "leg".to_owned(),
        reps,
        cues: cues
            .iter()
            .map(|cue| Cue::Rotating((*cue).to_owned()))
            .collect(),
    }
}

/// The sample routine: a stretch on each side, then one done twice; two reminders.
pub fn routine() -> Routine {
    Routine {
        name: "Hamstrings".to_owned(),
        description: String::new(),
        level: Level::All,
        hold: secs(30),
        rest: secs(10),
        switch: secs(5),
        lead_in: secs(5),
        cues: vec![BOUNCE.to_owned(), GENTLE.to_owned()],
        stretches: vec![
            stretch(
                "lying-strap",
                "Lying strap stretch",
                "Lie on your back and loop a strap around one foot.",
                Sides::Both,
                1,
                &["Keep the other leg flat on the floor."],
            ),
            stretch(
                "toe-touch",
                "Toe touch",
                "Stand with your feet hip-width apart.\nLean forward at the hips.",
                Sides::None,
                2,
                &[],
            ),
        ],
    }
}

/// The view of phase `index` with `left` of it to go.
pub fn view<'a>(
    timeline: &'a Timeline,
    index: usize,
    left: Duration,
    cue: Option<&'a str>,
) -> View<'a> {
    let phase = &timeline.phases[index];
    View {
        index,
        phase,
        phase_duration: phase.duration,
        elapsed: phase.duration - left,
        remaining: left,
        cue,
        paused: false,
        finished: false,
        routine_remaining: timeline.total - (phase.start + phase.duration) + left,
    }
}

/// The first phase of `kind`.
pub fn index_of(timeline: &Timeline, kind: PhaseKind) -> usize {
    timeline
        .phases
        .iter()
        .position(|phase| phase.kind == kind)
        .expect("phase kind in timeline")
}

/// `screen` drawn showing `view` on a terminal of `width` by `height`.
pub fn render(screen: &Screen, view: &View, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| screen.draw(frame, view))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen for `routine`, in colour, without the keys overlay.
pub fn screen(routine: &Routine) -> Screen<'_> {
    Screen {
        routine,
        help_visible: false,
        colour: true,
        figures: true,
    }
}

/// The text of each row of `buf`.
pub fn rows(buf: &Buffer) -> Vec<String> {
    cells(buf).iter().map(|row| row.concat()).collect()
}

/// The text of `buf`, a line a row.
pub fn text(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// Each cell's symbol, row by row.
pub fn cells(buf: &Buffer) -> Vec<Vec<String>> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

/// Where the big digits of `countdown` drawn at `size` appear in `buf`, if they do.
pub fn find_big_digits(buf: &Buffer, countdown: &str, size: Size) -> Option<(u16, u16)> {
    let (x, y) = digits::find(&cells(buf), countdown, size)?;
    Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?))
}
