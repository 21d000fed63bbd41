//! Why the models decided as they did (`postguard check --explain`): for each stretch of a draft, the warning's
//! probability against its threshold; each kind the models or the rules considered, with its probability,
//! threshold and mode and the words whose features weigh most toward it; and the evidence the stretch holds
//! (entities with the entity model's confidence, identifiers found by pattern, candidate patient identifiers
//! with the span model's probability, care words).
//!
//! ```text
//! "pt Lily in bed 4 coded" -> warn 0.93 of 0.76; phi.name_with_health_context 0.71 of 0.28 (model), words
//! "bed" +1.2, "pt" +0.9, "coded" +0.8; evidence: person "Lily" 0.88, room "bed 4", candidate name "Lily" 0.91
//! ```
//!
//! Offsets here are byte ranges of the folded text; the engine maps them to the draft as typed.

use super::draft::{self, DraftInput};
use super::{is_gated, score_stretch, stretch_input, stretches, JudgeModels, Mode, WARN};
use crate::evidence::Evidence;
use crate::report::{Hit, Kind};

/// Kinds below this probability are left out of an explanation unless a rule found them.
const SHOWN_FROM: f32 = 0.1;
/// How many words are given per kind.
const TOP_WORDS: usize = 5;

/// One stretch's explanation, in folded byte offsets.
pub(crate) struct StretchWhy {
    pub start: usize,
    pub end: usize,
    pub warn: f32,
    pub warn_threshold: f32,
    pub kinds: Vec<KindWhy>,
    pub evidence: Vec<EvidenceWhy>,
}

/// A kind's score in a stretch.
pub(crate) struct KindWhy {
    pub kind: Kind,
    pub probability: f32,
    pub threshold: f32,
    pub mode: &'static str,
    /// Whether the draft's warning decides the kind (it is shown only when the stretch warns).
    pub gated: bool,
    pub rule: bool,
    /// The words that weigh most toward the kind: byte range and weight, heaviest first.
    pub words: Vec<(usize, usize, f32)>,
}

/// A piece of evidence: what it is, its byte range and a confidence (1 for what a pattern found).
pub(crate) struct EvidenceWhy {
    pub what: String,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// Explains each stretch of the draft `evidence` was gathered from; `rules` are the rule judges' findings.
pub(crate) fn explain(evidence: &Evidence, mut rules: Vec<Hit>, models: &JudgeModels) -> Vec<StretchWhy> {
    let found = super::candidates::candidates(evidence);
    let likelihood = super::candidates::probabilities(evidence, &found, &models.spans);
    let candidates: Vec<_> = found.into_iter().zip(likelihood).collect();
    rules.sort_by_key(|h| h.start);
    let mut identifiers = evidence.identifiers.clone();
    identifiers.sort_by_key(|h| h.start);
    stretches(evidence)
        .into_iter()
        .map(|(start, end)| {
            let input = stretch_input(evidence, start, end, &rules, &candidates, &identifiers);
            let scored = score_stretch(&input, models);
            let kinds = Kind::ALL
                .iter()
                .filter_map(|&kind| {
                    let probability = scored.probabilities[kind as usize];
                    let rule = input.rules.iter().any(|h| h.kind == kind);
                    if probability < SHOWN_FROM && !rule {
                        return None;
                    }
                    let (threshold, mode) = models.thresholds.of(kind);
                    let mode = match mode {
                        Mode::Model => "model",
                        Mode::Either => "either",
                        Mode::Rule => "rule",
                    };
                    let words = weightiest_words(&input, |key| models.kinds.weight(key, kind as usize));
                    Some(KindWhy { kind, probability, threshold, mode, gated: is_gated(kind), rule, words })
                })
                .collect();
            StretchWhy {
                start,
                end,
                warn: scored.probabilities[WARN],
                warn_threshold: models.thresholds.warn,
                kinds,
                evidence: evidence_in(&input),
            }
        })
        .collect()
}

/// The stretch's words whose own features (the word, its class, its pairs) weigh most by `weight`.
fn weightiest_words(input: &DraftInput, weight: impl Fn(crate::learn::Key) -> f32) -> Vec<(usize, usize, f32)> {
    let terms = &input.evidence.doc.terms().list;
    let (first, past) = draft::term_range(input, input.start, input.end);
    let mut words: Vec<(usize, usize, f32)> = (first..past)
        .map(|i| {
            let mut total = 0.0;
            draft::word_features(input, i, i + 1, &mut |key, pair| {
                if !pair {
                    total += weight(key);
                }
            });
            (terms[i].start, terms[i].end, total)
        })
        .filter(|&(_, _, w)| w > 0.0)
        .collect();
    words.sort_by(|a, b| b.2.total_cmp(&a.2));
    words.truncate(TOP_WORDS);
    words
}

/// The evidence a stretch holds.
fn evidence_in(input: &DraftInput) -> Vec<EvidenceWhy> {
    let mut out = Vec::new();
    for e in input.entities {
        out.push(EvidenceWhy {
            what: e.kind.as_str().to_string(),
            start: e.start,
            end: e.end,
            confidence: e.probability,
        });
    }
    for h in input.identifiers {
        out.push(EvidenceWhy {
            what: format!("identifier {}", h.identifier.as_str()),
            start: h.start,
            end: h.end,
            confidence: 1.0,
        });
    }
    for (c, p) in input.candidates {
        out.push(EvidenceWhy {
            what: format!("patient's {}", c.identifier.as_str()),
            start: c.start,
            end: c.end,
            confidence: *p,
        });
    }
    for t in input.evidence.doc.care_in(input.start, input.end) {
        out.push(EvidenceWhy { what: "care word".to_string(), start: t.start, end: t.end, confidence: 1.0 });
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}
