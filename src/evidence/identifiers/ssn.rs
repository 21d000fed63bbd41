//! `ssn`: US Social Security numbers, always a direct identifier.
//!
//! Flags "219-09-9999", "219 09 9999", "219.09.9999", and, when the words SSN or social security come just
//! before, a bare "219099999" and the separators typed to slip past the common forms: "219 - 09 - 9999",
//! "219/09/9999", "219_09_9999", "2 1 9 0 9 9 9 9 9". Allows numbers that cannot be SSNs (area 000, 666 or 900-999, group 00,
//! serial 0000) and mixed separators such as "219-09.9999".

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Ssn;

pub(crate) static SSN: Pattern =
    Pattern::new(r"(?-u:\b)([0-9]{3})( ?[-./_]?[ \r\n]{0,2})([0-9]{2})( ?[-./_]?[ \r\n]{0,2})([0-9]{4})(?-u:\b)");

/// Nine digits each set off by a space: "3 7 2 4 8 1 9 5 6".
pub(crate) static SPACED_SSN: Pattern = Pattern::new(r"(?-u:\b)[0-9](?: [0-9]){8}(?-u:\b)");

const MESSAGE: &str = "A Social Security number identifies a person on its own; it must never be posted.";

impl Finder for Ssn {
    fn id(&self) -> &'static str {
        "ssn"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        for caps in gate.captures_iter(&SSN, doc) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (sep1, sep2) = (&caps[2], &caps[4]);
            if separator_class(sep1) != separator_class(sep2) || !is_valid(&caps[1], &caps[3], &caps[5]) {
                continue;
            }
            // Digits glued to dashes or dots on either side belong to a longer number (a phone, an id).
            let glued = |b: Option<&u8>| b.is_some_and(|b| matches!(b, b'-' | b'.'));
            let bytes = doc.text().as_bytes();
            if glued(whole.start().checked_sub(1).and_then(|i| bytes.get(i)))
                && whole.start() >= 2
                && bytes[whole.start() - 2].is_ascii_digit()
            {
                continue;
            }
            if glued(bytes.get(whole.end())) && bytes.get(whole.end() + 1).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            // Bare digits, slashes, underscores and a dash set off by spaces need the word before them.
            let class = separator_class(sep1);
            let unusual = sep1.is_empty() || matches!(class, '/' | '_') || (class != ' ' && sep1.starts_with(' '));
            if unusual && !names_ssn(doc.before(whole.start(), 40)) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Ssn, whole.start(), whole.end(), MESSAGE));
        }
        for whole in gate.find_iter(&SPACED_SSN, doc) {
            let digits: String = whole.as_str().chars().filter(char::is_ascii_digit).collect();
            if is_valid(&digits[..3], &digits[3..5], &digits[5..]) && names_ssn(doc.before(whole.start(), 40)) {
                out.push(IdentifierHit::new(Identifier::Ssn, whole.start(), whole.end(), MESSAGE));
            }
        }
    }
}

/// A dash, dot, slash or underscore wins over the spaces and line breaks around it ("219-09-\n9999" and
/// "219 - 09 - 9999" are dashed); spaces and line breaks count as one class ("219 09\n9999" wrapped by the
/// editor); no separator at all is a class of its own.
fn separator_class(separator: &str) -> char {
    match separator.chars().find(|c| !c.is_whitespace()) {
        Some(mark) => mark,
        None if separator.is_empty() => '\0',
        None => ' ',
    }
}

fn is_valid(area: &str, group: &str, serial: &str) -> bool {
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

fn names_ssn(before: &str) -> bool {
    before.contains("ssn") || before.contains("social security") || before.contains("ss#") || before.contains("ss #")
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_dashed_spaced_and_dotted() {
        assert_flags("pt ssn 219-09-9999 on the form", Kind::PhiDirectIdentifier, "219-09-9999");
        assert_flags("written as 219 09 9999 on intake", Kind::PhiDirectIdentifier, "219 09 9999");
        assert_flags("her number 219.09.9999", Kind::PhiDirectIdentifier, "219.09.9999");
    }

    #[test]
    fn flags_numbers_broken_across_lines() {
        assert_flags("ssn 219 09\n9999 on the form", Kind::PhiDirectIdentifier, "219 09\n9999");
        assert_flags("ssn 219-09-\n9999", Kind::PhiDirectIdentifier, "219-09-\n9999");
        assert_flags("ssn 219\r\n09\r\n9999", Kind::PhiDirectIdentifier, "9999");
    }

    #[test]
    fn flags_odd_separators_after_the_word_ssn() {
        assert_flags("ssn 219 - 09 - 9999", Kind::PhiDirectIdentifier, "219 - 09 - 9999");
        assert_flags("ssn 219/09/9999", Kind::PhiDirectIdentifier, "219/09/9999");
        assert_flags("SSN: 219_09_9999", Kind::PhiDirectIdentifier, "219_09_9999");
        assert_flags("ssn 219 -09- 9999", Kind::PhiDirectIdentifier, "219 -09- 9999");
        assert_flags("ssn 2 1 9 0 9 9 9 9 9 ok", Kind::PhiDirectIdentifier, "2 1 9 0 9 9 9 9 9");
        assert_allows("rolls 2 1 9 0 9 9 9 9 9", Kind::PhiDirectIdentifier);
        for text in ["ratio 219/09/9999", "score 219 - 09 - 9999", "file_219_09_9999", "ssn 219/09-9999"] {
            assert_allows(text, Kind::PhiDirectIdentifier);
        }
    }

    #[test]
    fn flags_bare_digits_after_the_word_ssn() {
        assert_flags("SSN: 219099999", Kind::PhiDirectIdentifier, "219099999");
    }

    #[test]
    fn flags_fullwidth_and_zero_width_evasions() {
        assert_flags("ssn ２１９-０９-９９９９", Kind::PhiDirectIdentifier, "２１９-０９-９９９９");
        assert_flags("ssn 219-0\u{200B}9-9999", Kind::PhiDirectIdentifier, "219-0\u{200B}9-9999");
    }

    #[test]
    fn allows_numbers_that_cannot_be_ssns() {
        for text in
            ["000-12-3456", "666-12-3456", "912-12-3456", "219-00-1234", "219-09-0000", "219-09.9999", "219-09\n9999"]
        {
            assert_allows(text, Kind::PhiDirectIdentifier);
        }
    }

    #[test]
    fn allows_bare_nine_digits_without_the_word() {
        assert_allows("order 219099999 shipped", Kind::PhiDirectIdentifier);
    }
}
