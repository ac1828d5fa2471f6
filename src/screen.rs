//! Drawing one frame of the full-screen countdown from the engine's view. No state, no input.
