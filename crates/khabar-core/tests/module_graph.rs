//! The core's modules form layers: no module depends, directly or through others, on itself.
//!
//! The test reads every file of `crates/khabar-core/src`, one module per file
//! (`lib.rs` is `crate`, `a/mod.rs` and `a.rs` are `crate::a`, `a/b.rs` is `crate::a::b`), and
//! draws an edge A → B when A's code names a path into module B:
//!
//! - `crate::x::y::Item`, `super::Item`, `super::super::y::Item`, `self::y::Item`, and a path
//!   that starts with the name of a child module A declares (`child::Item`, as in
//!   `pub use child::Item`), all resolved to the deepest module the path names; grouped
//!   `use` trees (`crate::x::{y::A, z}`) are expanded first;
//! - so a child using its parent's items is an edge child → parent, and a parent using or
//!   re-exporting a child's items (`pub use child::Item`) is an edge parent → child: a
//!   parent that re-exports a child must not be used by that child, or they form a cycle;
//! - declaring a child (`mod child;`, `pub mod child;`) is not an edge: it places the
//!   child, it does not use it;
//! - code under `#[cfg(test)]` (the `mod tests` at the end of a file, and test-only files
//!   declared `#[cfg(test)] mod name;`) is left out: tests may reach across layers to
//!   build their fixtures, and no product code depends on them;
//! - comments are left out (doc links are not dependencies).
//!
//! What it cannot see: a method call (`self.rule()`) on a type whose `impl` lives in another
//! file names no module, so it draws no edge; the edge to the file that defines the type is
//! what orders them. Macros and paths built by other macros are not expanded.
//!
//! A sibling test checks that every Unix-only API (`std::os::unix`, `libc::`) in the
//! core's source (unit tests included) sits under a `#[cfg(unix)]`, so that the crate still
//! builds elsewhere. (Only by reading: no Windows toolchain runs here.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path without the `crate` prefix (`["text", "document"]`); `[]` is `crate`.
type ModPath = Vec<String>;

struct Module {
    file: PathBuf,
    /// The product code of the file: comments and `#[cfg(test)]` parts removed.
    code: String,
    /// Children this file declares (`mod x;`), test-only ones excluded.
    children: BTreeSet<String>,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn module_path(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_owned()),
    }
    parts
}

/// The source without comments; string literals are kept as they are (a `"` inside a
/// comment, or `//` inside a string, is handled).
fn strip_comments(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let rest = &source[i..];
        if in_string {
            if rest.starts_with("\\") && i + 1 < bytes.len() {
                let next = source[i + 1..].chars().next().unwrap();
                out.push('\\');
                out.push(next);
                i += 1 + next.len_utf8();
                continue;
            }
            if rest.starts_with('"') {
                in_string = false;
            }
        } else if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            i += end;
            continue;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
            out.push(' ');
            i += end;
            continue;
        } else if rest.starts_with('"') {
            in_string = true;
        } else if let Some(after) = rest.strip_prefix('\'') {
            // A char literal such as '"' must not open a string; a lifetime has no closing quote.
            let mut chars = after.char_indices();
            if let Some((_, c)) = chars.next() {
                // The closing quote's offset in `rest`.
                let close = if c == '\\' {
                    after.find('\'').map(|e| e + 1).filter(|&e| e <= 12)
                } else {
                    chars.next().filter(|&(_, q)| q == '\'').map(|(e, _)| e + 1)
                };
                if let Some(close) = close {
                    out.push_str(&rest[..=close]);
                    i += close + 1;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The end of the item that starts at `start` (after an attribute): through its matching
/// closing brace, or its `;` if it has no body.
fn item_end(code: &str, start: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return start + i + 1;
                }
            }
            ';' if depth == 0 => return start + i + 1,
            _ => {}
        }
    }
    code.len()
}

