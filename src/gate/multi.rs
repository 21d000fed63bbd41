//! Many patterns, one pass: which of them may match somewhere in a text.
//!
//! Rule families (the phrase tables, the privacy patterns) first ask which of their patterns occur in the
//! draft at all, and run only those patterns' own regexes for positions. `regex::RegexSet` answers that, but
//! builds a reverse NFA, a literal prefilter and fallback engines it never needs for the question; building
//! them was most of the first check's time. This is `regex-automata`'s lazy DFA straight from the forward
//! NFA: cheaper to build, the same single pass to search.
//!
//! The search runs in the ASCII-lowercased text, so that one pass serves the patterns written for it
//! ([`Case::Lower`]) and those written for the text as it is ([`Case::Sensitive`]): in the latter, every
//! capital is read as its lowercase letter. Such a pattern can match in the lowercased text where it does not
//! match the text (`Mr [A-Z]` on "mr smith"), never the other way round: the answer is every pattern that
//! matches, perhaps with a few more, and callers run the pattern's own regex on its own text.

use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{self, Hir, HirKind};

/// Memory for the lazy DFA's states, per set and per thread. Searching many patterns at once keeps many
/// of them in progress at each byte, so the states are many and large. When a search fills the cache, the
/// cache is cleared, and every re-check of the text (at each pause in typing) builds its states again: with
/// one set for the gate's privacy patterns and phrase rows together, 8 MB cleared on 40–200 KB of text unlike
/// any before (~1 s a 200 KB natively, every time). In the two sets the gate has now, 4 MB clears on 60 KB
/// of shuffled words and 8 MB holds 215 KB of drafts never seen before; this leaves room beyond that. The
/// memory is taken as states are built: drafts use a small part of it.
const CACHE_CAPACITY: usize = 16 << 20;

type CachePool = Pool<hybrid::dfa::Cache, Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync>>;

/// A set of patterns searched together (same syntax as `regex::Regex`).
pub(crate) struct MultiPattern {
    dfa: hybrid::dfa::DFA,
    caches: CachePool,
}

/// Which text a pattern is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// The text as it is.
    Sensitive,
    /// The ASCII-lowercased text (same offsets); the pattern is written in lowercase.
    Lower,
}

/// The patterns of a [`MultiPattern`] that may match a text: every one that matches, and perhaps a few
/// case-sensitive ones that do not.
pub(crate) struct Matched(PatternSet);

impl Matched {
    /// True when pattern `index` (its position in the list given to [`MultiPattern::new`]) may match.
    pub fn contains(&self, index: usize) -> bool {
        index < self.0.capacity() && self.0.contains(PatternID::new_unchecked(index))
    }

    /// How many patterns may match.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The indexes of the patterns that may match, in order.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|id| id.as_usize())
    }
}

