//! `check` on pastes long enough for the gate's near searches (`src/gate/`): the input repeated, glued with
//! a separator the first byte picks, past `NEAR_SEARCH_MIN_LEN`. Every gated pattern and open phrase row must
//! find what a search of the whole text finds, and the report must hold the invariants of
//! `tests/support/invariants.rs`.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use postguard::fuzzing::{near_searches_agree, NEAR_SEARCH_MIN_LEN};
use postguard::{check, CheckOptions, Policy};

/// Break characters of the near searches, characters that are not, and nothing (a match may run across two
/// copies).
const SEPARATORS: [&str; 8] = ["", " ", "\n", ". ", ", ", "\n\n", "! ", "😀 "];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let piece = String::from_utf8_lossy(rest);
    if piece.is_empty() {
        return;
    }
    let separator = SEPARATORS[usize::from(selector) % SEPARATORS.len()];
    let mut text = String::with_capacity(NEAR_SEARCH_MIN_LEN + piece.len() + separator.len());
    while text.len() < NEAR_SEARCH_MIN_LEN {
        text.push_str(&piece);
        text.push_str(separator);
    }
    if let Err(difference) = near_searches_agree(&text) {
        panic!("{difference}");
    }
    let report = check(&text, &CheckOptions::default(), &Policy::default());
    invariants::assert_report_invariants(&text, &report);
});
