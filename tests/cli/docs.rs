//! The docs say only what is true. Every fenced block of `README.md` and `docs/*.md` whose
//! info string asks for it is run against the real binary:
//!
//! - ` ```console `: each `$ ` line runs through bash (going on over lines that start with
//!   `> `), and the lines after it are exactly what it prints (standard output and error
//!   together, trailing spaces aside);
//! - ` ```sh ` and ` ```bash `: the block runs with `bash -e` and exits 0;
//! - ` ```toml routine `: `stretch validate` accepts the file;
//! - ` ```toml config `: `stretch config` reads the file without a warning;
//! - ` ```text screen ` in the README: the screen is the snapshot of the full screen.
//!
//! And every link to a file of the repository leads to a file that is there.
//!
//! Every block runs in a sandbox of its own: an empty home (shown as `~`), no XDG
//! folders, no logind session, nothing of the machine's environment, the clock set to Thursday
//! 2026-12-03 09:00 UTC and runs sped up a thousand times. `docs/CONTRIBUTING.md` says
//! how to write a block that passes.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Env, STRETCH, test_hooks};

/// The moment every example happens at (`STRETCH_TEST_NOW`).
const NOW: &str = "2026-12-03T09:00:00+00:00[UTC]";

/// The screen of the README: the full screen at 80×24, a hold with its figure.
const SCREEN: &str = "src/frontend/screen/snapshots/stretch_timer__frontend__screen__figures__figure_hold_80x24.snap";

/// The README's most lines: it is for users; the rest lives in `docs/`.
const README_LINES: usize = 250;

