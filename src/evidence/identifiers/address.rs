//! `address`: a patient's street address.
//!
//! Flags a house number, a street name and a street suffix, with an optional apartment or unit:
//! "1187 Jefferson Ave, Apt 2B", "22 north elm street", "9 Linden Ct #4", when the sentence speaks of care
//! or the draft speaks of a patient and the address reads as someone's home (a unit number, "lives",
//! "her house"). Allows the organization's own address, even written partly ("400 Harbor Rd"), public
//! places in event posts ("at the library (325 Oak Ave)", "free screenings at 1200 Oak Ave"), addresses in drafts without care, and counts
//! that end in a word like "way" or "drive" ("10 minutes each way", "3 of us drive").

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Address;

/// Suffixes that are street words in everyday English too ("way", "drive", "place"): the street name
/// must then be capitalized.
const AMBIGUOUS_SUFFIXES: &[&str] = &[
    "st", "dr", "way", "pl", "place", "ct", "court", "drive", "row", "loop", "square", "sq", "circle", "trail", "pike",
    "ter",
];

pub(crate) static ADDRESS: Pattern = Pattern::lower(
    r"(?-u:\b)([0-9]{1,6}[a-z]?)((?:\s[a-z0-9][a-z0-9'-]*\.?){1,3})\s(street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|place|pl|parkway|pkwy|highway|hwy|circle|cir|terrace|ter|trail|trl|square|sq|route|rte|pike|loop|row|crescent|plaza)(?-u:\b)\.?(,?\s(?:apt|apartment|unit|suite|ste|rm|lot|#)\.?\s?#?[a-z0-9-]{1,6}(?-u:\b))?",
);

/// Words that never name a street: "3 of us way", "10 minutes each way", "2 patients for Dr".
const NOT_STREET_WORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "each", "every", "per",
    "more", "less", "than", "this", "that", "our", "your", "my", "his", "her", "their", "its", "is", "are", "was",
    "were", "be", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "times",
    "minutes", "mins", "hours", "hrs", "days", "weeks", "months", "years", "yrs", "year", "old", "mg", "ml", "kg",
    "lbs", "units", "patients", "pts", "people", "kids", "beds", "rooms", "visits", "cases", "calls", "shifts",
    "nurses", "doctors", "staff", "miles", "blocks", "feet", "ft", "steps", "floors", "us", "them", "you", "we", "way",
    "long", "short", "hour", "min", "am", "pm", "out", "up", "down", "new",
];

/// Words just before an address that make it a public venue.
const PUBLIC_PLACES: &[&str] = &[
    "library",
    "school",
    "church",
    "park",
    "center",
    "centre",
    "hall",
    "mall",
    "market",
    "station",
    "stadium",
    "arena",
    "ymca",
    "museum",
    "fairgrounds",
    "plaza",
    "store",
    "pharmacy",
    "community",
    "gym",
    "office",
    "lobby",
    "auditorium",
    "campus",
];

/// Words that make an address someone's home.
const HOME_WORDS: &[&str] =
    &["lives", "live", "living", "home", "house", "apartment", "family", "address", "door", "her", "his", "their"];

/// Words of an announcement: an address in such a sentence is a venue ("free screenings at 1200 Oak Ave").
const EVENT_WORDS: &[&str] = &[
    "free",
    "join",
    "screening",
    "screenings",
    "event",
    "fair",
    "register",
    "registration",
    "rsvp",
    "walk",
    "open",
    "hosting",
    "hosted",
    "held",
    "class",
    "classes",
    "workshop",
    "seminar",
    "talk",
    "festival",
    "booth",
    "vaccination",
    "vaccinations",
    "shots",
    "tickets",
    "celebrate",
    "celebration",
];

/// How far around an address (in bytes) home words count.
const WINDOW: usize = 150;

const MESSAGE: &str = "A home address tells anyone where the patient lives.";

