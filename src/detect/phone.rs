//! `phone`: personal phone and fax numbers (NANP), direct identifiers when they are not the organization's.
//!
//! Flags "217-555-0199", "(217) 555 0177", "+1 217.555.0188", "217/555-0199", and ten bare digits after "cell", "phone",
//! "call" or "text". Allows the organization's own numbers in any format, toll-free lines (800, 888, ...,
//! which belong to businesses and hotlines), and numbers whose area code or exchange cannot exist.

use super::Detector;
use crate::doc::{Document, Hit};
use crate::gate::Pattern;
use crate::report::{Identifier, Kind};

pub(crate) struct Phone;

pub(crate) static PHONE: Pattern = Pattern::new(
    r"(?:\+?1[-. ]?)?(?:\(([0-9]{3})\)[ ]?(?:\r?\n)?|([0-9]{3})([-. /]?(?:\r?\n)?))([0-9]{3})[-. ]?(?:\r?\n)?([0-9]{4})(?-u:\b)",
);

const TOLL_FREE: &[&str] = &["800", "833", "844", "855", "866", "877", "888"];
const MESSAGE: &str = "A personal phone number identifies the patient or their family.";

impl Detector for Phone {
    fn id(&self) -> &'static str {
        "phone"
    }

    fn detect(&self, doc: &Document, out: &mut Vec<Hit>) {
        if doc.digits() < 10 {
            return; // ten digits
        }
        let text = doc.text();
        for caps in doc.gate().captures_iter(&PHONE, doc) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (start, end) = (whole.start(), whole.end());
            // The match must not continue a longer run of digits or letters.
            if text[..start].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let area = caps.get(1).or(caps.get(2)).map_or("", |m| m.as_str());
            let exchange = &caps[4];
            if area.starts_with(['0', '1']) || exchange.starts_with(['0', '1']) || TOLL_FREE.contains(&area) {
                continue;
            }
            let bare =
                caps.get(3).is_some_and(|m| m.as_str().is_empty()) && !text[start..end].contains(['-', '.', ' ', '/']);
            if bare && !names_phone(doc.before(start, 30)) {
                continue;
            }
            if doc.is_org_phone(whole.as_str()) {
                continue;
            }
            out.push(Hit::new(Kind::PhiDirectIdentifier, start, end, MESSAGE).identifier(Identifier::Phone));
        }
    }
}

fn names_phone(before: &str) -> bool {
    ["cell", "phone", "call", "text", "number", "tel", "fax", "mobile", "#"].iter().any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::detect::testing::*;
    use crate::Kind;

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
    }

    #[test]
    fn allows_the_organizations_own_numbers_in_any_format() {
        assert_allows("Questions? Call (614) 555-0100 today", Kind::PhiDirectIdentifier);
        assert_allows("Fax forms to 614.555.0101", Kind::PhiDirectIdentifier);
    }

    #[test]
    fn allows_toll_free_lines_and_impossible_numbers() {
        assert_allows("Call 1-800-273-8255 any time", Kind::PhiDirectIdentifier);
        assert_allows("code 123-456-7890", Kind::PhiDirectIdentifier);
        assert_allows("order 2175550177 shipped", Kind::PhiDirectIdentifier);
    }
}
