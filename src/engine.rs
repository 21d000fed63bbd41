//! The engine: gathers a draft's evidence, runs the judges, applies the policy (its own identifiers, disabled
//! kinds, severities, block mode) and builds the [`Report`], with the judgment of whether the draft comes from
//! work in health care (`care_context`).

use crate::doc::Document;
use crate::evidence::{entities, identifiers, Evidence};
use crate::judge;
use crate::judge::learned::{self, JudgeModels};
use crate::learn::LinearModel;
use crate::options::CheckOptions;
use crate::policy::{Mode, Policy};
use crate::report::{Explanation, Finding, Hit, Kind, Report, Severity, Verdict};
use crate::text::Utf16Cursor;
use std::borrow::Cow;

/// Checks `text` typed in the place `options` describes, under `policy`.
///
/// Findings are sorted by position; identical findings are reported once. The verdict is `ok` with no
/// findings, `advise` with only low ones, `warn` with any medium or high one, and `block` when the policy
/// is in block mode and a finding reaches its blocking severity.
pub fn check(text: &str, options: &CheckOptions, policy: &Policy) -> Report {
    check_with(text, options, policy, &entities::MODEL, &learned::SHIPPED)
}

/// Drafts longer than this are read in parts of at most this many bytes, each cut at a line break where there is
/// one (else after a sentence, else at a space): what the checker holds while it reads (the folded text, its
/// terms and their facts, the models' features) then grows with the part, not the paste, and only the findings
/// grow with the paste. A patient and a care context 64 KB apart are not one story.
const PART_BYTES: usize = 64 * 1024;

/// [`check`] with other models (training and held-out measurement run the checker with the models of a fold).
pub(crate) fn check_with(
    text: &str,
    options: &CheckOptions,
    policy: &Policy,
    entity_model: &LinearModel,
    judge_models: &JudgeModels,
) -> Report {
    // Room for a busy draft's findings without growing.
    let mut hits = Vec::with_capacity(32);
    let mut care_context = false;
    for (start, part) in parts(text) {
        let first = hits.len();
        care_context |= check_part(part, options, policy, entity_model, judge_models, &mut hits);
        for hit in &mut hits[first..] {
            hit.start += start;
            hit.end += start;
        }
    }
    finish(text, policy, hits, care_context)
}

/// Why the models decided as they did on each stretch of `text` (what `postguard check --explain` shows):
/// the warning's probability and threshold, each kind's with the words that weigh most toward it, and the
/// evidence. A diagnostic: it re-runs the check's evidence and models, and holds words of the draft.
pub fn explain(text: &str, options: &CheckOptions, policy: &Policy) -> Vec<Explanation> {
    let mut out = Vec::new();
    let mut units_before = 0;
    for (_, part) in parts(text) {
        let doc = Document::new(part, options, policy);
        let evidence = Evidence::gather(&doc, &entities::MODEL);
        let mut rules = Vec::new();
        judge::run(&evidence, &mut rules);
        // Folded byte ranges of the part to UTF-16 units of the draft, with the words as typed.
        let place = |range: (&mut usize, &mut usize)| {
            let (a, b) = doc.norm.original_range(*range.0, *range.1);
            *range.0 = units_before + part[..a].encode_utf16().count();
            *range.1 = units_before + part[..b].encode_utf16().count();
            part[a..b].to_string()
        };
        for mut why in learned::explain::explain(&evidence, rules, &learned::SHIPPED) {
            place((&mut why.start, &mut why.end));
            for word in why.kinds.iter_mut().flat_map(|k| k.words.iter_mut()) {
                word.text = place((&mut word.start, &mut word.end));
            }
            for item in &mut why.evidence {
                item.text = place((&mut item.start, &mut item.end));
            }
            out.push(why);
        }
        units_before += part.encode_utf16().count();
    }
    out
}

/// The parts a draft is read in (see [`PART_BYTES`]): each with its first byte. One part, the whole draft,
/// for any ordinary post (an empty draft included).
fn parts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = part_end(text, start);
        done = end >= text.len();
        let part = (start, &text[start..end]);
        start = end;
        Some(part)
    })
}

/// Where the part of `text` that starts at `start` ends (see [`PART_BYTES`]).
fn part_end(text: &str, start: usize) -> usize {
    if text.len() - start <= PART_BYTES {
        return text.len();
    }
    let mut limit = start + PART_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    // Cut in the second half of the part, so that no part is tiny.
    let window = &text.as_bytes()[start + PART_BYTES / 2..limit];
    let cut = window
        .iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| window.windows(2).rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ').map(|i| i + 1))
        .or_else(|| window.iter().rposition(|&b| b == b' '));
    cut.map_or(limit, |i| start + PART_BYTES / 2 + i + 1)
}

