//! `phi.quasi_identifiers`: no name, but details that together single out a patient.
//!
//! Two or more of: an exact age, a room or bed, a date or time, a town, school, street or employer, an
//! occupation, a news event, a relative's job or home, a rare condition, birth details — with a patient in
//! care. An age of 90 or more with care is enough on its own (HIPAA treats 90+ as identifying). Flags "58yo
//! in bed 22 with a saddle PE", "the 34-year-old firefighter from Engine 5", "99 y/o in bay 3". Allows
//! statistics and education ("adults 65 and older"), event posts, and ages of buildings.

use super::person_referent;
use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::mentions::{Mention, MentionKind};
use crate::report::{Hit, Identifier, Kind, Severity};

const MESSAGE: &str = "No name, but these details together can single out the patient to people who know them.";
const OLD_AGE: &str =
    "An age of 90 or more next to a patient's care identifies them under HIPAA; say \"over 90\" instead.";

pub(super) fn judge(doc: &Document, mentions: &[Mention], out: &mut Vec<Hit>) {
    // A named patient is judged by the name rule; these details then stand beside that finding.
    if out.iter().any(|h| h.kind == Kind::PhiNameWithHealthContext) {
        return;
    }
    // A bed or room number is itself a place of care.
    let cared = doc.care_terms().iter().any(|t| t.category != CareCategory::Visit)
        || mentions.iter().any(|m| m.kind == MentionKind::Room { unit: false });
    if !cared || !person_referent(doc, mentions) {
        return;
    }
    let clues: Vec<&Mention> = mentions.iter().filter(|m| !matches!(m.kind, MentionKind::Name { .. })).collect();
    let mut categories: Vec<u8> = clues.iter().map(|m| category(m)).collect();
    categories.sort_unstable();
    categories.dedup();
    let very_old = clues.iter().any(|m| matches!(m.kind, MentionKind::Age { years } if years >= 90));
    let news = clues.iter().any(|m| m.kind == MentionKind::NewsEvent);
    // Looking a patient up in the record out of curiosity is a violation on its own, and so is recognizing
    // someone the author knows personally as a patient ("my neighbor's son came in").
    let snooping = clues.iter().any(|m| match m.kind {
        MentionKind::Relative => {
            ["looked", "look ", "pulled", "checked", "my "].iter().any(|w| doc.lower()[m.start..].starts_with(w))
        }
        MentionKind::Occupation => knows_personally(doc.before(m.start, 40)),
        _ => false,
    });
    if categories.len() < 2 && !very_old && !snooping {
        return;
    }
    let severity = if very_old || news { Severity::High } else { Severity::Medium };
    let with_identifier: Vec<&&Mention> = clues.iter().filter(|m| m.identifier().is_some()).collect();
    let shown: Vec<&Mention> = if with_identifier.is_empty() {
        clues.iter().take(1).copied().collect()
    } else {
        with_identifier.into_iter().copied().collect()
    };
    for m in shown {
        let message = if matches!(m.kind, MentionKind::Age { years } if years >= 90) { OLD_AGE } else { MESSAGE };
        let mut hit = Hit::new(Kind::PhiQuasiIdentifiers, m.start, m.end, message).severity(severity);
        hit = match m.identifier() {
            Some(Identifier::Age) if matches!(m.kind, MentionKind::Age { years } if years >= 90) => {
                hit.identifier(Identifier::Age).suggest("over 90")
            }
            Some(identifier) => hit.identifier(identifier),
            None => hit.suggest("[detail]"),
        };
        out.push(hit);
    }
}

/// "my old English teacher", "my kid's soccer coach": someone the author knows, by the words before the job.
fn knows_personally(before: &str) -> bool {
    let words: Vec<String> = before.split_whitespace().rev().take(4).map(|w| w.to_ascii_lowercase()).collect();
    // "my" and up to two describing words before the job, or three when one is a possessive ("kid's").
    match words.iter().position(|w| w == "my") {
        Some(at) if at <= 2 => true,
        Some(3) => words[..3].iter().any(|w| w.ends_with("'s")),
        _ => false,
    }
}

fn category(m: &Mention) -> u8 {
    match m.kind {
        MentionKind::Name { .. } => 0,
        MentionKind::Date { .. } => 1,
        MentionKind::Age { .. } => 2,
        MentionKind::Room { .. } => 3,
        MentionKind::Place => 4,
        MentionKind::Occupation => 5,
        MentionKind::NewsEvent => 6,
        MentionKind::Relative => 7,
        MentionKind::Rare => 8,
        MentionKind::Birth => 9,
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const KIND: Kind = Kind::PhiQuasiIdentifiers;

    #[test]
    fn flags_combinations_with_care() {
        assert_flags("63yo in bed 14 with a massive PE, joking with everyone", KIND, "63yo");
        assert_flags("The 29-year-old teacher from Lincoln Elementary is out of surgery", KIND, "29-year-old");
        assert_flags("the guy from the Route 40 pileup is still on a vent in our ICU", KIND, "Route 40");
        assert_flags("Pt in room 7, 52M, retired mail carrier, came in with chest pain", KIND, "room 7");
        assert_flags("The woman in bed 9 with a rare kidney disorder was transferred out today", KIND, "bed 9");
        assert_flags("Admitted a pilot from the small plane crash overnight, stable now", KIND, "pilot");
        assert_flags("A 29-year-old mom of quadruplets went home today after 5 weeks with us", KIND, "29-year-old");
        assert_flags("Pt's husband works at the hardware store on Route 2, brought us cookies", KIND, "Route 2");
        // A crash told in other words is still the news event.
        assert_flags("The teen who rolled his jeep on Highway 30 last night is still in the OR", KIND, "Highway 30");
    }

    #[test]
    fn flags_snooping_in_the_record() {
        assert_flags("confession: I looked up my neighbor's son in Epic. He's in rehab again.", KIND, "looked up");
        assert_flags("Ran into my old chemistry teacher in the ER, he's getting a stent", KIND, "teacher");
        assert_flags("guess my daughter's soccer coach was admitted last night", KIND, "coach");
    }

    #[test]
    fn flags_patients_the_author_knows_personally() {
        assert_flags("my neighbor's son came in overdosed last night, so awkward", KIND, "my neighbor's son");
    }

    #[test]
    fn flags_ninety_and_over_alone() {
        assert_flags(
            "our 96-year-old sweetheart on the unit walked 100 feet after her hip surgery",
            KIND,
            "96-year-old",
        );
        assert_flags("lady on our unit last week, 93 and sharp as a tack", KIND, "93");
    }

    #[test]
    fn allows_statistics_events_and_buildings() {
        assert_allows("About 1 in 3 adults 65 and older falls each year; ask about a fall screening.", KIND);
        assert_allows("Fun fact: the 90-year-old brick building on 2nd St was our first clinic.", KIND);
        assert_allows("Nana is 96 today!!! Still beats us all at cards.", KIND);
        assert_allows("Flu shots Saturday, Oct 12, 9am at 400 Harbor Rd.", KIND);
        assert_allows("Rare Disease Day is February 28: meet our genetics team in the lobby.", KIND);
    }
}
