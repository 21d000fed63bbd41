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
//! The explanation is made here with byte ranges of the folded text and no words; the engine maps the ranges
//! to the draft as typed and fills in the words ([`crate::engine::explain`]).

use super::draft::{self, DraftInput};
use super::{each_stretch, is_gated, JudgeModels, Mode, WARN};
use crate::evidence::Evidence;
use crate::report::{EvidenceItem, Explanation, Hit, Kind, KindScore, WordWeight};

/// Kinds below this probability are left out of an explanation unless a rule found them.
const SHOWN_FROM: f32 = 0.1;
/// How many words are given per kind.
const TOP_WORDS: usize = 5;

/// Explains each stretch of the draft `evidence` was gathered from; `rules` are the rule judges' findings.
/// Every `start`/`end` is a folded byte range and every `text` empty, for the engine to map and fill.
pub(crate) fn explain(evidence: &Evidence, rules: Vec<Hit>, models: &JudgeModels) -> Vec<Explanation> {
    let mut out = Vec::new();
    each_stretch(evidence, rules, models, |input, scored| {
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
                let words = weightiest_words(input, |key| models.kinds.weight(key, kind as usize));
                Some(KindScore { kind, probability, threshold, mode, gated: is_gated(kind), rule, words })
            })
            .collect();
        out.push(Explanation {
            start: input.start,
            end: input.end,
            warn: scored.probabilities[WARN],
            warn_threshold: models.thresholds.warn,
            exact_floor: models.thresholds.exact_floor,
            kinds,
            evidence: evidence_in(input),
        });
    });
    out
}

/// The stretch's words whose own features (the word, its class, its neighbours) weigh most by `weight`.
fn weightiest_words(input: &DraftInput, weight: impl Fn(crate::learn::Key) -> f32) -> Vec<WordWeight> {
    let terms = &input.evidence.doc.terms().list;
    let (first, past) = draft::term_range(input, input.start, input.end);
    let mut words: Vec<WordWeight> = (first..past)
        .map(|i| {
            let mut total = 0.0;
            draft::word_features(input, i, i + 1, &mut |key, pair| {
                if !pair {
                    total += weight(key);
                }
            });
            WordWeight { text: String::new(), weight: total, start: terms[i].start, end: terms[i].end }
        })
        .filter(|w| w.weight > 0.0)
        .collect();
    words.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    words.truncate(TOP_WORDS);
    words
}

/// The evidence a stretch holds.
fn evidence_in(input: &DraftInput) -> Vec<EvidenceItem> {
    let item = |what: String, start: usize, end: usize, confidence: f32| EvidenceItem {
        what,
        text: String::new(),
        confidence,
        start,
        end,
    };
    let mut out = Vec::new();
    for e in input.entities {
        out.push(item(e.kind.as_str().to_string(), e.start, e.end, e.probability));
    }
    for h in input.identifiers {
        out.push(item(format!("identifier {}", h.identifier.as_str()), h.start, h.end, 1.0));
    }
    for &(c, p) in input.candidates {
        out.push(item(format!("patient's {}", c.identifier.as_str()), c.start, c.end, p));
    }
    for t in input.evidence.doc.care_in(input.start, input.end) {
        out.push(item("care word".to_string(), t.start, t.end, 1.0));
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}
