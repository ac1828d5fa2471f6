//! How the binary fits the shell: the examples its help ends with, and the candidates its
//! completion scripts offer (routine names, `.toml` paths, stretch ids). The scripts
//! themselves and the man page are commands (`commands/completions.rs`, `commands/man.rs`),
//! since they are made from the whole command line.

pub mod candidates;
pub mod examples;
