//! `tone.defensive_reply`: arguing with, blaming or threatening someone who criticized you.
//!
//! In replies: flags "that's simply not true", "you clearly didn't follow instructions", "that part is on
//! you", "as we already explained". Everywhere: legal threats ("our attorneys will be in touch",
//! "defamatory") and "reported this review as fake". Allows a post that calls a health myth "not true",
//! and calm replies that invite the reviewer to call.

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::options::Context;
use crate::report::{Hit, Kind, Severity};

pub(crate) struct DefensiveReply;

const MESSAGE: &str = "Arguing with or blaming a reviewer in public looks worse than the review, and any detail you \
                       add can confirm they were a patient.";
const LEGAL: &str = "Threatening legal action or calling a review fake in public escalates the dispute and can \
                     confirm that the reviewer was a patient; let the practice manager handle it privately.";
const SUGGESTION: &str = "We can't discuss details here, but please call our office so we can help.";

impl Judge for DefensiveReply {
    fn id(&self) -> &'static str {
        "tone.defensive_reply"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let context = doc.options.context;
        let lower = doc.lower();
        let speaks_for_practice = lower.contains("review") || lower.contains("we ") || lower.contains("our ");
        for phrase in Table::DefensiveReply.find(doc) {
            let counts = match phrase.category {
                "legal" => true,
                "blame" => super::is_reply(context) || addresses_someone(lower),
                _ => context == Context::ReplyToReview || (super::is_reply(context) && speaks_for_practice),
            };
            if !counts {
                continue;
            }
            let message = if phrase.category == "legal" { LEGAL } else { MESSAGE };
            out.push(
                Hit::new(Kind::ToneDefensiveReply, phrase.start, phrase.end, message)
                    .severity(Severity::Medium)
                    .suggest(SUGGESTION),
            );
        }
    }
}

/// A post that opens by addressing a person reads as a reply: "To the family who...", "Dear reviewer".
fn addresses_someone(lower: &str) -> bool {
    let opening = lower.trim_start();
    ["to the ", "to whoever", "to everyone who", "to the person", "dear "].iter().any(|cue| opening.starts_with(cue))
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_denials_and_blame_in_review_replies() {
        let reply = Context::ReplyToReview;
        assert_flags_in("That's simply not true and you know it.", reply, Kind::ToneDefensiveReply, "simply not true");
        assert_flags_in("You clearly didn't follow the prep sheet.", reply, Kind::ToneDefensiveReply, "didn't follow");
        assert_flags_in("The late fee part is on you.", reply, Kind::ToneDefensiveReply, "is on you");
        assert_flags_in(
            "We're not responsible for your parking ticket.",
            reply,
            Kind::ToneDefensiveReply,
            "not responsible for your",
        );
        assert_flags_in(
            "We can't discuss your care here, but you skipped two follow-ups.",
            reply,
            Kind::ToneDefensiveReply,
            "can't discuss your care here, but",
        );
    }

    #[test]
    fn flags_legal_threats_anywhere() {
        assert_flags("Our lawyers are reviewing these defamatory posts.", Kind::ToneDefensiveReply, "Our lawyers");
        assert_flags_in(
            "We flagged this review with Google.",
            Context::ReplyToReview,
            Kind::ToneDefensiveReply,
            "flagged this review",
        );
    }

    #[test]
    fn allows_calm_replies_and_myth_busting_posts() {
        assert_allows_in(
            "We're sorry to hear this. Please call our office so we can help.",
            Context::ReplyToReview,
            Kind::ToneDefensiveReply,
        );
        assert_allows("Think the flu shot gives you the flu? That's simply not true.", Kind::ToneDefensiveReply);
        assert_allows_in(
            "We can't discuss your care here, so please call our patient advocate at the main number.",
            Context::ReplyToReview,
            Kind::ToneDefensiveReply,
        );
    }
}
