//! Drawing one frame of the full-screen countdown from the engine's view. No state, no input.
//!
//! A frame is drawn in two steps: `layout` decides from the frame's size and its
//! `text` which rows show what, by priority, so that the frame works at any size; then
//! `render` draws those parts into the terminal's buffer in the styles of the phase.
//! The countdown, the phase and the stretch come first, then the current cue and the
//! routine's reminders, the progress bar, the routine's progress and the key hints; what
//! is left makes the digits big, shows how to get into the next stretch, and last, the
//! figure of its pose. Whatever does not fit is left out rather than squeezed.

use ratatui::Frame;

pub mod digits;
mod layout;
mod render;

pub use render::KEYS;
mod text;

#[cfg(test)]
mod figures;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod snapshots;
#[cfg(test)]
mod tests;

use crate::figure::Figure;
use crate::plan::engine::View;
use crate::plan::timeline::Side;
use crate::routine::{Routine, pose};
use render::Look;
use text::FrameText;

pub use text::wrap;

/// What stays the same from one frame to the next.
pub struct Screen<'a> {
    /// The routine being run, whose words the frame shows.
    pub routine: &'a Routine,
    /// The `?` overlay listing the keys.
    pub help_visible: bool,
    /// False when the user asked for no colour (`--color never`, `NO_COLOR`).
    pub colour: bool,
    /// Whether the figure of the pose is shown where there is room (`--no-figures` and
    /// `figures = false` turn it off).
    pub figures: bool,
}

impl Screen<'_> {
    /// Draws `view` over the whole of `frame`, with the keys overlay when it is shown.
    pub fn draw(&self, frame: &mut Frame, view: &View) {
        let area = frame.area();
        if area.is_empty() {
            return;
        }
        let text = FrameText::new(self.routine, view);
        let look = Look {
            colour: self.colour,
            kind: view.phase.kind,
            paused: view.paused,
        };
        let figure = self.figure(view);
        let buf = frame.buffer_mut();
        let parts = layout::lay_out(area, &text, figure.as_ref());
        render::render(buf, &parts, &look, figure.as_ref());
        if self.help_visible {
            render::help(buf, area, &look);
        }
    }

    /// The figure of the stretch that `view` shows, mirrored for its right side.
    fn figure(&self, view: &View) -> Option<Figure> {
        if !self.figures {
            return None;
        }
        let stretch = self.routine.stretches.get(view.phase.stretch)?;
        let figure = Figure::of(pose::find(stretch.figure.as_deref()?)?);
        Some(match view.phase.side {
            Some(Side::Right) => figure.mirrored(),
            Some(Side::Left) | None => figure,
        })
    }
}
