//! `phi.media_reference`: the text says a photo or video shows a patient or their information.
//!
//! Flags "This x-ray from tonight tho", "Swipe to see the before/after", "Our whiteboard game is strong",
//! "(ignore the census board behind us)", "Discharge day selfie with my favorite pt". Allows photos with no
//! patient in them ("Class of 2004 reunion pic"), education videos, and the author's own images ("my own
//! x-ray").

use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::cues::{PHOTO, SHOWS_PHI};
use crate::gate::Gate;
use crate::report::{Hit, Kind};
use crate::text::occurs;

const MESSAGE: &str = "Photos and videos from work often show a patient, a chart, a screen or a board with patient names; text cannot check what the picture shows.";
const SUGGESTION: &str =
    "Post only images with no patient, chart, screen, board or wristband in them, and with written consent.";

pub(super) fn judge(doc: &Document, gate: &Gate, out: &mut Vec<Hit>) {
    let lower = doc.lower();
    if !(gate.is_open(&SHOWS_PHI) || gate.is_open(&PHOTO)) || occurs(lower, "my own") {
        return;
    }
    for m in gate.find_iter(&SHOWS_PHI, doc) {
        out.push(Hit::new(Kind::PhiMediaReference, m.start(), m.end(), MESSAGE).suggest(SUGGESTION));
    }
    for m in gate.find_iter(&PHOTO, doc) {
        // A photo word counts when the same sentence is about a patient or their care.
        let (start, end) = doc.sentence_at(m.start());
        let patient = doc.care_in(start, end).iter().any(|t| {
            matches!(
                t.category,
                CareCategory::Patient | CareCategory::Condition | CareCategory::Procedure | CareCategory::Verb
            )
        });
        let education =
            ["this video our", "in this video", "demo", "how to"].iter().any(|w| lower[start..end].contains(w));
        if patient && !education {
            out.push(Hit::new(Kind::PhiMediaReference, m.start(), m.end(), MESSAGE).suggest(SUGGESTION));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiMediaReference;

    #[test]
    fn flags_images_of_patients_and_boards() {
        assert_flags("check out this x-ray from tonight 😳", KIND, "x-ray");
        assert_flags("team pic at the nurses' station (ignore the census board lol)", KIND, "census board");
        assert_flags("Discharge day selfie with my favorite pt!", KIND, "selfie");
        assert_flags("Swipe for the before/after of this wound vac change", KIND, "Swipe");
        assert_flags("Snapped the OR schedule so you can see our Monday", KIND, "OR schedule");
        assert_flags("MRI of the week: what is this kid's knee hiding?", KIND, "MRI of the week");
    }

    #[test]
    fn allows_photos_without_patients() {
        assert_allows("Reunion pic from nursing school, 20 years later!", KIND);
        assert_allows("In this video our therapist shows 5 stretches for back pain.", KIND);
        assert_allows("My own x-ray from my skateboard fall, 6 weeks in a cast.", KIND);
        assert_allows("Paint a mural or board game night? Vote for the staff lounge makeover!", KIND);
    }
}
