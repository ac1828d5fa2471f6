//! The file system, the lowest layer: where the program's folders are ([`folders`]), and
//! every file it opens, opened one safe way.
//!
//! - Reading ([`read`], [`open`]): opened without blocking (`O_NONBLOCK`), so that a named
//!   pipe nobody writes to never hangs the program; the type checked on the open file
//!   (`fstat`), so that nothing can be swapped in between a check and the open; and read
//!   within a size bound, never trusting what the file says of its size.
//! - Writing: a new file created exclusively ([`create_new`]), so that nothing already
//!   there (a file, a symbolic link planted there) is followed or replaced; or a file
//!   replaced whole ([`write_atomic`]) through a temporary file with an unpredictable name,
//!   created exclusively beside it and renamed over it, so that a reader never sees half of
//!   one and a link planted at the temporary name cannot redirect the write.
//! - Appending ([`open_append`]): a regular file opened for appending, for the history.
//!
//! A failure is an [`Error`] that names the file, with an [`ErrorKind`] for callers that
//! branch on it (a missing file is often no failure at all). Nothing here imports any other
//! module of the crate.

mod error;
pub mod folders;
mod read;
mod write;

pub use error::{Error, ErrorKind, FileKind};
pub use folders::NoHome;
pub use read::{Expect, link_target, open, read, read_if_there};
pub use write::{create_new, list, open_append, write_atomic};

#[cfg(test)]
mod tests;
