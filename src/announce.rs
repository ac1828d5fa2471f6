//! The words for what happens during a run, shared by every front end: the plain
//! front end's lines and the voice's sentences.

use crate::engine::Event;
use crate::routine::Routine;
use crate::timeline::Timeline;

/// What the voice says for `event`, if anything: the stretch name and side when a
/// hold starts, "switch sides", "next: NAME", and each cue.
pub fn spoken(routine: &Routine, timeline: &Timeline, event: &Event) -> Option<String> {
    let _ = (routine, timeline, event);
    todo!()
}
