//! The core's layers, and the test that keeps them: each file of `src/` may use what its own layer and the
//! layers below it define, never what a layer above defines, and the files of one layer use each other
//! without a cycle. [`LAYERS`] is the order, lowest first; read it to know which file may use which.
//!
//! The test reads the source: every `use` path and every `crate::`, `super::` or child-module path in code
//! (comments, strings and `#[cfg(test)]` items left out: a rule's unit tests run the whole checker), resolved
//! to the file that defines the module. A re-export counts where it is written: `crate::Kind` is the crate
//! root's, so a file below the root names `crate::report::Kind`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first, each with the top-level modules of `src/` it holds (`lib` is the crate root,
/// `lib.rs`; `bin` the CLI). A module imports only from its own layer and the ones before it.
const LAYERS: &[(&str, &[&str])] = &[
    // Folding and offsets, word edges, tokens and word lists, fixed-phrase search: text, knowing no rule.
    ("text", &["text"]),
    // Linear models over hashed features: keys, weights read in place, the trainer; knowing no rule.
    ("models", &["learn"]),
    // Which of many regexes may match a draft, for whatever catalog of patterns it is handed.
    ("gate", &["gate"]),
    // The types every layer above names: Kind, Severity, Identifier, the Hit a judge pushes, the Report.
    ("report types", &["report"]),
    // What the caller says: where the draft is typed, and the organization's policy.
    ("settings", &["options", "policy"]),
    // The draft as the rules read it: sentences, care words, the organization's own details, its gate.
    ("document", &["doc"]),
    // What the draft contains: identifiers, mentions, cues, phrase-table matches (and the gate's catalog).
    ("evidence", &["evidence"]),
    // One judge per finding kind, deciding from the evidence.
    ("judgment", &["judge"]),
    // Runs evidence then judges, applies the policy, builds the report; applies suggestions; test helpers;
    // what training reads of the checker.
    ("engine", &["engine", "redact", "testing", "training"]),
    // The public API, the browser binding and the CLI.
    ("bindings", &["lib", "wasm", "bin"]),
];

const MAX_LINES: usize = 700;

#[test]
fn every_source_file_is_in_a_layer() {
    let sources = Sources::read();
    let unlisted: Vec<String> = sources
        .files
        .keys()
        .filter(|m| layer_of(m).is_none())
        .map(|m| sources.files[m].display().to_string())
        .collect();
    assert!(unlisted.is_empty(), "files in no layer of LAYERS (tests/layers.rs): {unlisted:?}");
}

#[test]
fn no_file_imports_from_a_layer_above_its_own() {
    let sources = Sources::read();
    let mut upward = Vec::new();
    for (from, to) in sources.edges() {
        let (Some(from_layer), Some(to_layer)) = (layer_of(&from), layer_of(&to)) else { continue };
        if to_layer > from_layer {
            upward.push(format!(
                "{} ({}) uses {} ({})",
                sources.files[&from].display(),
                LAYERS[from_layer].0,
                sources.files[&to].display(),
                LAYERS[to_layer].0
            ));
        }
    }
    assert!(upward.is_empty(), "imports from a layer above (see LAYERS in tests/layers.rs):\n{}", upward.join("\n"));
}

/// Within a layer, a file may use its own folder's `mod.rs` (which lists it), and no other set of files may use
/// each other in a circle.
#[test]
fn files_of_a_layer_use_each_other_without_a_cycle() {
    let sources = Sources::read();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, to) in sources.edges() {
        let is_ancestor = to.len() < from.len() && from.starts_with(&to);
        if from != to && !is_ancestor && layer_of(&from) == layer_of(&to) {
            graph.entry(from).or_default().insert(to);
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        let names: Vec<String> = cycle.iter().map(|m| sources.files[m].display().to_string()).collect();
        panic!("files of one layer use each other in a circle: {}", names.join(" -> "));
    }
}

