//! `insurance_id`: health plan member, policy, subscriber and group numbers, and Medicare MBIs.
//!
//! Flags the value after a plan keyword: "member ID W8841-2290-17", "insurance id XHP448120933",
//! "policy # 55120934", "subscriber 880412297", "Medicaid ID (MCD 447120983)" (a short capitalized prefix
//! set off by a space is left out of the span), "BCBS ID ZGP81120447". Flags a Medicare Beneficiary
//! Identifier by its CMS format even without a keyword ("1EG4-TE5-MK72", "1EG4TE5MK72"). Allows keywords
//! with short or year-like numbers ("Medicare 2025 changes", "member for 12 years") and eleven-character
//! codes that break the MBI format (an S, L, O, I, B or Z where a letter is required, a zero first).

use super::keyed::{continues, digit_count, is_placeholder, is_year, trim_value, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct InsuranceId;

const ID_WORDS: &str = r"(?:\s?(?:id|number|no|card))?";
const WORD_KEYWORDS: &str = r"member|insurance|ins\.?\s?id|policy\s?(?:id|number|no)|subscriber|group\s?(?:id|number|no)|medicaid|medicare|mbi|hicn|bcbs|anthem|aetna|cigna|humana|uhc|(?:health\s)?plan\s?(?:id|number)|beneficiary\s?(?:id|number)";
const HASH_KEYWORDS: &str = r"(?:member|insurance|ins|policy|subscriber|group|medicaid|medicare|plan|bcbs)\s?#";

pub(crate) static KEYED: Pattern = Pattern::built(build_insurance_keyed, false);

fn build_insurance_keyed() -> String {
    format!(
        r"(?i:(?-u:\b)(?:(?:{WORD_KEYWORDS}){ID_WORDS}(?-u:\b)|{HASH_KEYWORDS}){SEPARATOR})(?:[A-Z]{{2,4}} )?((?i:[a-z]{{0,4}}[0-9][a-z0-9]*(?:-[a-z0-9]+)*))"
    )
}

/// The CMS MBI letters: A-Z without S, L, O, I, B, Z.
const MBI_LETTER: &str = "[AC-HJKMNP-RT-Y]";

pub(crate) static MBI: Pattern = Pattern::built(build_mbi, false);

fn build_mbi() -> String {
    let (l, a) = (MBI_LETTER, "[AC-HJKMNP-RT-Y0-9]");
    format!(r"(?i)(?-u:\b)[1-9]{l}{a}[0-9](-?){l}{a}[0-9](-?){l}{l}[0-9][0-9](?-u:\b)")
}

const MESSAGE: &str = "A health plan or Medicare number belongs to one member; it identifies the patient.";

impl Finder for InsuranceId {
    fn id(&self) -> &'static str {
        "insurance_id"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let text = doc.text();
        for caps in gate.captures_iter(&KEYED, doc) {
            let value = caps.get(1).expect("the value group always matches");
            let (start, end) = trim_value(text, value.start(), value.end());
            let number = &text[start..end];
            if digit_count(number) < 5 || is_year(number) || is_placeholder(number) || continues(text, end) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::InsuranceId, start, end, MESSAGE));
        }
        for caps in gate.captures_iter(&MBI, doc) {
            let whole = caps.get(0).expect("group 0 always matches");
            // Dashes come in pairs (4-3-4) or not at all; a dash glued on either side means a longer code.
            let glued = |b: Option<&u8>| b.is_some_and(|b| *b == b'-');
            let bytes = text.as_bytes();
            if caps[1] != caps[2]
                || glued(whole.start().checked_sub(1).and_then(|i| bytes.get(i)))
                || glued(bytes.get(whole.end()))
            {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::InsuranceId, whole.start(), whole.end(), MESSAGE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_plan_numbers_after_their_keywords() {
        assert_flags("member ID K7712-4490-03 was denied", ID, "K7712-4490-03");
        assert_flags("insurance id QRT551209874 bounced", ID, "QRT551209874");
        assert_flags("policy # 55120934 lapsed in May", ID, "55120934");
        assert_flags("subscriber 880412297 is her husband", ID, "880412297");
        assert_flags("BCBS ID ZGP81120447 on file", ID, "ZGP81120447");
    }

    #[test]
    fn flags_the_value_after_a_short_program_prefix() {
        let report = report("her Medicaid ID (MCD 551920834) was inactive", crate::options::Context::Post);
        assert_eq!(report.findings[0].text, "551920834");
    }

    #[test]
    fn flags_medicare_mbis_by_format_alone() {
        assert_flags("card says 3WK7-HN2-RA59 on it", ID, "3WK7-HN2-RA59");
        assert_flags("number 3wk7hn2ra59 was rejected", ID, "3wk7hn2ra59");
    }

    #[test]
    fn allows_short_or_year_numbers_after_keywords() {
        assert_allows("Medicare 2025 changes explained", ID);
        assert_allows("a member for 12 years, policy number pending", ID);
    }

    #[test]
    fn allows_codes_that_break_the_mbi_format() {
        // S and O are never MBI letters; a leading zero is not allowed; dashes must come in pairs.
        for text in ["3SK7-HN2-RA59", "0WK7-HN2-RA59", "3WK7HN2-RA59", "3OK7HN2RA59"] {
            assert_allows(text, ID);
        }
    }
}
