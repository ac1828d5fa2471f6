//! Finding, in one source file, the paths that name another top-level module: enough of
//! a Rust lexer to leave comments, doc comments and string and character literals out.

use super::{Crate, LAYERS};

/// One path in a file that names a top-level module.
#[derive(Debug)]
pub struct Reference {
    /// The file's path from the crate's root.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// The line, trimmed.
    pub code: String,
    /// The top-level module of the file.
    pub from: String,
    /// The top-level module named.
    pub to: String,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `text` with every comment and every string and character literal replaced by spaces,
/// line breaks kept, so that what is left is code on the lines it was on.
pub fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Blanks chars[from..to] into `out`.
    let blank_out = |out: &mut String, from: usize, to: usize| {
        out.extend(chars[from..to.min(chars.len())].iter().map(|&c| blank(c)));
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after_ident = i > 0 && is_ident(chars[i - 1]);
        if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |n| i + n);
            blank_out(&mut out, i, end);
            i = end;
        } else if c == '/' && next == Some('*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < chars.len() && depth > 0 {
                match (chars[j], chars.get(j + 1)) {
                    ('/', Some('*')) => (depth, j) = (depth + 1, j + 2),
                    ('*', Some('/')) => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
            }
            blank_out(&mut out, i, j);
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            blank_out(&mut out, i, j + 1);
            i = j + 1;
        } else if c == 'r'
            && (!after_ident || (chars[i - 1] == 'b' && (i < 2 || !is_ident(chars[i - 2]))))
            && raw_string_hashes(&chars[i + 1..]).is_some()
        {
            let hashes = raw_string_hashes(&chars[i + 1..]).unwrap_or(0);
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let body = i + 2 + hashes;
            let end = (body..chars.len())
                .find(|&j| chars[j..].starts_with(&closing))
                .map_or(chars.len(), |j| j + closing.len());
            out.push('r');
            blank_out(&mut out, i + 1, end);
            i = end;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{202E}'.
            let end = (i + 3..chars.len())
                .find(|&j| chars[j] == '\'')
                .map_or(chars.len(), |j| j + 1);
            blank_out(&mut out, i, end);
            i = end;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            blank_out(&mut out, i, i + 3);
            i += 3;
        } else {
            // Code, or the quote of a lifetime.
            out.push(c);
            i += 1;
        }
    }
    out
}

/// How many `#` open a raw string whose `r` comes just before `rest`, if one does.
fn raw_string_hashes(rest: &[char]) -> Option<usize> {
    let hashes = rest.iter().take_while(|&&c| c == '#').count();
    (rest.get(hashes) == Some(&'"')).then_some(hashes)
}

/// The names `module` of `krate` may reach other top-level modules by: a path prefix and
/// the modules it can name.
fn prefixes(krate: Crate) -> Vec<(&'static str, Vec<&'static str>)> {
    let of = |wanted: Crate| -> Vec<&'static str> {
        LAYERS
            .iter()
            .filter(|(_, krate, _)| *krate == wanted)
            .map(|(name, _, _)| *name)
            .collect()
    };
    match krate {
        Crate::Library => vec![("crate::", of(Crate::Library))],
        Crate::Binary => vec![
            ("crate::", of(Crate::Binary)),
            ("stretch_timer::", of(Crate::Library)),
        ],
    }
}

/// The first names of the paths that start at `after` (just past a `crate::`): one name,
/// or each of a group's, with where each starts.
fn named_after(code: &[char], after: usize) -> Vec<(usize, String)> {
    match identifier(code, after) {
        Some(name) => vec![name],
        None => code[after..]
            .iter()
            .position(|c| !c.is_whitespace())
            .filter(|&n| code[after + n] == '{')
            .map_or_else(Vec::new, |n| group(code, after + n)),
    }
}

/// Every place in `text` (the file `file`, of `krate`) that reaches the top-level modules
/// without naming them, which the scan could not follow: a glob of the crate's root
/// (`crate::*`, `stretch_timer::{*}`), or the crate under another name (`use crate as
/// root;`, `extern crate self as root;`, `stretch_timer as lib`). Each as `file:line: code`.
pub fn hidden(file: &str, text: &str, krate: Crate) -> Vec<String> {
    let code: Vec<char> = code_only(text).chars().collect();
    let lines: Vec<&str> = text.lines().collect();
    let mut roots = vec!["crate", "self"];
    if krate == Crate::Binary {
        roots.push("stretch_timer");
    }
    let mut found = Vec::new();
    for start in 0..code.len() {
        if start > 0 && (is_ident(code[start - 1]) || code[start - 1] == ':') {
            continue;
        }
        let Some((_, word)) = identifier(&code, start).filter(|(at, _)| *at == start) else {
            continue;
        };
        if !roots.contains(&word.as_str()) {
            continue;
        }
        let rest: String = code[start + word.len()..].iter().collect();
        let rest: String = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        let glob = word != "self"
            && (rest.starts_with("::*")
                || rest.starts_with(":: *")
                || rest.replace(' ', "").starts_with("::{*"));
        let alias = rest.starts_with("as ")
            && (word != "self" || text_before(&code, start).ends_with("extern crate"));
        if glob || alias {
            let line = 1 + code[..start].iter().filter(|&&c| c == '\n').count();
            let shown = lines.get(line - 1).map_or("", |l| l.trim());
            found.push(format!("{file}:{line}: {shown}"));
        }
    }
    found
}

/// The code before `at` on its line, its white space folded.
fn text_before(code: &[char], at: usize) -> String {
    let start = code[..at]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |n| n + 1);
    let before: String = code[start..at].iter().collect();
    before.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The identifier starting at `at`, after any white space, with where it starts.
