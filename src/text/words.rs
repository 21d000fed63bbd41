//! Word lists matched through disguises, without the Scunthorpe problem.
//!
//! The draft is cut into tokens: runs of ASCII letters, digits and the symbols people use for letters
//! (`@ $ ! *`). A token matches a listed word only as a whole token, so "Scunthorpe", "assistant",
//! "cocktail" and "Cockburn" never match. Inside a token, leetspeak is read as letters (0→o 1→i 3→e 4→a
//! 5→s 7→t @→a $→s !→i), each `*` stands for one letter ("f*ck", "a**hole"), and a letter typed more
//! times than the word has it still matches ("fuuuuck", "shiiit"), while fewer does not ("as" is not
//! "ass"). Three or more single letters separated by one space, dot or dash ("f u c k", "s.h.i.t") are
//! read as one token. Offsets always cover the typed characters.

use super::tokens::{fnv_step, hash_bit, read_letters, skeleton_hash, TokenSummary, Tokens, TOKEN_LETTERS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// For keys that are hashes already ([`skeleton_hash`]): hashing them again would cost every token's lookup.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        // Spread the bits: the map picks buckets by the low bits, which FNV mixes least.
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |hash, &b| fnv_step(hash, b));
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// A compiled list: `[category]` headers, then one word per line, optionally `word => suggestion`.
pub(crate) struct WordList {
    entries: Vec<Entry>,
    /// The [`skeleton_hash`] of each entry's word (letters with repeats collapsed, "asshole" → "ashole") to
    /// the entries with that hash, in list order. Tokens carry the same hash, so a lookup hashes nothing.
    by_skeleton: HashMap<u64, Vec<usize>, BuildHasherDefault<PreHashed>>,
    /// One bit per skeleton hash's top bits: a clear bit says no entry has the hash, which answers most
    /// tokens (words that are in no list) without a map lookup.
    hash_bits: [u64; HASH_BIT_WORDS],
}

/// 4,096 bits per list: a few percent of unlisted words share a bit with a listed one.
const HASH_BIT_WORDS: usize = 64;

struct Entry {
    word: &'static str,
    skeleton: Vec<u8>,
    /// How many times each letter of the skeleton is typed in the word ("asshole": 1 2 1 1 1 1).
    repeats: Vec<usize>,
    category: &'static str,
    suggestion: Option<&'static str>,
}

/// One listed word found in the draft (byte offsets into the folded text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordHit {
    pub start: usize,
    pub end: usize,
    pub word: &'static str,
    pub category: &'static str,
    pub suggestion: Option<&'static str>,
    /// True when the typed form differs from the listed word (leetspeak, wildcards, spacing, stretching).
    pub disguised: bool,
}

