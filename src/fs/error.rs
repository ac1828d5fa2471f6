//! What went wrong with a file, naming the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A file that could not be opened, read or written: which file, and why.
#[derive(Debug)]
pub struct Error {
    path: PathBuf,
    kind: ErrorKind,
    /// What was being done, for a failure of the system: "cannot write to".
    doing: Option<&'static str>,
}

/// Why a file could not be used, for callers that branch on it.
#[derive(Debug)]
pub enum ErrorKind {
    /// Nothing is there.
    NotFound,
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A loop of symbolic links.
    LinkLoop,
    /// Something other than a regular file: a directory, a named pipe, a device.
    NotRegular(FileKind),
    /// Larger than the bound it is read within, in bytes.
    TooBig(u64),
    /// Something is already there, and is not replaced.
    AlreadyExists,
    /// Any other failure of the system.
    Io(io::Error),
}

/// What a path is, when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A directory.
    Directory,
    /// A named pipe (FIFO).
    NamedPipe,
    /// A character or block device, such as `/dev/zero`.
    Device,
    /// A socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    /// The kind with its article, as a message says it: "a named pipe".
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Directory => "a directory",
            FileKind::NamedPipe => "a named pipe",
            FileKind::Device => "a device",
            FileKind::Socket => "a socket",
            FileKind::Other => "not a regular file",
        }
    }

    /// The kind of `file_type`, if it is not a regular file.
    pub(super) fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        use std::os::unix::fs::FileTypeExt;
        Some(if file_type.is_file() {
            return None;
        } else if file_type.is_dir() {
            FileKind::Directory
        } else if file_type.is_fifo() {
            FileKind::NamedPipe
        } else if file_type.is_char_device() || file_type.is_block_device() {
            FileKind::Device
        } else if file_type.is_socket() {
            FileKind::Socket
        } else {
            FileKind::Other
        })
    }
}

impl Error {
    /// The error `kind` of the file at `path`.
    pub fn new(path: &Path, kind: ErrorKind) -> Error {
        Error {
            path: path.to_owned(),
            kind,
            doing: None,
        }
    }

    /// The error of the system call that failed on `path` while `doing` something ("cannot
    /// read"), in the kinds callers branch on where it is one of them.
    pub(super) fn io(doing: &'static str, path: &Path, error: io::Error) -> Error {
        let kind = match error.kind() {
            io::ErrorKind::NotFound
                if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) =>
            {
                ErrorKind::DanglingLink
            }
            io::ErrorKind::NotFound => ErrorKind::NotFound,
            io::ErrorKind::AlreadyExists => ErrorKind::AlreadyExists,
            _ if error.raw_os_error() == Some(nix::errno::Errno::ELOOP as i32) => {
                ErrorKind::LinkLoop
            }
            // Opening a named pipe for writing without blocking, when nobody reads it.
            _ if error.raw_os_error() == Some(nix::errno::Errno::ENXIO as i32) => {
                ErrorKind::NotRegular(FileKind::NamedPipe)
            }
            _ => ErrorKind::Io(error),
        };
        Error {
            doing: matches!(kind, ErrorKind::Io(_)).then_some(doing),
            ..Error::new(path, kind)
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why it could not be used.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Whether nothing is there (a dangling link is something).
    pub fn is_not_found(&self) -> bool {
        matches!(self.kind, ErrorKind::NotFound)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotFound => write!(f, "no such file"),
            ErrorKind::DanglingLink => {
                write!(f, "a symbolic link to nothing: its target does not exist")
            }
            ErrorKind::LinkLoop => write!(f, "a loop of symbolic links"),
            ErrorKind::NotRegular(FileKind::Other) => write!(f, "not a regular file"),
            ErrorKind::NotRegular(kind) => write!(f, "{}, not a regular file", kind.as_str()),
            ErrorKind::TooBig(limit) => write!(f, "larger than {}", bytes(*limit)),
            ErrorKind::AlreadyExists => write!(f, "already there"),
            ErrorKind::Io(error) => write!(f, "{error}"),
        }
    }
}

impl fmt::Display for Error {
    /// `PATH: WHY`, the path first as a compiler names a file; `cannot read PATH: WHY`
    /// for a failure of the system.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(doing) = self.doing {
            write!(f, "{doing} ")?;
        }
        write!(f, "{}: {}", self.path.display(), self.kind)
    }
}

// The system's error is part of the message already: it is not a source to repeat.
impl std::error::Error for Error {}

/// A size as a message says it: `1 MiB`, `64 KiB`, `100 bytes`.
fn bytes(size: u64) -> String {
    match size {
        size if size >= 1 << 20 && size % (1 << 20) == 0 => format!("{} MiB", size >> 20),
        size if size >= 1 << 10 && size % (1 << 10) == 0 => format!("{} KiB", size >> 10),
        size => format!("{size} bytes"),
    }
}
