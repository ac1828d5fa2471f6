//! The promises a hostile review tested (issue 13), one file each: a hostile file's
//! problems cost bounded memory and output, the routine folder has no check-then-open
//! race, a run can be suspended and resumed, every terminating signal restores the
//! terminal, no speech process outlives a run, and command-line values never reach the
//! terminal raw.

mod command_line;
mod files;
mod folder;
mod hostile_files;
mod nesting;
mod one_line;
mod signals;
mod sink;
mod small_holes;
mod suspend;
mod voice_orphans;
