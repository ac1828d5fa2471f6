//! The one run loop, and what a run ends with.

use crate::frontend::input::Signal;
use crate::frontend::voice::Voice;
use crate::plan::engine::Summary;

pub struct RunOptions {
    pub bell: bool,
    pub voice: Option<Voice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Finished,
    Quit,
    Signal(Signal),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub ending: Ending,
    pub summary: Summary,
}
