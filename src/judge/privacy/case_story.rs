//! `phi.case_story` (low): a story about one patient with nothing that identifies them.
//!
//! Fine to post, but worth a second look: is there anything someone could combine? Flags "Had a patient
//! this week who was terrified of needles", "a sweet older man on my unit asked me...", "Gomer pulled out
//! his IV again". Stays silent when another privacy finding already covers the draft, on generic
//! statements ("when a patient calls...", "every patient deserves..."), and on posts about groups.

use crate::doc::Document;
use crate::evidence::cues::{ONE_PATIENT, STORY_TIME};
use crate::gate::Gate;
use crate::report::{Hit, Kind};
use regex::Regex;
use std::sync::LazyLock;

const MESSAGE: &str = "A story about one patient: fine without identifiers, but check that nothing here (age, date, place, event) lets someone recognize them.";

static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:when|if|every|any|each|whenever|no|like|than|a patient who visits|the patient's right|be the) (?:[a-z]+ )?$").expect("generic pattern compiles")
});

pub(super) fn judge(doc: &Document, gate: &Gate, out: &mut Vec<Hit>) {
    if out.iter().any(|h| h.kind.is_phi()) {
        return;
    }
    let lower = doc.lower();
    let cared = !doc.care_terms().is_empty();
    for m in gate.find_iter(&ONE_PATIENT, doc) {
        let slang = [
            "gomer",
            "shpos",
            "frequent flyer",
            "drug seeker",
            "train wreck",
            "borracho",
            "alcoholic",
            "addict",
            "crock",
        ]
        .iter()
        .any(|s| m.as_str().ends_with(s));
        if !(cared || slang) || GENERIC.is_match(&lower[char_floor(lower, m.start().saturating_sub(24))..m.start()]) {
            continue;
        }
        // Only describing words may stand between the determiner and the person ("a sweet older man").
        let words: Vec<&str> = m.as_str().split(' ').collect();
        if words.len() > 2 && words[1..words.len() - 1].iter().any(|w| NOT_DESCRIBING.contains(w)) {
            continue;
        }
        if m.as_str().starts_with("my ") && ["my own", "my mom", "my dad"].iter().any(|w| m.as_str().starts_with(w)) {
            continue;
        }
        // "our patient portal", "the patient experience team", "a veteran-owned company": a thing named after
        // patients, not a person.
        let rest = &lower[m.end()..];
        let next = rest.split(|c: char| !c.is_ascii_alphabetic()).find(|w| !w.is_empty());
        if rest.starts_with('-') || rest.starts_with(' ') && next.is_some_and(|w| SERVICE_WORDS.contains(&w)) {
            continue;
        }
        if !gate.is_match(&STORY_TIME, doc) {
            continue;
        }
        out.push(Hit::new(Kind::PhiCaseStory, m.start(), m.end(), MESSAGE));
        return;
    }
}

/// Words that make "patient" part of a service's name: "patient portal", "patient experience".
const SERVICE_WORDS: &[&str] = &[
    "portal",
    "portals",
    "experience",
    "advocate",
    "advocates",
    "advocacy",
    "relations",
    "safety",
    "education",
    "access",
    "satisfaction",
    "rights",
    "navigator",
    "navigators",
    "services",
    "service",
    "financial",
    "registration",
    "parking",
    "lift",
    "lifts",
    "transport",
    "transportation",
    "engagement",
    "outcomes",
    "care",
    "centered",
    "feedback",
    "survey",
    "surveys",
    "information",
    "handbook",
    "forms",
    "volume",
    "volumes",
    "flow",
    "census",
];

const NOT_DESCRIBING: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "to", "of", "for", "with", "and", "or", "in", "on", "at", "as", "by",
    "the", "a", "an", "that", "this", "who", "which", "every", "any", "no", "not", "our", "your", "their", "his",
    "her",
];

fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiCaseStory;

    #[test]
    fn flags_one_patient_stories() {
        assert_flags(
            "Had a patient this week who was scared of needles and still got through her dialysis.",
            KIND,
            "a patient",
        );
        assert_flags("A sweet older man on my unit asked me to read him the paper every morning.", KIND, "older man");
        assert_flags("POV: the 300 lb patient wants a third pudding cup at 2am", KIND, "the 300 lb patient");
        assert_flags("ugh, a wire snapped on my very first patient of the morning", KIND, "my very first patient");
        // A numbered bed is a place of care, so the person in it is a patient.
        assert_flags("The gentleman in bed 9 tonight hums show tunes nonstop", KIND, "The gentleman");
    }

    #[test]
    fn allows_generic_and_group_statements() {
        assert_allows("Every patient deserves to be heard. #nursing", KIND);
        assert_allows("Our ED saw 58,000 visits last year.", KIND);
        assert_allows("Flu shots are in! Walk-ins welcome.", KIND);
        assert_allows("Our patient portal launched today: refills in two taps.", KIND);
        assert_allows("Run like a girl! Our 5K team raised $3,000 for the cancer center.", KIND);
        assert_allows("A veteran-owned bakery donated 300 cupcakes to our clinic today.", KIND);
        assert_allows("The patient experience team was honored yesterday.", KIND);
    }

    #[test]
    fn stays_silent_when_a_privacy_finding_covers_the_draft() {
        assert_allows("Had a patient today, 97 years old, in bed 4 after a fall.", KIND);
    }
}
