//! One-line assertions for the rules' tests: a rule is tested through the whole checker with every kind
//! decided by its rules alone (the learned judgment has tests of its own), so these sit at the engine's level
//! (compiled for tests only).
use crate::evidence::entities;
use crate::judge::learned::RULES_ONLY;
use crate::options::{CheckOptions, Context};
use crate::{Kind, Policy, Report};
use std::sync::LazyLock;

/// The organization profile detector tests assume (a fictional hospital).
pub static TEST_POLICY: LazyLock<Policy> = LazyLock::new(|| {
    Policy::parse(
        r#"{"organization": {
            "names": ["Lakeside General Hospital", "Lakeside General", "LGH"],
            "addresses": ["400 Harbor Rd, Millbrook, OH 43001"],
            "phones": ["(614) 555-0100", "(614) 555-0101"],
            "domains": ["lakesidegeneral.org"],
            "staff": ["Priya Raman", "Tomas Berg", "Nurse Ada Cole"]
        }}"#,
    )
    .expect("test policy is valid")
});

pub fn report(text: &str, context: Context) -> Report {
    crate::engine::check_with(text, &CheckOptions::new(context), &TEST_POLICY, &entities::MODEL, &RULES_ONLY)
}

/// Asserts that `text`, typed as a post, yields a finding of `kind` whose words are `words`.
#[track_caller]
pub fn assert_flags(text: &str, kind: Kind, words: &str) {
    assert_flags_in(text, Context::Post, kind, words);
}

#[track_caller]
pub fn assert_flags_in(text: &str, context: Context, kind: Kind, words: &str) {
    let report = report(text, context);
    assert!(
        report.findings.iter().any(|f| f.kind == kind && f.text.contains(words)),
        "expected {kind} on {words:?} in {text:?}, got {:#?}",
        report.findings
    );
}

/// Asserts that `lexicon` finds `count` terms in `text` and the same ones, at the same places, in each
/// sentence of it searched alone: what lets a detector search the whole draft once instead of each sentence.
#[track_caller]
pub fn assert_found_alike_in_sentences(lexicon: &crate::text::lexicon::Lexicon, text: &str, count: usize) {
    let options = CheckOptions::new(Context::Post);
    let doc = crate::doc::Document::new(text, &options, &TEST_POLICY);
    let in_draft: Vec<_> = lexicon.find(doc.lower()).map(|t| (t.start, t.end)).collect();
    let mut in_sentences = Vec::new();
    for (start, end) in doc.sentences().iter() {
        let found = lexicon.find(&doc.lower()[start..end]);
        in_sentences.extend(found.map(|t| (start + t.start, start + t.end)));
    }
    assert_eq!(in_draft.len(), count, "{text:?}");
    assert_eq!(in_draft, in_sentences, "{text:?}");
}

/// Asserts that `text`, typed as a post, yields no finding of `kind`.
#[track_caller]
pub fn assert_allows(text: &str, kind: Kind) {
    assert_allows_in(text, Context::Post, kind);
}

#[track_caller]
pub fn assert_allows_in(text: &str, context: Context, kind: Kind) {
    let report = report(text, context);
    assert!(
        !report.findings.iter().any(|f| f.kind == kind),
        "expected no {kind} in {text:?}, got {:#?}",
        report.findings
    );
}

/// Asserts that every emoji of a detector's list is beyond the Basic Multilingual Plane: detectors look for
/// emoji only among such characters ([`crate::doc::Document::astral_in`]).
#[track_caller]
pub fn assert_astral(emoji: &[char]) {
    for e in emoji {
        assert!(u32::from(*e) > 0xFFFF, "{e:?} is in the Basic Multilingual Plane");
    }
}

/// Asserts that `text` yields no finding at all.
#[track_caller]
pub fn assert_silent(text: &str) {
    let report = report(text, Context::Post);
    assert!(report.findings.is_empty(), "expected no findings in {text:?}, got {:#?}", report.findings);
}
