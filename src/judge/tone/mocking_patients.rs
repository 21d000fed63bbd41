//! `tone.mocking_patients`: ridicule of or venting about patients and families, even unnamed.
//!
//! Flags "my ick is when a pt...", "every psycho in the county is headed our way", "the ED is full of
//! junkies", "half of them are just there for the dilaudid", "ugly baby", and a patient sentence
//! capped with an eye-roll or retching emoji. Allows "patient education day", "be patient with new grads",
//! and stories that describe care without judging the person.

use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};
use crate::text::lexicon::Lexicon;
use std::sync::LazyLock;

pub(crate) struct MockingPatients;

const MESSAGE: &str = "Mocking or venting about patients, even without names, erodes trust in your hospital; staff \
                       have been fired for posts like this.";
const FALLBACK: &str = "Share what the shift taught you, without judging the patient.";
/// Emoji that sneer at or laugh at the person a sentence describes (eye-roll, retching, clown, facepalm,
/// animals used as comparisons, tears of laughter).
const SNEER_EMOJI: &[char] = &[
    '\u{1F644}',
    '\u{1F922}',
    '\u{1F92E}',
    '\u{1F921}',
    '\u{1F612}',
    '\u{1F926}',
    '\u{1F437}',
    '\u{1F416}',
    '\u{1F404}',
    '\u{1F40B}',
    '\u{1F433}',
];
/// Tears of laughter: ridicule only right after a patient's condition ("came in with X lmao").
const LAUGH_EMOJI: &[char] = &['\u{1F602}', '\u{1F923}'];
/// How close (in bytes) a laugh must follow the condition it laughs at.
const LAUGH_REACH: usize = 25;
/// Words that laugh at what a sentence describes.
static LAUGHS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse("[laugh]\nlol\nlmao*\nlmfao*\nrofl\nhaha*\ni'm so done\nim so done\n"));

impl Judge for MockingPatients {
    fn id(&self) -> &'static str {
        "tone.mocking_patients"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let found = Table::MockingPatients.find(doc);
        // Sorted: the phrases come in order of position, and so do their sentences.
        let already = found.iter().map(|p| doc.sentence_at(p.start)).collect::<Vec<_>>();
        super::push_phrases(found, Kind::ToneMockingPatients, MESSAGE, FALLBACK, out);
        // A sentence about a patient that sneers or laughs at them ("...back again 🙄", "came in with a
        // panic attack lmao"), or that labels them with slang, is ridicule.
        let slang_anywhere = Table::PatientSlang.is_match(doc);
        // Most drafts neither laugh nor sneer: looked for once in the whole draft rather than in every sentence.
        let emoji_in = |start, end, list: &[char]| doc.astral_in(start, end).any(|(_, c)| list.contains(&c));
        let laugh_anywhere = LAUGHS.occurs_in(doc.lower()) || emoji_in(0, usize::MAX, LAUGH_EMOJI);
        let sneer_anywhere = emoji_in(0, usize::MAX, SNEER_EMOJI);
        if !(slang_anywhere || laugh_anywhere || sneer_anywhere) {
            return;
        }
        // Only the sentences that a match of the slang rows in the whole draft touches can hold one on their own.
        let slang_sentences = if slang_anywhere { Table::PatientSlang.sentences_touched(doc) } else { Vec::new() };
        let laughs = if laugh_anywhere { laugh_words(doc.lower()) } else { Vec::new() };
        // Beyond the table's phrases, only a sentence with slang, a laugh or a sneering emoji can be ridicule:
        // the others of a long paste are not looked at.
        let marked = doc
            .astral_in(0, usize::MAX)
            .filter(|(_, c)| LAUGH_EMOJI.contains(c) || SNEER_EMOJI.contains(c))
            .map(|(at, _)| at);
        let mut candidates = doc.sentences_holding(laughs.iter().copied().chain(marked));
        candidates.extend(&slang_sentences);
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            let Some((start, end)) = doc.sentences().get(i) else { continue };
            if already.binary_search(&(start, end)).is_ok() {
                continue;
            }
            let lower = &doc.lower()[start..end];
            let sneer = sneer_anywhere && emoji_in(start, end, SNEER_EMOJI);
            let slang = if slang_sentences.binary_search(&i).is_ok() {
                Table::PatientSlang.find_in(doc, lower).into_iter().find(|p| p.category == "always")
            } else {
                None
            };
            if let Some(label) = slang {
                out.push(
                    Hit::new(Kind::ToneMockingPatients, start + label.start, start + label.end, MESSAGE)
                        .suggest(FALLBACK),
                );
                continue;
            }
            let laughed = if laugh_anywhere { laughed_at_condition(doc, &laughs, start, end) } else { None };
            if let Some((ref_start, ref_end)) = laughed {
                out.push(Hit::new(Kind::ToneMockingPatients, ref_start, ref_end, MESSAGE).suggest(FALLBACK));
                continue;
            }
            if !sneer {
                continue;
            }
            if let Some((ref_start, ref_end)) = person_reference(doc, start, end) {
                out.push(Hit::new(Kind::ToneMockingPatients, ref_start, ref_end, MESSAGE).suggest(FALLBACK));
            }
        }
    }
}

/// Where each laughing word of the draft starts, in order. Searched once in the whole draft, not in each
/// sentence: no laughing word holds the characters that end a sentence, and a sentence starts after one, so
/// the words found in a sentence on its own are the ones found in it here (tested).
fn laugh_words(lower: &str) -> Vec<usize> {
    LAUGHS.find(lower).map(|t| t.start).collect()
}

