//! `phone`: personal phone and fax numbers (NANP), direct identifiers when they are not the organization's.
//!
//! Flags "217-555-0199", "(217) 555 0177", "+1 217.555.0188", "217/555-0199", "217 . 555 . 0199", "217/555/0199",
//! "217 555 01 99", and ten bare digits after "cell", "phone", "call" or "text". Allows the organization's own numbers in any format, numbers given for reaching the
//! organization ("call us at", "reach our billing office at"), toll-free lines (800, 888, ..., which belong
//! to businesses and hotlines), and numbers whose area code or exchange cannot exist.

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Phone;

pub(crate) static PHONE: Pattern = Pattern::new(
    r"(?:\+?1[-. ]?)?(?:\(([0-9]{3})\)[ ]?(?:\r?\n)?|([0-9]{3})((?: ?[-./] ?| )?(?:\r?\n)?))([0-9]{3})(?: ?[-./] ?| )?(?:\r?\n)?([0-9]{4}|[0-9]{2}[ .-][0-9]{2})(?-u:\b)|(?-u:\b)[0-9](?: [0-9]){9}(?-u:\b)",
);

const TOLL_FREE: &[&str] = &["800", "833", "844", "855", "866", "877", "888"];
const MESSAGE: &str = "A personal phone number identifies the patient or their family.";

impl Finder for Phone {
    fn id(&self) -> &'static str {
        "phone"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let text = doc.text();
        // Found without capture groups (the slow part of a regex search): the parts are read off the match.
        for whole in gate.find_iter(&PHONE, doc) {
            let (start, end) = (whole.start(), whole.end());
            // The match must not continue a longer run of digits or letters.
            if text[..start].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let Some(parts) = NumberParts::read(whole.as_str()) else {
                continue;
            };
            if parts.area.starts_with(['0', '1'])
                || parts.exchange.starts_with(['0', '1'])
                || TOLL_FREE.contains(&parts.area)
            {
                continue;
            }
            if (parts.bare || parts.digit_by_digit) && !names_phone(doc.before(start, 30)) {
                continue;
            }
            // Separators set off by spaces ("217 . 555 . 0199") or a line number in two ("217 555 01 99") are how a
            // number is hidden in a post about a patient, and how text split into tokens writes any number: they
            // count where the draft speaks of care.
            if parts.spaced && doc.care_terms().is_empty() {
                continue;
            }
            if doc.is_org_phone(whole.as_str()) || doc.is_org_contact(start) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Phone, start, end, MESSAGE));
        }
    }
}

/// The parts of a number the phone pattern matched: an optional country code `1`, then ten digits.
struct NumberParts<'a> {
    area: &'a str,
    exchange: &'a str,
    /// Ten digits typed as one run ("2175550177"), which needs a word like "cell" before it.
    bare: bool,
    /// A separator set off by spaces, or the last four digits in two groups.
    spaced: bool,
    /// Every digit set off by a space ("2 1 7 5 5 5 0 1 9 9"), which needs a word like "cell" before it.
    digit_by_digit: bool,
}

