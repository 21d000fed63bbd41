//! `phi.direct_identifier` for dates: a date of birth, or the date of a patient's visit or admission.
//!
//! Flags "DOB 3/4/51", "d.o.b. 12.02.1967", "born 4/2 at 24 weeks", "presented to our ED on 2/17".
//! Allows event dates ("Flu shot clinic Saturday, Oct 12", "blood drive 3/14") and dates with no patient
//! in the sentence.

use super::patient_in_sentence;
use crate::doc::Document;
use crate::evidence::mentions::{Mention, MentionKind};
use crate::report::{Hit, Identifier, Kind};

const DOB: &str = "A date of birth identifies a patient, even without a name.";
const VISIT: &str = "The date of a patient's visit or admission is a direct identifier under HIPAA.";

pub(super) fn judge(doc: &Document, mentions: &[Mention], out: &mut Vec<Hit>) {
    for m in mentions {
        let MentionKind::Date { numeric: true, dob } = m.kind else { continue };
        let message = if dob {
            DOB
        } else if patient_in_sentence(doc, mentions, m.start)
            || doc.options.context == crate::options::Context::ReplyToReview
        {
            VISIT
        } else {
            continue;
        };
        out.push(Hit::new(Kind::PhiDirectIdentifier, m.start, m.end, message).identifier(Identifier::Date));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_birth_dates_and_visit_dates() {
        assert_flags("DOB 7/9/48 and still no callback", KIND, "7/9/48");
        assert_flags("pt d.o.b. 03.11.1950 per the chart", KIND, "03.11.1950");
        assert_flags("our little guy, born 5/3 at 25 weeks", KIND, "5/3");
        assert_flags("Pt admitted 9/14 with sepsis", KIND, "9/14");
        assert_flags("date of birth March 3, 1944 on the form", KIND, "March 3, 1944");
    }

    #[test]
    fn a_name_or_age_in_the_same_sentence_makes_a_date_a_visit() {
        assert_flags("The 67 year old from last week came back 3/22 all smiles", KIND, "3/22");
        assert_flags("On 3/22 Gloria Vance came back all smiles", KIND, "3/22");
        assert_allows("Gloria Vance retires this spring. The potluck is 3/22 in the lobby", KIND);
        assert_allows("The potluck is 3/22 in the lobby. Gloria Vance retires this spring", KIND);
    }

    #[test]
    fn allows_event_dates() {
        assert_allows("Flu shot clinic this Saturday, Oct 12, 9am-1pm. No appointment needed!", KIND);
        assert_allows("Blood drive is Thursday 3/14 in the lobby", KIND);
        assert_allows("Applications for July 2026 open on 1/15", KIND);
    }
}
