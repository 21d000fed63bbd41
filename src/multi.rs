//! Many patterns, one pass: which of them match somewhere in a text.
//!
//! Rule families (the phrase tables, the mention patterns) first ask which of their patterns occur in the
//! draft at all, and run only those patterns' own regexes for positions. `regex::RegexSet` answers that, but
//! builds a reverse NFA, a literal prefilter and fallback engines it never needs for the question; building
//! them was most of the first check's time. This is `regex-automata`'s lazy DFA straight from the forward
//! NFA: cheaper to build, the same single pass to search.

use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, Input, MatchKind, PatternID, PatternSet};

/// Memory for the lazy DFA's states, per set and per thread. Searching all patterns at once keeps many
/// patterns in progress at each byte, so the states are many and large: with `regex`'s default 2 MB, a 1 MB
/// paste of mixed text cleared the cache over and over and the check took twenty times longer. The memory
/// is taken as states are built; short drafts use a small part of it.
const CACHE_CAPACITY: usize = 4 << 20;

type CachePool = Pool<hybrid::dfa::Cache, Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync>>;

/// A set of patterns searched together (same syntax as `regex::Regex`).
pub(crate) struct MultiPattern {
    dfa: hybrid::dfa::DFA,
    caches: CachePool,
}

/// The patterns of a [`MultiPattern`] that matched a text.
pub(crate) struct Matched(PatternSet);

impl Matched {
    /// True when pattern `index` (its position in the list given to [`MultiPattern::new`]) matched.
    pub fn contains(&self, index: usize) -> bool {
        index < self.0.capacity() && self.0.contains(PatternID::new_unchecked(index))
    }

    /// The indexes of the patterns that matched, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|id| id.as_usize())
    }
}

impl MultiPattern {
    /// Compiles `patterns` into one automaton. Fails like `regex::Regex::new` on a bad pattern (the caller
    /// names it) or when the set is too large.
    pub fn new(patterns: &[&str]) -> Result<MultiPattern, Box<hybrid::BuildError>> {
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All).cache_capacity(CACHE_CAPACITY))
            .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many(patterns)
            .map_err(Box::new)?;
        let for_caches = dfa.clone();
        let caches: CachePool = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(MultiPattern { dfa, caches })
    }

    /// The patterns that match somewhere in `haystack`, in one pass over it.
    pub fn matches(&self, haystack: &str) -> Matched {
        let mut matched = PatternSet::new(self.dfa.pattern_len());
        let mut cache = self.caches.get();
        // The lazy DFA gives up only when configured to (`minimum_cache_clear_count`, unset), and quits only
        // on a Unicode word boundary in non-ASCII text: patterns here use ASCII `(?-u:\b)`.
        self.dfa
            .try_which_overlapping_matches(&mut cache, &Input::new(haystack), &mut matched)
            .expect("a multi-pattern search without Unicode word boundaries never fails");
        Matched(matched)
    }

    /// How many times a fresh cache is cleared while searching `haystack` (0 when its states fit).
    #[cfg(test)]
    pub fn cache_clears(&self, haystack: &str) -> usize {
        let mut cache = self.dfa.create_cache();
        let mut matched = PatternSet::new(self.dfa.pattern_len());
        self.dfa.try_which_overlapping_matches(&mut cache, &Input::new(haystack), &mut matched).expect("search");
        cache.clear_count()
    }
}

/// About `bytes` of mixed text (the benchmark drafts and clinical notes, repeated) for tests of large pastes.
#[cfg(test)]
pub(crate) fn mixed_text(bytes: usize) -> String {
    let notes = include_str!("../bench/data/notes.txt");
    let drafts = include_str!("../bench/data/drafts.jsonl");
    let pieces: Vec<String> = drafts
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .chain(notes.split("\n\n").map(str::to_string))
        .collect();
    let mut out = String::new();
    for piece in pieces.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(piece);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_which_patterns_match_anywhere() {
        let set = MultiPattern::new(&[r"(?-u:\b)cat(?-u:\b)", r"[0-9]{3}", r"(?-u:\b)dog(?-u:\b)"]).unwrap();
        let matched = set.matches("a cat and 1234");
        assert_eq!(matched.iter().collect::<Vec<_>>(), [0, 1]);
        assert!(matched.contains(1) && !matched.contains(2) && !matched.contains(9));
        // Overlapping matches of different patterns are all reported.
        let set = MultiPattern::new(&["not true", "simply not true"]).unwrap();
        assert_eq!(set.matches("that's simply not true").iter().count(), 2);
    }

    #[test]
    fn non_ascii_text_is_searched() {
        let set = MultiPattern::new(&[r"(?-u:\b)años(?-u:\b)", r"\w+ café"]).unwrap();
        assert_eq!(set.matches("tiene 91 años 😀, le café").iter().collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(MultiPattern::new(&["(unclosed"]).is_err());
    }
}
