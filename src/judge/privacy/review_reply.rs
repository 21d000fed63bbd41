//! `phi.review_reply_disclosure`: a reply to a review that confirms the reviewer is a patient.
//!
//! Any confirmation is a disclosure: a visit, an appointment, a date, a treatment, a diagnosis, insurance,
//! a bill, a no-show, "our records show", or unmasking a pseudonymous reviewer. Flags "your crown came
//! loose", "you arrived late to your appointment", "you were 20 minutes late", "sorry about the wait on
//! Monday", "your Aetna plan does not cover", "we remember you", "who is actually Karen Mills". Allows the
//! safe reply: "We can't discuss anyone's care here, including whether someone is a patient; please call
//! us."

use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::options::Context;
use crate::report::{Hit, Kind};
use crate::text::occurrences;
use regex::Regex;
use std::sync::LazyLock;

const MESSAGE: &str = "Replying to a review with details of the reviewer's visit, treatment or bill confirms they are a patient: that is a disclosure, even when they posted first.";
const SUGGESTION: &str = "Thank you for your feedback. We can't discuss anyone's care online, but we'd like to help: please call our office.";

static CONFIRMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:we remember you|(?:dr\.? [0-9a-z_]+|our (?:[0-9a-z_]+ )?(?:team|staff|doctor|dentist|hygienist|nurse|provider|surgeon)|(?:s?he|they)) (?:remembers? you|remembered you)|(?:we have )?no record of you|you (?:were|have) never (?:been )?(?:a patient|seen|treated)|never been (?:a patient|seen) (?:here|at our|by)|we know who you are|you'?re the (?:gentleman|lady|guy|woman|man|one|mom|dad) who|our (?:records|system|chart|files|notes) (?:show|indicate|say)|according to our (?:records|system|chart|files|scheduling system|notes)|per our (?:records|chart)|in (?:her|his|your|their) chart|we'?ve confirmed with|was seen by|were seen by|came (?:in|to our office|to see us)|has been (?:discharged|dismissed) from our practice|as (?:a|our) patient|who is actually|real name is|you waited|you no-?showed|you missed (?:[0-9a-z_]+ ){0,2}appointments?|you (?:were|was) here for|during your (?:[0-9a-z_]+ ){0,2}(?:visit|stay|appointment|procedure|prep)|you (?:arrived|were|showed up|got here|came in) (?:[0-9a-z_]+ ){0,3}late|(?:the|your) (?:long )?wait (?:(?:on|last|this) [0-9a-z_]+|yesterday|today))(?-u:\b)")
        .expect("review pattern compiles")
});

/// Words that, after "your", show the reply knows the reviewer's care or bill.
const BILLING: &[&str] = &[
    "bill",
    "balance",
    "account",
    "plan",
    "insurance",
    "claim",
    "copay",
    "co-pay",
    "deductible",
    "charge",
    "charges",
    "payment",
    "estimate",
    "collections",
    "statement",
    "medicaid",
    "medicare",
    "aetna",
    "cigna",
    "humana",
    "bcbs",
    "delta",
    "chart",
    "records",
    "son's",
    "daughter's",
    "mother",
    "father",
    "mom",
    "dad",
    "husband's",
    "wife's",
    "son",
    "daughter",
    "child",
    "child's",
    "kid's",
    "x-rays",
    "xrays",
    "dose",
    "lab",
    "labs",
    "results",
    "test",
];

