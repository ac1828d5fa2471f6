//! The plan of a run and the timing engine that follows it. Imports only [`crate::routine`].
//!
//! [`select`] picks a routine's stretches and sets its timing for a run; [`timeline`]
//! turns a routine into phases with their starts; [`engine`] is a pure state
//! machine over them, fed the time by a [`clock`] and steered by [`action`]s.

pub mod action;
pub mod clock;
pub mod engine;
pub mod select;
pub mod timeline;

#[cfg(test)]
mod properties;
