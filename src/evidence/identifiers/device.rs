//! `device`: serial numbers and UDIs of implants and devices, which trace back to one patient.
//!
//! Flags the value after "serial", "SN", "S/N", "UDI", "lot #", "implant ID", "device ID" or "pacemaker
//! serial": "serial PJN812345H", "S/N 4471-AB-2209". Flags GS1 UDI strings with a production identifier
//! after the device identifier: "(01)00884521101132(17)270101(21)A1B2C3". Allows keywords without a code
//! ("serial killer podcast", "a lot 2019", "serial x-rays") and a bare "(01)" product code.

use super::keyed::{continues, digit_count, is_year, trim_value, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Device;

const WORD_KEYWORDS: &str = r"serial(?:\s?(?:number|no|num))?|s/n|sn|udi|lot\s?(?:number|no)|lot|(?:implant|device|pacemaker|generator|pump|battery)\s?(?:id|serial|number|no|sn)";
const HASH_KEYWORDS: &str = r"(?:serial|sn|lot|udi|implant|device)\s?#";

pub(crate) static KEYED: Pattern = Pattern::built(build_device_keyed, true);

fn build_device_keyed() -> String {
    format!(
        r"(?-u:\b)(?:(?:{WORD_KEYWORDS})(?-u:\b)|{HASH_KEYWORDS}){SEPARATOR}([a-z0-9]*[0-9][a-z0-9]*(?:-[a-z0-9]+)*)"
    )
}

/// A GS1 UDI in human-readable form: the device identifier (01) and at least one production identifier.
pub(crate) static GS1_UDI: Pattern = Pattern::new(r"\(01\)\s?[0-9]{14}(?:\s?\([0-9]{2,4}\)\s?[A-Za-z0-9\-./]{1,20})+");

const MESSAGE: &str = "A device serial number or UDI is registered to one patient's implant or equipment.";

impl Finder for Device {
    fn id(&self) -> &'static str {
        "device"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        for caps in gate.captures_iter(&KEYED, doc) {
            let value = caps.get(1).expect("the value group always matches");
            let (start, end) = trim_value(lower, value.start(), value.end());
            let code = &lower[start..end];
            if code.len() < 5 || digit_count(code) < 3 || is_year(code) || continues(lower, end) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Device, start, end, MESSAGE));
        }
        for m in gate.find_iter(&GS1_UDI, doc) {
            out.push(IdentifierHit::new(Identifier::Device, m.start(), m.end(), MESSAGE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_serials_after_their_keywords() {
        assert_flags("interrogated the pacer, serial KLM553021R, battery fine", ID, "KLM553021R");
        assert_flags("S/N 4471-AB-2209 on the pump", ID, "4471-AB-2209");
        assert_flags("implant ID: 99120-3341 from the op note", ID, "99120-3341");
    }

    #[test]
    fn flags_gs1_udis_with_a_serial() {
        let udi = "(01)00884521101132(17)270101(21)A1B2C3";
        assert_flags(&format!("sticker read {udi} on the box"), ID, udi);
    }

    #[test]
    fn allows_keywords_without_a_code() {
        assert_allows("that serial killer podcast again", ID);
        assert_allows("we learned a lot 2019 through 2023", ID);
        assert_allows("serial x-rays show healing", ID);
        assert_allows("product code (01)00884521101132 in the catalog", ID);
    }
}