/// A condition someone arrived with, followed closely by a laugh: "came in with a panic attack lmao".
/// `laugh_words` are the draft's ([`laugh_words`]).
fn laughed_at_condition(doc: &Document, laugh_words: &[usize], start: usize, end: usize) -> Option<(usize, usize)> {
    let care = doc.care_in(start, end);
    let lower = doc.lower();
    let from = laugh_words.partition_point(|&at| at < start);
    let to = laugh_words.partition_point(|&at| at < end);
    let mut laughs = laugh_words[from..to].to_vec();
    laughs.extend(doc.astral_in(start, end).filter(|(_, c)| LAUGH_EMOJI.contains(c)).map(|(at, _)| at));
    // "a bariatric pt who broke the bed lmao": a laugh right after the patient.
    let patient = care.iter().find(|t| {
        t.category == CareCategory::Patient
            && !lower[t.start..t.end].starts_with("resident")
            && laughs.iter().any(|&l| l >= t.end && l - t.end <= LAUGH_REACH)
    });
    if let Some(t) = patient {
        return Some((t.start, t.end));
    }
    if !care.iter().any(|t| t.category == CareCategory::Verb) {
        return None;
    }
    care.iter()
        .filter(|t| t.category == CareCategory::Condition)
        .find(|t| laughs.iter().any(|&l| l >= t.end && l - t.end <= LAUGH_REACH))
        .map(|t| (t.start, t.end))
}

/// Where the sentence names a patient: "pt", "patient", a labeling word ("the drunk", "junkies"), or a
/// condition with an arrival ("came in with a panic attack"), or a weight ("the 400 lb pt").
fn person_reference(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    let care = doc.care_in(start, end);
    let lower = doc.lower();
    let patient =
        care.iter().find(|t| t.category == CareCategory::Patient && !lower[t.start..t.end].starts_with("resident"));
    if let Some(t) = patient {
        return Some((t.start, t.end));
    }
    let arrival = care.iter().any(|t| t.category == CareCategory::Verb);
    if let Some(t) = care.iter().find(|t| t.category == CareCategory::Condition) {
        if arrival {
            return Some((t.start, t.end));
        }
    }
    let labels = Table::Stigmatizing.find_in(doc, &lower[start..end]);
    labels.first().map(|l| (start + l.start, start + l.end))
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn laughs_in_the_whole_draft_are_those_of_each_sentence() {
        let text = "lol. Lmaooo! haha\nrofl?! im so done... xlol, lolx lmfao.haha i'm so done?lol";
        assert_found_alike_in_sentences(&super::LAUGHS, text, 9);
    }

    #[test]
    fn its_emoji_are_all_astral() {
        assert_astral(super::SNEER_EMOJI);
        assert_astral(super::LAUGH_EMOJI);
    }

    #[test]
    fn flags_ridicule_phrases() {
        assert_flags("my ick is when a pt asks for a sandwich at 3am", Kind::ToneMockingPatients, "my ick is");
        assert_flags("every lunatic in town is coming in tonight", Kind::ToneMockingPatients, "every lunatic in town");
        assert_flags("the ER is full of drunks again", Kind::ToneMockingPatients, "full of drunks");
        assert_flags("they are only here for the warm blanket", Kind::ToneMockingPatients, "only here for the warm");
        assert_flags("the demanding dads in peds triage, ugh", Kind::ToneMockingPatients, "demanding dads");
        assert_flags(
            "the ED is not for folks who can't handle a runny nose",
            Kind::ToneMockingPatients,
            "who can't handle a runny nose",
        );
        assert_flags(
            "Visitors in the lobby were honestly insufferable today",
            Kind::ToneMockingPatients,
            "insufferable",
        );
    }

    #[test]
    fn flags_name_calling_of_babies() {
        assert_flags(
            "delivered the ugliest... no, the ugly baby award goes to bed 2",
            Kind::ToneMockingPatients,
            "ugly baby",
        );
        assert_flags("nursery full of little demons tonight", Kind::ToneMockingPatients, "little demons");
        assert_flags("the newborn in 6 looks so funny-looking lol", Kind::ToneMockingPatients, "funny-looking");
        assert_flags(
            "people like that should not be allowed to have kids",
            Kind::ToneMockingPatients,
            "should not be allowed to have kids",
        );
    }

    #[test]
    fn flags_patient_sentence_with_sneer_emoji() {
        assert_flags("pt in 4 mooned everyone lmao", Kind::ToneMockingPatients, "pt");
        assert_flags("the patient wanted a selfie with me before the IV 🙄", Kind::ToneMockingPatients, "patient");
    }

    #[test]
    fn flags_a_sentence_labeling_a_patient_with_slang() {
        assert_flags(
            "Quiet start to nights. Then our favorite gomer rolled in again.",
            Kind::ToneMockingPatients,
            "gomer",
        );
    }

    #[test]
    fn allows_respectful_patient_talk() {
        for text in [
            "Patient education day was a success!",
            "be patient with new grads 🙏",
            "Our patients taught me more than any textbook.",
            "Epic downtime again 🙄",
            "Our NICU babies are the cutest, and their parents are the bravest.",
            "New parents are exhausted; here is how to get some sleep.",
            "For patients who can't handle the stairs, the east elevator is open again.",
        ] {
            assert_allows(text, Kind::ToneMockingPatients);
        }
    }
}
