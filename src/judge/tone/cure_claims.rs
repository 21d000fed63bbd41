//! `claims.guarantee_or_cure`: guarantees, cure claims, "100% success", "painless", "no risk", "best
//! surgeon in town".
//!
//! Flags "guaranteed results", "cures chronic fatigue", "permanently cure migraines", "completely
//! painless", "zero risk", "100% success rate", "best surgeon in Illinois". Allows "there is no cure
//! yet", "cancer research to find a cure", "cure rates", "Painless? Not exactly.", "no risk factors",
//! "guaranteed hours" in a job post, and "we can't guarantee".

use crate::doc::Document;
use crate::evidence::phrases::{Phrase, Table};
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct GuaranteeOrCure;

const MESSAGE: &str = "Guarantees, cure claims and superlatives about care are misleading health advertising; \
                       outcomes vary, and regulators and licensing boards treat such claims as unprofessional.";
const FALLBACK: &str = "Describe the benefit honestly: \"Many patients feel better after treatment.\"";

/// Words before "cure" that make it a noun about research or its absence ("find a cure", "no cure").
const CURE_NOUN_CUES: &[&str] =
    &["a", "the", "no", "for", "find", "finding", "toward", "towards", "possible", "any", "than"];
/// Words after "guaranteed" in job posts and schedules.
const GUARANTEE_BENIGN: &[&str] = &[
    "hours",
    "pay",
    "shifts",
    "shift",
    "interview",
    "bonus",
    "minimum",
    "salary",
    "schedule",
    "parking",
    "seat",
    "seats",
    "spot",
    "spots",
    "overtime",
    "raise",
    "issue",
    "by",
    "to",
];

impl Judge for GuaranteeOrCure {
    fn id(&self) -> &'static str {
        "claims.guarantee_or_cure"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let found: Vec<Phrase> = Table::CureClaims.find(doc).into_iter().filter(|p| is_claim(doc, p)).collect();
        super::push_phrases(found, Kind::ClaimsGuaranteeOrCure, MESSAGE, FALLBACK, out);
    }
}

fn is_claim(doc: &Document, phrase: &Phrase) -> bool {
    let lower = doc.lower();
    let words = &lower[phrase.start..phrase.end];
    let previous = super::previous_word(lower, phrase.start);
    let next = super::next_word(lower, phrase.end);
    let before = super::sentence_before(doc, phrase.start, 30);
    let negated = super::has_negation(before) && !before.contains("no questions");
    match phrase.category {
        "guarantee" => {
            // A guarantee is a health claim when the sentence is about care or results.
            let (sentence_start, sentence_end) = doc.sentence_at(phrase.start);
            let sentence = &lower[sentence_start..sentence_end];
            let about_results = !doc.care_in(sentence_start, sentence_end).is_empty()
                || ["result", "relief", "outcome", "money back", "satisfaction", "success", "cure", "heal", "pain"]
                    .iter()
                    .any(|w| sentence.contains(w));
            about_results
                && !negated
                && !GUARANTEE_BENIGN.contains(&next)
                && !matches!(previous, "no" | "not" | "cannot" | "can't" | "without")
        }
        "cure" if words.starts_with("cur") => {
            !negated && !CURE_NOUN_CUES.contains(&previous) && !matches!(next, "rate" | "rates" | "research" | "for")
        }
        _ if words.starts_with("pain") => {
            // "Painless? Not exactly." is an honest rhetorical question; "not painless" is honest too.
            !lower[phrase.end..].starts_with('?') && !negated && !matches!(previous, "nearly" | "mostly" | "not")
        }
        _ if words.starts_with("no ") || words.starts_with("zero ") => {
            !matches!(next, "factor" | "factors") && !lower[phrase.end..].starts_with("-free")
        }
        _ => !negated || words.starts_with("best"),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_guarantees_and_cures() {
        assert_flags("Results guaranteed or your money back", Kind::ClaimsGuaranteeOrCure, "guaranteed");
        assert_flags("Our cold laser cures back pain in one visit", Kind::ClaimsGuaranteeOrCure, "cures");
        assert_flags(
            "This cleanse will permanently cure your bloating",
            Kind::ClaimsGuaranteeOrCure,
            "permanently cure",
        );
    }

    #[test]
    fn flags_absolutes_and_superlatives() {
        assert_flags("Totally painless whitening!", Kind::ClaimsGuaranteeOrCure, "painless");
        assert_flags("zero risk, all reward", Kind::ClaimsGuaranteeOrCure, "zero risk");
        assert_flags("100% success on every knee", Kind::ClaimsGuaranteeOrCure, "100% success");
        assert_flags("the best dentist in Ohio, period", Kind::ClaimsGuaranteeOrCure, "best dentist in Ohio");
    }

    #[test]
    fn allows_honest_wording() {
        for text in [
            "There is no cure for ALS yet, but research is moving.",
            "Every mile you run helps fund the search for a cure.",
            "Hep C cure rates are now very high with treatment.",
            "Is a colonoscopy painless? Not exactly. Worth it? Yes.",
            "Even people with no risk factors can get sick.",
            "Nurses: guaranteed hours and a sign-on bonus!",
            "We can't guarantee a same-day visit, but we'll try.",
            "We guarantee you'll love the new parking garage.",
        ] {
            assert_allows(text, Kind::ClaimsGuaranteeOrCure);
        }
    }
}
