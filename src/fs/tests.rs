use std::os::unix::fs::symlink;

use nix::sys::stat::Mode;
use nix::unistd::mkfifo;

use super::*;

fn kind(result: Result<Vec<u8>, Error>) -> String {
    match result {
        Ok(bytes) => format!("{} bytes", bytes.len()),
        Err(error) => format!("{:?}", error.kind()),
    }
}

#[test]
fn only_a_regular_file_is_read_from_the_programs_folders_and_nothing_waits() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    mkfifo(&pipe, Mode::S_IRWXU).unwrap();
    let zero = dir.path().join("zero");
    symlink("/dev/zero", &zero).unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "abc").unwrap();
    let dangling = dir.path().join("dangling");
    symlink(dir.path().join("nothing"), &dangling).unwrap();

    assert_eq!(kind(read(&file, 3, Expect::Regular)), "3 bytes");
    assert_eq!(kind(read(&file, 2, Expect::Regular)), "TooBig(2)");
    assert_eq!(
        kind(read(&pipe, 10, Expect::Regular)),
        "NotRegular(NamedPipe)"
    );
    assert_eq!(kind(read(&zero, 10, Expect::Regular)), "NotRegular(Device)");
    assert_eq!(
        kind(read(dir.path(), 10, Expect::AsAsked)),
        "NotRegular(Directory)"
    );
    assert_eq!(kind(read(&dangling, 10, Expect::Regular)), "DanglingLink");
    assert_eq!(
        kind(read(&dir.path().join("nothing"), 10, Expect::Regular)),
        "NotFound"
    );
    // A device named on the command line is read as asked, within the bound.
    assert_eq!(kind(read(&zero, 10, Expect::AsAsked)), "TooBig(10)");
    assert!(
        read_if_there(&dir.path().join("nothing"), 1, Expect::Regular)
            .unwrap()
            .is_none()
    );
    let error = read(&pipe, 10, Expect::Regular).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: a named pipe, not a regular file", pipe.display())
    );
}

#[test]
fn a_new_file_is_never_written_through_what_is_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let planted = dir.path().join("folder").join("new.toml");
    std::fs::create_dir(planted.parent().unwrap()).unwrap();
    symlink(&victim, &planted).unwrap();
    let error = create_new(&planted, b"new").unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::AlreadyExists), "{error}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");

    let fresh = dir.path().join("made").join("deeper").join("new.toml");
    create_new(&fresh, b"new").unwrap();
    assert_eq!(std::fs::read(&fresh).unwrap(), b"new");
}

#[test]
fn a_file_replaced_whole_replaces_a_planted_link_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let path = dir.path().join("schema.json");
    symlink(&victim, &path).unwrap();
    write_atomic(&path, b"{}").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    assert_eq!(std::fs::read(&path).unwrap(), b"{}");
    assert!(!std::fs::symlink_metadata(&path).unwrap().is_symlink());
    write_atomic(&path, b"[]").unwrap();
    let mut names: Vec<String> = list(dir.path())
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["schema.json", "victim"]);
}

#[test]
fn appending_refuses_a_named_pipe_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("history.jsonl");
    mkfifo(&pipe, Mode::S_IRWXU).unwrap();
    let error = open_append(&pipe).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::NotRegular(FileKind::NamedPipe)),
        "{error:?}"
    );
    let made = dir.path().join("new").join("history.jsonl");
    open_append(&made).unwrap();
    assert!(made.is_file());
}
