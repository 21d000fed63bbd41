//! Property tests run on every build: the report and redaction invariants of `tests/support/invariants.rs`
//! (the same ones the fuzz targets assert) on random Unicode, emoji floods, digit runs and identifier-
//! shaped text mixed with invisible characters. Kept small enough to finish in seconds.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/invariants.rs"]
mod invariants;

use postguard::{check, redact, CheckOptions, Context, Policy};
use proptest::prelude::*;

const CONTEXTS: [Context; 4] = [Context::Post, Context::Comment, Context::ReplyToReview, Context::Message];

/// Fragments that reach the detectors: identifiers, care words, names, tone, and evasion characters.
const FRAGMENTS: &[&str] = &[
    "219-09-9999",
    "ssn ",
    "DOB 03/14/1951 ",
    "MRN 004512 ",
    "(217) 555-0142",
    "bed 4 ",
    "room 12B ",
    "pt ",
    "patient ",
    "mrs henderson ",
    "Dr. Alvarez ",
    "chest pain ",
    "ICU ",
    "was admitted ",
    "age 84 ",
    "jane.doe@example.com ",
    "https://example.com/p?id=7 ",
    "10.0.0.1 ",
    "62704 ",
    "@handle ",
    "fuck ",
    "frequent flyer ",
    "thanks for your review ",
    "your visit ",
    "😀",
    "👨‍👩‍👧",
    "\u{200B}",
    "\u{00AD}",
    "\u{202E}",
    "\u{0308}",
    "１２３",
    "٣٤٥",
    "&#50;",
    "&amp;",
    "&nbsp;",
    "&#x",
    ";",
    "\n",
    "\r\n",
    " ",
    ".",
    "-",
    "/",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24).prop_map(|parts| parts.concat())
}

fn emoji_flood() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop::sample::select(&["😀", "🏥", "👩🏽‍⚕️", "🇺🇸", "❤️", "\u{FE0F}", "\u{200D}"][..]),
            0..200,
        ),
        fragments(),
    )
        .prop_map(|(emoji, tail)| format!("{}{tail}", emoji.concat()))
}

fn digit_runs() -> impl Strategy<Value = String> {
    prop::collection::vec(("[0-9]{1,40}", prop::sample::select(&[" ", "-", "/", ".", "\u{200B}", "", "x"][..])), 0..20)
        .prop_map(|runs| runs.into_iter().map(|(d, sep)| format!("{d}{sep}")).collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), fragments(), emoji_flood(), digit_runs(), "\\PC{0,200}"]
}

#[track_caller]
fn assert_holds(text: &str, context_index: usize) {
    let options = CheckOptions::new(CONTEXTS[context_index % CONTEXTS.len()]);
    let report = check(text, &options, &Policy::default());
    invariants::assert_report_invariants(text, &report);
    let redaction = redact(text, &report);
    invariants::assert_redaction_invariants(text, &report, &redaction);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn survives_random_text(text in any_text(), context in 0usize..4) {
        assert_holds(&text, context);
    }

    #[test]
    fn survives_text_around_an_ssn(before in any_text(), after in any_text()) {
        let text = format!("{before} ssn 219-09-9999 {after}");
        assert_holds(&text, 0);
        let report = check(&text, &CheckOptions::default(), &Policy::default());
        let redacted = redact(&text, &report).text;
        prop_assert!(!redacted.contains("219-09-9999") || before.contains("219-09-9999") || after.contains("219-09-9999"));
    }
}

#[test]
fn survives_shrunk_regressions() {
    // Inputs found by the fuzzers and property tests, kept so they never come back.
    for text in ["", "\u{200B}", "&#", "&#x1F600;", "😀&#50;&#49;&#57;-09-9999", "\u{0308}\u{0308}219-09-9999"] {
        assert_holds(text, 0);
    }
    // fuzz/check: a generic drug name after multibyte characters, in a review reply (advice.rs sliced inside
    // a character).
    let crash = String::from_utf8_lossy(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x0b\x00\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00poxetine 4");
    assert_holds(&crash, 2);
}
