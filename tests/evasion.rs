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

/// Disguises of issue 23, each in a draft with care context, with the finding expected: its kind, identifier
/// type and exact text as typed. (The held-back set in `tests/data/evasion-heldout.jsonl` measures the same
/// disguises on drafts this code was not written against.)
const DISGUISES: &[(&str, Kind, Option<&str>, &str)] = &[
    // Spaced, slashed, underscored and mixed separators.
    ("pt ssn 3 7 2 4 8 1 9 5 6 on the form", Kind::PhiDirectIdentifier, Some("ssn"), "3 7 2 4 8 1 9 5 6"),
    ("ssn 372 - 48 - 1956 for the pt", Kind::PhiDirectIdentifier, Some("ssn"), "372 - 48 - 1956"),
    ("ssn 372/48/1956 for the pt", Kind::PhiDirectIdentifier, Some("ssn"), "372/48/1956"),
    ("ssn: 246_13_5790, pt in 4B", Kind::PhiDirectIdentifier, Some("ssn"), "246_13_5790"),
    ("pt DOB 03 14 1962, admitted w/ chest pain", Kind::PhiDirectIdentifier, Some("date"), "03 14 1962"),
    ("dob 3 - 14 - 1962 for the man in bed 4", Kind::PhiDirectIdentifier, Some("date"), "3 - 14 - 1962"),
    ("pt DOB 1962-03-14 in the ICU", Kind::PhiDirectIdentifier, Some("date"), "1962-03-14"),
    ("her cell is 2 1 7 5 5 5 0 1 9 9, pt in ED", Kind::PhiDirectIdentifier, Some("phone"), "2 1 7 5 5 5 0 1 9 9"),
    ("pt cell 217 . 555 . 0199", Kind::PhiDirectIdentifier, Some("phone"), "217 . 555 . 0199"),
    ("pt cell 217/555/0199 admitted", Kind::PhiDirectIdentifier, Some("phone"), "217/555/0199"),
    ("daughter's cell 217 555 01 99, pt in ICU", Kind::PhiDirectIdentifier, Some("phone"), "217 555 01 99"),
    ("mrn 5 5 3 0 1 2 7 pt in bed 3", Kind::PhiDirectIdentifier, Some("mrn"), "5 5 3 0 1 2 7"),
    // Compatibility forms and other scripts' digits.
    ("ssn ³⁷²-⁴⁸-¹⁹⁵⁶ pt", Kind::PhiDirectIdentifier, Some("ssn"), "³⁷²-⁴⁸-¹⁹⁵⁶"),
    ("ssn ₃₇₂₋₄₈₋₁₉₅₆ pt", Kind::PhiDirectIdentifier, Some("ssn"), "₃₇₂₋₄₈₋₁₉₅₆"),
    ("ssn ③⑦②-④⑧-①⑨⑤⑥ pt", Kind::PhiDirectIdentifier, Some("ssn"), "③⑦②-④⑧-①⑨⑤⑥"),
    ("pt cell 𝟐𝟏𝟕-𝟓𝟓𝟓-𝟎𝟏𝟗𝟗", Kind::PhiDirectIdentifier, Some("phone"), "𝟐𝟏𝟕-𝟓𝟓𝟓-𝟎𝟏𝟗𝟗"),
    ("ssn ३७२-४८-१९५६", Kind::PhiDirectIdentifier, Some("ssn"), "३७२-४८-१९५६"),
    ("ssn ৩৭২-৪৮-১৯৫৬", Kind::PhiDirectIdentifier, Some("ssn"), "৩৭২-৪৮-১৯৫৬"),
    ("ssn ๓๗๒-๔๘-๑๙๕๖", Kind::PhiDirectIdentifier, Some("ssn"), "๓๗๒-๔๘-๑๙๕๖"),
    ("what a 𝐟𝐮𝐜𝐤𝐢𝐧𝐠 shift", Kind::ToneProfanity, None, "𝐟𝐮𝐜𝐤𝐢𝐧𝐠"),
    ("this ⓢⓗⓘⓣ schedule", Kind::ToneProfanity, None, "ⓢⓗⓘⓣ"),
    ("Mrs. 𝐇𝐞𝐧𝐝𝐞𝐫𝐬𝐨𝐧 in bed 2 is back with chest pain", Kind::PhiNameWithHealthContext, Some("name"), "𝐇𝐞𝐧𝐝𝐞𝐫𝐬𝐨𝐧"),
    ("Mr. 𝓦𝓱𝓲𝓽𝓪𝓴𝓮𝓻 in room 4 is back with chest pain", Kind::PhiNameWithHealthContext, Some("name"), "𝓦𝓱𝓲𝓽𝓪𝓴𝓮𝓻"),
    // Spelled out, mixed with digits, leetspeak digits.
    (
        "ssn three seven two, four eight, one nine five six",
        Kind::PhiDirectIdentifier,
        Some("ssn"),
        "three seven two, four eight, one nine five six",
    ),
    ("pt DOB the 3rd of May '51, admitted overnight", Kind::PhiDirectIdentifier, Some("date"), "3rd of May '51"),
    (
        "pt DOB march fourteenth, nineteen sixty two",
        Kind::PhiDirectIdentifier,
        Some("date"),
        "march fourteenth, nineteen sixty two",
    ),
    ("pt DOB 3/14/l956 in the ED", Kind::PhiDirectIdentifier, Some("date"), "3/14/l956"),
    ("pt cell 2I7-555-0I99", Kind::PhiDirectIdentifier, Some("phone"), "2I7-555-0I99"),
    // Line breaks inside a name or a number.
    ("Mrs.\nHenderson in bed 2 is back with chest pain", Kind::PhiNameWithHealthContext, Some("name"), "Henderson"),
    (
        "Mrs. Hen-\nderson in bed 2 is back with chest pain",
        Kind::PhiNameWithHealthContext,
        Some("name"),
        "Hen-\nderson",
    ),
    ("ssn 372-48\n-1956", Kind::PhiDirectIdentifier, Some("ssn"), "372-48\n-1956"),
    // Emails written out.
    ("pt email jane.doe at gmail dot com", Kind::PhiDirectIdentifier, Some("email"), "jane.doe at gmail dot com"),
    ("pt email tammyr62[at]gmail[dot]com", Kind::PhiDirectIdentifier, Some("email"), "tammyr62[at]gmail[dot]com"),
    ("pt email tammyr62(at)gmail(dot)com", Kind::PhiDirectIdentifier, Some("email"), "tammyr62(at)gmail(dot)com"),
    ("pt email tammyr62 @ gmail.com", Kind::PhiDirectIdentifier, Some("email"), "tammyr62 @ gmail.com"),
    ("pt email tammyr62﹫gmail.com", Kind::PhiDirectIdentifier, Some("email"), "tammyr62﹫gmail.com"),
    // "M.R.N.", spaced record numbers, dates of birth with soft hyphens, profanity split or spelled by sound.
    ("M.R.N. 5530127 pt in bed 3", Kind::PhiDirectIdentifier, Some("mrn"), "5530127"),
    ("MRN 553 0127 pt in bed 3", Kind::PhiDirectIdentifier, Some("mrn"), "553 0127"),
    ("pt DOB 03/14/19\u{00AD}62", Kind::PhiDirectIdentifier, Some("date"), "03/14/19\u{00AD}62"),
    ("what a fu.cking shift", Kind::ToneProfanity, None, "fu.cking"),
    ("phucking pagers again", Kind::ToneProfanity, None, "phucking"),
    // Text reversed inside a right-to-left override.
    ("ssn \u{202E}6591-84-273\u{202C}", Kind::PhiDirectIdentifier, Some("ssn"), "6591-84-273"),
    ("what a \u{202E}gnikcuf\u{202C} shift", Kind::ToneProfanity, None, "gnikcuf"),
];

