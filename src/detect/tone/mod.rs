//! Tone and professional-conduct detectors: the words that cost staff their jobs.
//!
//! Most rules here are rows in phrase tables (`src/data/tone/*.txt`, see its README): a regex over the
//! lowercased folded text and the safer wording to offer. Single words that people disguise (profanity,
//! slurs) go through [`words`], which sees through leetspeak, `*` wildcards, spaced and stretched letters.

use super::Detector;
use crate::Context;
use regex::Regex;
use regex_automata::{meta, nfa::thompson::WhichCaptures, Input, MatchKind, PatternSet};

mod advice;
mod cure_claims;
mod defensive_reply;
mod disparaging_colleague;
mod insult;
mod misinformation;
mod mocking_patients;
mod patient_slang;
mod profanity;
mod sexual_content;
mod shouting;
mod slur;
mod stigmatizing_language;
mod threat;
mod tragedy_humor;
pub(crate) mod words;

#[cfg(test)]
mod clinical_negatives;

/// Every tone, claims and advice detector, in id order.
pub(crate) static DETECTORS: &[&dyn Detector] = &[
    &advice::IndividualMedicalAdvice,
    &cure_claims::GuaranteeOrCure,
    &misinformation::Misinformation,
    &defensive_reply::DefensiveReply,
    &patient_slang::DerogatoryPatientSlang,
    &disparaging_colleague::DisparagingColleague,
    &insult::Insult,
    &mocking_patients::MockingPatients,
    &profanity::Profanity,
    &sexual_content::SexualContent,
    &shouting::Shouting,
    &slur::Slur,
    &stigmatizing_language::StigmatizingLanguage,
    &threat::Threat,
    &tragedy_humor::TragedyHumor,
];

/// A table of phrase patterns, each with an optional category and safer wording.
///
/// Format: `#` comments, `[category]` headers, and rows `regex => suggestion` (the suggestion is
/// optional). Regexes are written in lowercase; `\b` means an ASCII word boundary. All rows are tried in
/// one pass with a multi-pattern regex (what `regex::RegexSet` is, built here with `regex`'s own engine so
/// that its literal prefilter can be left out: with rows like `\b(that'?s|it'?s|...) (simply |...)?(...)`
/// the prefilter is a large Aho-Corasick DFA that cost about half of building the table and much memory,
/// for little gain on drafts). Only the rows that matched are run again to find their positions.
pub(crate) struct PhraseTable {
    set: meta::Regex,
    rows: Vec<Row>,
}

struct Row {
    pattern: String,
    /// Compiled the first time the row matches a draft: most rows never do in a session, and compiling
    /// hundreds of regexes up front is most of the first check's time in the browser.
    regex: std::sync::OnceLock<Regex>,
    category: &'static str,
    suggestion: Option<&'static str>,
}

/// One phrase found by a [`PhraseTable`] (byte offsets into the folded text).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub category: &'static str,
    pub suggestion: Option<&'static str>,
}

