//! The held-back evasion set: disguised identifiers and profanity (`tests/data/evasion-heldout.jsonl`) written
//! before the folding and the finders were taught those disguises, and not used while teaching them, so the
//! share caught measures what disguises nobody wrote the code against will get.
//!
//! Each positive line names the finding kind (and identifier type) expected and the words it must overlap (the
//! corpus's rule: a span counts as found when a finding overlaps it); at least 90 % must be caught. Each
//! negative line (`absent`) names kinds that must not be reported on it: a version, a score, a price, fancy
//! text without care. Every finding on every line must be the exact slice of the draft it points at.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/invariants.rs"]
mod invariants;

use postguard::{check, CheckOptions, Policy};
use serde_json::Value;

const CASES: &str = include_str!("data/evasion-heldout.jsonl");

/// The UTF-16 range of the first occurrence of `span` in `text`.
fn utf16_range(text: &str, span: &str) -> (usize, usize) {
    let at = text.find(span).expect("the span is in the text");
    let start = text[..at].encode_utf16().count();
    (start, start + span.encode_utf16().count())
}

#[test]
fn catches_at_least_nine_in_ten_held_back_disguises_without_false_alarms() {
    let (mut caught, mut total) = (0, 0);
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let mut by_category: Vec<(String, usize, usize)> = Vec::new();
    for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("a JSON line");
        let text = case["text"].as_str().expect("text");
        let id = case["id"].as_str().expect("id");
        let report = check(text, &CheckOptions::default(), &Policy::default());
        invariants::assert_report_invariants(text, &report);
        if let Some(absent) = case["absent"].as_array() {
            for kind in absent.iter().filter_map(Value::as_str) {
                for f in report.findings.iter().filter(|f| f.kind.as_str() == kind) {
                    false_alarms.push(format!("{id}: {kind} on {:?}", f.text));
                }
            }
            continue;
        }
        let (kind, identifier) = (case["kind"].as_str().expect("kind"), case["identifier"].as_str());
        let (start, end) = utf16_range(text, case["span"].as_str().expect("span"));
        let found = report.findings.iter().any(|f| {
            f.kind.as_str() == kind
                && (identifier.is_none() || f.identifier.as_deref() == identifier)
                && f.start < end
                && start < f.end
        });
        total += 1;
        caught += usize::from(found);
        if !found {
            missed.push(id.to_string());
        }
        let category = case["cat"].as_str().unwrap_or("?").to_string();
        match by_category.iter_mut().find(|(c, _, _)| *c == category) {
            Some(entry) => {
                entry.1 += usize::from(found);
                entry.2 += 1;
            }
            None => by_category.push((category, usize::from(found), 1)),
        }
    }
    // Printed for the record (`cargo test --test evasion_heldout -- --nocapture`); ids only, never the drafts.
    println!("held-back evasion set: {caught} of {total} caught; by category: {by_category:?}; missed: {missed:?}");
    assert!(total >= 100, "the set has {total} positive cases");
    assert!(caught * 10 >= total * 9, "{caught} of {total} caught (under 90 %); missed: {missed:?}");
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
}