impl Finder for Address {
    fn id(&self) -> &'static str {
        "address"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let (text, lower) = (doc.text(), doc.lower());
        for caps in gate.captures_iter(&ADDRESS, doc) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (start, end) = (whole.start(), whole.end());
            let name = caps.get(2).expect("the street name always matches");
            let suffix = &caps[3];
            if lower[..start].ends_with(['$', ',', '.']) || !is_street_name(&text[name.start()..name.end()], suffix) {
                continue;
            }
            if doc.is_org(start, end) || is_org_street(doc, &caps[1], name.as_str()) {
                continue;
            }
            let has_unit = caps.get(4).is_some();
            if !has_unit && names_a_public_place(doc.before(start, 50)) {
                continue;
            }
            let (sentence_start, sentence_end) = doc.sentence_at(start);
            // Home words are looked for near the address only, so a long unpunctuated paste stays linear.
            let sentence =
                nearby(lower, sentence_start.max(start.saturating_sub(WINDOW)), sentence_end.min(end + WINDOW));
            let words = || sentence.split(|c: char| !c.is_ascii_alphabetic());
            let home = has_unit || words().any(|w| HOME_WORDS.contains(&w));
            let venue = !home && !doc.mentions_patient_or_care_place() && words().any(|w| EVENT_WORDS.contains(&w));
            if (doc.care_in_sentence(start) && !venue) || (doc.mentions_patient_or_care_place() && home) {
                out.push(IdentifierHit::new(Identifier::Address, start, end, MESSAGE));
            }
        }
    }
}

/// Street-name words are not function words or units; before an everyday suffix they are capitalized.
fn is_street_name(name: &str, suffix: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| NOT_STREET_WORDS.contains(&w.to_ascii_lowercase().trim_end_matches('.'))) {
        return false;
    }
    if AMBIGUOUS_SUFFIXES.contains(&suffix) {
        return words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()));
    }
    true
}

/// "400 Harbor Rd" when the organization's address is "400 Harbor Rd, Millbrook, OH 43001": the same
/// house number and first street word.
fn is_org_street(doc: &Document, number: &str, name: &str) -> bool {
    let first_word = name.split_whitespace().next().unwrap_or("");
    doc.policy.lists().is_own_street(number, first_word)
}

/// The text between `start` and `end`, both moved inward to character boundaries.
fn nearby(text: &str, mut start: usize, mut end: usize) -> &str {
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end.max(start)]
}

fn names_a_public_place(before: &str) -> bool {
    before.split(|c: char| !c.is_ascii_alphabetic()).any(|w| PUBLIC_PLACES.contains(&w))
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_a_patients_home_address() {
        assert_flags("our pt at 2210 Willow Ave, Apt 3C missed her insulin", ID, "2210 Willow Ave, Apt 3C");
        assert_flags("the hospice pt lives at 18 north elm street", ID, "18 north elm street");
        assert_flags("Pt was discharged yesterday. She lives at 9 Linden Ct #4 alone.", ID, "9 Linden Ct #4");
        assert_flags("Ran a call at 31 Spruce Drive, cardiac arrest, no pulse on arrival", ID, "31 Spruce Drive");
    }

    #[test]
    fn allows_the_organizations_address_even_in_part() {
        assert_allows("Flu shots for patients at 400 Harbor Rd, Millbrook, OH 43001", ID);
        assert_allows("Walk-in vaccines for patients at 400 Harbor Rd this Saturday", ID);
    }

    #[test]
    fn allows_public_places_and_drafts_without_care() {
        assert_allows("Free mammograms at the public library (325 Oak Ave) on Friday", ID);
        assert_allows("Our book club meets at 77 Maple Street", ID);
        assert_allows("Free skin cancer screenings on June 8 at 1450 Birch Avenue, 9 to noon", ID);
        assert_allows("Join our diabetes prevention class at 62 Cedar Road", ID);
    }

    #[test]
    fn allows_counts_that_end_in_a_street_word() {
        assert_allows("the pt walked 10 minutes each way to dialysis", ID);
        assert_allows("3 of us drive pts to rehab", ID);
        assert_allows("gave 2 patients for Dr Berg their insulin", ID);
    }
}
