//! How much the voice says: `--voice=phases`, `--voice=cues` (the default) or `--voice=all`.

/// How much the voice says, from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum VoiceLevel {
    /// The phase changes only: each stretch and side, "switch sides", "next: NAME", the end.
    Phases,
    /// The phase changes and each stretch's own cues.
    Cues,
    /// Also the routine's reminders, which the screen shows through every hold, and how to
    /// get into each stretch while getting ready for it.
    All,
}

impl VoiceLevel {
    /// Every level, in the order offered.
    pub const ALL: [VoiceLevel; 3] = [VoiceLevel::Phases, VoiceLevel::Cues, VoiceLevel::All];

    /// What a bare `--voice` means.
    pub const DEFAULT: VoiceLevel = VoiceLevel::Cues;

    /// The level's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceLevel::Phases => "phases",
            VoiceLevel::Cues => "cues",
            VoiceLevel::All => "all",
        }
    }
}
