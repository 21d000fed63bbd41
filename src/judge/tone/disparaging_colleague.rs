//! `tone.disparaging_colleague`: attacks on colleagues, the employer or competitors, and unsupported
//! "better than" comparisons.
//!
//! Flags "our new CNO is the most useless...", "some people shouldn't have licenses", "should lose her
//! license", "Memorial treats you like a number", "if Dr. X's group quotes you a hip, run",
//! "better than any other hospital". Allows praise of colleagues and "Dr. Osei is the best mentor".

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct DisparagingColleague;

const COLLEAGUE: &str = "Criticizing a colleague or your employer in public breaks most social-media policies and \
                         tells patients your team can't be trusted; raise it through your manager or safety report.";
const COMPETITOR: &str = "Running down another provider, or claiming to be better without evidence, can breach \
                          advertising rules and professional codes.";
const COLLEAGUE_FIX: &str =
    "Raise it privately (manager, safety report); in public, talk about what your team does well.";
const COMPETITOR_FIX: &str = "Say what you offer, with facts: \"Our ED's average door-to-doctor time is 19 minutes.\"";

impl Judge for DisparagingColleague {
    fn id(&self) -> &'static str {
        "tone.disparaging_colleague"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        for phrase in Table::DisparagingColleague.find(doc) {
            let (message, fix) =
                if phrase.category == "competitor" { (COMPETITOR, COMPETITOR_FIX) } else { (COLLEAGUE, COLLEAGUE_FIX) };
            out.push(
                Hit::new(Kind::ToneDisparagingColleague, phrase.start, phrase.end, message)
                    .suggest(phrase.suggestion.unwrap_or(fix)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_attacks_on_colleagues_and_employer() {
        assert_flags("Our new director is completely clueless.", Kind::ToneDisparagingColleague, "clueless");
        assert_flags("some nurses shouldn't have licenses", Kind::ToneDisparagingColleague, "shouldn't have licenses");
        assert_flags("he should lose his license for that", Kind::ToneDisparagingColleague, "lose his license");
        assert_flags("management doesn't care about us", Kind::ToneDisparagingColleague, "doesn't care");
    }

    #[test]
    fn flags_competitor_attacks_and_unsupported_comparisons() {
        assert_flags("The clinic downtown treats patients like cattle.", Kind::ToneDisparagingColleague, "like cattle");
        assert_flags(
            "We're way better than any other hospital in the county",
            Kind::ToneDisparagingColleague,
            "better than any",
        );
        assert_flags("Honestly we're better than St. Anne's", Kind::ToneDisparagingColleague, "better than St. Anne");
        assert_flags("their urgent care is a joke", Kind::ToneDisparagingColleague, "their urgent care is a joke");
    }

    #[test]
    fn allows_praise() {
        for text in [
            "Our new director is amazing and already rounding on nights.",
            "Dr. Osei is the best mentor I've had.",
            "Better than yesterday: we got everyone a lunch break!",
            "Their care is the reason we do this work.",
        ] {
            assert_allows(text, Kind::ToneDisparagingColleague);
        }
    }
}
