//! `zip`: a ZIP code tied to a patient or a case.
//!
//! Flags "62703" and "62703-1184" when a cue says it is a place (the word "zip", a state before it as in
//! "IL 62703", or "in", "from", "near" before it) and the draft ties it to care (a care word in the
//! sentence, a patient mentioned, or case words such as "cases", "outbreak", "exposure"): "3 pertussis
//! cases from the same daycare in 44120". Allows the organization's own ZIP, prices, counts and
//! measurements ("$48,300", "58,400 visits", "in 12000 steps"), years, and ZIP codes without care.

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Zip;

pub(crate) static ZIP: Pattern = Pattern::new(r"(?-u:\b)[0-9]{5}(?:-[0-9]{4})?(?-u:\b)");

const PLACE_WORDS: &[&str] = &["in", "from", "near", "around", "of", "zip", "zipcode", "code", "area"];
const CASE_WORDS: &[&str] =
    &["case", "cases", "outbreak", "cluster", "exposure", "exposed", "infected", "positive", "tested", "overdose"];
/// Words after a number that make it a count rather than a place.
const FOLLOWERS_OK: &[&str] = &["area", "zip", "neighborhood", "and", "or", "just", "this", "last", "today"];

const MESSAGE: &str = "A ZIP code tied to a patient or a case narrows down who they are.";

impl Finder for Zip {
    fn id(&self) -> &'static str {
        "zip"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let (text, lower) = (doc.text(), doc.lower());
        // Computed once, on the first candidate, so a long paste full of numbers stays linear.
        let mut case_words: Option<bool> = None;
        for m in gate.find_iter(&ZIP, doc) {
            let (start, end) = (m.start(), m.end());
            if looks_like_a_number(text, start, end) || is_org_zip(doc, &m.as_str()[..5]) {
                continue;
            }
            let before = doc.before(start, 40);
            let named_zip = before.contains("zip") || before.contains("postal code");
            let after_state = follows_state(text, start);
            let last_word = before.split(|c: char| !c.is_ascii_alphabetic()).rfind(|w| !w.is_empty()).unwrap_or("");
            let after_place_word = before.trim_end().ends_with(last_word) && PLACE_WORDS.contains(&last_word);
            let next_word =
                lower[end..].split(|c: char| !c.is_ascii_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
            let ends_phrase = next_word.is_empty()
                || FOLLOWERS_OK.contains(&next_word)
                || lower[end..].starts_with(['.', ',', ')', '!', '?', ';', '\n']);
            if !(named_zip || after_state || (after_place_word && ends_phrase)) {
                continue;
            }
            let tied = doc.care_in_sentence(start)
                || doc.mentions_patient_or_care_place()
                || *case_words.get_or_insert_with(|| {
                    lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| CASE_WORDS.contains(&w))
                });
            if tied {
                out.push(IdentifierHit::new(Identifier::Zip, start, end, MESSAGE));
            }
        }
    }
}

/// Prices, thousands and decimals: "$12345", "158,400", "12345.5".
fn looks_like_a_number(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    matches!(before, Some(b'$' | b'#' | b'.' | b'-' | b'+'))
        || (before == Some(b',') && start >= 2 && bytes[start - 2].is_ascii_digit())
        || (matches!(after, Some(b',' | b'.')) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
        || matches!(after, Some(b'%'))
}

/// A two-letter state right before: "Springfield, IL 62704", "OH, 44120".
fn follows_state(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\n']);
    let before = before.strip_suffix(',').unwrap_or(before).as_bytes();
    let n = before.len();
    n >= 2
        && before[n - 2..].iter().all(u8::is_ascii_uppercase)
        && (n == 2 || !before[n - 3].is_ascii_alphanumeric())
        && start - n <= 3
}

fn is_org_zip(doc: &Document, zip: &str) -> bool {
    doc.policy.lists().is_own_zip(zip)
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_zips_tied_to_cases() {
        assert_flags("3 pertussis cases from the same daycare in 44120.", ID, "44120");
        assert_flags("pt's zip is 44118-2203, can we send the nurse?", ID, "44118-2203");
        assert_flags("the pt moved to Shaker Heights, OH 44122 last spring", ID, "44122");
    }

    #[test]
    fn allows_the_organizations_zip() {
        assert_allows("Patients: we moved to Millbrook, OH 43001", ID);
    }

    #[test]
    fn allows_prices_counts_and_measures() {
        assert_allows("patients raised $48,300 and logged 58,400 visits", ID);
        assert_allows("our patients walked in 12000 steps a day", ID);
        assert_allows("ICU census of 10450 patients in 2023", ID);
    }

    #[test]
    fn allows_zips_without_care() {
        assert_allows("Free bike helmets for kids in 44120!", ID);
    }
}
