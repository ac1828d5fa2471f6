//! The source tree keeps its shape: each top-level module uses only modules of its own
//! layer or below, the top-level modules use each other without a cycle, and no file
//! under `src/` is over 500 lines.
//!
//! The layers, lowest first: the library's `fs` < `routine` < `plan`, `history`, `figure`
//! and `workday` < `config` < `frontend`, then the binary's `shell` < `cli` and `error` <
//! `commands` < `main`. A file belongs to the top-level module of its first folder under
//! `src/` (`src/plan/engine/mod.rs` to `plan`) or, at the top, to its own (`src/cli.rs` to
//! `cli`); `src/lib.rs`, the root that declares the library's layers, belongs to none. A
//! reference is a path that names another top-level module:
//! `crate::plan` in the library; `stretch_timer::plan` and `crate::commands` in the
//! binary, and a `super::` path that climbs to the crate's root and on into another
//! module. A glob of the whole crate (`crate::*`) and the crate under another name
//! (`crate as`, `extern crate self as`) are refused, since they hide what is used.
//! Comments and string literals never count.

mod scan;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use scan::{Reference, hidden, references};

/// Which crate a top-level module is in: which paths name it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Crate {
    /// `stretch_timer`, `src/lib.rs`.
    Library,
    /// `stretch`, `src/main.rs`.
    Binary,
}

/// Every top-level module with its crate and its rank: a module may use modules of its
/// own rank or lower.
/// Every module of the binary ranks above every module of the library, so that the
/// binary may use any of the library's.
const LAYERS: &[(&str, Crate, u8)] = &[
    ("testing", Crate::Library, 0),
    ("fs", Crate::Library, 0),
    ("routine", Crate::Library, 1),
    ("plan", Crate::Library, 2),
    ("history", Crate::Library, 2),
    ("figure", Crate::Library, 2),
    ("workday", Crate::Library, 2),
    ("config", Crate::Library, 3),
    ("frontend", Crate::Library, 4),
    ("shell", Crate::Binary, 5),
    ("cli", Crate::Binary, 6),
    ("error", Crate::Binary, 6),
    ("commands", Crate::Binary, 7),
    ("main", Crate::Binary, 8),
];

/// The longest a file under `src/` may be.
const MAX_LINES: usize = 500;

/// One file of the tree: its path from the crate's root (`src/plan/timeline.rs`) and text.
struct Source {
    path: String,
    text: String,
}

impl Source {
    fn new(path: &str, text: &str) -> Source {
        Source {
            path: path.to_owned(),
            text: text.to_owned(),
        }
    }
}

fn layer(module: &str) -> Option<(Crate, u8)> {
    LAYERS
        .iter()
        .find(|(name, _, _)| *name == module)
        .map(|&(_, krate, rank)| (krate, rank))
}

/// The top-level module `path` belongs to; `None` for the library's root.
fn module_of(path: &str) -> Option<&str> {
    let inside = path.strip_prefix("src/").unwrap_or(path);
    match inside.split_once('/') {
        Some((folder, _)) => Some(folder),
        None if inside == "lib.rs" => None,
        None => Some(inside.strip_suffix(".rs").unwrap_or(inside)),
    }
}

/// Every file under `src/`, sorted by path.
fn source_tree() -> Vec<Source> {
    fn walk(dir: &Path, root: &Path, into: &mut Vec<Source>) {
        for entry in fs::read_dir(dir).expect("read a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(&path, root, into);
            } else {
                let bytes = fs::read(&path).expect("read a source file");
                into.push(Source {
                    path: path
                        .strip_prefix(root)
                        .expect("under the crate")
                        .to_string_lossy()
                        .into_owned(),
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                });
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    walk(&root.join("src"), root, &mut sources);
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    assert!(
        sources.iter().any(|s| s.path == "src/lib.rs"),
        "no src/lib.rs under {}",
        root.display()
    );
    sources
}

/// Every reference from one top-level module to another in `sources`, by file and line.
fn all_references(sources: &[Source]) -> Vec<Reference> {
    let mut found: Vec<Reference> = sources
        .iter()
        .filter(|source| source.path.ends_with(".rs"))
        .filter_map(|source| {
            let module = module_of(&source.path)?;
            let (krate, _) = layer(module)?;
            Some(references(&source.path, &source.text, module, krate))
        })
        .flatten()
        .filter(|reference| reference.from != reference.to)
        .collect();
    found.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    found
}

/// The Rust files that belong to a top-level module without a layer.
fn unlayered(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|source| source.path.ends_with(".rs"))
        .filter_map(|source| {
            let module = module_of(&source.path)?;
            layer(module).is_none().then(|| {
                format!(
                    "{}: the top-level module `{module}` has no layer; rank it in LAYERS in {}",
                    source.path,
                    file!()
                )
            })
        })
        .collect()
}

/// Every reference to a module of a higher rank than the referring file's own.
fn upward_references(sources: &[Source]) -> Vec<String> {
    all_references(sources)
        .into_iter()
        .filter_map(|r| {
            let (_, from) = layer(&r.from)?;
            let (_, to) = layer(&r.to)?;
            (to > from).then(|| {
                format!(
                    "{}:{}: `{}` (layer {from}) uses `{}` (layer {to}), a layer above it: {}",
                    r.file, r.line, r.from, r.to, r.code
                )
            })
        })
        .collect()
}

/// Every place that reaches the top-level modules without naming them (a glob of the
/// crate's root, the crate under another name), which the other rules could not see.
fn hidden_references(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|source| source.path.ends_with(".rs"))
        .filter_map(|source| {
            let (krate, _) = layer(module_of(&source.path)?)?;
            Some(hidden(&source.path, &source.text, krate))
        })
        .flatten()
        .collect()
}

