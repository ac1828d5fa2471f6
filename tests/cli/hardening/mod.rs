//! The promises hostile reviews tested, one file each. Issue 13: a hostile file's problems
//! cost bounded memory and output, the routine folder has no check-then-open race, a run
//! can be suspended and resumed, every terminating signal restores the terminal, no speech
//! process outlives a run, and command-line values never reach the terminal raw. Issue 17:
//! no nesting depth crashes the program (`nesting`), every file is opened one safe way
//! (`files`), nothing reaches standard output unsanitised (`sink`), a file on one line
//! costs bounded memory (`one_line`), helpers that leave their process group are ended
//! (`voice_orphans`), and the smaller holes (`small_holes`). (The history's lock:
//! `history::lock`; completion: `shell::completions`.)

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