impl<'a> NumberParts<'a> {
    fn read(number: &'a str) -> Option<NumberParts<'a>> {
        let digits: Vec<usize> =
            number.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(|(i, _)| i).collect();
        // Past a country code ("+1 ", "1-"): the national number, area code first; its three-digit parts are
        // typed without a break inside.
        let national = if digits.len() == 11 { &digits[1..] } else { &digits[..] };
        let (area_at, exchange_at) = (*national.first()?, *national.get(3)?);
        let area = number.get(area_at..area_at + 3)?;
        let exchange = number.get(exchange_at..exchange_at + 3)?;
        let bare = !number.contains(['(', '-', '.', ' ', '/']) && exchange_at == area_at + 3;
        let is_mark = |b: &u8| matches!(b, b'-' | b'.' | b'/');
        let marks_set_off =
            number.as_bytes().windows(2).any(|w| (w[0] == b' ' && is_mark(&w[1])) || (is_mark(&w[0]) && w[1] == b' '));
        let line_in_two = national.get(6..).is_some_and(|line| line.windows(2).any(|w| w[1] != w[0] + 1));
        let digit_by_digit = national.windows(2).all(|w| w[1] == w[0] + 2);
        Some(NumberParts {
            area,
            exchange,
            bare,
            spaced: marks_set_off || line_in_two || digit_by_digit,
            digit_by_digit,
        })
    }
}

fn names_phone(before: &str) -> bool {
    ["cell", "phone", "call", "text", "number", "tel", "fax", "mobile", "#"].iter().any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use crate::Kind;

    /// The parts read off a match equal what the pattern's capture groups say, for every shape it matches.
    #[test]
    fn parts_read_off_the_match_equal_the_capture_groups() {
        let regex = regex::Regex::new(PHONE.source()).unwrap();
        let mut checked = 0;
        for country in ["", "1", "+1", "1-", "+1 ", "1.", "+1-"] {
            for area in
                ["(217)", "(217) ", "(217)\n", "217", "217-", "217.", "217 ", "217/", "217\n", "217-\r\n", "117"]
            {
                for exchange in ["555", "055"] {
                    for sep in ["", "-", ".", " ", "\n", "-\r\n"] {
                        let text = format!("{country}{area}{exchange}{sep}0177");
                        let Some(caps) = regex.captures(&text) else { continue };
                        let whole = caps.get(0).unwrap();
                        let parts = NumberParts::read(whole.as_str()).expect("a match has its parts");
                        let area = caps.get(1).or(caps.get(2)).map_or("", |m| m.as_str());
                        let bare = caps.get(3).is_some_and(|m| m.as_str().is_empty())
                            && !whole.as_str().contains(['-', '.', ' ', '/']);
                        assert_eq!((parts.area, parts.exchange, parts.bare), (area, &caps[4], bare), "{text:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn flags_personal_numbers_in_common_formats() {
        assert_flags("her cell is 217 555 0177, call her", Kind::PhiDirectIdentifier, "217 555 0177");
        assert_flags("her cell is (217)\n555-0177", Kind::PhiDirectIdentifier, "(217)\n555-0177");
        assert_flags("her cell is 217-555-\r\n0177", Kind::PhiDirectIdentifier, "217-555-\r\n0177");
        assert_flags("husband keeps calling from 217-555-0199", Kind::PhiDirectIdentifier, "217-555-0199");
        assert_flags("reach the daughter at (312) 555-0123", Kind::PhiDirectIdentifier, "(312) 555-0123");
        assert_flags("call +1 217.555.0188 asap", Kind::PhiDirectIdentifier, "217.555.0188");
        assert_flags("cell 2175550177", Kind::PhiDirectIdentifier, "2175550177");
        assert_flags("fax her records to 217/555-0199", Kind::PhiDirectIdentifier, "217/555-0199");
        assert_flags("her cell 217/555/0199", Kind::PhiDirectIdentifier, "217/555/0199");
    }

    #[test]
    fn flags_numbers_with_spaced_separators_in_a_draft_about_care() {
        assert_flags("pt cell 217 . 555 . 0199", Kind::PhiDirectIdentifier, "217 . 555 . 0199");
        assert_flags("pt cell 217 - 555 - 0199", Kind::PhiDirectIdentifier, "217 - 555 - 0199");
        assert_flags("pt's son 217 555 01 99", Kind::PhiDirectIdentifier, "217 555 01 99");
        assert_allows("Text 217.555 . 0199 for the guest list", Kind::PhiDirectIdentifier);
        assert_allows("tickets 217 555 01 99", Kind::PhiDirectIdentifier);
        assert_flags("pt cell 2 1 7 5 5 5 0 1 9 9", Kind::PhiDirectIdentifier, "2 1 7 5 5 5 0 1 9 9");
        assert_allows("pt rolled 2 1 7 5 5 5 0 1 9 9", Kind::PhiDirectIdentifier);
    }

    #[test]
    fn allows_the_organizations_own_numbers_in_any_format() {
        assert_allows("Questions? Call (614) 555-0100 today", Kind::PhiDirectIdentifier);
        assert_allows("Fax forms to 614.555.0101", Kind::PhiDirectIdentifier);
    }

    #[test]
    fn allows_numbers_given_for_reaching_the_organization() {
        assert_allows("Sorry for the trouble. Please call us at (312) 555-0166.", Kind::PhiDirectIdentifier);
        assert_allows("Reach our billing office at 312-555-0166", Kind::PhiDirectIdentifier);
        assert_allows("contact our patient advocate at 312.555.0166", Kind::PhiDirectIdentifier);
        // Someone else's number stays flagged, however it is introduced.
        assert_flags("call our patient at 312-555-0166", Kind::PhiDirectIdentifier, "312-555-0166");
        assert_flags("call our pt's daughter at 312-555-0166", Kind::PhiDirectIdentifier, "312-555-0166");
        assert_flags("call us at 9 or her at 312-555-0166", Kind::PhiDirectIdentifier, "312-555-0166");
    }

    #[test]
    fn allows_toll_free_lines_and_impossible_numbers() {
        assert_allows("Call 1-800-273-8255 any time", Kind::PhiDirectIdentifier);
        assert_allows("code 123-456-7890", Kind::PhiDirectIdentifier);
        assert_allows("order 2175550177 shipped", Kind::PhiDirectIdentifier);
    }
}
