//! Evasion and Unicode: identifiers and slurs disguised with invisible characters, other scripts' digits
//! and letters, bidi controls, combining marks, line breaks and HTML character references are still found,
//! and the finding's offsets and text point at the characters as typed, disguise included.
#![cfg(not(target_arch = "wasm32"))]

use postguard::{check, CheckOptions, Finding, Kind, Policy};

/// Checks `text` as a post and returns the finding of `kind` whose text is exactly `typed`, after checking
/// that its UTF-16 offsets slice exactly that out of the original.
#[track_caller]
fn assert_flags_typed(text: &str, kind: Kind, typed: &str) -> Finding {
    let report = check(text, &CheckOptions::default(), &Policy::default());
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &report.findings {
        assert_eq!(String::from_utf16_lossy(&units[f.start..f.end]), f.text, "offsets of {f:?}");
    }
    let found = report.findings.iter().find(|f| f.kind == kind && f.text == typed);
    found.cloned().unwrap_or_else(|| panic!("expected {kind} on {typed:?} in {text:?}, got {:#?}", report.findings))
}

#[track_caller]
fn assert_flags_ssn(text: &str, typed: &str) {
    let f = assert_flags_typed(text, Kind::PhiDirectIdentifier, typed);
    assert_eq!(f.identifier.as_deref(), Some("ssn"), "{f:?}");
}

#[track_caller]
fn assert_flags_slur(text: &str, typed: &str) {
    assert_flags_typed(text, Kind::ToneSlur, typed);
}

#[test]
fn flags_identifiers_split_by_zero_width_characters() {
    assert_flags_ssn("ssn 2\u{200B}1\u{200C}9-09-99\u{200D}99 on file", "2\u{200B}1\u{200C}9-09-99\u{200D}99");
    // Invisible characters right after the number belong to the disguise and are covered too.
    assert_flags_ssn("ssn 219\u{2060}-09-9999\u{FEFF}.", "219\u{2060}-09-9999\u{FEFF}");
}

#[test]
fn flags_slurs_split_by_zero_width_characters() {
    assert_flags_slur("this re\u{200B}tarded scheduling app", "re\u{200B}tarded");
}

#[test]
fn flags_identifiers_and_slurs_split_by_soft_hyphens() {
    assert_flags_ssn("ssn 219-09-99\u{00AD}99", "219-09-99\u{00AD}99");
    assert_flags_slur("this re\u{00AD}tar\u{00AD}ded app", "re\u{00AD}tar\u{00AD}ded");
}

#[test]
fn flags_fullwidth_digits_and_letters() {
    assert_flags_ssn("ssn ２１９－０９－９９９９", "２１９－０９－９９９９");
    assert_flags_slur("this ｒｅｔａｒｄｅｄ app", "ｒｅｔａｒｄｅｄ");
}

#[test]
fn flags_arabic_indic_digits() {
    assert_flags_ssn("ssn ٢١٩-٠٩-٩٩٩٩", "٢١٩-٠٩-٩٩٩٩");
    assert_flags_ssn("ssn ۲۱۹-۰۹-۹۹۹۹", "۲۱۹-۰۹-۹۹۹۹");
    let f = assert_flags_typed("pt cell ٢١٧-٥٥٥-٠١٩٩", Kind::PhiDirectIdentifier, "٢١٧-٥٥٥-٠١٩٩");
    assert_eq!(f.identifier.as_deref(), Some("phone"));
}

#[test]
fn flags_cyrillic_and_greek_look_alikes() {
    assert_flags_slur("this rеtаrdеd app", "rеtаrdеd"); // Cyrillic е and а
    assert_flags_slur("this rεtαrdεd app", "rεtαrdεd"); // Greek ε and α
    assert_flags_typed("what a fυcking mess", Kind::ToneProfanity, "fυcking"); // Greek υ
}

#[test]
fn flags_text_wrapped_in_bidi_overrides() {
    assert_flags_ssn("ssn \u{202E}219-09-9999\u{202C} ok", "219-09-9999\u{202C}");
    assert_flags_ssn("ssn 219-\u{2067}09\u{2069}-9999", "219-\u{2067}09\u{2069}-9999");
    assert_flags_slur("this \u{202D}retarded\u{202C} app", "retarded\u{202C}");
}

#[test]
fn flags_text_sprinkled_with_combining_marks() {
    assert_flags_ssn("ssn 2\u{0301}19-09-9\u{0336}999", "2\u{0301}19-09-9\u{0336}999");
    assert_flags_slur("this re\u{0308}ta\u{0301}rded app", "re\u{0308}ta\u{0301}rded");
}

#[test]
fn flags_identifiers_across_line_breaks() {
    assert_flags_ssn("ssn 219-09-\n9999", "219-09-\n9999");
    assert_flags_ssn("ssn 219 09\u{2028}9999", "219 09\u{2028}9999");
    let f = assert_flags_typed("pt cell (217)\n555-0199", Kind::PhiDirectIdentifier, "(217)\n555-0199");
    assert_eq!(f.identifier.as_deref(), Some("phone"));
}

#[test]
fn flags_identifiers_written_as_html_character_references() {
    assert_flags_ssn("ssn &#50;&#49;&#57;-09-9999", "&#50;&#49;&#57;-09-9999");
    assert_flags_ssn("ssn &#x32;&#x31;&#x39;&#x2D;09&#45;9999", "&#x32;&#x31;&#x39;&#x2D;09&#45;9999");
    assert_flags_ssn("ssn&nbsp;219&nbsp;09&nbsp;9999", "219&nbsp;09&nbsp;9999");
    let f =
        assert_flags_typed("email pt at jane.doe&#64;gmail.com", Kind::PhiDirectIdentifier, "jane.doe&#64;gmail.com");
    assert_eq!(f.identifier.as_deref(), Some("email"));
    assert_flags_slur("this ret&#97;rded app", "ret&#97;rded");
    assert_flags_slur("Q&amp;A: this re&shy;tarded app", "re&shy;tarded");
}

#[test]
fn flags_with_utf16_offsets_after_emoji_and_entities() {
    let text = "👩🏽‍⚕️ &amp; 😀 ssn 219-09-9999";
    let f = assert_flags_typed(text, Kind::PhiDirectIdentifier, "219-09-9999");
    let before: usize = text[..text.find("219").unwrap()].encode_utf16().count();
    assert_eq!((f.start, f.end), (before, before + 11));
}

#[test]
fn flags_stacked_disguises() {
    assert_flags_ssn(
        "ssn&nbsp;\u{202E}２&#49;٩\u{200B}-0\u{0301}9-&#x39;9\u{00AD}99",
        "２&#49;٩\u{200B}-0\u{0301}9-&#x39;9\u{00AD}99",
    );
}

#[test]
fn allows_ordinary_text_with_entities_and_scripts() {
    for text in
        ["Q&amp;A tonight at 6 &mdash; all welcome!", "Спасибо команде!", "Ευχαριστούμε!", "&#128512; great day"]
    {
        let report = check(text, &CheckOptions::default(), &Policy::default());
        assert!(report.findings.is_empty(), "{text:?}: {:#?}", report.findings);
    }
}