#[test]
fn flags_the_disguises_of_issue_23_as_typed() {
    let mut missed = Vec::new();
    for &(text, kind, identifier, typed) in DISGUISES {
        let report = check(text, &CheckOptions::default(), &Policy::default());
        let units: Vec<u16> = text.encode_utf16().collect();
        for f in &report.findings {
            assert_eq!(String::from_utf16_lossy(&units[f.start..f.end]), f.text, "offsets of {f:?}");
        }
        let found =
            report.findings.iter().any(|f| f.kind == kind && f.text == typed && f.identifier.as_deref() == identifier);
        if !found {
            let got: Vec<(&str, Option<&str>, &str)> =
                report.findings.iter().map(|f| (f.kind.as_str(), f.identifier.as_deref(), f.text.as_str())).collect();
            missed.push(format!("{text:?}: expected {kind} {identifier:?} on {typed:?}, got {got:?}"));
        }
    }
    println!("issue 23 disguises: {} of {} caught as typed", DISGUISES.len() - missed.len(), DISGUISES.len());
    assert!(missed.is_empty(), "{} of {} missed:\n{}", missed.len(), DISGUISES.len(), missed.join("\n"));
}

/// Look-alikes of the disguises above that are not identifiers: versions, scores, prices, counts, fancy text
/// without care, and words around "at" and "dot".
#[test]
fn allows_what_only_looks_like_a_disguise() {
    for text in [
        "v2.14.3 is out, and so is ³.²",
        "final score 3 - 1, then 2 - 2",
        "scrubs were $ 24 / $ 32, now 19.99",
        "𝐇𝐚𝐩𝐩𝐲 𝐍𝐮𝐫𝐬𝐞𝐬 𝐖𝐞𝐞𝐤 to the whole team!",
        "we were at target dot com prices all week",
        "1 2 3 4 5 stars, would work here again",
        "shift 7 - 3, then 3 - 11, then off",
        "ⓗⓐⓟⓟⓨ ⓕⓡⓘⓓⓐⓨ",
        "the year two thousand twenty four was long",
        "room 12 / 14 / 16 are closed for cleaning",
        "I was one of two nurses on, twenty minutes late",
        "the first time I saw the new wing",
    ] {
        let report = check(text, &CheckOptions::default(), &Policy::default());
        let privacy: Vec<&str> =
            report.findings.iter().filter(|f| f.kind.as_str().starts_with("phi.")).map(|f| f.text.as_str()).collect();
        assert!(privacy.is_empty(), "{text:?}: {privacy:?}");
    }
}