/// Removes every item marked `#[cfg(test)]`; gives the names of test-only child files.
fn strip_test_items(code: &str) -> (String, BTreeSet<String>) {
    let mut out = String::new();
    let mut test_children = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let end = item_end(after, 0);
        let item = after[..end].trim();
        if let Some(name) = declared_child(item) {
            test_children.insert(name);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    (out, test_children)
}

/// `mod name;` / `pub mod name;` / `pub(crate) mod name;` → `name`.
fn declared_child(item: &str) -> Option<String> {
    let item = item.trim();
    let body = item.strip_suffix(';')?;
    let words: Vec<&str> = body.split_whitespace().collect();
    match words.as_slice() {
        [.., "mod", name] if words.len() <= 3 => Some((*name).to_owned()),
        _ => None,
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands the path that starts at `code[at..]` into every full path it names: a
/// `use` tree such as `a::{b::C, d}` gives `a::b::C` and `a::d`.
fn expand_path(code: &str, at: usize) -> Vec<Vec<String>> {
    fn segments(code: &str, mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        loop {
            let rest = &code[i..];
            let trimmed = rest.trim_start();
            i += rest.len() - trimmed.len();
            if trimmed.starts_with('{') {
                // A group: split at top-level commas.
                let mut depth = 0;
                let mut start = i + 1;
                for (j, c) in code[i..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        ',' if depth == 1 => {
                            segments(code, start, path.clone(), out);
                            start = i + j + 1;
                        }
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                if !code[start..i + j].trim().is_empty() {
                                    segments(code, start, path.clone(), out);
                                }
                                return;
                            }
                        }
                        _ => {}
                    }
                }
                return;
            }
            let len = trimmed
                .find(|c: char| !is_ident_char(c))
                .unwrap_or(trimmed.len());
            if len == 0 {
                out.push(path);
                return;
            }
            path.push(trimmed[..len].to_owned());
            i += len;
            let rest = code[i..].trim_start();
            if let Some(after) = rest.strip_prefix("::") {
                i = code.len() - after.len();
            } else {
                out.push(path);
                return;
            }
        }
    }
    let mut out = Vec::new();
    segments(code, at, Vec::new(), &mut out);
    out
}

/// The deepest known module a path (already made absolute, without `crate`) names.
fn resolve(path: &[String], modules: &BTreeMap<ModPath, Module>) -> Option<ModPath> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains_key(prefix))
}

/// Every module `from` names in its code.
fn references(from: &ModPath, modules: &BTreeMap<ModPath, Module>) -> BTreeSet<ModPath> {
    let module = &modules[from];
    let code = &module.code;
    let mut targets = BTreeSet::new();
    for (at, _) in code.char_indices() {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident_char(c) || c == ':') {
            continue; // inside a longer path or identifier
        }
        let word_len = code[at..]
            .find(|c: char| !is_ident_char(c))
            .unwrap_or(code.len() - at);
        if word_len == 0 || !code[at + word_len..].trim_start().starts_with("::") {
            continue;
        }
        let word = &code[at..at + word_len];
        let base: ModPath = match word {
            "crate" => Vec::new(),
            "super" | "self" => from.clone(),
            child if module.children.contains(child) => from.clone(),
            _ => continue,
        };
        for path in expand_path(code, at) {
            let mut absolute = base.clone();
            let mut parts = path.into_iter().peekable();
            if word == "crate" {
                parts.next();
            }
            while let Some(part) = parts.next() {
                match part.as_str() {
                    "super" => {
                        absolute.pop();
                    }
                    "self" if parts.peek().is_none() => {}
                    "self" => {}
                    _ => {
                        absolute.push(part);
                        absolute.extend(parts.by_ref());
                    }
                }
            }
            if let Some(target) = resolve(&absolute, modules)
                && &target != from
            {
                targets.insert(target);
            }
        }
    }
    targets
}

fn load_modules() -> BTreeMap<ModPath, Module> {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules = BTreeMap::new();
    let mut test_only = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let (code, test_children) = strip_test_items(&strip_comments(&source));
        let path = module_path(&src, &file);
        for child in test_children {
            let mut child_path = path.clone();
            child_path.push(child);
            test_only.insert(child_path);
        }
        let children = code
            .split(['\n', '{', '}'])
            .filter_map(declared_child)
            .collect();
        modules.insert(
            path,
            Module {
                file,
                code,
                children,
            },
        );
    }
    modules.retain(|path, _| !test_only.iter().any(|t| path.starts_with(t)));
    modules
}

fn name(path: &ModPath) -> String {
    if path.is_empty() {
        "crate".to_owned()
    } else {
        format!("crate::{}", path.join("::"))
    }
}

/// A cycle through `start`, if any, as the list of modules along it.
fn cycle_from(
    start: &ModPath,
    edges: &BTreeMap<ModPath, BTreeSet<ModPath>>,
) -> Option<Vec<ModPath>> {
    // Breadth-first search back to `start`, keeping the parent of each module reached.
    let mut parent: BTreeMap<ModPath, ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.clone()]);
    while let Some(at) = queue.pop_front() {
        for next in &edges[&at] {
            if next == start {
                let mut cycle = vec![at.clone()];
                let mut back = &at;
                while back != start {
                    back = &parent[back];
                    cycle.push(back.clone());
                }
                cycle.reverse();
                cycle.push(start.clone());
                return Some(cycle);
            }
            if !parent.contains_key(next) && next != start {
                parent.insert(next.clone(), at.clone());
                queue.push_back(next.clone());
            }
        }
    }
    None
}