pub(super) fn judge(doc: &Document, out: &mut Vec<Hit>) {
    if doc.options.context != Context::ReplyToReview {
        return;
    }
    let lower = doc.lower();
    let mut spans: Vec<(usize, usize)> = CONFIRMS.find_iter(lower).map(|m| (m.start(), m.end())).collect();

    // "your knee replacement", "your 2023 cleaning", "your Delta Dental plan", "your son's X-rays".
    for start in occurrences(lower, "your") {
        if !crate::text::lexicon::is_word_start(lower, start) || !crate::text::lexicon::is_word_end(lower, start + 4) {
            continue;
        }
        let window_end = word_boundary_after(lower, start + 4, 4);
        let care = doc.care_in(start + 4, window_end).iter().find(|t| t.category != CareCategory::Patient);
        let billing = lower[start + 4..window_end]
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .position(|w| BILLING.contains(&w));
        if let Some(term) = care {
            spans.push((start, term.end));
        } else if billing.is_some() {
            spans.push((start, window_end));
        }
    }

    // "you arrived 40 minutes late", "If you had followed the aftercare": the reviewer as the subject of care.
    for sentence in doc.sentences().iter() {
        let s = &lower[sentence.0..sentence.1];
        if let Some(at) = find_you_did(s) {
            if doc.care_in(sentence.0, sentence.1).iter().any(|t| t.category != CareCategory::Patient) {
                spans.push((sentence.0 + at.0, sentence.0 + at.1));
            }
        }
    }

    spans.sort();
    spans.dedup();
    for (start, end) in spans {
        out.push(Hit::new(Kind::PhiReviewReplyDisclosure, start, end, MESSAGE).suggest(SUGGESTION));
    }
}

/// Finds "you `<past-tense verb>`" in a sentence ("you arrived", "you chose", "you had followed").
fn find_you_did(sentence: &str) -> Option<(usize, usize)> {
    static YOU_DID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)you (?:had |have |were |actually |never |already |then )*(?:arrived|came|chose|declined|signed|refused|skipped|followed|missed|cancell?ed|rescheduled|delayed|waited|left|got|received|told|asked|complained|called|paid|owe|visited|were seen|were treated|were here|were rude)(?-u:\b)")
            .expect("you-did pattern compiles")
    });
    YOU_DID.find(sentence).map(|m| (m.start(), m.end()))
}

/// The end of the `words`-th word after `at`.
fn word_boundary_after(text: &str, at: usize, words: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices() {
        let word_char = c.is_alphanumeric() || c == '\'' || c == '-';
        if in_word && !word_char {
            seen += 1;
            if seen == words {
                return at + i;
            }
        }
        if matches!(c, '.' | '!' | '?' | ',' | ';' | '\n') && !in_word {
            return at + i;
        }
        in_word = word_char;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiReviewReplyDisclosure;
    const REPLY: Context = Context::ReplyToReview;

    #[test]
    fn flags_confirmed_visits_treatment_and_bills() {
        assert_flags_in("Glad your hip replacement healed so well!", REPLY, KIND, "your hip replacement");
        assert_flags_in(
            "You arrived an hour late for your appointment, so we had to reschedule.",
            REPLY,
            KIND,
            "You arrived",
        );
        assert_flags_in(
            "The balance is from your United plan, which denied the claim.",
            REPLY,
            KIND,
            "your United plan",
        );
        assert_flags_in("We remember you! Thanks for the kind words.", REPLY, KIND, "We remember you");
        assert_flags_in(
            "Dr. Ruiz remembers you and is sorry the crown bothered you.",
            REPLY,
            KIND,
            "Dr. Ruiz remembers you",
        );
        assert_flags_in("We have no record of you ever visiting our office.", REPLY, KIND, "no record of you");
        assert_flags_in("Our records show three missed visits.", REPLY, KIND, "Our records show");
        assert_flags_in(
            "This reviewer is actually a former employee, who is actually Dan P.",
            REPLY,
            KIND,
            "who is actually",
        );
        // Lateness and waiting confirm an appointment, with or without a clinical word.
        assert_flags_in("We didn't turn you away; you were 25 minutes late.", REPLY, KIND, "you were 25 minutes late");
        assert_flags_in("Sorry for the long wait last Thursday!", REPLY, KIND, "the long wait last Thursday");
    }

    #[test]
    fn allows_the_safe_reply() {
        assert_allows_in(
            "We're sorry to hear this. Privacy rules keep us from discussing anyone's care online, including whether someone is a patient. Please call our office manager.",
            REPLY,
            KIND,
        );
        assert_allows_in("Thank you for the five stars! We'll share this with the team.", REPLY, KIND);
        assert_allows_in("Thanks for your feedback about our parking; the new lot opens soon.", REPLY, KIND);
        assert_allows_in(
            "Wait times have been long lately and we're hiring; we hope the wait is shorter soon.",
            REPLY,
            KIND,
        );
    }

    #[test]
    fn only_applies_to_review_replies() {
        assert_allows("Glad your hip replacement healed so well!", KIND);
    }
}