impl WordList {
    /// Parses a built-in list. Panics on a malformed row (tests cover every list).
    pub fn parse(data: &'static str) -> WordList {
        let mut entries = Vec::new();
        let mut by_skeleton: HashMap<u64, Vec<usize>, BuildHasherDefault<PreHashed>> = HashMap::default();
        for (category, line) in super::lexicon::rows(data) {
            let (word, suggestion) = match line.split_once(" => ") {
                Some((w, s)) => (w.trim(), Some(s.trim())),
                None => (line, None),
            };
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "list word {word:?} must be lowercase a-z");
            // The tokens keep no single letter apart from runs of three (`Tokens`): a listed word has two or more.
            assert!(word.len() >= 2, "list word {word:?} must have two letters or more");
            let runs = word.as_bytes().chunk_by(|a, b| a == b);
            let skeleton = runs.clone().map(|run| run[0]).collect();
            let repeats = runs.map(<[u8]>::len).collect();
            by_skeleton.entry(skeleton_hash(word.as_bytes())).or_default().push(entries.len());
            entries.push(Entry { word, skeleton, repeats, category, suggestion });
        }
        let mut hash_bits = [0; HASH_BIT_WORDS];
        // A word with an "f" may be spelled with "ph" ("phuck"): that spelling's bit is set too, so that the token
        // is looked up, and read by sound (`lookup_sounding`).
        let sounded = entries
            .iter()
            .filter(|e| e.word.contains('f'))
            .map(|e| skeleton_hash(e.word.replace('f', "ph").as_bytes()));
        for hash in by_skeleton.keys().copied().chain(sounded) {
            let bit = hash_bit(hash);
            hash_bits[usize::from(bit / 64)] |= 1 << (bit % 64);
        }
        WordList { entries, by_skeleton, hash_bits }
    }

    /// Every listed word in `lower` (the lowercased folded text), in order.
    #[cfg(test)]
    pub fn find(&self, lower: &str) -> Vec<WordHit> {
        self.find_in(lower, &Tokens::new(lower))
    }

    /// Every listed word in `lower` (the lowercased folded text), in order, given its `tokens`: a draft's
    /// tokens are cut once and shared by every list.
    pub fn find_in(&self, lower: &str, tokens: &Tokens) -> Vec<WordHit> {
        let bytes = lower.as_bytes();
        // Letters read off a token with symbols or leetspeak in it, or gathered from spaced-out letters.
        let mut letters = Vec::new();
        let mut hits = Vec::new();
        let mut e = 0;
        while e < tokens.quick.len() {
            // Most tokens are words of no list, and one bit says so.
            let quick = tokens.quick[e];
            if quick == Tokens::SPACED {
                let (start, end) = tokens.span(e);
                self.find_in_spaced(&bytes[start..end], start, &mut letters, &mut hits);
                e += 1;
                continue;
            }
            if quick != Tokens::LOOK_UP && !self.has_bit(quick & !Tokens::JOINS_NEXT) {
                // A piece of a word split by a dot or dash may still be one ("fu.cking"): its next piece is tried.
                let joins = quick & Tokens::JOINS_NEXT != 0;
                e += 1;
                if joins && self.find_joined(bytes, tokens, e - 1, &mut letters, &mut hits) {
                    e += 1;
                }
                continue;
            }
            let (start, end) = tokens.span(e);
            let typed = &bytes[start..end];
            let summary = TokenSummary::of(typed);
            let letters_of = read_letters(typed, summary.symbols, &mut letters);
            match self.lookup_sounding(letters_of, summary.wildcards, summary.skeleton_hash) {
                Some(entry) => {
                    let disguised = letters_of != self.entries[entry].word.as_bytes() || summary.symbols;
                    hits.push(self.hit(entry, start, end, disguised));
                    e += 1;
                }
                None => {
                    e += 1;
                    let joins = quick & Tokens::JOINS_NEXT != 0
                        || (quick == Tokens::LOOK_UP && matches!(bytes.get(end), Some(b'.' | b'-' | b'_')));
                    if joins && self.find_joined(bytes, tokens, e - 1, &mut letters, &mut hits) {
                        e += 1;
                    }
                }
            }
        }
        hits
    }

    /// The spaced-out letters `run` (single letters one space, dot, dash or underscore apart, at `start` of the
    /// text): a listed word spelled by the run from some letter to its end ("what the f u c k"). Only runs of up
    /// to [`MAX_SPACED_LETTERS`] are looked up as words (and no listed word is a single letter).
    fn find_in_spaced(&self, run: &[u8], start: usize, letters: &mut Vec<u8>, hits: &mut Vec<WordHit>) {
        let count = run.len().div_ceil(2);
        for j in 0..count {
            if (3..=MAX_SPACED_LETTERS).contains(&(count - j)) {
                letters.clear();
                letters.extend(run[2 * j..].iter().step_by(2).map(|&b| TOKEN_LETTERS[usize::from(b)]));
                if let Some(entry) = self.lookup(letters, count_wildcards(letters), skeleton_hash(letters)) {
                    hits.push(self.hit(entry, start + 2 * j, start + run.len(), true));
                    return;
                }
            }
        }
    }

    /// Token `e` and the next, one dot, dash or underscore apart, read as one word ("fu.cking", "sh-it"), when
    /// neither is a listed word alone; pushes the hit and returns true when they spell one.
    fn find_joined(
        &self,
        bytes: &[u8],
        tokens: &Tokens,
        e: usize,
        letters: &mut Vec<u8>,
        hits: &mut Vec<WordHit>,
    ) -> bool {
        let Some(&next_quick) = tokens.quick.get(e + 1) else { return false };
        if next_quick == Tokens::SPACED || tokens.quick[e] == Tokens::SPACED {
            return false;
        }
        let ((start, end), (next_start, next_end)) = (tokens.span(e), tokens.span(e + 1));
        if next_start != end + 1 || !matches!(bytes[end], b'.' | b'-' | b'_') {
            return false;
        }
        // Listed words are short: longer pieces are not looked up (and need no buffer).
        let mut buffer = [0u8; 48];
        let joined_len = end - start + next_end - next_start;
        if joined_len > buffer.len() {
            return false;
        }
        buffer[..end - start].copy_from_slice(&bytes[start..end]);
        buffer[end - start..joined_len].copy_from_slice(&bytes[next_start..next_end]);
        let joined = &buffer[..joined_len];
        let summary = TokenSummary::of(joined);
        if summary.wildcards == 0 && !self.has_bit(hash_bit(summary.skeleton_hash)) {
            return false;
        }
        // The next piece alone is a listed word: it is found on its own.
        let next_typed = &bytes[next_start..next_end];
        let next_summary = TokenSummary::of(next_typed);
        if self
            .lookup(
                read_letters(next_typed, next_summary.symbols, letters),
                next_summary.wildcards,
                next_summary.skeleton_hash,
            )
            .is_some()
        {
            return false;
        }
        let letters_of = read_letters(joined, summary.symbols, letters);
        match self.lookup_sounding(letters_of, summary.wildcards, summary.skeleton_hash) {
            Some(entry) => {
                hits.push(self.hit(entry, start, next_end, true));
                true
            }
            None => false,
        }
    }

    /// [`WordList::lookup`], and when that finds nothing, the letters with "ph" read as "f" ("phucking").
    fn lookup_sounding(&self, letters: &[u8], wildcards: usize, skeleton_hash: u64) -> Option<usize> {
        self.lookup(letters, wildcards, skeleton_hash).or_else(|| {
            if !letters.windows(3).any(|w| w == b"phu") {
                return None;
            }
            let mut sounded = Vec::with_capacity(letters.len());
            let mut i = 0;
            while i < letters.len() {
                if letters[i..].starts_with(b"ph") {
                    sounded.push(b'f');
                    i += 2;
                } else {
                    sounded.push(letters[i]);
                    i += 1;
                }
            }
            self.lookup(&sounded, count_wildcards(&sounded), super::tokens::skeleton_hash(&sounded))
        })
    }

    fn hit(&self, entry: usize, start: usize, end: usize, disguised: bool) -> WordHit {
        let e = &self.entries[entry];
        WordHit { start, end, word: e.word, category: e.category, suggestion: e.suggestion, disguised }
    }

    /// The entry that `letters` (leetspeak already read, `*` for unknown letters) spells, if any, given
    /// how many of them are `*` and the [`skeleton_hash`] of the letters. Always inlined: every list calls it
    /// for every token, and most calls end at the bit test.
    #[inline(always)]
    fn lookup(&self, letters: &[u8], wildcards: usize, skeleton_hash: u64) -> Option<usize> {
        if wildcards > 0 {
            return self.lookup_wildcards(letters, wildcards);
        }
        if letters.is_empty() {
            return None;
        }
        if !self.has_bit(hash_bit(skeleton_hash)) {
            return None;
        }
        // Different skeletons may share a hash: `spells` checks the skeleton itself.
        let candidates = self.by_skeleton.get(&skeleton_hash)?;
        candidates.iter().copied().find(|&c| spells(letters, &self.entries[c].skeleton, &self.entries[c].repeats))
    }

    /// Whether some entry's skeleton hash has this [`hash_bit`].
    #[inline(always)]
    fn has_bit(&self, bit: u16) -> bool {
        self.hash_bits[usize::from(bit / 64)] & (1 << (bit % 64)) != 0
    }

    /// [`WordList::lookup`] of letters with `wildcards` (at least one) `*` among them.
    #[cold]
    fn lookup_wildcards(&self, letters: &[u8], wildcards: usize) -> Option<usize> {
        let known = letters.len() - wildcards;
        // The first letter must be typed, and the token as long as the word.
        if known == 0 || letters[0] == b'*' {
            return None;
        }
        self.entries.iter().position(|e| {
            e.word.len() == letters.len()
                && e.word.bytes().zip(letters).all(|(w, &t)| t == b'*' || t == w)
                && known * 2 >= e.word.len().min(4)
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Whether `letters` collapse to `skeleton` with each of its letters typed at least as many times as
/// `min_repeats` says ("fuuuck" spells f-u-c-k with 1 1 1 1; "as" does not spell a-s with 1 2).
fn spells(letters: &[u8], skeleton: &[u8], min_repeats: &[usize]) -> bool {
    let mut runs = letters.chunk_by(|a, b| a == b);
    skeleton
        .iter()
        .zip(min_repeats)
        .all(|(&letter, &min)| runs.next().is_some_and(|run| run[0] == letter && run.len() >= min))
        && runs.next().is_none()
}

fn count_wildcards(letters: &[u8]) -> usize {
    letters.iter().filter(|&&b| b == b'*').count()
}

/// Longest spaced-out word looked up ("f u u u c k" counts six letters): longer runs are not words, and
/// looking each of their suffixes up would take time quadratic in the run.
const MAX_SPACED_LETTERS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &WordList, text: &str) -> Vec<(String, &'static str)> {
        list.find(text).iter().map(|h| (text[h.start..h.end].to_string(), h.word)).collect()
    }

    static LIST: &str = "[strong]\nfuck\nfucking\nshit\nasshole\nass\nbitch\n[mild]\nhell\n";

    #[test]
    fn matches_whole_tokens_only() {
        let list = WordList::parse(LIST);
        assert!(words(&list, "scunthorpe assistant class shell hello cocktail as").is_empty());
        assert_eq!(words(&list, "oh hell, no"), vec![("hell".into(), "hell")]);
    }

    #[test]
    fn reads_leetspeak_symbols_and_wildcards() {
        let list = WordList::parse(LIST);
        assert_eq!(words(&list, "sh!t"), vec![("sh!t".into(), "shit")]);
        assert_eq!(words(&list, "a$$hole"), vec![("a$$hole".into(), "asshole")]);
        assert_eq!(words(&list, "f*ck this"), vec![("f*ck".into(), "fuck")]);
        assert_eq!(words(&list, "f**king pyxis"), vec![("f**king".into(), "fucking")]);
        assert_eq!(words(&list, "b1tch 5hit"), vec![("b1tch".into(), "bitch"), ("5hit".into(), "shit")]);
    }

    #[test]
    fn survives_long_runs_of_single_letters() {
        // Found measuring bounds: every letter of "a.a.a.…" re-scanned the rest of the run (quadratic).
        let list = WordList::parse("[x]\nfuck\n");
        let text = format!("{}f.u.c.k", "a.".repeat(20_000));
        assert_eq!(words(&list, &text), vec![("f.u.c.k".into(), "fuck")]);
    }

    #[test]
    fn reads_spaced_and_stretched_letters() {
        let list = WordList::parse(LIST);
        assert_eq!(words(&list, "what the f u c k"), vec![("f u c k".into(), "fuck")]);
        assert_eq!(words(&list, "s.h.i.t happens"), vec![("s.h.i.t".into(), "shit")]);
        assert_eq!(words(&list, "fuuuuuck"), vec![("fuuuuuck".into(), "fuck")]);
        assert_eq!(words(&list, "asssss"), vec![("asssss".into(), "ass")]);
    }

    #[test]
    fn reads_words_split_by_a_dot_or_dash_and_spelled_by_sound() {
        let list = WordList::parse(LIST);
        assert_eq!(
            words(&list, "fu.cking sh-it fu_ck"),
            vec![("fu.cking".into(), "fucking"), ("sh-it".into(), "shit"), ("fu_ck".into(), "fuck")]
        );
        assert_eq!(words(&list, "phuck phucking"), vec![("phuck".into(), "fuck"), ("phucking".into(), "fucking")]);
        assert!(words(&list, "self-care as.s as-sistant e.g. phone photo phase").is_empty());
        // The second piece is a word of its own: it is found alone.
        assert_eq!(words(&list, "oh-hell"), vec![("hell".into(), "hell")]);
    }

    #[test]
    fn spells_needs_the_same_skeleton_and_enough_repeats() {
        assert!(spells(b"fuuuck", b"fuck", &[1, 1, 1, 1]));
        assert!(spells(b"asssss", b"as", &[1, 2]));
        assert!(!spells(b"as", b"as", &[1, 2]), "fewer letters than the word");
        assert!(!spells(b"fuckk", b"fuc", &[1, 1, 1]), "a letter left over");
        assert!(!spells(b"fuc", b"fuck", &[1, 1, 1, 1]), "a letter missing");
        assert!(!spells(b"shit", b"shot", &[1, 1, 1, 1]));
    }

    #[test]
    fn finds_every_built_in_word_typed_and_stretched() {
        let lists = [
            include_str!("../data/tone/profanity.txt"),
            include_str!("../data/tone/slurs.txt"),
            include_str!("../data/tone/insult_words.txt"),
        ];
        for data in lists {
            let list = WordList::parse(data);
            for entry in &list.entries {
                let stretched: String = entry.word.chars().flat_map(|c| [c, c, c]).collect();
                for typed in [entry.word.to_string(), stretched] {
                    let spans: Vec<_> = list.find(&typed).iter().map(|h| (h.start, h.end)).collect();
                    assert_eq!(spans, vec![(0, typed.len())], "{typed:?}");
                }
            }
        }
    }

    #[test]
    fn skips_handles_markdown_and_numbers() {
        let list = WordList::parse(LIST);
        assert!(words(&list, "@hell 5000 **bold** 2024").is_empty());
        assert_eq!(words(&list, "*hell*"), vec![("hell".into(), "hell")]);
        assert_eq!(list.len(), 7);
    }
}
