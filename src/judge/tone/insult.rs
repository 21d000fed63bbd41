//! `tone.insult`: insults and personal attacks on a reviewer, patient or colleague.
//!
//! Flags "sounds like a complete idiot", "this a$$hole in the waiting room", "cranky reviewers",
//! "must have a pretty low bar", "pendejo". Allows self-deprecation ("I felt like such an idiot"),
//! "idiot-proof", and "useless" about things rather than people.

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};
use crate::text::words::WordList;
use std::sync::LazyLock;

pub(crate) struct Insult;

static WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::parse(include_str!("../../data/tone/insult_words.txt")));

const MESSAGE: &str = "Name-calling in public, even at someone who was rude, is what readers and employers remember \
                       about a healthcare worker.";
const FALLBACK: &str = "Describe what happened, not the person: \"A visitor threw a chair; security has it now.\"";

impl Judge for Insult {
    fn id(&self) -> &'static str {
        "tone.insult"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        super::push_phrases(Table::Insult.find(doc), Kind::ToneInsult, MESSAGE, FALLBACK, out);
        for hit in doc.find_words(&WORDS) {
            if is_self_talk(doc.before(hit.start, 30)) || super::is_quoted(lower, hit.start, hit.end) {
                continue;
            }
            if lower[hit.end..].starts_with('-')
                || matches!(super::next_word(lower, hit.end), "proof" | "light" | "lights")
            {
                continue;
            }
            out.push(Hit::new(Kind::ToneInsult, hit.start, hit.end, MESSAGE).suggest(FALLBACK));
        }
    }
}

/// "I felt like such an idiot", "me, the idiot who": calling yourself names is not an attack.
fn is_self_talk(before: &str) -> bool {
    let clause = before.rsplit(['.', '!', '?', '\n', ',']).next().unwrap_or(before);
    [" i ", "i'm", "i am", "i felt", "i feel", "i was", "myself", "me ", "i look", "i'd"]
        .iter()
        .any(|cue| format!(" {clause}").contains(cue))
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_name_calling() {
        assert_flags("honestly she's a total moron", Kind::ToneInsult, "moron");
        assert_flags("this a$$hole in the lobby yelled at our clerk", Kind::ToneInsult, "a$$hole");
        assert_flags("qué pendejo el de anoche", Kind::ToneInsult, "pendejo");
    }

    #[test]
    fn flags_attacks_on_reviewers() {
        assert_flags_in(
            "Some people just can't be pleased.",
            Context::ReplyToReview,
            Kind::ToneInsult,
            "can't be pleased",
        );
        assert_flags_in("Ignore the bitter reviewers.", Context::ReplyToReview, Kind::ToneInsult, "bitter reviewers");
    }

    #[test]
    fn allows_self_deprecation_and_things() {
        for text in [
            "I felt like such an idiot when I forgot my badge",
            "we made the pump idiot-proof with a new label",
            "this useless printer again",
        ] {
            assert_allows(text, Kind::ToneInsult);
        }
    }
}