/// Checks one part of a draft, pushing its hits (byte ranges of `part` as typed, sorted) onto `hits`; returns
/// whether the part reads as written at work in health care.
fn check_part(
    part: &str,
    options: &CheckOptions,
    policy: &Policy,
    entity_model: &LinearModel,
    judge_models: &JudgeModels,
    hits: &mut Vec<Hit>,
) -> bool {
    let doc = Document::new(part, options, policy);
    let mut found = Vec::with_capacity(32);
    // Custom identifiers go first: when a built-in detector finds the same span ("chart RCH-004512"),
    // the stable sort and dedup below keep the organization's own label.
    custom_identifiers(&doc, &mut found);
    let evidence = Evidence::gather(&doc, entity_model);
    let mut rules = Vec::with_capacity(32);
    judge::run(&evidence, &mut rules);
    learned::decide(&evidence, rules, judge_models, &mut found);
    let care_context = judge::care_context(&evidence, &found);
    drop(evidence);
    locate(&doc, &mut found);
    // The document (the folded text, its tokens, words and mentions) is the most memory a long paste holds:
    // it goes before the next part is read.
    drop(doc);
    hits.append(&mut found);
    care_context
}

/// The ids of every detector, in the order they run (identifiers, contextual privacy rules, tone).
pub fn detector_ids() -> Vec<&'static str> {
    identifiers::ids().chain(judge::judges().map(|judge| judge.id())).collect()
}

/// A policy held for repeated checks (the wasm API and the extension keep one).
#[derive(Debug, Clone, Default)]
pub struct Checker {
    policy: Policy,
}