impl MultiPattern {
    /// Compiles `patterns` into one automaton. Fails like `regex::Regex::new` on a bad pattern (the caller
    /// names it) or when the set is too large.
    pub fn new(patterns: &[(&str, Case)]) -> Result<MultiPattern, Box<dyn std::error::Error>> {
        let mut hirs = Vec::with_capacity(patterns.len());
        for &(source, case) in patterns {
            hirs.push(for_the_set(regex_automata::util::syntax::parse(source)?, case));
        }
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many_from_hir(&hirs)?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All).cache_capacity(CACHE_CAPACITY))
            .build_from_nfa(nfa)?;
        let for_caches = dfa.clone();
        let caches: CachePool = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(MultiPattern { dfa, caches })
    }

    /// The patterns that may match somewhere in a text, in one pass over `lower`, the text ASCII-lowercased.
    pub fn matches(&self, lower: &str) -> Matched {
        self.matches_and_ends(lower, &[], 0).0
    }

    /// As [`MultiPattern::matches`], and where in `lower` each tracked pattern (`tracked[i]` for pattern `i`)
    /// ends a match, in order: `ends[i]`, or `None` when pattern `i` is not tracked or ended more than `limit`
    /// matches. Every match of the pattern as written ends at one of these (its widened form matches wherever
    /// it does); some may be the widened form's alone.
    pub fn matches_and_ends(&self, lower: &str, tracked: &[bool], limit: usize) -> (Matched, Vec<Option<Vec<u32>>>) {
        let mut matched = PatternSet::new(self.dfa.pattern_len());
        let mut ends: Vec<Option<Vec<u32>>> = tracked.iter().map(|&t| t.then(Vec::new)).collect();
        let mut cache = self.caches.get();
        let mut found = |pattern: PatternID, end: usize| {
            matched.insert(pattern);
            if let Some(slot) = ends.get_mut(pattern.as_usize()) {
                // Past the limit the list would cost memory and save no time: the pattern's matches are dense.
                if slot.as_ref().is_some_and(|list| list.len() >= limit) {
                    *slot = None;
                }
                if let Some(list) = slot {
                    // Offsets of a draft (at most 4 GB) in 4 bytes: a long paste notes hundreds of thousands.
                    list.push(end as u32);
                }
            }
        };
        // The lazy DFA gives up only when configured to (`minimum_cache_clear_count`, unset), and quits only on
        // a Unicode word boundary in non-ASCII text: patterns here use ASCII `(?-u:\b)`.
        const NEVER_FAILS: &str = "a multi-pattern search without Unicode word boundaries never fails";
        let dfa = &self.dfa;
        let bytes = lower.as_bytes();
        let mut sid = dfa.start_state_forward(&mut cache, &Input::new(lower)).expect(NEVER_FAILS);
        let mut at = 0;
        while at < bytes.len() {
            // Most bytes lead from one plain, already built state to another: a table lookup each.
            if !sid.is_tagged() {
                for &byte in &bytes[at..] {
                    let next = dfa.next_state_untagged(&cache, sid, byte);
                    if next.is_tagged() {
                        break;
                    }
                    sid = next;
                    at += 1;
                }
                if at == bytes.len() {
                    break;
                }
            }
            // A state not built yet, or one where patterns match.
            sid = dfa.next_state(&mut cache, sid, bytes[at]).expect(NEVER_FAILS);
            if sid.is_match() {
                // A match state is entered one byte after the match ends.
                for i in 0..dfa.match_len(&cache, sid) {
                    found(dfa.match_pattern(&cache, sid, i), at);
                }
            } else if sid.is_dead() {
                break;
            }
            at += 1;
        }
        sid = dfa.next_eoi_state(&mut cache, sid).expect(NEVER_FAILS);
        if sid.is_match() {
            for i in 0..dfa.match_len(&cache, sid) {
                found(dfa.match_pattern(&cache, sid, i), lower.len());
            }
        }
        (Matched(matched), ends)
    }

    /// How many times a fresh cache is cleared while searching `lower` (0 when its states fit).
    #[cfg(test)]
    pub fn cache_clears(&self, lower: &str) -> usize {
        let mut cache = self.dfa.create_cache();
        let mut matched = PatternSet::new(self.dfa.pattern_len());
        self.dfa.try_which_overlapping_matches(&mut cache, &Input::new(lower), &mut matched).expect("search");
        cache.clear_count()
    }
}

