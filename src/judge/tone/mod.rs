//! Tone and professional-conduct judges, one per finding kind: the words that cost staff their jobs.
//!
//! Most of them read phrase tables ([`crate::evidence::phrases`], `src/data/tone/*.txt`): a regex over the
//! lowercased folded text and the safer wording to offer, with the judge's own exceptions (negation,
//! quotes, self-talk). Single words that people disguise (profanity, slurs, insults) are word lists matched
//! through [`crate::text::words`], which sees through leetspeak, `*` wildcards, spaced and stretched letters.
//! The helpers below are shared by the judges of this folder.

use crate::evidence::phrases::Phrase;
use crate::judge::Judge;
use crate::options::Context;
use regex::Regex;

mod advice;
mod cure_claims;
mod defensive_reply;
mod disparaging_colleague;
mod insult;
mod misinformation;
mod mocking_patients;
mod patient_slang;
mod profanity;
mod sexual_content;
mod shouting;
mod slur;
mod stigmatizing_language;
mod threat;
mod tragedy_humor;

#[cfg(test)]
mod clinical_negatives;

/// Every tone, claims and advice judge, in id order.
pub(crate) static JUDGES: &[&dyn Judge] = &[
    &advice::IndividualMedicalAdvice,
    &cure_claims::GuaranteeOrCure,
    &misinformation::Misinformation,
    &defensive_reply::DefensiveReply,
    &patient_slang::DerogatoryPatientSlang,
    &disparaging_colleague::DisparagingColleague,
    &insult::Insult,
    &mocking_patients::MockingPatients,
    &profanity::Profanity,
    &sexual_content::SexualContent,
    &shouting::Shouting,
    &slur::Slur,
    &stigmatizing_language::StigmatizingLanguage,
    &threat::Threat,
    &tragedy_humor::TragedyHumor,
];

/// Pushes one hit of `kind` per phrase, with the row's suggestion or `fallback`.
pub(crate) fn push_phrases(
    phrases: impl IntoIterator<Item = Phrase>,
    kind: crate::report::Kind,
    message: &'static str,
    fallback: &'static str,
    out: &mut Vec<crate::report::Hit>,
) {
    for phrase in phrases {
        out.push(
            crate::report::Hit::new(kind, phrase.start, phrase.end, message)
                .suggest(phrase.suggestion.unwrap_or(fallback)),
        );
    }
}

/// The lowercase word just after byte `at` ("" at the end).
pub(crate) fn next_word(lower: &str, at: usize) -> &str {
    let rest = lower[at..].trim_start_matches([' ', '-']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).unwrap_or(rest.len());
    &rest[..end]
}

/// The lowercase word just before byte `at` ("" at the start).
pub(crate) fn previous_word(lower: &str, at: usize) -> &str {
    let head = lower[..at].trim_end_matches([' ', '-']);
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Up to `len` bytes of lowercased text before `at`, not reaching back past the start of its sentence.
pub(crate) fn sentence_before<'d>(doc: &'d crate::doc::Document, at: usize, len: usize) -> &'d str {
    let (sentence_start, _) = doc.sentence_at(at);
    let window = doc.before(at, len);
    let skip = (at - window.len()).max(sentence_start) - (at - window.len());
    &window[skip.min(window.len())..]
}

/// True when the draft answers someone: a comment, a message or a reply to a review.
pub(crate) fn is_reply(context: Context) -> bool {
    !matches!(context, Context::Post)
}

/// True when `window` (text just before a claim) says the claim is false: "the myth that", "no, ".
pub(crate) fn has_negation(window: &str) -> bool {
    static NEGATION: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)(not|no|never|nor|n't|isn't|aren't|doesn't|don't|didn't|won't|can't|cannot|myths?|false|falsely|debunk\w*|hoax|rumou?rs?|claims?|claiming|misinformation|disinformation|lie|lies|untrue|wrong|without)(?-u:\b)|n't(?-u:\b)",
        )
        .expect("negation pattern compiles")
    });
    NEGATION.is_match(window)
}

/// True when the word at `start..end` is quoted, as when a post discusses the word itself
/// ("write 'person with diabetes' instead of 'diabetic'").
pub(crate) fn is_quoted(lower: &str, start: usize, end: usize) -> bool {
    let before = lower[..start].chars().next_back();
    let after = lower[end..].chars().next();
    matches!((before, after), (Some('\'' | '"'), Some('\'' | '"')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_and_quotes() {
        assert!(has_negation("the myth that "));
        assert!(has_negation("it doesn't "));
        assert!(!has_negation("remember that "));
        assert!(is_quoted("not 'diabetic' but", 5, 13));
        assert!(!is_quoted("the diabetic man", 4, 12));
    }

    /// A 1 MB paste of mixed text is checked in well under a second (release) and stays linear.
    #[test]
    fn a_large_paste_checks_quickly() {
        let chunk = "Honestly the f*cking pyxis!!!! pt in bed 4 is SO DRAMATIC 🙄 and ivermectin cures covid lol. \
                     Breast cancer awareness: book your mammogram. Dr. Dick Johnson says hi. ";
        let text = chunk.repeat(1_000_000 / chunk.len());
        let started = std::time::Instant::now();
        let report = crate::testing::report(&text, crate::options::Context::Comment);
        let elapsed = started.elapsed();
        assert!(!report.findings.is_empty());
        // Debug builds are ~10x slower than release; this bound catches quadratic behaviour, not tuning.
        assert!(elapsed.as_secs_f64() < 20.0, "1 MB took {elapsed:?}");
    }
}