fn identifier(code: &[char], mut at: usize) -> Option<(usize, String)> {
    while code.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    let name: String = code[at.min(code.len())..]
        .iter()
        .take_while(|&&c| is_ident(c))
        .collect();
    (!name.is_empty()).then_some((at, name))
}

/// The first identifiers of the paths in the group `{...}` that opens at `open`: `a` and
/// `b` in `{a::x, b::{y, z}}`, with where each starts.
fn group(code: &[char], open: usize) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut expect_name = false;
    for (at, &c) in code.iter().enumerate().skip(open) {
        match c {
            '{' => {
                depth += 1;
                expect_name = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expect_name = true,
            c if expect_name && is_ident(c) => {
                expect_name = false;
                names.extend(identifier(code, at));
            }
            c if expect_name && !c.is_whitespace() => expect_name = false,
            _ => {}
        }
    }
    names
}

/// How deep the file `file` (`src/commands/run/mod.rs`) is below its crate's root: the
/// number of `super::` that climb from it to the root (2 there; 1 for `src/cli.rs`).
fn file_depth(file: &str) -> usize {
    let inside = file.strip_prefix("src/").unwrap_or(file);
    let parts: Vec<&str> = inside.split('/').collect();
    let last = parts.last().copied().unwrap_or("");
    let own = usize::from(!matches!(last, "mod.rs" | "lib.rs" | "main.rs"));
    parts.len() - 1 + own
}

/// Where each inline module (`mod tests { .. }`) of `code` starts and ends: each adds one
/// `super::` to the climb from inside it.
fn inline_modules(code: &[char]) -> Vec<(usize, usize)> {
    let text: String = code.iter().collect();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("mod ").map(|n| from + n) {
        from = at + 4;
        if at > 0 && text[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let rest = &text[at + 4..];
        let name_len = rest
            .chars()
            .take_while(|&c| is_ident(c))
            .map(char::len_utf8)
            .sum::<usize>();
        let after = rest[name_len..].trim_start();
        if name_len == 0 || !after.starts_with('{') {
            continue;
        }
        let open = text.len() - after.len();
        let mut depth = 0;
        let mut close = text.len();
        for (offset, c) in text[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + offset;
                        break;
                    }
                }
                _ => {}
            }
        }
        // As char positions, the way `code` is indexed.
        let chars = |byte: usize| text[..byte].chars().count();
        found.push((chars(open), chars(close)));
    }
    found
}

/// Every path in `text` (the file `file`, in `module` of `krate`) that names a top-level
/// module, in order: through the crate's name (`crate::plan`, `stretch_timer::plan`), or
/// through as many `super::` as climb to the crate's root (`super::super::cli` from
/// `src/commands/run/mod.rs`).
pub fn references(file: &str, text: &str, module: &str, krate: Crate) -> Vec<Reference> {
    let code: Vec<char> = code_only(text).chars().collect();
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |at: usize| 1 + code[..at].iter().filter(|&&c| c == '\n').count();
    let depth = file_depth(file);
    let inline = inline_modules(&code);
    let prefixes = prefixes(krate);
    // Where each path starts, past its `crate::` or its `super::`s, with the modules it
    // can name there.
    let mut starts: Vec<(usize, &[&str])> = Vec::new();
    let supers: Vec<char> = "super::".chars().collect();
    if let Some((_, own)) = prefixes.iter().find(|(prefix, _)| *prefix == "crate::") {
        for start in 0..code.len() {
            let first = start < supers.len() || code[start - supers.len()..start] != supers[..];
            if !code[start..].starts_with(&supers)
                || (start > 0 && is_ident(code[start - 1]))
                || !first
            {
                continue;
            }
            let mut after = start;
            let mut count = 0;
            while code[after..].starts_with(&supers) {
                after += supers.len();
                count += 1;
            }
            let inside = inline
                .iter()
                .filter(|(open, close)| (*open..*close).contains(&start))
                .count();
            if count == depth + inside {
                starts.push((after, own));
            }
        }
    }
    for (prefix, targets) in &prefixes {
        let prefix: Vec<char> = prefix.chars().collect();
        for start in 0..code.len() {
            if code[start..].starts_with(&prefix) && (start == 0 || !is_ident(code[start - 1])) {
                starts.push((start + prefix.len(), targets));
            }
        }
    }
    let mut found = Vec::new();
    for (after, targets) in starts {
        for (at, name) in named_after(&code, after) {
            if targets.contains(&name.as_str()) {
                let line = line_of(at);
                found.push(Reference {
                    file: file.to_owned(),
                    line,
                    code: lines.get(line - 1).map_or("", |l| l.trim()).to_owned(),
                    from: module.to_owned(),
                    to: name,
                });
            }
        }
    }
    found.sort_by_key(|r| r.line);
    found
}

#[test]
fn comments_and_literals_are_blanked_and_code_and_lines_are_kept() {
    let text = "let a = \"crate::plan // not a comment\"; // crate::plan\n\
                let b = r#\"crate::\"plan\"#; let c = '\"'; let d = '\\'';\n\
                /* crate::plan /* nested */ still */ fn f<'a>(x: &'a str) {}\n\
                let e = b\"x\"; crate::plan::x();\n";
    let code = code_only(text);
    assert_eq!(code.lines().count(), 4, "{code}");
    assert_eq!(code.matches("crate::").count(), 1, "{code}");
    assert!(code.contains("fn f<'a>(x: &'a str) {}"), "{code}");
    assert!(
        code.lines()
            .nth(3)
            .is_some_and(|l| l.ends_with("crate::plan::x();"))
    );
}
