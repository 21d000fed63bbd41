//! `phi.relationship_confirmation`: condolences, get-well wishes and support that reveal someone was cared for.
//!
//! Flags "So sorry for your loss; your mother was a joy to care for on our hospice unit", "Praying for you,
//! see you at your infusion Tuesday", "Big Mike from our dialysis unit passed this morning", "I found your
//! mom's chart". Allows support with no care behind it ("In loving memory of my dad, who passed at home")
//! and colleagues' memorials.

use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::cues::{RELATIVE_RECORD, SUPPORT};
use crate::gate::Gate;
use crate::report::{Hit, Kind};
use crate::text::{occurrences, occurs};

const MESSAGE: &str =
    "A condolence or get-well message that mentions their care here tells everyone this person was a patient.";
const SUGGESTION: &str = "Send personal support privately, without mentioning the care they received.";

pub(super) fn judge(doc: &Document, gate: &Gate, out: &mut Vec<Hit>) {
    let lower = doc.lower();
    for m in gate.find_iter(&RELATIVE_RECORD, doc) {
        out.push(Hit::new(Kind::PhiRelationshipConfirmation, m.start(), m.end(), MESSAGE).suggest(SUGGESTION));
    }
    let cared = doc.care_terms().iter().any(|t| t.category != CareCategory::Visit);
    let says_miss_you = cared && occurs(lower, "miss you");
    if !(gate.is_open(&SUPPORT) || says_miss_you) || !cared || is_about_own_family_or_colleague(lower) {
        return;
    }
    for m in gate.find_iter(&SUPPORT, doc) {
        out.push(Hit::new(Kind::PhiRelationshipConfirmation, m.start(), m.end(), MESSAGE).suggest(SUGGESTION));
    }
    // "We'll miss you" is a farewell to a patient who died; after a last treatment it is a celebration.
    // Only a draft that says "miss you" pays for looking for mourning words.
    let mourning = || {
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| ["passed", "died", "rip", "loss", "memory", "funeral", "condolence"].contains(&word))
    };
    if says_miss_you && mourning() {
        for at in occurrences(lower, "miss you") {
            if lower[..at].ends_with(|c: char| c.is_alphabetic()) {
                continue; // "dismiss you"
            }
            out.push(Hit::new(Kind::PhiRelationshipConfirmation, at, at + 8, MESSAGE).suggest(SUGGESTION));
        }
    }
}

fn is_about_own_family_or_colleague(lower: &str) -> bool {
    [
        "my dad",
        "my mom",
        "my father",
        "my mother",
        "my grandma",
        "my grandpa",
        "my husband",
        "my wife",
        "colleague",
        "coworker",
        "co-worker",
    ]
    .iter()
    .any(|w| occurs(lower, w))
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiRelationshipConfirmation;

    #[test]
    fn flags_support_that_reveals_care() {
        assert_flags("RIP Mr. Haines, our favorite dialysis patient. We'll miss you.", KIND, "miss you");
        assert_flags("Praying for you Dot, see you at your dialysis Friday", KIND, "Praying for you");
        assert_flags_in(
            "So sorry for your loss. Your father was a joy on our hospice unit.",
            Context::ReplyToReview,
            KIND,
            "sorry for your loss",
        );
        assert_flags(
            "Our hearts are with the family tonight. We fought so hard in the ER.",
            KIND,
            "Our hearts are with",
        );
        assert_flags_in("@jo I pulled up your dad's chart, he's in 4 West", Context::Message, KIND, "your dad's chart");
    }

    #[test]
    fn allows_support_without_care_and_own_family() {
        assert_allows("In loving memory of my dad, who passed away peacefully at home.", KIND);
        assert_allows("Thinking of you all, happy holidays!", KIND);
        assert_allows("We miss you, Priya! Enjoy retirement.", KIND);
        assert_allows("Rang the bell after her last chemo today! We'll miss you on 5 West, Mrs. Ortiz!", KIND);
    }
}
