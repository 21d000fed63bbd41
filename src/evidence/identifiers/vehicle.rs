//! `vehicle`: license plates and vehicle identification numbers (VINs).
//!
//! Flags a plate after "plate", "plates", "tag", "license plate #": "IL plate BRN 4471", "tags 7KQ-229".
//! Flags a 17-character VIN when its check digit (position 9, ISO 3779 / 49 CFR 565) is right, or after
//! the word "VIN": "1M8GDM9AXKP042788". Allows words after "plate" or "tag" that are not plates ("plates
//! look fine", "tag 3 friends", "plate 2 and 3"), and 17-character codes whose check digit is wrong.

use super::keyed::{is_year, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Vehicle;

pub(crate) static PLATE: Pattern = Pattern::built(build_plate, false);

fn build_plate() -> String {
    format!(
        r"(?i:(?-u:\b)(?:license\s)?(plates?|tags?)(?:\s?(?:number|no|#))?(?-u:\b){SEPARATOR})(?:[A-Z]{{2}}\s)?([A-Za-z0-9]{{1,4}}(?:[ -]?[A-Za-z0-9]{{1,4}})?)(?-u:\b)"
    )
}

/// Seventeen VIN characters: digits and capital letters except I, O and Q.
pub(crate) static VIN: Pattern = Pattern::new(r"(?i)(?-u:\b)[A-HJ-NPR-Z0-9]{17}(?-u:\b)");

const PLATE_MESSAGE: &str = "A license plate leads to the car's owner, and so to the patient or their family.";
const VIN_MESSAGE: &str = "A vehicle identification number is registered to its owner and identifies them.";

impl Finder for Vehicle {
    fn id(&self) -> &'static str {
        "vehicle"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        for caps in gate.captures_iter(&PLATE, doc) {
            let keyword = caps[1].to_ascii_lowercase();
            let value = caps.get(2).expect("the value group always matches");
            if looks_like_plate(value.as_str(), keyword.starts_with("tag")) {
                out.push(IdentifierHit::new(Identifier::Vehicle, value.start(), value.end(), PLATE_MESSAGE));
            }
        }
        for m in gate.find_iter(&VIN, doc) {
            let named = doc.before(m.start(), 12).contains("vin");
            if named || has_valid_check_digit(m.as_str()) {
                out.push(IdentifierHit::new(Identifier::Vehicle, m.start(), m.end(), VIN_MESSAGE));
            }
        }
    }
}

/// A plate has a digit and at least four characters; letters are capitals unless the plate is one run of
/// letters and digits ("brn4471"). After "tag", a word that means tagging people, letters are required.
fn looks_like_plate(value: &str, after_tag: bool) -> bool {
    let alnum: Vec<u8> = value.bytes().filter(u8::is_ascii_alphanumeric).collect();
    let digits = alnum.iter().filter(|b| b.is_ascii_digit()).count();
    let letters = alnum.len() - digits;
    let has_lowercase = value.bytes().any(|b| b.is_ascii_lowercase());
    let one_run = !value.contains([' ', '-']);
    if alnum.len() < 4 || digits == 0 || is_year(value) {
        return false;
    }
    if letters == 0 {
        return !after_tag && digits >= 4;
    }
    !has_lowercase || (one_run && !after_tag)
}

/// Validates position 9 of a VIN: the weighted sum of the transliterated characters, modulo 11
/// (10 is written "X").
fn has_valid_check_digit(vin: &str) -> bool {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let vin = vin.to_ascii_uppercase();
    let bytes = vin.as_bytes();
    let has_letter = bytes.iter().any(u8::is_ascii_alphabetic);
    let has_digit = bytes.iter().any(u8::is_ascii_digit);
    if !has_letter || !has_digit {
        return false;
    }
    let sum: u32 = bytes.iter().zip(WEIGHTS).map(|(&b, w)| transliterate(b) * w).sum();
    let expected = match sum % 11 {
        10 => b'X',
        n => b'0' + n as u8,
    };
    bytes[8] == expected
}

fn transliterate(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::has_valid_check_digit;
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_plates_after_their_keywords() {
        assert_flags("blue truck, OH plate KTR 5520, blocking the bay", ID, "KTR 5520");
        assert_flags("license plate # 7KQ-229 left the lights on", ID, "7KQ-229");
        assert_flags("his tags are GZX4410", ID, "GZX4410");
    }

    #[test]
    fn flags_vins_with_a_valid_check_digit() {
        assert_flags("the wreck's VIN 1M8GDM9AXKP042788 came back", ID, "1M8GDM9AXKP042788");
        assert_flags("car 1M8GDM9AXKP042788 towed", ID, "1M8GDM9AXKP042788");
    }

    #[test]
    fn checks_the_vin_check_digit() {
        assert!(has_valid_check_digit("1M8GDM9AXKP042788"));
        assert!(!has_valid_check_digit("1M8GDM9A1KP042788"));
        assert!(!has_valid_check_digit("11111111111111112"));
    }

    #[test]
    fn allows_words_that_are_not_plates() {
        assert_allows("his ankle plates look fine on film", ID);
        assert_allows("tag 3 friends who need this", ID);
        assert_allows("plate 2 and 3 of the atlas", ID);
        assert_allows("order 1M8GDM9A1KP042788 shipped", ID);
    }
}
