//! `tone.threat`: violent or threatening language, even as a joke.
//!
//! Flags "I swear I'm going to punch someone", "watch your back", "I know where you park", "I will find
//! you", "catch these hands". Allows "I could kill for a coffee", "this shift is killing me",
//! "I'm going to beat the traffic", "punch list".

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct Threat;

const MESSAGE: &str = "Threatening words, even meant as a joke, can be treated as workplace violence and end a \
                       license review badly.";
const SUGGESTION: &str = "Say how it affected you (\"I'm exhausted and scared after tonight\") and report the \
                          incident to security or your manager.";

impl Judge for Threat {
    fn id(&self) -> &'static str {
        "tone.threat"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        super::push_phrases(Table::Threat.find(doc), Kind::ToneThreat, MESSAGE, SUGGESTION, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_threats() {
        assert_flags(
            "if one more visitor spits on me I'm gonna punch someone",
            Kind::ToneThreat,
            "gonna punch someone",
        );
        assert_flags("To whoever scratched my car: watch your back.", Kind::ToneThreat, "watch your back");
        assert_flags("i know where you live", Kind::ToneThreat, "i know where you live");
        assert_flags("I will find you.", Kind::ToneThreat, "I will find you");
        assert_flags("we'll make sure he regrets it", Kind::ToneThreat, "make sure he regrets");
    }

    #[test]
    fn allows_figures_of_speech() {
        for text in [
            "I could kill for a coffee right now",
            "this shift is killing me",
            "I'm going to beat the traffic today",
            "finished the punch list for the new unit",
            "We'll make sure you get a callback today.",
            "you won't regret choosing our clinic",
        ] {
            assert_allows(text, Kind::ToneThreat);
        }
    }
}
