//! `tone.slur`: slurs and identity attacks, also when disguised.
//!
//! Flags "r*tarded", "retarded", "illegals", "illegal aliens", "f@ggot", "go back to your country",
//! "all Mexicans are". Allows "retardant", "the fire retardant foam", "illegal parking", "spice",
//! "Japan", and the word discussed in quotes.

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};
use crate::text::words::WordList;
use std::sync::LazyLock;

pub(crate) struct Slur;

static SLURS: LazyLock<WordList> = LazyLock::new(|| WordList::parse(include_str!("../../data/tone/slurs.txt")));

const MESSAGE: &str = "A slur or an attack on a group of people: patients of every background must be able to \
                       trust you, and boards treat this as professional misconduct even as a joke.";
const DEFAULT_SUGGESTION: &str = "Leave out the slur and describe what actually happened.";

impl Judge for Slur {
    fn id(&self) -> &'static str {
        "tone.slur"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        for hit in doc.find_words(&SLURS) {
            if super::is_quoted(lower, hit.start, hit.end) && !hit.disguised {
                continue;
            }
            out.push(
                Hit::new(Kind::ToneSlur, hit.start, hit.end, MESSAGE)
                    .suggest(hit.suggestion.unwrap_or(DEFAULT_SUGGESTION)),
            );
        }
        for phrase in Table::IdentityAttacks.find(doc) {
            out.push(
                Hit::new(Kind::ToneSlur, phrase.start, phrase.end, MESSAGE)
                    .suggest(phrase.suggestion.unwrap_or(DEFAULT_SUGGESTION)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_disability_slurs_also_disguised() {
        assert_flags("this retarded scheduling app", Kind::ToneSlur, "retarded");
        assert_flags("the r*tarded badge reader", Kind::ToneSlur, "r*tarded");
        assert_flags("so r3tarded", Kind::ToneSlur, "r3tarded");
        assert_flags("what a r e t a r d", Kind::ToneSlur, "r e t a r d");
    }

    #[test]
    fn flags_ethnic_slurs_and_group_attacks() {
        assert_flags("waiting room full of illegals again", Kind::ToneSlur, "illegals");
        assert_flags("they should go back to their country", Kind::ToneSlur, "go back to their country");
        assert_flags("all Muslims are the same", Kind::ToneSlur, "all Muslims are");
    }

    #[test]
    fn allows_look_alike_words() {
        for text in [
            "Flame retardant gowns are in the supply room",
            "No illegal parking in the ambulance bay",
            "Pumpkin spice latte day in the break room",
            "Our nurse exchange with Japan starts soon",
            "All patients are welcome here",
        ] {
            assert_allows(text, Kind::ToneSlur);
        }
    }
}
