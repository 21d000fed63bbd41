//! `tone.shouting`: ALL-CAPS runs of several words and long runs of exclamation marks (low).
//!
//! Flags "PLEASE DO NOT PARK IN THE AMBULANCE BAY", "GET. YOUR. FLU. SHOT." and "!!!!!". Allows
//! acronyms ("ICU RN, BLS/ACLS"), one shouted word ("I'm TIRED"), and "!!!" as plain excitement.

use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind, Severity};

pub(crate) struct Shouting;

const MESSAGE: &str = "All caps and long runs of exclamation marks read as shouting; the message lands better calm.";
/// A run needs this many capitalized words, and this many capital letters in all.
const MIN_WORDS: usize = 3;
const MIN_LETTERS: usize = 10;
const MIN_EXCLAMATIONS: usize = 5;

impl Judge for Shouting {
    fn id(&self) -> &'static str {
        "tone.shouting"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let text = doc.text();
        let bytes = text.as_bytes();
        for (start, end) in caps_runs(text) {
            let calm = sentence_case(&text[start..end]);
            out.push(Hit::new(Kind::ToneShouting, start, end, MESSAGE).severity(Severity::Low).suggest(calm));
        }
        if bytes.iter().filter(|&&b| b == b'!').count() < MIN_EXCLAMATIONS {
            return;
        }
        let mut i = 0;
        // `str::find` of one ASCII character skips a word at a time (memchr), not a byte.
        while let Some(at) = text[i..].find('!') {
            let start = i + at;
            i = start;
            while i < bytes.len() && matches!(bytes[i], b'!' | b'1' | b'?') {
                i += 1;
            }
            if bytes[start..i].iter().filter(|&&b| b == b'!').count() >= MIN_EXCLAMATIONS {
                out.push(Hit::new(Kind::ToneShouting, start, i, MESSAGE).severity(Severity::Low).suggest("!"));
            }
        }
    }
}

/// Capitalized words of four or more letters that are names of things, not shouting.
const ACRONYMS: &[&str] = &[
    "ACLS", "PALS", "NICU", "PICU", "MICU", "SICU", "CVICU", "HIPAA", "COVID", "STAT", "CPAP", "BIPAP", "CABG", "ECMO",
    "TNCC", "ENPC", "CCRN", "MSN", "BSN", "DNP", "FNP", "NCLEX", "OSHA", "FEMA", "CDC", "WHO", "EMTALA", "PACU",
    "NASA", "USMLE", "MCAT", "AAMC", "NIOSH", "AIDS", "MRSA", "CLABSI", "CAUTI", "UNOS", "SANE", "DNR", "POLST",
];

/// Byte ranges of runs of capitalized words: words of letters with no lowercase letter, joined by spaces
/// and punctuation (not line breaks), skipping #hashtags and @handles.
///
/// A run ends at a line break and needs a word of four capitals, so only the lines with such a word are read
/// word by word; most drafts, and most lines of a long paste, have none and cost one quick pass.
fn caps_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(at) = long_capital_word(bytes, from) {
        let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line_end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i);
        caps_runs_in_line(text, line_start, line_end, &mut runs);
        from = line_end;
    }
    runs
}

/// [`caps_runs`] of the line `line_start..line_end` of `text`, added to `runs`.
fn caps_runs_in_line(text: &str, line_start: usize, line_end: usize, runs: &mut Vec<(usize, usize)>) {
    let mut current: Option<(usize, usize, usize, usize, usize)> = None; // start, end, words, letters, long words
    let bytes = &text.as_bytes()[..line_end];
    let mut i = line_start;
    let mut flush = |current: &mut Option<(usize, usize, usize, usize, usize)>| {
        if let Some((s, e, words, letters, long)) = current.take() {
            if words >= MIN_WORDS && letters >= MIN_LETTERS && long >= 1 {
                runs.push((s, e));
            }
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() {
            // A word with a lowercase letter is not shouted: skip it whole.
            flush(&mut current);
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
                i += 1;
            }
        } else if b.is_ascii_uppercase() {
            let start = i;
            // One pass over the word counts its capitals and notes any lowercase letter.
            let (mut upper, mut has_lower) = (0, false);
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
                upper += usize::from(bytes[i].is_ascii_uppercase());
                has_lower |= bytes[i].is_ascii_lowercase();
                i += 1;
            }
            let word = &text[start..i];
            let tagged = start > 0 && matches!(bytes[start - 1], b'#' | b'@');
            let shouted = !tagged && !has_lower && upper >= 1;
            if shouted && (upper >= 2 || word == "I" || word == "A") {
                let long = usize::from(upper >= 4 && !ACRONYMS.contains(&word));
                current = Some(match current {
                    Some((s, _, w, l, g)) => (s, i, w + 1, l + upper, g + long),
                    None => (start, i, 1, upper, long),
                });
            } else {
                flush(&mut current);
            }
        } else {
            if b == b'\n' {
                flush(&mut current);
            }
            i += 1;
        }
    }
    flush(&mut current);
}

