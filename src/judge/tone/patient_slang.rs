//! `tone.derogatory_patient_slang`: hospital slang that labels patients (frequent flyer, gomer, sickler).
//!
//! Flags "frequent flyer", "gomer", "drug seeker", "sicklers", "SHPOS", and "train wreck" or "crock"
//! when the sentence is about patients or care. Allows "my schedule is a train wreck", "crock pot chili",
//! and "frequent flyer miles".

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct DerogatoryPatientSlang;

const MESSAGE: &str = "Staff slang for patients reads as contempt to the public and to the patient it describes.";
const FALLBACK: &str = "a patient";

impl Judge for DerogatoryPatientSlang {
    fn id(&self) -> &'static str {
        "tone.derogatory_patient_slang"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        let found = Table::PatientSlang.find(doc).into_iter().filter(|p| {
            let next = super::next_word(lower, p.end);
            // "frequent flyer miles", "crock pot", "job seekers".
            if matches!(next, "miles" | "program" | "points" | "status" | "pot" | "pots" | "card") {
                return false;
            }
            p.category != "care" || doc.care_in_sentence(p.start)
        });
        super::push_phrases(found, Kind::ToneDerogatoryPatientSlang, MESSAGE, FALLBACK, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_slang_for_patients() {
        assert_flags("our favorite frequent flyer is back", Kind::ToneDerogatoryPatientSlang, "frequent flyer");
        assert_flags("two gomers and a drug seeker before midnight", Kind::ToneDerogatoryPatientSlang, "gomers");
        assert_flags("two gomers and a drug seeker before midnight", Kind::ToneDerogatoryPatientSlang, "drug seeker");
        assert_flags("SHPOS in bay 4", Kind::ToneDerogatoryPatientSlang, "SHPOS");
    }

    #[test]
    fn flags_train_wreck_about_a_patient() {
        assert_flags("that pt is a total train wreck", Kind::ToneDerogatoryPatientSlang, "train wreck");
    }

    #[test]
    fn allows_everyday_uses() {
        for text in [
            "my schedule this week is a train wreck",
            "crock pot chili potluck Friday",
            "using my frequent flyer miles for vacation",
        ] {
            assert_allows(text, Kind::ToneDerogatoryPatientSlang);
        }
    }
}
