//! The routine format, the lowest layer: it imports nothing else of the crate.
//!
//! A routine file is read ([`read`]) into the model ([`Routine`]) or into every problem
//! found, as [`diagnostic`]s; [`catalog`] finds routines by name or path.

pub mod catalog;
pub mod diagnostic;
pub mod duration;
mod model;
pub mod read;
pub mod text;

pub use model::{Cue, Level, Routine, Sides, Stretch};
