//! The routine folder has no check-then-open race: each entry is opened without blocking
//! and then checked on the open file, so nothing swapped in between can hang the program.
//! What is refused (a pipe, a device, a dangling link, a loop of links) is not hidden:
//! `list` shows it as invalid with the reason, and `show NAME` says what NAME.toml is.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::{fs, thread};

use crate::support::{Env, fixture_bytes};

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

#[test]
fn refused_entries_are_listed_as_invalid_with_their_reason() {
    let env = Env::new();
    let folder = env.user_folder();
    env.add_user_routine("mine", fixture_bytes("format/valid/timeline.toml"));
    mkfifo(&folder.join("pipe.toml"));
    symlink("/dev/zero", folder.join("device.toml")).unwrap();
    symlink(folder.join("nothing-here"), folder.join("dangling.toml")).unwrap();
    symlink(folder.join("loop-b.toml"), folder.join("loop-a.toml")).unwrap();
    symlink(folder.join("loop-a.toml"), folder.join("loop-b.toml")).unwrap();
    fs::create_dir(folder.join("folder.toml")).unwrap();

    let list = env.stretch().arg("list").run();
    list.expect_code(0);
    let shown = folder.display().to_string();
    let rows: Vec<String> = list
        .stdout
        .lines()
        .filter(|line| !line.contains("built-in") && !line.starts_with("NAME"))
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        rows,
        [
            format!(
                "dangling - - - yours, invalid: {shown}/dangling.toml: this is a symbolic link to nothing: its target does not exist"
            ),
            format!(
                "device - - - yours, invalid: {shown}/device.toml: this is a device, not a routine file"
            ),
            format!(
                "folder - - - yours, invalid: {shown}/folder.toml: this is a directory, not a routine file"
            ),
            format!(
                "loop-a - - - yours, invalid: {shown}/loop-a.toml: this is a loop of symbolic links, not a routine file"
            ),
            format!(
                "loop-b - - - yours, invalid: {shown}/loop-b.toml: this is a loop of symbolic links, not a routine file"
            ),
            "mine all 2 1m 49s yours".to_string(),
            format!(
                "pipe - - - yours, invalid: {shown}/pipe.toml: this is a named pipe, not a routine file"
            ),
        ],
        "{}",
        list.stdout
    );

    for (name, what) in [
        ("pipe", "this is a named pipe, not a routine file"),
        ("device", "this is a device, not a routine file"),
        (
            "dangling",
            "this is a symbolic link to nothing: its target does not exist",
        ),
    ] {
        let show = env.stretch().args(["show", name]).run();
        show.expect_code(1);
        assert!(
            show.stderr.starts_with(&format!("error: {what}\n")),
            "{name}: {}",
            show.stderr
        );
        assert!(
            show.stderr.contains(&format!("{name}.toml")),
            "{}",
            show.stderr
        );
    }
}

#[test]
fn an_entry_swapped_for_a_pipe_between_check_and_open_never_hangs() {
    // A loop renames two links over one name as fast as it can: one to a routine, one to
    // a named pipe that nobody writes to. Opening by path after checking by path would,
    // sooner or later, open the pipe and wait for a writer for ever.
    let env = Env::new();
    let folder = env.user_folder();
    let scratch = env.scratch();
    fs::write(
        scratch.join("real.toml"),
        fixture_bytes("format/valid/timeline.toml"),
    )
    .unwrap();
    mkfifo(&scratch.join("pipe"));
    let swapped = folder.join("swapped.toml");
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, scratch, swapped) = (Arc::clone(&stop), scratch.clone(), swapped.clone());
        thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                for (link, target) in [("to-real", "real.toml"), ("to-pipe", "pipe")] {
                    let link = scratch.join(link);
                    let _ = fs::remove_file(&link);
                    // Only a failed test's clean-up can make these fail: then stop.
                    if symlink(scratch.join(target), &link).is_err()
                        || fs::rename(&link, &swapped).is_err()
                    {
                        return;
                    }
                }
            }
        })
    };
    for _ in 0..30 {
        for args in [&["list"][..], &["show", "swapped"], &["validate"]] {
            // A run that hung would never be seen to end: the harness gives up after a
            // generous wait and fails the test.
            let mut run = env.stretch().args(args).pty();
            let status = run.finish();
            assert!(
                status.exit_code() <= 1,
                "{args:?}: {status:?}\n{}",
                run.contents()
            );
        }
    }
    stop.store(true, Ordering::SeqCst);
    swapper.join().unwrap();
}
