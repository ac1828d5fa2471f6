//! The routine format, the lowest layer: it imports nothing else of the crate.
//!
//! A routine file is read ([`read`]) into the model ([`Routine`]) or into every problem
//! found, as [`diagnostic`]s; [`catalog`] finds routines by name or path. Every bound the
//! format puts on a value is in [`limits`]. The figures file, beside the built-in routines,
//! is read the same way into the [`pose`]s of the figures that stretches name.

pub mod catalog;
pub mod diagnostic;
pub mod duration;
pub mod library;
pub mod limits;
mod model;
pub mod pose;
pub mod problems;
pub mod read;
pub mod schema;
pub mod suggest;
pub mod text;

pub use model::{Cue, Level, Routine, Sides, Stretch, named};