/// Every cycle among the top-level modules, each shown with one reference per step.
fn cycles(sources: &[Source]) -> Vec<String> {
    // One reference for each edge, the first in file order.
    let mut edges: BTreeMap<(String, String), Reference> = BTreeMap::new();
    for reference in all_references(sources) {
        edges
            .entry((reference.from.clone(), reference.to.clone()))
            .or_insert(reference);
    }
    let mut found = Vec::new();
    let mut reported: Vec<Vec<String>> = Vec::new();
    for (start, _, _) in LAYERS {
        let mut path = vec![start.to_string()];
        walk_cycles(&edges, &mut path, &mut |cycle| {
            // Each cycle once, whichever of its modules it was found from.
            let mut key = cycle.to_vec();
            key.sort();
            if reported.contains(&key) {
                return;
            }
            reported.push(key);
            let steps: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(from, to)| {
                    let r = &edges[&(from.clone(), to.clone())];
                    format!("  {}:{}: {}", r.file, r.line, r.code)
                })
                .collect();
            found.push(format!(
                "a cycle: {} -> {}\n{}",
                cycle.join(" -> "),
                cycle[0],
                steps.join("\n")
            ));
        });
    }
    found
}

/// Calls `report` with every simple cycle through `path[0]` that extends `path`.
fn walk_cycles(
    edges: &BTreeMap<(String, String), Reference>,
    path: &mut Vec<String>,
    report: &mut dyn FnMut(&[String]),
) {
    let last = path.last().expect("a path").clone();
    let next: Vec<String> = edges
        .keys()
        .filter(|(from, _)| *from == last)
        .map(|(_, to)| to.clone())
        .collect();
    for to in next {
        if to == path[0] {
            report(path);
        } else if !path.contains(&to) {
            path.push(to);
            walk_cycles(edges, path, report);
            path.pop();
        }
    }
}

/// Every file over [`MAX_LINES`], with its length.
fn long_files(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter_map(|source| {
            let lines = source.text.lines().count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", source.path))
        })
        .collect()
}

/// What opens a file, or asks where the program's folders are, in code: only `fs` may.
const OPENS: &[&str] = &[
    "File::open",
    "File::create",
    "OpenOptions",
    "read_dir",
    "std::fs::read",
    "std::fs::write",
    "etcetera",
];

/// The same, in a file that names std's `fs` as `fs`.
const STD_FS_OPENS: &[&str] = &[
    "fs::read(",
    "fs::read_to_string(",
    "fs::write(",
    "fs::rename(",
];

