//! Shared pieces of the "keyword, then value" identifier detectors (mrn, insurance_id, account, license,
//! vehicle, device): the separator that may stand between the keyword and the number, and the checks
//! every value must pass.
//!
//! Each detector builds one regex `KEYWORDS + SEPARATOR + VALUE` so a draft is scanned once per detector.

/// What may stand between a keyword and its value: spaces and line breaks, "#", ":", "=", "(", a dash
/// set off by spaces, and a word such as "no.", "number", "is" or "ending in" ("MRN# 562917",
/// "chart no. 4471-22", "policy number is W88", "acct ending in 4417").
pub(super) const SEPARATOR: &str =
    r"(?:[\s#:=(]|-\s)*(?:(?:no|nbr|num|number|is|was|are|reads|ending in|ends in)(?-u:\b)\.?(?:[\s#:=(]|-\s)*){0,2}";

/// How many ASCII digits `value` has.
pub(super) fn digit_count(value: &str) -> usize {
    value.bytes().filter(u8::is_ascii_digit).count()
}

/// True when every digit of `value` is the same one ("0000000", "99-9999"): a placeholder in a form or a
/// training slide, not a record's number.
pub(super) fn is_placeholder(value: &str) -> bool {
    let mut digits = value.bytes().filter(u8::is_ascii_digit);
    digits.next().is_some_and(|first| digits.all(|d| d == first))
}

/// True for a bare four-digit year such as "2019": "claim from 2019" is not a claim number.
pub(super) fn is_year(value: &str) -> bool {
    value.len() == 4 && (value.starts_with("19") || value.starts_with("20")) && digit_count(value) == 4
}

/// True when the text right after `end` continues the value (a letter, a digit, or a decimal part such as
/// "4471.5"), so the match was cut out of something longer.
pub(super) fn continues(text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    match rest.first() {
        Some(b) if b.is_ascii_alphanumeric() => true,
        Some(b'.' | b',') => rest.get(1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// Strips dashes a value may end with ("4471-" before a line break).
pub(super) fn trim_value(text: &str, start: usize, end: usize) -> (usize, usize) {
    let trimmed = text[start..end].trim_end_matches('-');
    (start, start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_compiles_and_spans_common_forms() {
        let re = regex::Regex::new(&format!("^mrn{SEPARATOR}$")).unwrap();
        for text in ["mrn", "mrn# ", "mrn: ", "mrn no. ", "mrn number is ", "mrn - ", "mrn\n", "mrn ending in "] {
            assert!(re.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn recognizes_years_and_continuations() {
        assert!(is_year("2019"));
        assert!(!is_year("4471"));
        assert!(is_placeholder("0000000") && is_placeholder("99-9999") && is_placeholder("LGH-1111"));
        assert!(!is_placeholder("0000001") && !is_placeholder("no digits"));
        assert!(continues("4471.5 mg", 4));
        assert!(continues("4471abc", 4));
        assert!(!continues("4471. Then", 4));
        assert_eq!(digit_count("RCH-0093317"), 7);
        assert_eq!(trim_value("4471-", 0, 5), (0, 4));
    }
}
