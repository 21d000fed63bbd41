//! Applies a report's suggestions to the draft: what the overlay's Redact button does.

use crate::report::{Finding, Report};
use crate::text::byte_offsets;
use serde::{Deserialize, Serialize};

/// One replaced range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Start in the original text (UTF-16 code units).
    pub start: usize,
    /// End in the original text (UTF-16 code units, exclusive).
    pub end: usize,
    /// What replaces it.
    pub replacement: String,
    /// Where the replacement starts in the new text (UTF-16 code units).
    pub new_start: usize,
    /// Where the replacement ends in the new text (UTF-16 code units, exclusive).
    pub new_end: usize,
}

/// A redacted draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    /// The new text.
    pub text: String,
    /// The replaced ranges, in order, not overlapping.
    pub changes: Vec<Change>,
}

/// Replaces every finding whose suggestion is a replacement for its words: identifier placeholders
/// ("\[name\]"), short rewordings ("person with diabetes"), and the same sentence without shouting. Advice
/// ("Send personal support privately...", "(leave it out)") is shown in the overlay but never pasted into
/// the draft.
///
/// Overlapping findings are merged into one change covering them all; an identifier placeholder wins over
/// a rewording, because removing the identifier is what matters. Findings whose offsets do not fit `text`
/// (a stale report) are skipped.
///
/// # Example
/// ```
/// use postguard::{check, redact, CheckOptions, Policy};
/// let text = "pt ssn 219-09-9999";
/// let report = check(text, &CheckOptions::default(), &Policy::default());
/// assert_eq!(redact(text, &report).text, "pt ssn [ssn]");
/// ```
pub fn redact(text: &str, report: &Report) -> Redaction {
    let units: Vec<u16> = text.encode_utf16().collect();
    // A stale or forged offset inside a surrogate pair moves back to the start of its character, so every
    // change (and the text it describes) falls on character boundaries.
    let floor = |at: usize| if units.get(at).is_some_and(|u| (0xDC00..=0xDFFF).contains(u)) { at - 1 } else { at };
    let mut spans: Vec<(usize, usize, &str, bool)> = report
        .findings
        .iter()
        .filter(|f| f.start < f.end && f.end <= units.len())
        .filter(|f| is_replacement(f))
        .filter_map(|f| f.suggestion.as_deref().map(|s| (floor(f.start), floor(f.end), s, f.identifier.is_some())))
        .filter(|&(start, end, _, _)| start < end)
        .collect();
    spans.sort_by_key(|&(start, end, _, _)| (start, std::cmp::Reverse(end)));

    let mut merged: Vec<(usize, usize, &str, bool)> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.0 < last.1 => {
                last.1 = last.1.max(span.1);
                if span.3 && !last.3 {
                    last.2 = span.2;
                    last.3 = true;
                }
            }
            _ => merged.push(span),
        }
    }

    let offsets: Vec<usize> = merged.iter().flat_map(|&(s, e, _, _)| [s, e]).collect();
    let bytes = byte_offsets(text, &offsets);
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::with_capacity(merged.len());
    let mut copied = 0;
    let mut new_units = 0;
    for (i, &(start, end, replacement, _)) in merged.iter().enumerate() {
        let (bs, be) = (bytes[2 * i], bytes[2 * i + 1]);
        out.push_str(&text[copied..bs]);
        new_units += text[copied..bs].encode_utf16().count();
        out.push_str(replacement);
        let new_start = new_units;
        new_units += replacement.encode_utf16().count();
        changes.push(Change { start, end, replacement: replacement.to_string(), new_start, new_end: new_units });
        copied = be;
    }
    out.push_str(&text[copied..]);
    Redaction { text: out, changes }
}

/// Whether a finding's suggestion stands in for its words, rather than advising the author.
fn is_replacement(finding: &Finding) -> bool {
    let Some(suggestion) = finding.suggestion.as_deref() else { return false };
    if finding.identifier.is_some() || (suggestion.starts_with('[') && suggestion.ends_with(']')) {
        return true;
    }
    let same_words = suggestion.to_lowercase() == finding.text.to_lowercase();
    let short = suggestion.split_whitespace().count() <= 6 && !suggestion.ends_with(['.', ':']);
    same_words || (short && !suggestion.starts_with('('))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Finding, Kind, Severity, Verdict};

    fn finding(start: usize, end: usize, suggestion: &str, identifier: bool) -> Finding {
        Finding {
            kind: Kind::PhiDirectIdentifier,
            severity: Severity::High,
            start,
            end,
            text: String::new(),
            identifier: identifier.then_some("name".into()),
            message: "".into(),
            suggestion: Some(suggestion.to_string().into()),
        }
    }

    #[test]
    fn replaces_with_utf16_offsets_after_emoji() {
        let text = "😀 Ann in bed 4";
        let report = Report {
            verdict: Verdict::Warn,
            findings: vec![finding(3, 6, "[name]", true), finding(10, 15, "[room]", true)],
            care_context: false,
        };
        let r = redact(text, &report);
        assert_eq!(r.text, "😀 [name] in [room]");
        assert_eq!((r.changes[1].new_start, r.changes[1].new_end), (13, 19));
    }

    #[test]
    fn offsets_inside_an_emoji_move_to_its_start() {
        // Found by fuzzing: a forged finding ending inside a surrogate pair gave a change that split it.
        let text = "a😀b😀";
        let report = Report {
            verdict: Verdict::Warn,
            findings: vec![finding(0, 2, "[x]", true), finding(4, 5, "[y]", true), finding(2, 3, "[z]", true)],
            care_context: false,
        };
        let r = redact(text, &report);
        // 0..2 ends inside the first emoji: "a" only; 2..3 starts inside it: the whole emoji; 4..5 is empty.
        assert_eq!(r.text, "[x][z]b😀");
        let spans: Vec<(usize, usize)> = r.changes.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 1), (1, 3)]);
    }

    #[test]
    fn merges_overlaps_and_prefers_placeholders() {
        let text = "that frequent flyer Bob";
        let report = Report {
            verdict: Verdict::Warn,
            findings: vec![finding(5, 23, "a patient", false), finding(20, 23, "[name]", true)],
            care_context: false,
        };
        let r = redact(text, &report);
        assert_eq!(r.text, "that [name]");
        assert_eq!(r.changes.len(), 1);
    }

    #[test]
    fn applies_rewordings_but_not_advice() {
        let text = "our diabetic patient, sorry for your loss";
        let mut reword = finding(4, 12, "person with diabetes", false);
        reword.kind = Kind::ToneStigmatizingLanguage;
        let mut advice = finding(22, 40, "Send personal support privately, without mentioning their care.", false);
        advice.kind = Kind::PhiRelationshipConfirmation;
        let report = Report { verdict: Verdict::Warn, findings: vec![reword, advice], care_context: false };
        assert_eq!(redact(text, &report).text, "our person with diabetes patient, sorry for your loss");
    }

    #[test]
    fn skips_stale_offsets() {
        let report =
            Report { verdict: Verdict::Warn, findings: vec![finding(2, 99, "[x]", true)], care_context: false };
        assert_eq!(redact("short", &report).text, "short");
    }
}