/// One fenced block of a document.
struct Block {
    /// `README.md:12`, where the block starts.
    place: String,
    /// The info string's words: `["toml", "routine"]`.
    info: Vec<String>,
    body: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `README.md` and every file of `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut documents: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("the docs folder")
        .map(|entry| entry.expect("an entry of docs/").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    documents.sort();
    documents.insert(0, root().join("README.md"));
    documents
}

/// The fenced blocks of the document at `path`.
fn blocks(path: &Path) -> Vec<Block> {
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    let text = fs::read_to_string(path).expect("a document");
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (number, line) in text.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut open, fence) {
            (None, Some(info)) => {
                open = Some(Block {
                    place: format!("{name}:{}", number + 1),
                    info: info.split_whitespace().map(str::to_owned).collect(),
                    body: String::new(),
                })
            }
            (Some(_), Some(_)) => blocks.extend(open.take()),
            (Some(block), None) => {
                block.body.push_str(line);
                block.body.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "{name}: a block is never closed");
    blocks
}

/// Every block of every document whose info string is `info`.
fn blocks_of(info: &[&str]) -> Vec<Block> {
    documents()
        .iter()
        .flat_map(|path| blocks(path))
        .filter(|block| block.info == info)
        .collect()
}

/// A bash running `script` in `env`'s home, with nothing of this machine's environment
/// but a `PATH` that finds `stretch` first.
fn bash(env: &Env, flags: &str, script: &str) -> crate::support::Outcome {
    let binary = Path::new(STRETCH).parent().expect("the binary's folder");
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", binary.display());
    let mut run = env
        .stretch()
        .program("bash")
        .args([flags, script])
        .env_clear()
        .current_dir(env.home())
        .env("PATH", path)
        .env("TZ", "UTC")
        .env("LANG", "C.UTF-8")
        .env("STRETCH_TEST_NOW", NOW)
        .env("STRETCH_TEST_SPEED", "1000")
        // A session logind does not know: whoever runs the tests, at their desk or not,
        // `due --every` takes the user to be there.
        .env("XDG_SESSION_ID", "no-such-session");
    for key in [
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
        "NO_COLOR",
    ] {
        run = run.env_remove(key);
    }
    run.run()
}

/// `text` with the home written `~` and each line's trailing spaces gone.
fn tidy(text: &str, home: &Path) -> String {
    let text = text.replace(&home.display().to_string(), "~");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_owned()
}

/// The commands of a console block, each with the output it shows.
fn examples(body: &str) -> Vec<(String, String)> {
    let mut examples: Vec<(String, String)> = Vec::new();
    for line in body.lines() {
        // A command goes on over lines that start with `> `, as bash prompts for them.
        if let (Some(more), Some((command, output))) =
            (line.strip_prefix("> "), examples.last_mut())
            && output.is_empty()
        {
            command.push('\n');
            command.push_str(more);
            continue;
        }
        match (line.strip_prefix("$ "), examples.last_mut()) {
            (Some(command), _) => examples.push((command.to_owned(), String::new())),
            (None, Some((_, output))) => {
                output.push_str(line);
                output.push('\n');
            }
            (None, None) => panic!("a console block starts with output, not `$ `: {line}"),
        }
    }
    examples
}

/// Fails with every problem found, not just the first.
fn report(problems: Vec<String>) {
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_console_example_prints_what_the_docs_show() {
    if !test_hooks("every_console_example_prints_what_the_docs_show") {
        return;
    }
    let blocks = blocks_of(&["console"]);
    assert!(blocks.len() >= 10, "only {} console blocks", blocks.len());
    let mut problems = Vec::new();
    for block in blocks {
        let env = Env::new();
        for (command, shown) in examples(&block.body) {
            let outcome = bash(&env, "-c", &format!("{{ {command}\n}} 2>&1"));
            let printed = tidy(&outcome.stdout, &env.home());
            let shown = tidy(&shown, &env.home());
            if printed != shown {
                problems.push(format!(
                    "{}: `{command}` printed\n{printed}\n--- instead of\n{shown}",
                    block.place
                ));
            }
        }
    }
    report(problems);
}

#[test]
fn every_shell_example_runs() {
    if !test_hooks("every_shell_example_runs") {
        return;
    }
    let blocks: Vec<Block> = [&["sh"][..], &["bash"][..]]
        .iter()
        .flat_map(|info| blocks_of(info))
        .collect();
    assert!(!blocks.is_empty(), "no shell blocks");
    let mut problems = Vec::new();
    for block in blocks {
        let env = Env::new();
        let outcome = bash(&env, "-ec", &block.body);
        if outcome.code != 0 {
            problems.push(format!(
                "{}: exit {}\n{}\n{}",
                block.place, outcome.code, outcome.stdout, outcome.stderr
            ));
        }
    }
    report(problems);
}

#[test]
fn every_routine_example_is_valid() {
    let blocks = blocks_of(&["toml", "routine"]);
    assert!(!blocks.is_empty(), "no routine blocks");
    let mut problems = Vec::new();
    for block in blocks {
        let env = Env::new();
        let file = env.scratch().join("example.toml");
        fs::write(&file, &block.body).expect("the example");
        let outcome = env.stretch().arg("validate").arg(&file).run();
        if outcome.code != 0 {
            problems.push(format!("{}:\n{}", block.place, outcome.stderr));
        }
    }
    report(problems);
}

#[test]
fn every_config_example_is_read_without_a_warning() {
    let blocks = blocks_of(&["toml", "config"]);
    assert!(!blocks.is_empty(), "no config blocks");
    let mut problems = Vec::new();
    for block in blocks {
        let env = Env::new();
        let file = env.config_home().join("stretch").join("config.toml");
        fs::create_dir_all(file.parent().expect("a folder")).expect("the config folder");
        fs::write(&file, &block.body).expect("the example");
        let outcome = env.stretch().arg("config").run();
        if outcome.code != 0 || !outcome.stderr.is_empty() {
            problems.push(format!(
                "{}: exit {}\n{}",
                block.place, outcome.code, outcome.stderr
            ));
        }
    }
    report(problems);
}

#[test]
fn the_readme_shows_the_real_screen() {
    let screens: Vec<Block> = blocks(&root().join("README.md"))
        .into_iter()
        .filter(|block| block.info == ["text", "screen"])
        .collect();
    assert_eq!(screens.len(), 1, "the README shows one screen");
    let snapshot = fs::read_to_string(root().join(SCREEN)).expect("the snapshot");
    let (_, frame) = snapshot
        .split_once("\n---\n")
        .expect("a snapshot's header ends with ---");
    let frame: Vec<&str> = frame
        .lines()
        .map(|line| line.strip_suffix('|').unwrap_or(line).trim_end())
        .collect();
    let shown: Vec<&str> = screens[0].body.lines().map(str::trim_end).collect();
    assert_eq!(
        shown, frame,
        "{}: not the screen of {SCREEN}",
        screens[0].place
    );
}

#[test]
fn the_readme_is_short() {
    let text = fs::read_to_string(root().join("README.md")).expect("the README");
    let lines = text.lines().count();
    assert!(lines <= README_LINES, "README.md has {lines} lines");
}

#[test]
fn the_readme_routines_are_as_listed() {
    // `| `desk` | 8 | 4m 23s | beginner | ...`: the name, stretches, time and level.
    let text = fs::read_to_string(root().join("README.md")).expect("the README");
    let shown: Vec<Vec<String>> = text
        .lines()
        .filter(|line| line.starts_with("| `") && !line.starts_with("| `stretch "))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            assert!(cells.len() > 4, "a routine's row has five cells: {line}");
            let name = cells[1].split('`').nth(1).unwrap_or_default();
            [name, cells[2], cells[3], cells[4]]
                .map(str::to_owned)
                .to_vec()
        })
        .collect();
    let listed = Env::new().stretch().arg("list").run();
    listed.expect_code(0);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in listed.stdout.lines().skip(1) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let end = words
            .iter()
            .position(|word| *word == "built-in")
            .expect("a built-in routine");
        let time = words[3..end].join(" ");
        rows.push(
            [words[0], words[2], &time, words[1]]
                .map(str::to_owned)
                .to_vec(),
        );
    }
    assert_eq!(shown, rows, "README.md's routines against `stretch list`");
}

/// Every link of the docs to a file of the repository, `[text](path)` or
/// `[text](path#anchor)`, leads to a file that is there.
#[test]
fn every_link_to_a_file_leads_somewhere() {
    let mut problems = Vec::new();
    for path in documents() {
        let text = fs::read_to_string(&path).expect("a document");
        let folder = path.parent().unwrap_or(Path::new("."));
        let mut links = 0;
        for (number, line) in text.lines().enumerate() {
            for piece in line.split("](").skip(1) {
                let Some(target) = piece.split(')').next() else {
                    continue;
                };
                let file = target.split('#').next().unwrap_or_default();
                if file.is_empty() || file.contains("://") || file.starts_with("mailto:") {
                    continue;
                }
                links += 1;
                if !folder.join(file).exists() {
                    problems.push(format!("{}:{}: no {file}", path.display(), number + 1));
                }
            }
        }
        if path.ends_with("README.md") {
            assert!(links >= 5, "the README links its documents: {links} links");
        }
    }
    report(problems);
}