impl PhraseTable {
    /// Parses a built-in table. Panics on a bad row (every table is compiled by a test).
    pub fn parse(data: &'static str) -> PhraseTable {
        let mut category = "";
        let mut patterns = Vec::new();
        let mut rows = Vec::new();
        for (number, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                category = name;
                continue;
            }
            let (pattern, suggestion) = match line.split_once(" => ") {
                Some((p, s)) => (p.trim(), Some(s.trim())),
                None => (line, None),
            };
            let pattern = pattern.replace(r"\b", r"(?-u:\b)");
            patterns.push((number + 1, pattern.clone()));
            rows.push(Row { pattern, regex: std::sync::OnceLock::new(), category, suggestion });
        }
        let config =
            meta::Config::new().match_kind(MatchKind::All).which_captures(WhichCaptures::None).auto_prefilter(false);
        let sources: Vec<&str> = patterns.iter().map(|(_, p)| p.as_str()).collect();
        let set = meta::Regex::builder().configure(config).build_many(&sources).unwrap_or_else(|_| {
            // Name the bad row.
            for (line, pattern) in &patterns {
                if let Err(e) = Regex::new(pattern) {
                    panic!("phrase table line {line}: {pattern:?}: {e}");
                }
            }
            panic!("phrase table does not compile as a set")
        });
        PhraseTable { set, rows }
    }

    /// Every match of every row in `lower`, sorted by position.
    pub fn find(&self, lower: &str) -> Vec<Phrase> {
        // Most drafts match no row: one early-stopping, prefiltered pass says so before the overlapping
        // pass that names the rows.
        if !self.set.is_match(lower) {
            return Vec::new();
        }
        let mut matched = PatternSet::new(self.set.pattern_len());
        self.set.which_overlapping_matches(&Input::new(lower), &mut matched);
        let mut found = Vec::new();
        for index in matched.iter() {
            let row = &self.rows[index.as_usize()];
            let regex = row.regex.get_or_init(|| Regex::new(&row.pattern).expect("row compiled in the set"));
            for m in regex.find_iter(lower) {
                found.push(Phrase {
                    start: m.start(),
                    end: m.end(),
                    category: row.category,
                    suggestion: row.suggestion,
                });
            }
        }
        found.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
        // Keep the longest of overlapping matches so one phrase yields one finding.
        let mut kept: Vec<Phrase> = Vec::with_capacity(found.len());
        for phrase in found {
            if kept.last().is_some_and(|last| phrase.start < last.end) {
                continue;
            }
            kept.push(phrase);
        }
        kept
    }

    /// True when some row matches somewhere in `lower`. A row that matches in a sentence of the draft
    /// also matches in the whole draft: rows use no anchors (`^ $ \A \z`) nor `\B`, and a sentence starts
    /// after a non-word character, so every `\b` true inside the sentence is true in the draft.
    pub fn is_match(&self, lower: &str) -> bool {
        self.set.is_match(lower)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

/// Pushes one hit of `kind` per phrase, with the row's suggestion or `fallback`.
pub(crate) fn push_phrases(
    phrases: impl IntoIterator<Item = Phrase>,
    kind: crate::report::Kind,
    message: &'static str,
    fallback: &'static str,
    out: &mut Vec<crate::doc::Hit>,
) {
    for phrase in phrases {
        out.push(
            crate::doc::Hit::new(kind, phrase.start, phrase.end, message)
                .suggest(phrase.suggestion.unwrap_or(fallback)),
        );
    }
}

/// The lowercase word just after byte `at` ("" at the end).
pub(crate) fn next_word(lower: &str, at: usize) -> &str {
    let rest = lower[at..].trim_start_matches([' ', '-']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).unwrap_or(rest.len());
    &rest[..end]
}

/// The lowercase word just before byte `at` ("" at the start).
pub(crate) fn previous_word(lower: &str, at: usize) -> &str {
    let head = lower[..at].trim_end_matches([' ', '-']);
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Up to `len` bytes of lowercased text before `at`, not reaching back past the start of its sentence.
pub(crate) fn sentence_before<'d>(doc: &'d crate::doc::Document, at: usize, len: usize) -> &'d str {
    let (sentence_start, _) = doc.sentence_at(at);
    let window = doc.before(at, len);
    let skip = (at - window.len()).max(sentence_start) - (at - window.len());
    &window[skip.min(window.len())..]
}

/// True when the draft answers someone: a comment, a message or a reply to a review.
pub(crate) fn is_reply(context: Context) -> bool {
    !matches!(context, Context::Post)
}

/// True when `window` (text just before a claim) says the claim is false: "the myth that", "no, ".
pub(crate) fn has_negation(window: &str) -> bool {
    static NEGATION: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)(not|no|never|nor|n't|isn't|aren't|doesn't|don't|didn't|won't|can't|cannot|myths?|false|falsely|debunk\w*|hoax|rumou?rs?|claims?|claiming|misinformation|disinformation|lie|lies|untrue|wrong|without)(?-u:\b)|n't(?-u:\b)",
        )
        .expect("negation pattern compiles")
    });
    NEGATION.is_match(window)
}

