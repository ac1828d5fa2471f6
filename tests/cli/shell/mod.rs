//! How `stretch` fits the shell, through the real binary: `--color` and the variables
//! that choose colour, the help and its examples, the completion scripts (driven in a
//! real bash) and the man page.

mod colour;
mod completions;
mod help;
mod man;