/// Where, from `from` on, a word of [`caps_runs`] first has four capitals and no lowercase letter (the offset of
/// its fourth capital).
fn long_capital_word(bytes: &[u8], from: usize) -> Option<usize> {
    let mut capitals = 0u8;
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        // Without a branch per byte: a capital adds one, a digit or apostrophe keeps the count, anything else
        // clears it.
        let (keep, add) = CAPITAL_COUNT[usize::from(b)];
        capitals = (capitals & keep) + add;
        if capitals == 4 {
            return Some(at);
        }
    }
    None
}

/// For each byte, what [`long_capital_word`] does with its count: `(mask kept, number added)`.
const CAPITAL_COUNT: [(u8, u8); 256] = {
    let mut table = [(0, 0); 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => (0xff, 1),
            b'0'..=b'9' | b'\'' => (0xff, 0),
            _ => (0, 0),
        };
        b += 1;
    }
    table
};

/// "PLEASE DO NOT PARK HERE" → "Please do not park here".
fn sentence_case(shouted: &str) -> String {
    let mut out = String::with_capacity(shouted.len());
    let mut start_of_sentence = true;
    for c in shouted.chars() {
        if c.is_alphabetic() {
            if start_of_sentence {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_sentence = false;
        } else {
            if matches!(c, '.' | '!' | '?') {
                start_of_sentence = true;
            }
            out.push(c);
        }
    }
    out.replace(" i ", " I ")
}

#[cfg(test)]
mod tests {
    use super::{caps_runs, long_capital_word, sentence_case};
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_caps_sentences_and_exclamation_runs() {
        assert_flags("PLEASE STOP PARKING IN THE FIRE LANE", Kind::ToneShouting, "PLEASE STOP PARKING");
        assert_flags("GET. YOUR. FLU. SHOT.", Kind::ToneShouting, "GET. YOUR. FLU. SHOT");
        assert_flags("We did it!!!!!", Kind::ToneShouting, "!!!!!");
        assert_flags("whoever parked there, MOVE YOUR CAR", Kind::ToneShouting, "MOVE YOUR CAR");
        // The only long word has an apostrophe in it.
        assert_flags("honestly, YOU DON'T GET IT", Kind::ToneShouting, "YOU DON'T GET IT");
    }

    #[test]
    fn a_long_capital_word_may_hold_digits_and_apostrophes() {
        let has = |text: &[u8]| long_capital_word(text, 0).is_some();
        assert!(has(b"so WON'T") && has(b"COVID19") && has(b"ICU4A"));
        assert!(!has(b"ICU RN DOB") && !has(b"ICUs and BLS-ACL") && !has(b""));
        assert_eq!(long_capital_word(b"NICU and PICU", 0), Some(3));
        assert_eq!(long_capital_word(b"NICU and PICU", 4), Some(12));
    }

    #[test]
    fn finds_runs_on_any_line_of_a_long_draft() {
        // Lines with only acronyms, a run whose long word comes last, a run after calm words, a run at the very
        // start and one at the very end, with no line break after it.
        let text = "PLEASE DO NOT RUN\ncalm line\nNICU PICU tour\nsee you, GET YOUR FLU SHOT\nCOVID19 only\n\
                    and then WASH YOUR HANDS";
        let runs: Vec<&str> = caps_runs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(runs, ["PLEASE DO NOT RUN", "GET YOUR FLU SHOT", "WASH YOUR HANDS"]);
    }

    #[test]
    fn suggests_sentence_case() {
        assert_eq!(sentence_case("WASH YOUR HANDS. FLU SEASON IS HERE"), "Wash your hands. Flu season is here");
    }

    #[test]
    fn allows_acronyms_single_words_and_mild_excitement() {
        for text in [
            "Hiring ICU RN, BLS/ACLS required, apply at RCH",
            "bitch i'm TIRED",
            "Congrats Jamie!!!",
            "#ICU #ED #RN life",
            "NICU PICU CCU tour day",
            "Certified in BLS ACLS PALS TNCC",
        ] {
            assert_allows(text, Kind::ToneShouting);
        }
    }
}
