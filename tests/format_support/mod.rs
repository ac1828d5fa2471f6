//! Shared by the routine-format tests: runs the real `stretch` binary in a hermetic
//! environment (its own HOME and XDG_CONFIG_HOME, no colour) and reads fixture files.

// Each test crate uses a different part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            // A run killed by a signal (a stack overflow aborts) has no code: never a pass.
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Fails the test, showing everything, unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code {} instead of {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// Fails the test if the binary panicked or crashed.
    pub fn expect_no_crash(&self, what: &str) -> &Run {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("has overflowed its stack"),
            "{what} crashed:\n{}",
            self.stderr
        );
        assert!(
            (0..=2).contains(&self.code),
            "{what} ended with {}:\n{}",
            self.code,
            self.stderr
        );
        self
    }
}

/// A home and config folder of its own, so that nothing on the machine leaks in.
pub struct Env {
    root: TempDir,
}

impl Env {
    pub fn new() -> Env {
        let root = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(root.path().join("home")).expect("home dir");
        fs::create_dir_all(root.path().join("config")).expect("config dir");
        Env { root }
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    pub fn config_home(&self) -> PathBuf {
        self.root.path().join("config")
    }

    /// `$XDG_CONFIG_HOME/stretch/routines`, created.
    pub fn user_folder(&self) -> PathBuf {
        let folder = self.config_home().join("stretch").join("routines");
        fs::create_dir_all(&folder).expect("user routine folder");
        folder
    }

    /// Writes `NAME.toml` into the user's routine folder and returns its path.
    pub fn add_user_routine(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.user_folder().join(format!("{name}.toml"));
        fs::write(&path, contents).expect("write user routine");
        path
    }

    /// A scratch folder for files made by a test (not the user's routine folder).
    pub fn scratch(&self) -> PathBuf {
        let folder = self.root.path().join("scratch");
        fs::create_dir_all(&folder).expect("scratch dir");
        folder
    }

    pub fn command(&self) -> Command {
        Command::from_std(self.std_command())
    }

    /// The same, as a plain `std::process::Command`, for control of its pipes.
    pub fn std_command(&self) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("stretch"));
        command
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            .env("TERM", "dumb")
            .current_dir(self.root.path());
        command
    }

    /// Runs `stretch ARGS` from `dir`, so that relative paths in diagnostics are short.
    pub fn run_in(&self, dir: &Path, args: &[&str]) -> Run {
        let output = self
            .command()
            .current_dir(dir)
            .args(args)
            .output()
            .expect("run stretch");
        Run::from(output)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(self.root.path(), args)
    }
}

pub fn fixtures_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("format")
        .join(kind)
}

pub fn fixture(kind: &str, name: &str) -> PathBuf {
    let path = fixtures_dir(kind).join(name);
    assert!(path.is_file(), "missing fixture {}", path.display());
    path
}

pub fn fixture_bytes(kind: &str, name: &str) -> Vec<u8> {
    fs::read(fixture(kind, name)).expect("read fixture")
}

/// Every fixture file name of one kind (`valid` or `invalid`), sorted.
pub fn fixture_names(kind: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir(kind))
        .expect("fixture dir")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .into_string()
                .expect("name")
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

/// The ` --> FILE:LINE:COLUMN` lines of a text report, in order.
pub fn locations(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(str::to_string)
        .collect()
}

/// The `error: ...` headlines of a text report, in order.
pub fn headlines(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .map(str::to_string)
        .collect()
}