/// Every place outside `src/fs` where code (not a test) opens a file its own way.
fn opens_outside_fs(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|source| source.path.ends_with(".rs") && !source.path.ends_with("/tests.rs"))
        .filter(|source| !source.path.starts_with("src/fs/") && !source.path.contains("/tests/"))
        .flat_map(|source| {
            // A module of unit tests comes last, after `#[cfg(test)]` (or `all(test, ...)`):
            // tests make files as they please.
            let code = scan::code_only(&source.text);
            let end = code
                .match_indices("#[cfg(")
                .map(|(at, _)| at)
                .find(|&at| {
                    let rest = &code[at + "#[cfg(".len()..];
                    let test = rest.starts_with("test)]") || rest.starts_with("all(test");
                    let after = rest
                        .find("]\n")
                        .map_or("", |close| rest[close + 1..].trim_start());
                    test && after.starts_with("mod ")
                })
                .unwrap_or(code.len());
            let code = &code[..end];
            let std_fs = code.contains("std::fs;") || code.contains("std::fs::{self");
            code.lines()
                .enumerate()
                .filter(|(_, line)| {
                    OPENS.iter().any(|open| line.contains(open))
                        || (std_fs && STD_FS_OPENS.iter().any(|open| line.contains(open)))
                })
                .map(|(index, line)| format!("{}:{}: {}", source.path, index + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Fails, listing every problem, unless there are none.
fn assert_none(problems: &[String], rule: &str) {
    assert!(
        problems.is_empty(),
        "{rule}; {} problem{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        problems.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    assert_none(
        &unlayered(&source_tree()),
        "every top-level module under src/ needs a layer",
    );
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let sources = source_tree();
    // The scan finds the references there are: the binary uses the library's top layer.
    assert!(
        all_references(&sources)
            .iter()
            .any(|r| r.from == "commands" && r.to == "frontend"),
        "no reference from commands to frontend found; is the scan blind?"
    );
    assert_none(
        &upward_references(&sources),
        "a module may use only its own layer and those below (fs < routine < plan, history, figure < config < frontend < shell < cli, error < commands < main)",
    );
}

#[test]
fn no_module_reaches_the_others_without_naming_them() {
    assert_none(
        &hidden_references(&source_tree()),
        "name each module used (`crate::plan::x`), never a glob of the crate or the crate under another name",
    );
}

#[test]
fn the_top_level_modules_use_each_other_without_a_cycle() {
    assert_none(
        &cycles(&source_tree()),
        "the top-level modules must not use each other in a cycle",
    );
}

#[test]
fn every_file_is_opened_through_fs() {
    let sources = source_tree();
    let made_up = [
        Source::new("src/plan/a.rs", "let f = File::open(p);\n"),
        Source::new("src/plan/b.rs", "use std::fs;\nlet t = fs::read(p);\n"),
        Source::new(
            "src/plan/c.rs",
            "use crate::fs;\nlet t = fs::read(p, 9, Expect::Regular);\n",
        ),
        Source::new("src/fs/read.rs", "let f = OpenOptions::new();\n"),
        Source::new(
            "src/plan/d.rs",
            "fn f() {}\n#[cfg(test)]\nmod t { fn g() { File::open(p); } }\n",
        ),
        Source::new(
            "src/plan/e.rs",
            "#[cfg(test)]\nSync,\n}\nlet f = File::create(p);\n",
        ),
    ];
    assert_eq!(
        opens_outside_fs(&made_up),
        [
            "src/plan/a.rs:1: let f = File::open(p);",
            "src/plan/b.rs:2: let t = fs::read(p);",
            "src/plan/e.rs:4: let f = File::create(p);",
        ],
        "the scan sees what it is for, and only that"
    );
    assert_none(
        &opens_outside_fs(&sources),
        "every file is opened through `src/fs` (without blocking, its type checked, read within a bound), and only `fs` asks where the folders are",
    );
}

#[test]
fn every_file_under_src_is_at_most_500_lines() {
    assert_none(
        &long_files(&source_tree()),
        &format!("a file under src/ may have at most {MAX_LINES} lines; split these by topic"),
    );
}

/// The rules themselves, on made-up trees: they catch what they are for, and say where.
mod rules {
    use super::*;

    #[test]
    fn an_upward_reference_is_named_with_its_file_line_and_code() {
        let sources = [
            Source::new(
                "src/plan/timeline.rs",
                "//! Uses crate::frontend in a comment only.\n\
                 use crate::routine::Routine;\n\
                 /// See [`crate::frontend::words`].\n\
                 use crate::frontend::words;\n\
                 use super::action;\n\
                 const NOTE: &str = \"crate::frontend\"; // crate::frontend\n\
                 /* crate::frontend */\n",
            ),
            Source::new("src/plan/mod.rs", "pub mod timeline;\n"),
        ];
        assert_eq!(
            upward_references(&sources),
            [
                "src/plan/timeline.rs:4: `plan` (layer 2) uses `frontend` (layer 4), a layer above it: use crate::frontend::words;"
            ]
        );
    }

    #[test]
    fn a_path_that_climbs_to_the_root_with_super_is_a_reference() {
        let sources = [
            Source::new(
                "src/plan/engine/mod.rs",
                "use super::timeline;\nuse super::super::frontend::words;\n\
                 mod tests {\n    use super::super::super::frontend::x;\n    use super::super::y;\n}\n",
            ),
            Source::new("src/routine/mod.rs", "use super::{plan, routine};\n"),
            Source::new(
                "src/commands/run/record.rs",
                "use super::super::super::main::x;\nuse super::super::list;\n",
            ),
        ];
        assert_eq!(
            upward_references(&sources),
            [
                "src/commands/run/record.rs:1: `commands` (layer 7) uses `main` (layer 8), a layer above it: use super::super::super::main::x;",
                "src/plan/engine/mod.rs:2: `plan` (layer 2) uses `frontend` (layer 4), a layer above it: use super::super::frontend::words;",
                "src/plan/engine/mod.rs:4: `plan` (layer 2) uses `frontend` (layer 4), a layer above it: use super::super::super::frontend::x;",
                "src/routine/mod.rs:1: `routine` (layer 1) uses `plan` (layer 2), a layer above it: use super::{plan, routine};",
            ]
        );
    }

    #[test]
    fn a_glob_of_the_crate_or_the_crate_under_another_name_is_named() {
        let sources = [
            Source::new(
                "src/plan/timeline.rs",
                "use crate::*;\nuse crate::routine::*;\n",
            ),
            Source::new(
                "src/plan/clock.rs",
                "use crate as root;\nfn f() { root::frontend::x(); }\n",
            ),
            Source::new(
                "src/plan/action.rs",
                "extern crate self as me;\nuse crate::{ * };\n",
            ),
            Source::new(
                "src/commands/list.rs",
                "use stretch_timer as lib;\nuse stretch_timer::*;\nuse crate::cli as c;\n",
            ),
            // The library has no `stretch_timer` to alias: not its own name.
            Source::new("src/routine/mod.rs", "use stretch_timer as lib;\n"),
        ];
        assert_eq!(
            hidden_references(&sources),
            [
                "src/plan/timeline.rs:1: use crate::*;",
                "src/plan/clock.rs:1: use crate as root;",
                "src/plan/action.rs:1: extern crate self as me;",
                "src/plan/action.rs:2: use crate::{ * };",
                "src/commands/list.rs:1: use stretch_timer as lib;",
                "src/commands/list.rs:2: use stretch_timer::*;",
            ]
        );
    }

    #[test]
    fn a_grouped_import_over_several_lines_is_read_name_by_name() {
        let sources = [Source::new(
            "src/routine/read.rs",
            "use crate::{\n    routine::text,\n    plan::{timeline::Timeline, action},\n};\n",
        )];
        assert_eq!(
            upward_references(&sources),
            [
                "src/routine/read.rs:3: `routine` (layer 1) uses `plan` (layer 2), a layer above it: plan::{timeline::Timeline, action},"
            ]
        );
    }

    #[test]
    fn the_binary_is_read_through_stretch_timer_and_its_own_crate() {
        let sources = [
            Source::new(
                "src/commands/run.rs",
                "use stretch_timer::frontend::tui;\nuse crate::cli::Cli;\nuse crate::main::x;\n",
            ),
            Source::new(
                "src/cli.rs",
                "use stretch_timer::routine::duration;\nfn f() { crate::commands::run(); }\n",
            ),
            Source::new(
                "src/main.rs",
                "use crate::commands::run;\nuse stretch_timer::{plan, frontend::input};\n",
            ),
            // The library does not name itself `stretch_timer`: not a reference.
            Source::new(
                "src/routine/mod.rs",
                "let x = stretch_timer::frontend::tui;\n",
            ),
        ];
        assert_eq!(
            upward_references(&sources),
            [
                "src/cli.rs:2: `cli` (layer 6) uses `commands` (layer 7), a layer above it: fn f() { crate::commands::run(); }",
                "src/commands/run.rs:3: `commands` (layer 7) uses `main` (layer 8), a layer above it: use crate::main::x;",
            ]
        );
    }

    #[test]
    fn a_cycle_is_named_with_a_reference_for_each_step() {
        let sources = [
            Source::new("src/cli.rs", "use crate::error::Error;\n"),
            Source::new("src/error.rs", "\n\nuse crate::cli::Format;\n"),
            Source::new("src/main.rs", "use crate::cli::Cli;\n"),
        ];
        assert_eq!(upward_references(&sources), Vec::<String>::new());
        assert_eq!(
            cycles(&sources),
            [
                "a cycle: cli -> error -> cli\n  src/cli.rs:1: use crate::error::Error;\n  src/error.rs:3: use crate::cli::Format;"
            ]
        );
        assert_eq!(cycles(&sources[1..]), Vec::<String>::new());
    }

    #[test]
    fn a_module_without_a_layer_is_named() {
        let sources = [
            Source::new("src/lib.rs", "pub mod unranked;\n"),
            Source::new("src/unranked/mod.rs", "use crate::routine::Routine;\n"),
        ];
        assert_eq!(
            unlayered(&sources),
            [format!(
                "src/unranked/mod.rs: the top-level module `unranked` has no layer; rank it in LAYERS in {}",
                file!()
            )]
        );
    }

    #[test]
    fn a_file_of_501_lines_is_named_and_one_of_500_is_not() {
        let sources = [
            Source::new("src/plan/long.rs", &"//\n".repeat(501)),
            Source::new("src/plan/fits.rs", &"//\n".repeat(500)),
        ];
        assert_eq!(long_files(&sources), ["src/plan/long.rs: 501 lines"]);
    }
}
