//! `phi.name_with_health_context`: a patient's name, nickname or initials next to their care.
//!
//! Flags "mrs henderson in bed 2 is back with chest pain", "pt named Bubba came in with a fish hook",
//! "Praying for you Gloria, see you at your infusion". Allows a name with no care words near it
//! ("Congrats Jamie on Nurse of the Year"), clinicians and colleagues ("Dr. Osei explains..."), the
//! organization's staff, and the author's own family ("my son Tyler").

use super::care_near;
use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::mentions::{Mention, MentionKind};
use crate::options::Context;
use crate::report::{Hit, Identifier, Kind};

const MESSAGE: &str =
    "A patient's name next to their care is protected health information, even with a first name or nickname.";

pub(super) fn judge(doc: &Document, mentions: &[Mention], out: &mut Vec<Hit>) {
    for m in mentions {
        let MentionKind::Name { strong, .. } = m.kind else { continue };
        if is_own_family(doc, m.start) {
            continue;
        }
        let replying = matches!(doc.options.context, Context::ReplyToReview | Context::Message | Context::Comment);
        // In a reply the whole text is about the person addressed; elsewhere the care must be near the name.
        // A place named elsewhere in a reply ("our new waiting room") is about the practice, not the person.
        let whole_reply = replying && strong || doc.options.context == Context::ReplyToReview;
        let cared = care_near(doc, m.start, strong)
            || whole_reply && doc.care_terms().iter().any(|t| t.category != CareCategory::Place);
        if cared {
            out.push(Hit::new(Kind::PhiNameWithHealthContext, m.start, m.end, MESSAGE).identifier(Identifier::Name));
        }
    }
}

/// "my son Tyler", "my mom, Linda": the author's own family, theirs to share.
fn is_own_family(doc: &Document, start: usize) -> bool {
    let before = doc.before(start, 24).trim_end_matches([' ', ',']);
    [
        "son", "daughter", "mom", "dad", "mother", "father", "husband", "wife", "sister", "brother", "grandma",
        "grandpa", "nana", "baby",
    ]
    .iter()
    .any(|r| before.strip_suffix(r).is_some_and(|rest| rest.ends_with("my ")))
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiNameWithHealthContext;

    #[test]
    fn flags_names_next_to_care() {
        assert_flags("mrs quill in bed 4 is back with her chest pain again", KIND, "quill");
        assert_flags("pt named Dusty came in with a nail through his boot", KIND, "Dusty");
        assert_flags("So proud of Brenda Oakes, who finished chemo today!", KIND, "Brenda Oakes");
        assert_flags("We lost Mr. Ferris this morning after a long fight with ALS.", KIND, "Ferris");
        assert_flags("is carol jenkins ok? saw her get wheeled up to the ICU", KIND, "carol jenkins");
        assert_flags("Shoutout to our patient Priya who walked the hall today after her stroke!", KIND, "Priya");
        assert_flags("142 days in the NICU and going home today, baby Noah!", KIND, "baby Noah");
        // Caring for a named person, or for "you" in a farewell to them.
        assert_flags("Such an honor to care for Mr. Dunleavy in his last days.", KIND, "Dunleavy");
        assert_flags("Goodbye Mr. Dunleavy, we were lucky to care for you on 5 South.", KIND, "Dunleavy");
    }

    #[test]
    fn flags_names_addressed_in_a_review_reply() {
        assert_flags_in(
            "Dear Mr. Oduya, the crown we placed is under warranty.",
            Context::ReplyToReview,
            KIND,
            "Oduya",
        );
    }

    #[test]
    fn flags_spanish_titles_with_care() {
        assert_flags("La señora Ibarra fue dada de alta hoy después de su cirugía.", KIND, "Ibarra");
        assert_allows("la señora del cuarto 3 me regaló flores", KIND);
    }

    #[test]
    fn allows_names_without_care() {
        assert_allows("Congrats Brenda on 20 years with us!", KIND);
        assert_allows("Happy retirement, Mr. Ferris, our favorite volunteer!", KIND);
        assert_allows_in("Thanks, Rosa! Glad the new waiting room feels calmer.", Context::ReplyToReview, KIND);
    }

    #[test]
    fn allows_clinicians_staff_and_own_family() {
        assert_allows("Dr. Priya Raman explains what to expect at your first colonoscopy.", KIND);
        assert_allows("Nurse Ada Cole ran the ICU like a pro tonight.", KIND);
        assert_allows("Dr. Lee will call you about the MRI results.", KIND);
        assert_allows_in("Dr. Lee will call you Monday about the MRI.", Context::ReplyToReview, KIND);
        assert_allows("My son Tyler broke his wrist and the ER team was amazing", KIND);
        // Caring as the job, said of or to a colleague.
        assert_allows("Meet Tamsin, our newest nurse, here to care for you on 5 South.", KIND);
        assert_allows("Tamsin, it was a joy to care for families beside you. Happy retirement!", KIND);
    }
}
