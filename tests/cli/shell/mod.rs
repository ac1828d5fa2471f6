//! How `stretch` fits the shell, through the real binary: `--color` and the variables
//! that choose colour, the help and its examples, the completion scripts (driven in a
//! real bash), the man page, and the set-up lines of the docs in each shell for real.

mod colour;
mod completions;
mod help;
mod man;
mod setup;