/// Edges known to close a cycle in files this test's author could not change, each with the
/// way out. They are taken out of the graph before the check; each must still exist (the
/// test fails once it is gone, so that the list shrinks with the code).
const KNOWN_CYCLE_EDGES: &[(&str, &str, &str)] = &[];

fn mod_path(s: &str) -> ModPath {
    s.split("::").map(str::to_owned).collect()
}

fn graph() -> (
    BTreeMap<ModPath, Module>,
    BTreeMap<ModPath, BTreeSet<ModPath>>,
) {
    let modules = load_modules();
    let edges = modules
        .keys()
        .map(|from| (from.clone(), references(from, &modules)))
        .collect();
    (modules, edges)
}

#[test]
fn known_cycle_edges_still_exist() {
    let (_, edges) = graph();
    for (from, to, why) in KNOWN_CYCLE_EDGES {
        assert!(
            edges[&mod_path(from)].contains(&mod_path(to)),
            "{from} → {to} is gone: remove it from KNOWN_CYCLE_EDGES ({why})"
        );
    }
}

#[test]
fn the_graph_sees_the_modules_and_their_uses() {
    // Guards the parser: if it stopped seeing edges, an acyclic verdict would mean nothing.
    let (modules, edges) = graph();
    let path = mod_path;
    assert!(modules.len() > 40, "only {} modules found", modules.len());
    assert!(modules.contains_key(&path("text::document")));
    assert!(
        edges[&path("loader::event")].contains(&path("text::document")),
        "loader::event names crate::text::document::Document"
    );
    assert!(
        edges[&path("text::segment")].contains(&path("text::cues")),
        "segment names crate::text::cues"
    );
    let total: usize = edges.values().map(BTreeSet::len).sum();
    assert!(total > 100, "only {total} edges found");
}

#[test]
fn no_module_depends_on_itself() {
    let (modules, mut edges) = graph();
    for (from, to, _) in KNOWN_CYCLE_EDGES {
        edges
            .get_mut(&mod_path(from))
            .unwrap()
            .remove(&mod_path(to));
    }
    let mut cycles = Vec::new();
    let mut seen: BTreeSet<ModPath> = BTreeSet::new();
    for start in modules.keys() {
        if seen.contains(start) {
            continue;
        }
        if let Some(cycle) = cycle_from(start, &edges) {
            seen.extend(cycle.iter().cloned());
            let names: Vec<String> = cycle.iter().map(name).collect();
            let files: Vec<String> = cycle[..cycle.len() - 1]
                .iter()
                .map(|m| modules[m].file.display().to_string())
                .collect();
            cycles.push(format!("{}\n    ({})", names.join(" → "), files.join(", ")));
        }
    }
    assert!(
        cycles.is_empty(),
        "the core's modules form cycles:\n  {}",
        cycles.join("\n  ")
    );
}

#[test]
fn unix_only_apis_sit_under_cfg_unix() {
    // Each use of `std::os::unix` or `libc::` in the core's source, its unit tests included,
    // must be inside an item, statement or block that carries `#[cfg(unix)]` (an attribute
    // whose item spans the use), so that the core and its tests build on Windows too, where
    // a portable fallback (`#[cfg(not(unix))]`) stands in.
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    assert!(files.len() > 40, "only {} files found", files.len());
    let mut bare = Vec::new();
    for file in files {
        let code = &strip_comments(&std::fs::read_to_string(&file).unwrap());
        let guarded: Vec<std::ops::Range<usize>> = code
            .match_indices("#[cfg(unix)]")
            .map(|(at, attr)| {
                let start = at + attr.len();
                start..item_end(code, start)
            })
            .collect();
        for needle in ["std::os::unix", "libc::"] {
            for (at, _) in code.match_indices(needle) {
                if !guarded.iter().any(|g| g.contains(&at)) {
                    let line = code[..at].lines().count();
                    bare.push(format!(
                        "{} (line {line} of the comment-free text): {needle}",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        bare.is_empty(),
        "Unix-only APIs without #[cfg(unix)]:\n  {}",
        bare.join("\n  ")
    );
}
