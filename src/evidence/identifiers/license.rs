//! `license`: driver's license, state ID, passport, permit and certificate numbers.
//!
//! Flags the value after "driver's license", "licence", "lic #", "DL", "state ID", "passport",
//! "certificate #" or "permit": "Driver's license S530-4417-8812", "DL# D1204-5567", "death certificate
//! no. 2024-00931". Allows keywords without a number ("lost his medical license in 1998" is a year,
//! "license plate" belongs to the `vehicle` detector, "licensed in 3 states").

use super::keyed::{continues, digit_count, is_placeholder, is_year, trim_value, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct License;

const ID_WORDS: &str = r"(?:\s?(?:id|number|no|num))?";
const WORD_KEYWORDS: &str =
    r"(?:driver'?s?\s?)?(?:license|licence|lic)|dl|d/l|certificate|cert|permit|passport|state\s?id";
const HASH_KEYWORDS: &str = r"(?:license|licence|lic|dl|cert|certificate|permit|passport)\s?#";

pub(crate) static LICENSE: Pattern = Pattern::built(build_license, true);

fn build_license() -> String {
    format!(
        r"(?-u:\b)(?:(?:{WORD_KEYWORDS}){ID_WORDS}(?-u:\b)|{HASH_KEYWORDS}){SEPARATOR}((?:[a-z]{{1,3}}-?)?[0-9][a-z0-9]*(?:-[a-z0-9]+)*)"
    )
}

const MESSAGE: &str = "A license or certificate number is issued to one person and identifies them.";

impl Finder for License {
    fn id(&self) -> &'static str {
        "license"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        for caps in gate.captures_iter(&LICENSE, doc) {
            let value = caps.get(1).expect("the value group always matches");
            let (start, end) = trim_value(lower, value.start(), value.end());
            let number = &lower[start..end];
            if digit_count(number) < 4 || is_year(number) || is_placeholder(number) || continues(lower, end) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::License, start, end, MESSAGE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_license_and_certificate_numbers() {
        assert_flags("found his driver's license T412-5530-9917 in the bay", ID, "T412-5530-9917");
        assert_flags("DL# D1204-5567 on the intake sheet", ID, "D1204-5567");
        assert_flags("death certificate no. 2024-00931 was amended", ID, "2024-00931");
        assert_flags("passport number 551203398 at registration", ID, "551203398");
    }

    #[test]
    fn allows_keywords_without_a_number() {
        assert_allows("she lost her medical license in 1998", ID);
        assert_allows("licensed in 3 states, DL pending", ID);
        assert_allows("the license plate was blurry", ID);
    }
}
