//! The front ends, the top layer of the library: the one run loop ([`session`]) and what
//! it drives. Imports [`crate::plan`] and [`crate::routine`], never the commands.

pub mod backend;
pub mod figure;
pub mod full_screen;
pub mod hooks;
pub mod input;
pub mod output;
pub mod plain;
pub mod screen;
pub mod session;
pub mod sound;
pub mod terminal;
pub mod voice;
pub mod words;
