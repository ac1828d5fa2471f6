//! The full-screen front end: the event loop that ties the engine, the keys and the clock
//! to the drawing in `screen`.

pub fn run(
    routine: &crate::routine::Routine,
    timeline: &crate::timeline::Timeline,
    options: &mut crate::run::RunOptions,
    inputs: &std::sync::mpsc::Receiver<crate::input::Input>,
) -> anyhow::Result<crate::run::Outcome> {
    let _ = (routine, timeline, options, inputs);
    todo!()
}
