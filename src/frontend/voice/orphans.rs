//! The processes a speech program or a player leaves behind when they leave its process
//! group (a child that calls `setsid` or `setpgid`): signalling the group does not reach
//! them. On Linux, the program is made a child subreaper (`PR_SET_CHILD_SUBREAPER`), so
//! that such orphans become its children rather than init's; when the run is over, every
//! child left is one of them, and each is ended and reaped.

use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;

use crate::fs::{self, Expect};

/// How long ending the orphans may take in all: a process that a kill does not end at
/// once (one stuck in the kernel) is not waited for longer.
const PATIENCE: Duration = Duration::from_secs(1);

/// While it lives, orphaned descendants come back to this process; when it goes, every
/// child of this process is killed and reaped. Made before the programs that might leave
/// orphans start, and dropped after the last of them has been reaped.
#[derive(Debug)]
pub struct Reaper {
    adopting: bool,
}

impl Reaper {
    /// Make this process a child subreaper, where the system has them (Linux).
    pub fn adopt() -> Reaper {
        Reaper {
            adopting: become_subreaper(),
        }
    }
}

#[cfg(target_os = "linux")]
fn become_subreaper() -> bool {
    nix::sys::prctl::set_child_subreaper(true).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn become_subreaper() -> bool {
    false
}

impl Drop for Reaper {
    /// End every child left: the orphans that came back. Those a killed orphan leaves come
    /// back in turn, so this goes on until none is left, or for at most a second.
    fn drop(&mut self) {
        if !self.adopting {
            return;
        }
        let deadline = Instant::now() + PATIENCE;
        let me = nix::unistd::getpid();
        loop {
            let children = children_of(me);
            if children.is_empty() || Instant::now() > deadline {
                return;
            }
            for &child in &children {
                let _ = kill(child, Signal::SIGKILL);
            }
            for child in children {
                reap(child, deadline);
            }
        }
    }
}

/// Wait for `child` to end, polling, until `deadline`.
fn reap(child: Pid, deadline: Instant) {
    loop {
        match waitpid(child, Some(WaitPidFlag::WNOHANG)) {
            Ok(nix::sys::wait::WaitStatus::StillAlive) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(Errno::EINTR) => {}
            _ => return,
        }
    }
}

/// The processes whose parent is `parent`, from `/proc/PID/stat` (`PID (NAME) STATE PPID
/// ...`; the name may hold spaces and parentheses, so the fields are read after its last
/// `)`).
fn children_of(parent: Pid) -> Vec<Pid> {
    let Ok(entries) = fs::list(std::path::Path::new("/proc")) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| {
            let pid: i32 = entry.file_name()?.to_str()?.parse().ok()?;
            let stat = fs::read(&entry.join("stat"), 4096, Expect::Regular).ok()?;
            let stat = String::from_utf8_lossy(&stat);
            let (_, fields) = stat.rsplit_once(')')?;
            let ppid: i32 = fields.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == parent.as_raw()).then(|| Pid::from_raw(pid))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_children_of_a_process_are_found() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let found = children_of(nix::unistd::getpid());
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            found.contains(&Pid::from_raw(child.id() as i32)),
            "{found:?} {}",
            child.id()
        );
    }
}