#[test]
fn no_source_file_is_over_700_lines() {
    let sources = Sources::read();
    let long: Vec<String> = sources
        .all_files
        .iter()
        .filter(|path| !path.starts_with(src().join("data")))
        .filter_map(|path| {
            let lines = fs::read_to_string(path).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "source files over {MAX_LINES} lines: {long:?}");
}

/// The reader finds the imports it must: without this, a reader that sees nothing would pass every test above.
#[test]
fn the_reader_sees_imports_of_every_form() {
    let sources = Sources::read();
    let edges: BTreeSet<(Module, Module)> = sources.edges().into_iter().collect();
    let module = |path: &str| path.split("::").filter(|s| !s.is_empty()).map(String::from).collect::<Module>();
    for (from, to) in [
        ("doc", "gate"),                                         // use crate::gate::{Catalog, Gate, Haystack};
        ("engine", "judge"),                                     // use crate::judge;
        ("evidence::identifiers::ssn", "evidence::identifiers"), // use super::{Finder, IdentifierHit};
        ("evidence", "evidence::phrases"),                       // phrases::rows, a child module's path in code
        ("", "engine"),                   // lib.rs: pub use engine::{check, detector_ids, Checker};
        ("text::words", "text::lexicon"), // super::lexicon::rows, a path in code
    ] {
        assert!(edges.contains(&(module(from), module(to))), "the reader missed {from} -> {to}");
    }
    assert!(edges.len() > 150, "only {} imports read", edges.len());
    // Test code is left out: the rules' tests use the whole checker.
    assert!(!edges.contains(&(module("evidence::identifiers::ssn"), module("testing"))));
    assert!(!sources.files.contains_key(&module("judge::tone::clinical_negatives")), "a test-only file");
}

type Module = Vec<String>;

fn layer_of(module: &Module) -> Option<usize> {
    let top = module.first().map_or("lib", String::as_str);
    LAYERS.iter().position(|(_, modules)| modules.contains(&top))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The source files of the library, by module path, with the code each holds (test code left out).
struct Sources {
    files: BTreeMap<Module, PathBuf>,
    code: BTreeMap<Module, String>,
    /// Every `.rs` file under `src/`, test-only ones and the CLI's too.
    all_files: Vec<PathBuf>,
}

impl Sources {
    fn read() -> Sources {
        let mut all_files = Vec::new();
        collect_rs_files(&src(), &mut all_files);
        all_files.sort();
        let mut files = BTreeMap::new();
        for path in &all_files {
            files.insert(module_of(path), path.clone());
        }
        // Only what a build without tests compiles: from the root, every module declared outside test code.
        let mut code = BTreeMap::new();
        let mut pending: Vec<Module> = vec![Vec::new(), vec!["bin".to_string()]];
        while let Some(module) = pending.pop() {
            let Some(path) = files.get(&module) else { continue };
            let text = strip_tests(&strip_comments_and_literals(&fs::read_to_string(path).expect("source reads")));
            for child in declared_modules(&text) {
                let mut child_module = module.clone();
                child_module.push(child);
                pending.push(child_module);
            }
            code.insert(module, text);
        }
        files.retain(|module, _| code.contains_key(module) || module.first().is_some_and(|top| top == "bin"));
        Sources { files, code, all_files }
    }

    /// Every (file, file it uses) pair, as module paths.
    fn edges(&self) -> Vec<(Module, Module)> {
        let mut edges = Vec::new();
        for (module, text) in &self.code {
            if module.first().is_some_and(|top| top == "bin") {
                continue; // the CLI is its own crate: it sees the library only through `postguard::`
            }
            let children: BTreeSet<String> = declared_modules(text).into_iter().collect();
            for path in paths_in(text, &children) {
                if let Some(target) = self.resolve(module, &path) {
                    edges.push((module.clone(), target));
                }
            }
        }
        edges
    }

    /// The module whose file defines what `path` (as written in `module`) names, or `None` for another crate.
    fn resolve(&self, module: &Module, path: &[String]) -> Option<Module> {
        let (mut current, rest): (Module, &[String]) = match path.first()?.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" => (module.clone(), &path[1..]),
            "super" => {
                let supers = path.iter().take_while(|s| *s == "super").count();
                (module[..module.len().checked_sub(supers)?].to_vec(), &path[supers..])
            }
            _ => (module.clone(), path), // a child module: `names::find_names`
        };
        for segment in rest {
            let mut next = current.clone();
            next.push(segment.clone());
            if !self.files.contains_key(&next) {
                break;
            }
            current = next;
        }
        self.files.contains_key(&current).then_some(current)
    }
}

fn collect_rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ reads") {
        let path = entry.expect("entry reads").path();
        if path.is_dir() {
            collect_rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/lib.rs` is the root `[]`, `src/a/mod.rs` and `src/a.rs` are `[a]`, `src/a/b.rs` is `[a, b]`.
fn module_of(path: &Path) -> Module {
    let relative = path.strip_prefix(src()).expect("under src/").with_extension("");
    let mut module: Module = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if module.last().is_some_and(|last| last == "mod" || last == "lib") {
        module.pop();
    }
    module
}

/// The code with comments, string and character literals blanked (lifetimes kept).
fn strip_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        let previous_is_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if !previous_is_ident && (c == 'r' || (c == 'b' && at(i + 1) == 'r')) && {
            let start = if c == 'b' { i + 2 } else { i + 1 };
            let hashes = chars[start.min(chars.len())..].iter().take_while(|&&h| h == '#').count();
            at(start + hashes) == '"'
        } {
            // A raw string: r"...", r#"..."#, br"...".
            let start = if c == 'b' { i + 2 } else { i + 1 };
            let hashes = chars[start..].iter().take_while(|&&h| h == '#').count();
            i = start + hashes + 1;
            let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let closing: Vec<char> = closing.chars().collect();
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                i += 1;
            }
            i += closing.len();
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal ('a', '\n', '\u{1F600}', '\''); a lifetime ('a) has no closing quote.
            i += 1;
            if at(i) == '\\' {
                i += 2;
            } else {
                i += 1;
            }
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The code without the items under `#[cfg(test)]`: each attribute and the item after it, to its `;` or the
/// end of its `{ ... }`.
fn strip_tests(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at + "#[cfg(test)]".len()..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (i, c) in item.char_indices() {
            match c {
                '{' | '(' | '[' => depth += 1,
                '}' | ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 && c == '}' {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// The modules `code` declares (`mod name;`), test-only ones already left out.
fn declared_modules(code: &str) -> Vec<String> {
    let mut modules = Vec::new();
    let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ';')).collect();
    for pair in words.windows(2) {
        if pair[0] == "mod" {
            if let Some(name) = pair[1].strip_suffix(';') {
                modules.push(name.to_string());
            }
        }
    }
    modules
}

/// Every path in `code` that names a module of this crate: the paths of each `use` tree, and in the rest of the
/// code every path starting with `crate`, `super`, `self` or one of the file's `children` modules.
fn paths_in(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let tokens = tokenize(code);
    let mut paths = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let end = tokens[i..].iter().position(|t| t == ";").map_or(tokens.len(), |p| i + p);
            use_tree(&tokens[i + 1..end], &mut Vec::new(), &mut paths);
            i = end + 1;
            continue;
        }
        let starts_path = i == 0 || tokens[i - 1] != "::";
        let head = tokens[i].as_str();
        if starts_path
            && tokens.get(i + 1).is_some_and(|t| t == "::")
            && (matches!(head, "crate" | "super" | "self") || children.contains(head))
        {
            let mut path = vec![head.to_string()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::") && tokens.get(j + 1).is_some_and(|t| is_ident(t)) {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            paths.push(path);
            i = j;
            continue;
        }
        i += 1;
    }
    paths.retain(|path| {
        matches!(path[0].as_str(), "crate" | "super" | "self") || children.contains(&path[0]) || path.len() > 1
    });
    paths
}

/// Expands a `use` tree (`a::b::{c, d::e as f, g::*}`) into its paths.
fn use_tree(tokens: &[String], prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let depth_at_start = prefix.len();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        match token {
            "::" => {}
            "{" => {
                // Each comma-separated tree inside the braces, at this depth.
                let mut depth = 0;
                let mut start = i + 1;
                for j in i + 1..tokens.len() {
                    match tokens[j].as_str() {
                        "{" => depth += 1,
                        "}" if depth == 0 => {
                            use_tree(&tokens[start..j], prefix, out);
                            prefix.truncate(depth_at_start);
                            return;
                        }
                        "}" => depth -= 1,
                        "," if depth == 0 => {
                            use_tree(&tokens[start..j], prefix, out);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                break;
            }
            "as" => {
                i += 1; // the alias
            }
            "*" => {}
            "pub" | "(" | ")" | "in" => {}
            _ if is_ident(token) => prefix.push(token.to_string()),
            _ => {}
        }
        i += 1;
    }
    if prefix.len() > depth_at_start {
        out.push(prefix.clone());
    }
    prefix.truncate(depth_at_start);
}

fn is_ident(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::` and single punctuation characters.
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".to_string());
            i += 2;
        } else {
            if !c.is_whitespace() {
                tokens.push(c.to_string());
            }
            i += 1;
        }
    }
    tokens
}

/// A cycle of `graph`, if it has one, as the modules along it (the first repeated at the end).
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, State>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        state.insert(node.clone(), State::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(State::New) {
                State::Open => {
                    let from = stack.iter().position(|m| m == next).expect("an open node is on the stack");
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                State::New => {
                    if let Some(cycle) = visit(next, graph, state, stack) {
                        return Some(cycle);
                    }
                }
                State::Done => {}
            }
        }
        stack.pop();
        state.insert(node.clone(), State::Done);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node).copied().unwrap_or(State::New) == State::New {
            if let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn the_reader_handles_use_trees_comments_and_literals() {
    let code = strip_comments_and_literals(
        "use crate::{a::b, c::{d, e as f}}; // use crate::hidden;\nlet s = \"crate::quoted\"; let r = r#\"super::raw\"#;\n\
         fn x<'a>(c: char) { let q = '\"'; crate::g::h(); super::i::j(); }",
    );
    let paths = paths_in(&code, &BTreeSet::new());
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(joined, ["crate::a::b", "crate::c::d", "crate::c::e", "crate::g::h", "super::i::j"]);
    let tests = strip_tests("use a;\n#[cfg(test)]\nmod tests { use crate::x; { } }\n#[cfg(test)]\nmod t;\nuse b;");
    assert_eq!(tests.split_whitespace().collect::<Vec<_>>(), ["use", "a;", "use", "b;"]);
}
