//! The invariants every report and every redaction must hold, whatever the input.
//!
//! Shared by the property tests (`tests/properties.rs`) and the fuzz targets (`fuzz/fuzz_targets/`), which
//! include this file with `#[path]`, so both check exactly the same promises.
#![allow(dead_code)]

use postguard::{Kind, Redaction, Report, Verdict};

/// Checks a report against the text it was made from; panics with a description (never the whole text).
#[track_caller]
pub fn assert_report_invariants(text: &str, report: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut previous_start = 0;
    for (i, f) in report.findings.iter().enumerate() {
        assert!(f.start < f.end, "finding {i} ({}) is empty or reversed: {}..{}", f.kind, f.start, f.end);
        assert!(f.end <= units.len(), "finding {i} ({}) ends at {} past the text ({})", f.kind, f.end, units.len());
        assert!(on_boundary(&units, f.start), "finding {i} ({}) starts inside a surrogate pair", f.kind);
        assert!(on_boundary(&units, f.end), "finding {i} ({}) ends inside a surrogate pair", f.kind);
        let slice = String::from_utf16(&units[f.start..f.end]).expect("boundaries checked above");
        assert_eq!(f.text, slice, "finding {i} ({}) text is not the slice {}..{}", f.kind, f.start, f.end);
        assert!(f.start >= previous_start, "finding {i} ({}) is out of order", f.kind);
        previous_start = f.start;
        if f.kind == Kind::PhiDirectIdentifier {
            assert!(f.identifier.is_some(), "identifier finding {i} has no identifier type");
            assert!(f.suggestion.is_some(), "identifier finding {i} has no placeholder");
        }
    }
    assert_eq!(report.findings.is_empty(), report.verdict == Verdict::Ok, "verdict {:?} disagrees", report.verdict);
}

/// Checks a redaction of `text` made from `report`.
///
/// What [`postguard::redact`] promises, and what this asserts:
/// - changes are sorted, do not overlap, lie inside the text on character boundaries, and the new text is
///   exactly the kept text with each change's replacement in its place (`new_start..new_end` included);
/// - every identifier finding (it always has a placeholder) lies inside one change (overlapping findings are
///   merged, adjacent ones stay separate changes), so every `phi.direct_identifier` range is replaced as a
///   whole; tone findings are replaced only when their suggestion is a short rewording, never advice;
/// - therefore a flagged identifier's text survives in the output only where it also occurs unflagged in
///   the draft, or where a placeholder and the text around it happen to spell it: each occurrence of it in
///   the output either touches a replacement or lies in kept text that contains it in the original.
#[track_caller]
pub fn assert_redaction_invariants(text: &str, report: &Report, redaction: &Redaction) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let out: Vec<u16> = redaction.text.encode_utf16().collect();
    let mut rebuilt: Vec<u16> = Vec::with_capacity(out.len());
    let mut kept_at = 0;
    // Kept segments in output coordinates.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (i, c) in redaction.changes.iter().enumerate() {
        assert!(c.start < c.end && c.end <= units.len(), "change {i} out of bounds: {}..{}", c.start, c.end);
        assert!(c.start >= kept_at, "change {i} overlaps the previous one");
        assert!(on_boundary(&units, c.start) && on_boundary(&units, c.end), "change {i} splits a surrogate pair");
        kept.push((rebuilt.len(), rebuilt.len() + c.start - kept_at));
        rebuilt.extend_from_slice(&units[kept_at..c.start]);
        assert_eq!(c.new_start, rebuilt.len(), "change {i} new_start");
        rebuilt.extend(c.replacement.encode_utf16());
        assert_eq!(c.new_end, rebuilt.len(), "change {i} new_end");
        kept_at = c.end;
    }
    kept.push((rebuilt.len(), rebuilt.len() + units.len() - kept_at));
    rebuilt.extend_from_slice(&units[kept_at..]);
    assert!(rebuilt == out, "redacted text is not the kept text plus the replacements");

    for (i, f) in report.findings.iter().enumerate() {
        // Identifier placeholders are always applied; rewordings only when short (advice never is).
        if f.identifier.is_none() || f.suggestion.is_none() || f.start >= f.end || f.end > units.len() {
            continue;
        }
        let covered = redaction.changes.iter().any(|c| c.start <= f.start && f.end <= c.end);
        assert!(covered, "finding {i} ({}) at {}..{} is not inside any change", f.kind, f.start, f.end);
    }

    for (i, f) in report.findings.iter().enumerate() {
        if f.kind != Kind::PhiDirectIdentifier || f.text.is_empty() {
            continue;
        }
        let needle: Vec<u16> = f.text.encode_utf16().collect();
        for at in occurrences(&out, &needle) {
            let inside_kept = kept.iter().any(|&(s, e)| s <= at && at + needle.len() <= e);
            if inside_kept {
                let unflagged_elsewhere = occurrences(&units, &needle)
                    .any(|o| !redaction.changes.iter().any(|c| c.start < o + needle.len() && o < c.end));
                assert!(unflagged_elsewhere, "identifier finding {i} ({:?}) survives redaction", f.identifier);
            }
        }
    }
}

/// True when UTF-16 offset `at` does not fall between the two halves of a surrogate pair.
pub fn on_boundary(units: &[u16], at: usize) -> bool {
    at == 0
        || at >= units.len()
        || !(0xDC00..=0xDFFF).contains(&units[at])
        || !(0xD800..=0xDBFF).contains(&units[at - 1])
}

fn occurrences<'a>(haystack: &'a [u16], needle: &'a [u16]) -> impl Iterator<Item = usize> + 'a {
    haystack.windows(needle.len().max(1)).enumerate().filter(move |(_, w)| *w == needle).map(|(i, _)| i)
}