/// `hir` as searched by the set: for the ASCII-lowercased text when `case` is [`Case::Sensitive`] (every
/// capital it matches is matched as its lowercase letter), and widened so that it compiles to a fraction of
/// the states: a class with non-ASCII characters matches every non-ASCII character, and a bounded
/// repetition with a long optional tail (`[^.]{0,60}`, `( \w+){0,3}`) any number of times beyond its minimum.
/// Both only add matches, and a Unicode class or a counted gap copied into the NFA state by state was most of
/// the set's build time and of the lazy DFA's states.
fn for_the_set(hir: Hir, case: Case) -> Hir {
    let lowercase_capitals = case == Case::Sensitive;
    if !lowercase_capitals && !widens(&hir) {
        return hir; // most phrase rows: rebuilding them would cost as much as compiling them
    }
    match hir.into_kind() {
        HirKind::Literal(hir::Literal(bytes)) if lowercase_capitals => Hir::literal(bytes.to_ascii_lowercase()),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(hir::Class::Unicode(class)) => {
            let mut ascii: Vec<hir::ClassUnicodeRange> = Vec::with_capacity(class.ranges().len() + 1);
            for range in class.ranges() {
                if range.start() <= '\x7f' {
                    ascii.push(hir::ClassUnicodeRange::new(range.start(), range.end().min('\x7f')));
                }
                let (start, end) = (range.start().max('A'), range.end().min('Z'));
                if lowercase_capitals && start <= end {
                    ascii.push(hir::ClassUnicodeRange::new(start.to_ascii_lowercase(), end.to_ascii_lowercase()));
                }
            }
            if class.ranges().last().is_some_and(|range| range.end() > '\x7f') {
                ascii.push(hir::ClassUnicodeRange::new('\u{80}', char::MAX));
            }
            Hir::class(hir::Class::Unicode(hir::ClassUnicode::new(ascii)))
        }
        HirKind::Class(hir::Class::Bytes(mut class)) => {
            if lowercase_capitals {
                let lowercase = class.ranges().iter().filter_map(|range| {
                    let (start, end) = (range.start().max(b'A'), range.end().min(b'Z'));
                    (start <= end)
                        .then(|| hir::ClassBytesRange::new(start.to_ascii_lowercase(), end.to_ascii_lowercase()))
                });
                class.union(&hir::ClassBytes::new(lowercase));
            }
            Hir::class(hir::Class::Bytes(class))
        }
        HirKind::Repetition(mut repetition) => {
            if has_long_tail(&repetition) {
                repetition.max = None;
            }
            repetition.sub = Box::new(for_the_set(*repetition.sub, case));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => {
            Hir::capture(hir::Capture { sub: Box::new(for_the_set(*capture.sub, case)), ..capture })
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(|sub| for_the_set(sub, case)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(|sub| for_the_set(sub, case)).collect()),
        HirKind::Empty => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
    }
}

/// True when [`for_the_set`] would widen something in `hir`.
fn widens(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(hir::Class::Unicode(class)) => class.ranges().iter().any(|range| {
            // Negated classes ("[^.]") already hold every non-ASCII character.
            range.end() > '\x7f' && !(range.start() <= '\u{80}' && range.end() == char::MAX)
        }),
        HirKind::Repetition(repetition) => has_long_tail(repetition) || widens(&repetition.sub),
        HirKind::Capture(capture) => widens(&capture.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(widens),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(hir::Class::Bytes(_)) | HirKind::Look(_) => false,
    }
}

/// True when a repetition may stop at two or more counts past its minimum (`{0,60}`, `{1,3}`): the set
/// reads it as unbounded.
fn has_long_tail(repetition: &hir::Repetition) -> bool {
    repetition.max.is_some_and(|max| max - repetition.min >= 2)
}

/// About `bytes` of mixed text (the benchmark drafts and clinical notes, repeated) for tests of large pastes.
#[cfg(test)]
pub(crate) fn mixed_text(bytes: usize) -> String {
    let notes = include_str!("../../bench/data/notes.txt");
    let drafts = include_str!("../../bench/data/drafts.jsonl");
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
    use regex_automata::hybrid::dfa::OverlappingState;

    fn sensitive<'p>(patterns: &[&'p str]) -> Vec<(&'p str, Case)> {
        patterns.iter().map(|&p| (p, Case::Sensitive)).collect()
    }

    #[test]
    fn tells_which_patterns_match_anywhere() {
        let set =
            MultiPattern::new(&sensitive(&[r"(?-u:\b)cat(?-u:\b)", r"[0-9]{3}", r"(?-u:\b)dog(?-u:\b)"])).unwrap();
        let matched = set.matches("a cat and 1234");
        assert_eq!(matched.iter().collect::<Vec<_>>(), [0, 1]);
        assert!(matched.contains(1) && !matched.contains(2) && !matched.contains(9));
        // Overlapping matches of different patterns are all reported.
        let set = MultiPattern::new(&sensitive(&["not true", "simply not true"])).unwrap();
        assert_eq!(set.matches("that's simply not true").iter().count(), 2);
    }

    #[test]
    fn non_ascii_text_is_searched() {
        let set = MultiPattern::new(&sensitive(&[r"(?-u:\b)años(?-u:\b)", r"\w+ café"])).unwrap();
        assert_eq!(set.matches("tiene 91 años 😀, le café").iter().collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn case_sensitive_patterns_are_read_in_the_lowercased_text() {
        let set = MultiPattern::new(&[
            ("mr [a-z]+", Case::Lower),
            ("Mr [A-Z][a-z]+", Case::Sensitive),
            ("NYC", Case::Sensitive),
            ("CAFÉ", Case::Sensitive),
        ])
        .unwrap();
        // "Mr Smith", "NYC", "CAFÉ" lowercased: every pattern that matches the text is found.
        assert_eq!(set.matches("mr smith in nyc café").iter().collect::<Vec<_>>(), [0, 1, 2]);
        // Only ASCII capitals are read as lowercase: "É" stays "É".
        assert_eq!(set.matches("cafÉ").iter().collect::<Vec<_>>(), [3]);
        assert_eq!(set.matches("mr 5").iter().count(), 0);
    }

    #[test]
    fn patterns_are_widened_never_narrowed() {
        let set =
            MultiPattern::new(&[("a [^.]{0,5} b", Case::Lower), (r"\w+ café", Case::Lower), ("x{2}", Case::Lower)])
                .unwrap();
        // The gap is longer than 5, "→" is no word character: the set may answer for patterns that do not match.
        assert_eq!(set.matches("a long way to b, → café").iter().collect::<Vec<_>>(), [0, 1]);
        // But what the pattern excludes in ASCII stays excluded, and short repetitions stay exact.
        assert_eq!(set.matches("a z. b, ! café, x").iter().count(), 0);
    }

    #[test]
    fn only_patterns_with_something_to_widen_are_rebuilt() {
        let parse = |p: &str| regex_automata::util::syntax::parse(p).unwrap();
        assert!(widens(&parse(r"\w+ café")) && widens(&parse("a [^.]{0,5} b")) && widens(&parse("(x( y){0,3})")));
        assert!(!widens(&parse(r"(?-u:\b)not (true|fair)")) && !widens(&parse("[^.]+ x{2,3}")));
    }

    #[test]
    fn tracked_patterns_tell_where_their_matches_end() {
        let set = MultiPattern::new(&sensitive(&["[0-9]{3}", "cat", "dog"])).unwrap();
        let (matched, ends) = set.matches_and_ends("1234 cat cat dog", &[true, true, false], 10);
        assert_eq!(matched.iter().collect::<Vec<_>>(), [0, 1, 2]);
        // Overlapping matches too: "123" and "234".
        assert_eq!(ends, [Some(vec![3, 4]), Some(vec![8, 12]), None]);
        let (_, ends) = set.matches_and_ends("1234 cat cat dog", &[true, true, false], 1);
        assert_eq!(ends, [None, None, None], "over the limit");
    }

    #[test]
    fn the_one_pass_finds_what_the_overlapping_search_finds() {
        // Matches at the first and last byte, back to back, overlapping, across non-ASCII text, and none.
        let set = MultiPattern::new(&[
            ("(?-u:\\b)[0-9]{3}", Case::Sensitive),
            ("cat|category", Case::Lower),
            ("(?-u:\\b)dog(?-u:\\b)", Case::Lower),
            ("[^.\\n]{0,40} end(?-u:\\b)", Case::Lower),
            ("z", Case::Lower),
        ])
        .unwrap();
        let texts = [
            "",
            "123",
            "category 1234 dog. the end",
            "dogs catcat 😀 dog",
            "x end",
            &super::mixed_text(20 << 10).to_ascii_lowercase(),
        ];
        for text in texts {
            let mut expected: Vec<Vec<usize>> = vec![Vec::new(); 5];
            let mut cache = set.dfa.create_cache();
            let mut state = OverlappingState::start();
            loop {
                set.dfa.try_search_overlapping_fwd(&mut cache, &Input::new(text), &mut state).unwrap();
                let Some(found) = state.get_match() else { break };
                expected[found.pattern().as_usize()].push(found.offset());
            }
            let (matched, ends) = set.matches_and_ends(text, &[true; 5], usize::MAX);
            let ends: Vec<Vec<usize>> =
                ends.into_iter().map(|list| list.unwrap().into_iter().map(|end| end as usize).collect()).collect();
            assert_eq!(ends, expected, "{:?}", &text[..text.len().min(40)]);
            let which: Vec<usize> = (0..5).filter(|&i| !expected[i].is_empty()).collect();
            assert_eq!(matched.iter().collect::<Vec<_>>(), which);
        }
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(MultiPattern::new(&sensitive(&["(unclosed"])).is_err());
        assert!(MultiPattern::new(&[("(unclosed", Case::Lower)]).is_err());
    }
}