impl Checker {
    /// A checker under `policy`, its lists indexed now (not at the first check, which may be a submit's).
    pub fn new(policy: Policy) -> Checker {
        policy.lists();
        Checker { policy }
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Checks one draft; see [`check`].
    pub fn check(&self, text: &str, options: &CheckOptions) -> Report {
        check(text, options, &self.policy)
    }
}

fn custom_identifiers(doc: &Document, hits: &mut Vec<Hit>) {
    for custom in &doc.policy.custom_identifiers {
        for m in custom.pattern.find_iter(doc.text()) {
            if m.is_empty() {
                continue;
            }
            let mut hit = Hit::new(
                Kind::PhiDirectIdentifier,
                m.start(),
                m.end(),
                format!("This looks like a {}, which identifies a patient.", custom.label),
            )
            .severity(custom.severity)
            .suggest(format!("[{}]", custom.label.to_lowercase()));
            hit.identifier = Some(Cow::Owned(custom.id.clone()));
            hits.push(hit);
        }
    }
}

/// Applies the policy to the hits (kinds turned off, severities re-graded), maps them to byte ranges of the
/// draft as typed, and sorts and deduplicates them there.
fn locate(doc: &Document, hits: &mut Vec<Hit>) {
    let policy = doc.policy;
    hits.retain(|h| !policy.is_disabled(h.kind) && h.end > h.start);
    // Sorted and deduplicated by where they are in the draft as typed: text shown reversed (a right-to-left
    // override) is read in another order than it is typed, and read twice.
    for hit in hits.iter_mut() {
        hit.severity = policy.severity_for(hit.kind, hit.severity);
        (hit.start, hit.end) = doc.norm.original_range(hit.start, hit.end);
    }
    // A stable sort of the hits' indexes, then the hits moved into that order in place: sorting the hits
    // themselves would take half as much memory again as they hold, in a paste with a million of them.
    let mut order: Vec<u32> = (0..hits.len() as u32).collect();
    order.sort_by_key(|&i| {
        let hit = &hits[i as usize];
        (hit.start, hit.end, hit.kind)
    });
    permute(hits, order);
    hits.dedup_by(|later, earlier| {
        later.kind == earlier.kind && later.start == earlier.start && later.end == earlier.end
    });
}

/// Moves `items[order[k]]` to `items[k]` for every `k`, in place: each cycle of the permutation followed once.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..items.len() {
        let mut current = start;
        while order[current] != DONE {
            let next = order[current] as usize;
            order[current] = DONE;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// The report of the located hits: each a finding with its words and UTF-16 offsets.
fn finish(original: &str, policy: &Policy, mut hits: Vec<Hit>, care_context: bool) -> Report {
    // Each hit becomes a finding as the hits' memory is given back, so that a paste with a million findings
    // does not hold both at once.
    let mut findings: Vec<Finding> = Vec::with_capacity(hits.len());
    while let Some(hit) = hits.pop() {
        findings.push(Finding {
            kind: hit.kind,
            severity: hit.severity,
            start: hit.start,
            end: hit.end,
            text: original[hit.start..hit.end].to_string(),
            identifier: hit.identifier,
            message: hit.message,
            suggestion: hit.suggestion,
        });
        if hits.capacity() > 2 * hits.len() + 1024 {
            hits.shrink_to_fit();
        }
    }
    findings.reverse();
    // Byte offsets to UTF-16 units in place: the starts are in order, the ends nearly so.
    let mut starts = Utf16Cursor::new(original);
    for finding in &mut findings {
        finding.start = starts.units_at(finding.start);
    }
    let mut by_end: Vec<u32> = (0..findings.len() as u32).collect();
    by_end.sort_by_key(|&i| findings[i as usize].end);
    let mut ends = Utf16Cursor::new(original);
    for i in by_end {
        let finding = &mut findings[i as usize];
        finding.end = ends.units_at(finding.end);
    }
    let verdict = verdict(&findings, policy);
    Report { verdict, findings, care_context }
}

fn verdict(findings: &[Finding], policy: &Policy) -> Verdict {
    let Some(worst) = findings.iter().map(|f| f.severity).max() else {
        return Verdict::Ok;
    };
    if policy.mode == Mode::Block && worst >= policy.block_severity {
        Verdict::Block
    } else if worst >= Severity::Medium {
        Verdict::Warn
    } else {
        Verdict::Advise
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Context;

    fn ssn_report(policy: &Policy) -> Report {
        check("😀 pt ssn 219-09-9999", &CheckOptions::new(Context::Post), policy)
    }

    #[test]
    fn a_long_draft_is_read_in_parts_cut_at_line_breaks() {
        let line = "Quiet afternoon at the clinic, everyone caught up on charting.\n";
        let text = line.repeat(3 * PART_BYTES / line.len());
        let mut start = 0;
        let mut parts = 0;
        while start < text.len() {
            let end = part_end(&text, start);
            assert!(end - start <= PART_BYTES && end - start > PART_BYTES / 2 || end == text.len());
            assert!(text[..end].ends_with('\n'), "cut after a line break");
            (start, parts) = (end, parts + 1);
        }
        assert_eq!(parts, 3, "three parts of 1,040 lines");
        // No line break: after a sentence, then at a space, then anywhere on a character boundary.
        let prose = "Charting done. ".repeat(PART_BYTES / 10);
        assert!(prose[..part_end(&prose, 0)].ends_with(". "));
        let words = "word ".repeat(PART_BYTES / 3);
        assert!(words[..part_end(&words, 0)].ends_with(' '));
        let emoji = "😀".repeat(PART_BYTES / 2);
        assert!(emoji.is_char_boundary(part_end(&emoji, 0)));
    }

    #[test]
    fn findings_in_later_parts_point_at_their_words() {
        let filler = "Quiet afternoon at the clinic, everyone caught up on charting.\n".repeat(2500);
        let text = format!("{filler}😀 pt ssn 219-09-9999\n{filler}");
        assert!(text.len() > 2 * PART_BYTES);
        let report = check(&text, &CheckOptions::new(Context::Post), &Policy::default());
        let ssn: Vec<_> = report.findings.iter().filter(|f| f.identifier.as_deref() == Some("ssn")).collect();
        assert_eq!(ssn.len(), 1, "{:?}", report.findings);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[ssn[0].start..ssn[0].end]), "219-09-9999");
    }

    #[test]
    fn offsets_are_utf16_units_of_the_original() {
        let report = ssn_report(&Policy::default());
        let f = &report.findings[0];
        assert_eq!((f.start, f.end), (10, 21));
        assert_eq!(f.text, "219-09-9999");
        assert_eq!(report.verdict, Verdict::Warn);
    }

    #[test]
    fn permutes_in_place_like_a_stable_sort() {
        let items = [5, 3, 5, 1, 9, 3, 0, 7, 5];
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        order.sort_by_key(|&i| items[i as usize]);
        let tagged: Vec<(i32, usize)> = items.iter().copied().zip(0..).collect();
        let mut permuted = tagged.clone();
        permute(&mut permuted, order);
        let mut sorted = tagged;
        sorted.sort_by_key(|&(value, _)| value);
        assert_eq!(permuted, sorted);
    }

    #[test]
    fn empty_text_is_ok() {
        let report = check("", &CheckOptions::default(), &Policy::default());
        assert_eq!(report, Report { verdict: Verdict::Ok, findings: vec![], care_context: false });
    }

    #[test]
    fn block_mode_blocks_at_its_severity() {
        let policy = Policy::parse(r#"{"mode": "block", "block_severity": "high"}"#).unwrap();
        assert_eq!(ssn_report(&policy).verdict, Verdict::Block);
    }

    #[test]
    fn policy_disables_and_regrades_kinds() {
        let off = Policy::parse(r#"{"disabled_kinds": ["phi.direct_identifier"]}"#).unwrap();
        assert_eq!(ssn_report(&off).verdict, Verdict::Ok);
        let low = Policy::parse(r#"{"severity_overrides": {"phi.direct_identifier": "low"}}"#).unwrap();
        assert_eq!(ssn_report(&low).verdict, Verdict::Advise);
    }

    #[test]
    fn custom_identifiers_are_flagged_with_their_label() {
        let policy = Policy::parse(
            r#"{"custom_identifiers": [{"id": "rch_mrn", "label": "RCH record number", "pattern": "RCH-\\d{6}"}]}"#,
        )
        .unwrap();
        let report = check("chart RCH-004512 is missing", &CheckOptions::default(), &policy);
        let f = &report.findings[0];
        assert_eq!(f.identifier.as_deref(), Some("rch_mrn"));
        assert_eq!(f.text, "RCH-004512");
        assert!(f.message.contains("RCH record number"));
    }
}
