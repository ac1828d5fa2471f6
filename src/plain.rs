//! The plain front end: one line per phase and per cue, each stamped with the time since
//! the start and flushed at once. No escape sequences, so it suits logs, slow links and
//! screen readers.

pub fn run(
    routine: &crate::routine::Routine,
    timeline: &crate::timeline::Timeline,
    options: &mut crate::run::RunOptions,
    inputs: &std::sync::mpsc::Receiver<crate::input::Input>,
    out: &mut dyn std::io::Write,
    newline: &str,
) -> anyhow::Result<crate::run::Outcome> {
    let _ = (routine, timeline, options, inputs, out, newline);
    todo!()
}
