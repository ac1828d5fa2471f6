//! Opening a file to read it: without blocking, its type checked on the open file, and
//! read within a bound.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use nix::fcntl::{FcntlArg, OFlag, fcntl};

use super::error::{Error, ErrorKind, FileKind};

/// What the caller reads at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A file of the program's own folders: only a regular file (or a link to one) is
    /// read; anything else is refused with [`ErrorKind::NotRegular`], never read from or
    /// waited on.
    Regular,
    /// A file the user named on the command line, read as asked: a named pipe too
    /// (`stretch validate <(cat my.toml)`), waiting for its writer. Never a directory.
    AsAsked,
}

/// `path`, opened for reading without blocking, and checked on the open file (`fstat`)
/// against what is expected, so that nothing can be swapped in between: a named pipe that
/// nobody writes to would otherwise hang the program for ever.
pub fn open(path: &Path, expect: Expect) -> Result<File, Error> {
    let flags = OFlag::O_NONBLOCK | OFlag::O_NOCTTY;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits())
        .open(path)
        .map_err(|error| Error::io("cannot open", path, error))?;
    let file_type = file
        .metadata()
        .map_err(|error| Error::io("cannot read", path, error))?
        .file_type();
    match (FileKind::of(file_type), expect) {
        (None, _) => Ok(file),
        (Some(FileKind::Directory), _) | (Some(_), Expect::Regular) => Err(Error::new(
            path,
            ErrorKind::NotRegular(FileKind::of(file_type).unwrap_or(FileKind::Other)),
        )),
        (Some(_), Expect::AsAsked) => {
            // Asked for, so waited on: reads block again, as a pipe's reader expects.
            let blocking = fcntl(file.as_raw_fd(), FcntlArg::F_GETFL)
                .map(|flags| OFlag::from_bits_truncate(flags) - OFlag::O_NONBLOCK)
                .and_then(|flags| fcntl(file.as_raw_fd(), FcntlArg::F_SETFL(flags)));
            blocking.map_err(|errno| Error::io("cannot read", path, errno.into()))?;
            Ok(file)
        }
    }
}

/// The bytes of the file at `path`, opened as [`open`] does, and read to its end if it
/// holds at most `limit` bytes; a larger one is [`ErrorKind::TooBig`], and no more than
/// one byte past the limit is read to tell.
pub fn read(path: &Path, limit: u64, expect: Expect) -> Result<Vec<u8>, Error> {
    let file = open(path, expect)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io("cannot read", path, error))?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(path, ErrorKind::TooBig(limit)));
    }
    Ok(bytes)
}

/// [`read`], with nothing there being `None` rather than an error (a dangling link is
/// still an error: something is there).
pub fn read_if_there(path: &Path, limit: u64, expect: Expect) -> Result<Option<Vec<u8>>, Error> {
    match read(path, limit, expect) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.is_not_found() => Ok(None),
        Err(error) => Err(error),
    }
}

/// Where the symbolic link at `path` points, as it is written; `None` when `path` is no
/// link. Nothing is opened.
pub fn link_target(path: &Path) -> Option<std::path::PathBuf> {
    std::fs::read_link(path).ok()
}
