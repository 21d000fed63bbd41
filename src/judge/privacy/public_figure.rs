//! `phi.public_figure_patient`: a celebrity, official or local notable in care, named or hinted at.
//!
//! Flags "State Rep. Hal Brennan was in our ED last night", "Guess who got her new smile at our office
//! (hint: she reads the weather on Channel 7!)", "A certain pitcher sat in our ortho clinic". Allows
//! officials at public events ("Mayor Dana Whitaker helped us open the new wing").

use super::care_near;
use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::cues::{HINT, OFFICE};
use crate::evidence::mentions::{Mention, MentionKind};
use crate::gate::Gate;
use crate::report::{Hit, Identifier, Kind};

const MESSAGE: &str = "Saying a public or well-known person was a patient, even as a hint, identifies them.";

/// Words of a public appearance: an official at an event is not a patient.
const APPEARANCE_WORDS: &[&str] = &[
    "ribbon",
    "opened",
    "opening",
    "toured",
    "tour",
    "visited",
    "visit",
    "visiting",
    "spoke",
    "speech",
    "announced",
    "donated",
    "donation",
    "ceremony",
    "award",
    "honored",
    "thanked",
    "thank",
    "proclamation",
    "met",
    "joined",
];

pub(super) fn judge(doc: &Document, gate: &Gate, mentions: &[Mention], out: &mut Vec<Hit>) {
    // An office holder who came in as a patient: a care verb in the sentence, not a public appearance.
    for m in gate.find_iter(&OFFICE, doc) {
        let (start, end) = doc.sentence_at(m.start());
        let treated = doc.care_in(start, end).iter().any(|t| t.category == CareCategory::Verb);
        let sentence = &doc.lower()[start..end];
        let appearance = sentence.split(|c: char| !c.is_ascii_alphabetic()).any(|w| APPEARANCE_WORDS.contains(&w));
        if treated && !appearance {
            out.push(
                Hit::new(Kind::PhiPublicFigurePatient, m.start(), m.end(), MESSAGE).suggest("(leave out who it was)"),
            );
        }
    }
    for m in mentions {
        if let MentionKind::Name { public: true, .. } = m.kind {
            if care_near(doc, m.start, true) {
                out.push(Hit::new(Kind::PhiPublicFigurePatient, m.start, m.end, MESSAGE).identifier(Identifier::Name));
            }
        }
    }
    let cared = doc.care_terms().iter().any(|t| !matches!(t.category, CareCategory::Visit));
    if !cared {
        return;
    }
    for m in gate.find_iter(&HINT, doc) {
        out.push(Hit::new(Kind::PhiPublicFigurePatient, m.start(), m.end(), MESSAGE).suggest("(leave out the hint)"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiPublicFigurePatient;

    #[test]
    fn flags_officials_and_hints_in_care() {
        assert_flags("can't believe Senator Ray Dolan was in our ED last night", KIND, "Ray Dolan");
        assert_flags("Guess who came in for a root canal today 👀", KIND, "Guess who");
        assert_flags("The governor was admitted to our cardiac unit overnight", KIND, "The governor");
        assert_flags("lol the mayor came in for his colonoscopy and tipped everyone", KIND, "the mayor");
        assert_flags("A certain morning news anchor sat in our ortho clinic", KIND, "A certain");
        assert_flags(
            "that famous rapper who cancelled his show? yeah he was in our ICU",
            KIND,
            "that famous rapper who",
        );
    }

    #[test]
    fn allows_officials_at_events_and_hints_without_care() {
        assert_allows("Mayor Dana Whitaker helped us cut the ribbon this morning!", KIND);
        assert_allows("Guess who turns 40 today? Our amazing front desk lead!", KIND);
        assert_allows("The mayor toured our new cardiac unit and thanked the nurses who treated flood victims.", KIND);
        assert_allows("Our state senator got her flu shot with us to remind everyone it's flu season.", KIND);
    }
}
