//! `tone.sexual_content`: sexual remarks outside a clinical context.
//!
//! Flags "the new resident is so hot", "I'd let him do a rectal exam on me", "rating the male residents
//! by how they look in scrubs", and 🍆/🍑 aimed at a person. Allows anatomy and exams in care or
//! awareness posts ("breast cancer awareness", "anal fissure clinic", "penile implant",
//! "testicular self-exam"), and "hot" weather.

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct SexualContent;

const MESSAGE: &str = "Sexual remarks about colleagues or patients in public can be read as harassment and break \
                       professional-conduct rules.";
const SUGGESTION: &str = "Leave out remarks about how people look; celebrate what they do.";
const SUGGESTIVE_EMOJI: &[char] = &['\u{1F346}', '\u{1F351}', '\u{1F4A6}'];
/// Smirk, fire, hot face, heart eyes, drool, kiss, wink: flirting when aimed at a "hot patient".
const FLIRT_EMOJI: &[char] =
    &['\u{1F60F}', '\u{1F525}', '\u{1F975}', '\u{1F60D}', '\u{1F924}', '\u{1F618}', '\u{1F609}', '\u{1F48B}'];
/// People an emoji can be aimed at.
const PEOPLE: &[&str] = &[
    "resident", "doctor", "nurse", "surgeon", "intern", "medic", "scrubs", "him", "her", "he ", "she ", "guy", "girl",
];

impl Judge for SexualContent {
    fn id(&self) -> &'static str {
        "tone.sexual_content"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let found = Table::Sexual.find(doc);
        // Sorted: the phrases come in order of position, and so do their sentences.
        let hit_sentences: Vec<(usize, usize)> = found.iter().map(|p| doc.sentence_at(p.start)).collect();
        super::push_phrases(found, Kind::ToneSexualContent, MESSAGE, SUGGESTION, out);
        // The rest needs an emoji, so only the sentences holding one are read.
        for i in doc.sentences_holding(doc.astral_in(0, usize::MAX).map(|(at, _)| at)) {
            let Some((start, end)) = doc.sentences().get(i) else { continue };
            if hit_sentences.binary_search(&(start, end)).is_ok() {
                continue;
            }
            let lower = &doc.lower()[start..end];
            // "a hot patient 😏": a fever is not flirted with.
            if let Some(at) = lower.find("hot p") {
                let person = lower[at + 4..].starts_with("patient") || lower[at + 4..].starts_with("pt");
                if person && doc.astral_in(start, end).any(|(_, c)| FLIRT_EMOJI.contains(&c)) {
                    out.push(
                        Hit::new(Kind::ToneSexualContent, start + at, start + at + 6, MESSAGE).suggest(SUGGESTION),
                    );
                    continue;
                }
            }
            let Some((at, emoji)) = doc.astral_in(start, end).find(|(_, c)| SUGGESTIVE_EMOJI.contains(c)) else {
                continue;
            };
            if PEOPLE.iter().any(|p| lower.contains(p)) && !doc.care_in_sentence(start) {
                let emoji_end = at + emoji.len_utf8();
                out.push(Hit::new(Kind::ToneSexualContent, start, emoji_end, MESSAGE).suggest(SUGGESTION));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn its_emoji_are_all_astral() {
        assert_astral(super::SUGGESTIVE_EMOJI);
        assert_astral(super::FLIRT_EMOJI);
    }

    #[test]
    fn flags_remarks_about_colleagues() {
        assert_flags("the new anesthesiologist is so hot", Kind::ToneSexualContent, "so hot");
        assert_flags("he can do a prostate exam on me anytime", Kind::ToneSexualContent, "prostate exam on me");
        assert_flags("ranking the nurses by how good they look", Kind::ToneSexualContent, "how good they look");
    }

    #[test]
    fn flags_suggestive_emoji_aimed_at_a_person() {
        assert_flags("new guy on nights 🍑", Kind::ToneSexualContent, "new guy");
        assert_flags("sponge bath for a hot patient today 😏", Kind::ToneSexualContent, "hot pa");
    }

    #[test]
    fn allows_clinical_and_weather_talk() {
        for text in [
            "October is Breast Cancer Awareness Month: book your mammogram",
            "Our colorectal clinic treats anal fissures and hemorrhoids",
            "Ask us about penile implants after prostate surgery",
            "Testicular self-exam takes two minutes",
            "It's so hot outside, hydrate!",
            "The patient is hot and tachy, cultures sent",
        ] {
            assert_allows(text, Kind::ToneSexualContent);
        }
    }
}
