//! `mrn`: medical record, chart and patient ID numbers, always a direct identifier.
//!
//! Flags the value after a record keyword: "MRN: 7723019", "MRN#562917", "MNR 3390412" (a common typo),
//! "M.R.N. 7723019", "M R N 7723019", "MRN 772 3019" (a value typed in groups),
//! "med rec # 00456123", "chart #4471-22", "chart no. 4471-22", "pt ID RCH-0093317", "patient identifier
//! 88120", "record number 5531902", "FIN# 77120394". The span is the value only, so redaction keeps the
//! sentence readable. Allows keywords without a number of at least four digits ("chart 3 hours ago",
//! "MRN on the wristband"), years ("chart from 2019"), placeholders of one repeated digit ("MRN 0000000" on a
//! training slide), words that merely start with a keyword ("mRNA-1273"),
//! and account numbers ("acct 4417", which the `account` detector reports).

use super::keyed::{continues, digit_count, is_placeholder, is_year, trim_value, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Mrn;

/// Keywords that end in a letter and must end a word ("mrn", not "mrna").
const WORD_KEYWORDS: &str = r"mrn|mnr|m\.r\.n|m r n|med(?:ical)?\.?\s?rec(?:ord)?s?|chart|(?:patient|pt\.?)\s?(?:id|identifier|number)|record\s?(?:number|no|num)|hospital\s?(?:number|id)|fin\s?(?:number|no)|encounter\s?(?:id|number)";
/// Keywords that end in "#" ("pt#", "fin #") or a period ("M.R.N."), where no word boundary follows.
const HASH_KEYWORDS: &str = r"(?:patient|pt|fin|record|encounter|mr)\s?#|m\. ?r\. ?n\.";

pub(crate) static MRN: Pattern = Pattern::built(build_mrn, true);

fn build_mrn() -> String {
    format!(
        r"(?-u:\b)(?:(?:{WORD_KEYWORDS})(?-u:\b)|{HASH_KEYWORDS}){SEPARATOR}((?:[a-z]{{1,5}}-?)?(?:[0-9](?: [0-9]){{5,11}}(?-u:\b)|[0-9]{{1,4}}(?: [0-9]{{2,4}}){{1,3}}(?-u:\b)|[0-9][0-9-]*[a-z]?))"
    )
}

const MESSAGE: &str = "A medical record number points straight at one patient's chart.";

impl Finder for Mrn {
    fn id(&self) -> &'static str {
        "mrn"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        for caps in gate.captures_iter(&MRN, doc) {
            let value = caps.get(1).expect("the value group always matches");
            let (start, mut end) = trim_value(lower, value.start(), value.end());
            // A value typed in groups ("772 3019") needs seven digits in all; otherwise its first group is the
            // value and the rest are other numbers ("mrn 4471 22 days ago").
            if lower[start..end].contains(' ') && digit_count(&lower[start..end]) < 7 {
                end = start + lower[start..end].find(' ').unwrap_or(end - start);
            }
            let number = &lower[start..end];
            if digit_count(number) < 4 || is_year(number) || is_placeholder(number) || continues(lower, end) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Mrn, start, end, MESSAGE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_record_numbers_after_their_keywords() {
        assert_flags("MRN: 8812045 still shows the old allergy", ID, "8812045");
        assert_flags("mrn#661203 has two charts merged", ID, "661203");
        assert_flags("can someone check MNR 5530127 for me", ID, "5530127");
        assert_flags("med rec # 00781234 needs a callback", ID, "00781234");
        assert_flags("chart no. 5523-19 is missing the consent", ID, "5523-19");
        assert_flags("pt ID LGH-0044120 keeps getting locked out", ID, "LGH-0044120");
        assert_flags("patient identifier 88120 on the label", ID, "88120");
        assert_flags("FIN# 77120394 was billed twice", ID, "77120394");
    }

    #[test]
    fn allows_placeholders() {
        assert_allows("every slide uses MRN 0000000 and the same fake name", ID);
        assert_allows("chart # 1111-111 is the demo chart", ID);
    }

    #[test]
    fn flags_dotted_and_spaced_keywords_and_values_in_groups() {
        assert_flags("M.R.N. 7723019 on the label", ID, "7723019");
        assert_flags("pt m.r.n.: 7723019", ID, "7723019");
        assert_flags("M R N 7723019 for the pt", ID, "7723019");
        assert_flags("MRN 772 3019 needs a merge", ID, "772 3019");
        assert_flags("mrn 77 23 019 needs a merge", ID, "77 23 019");
        assert_flags("mrn 7 7 2 3 0 1 9 needs a merge", ID, "7 7 2 3 0 1 9");
        assert_allows("mrn 44 12 days ago", ID);
        assert_flags("mrn 4471 22 days ago", ID, "4471");
    }

    #[test]
    fn flags_values_split_from_the_keyword_by_a_line_break() {
        assert_flags("MRN\n4410923", ID, "4410923");
    }

    #[test]
    fn span_is_the_value_only() {
        let report = report("MRN: 8812045", crate::options::Context::Post);
        assert_eq!(report.findings[0].text, "8812045");
    }

    #[test]
    fn allows_keywords_without_a_record_number() {
        assert_allows("charted 3 hours ago, MRN on the wristband", ID);
        assert_allows("pulled the chart from 2019 for comparison", ID);
        assert_allows("chart 12 looks fine", ID);
    }

    #[test]
    fn allows_words_that_only_start_like_a_keyword() {
        assert_allows("the mRNA-1273 vaccine trial", ID);
        assert_allows("the charts show 4000 more visits this year", ID);
    }
}
