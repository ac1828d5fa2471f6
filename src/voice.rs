//! Speaking cues aloud through an external speech program, without ever delaying the timer.

pub struct Voice {}

impl Voice {
    /// `$STRETCH_VOICE_COMMAND`, else the first of spd-say, espeak-ng, espeak, say on PATH.
    pub fn find() -> anyhow::Result<Voice> {
        todo!()
    }

    /// Start speaking `text` and return at once. The text is one argument, never shell input.
    pub fn say(&mut self, text: &str) {
        let _ = text;
        todo!()
    }
}
