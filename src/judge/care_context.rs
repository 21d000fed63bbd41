//! Care context: whether a draft was written at or about a job in health care. The report carries the answer
//! (`care_context`) so the extension can ask about a photo or video only where it is likely to come from work:
//! a photo from work is how a patient in the background, a census board or a wristband gets posted.
//!
//! Work is read from the evidence the privacy judges read, and from where the draft is typed:
//! - the privacy findings, and the tone findings about patients (a draft with one is about care by definition);
//! - care words (`src/data/care.txt`: "pt", "the ED", "on the unit", "admitted", "DKA", "colonoscopy"),
//!   except appointments and check-ups alone, which are everyone's;
//! - the organization's own names, addresses, web domains and staff, as the policy lists them;
//! - work words (`src/data/work.txt`): the shift ("night shift", "clocked in"), the people ("charge nurse",
//!   "coworkers", "our team"), the workplace ("break room", "hospital", "scrubs"), the units and the care
//!   shorthand the care list reads otherwise or not at all ("our ICU team", "call light", "CXR") and the hashtags;
//! - a reply to a review, and the sites where staff write as their practice or in their profession (review
//!   sites, LinkedIn).
//!
//! "First day back on the unit with my favorite crew 💙" is work; "Sunset at the lake 🌅" is not. The question is
//! only whether work is likely, not whether anything is wrong: most drafts with a care context have no finding.

use crate::doc::care::CareCategory;
use crate::evidence::Evidence;
use crate::options::Context;
use crate::report::{Hit, Kind};
use crate::text::lexicon::Lexicon;
use std::sync::LazyLock;

static WORK: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse_fast(include_str!("../data/work.txt")));

/// Sites where staff write as their practice (replies to reviews) or about their profession.
const WORK_SITES: &[&str] = &["google_reviews", "yelp", "linkedin"];

/// Tone and claims kinds that are about patients or a practice's care, besides every `phi.*` kind.
const ABOUT_CARE: &[Kind] = &[
    Kind::ToneMockingPatients,
    Kind::ToneDerogatoryPatientSlang,
    Kind::ToneDefensiveReply,
    Kind::ClaimsGuaranteeOrCure,
];

/// True when the draft reads as written at or about work in health care: where it is typed says so (a reply to
/// a review, a review site or LinkedIn), a finding about a patient or the practice's care was judged (`hits`,
/// before the policy turns kinds off or re-grades them: the draft is the same), or the text has a care word, one
/// of the organization's own details, or a work word. The cheap signals are read first; the work words cost one
/// pass over the draft, only when nothing else decided.
pub(crate) fn care_context(evidence: &Evidence, hits: &[Hit]) -> bool {
    let doc = evidence.doc;
    let options = doc.options;
    options.context == Context::ReplyToReview
        || options.site.as_deref().is_some_and(|site| WORK_SITES.contains(&site))
        || hits.iter().any(|hit| hit.kind.is_phi() || ABOUT_CARE.contains(&hit.kind))
        || doc.care_terms().iter().any(|term| term.category != CareCategory::Visit)
        || doc.is_org(0, doc.text().len())
        || WORK.find(doc.lower()).next().is_some()
}

#[cfg(test)]
mod tests {
    use crate::options::{CheckOptions, Context};
    use crate::policy::Policy;

    fn care_context(text: &str) -> bool {
        crate::check(text, &CheckOptions::new(Context::Post), &Policy::default()).care_context
    }

    #[test]
    fn flags_work_captions() {
        for text in [
            "first day back on the unit with my favorite crew 💙",
            "Night shift snack table is undefeated 🍕",
            "Our charge nurse retires Friday, 31 years!!",
            "break room birthday cake for our unit secretary",
            "Clocked in, coffee in hand, let's go",
            "Proud of our team at the spring health fair",
            "Scrub cap collection is getting out of hand #nurselife",
            "Back in the ED after a week off",
            "Flu shots are in! Walk-ins welcome",
            "Empieza mi guardia, deséenme suerte",
        ] {
            assert!(care_context(text), "{text}");
        }
    }

    #[test]
    fn allows_ordinary_captions() {
        for text in [
            "sunset at the lake 🌅",
            "Best tacos in town, no contest",
            "My daughter's first soccer goal!!",
            "Shift key stuck again, time for a new laptop",
            "Weekend hike with the dog 🐕",
            "Dentist appointment at 3, then the beach",
            "Be patient, the new album drops Friday",
            "",
        ] {
            assert!(!care_context(text), "{text}");
        }
    }

    #[test]
    fn flags_any_draft_with_a_privacy_finding() {
        // No care or work word, but an SSN: the draft is about someone's records.
        assert!(care_context("here's the number 219-09-9999 lol"));
    }

    #[test]
    fn flags_the_organizations_own_name() {
        let policy = Policy::parse(r#"{"organization": {"names": ["Lakeside Medical"]}}"#).unwrap();
        let report = crate::check("Lakeside Medical 5k this Saturday!", &CheckOptions::new(Context::Post), &policy);
        assert!(report.care_context);
        assert!(!care_context("Lakeside 5k this Saturday!"));
    }

    #[test]
    fn flags_review_replies_and_work_sites_whatever_the_words() {
        let caption = "sunset at the lake 🌅";
        let reply = CheckOptions::new(Context::ReplyToReview);
        assert!(crate::check(caption, &reply, &Policy::default()).care_context);
        let linkedin = CheckOptions { context: Context::Post, site: Some("linkedin".into()) };
        assert!(crate::check(caption, &linkedin, &Policy::default()).care_context);
        let instagram = CheckOptions { context: Context::Post, site: Some("instagram".into()) };
        assert!(!crate::check(caption, &instagram, &Policy::default()).care_context);
    }

    #[test]
    fn a_kind_turned_off_still_counts() {
        let policy = Policy::parse(r#"{"disabled_kinds": ["phi.direct_identifier"]}"#).unwrap();
        let report = crate::check("here's the number 219-09-9999 lol", &CheckOptions::default(), &policy);
        assert!(report.findings.is_empty());
        assert!(report.care_context);
    }

    #[test]
    fn work_list_is_valid() {
        let mut seen = std::collections::HashSet::new();
        for (category, term) in crate::text::lexicon::rows(include_str!("../data/work.txt")) {
            assert!(["shift", "people", "workplace", "unit", "hashtag"].contains(&category), "{category}");
            assert_eq!(term, term.to_lowercase(), "terms are lowercase: {term}");
            assert!(seen.insert(term), "listed twice: {term}");
        }
        assert!(super::WORK.find("night shift").next().is_some());
    }
}
