//! Detectors: one per file, each with a stable id, listed once in [`registry`].
//!
//! A detector reads the [`Document`] and pushes [`Hit`]s. Identifier detectors find the identifier and
//! decide from the surrounding words whether it points at a patient; tone detectors match phrase tables.

use crate::doc::Document;
use crate::report::Hit;

mod account;
mod address;
mod device;
mod email;
mod handle;
mod insurance_id;
mod ip;
mod keyed;
mod license;
mod mrn;
mod phone;
mod ssn;
pub(crate) mod tone;
mod url;
mod vehicle;
mod zip;

/// The identifier patterns, for the list of gated patterns in [`crate::gate`].
pub(crate) mod identifiers {
    pub(crate) use super::account::ACCOUNT;
    pub(crate) use super::address::ADDRESS;
    pub(crate) use super::device::GS1_UDI;
    pub(crate) use super::device::KEYED as DEVICE_KEYED;
    pub(crate) use super::email::EMAIL;
    pub(crate) use super::handle::HANDLE;
    pub(crate) use super::insurance_id::KEYED as INSURANCE_KEYED;
    pub(crate) use super::insurance_id::MBI;
    pub(crate) use super::ip::IPV4;
    pub(crate) use super::ip::IPV6;
    pub(crate) use super::license::LICENSE;
    pub(crate) use super::mrn::MRN;
    pub(crate) use super::phone::PHONE;
    pub(crate) use super::ssn::SSN;
    pub(crate) use super::url::URL;
    pub(crate) use super::vehicle::PLATE;
    pub(crate) use super::vehicle::VIN;
    pub(crate) use super::zip::ZIP;
}

/// A rule that finds one sort of problem.
pub(crate) trait Detector: Sync {
    /// Stable id; never changes once published (it names the rule in tests and docs).
    fn id(&self) -> &'static str;
    /// Pushes every hit found in `doc`.
    fn detect(&self, doc: &Document, out: &mut Vec<Hit>);
}

/// The patient-identifier detectors, in id order.
static IDENTIFIERS: &[&dyn Detector] = &[
    &account::Account,
    &address::Address,
    &device::Device,
    &email::Email,
    &handle::Handle,
    &insurance_id::InsuranceId,
    &ip::Ip,
    &license::License,
    &mrn::Mrn,
    &phone::Phone,
    &ssn::Ssn,
    &url::Url,
    &vehicle::Vehicle,
    &zip::Zip,
];

/// The contextual privacy rules (names, dates, ages, places judged in their care context).
static CONTEXTUAL: &[&dyn Detector] = &[&crate::phi::PatientContext];

/// Every detector: identifiers first, then the contextual privacy rules, then tone.
pub(crate) fn registry() -> impl Iterator<Item = &'static dyn Detector> {
    IDENTIFIERS.iter().chain(CONTEXTUAL).chain(tone::DETECTORS).copied()
}

#[cfg(test)]
pub(crate) mod testing {
    //! One-line assertions for detector tests.
    use crate::options::{CheckOptions, Context};
    use crate::{check, Kind, Policy, Report};
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
        check(text, &CheckOptions::new(context), &TEST_POLICY)
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
        for &(start, end) in doc.sentences() {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_sorted() {
        for group in [IDENTIFIERS, CONTEXTUAL, tone::DETECTORS] {
            let ids: Vec<&str> = group.iter().map(|d| d.id()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(ids, sorted, "each group lists its detectors in id order");
        }
        let mut all: Vec<&str> = registry().map(|d| d.id()).collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "detector ids are unique");
    }
}
