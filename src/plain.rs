//! The plain front end: one line per phase and per cue, each stamped with the time since
//! the start and flushed at once. No escape sequences, so it suits logs, slow links and
//! screen readers.
