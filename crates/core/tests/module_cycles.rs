//! The core's modules import one way (issue 20, item 5): limits → JSON reader → feed reader →
//! parse → validate, renderers only importing helpers below them. This test reads every file
//! under `crates/core/src`, finds the modules each one names (`use crate::…`, `use super::…`,
//! and paths such as `crate::limits::too_deep_message()` in code), and fails on any group of
//! modules that import each other, listing the group and the imports that close it.
//!
//! A module using its parent (`use super::Diagnostic`) counts; a parent using its own children
//! does not (that is what declaring them is for). Test modules (`#[cfg(test)] mod tests` to the
//! end of the file) are left out: they never ship.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.join("::")
    }
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `a/b.rs` → `a::b`, `a/mod.rs` → `a`, `lib.rs` → the crate.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code without comments and without the test module at the end.
fn code(text: &str) -> String {
    let text = match Regex::new(r"#\[cfg\(test\)\]\s*mod\s+tests")
        .unwrap()
        .find(text)
    {
        Some(found) => &text[..found.start()],
        None => text,
    };
    let block = Regex::new(r"(?s)/\*.*?\*/").unwrap();
    let text = block.replace_all(text, " ");
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` tree names: `crate::{a::{b, c}, d}` → `crate::a::b`, `crate::a::c`, `crate::d`.
fn use_paths(tree: &str) -> Vec<String> {
    // An alias (`c as d`) names the same module as `c`.
    let tree = Regex::new(r"\s+as\s+\w+").unwrap().replace_all(tree, "");
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    expand("", &tree, &mut out);
    out
}

fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    match tree.find('{') {
        Some(open) if tree.ends_with('}') => {
            let head = format!("{prefix}{}", &tree[..open]);
            let inner = &tree[open + 1..tree.len() - 1];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&head, &inner[start..], out);
        }
        _ if !tree.is_empty() => out.push(format!("{prefix}{tree}")),
        _ => {}
    }
}

/// The module a path names, from `here`: the longest prefix that is a module of the crate.
fn resolve(path: &str, here: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut base: Module = match segments.next()? {
        "crate" | "$crate" => Vec::new(),
        "self" => here.clone(),
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    // The crate root is a module too (it only re-exports: its edges are dropped later).
    let mut best = (base.is_empty() || modules.contains(&base)).then(|| base.clone());
    for segment in segments {
        if segment == "super" {
            base.pop();
        } else {
            base.push(segment.to_owned());
        }
        if modules.contains(&base) || base.is_empty() {
            best = Some(base.clone());
        }
    }
    best
}

/// Each module and the modules it imports, with one line that does it for each.
fn imports() -> BTreeMap<Module, BTreeMap<Module, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
    let uses = Regex::new(r"\buse\s+([^;]+);").unwrap();
    let inline = Regex::new(r"\$?\b(crate|super|self)((::[A-Za-z_][A-Za-z0-9_]*)+)").unwrap();
    let mut graph = BTreeMap::new();
    for file in &files {
        let here = module_of(&src, file);
        let code = code(&std::fs::read_to_string(file).unwrap());
        let mut paths: Vec<String> = uses
            .captures_iter(&code)
            .flat_map(|c| use_paths(&c[1]))
            .collect();
        paths.extend(inline.find_iter(&code).map(|m| m.as_str().to_owned()));
        let edges: &mut BTreeMap<Module, String> = graph.entry(here.clone()).or_default();
        for path in paths {
            let Some(target) = resolve(&path, &here, &modules) else {
                continue;
            };
            // Not itself, not the crate root (which only re-exports), not its own children.
            if target == here || target.is_empty() || target.starts_with(&here) {
                continue;
            }
            edges.entry(target).or_insert_with(|| {
                format!("{}: {path}", file.strip_prefix(&src).unwrap().display())
            });
        }
    }
    graph
}

/// Groups of two or more modules that all reach each other (Tarjan's strongly connected components).
fn cycles(graph: &BTreeMap<Module, BTreeMap<Module, String>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        graph: &'a BTreeMap<Module, BTreeMap<Module, String>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        groups: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flat_map(|e| e.keys()) {
            let Some((w, _)) = graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[w].min(s.low[v]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.index[w].min(s.low[v]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.groups.push(group);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.groups
}

fn describe(group: &[Module], graph: &BTreeMap<Module, BTreeMap<Module, String>>) -> String {
    let mut lines = vec![format!(
        "  {} import each other:",
        group.iter().map(name).collect::<Vec<_>>().join(", ")
    )];
    for from in group {
        for (to, line) in &graph[from] {
            if group.contains(to) {
                lines.push(format!("    {} → {}  ({line})", name(from), name(to)));
            }
        }
    }
    lines.join("\n")
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 40, "only {} modules read", graph.len());
    // Every module, the renderers too (render::pathway ↔ pathway_family ↔ pathway_map was
    // untangled in f9b0d07): no exceptions.
    let new = cycles(&graph);
    assert!(
        new.is_empty(),
        "modules that import each other:\n{}",
        new.iter()
            .map(|g| describe(g, &graph))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_feed_readers_sit_below_the_checker() {
    let graph = imports();
    let module = |path: &str| -> Module { path.split("::").map(str::to_owned).collect() };
    let imports_of =
        |path: &str| -> BTreeSet<String> { graph[&module(path)].keys().map(name).collect() };
    // limits imports nothing from the crate; the JSON reader only limits.
    assert_eq!(imports_of("limits"), BTreeSet::new());
    assert_eq!(imports_of("json"), BTreeSet::from(["limits".to_owned()]));
    // Nothing the widgets read a feed with reaches the checker (where the fix texts are).
    let mut reached = BTreeSet::new();
    let mut todo = vec![module("parse")];
    while let Some(next) = todo.pop() {
        if reached.insert(next.clone()) {
            todo.extend(graph[&next].keys().cloned());
        }
    }
    let names: BTreeSet<String> = reached.iter().map(name).collect();
    assert!(
        names.contains("read") && names.contains("json"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.starts_with("validate")),
        "parse reaches the checker: {names:?}"
    );
}

/// Every module `from` reaches through its imports.
fn reached(graph: &BTreeMap<Module, BTreeMap<Module, String>>, from: &str) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut todo: Vec<Module> = vec![from.split("::").map(str::to_owned).collect()];
    while let Some(next) = todo.pop() {
        if reached.insert(next.clone()) {
            todo.extend(graph.get(&next).into_iter().flat_map(|e| e.keys().cloned()));
        }
    }
    reached.iter().map(name).collect()
}

#[test]
fn reading_a_feed_reaches_no_renderer_editor_or_checker() {
    let graph = imports();
    for low in ["limits", "json", "read", "parse", "feed", "text", "date"] {
        let above: Vec<String> = reached(&graph, low)
            .into_iter()
            .filter(|m| {
                ["render", "validate", "edit", "sheet", "widget", "view"]
                    .iter()
                    .any(|top| m == top || m.starts_with(&format!("{top}::")))
            })
            .collect();
        assert!(above.is_empty(), "{low} reaches {above:?}");
    }
}

#[test]
fn the_scanner_sees_the_imports_that_made_the_old_cycle() {
    // What the test reads, on text: if these stop being found, the test above proves nothing.
    let here: Module = vec!["validate".into(), "json".into()];
    let modules: BTreeSet<Module> = [
        vec!["parse".into()],
        vec!["validate".into()],
        here.clone(),
        vec!["read".into()],
    ]
    .into();
    let code = code("use super::{Diagnostic, Severity};\n// use crate::read;\npub use crate::parse::MAX_DEPTH;\nfn f() { crate::parse::too_deep_message(); }\n#[cfg(test)]\nmod tests { use crate::read::At; }");
    let paths: Vec<String> = Regex::new(r"\buse\s+([^;]+);")
        .unwrap()
        .captures_iter(&code)
        .flat_map(|c| use_paths(&c[1]))
        .collect();
    let found: BTreeSet<String> = paths
        .iter()
        .filter_map(|p| resolve(p, &here, &modules))
        .map(|m| name(&m))
        .collect();
    assert_eq!(
        found,
        BTreeSet::from(["validate".to_owned(), "parse".to_owned()])
    );
    assert_eq!(
        use_paths("crate::{a::{b, c as d}, e}"),
        ["crate::a::b", "crate::a::c", "crate::e"]
    );
}
