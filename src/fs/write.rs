//! Writing files: a new one created exclusively, one replaced whole through a temporary
//! file, or one appended to; and the entries of a folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::fcntl::OFlag;

use super::error::{Error, ErrorKind, FileKind};

/// Make `path`'s folder, and the folders above it, if they are not there.
fn make_folder(path: &Path) -> Result<(), Error> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => fs::create_dir_all(folder)
            .map_err(|error| Error::io("cannot make the folder", folder, error)),
        _ => Ok(()),
    }
}

/// Write `bytes` to a new file at `path`, making its folder if needed. Whatever is there
/// already, a symbolic link included, is left alone: [`ErrorKind::AlreadyExists`]. The
/// check is the creation itself (`O_EXCL`), so nothing can appear in between.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    make_folder(path)?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| Error::io("cannot write", path, error))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|error| Error::io("cannot write", path, error))
}

/// Replace the file at `path` with one holding `bytes`, making its folder if needed. The
/// bytes go to a temporary file beside it, with an unpredictable name and created
/// exclusively (so a link planted there cannot redirect them), then renamed over `path`:
/// a reader sees the old file or the new one, never half of one, and a link at `path` is
/// replaced rather than followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    make_folder(path)?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|name| name.to_string_lossy());
    let prefix = format!(".{}.", name.as_deref().unwrap_or("stretch"));
    let mut temporary = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        // As any new file: what the umask leaves of read and write for everyone.
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(folder)
        .map_err(|error| Error::io("cannot write in", folder, error))?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|error| Error::io("cannot write", temporary.path(), error))?;
    temporary
        .persist(path)
        .map(drop)
        .map_err(|failed| Error::io("cannot write", path, failed.error))
}

/// The regular file at `path` opened for reading and appending, made (with its folder)
/// if it is not there. Opened without blocking and checked on the open file, as
/// [`open`](super::open) does: a named pipe there is refused, never waited on.
pub fn open_append(path: &Path) -> Result<File, Error> {
    make_folder(path)?;
    let flags = OFlag::O_NONBLOCK | OFlag::O_NOCTTY;
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .custom_flags(flags.bits())
        .open(path)
        .map_err(|error| Error::io("cannot open", path, error))?;
    let file_type = file
        .metadata()
        .map_err(|error| Error::io("cannot open", path, error))?
        .file_type();
    match FileKind::of(file_type) {
        None => Ok(file),
        Some(kind) => Err(Error::new(path, ErrorKind::NotRegular(kind))),
    }
}

/// The paths of the entries of `folder`, in no order; nothing is opened but the folder.
pub fn list(folder: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries =
        fs::read_dir(folder).map_err(|error| Error::io("cannot read the folder", folder, error))?;
    Ok(entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect())
}
