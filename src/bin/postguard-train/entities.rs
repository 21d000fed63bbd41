//! `postguard-train entities`: trains the entity model and measures it on drafts it never saw.

use crate::corpus::Labeled;
use postguard::training::{find_entities, TrainingDraft};
use postguard::Policy;
use std::collections::BTreeMap;

/// Per span type: (spans, spans an entity of the matching kind overlaps, spans any entity overlaps).
pub fn span_coverage(drafts: &[&Labeled], policy: &Policy, model: &[u8]) -> BTreeMap<String, (usize, usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for l in drafts {
        let found = find_entities(&l.draft, policy, model).expect("a model just written");
        // Each labeled span once (its first occurrence), as the scorer counts.
        let mut seen = std::collections::HashSet::new();
        for span in &l.draft.spans {
            if !matches!(span.kind.as_str(), "name" | "place" | "age" | "date" | "room")
                || !seen.insert(&l.draft.text[span.start..span.end])
            {
                continue;
            }
            let want = if span.kind == "name" { "person" } else { span.kind.as_str() };
            let overlapping = found.iter().filter(|e| e.start < span.end && span.start < e.end);
            let (mut same, mut any) = (false, false);
            for e in overlapping {
                any = true;
                same |= e.kind == want;
            }
            let row = out.entry(span.kind.clone()).or_default();
            row.0 += 1;
            row.1 += usize::from(same);
            row.2 += usize::from(any);
        }
    }
    out
}

/// On WNUT-17-style drafts: per kind (person, place) the labeled entities, those found, the entities found and
/// those that are right.
pub fn social_scores(drafts: &[&TrainingDraft], policy: &Policy, model: &[u8]) -> BTreeMap<&'static str, [usize; 4]> {
    let mut out: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    for d in drafts {
        let found = find_entities(d, policy, model).expect("a model just written");
        for (kind, label) in [("person", "person"), ("place", "location")] {
            let row = out.entry(kind).or_default();
            let mut seen = std::collections::HashSet::new();
            for span in d.spans.iter().filter(|s| s.kind == label) {
                if !seen.insert((span.start, span.end)) {
                    continue;
                }
                row[0] += 1;
                row[1] += usize::from(found.iter().any(|e| e.kind == kind && e.start < span.end && span.start < e.end));
            }
            for e in found.iter().filter(|e| e.kind == kind) {
                row[2] += 1;
                row[3] += usize::from(d.spans.iter().any(|s| s.kind == label && e.start < s.end && s.start < e.end));
            }
        }
    }
    out
}
