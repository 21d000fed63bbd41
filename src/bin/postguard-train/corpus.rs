//! Reading the labeled corpus (`corpus/`): the drafts of each set with their labels, and WNUT-17's posts with
//! their entities, turned into the core's [`TrainingDraft`]s.

use postguard::training::{Example, Span, TrainingDraft};
use postguard::{CheckOptions, Context};
use serde_json::Value;
use std::path::Path;

/// One labeled draft of a corpus set.
#[derive(Debug, Clone)]
pub struct Labeled {
    pub id: String,
    /// The set's name (its file name without `.jsonl`).
    pub set: String,
    pub draft: TrainingDraft,
    /// `warn`, `advise` or `ok`.
    pub expect: String,
    pub kinds: Vec<String>,
    /// The entity model's examples of this draft, made once by [`crate::load`]: they depend on the draft alone,
    /// and a training run reads them six times per fold (a third of its time when each read made them anew).
    pub entity_examples: Vec<Example>,
}

fn lines(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1)))
        .collect()
}

fn string(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// Every occurrence of `needle` in `text` that stands as whole words (no letter or digit glued on either side).
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(needle)
        .map(|(at, _)| (at, at + needle.len()))
        .filter(|&(s, e)| {
            let starts_word = !needle.starts_with(char::is_alphanumeric) || edge(text[..s].chars().next_back());
            let ends_word = !needle.ends_with(char::is_alphanumeric) || edge(text[e..].chars().next());
            starts_word && ends_word
        })
        .collect()
}

/// The labeled drafts of one set file (the corpus spec: `corpus/SPEC.md`).
pub fn load_set(path: &Path) -> Result<Vec<Labeled>, String> {
    let set = path.file_stem().and_then(|s| s.to_str()).unwrap_or("set").to_string();
    lines(path)?
        .into_iter()
        .map(|v| {
            let text = string(&v, "text");
            let context = Context::parse(&string(&v, "context")).unwrap_or_default();
            let site = v.get("site").and_then(Value::as_str).map(str::to_string);
            let mut spans = Vec::new();
            for span in v.get("spans").and_then(Value::as_array).into_iter().flatten() {
                let (needle, kind) = (string(span, "text"), string(span, "type"));
                // Every occurrence: a name said twice is the patient's both times. A span that is no whole
                // word ("Mr. B" inside "Mr. Bo") falls back to its first occurrence, as the scorer counts it.
                let mut found = occurrences(&text, &needle);
                if found.is_empty() {
                    found.extend(text.find(&needle).map(|at| (at, at + needle.len())));
                }
                spans.extend(found.into_iter().map(|(start, end)| Span { start, end, kind: kind.clone() }));
            }
            let kinds = v
                .get("kinds")
                .and_then(Value::as_array)
                .map(|k| k.iter().filter_map(Value::as_str).map(str::to_string).collect())
                .unwrap_or_default();
            Ok(Labeled {
                id: string(&v, "id"),
                set: set.clone(),
                draft: TrainingDraft { text, options: CheckOptions { context, site }, spans, all_entities: false },
                expect: string(&v, "expect"),
                kinds,
                entity_examples: Vec::new(),
            })
        })
        .collect()
}

/// WNUT-17's posts with every entity located (`corpus/social/`).
pub fn load_social(path: &Path) -> Result<Vec<(String, TrainingDraft)>, String> {
    lines(path)?
        .into_iter()
        .map(|v| {
            let text = string(&v, "text");
            let mut spans = Vec::new();
            for entity in v.get("entities").and_then(Value::as_array).into_iter().flatten() {
                let (needle, kind) = (string(entity, "text"), string(entity, "type"));
                spans.extend(occurrences(&text, &needle).into_iter().map(|(start, end)| Span {
                    start,
                    end,
                    kind: kind.clone(),
                }));
            }
            let draft = TrainingDraft { text, options: CheckOptions::default(), spans, all_entities: true };
            Ok((string(&v, "id"), draft))
        })
        .collect()
}

/// The set files of `dir` (`*.jsonl`), sorted by name.
pub fn set_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    Ok(files)
}