/// True when the word at `start..end` is quoted, as when a post discusses the word itself
/// ("write 'person with diabetes' instead of 'diabetic'").
pub(crate) fn is_quoted(lower: &str, start: usize, end: usize) -> bool {
    let before = lower[..start].chars().next_back();
    let after = lower[end..].chars().next();
    matches!((before, after), (Some('\'' | '"'), Some('\'' | '"')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_table_keeps_the_longest_overlapping_match() {
        let table = PhraseTable::parse("[a]\n\\bnot true\\b => say less\n\\bsimply not true\\b\n");
        let found = table.find("that's simply not true");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end), (7, 22));
        assert_eq!(table.len(), 2);
    }

    #[test]
    fn negation_and_quotes() {
        assert!(has_negation("the myth that "));
        assert!(has_negation("it doesn't "));
        assert!(!has_negation("remember that "));
        assert!(is_quoted("not 'diabetic' but", 5, 13));
        assert!(!is_quoted("the diabetic man", 4, 12));
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// Every built-in table compiles, is non-empty and has no duplicate rows.
    #[test]
    fn every_table_and_list_is_valid() {
        let tables: &[(&str, &str)] = &[
            ("cure_claims", include_str!("../../data/tone/cure_claims.txt")),
            ("defensive_reply", include_str!("../../data/tone/defensive_reply.txt")),
            ("disparaging_colleague", include_str!("../../data/tone/disparaging_colleague.txt")),
            ("identity_attacks", include_str!("../../data/tone/identity_attacks.txt")),
            ("insult", include_str!("../../data/tone/insult.txt")),
            ("misinformation", include_str!("../../data/tone/misinformation.txt")),
            ("mocking_patients", include_str!("../../data/tone/mocking_patients.txt")),
            ("patient_slang", include_str!("../../data/tone/patient_slang.txt")),
            ("sexual", include_str!("../../data/tone/sexual.txt")),
            ("stigmatizing", include_str!("../../data/tone/stigmatizing.txt")),
            ("threat", include_str!("../../data/tone/threat.txt")),
            ("tragedy", include_str!("../../data/tone/tragedy.txt")),
        ];
        for (name, data) in tables {
            assert!(PhraseTable::parse(data).len() > 0, "{name} is empty");
            assert_unique(name, data);
        }
        for (name, data) in [
            ("profanity", include_str!("../../data/tone/profanity.txt")),
            ("slurs", include_str!("../../data/tone/slurs.txt")),
            ("insult_words", include_str!("../../data/tone/insult_words.txt")),
        ] {
            assert!(words::WordList::parse(data).len() > 0, "{name} is empty");
            assert_unique(name, data);
        }
    }

    fn assert_unique(name: &str, data: &str) {
        let mut rows: Vec<&str> = data
            .lines()
            .map(|l| l.split(" => ").next().unwrap_or("").trim())
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .collect();
        let count = rows.len();
        rows.sort_unstable();
        rows.dedup();
        assert_eq!(rows.len(), count, "{name} has duplicate rows");
    }

    /// A 1 MB paste of mixed text is checked in well under a second (release) and stays linear.
    #[test]
    fn a_large_paste_checks_quickly() {
        let chunk = "Honestly the f*cking pyxis!!!! pt in bed 4 is SO DRAMATIC 🙄 and ivermectin cures covid lol. \
                     Breast cancer awareness: book your mammogram. Dr. Dick Johnson says hi. ";
        let text = chunk.repeat(1_000_000 / chunk.len());
        let started = std::time::Instant::now();
        let report = crate::detect::testing::report(&text, crate::Context::Comment);
        let elapsed = started.elapsed();
        assert!(!report.findings.is_empty());
        // Debug builds are ~10x slower than release; this bound catches quadratic behaviour, not tuning.
        assert!(elapsed.as_secs_f64() < 20.0, "1 MB took {elapsed:?}");
    }
}
