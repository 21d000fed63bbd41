//! `tone.mocking_patients`: ridicule of or venting about patients and families, even unnamed.
//!
//! Flags "my ick is when a pt...", "every psycho in the county is headed our way", "the ED is full of
//! junkies", "half of them are just there for the dilaudid", "ugly baby", and a patient sentence
//! capped with an eye-roll or retching emoji. Allows "patient education day", "be patient with new grads",
//! and stories that describe care without judging the person.

use super::{Detector, PhraseTable};
use crate::care::CareCategory;
use crate::doc::{Document, Hit};
use crate::report::Kind;
use std::sync::LazyLock;

pub(crate) struct MockingPatients;

static TABLE: LazyLock<PhraseTable> =
    LazyLock::new(|| PhraseTable::parse(include_str!("../../data/tone/mocking_patients.txt")));

const MESSAGE: &str = "Mocking or venting about patients, even without names, erodes trust in your hospital; staff \
                       have been fired for posts like this.";
const FALLBACK: &str = "Share what the shift taught you, without judging the patient.";
/// Emoji that sneer at the person a sentence describes.
const SNEER_EMOJI: &[&str] = &["\u{1F644}", "\u{1F922}", "\u{1F92E}", "\u{1F921}", "\u{1F612}"];

impl Detector for MockingPatients {
    fn id(&self) -> &'static str {
        "tone.mocking_patients"
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Hit>) {
        let found = TABLE.find(doc.lower());
        let already = found.iter().map(|p| doc.sentence_at(p.start)).collect::<Vec<_>>();
        super::push_phrases(found, Kind::ToneMockingPatients, MESSAGE, FALLBACK, out);
        // A sentence about a patient capped with an eye-roll or retching emoji is a sneer.
        for &(start, end) in doc.sentences() {
            if already.contains(&(start, end)) {
                continue;
            }
            let sentence = &doc.text()[start..end];
            let Some(emoji_at) = SNEER_EMOJI.iter().filter_map(|e| sentence.find(e)).min() else {
                continue;
            };
            let patient = doc
                .care_in(start, end)
                .iter()
                .find(|t| t.category == CareCategory::Patient && !doc.lower()[t.start..t.end].starts_with("resident"));
            if let Some(term) = patient {
                out.push(Hit::new(Kind::ToneMockingPatients, term.start, start + emoji_at, MESSAGE).suggest(FALLBACK));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::testing::*;
    use crate::Kind;

    #[test]
    fn flags_ridicule_phrases() {
        assert_flags("my ick is when a pt asks for a sandwich at 3am", Kind::ToneMockingPatients, "my ick is");
        assert_flags("every lunatic in town is coming in tonight", Kind::ToneMockingPatients, "every lunatic in town");
        assert_flags("the ER is full of drunks again", Kind::ToneMockingPatients, "full of drunks");
        assert_flags("they are only here for the warm blanket", Kind::ToneMockingPatients, "only here for the warm");
    }

    #[test]
    fn flags_name_calling_of_babies() {
        assert_flags(
            "delivered the ugliest... no, the ugly baby award goes to bed 2",
            Kind::ToneMockingPatients,
            "ugly baby",
        );
        assert_flags("nursery full of little demons tonight", Kind::ToneMockingPatients, "little demons");
    }

    #[test]
    fn flags_patient_sentence_with_sneer_emoji() {
        assert_flags("the patient wanted a selfie with me before the IV 🙄", Kind::ToneMockingPatients, "patient");
    }

    #[test]
    fn allows_respectful_patient_talk() {
        for text in [
            "Patient education day was a success!",
            "be patient with new grads 🙏",
            "Our patients taught me more than any textbook.",
            "Epic downtime again 🙄",
        ] {
            assert_allows(text, Kind::ToneMockingPatients);
        }
    }
}
