//! Word and phrase lists matched as whole words with one Aho-Corasick automaton per list.
//!
//! A list is plain text in `src/data/`: `#` starts a comment, `[name]` starts a category, and every other
//! line is a term in lowercase. A term ending in `*` also matches longer words that start with it
//! (`diabet*` matches "diabetes" and "diabetic"); a `[0-9]` in a term stands for one digit (`bed [0-9]*`
//! matches "bed 4" and "bed 12"). Terms are matched in the lowercased folded text, at word boundaries,
//! leftmost-longest.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::borrow::Cow;

/// Stands for any one digit in a term.
const DIGIT: &str = "[0-9]";

/// A compiled word list.
pub(crate) struct Lexicon {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

struct Entry {
    category: &'static str,
    prefix: bool,
}

/// One whole-word match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term {
    pub start: usize,
    pub end: usize,
    pub category: &'static str,
}

/// The rows of a data file with their category: `#` starts a comment, `[name]` starts a category, blank
/// lines are skipped. Every word list in `src/data/` is read through this.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut category = "";
    data.lines().filter_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            category = name;
            return None;
        }
        Some((category, line))
    })
}

impl Lexicon {
    /// Parses a list. Panics on a malformed built-in list (tests cover every list).
    pub fn parse(data: &'static str) -> Lexicon {
        Lexicon::build(data, None)
    }

    /// [`Lexicon::parse`] for a list searched in every draft: a full DFA, costlier to build, quicker to run.
    pub fn parse_fast(data: &'static str) -> Lexicon {
        Lexicon::build(data, Some(aho_corasick::AhoCorasickKind::DFA))
    }

    fn build(data: &'static str, kind: Option<aho_corasick::AhoCorasickKind>) -> Lexicon {
        let mut patterns: Vec<Cow<'static, str>> = Vec::new();
        let mut entries = Vec::new();
        for (category, line) in rows(data) {
            let (term, prefix) = match line.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (line, false),
            };
            let variants: Vec<Cow<'static, str>> = if term.contains(DIGIT) {
                ('0'..='9').map(|digit| term.replacen(DIGIT, &digit.to_string(), 1).into()).collect()
            } else {
                vec![term.into()]
            };
            for variant in variants {
                patterns.push(variant);
                entries.push(Entry { category, prefix });
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(patterns.iter().map(|p| p.as_bytes()))
            .expect("built-in word list compiles");
        Lexicon { automaton, entries }
    }

    /// Whole-word matches in `lower` (lowercased folded text).
    pub fn find<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = Term> + 'a {
        self.automaton.find_iter(lower).filter_map(move |m| {
            let entry = &self.entries[m.pattern().as_usize()];
            if !is_word_start(lower, m.start()) {
                return None;
            }
            let mut end = m.end();
            if entry.prefix {
                end = word_end(lower, end);
            } else if !is_word_end(lower, end) {
                return None;
            }
            Some(Term { start: m.start(), end, category: entry.category })
        })
    }

    /// Whether any term appears in `text`, even inside a word: when not, [`Lexicon::find`] finds nothing in
    /// any part of `text`.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }

    /// Every (category, term) of the list, for validation tests.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// True when a word character is at `at` in `text`.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when no word character stands just before `at`.
#[inline]
pub(crate) fn is_word_start(text: &str, at: usize) -> bool {
    // An ASCII byte is a whole character: most calls decode nothing.
    match text.as_bytes()[..at].last() {
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        _ => text[..at].chars().next_back().is_none_or(|c| !is_word_char(c)),
    }
}

/// True when no word character stands at `at`.
#[inline]
pub(crate) fn is_word_end(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        _ => text[at..].chars().next().is_none_or(|c| !is_word_char(c)),
    }
}

/// The end of the word that continues at `at`.
pub(crate) fn word_end(text: &str, at: usize) -> usize {
    text[at..].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edges_read_the_character_beside_them() {
        // ASCII, accented letters, another script, digits, an emoji and punctuation side by side.
        let text = "a1 café-Ölz 語x 😀b, ñ9";
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            assert_eq!(is_word_start(text, at), before.is_none_or(|c| !c.is_alphanumeric()), "start at {at}");
            assert_eq!(is_word_end(text, at), after.is_none_or(|c| !c.is_alphanumeric()), "end at {at}");
        }
    }

    #[test]
    fn matches_whole_words_and_prefixes() {
        let lex = Lexicon::parse("# test\n[condition]\ndiabet*\nchest pain\n[place]\ner\n");
        let text = "her chest pain and diabetic er visit";
        let found: Vec<(&str, &str)> = lex.find(text).map(|t| (&text[t.start..t.end], t.category)).collect();
        assert_eq!(found, vec![("chest pain", "condition"), ("diabetic", "condition"), ("er", "place")]);
        assert_eq!(lex.len(), 3);
    }

    #[test]
    fn a_digit_placeholder_stands_for_any_digit() {
        let lex = Lexicon::parse("[place]\nbed [0-9]*\n");
        let text = "bed 7, bed 12, bed A, bedside 4";
        let found: Vec<&str> = lex.find(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(found, ["bed 7", "bed 12"]);
        assert_eq!(lex.len(), 10);
    }

    #[test]
    fn occurs_in_sees_terms_inside_words_too() {
        let lex = Lexicon::parse("[laugh]\nlol\nhaha*\n");
        assert!(lex.occurs_in("a lollipop") && lex.find("a lollipop").next().is_none());
        assert!(lex.occurs_in("ok lol"));
        assert!(!lex.occurs_in("nothing funny here"));
    }
}
