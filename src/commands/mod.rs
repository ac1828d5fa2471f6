//! The commands, one file each, on top of the library's layers.

pub mod list;
pub mod run;
pub mod show;
pub mod validate;
