//! Word lists matched through disguises, without the Scunthorpe problem.
//!
//! The draft is cut into tokens: runs of ASCII letters, digits and the symbols people use for letters
//! (`@ $ ! *`). A token matches a listed word only as a whole token, so "Scunthorpe", "assistant",
//! "cocktail" and "Cockburn" never match. Inside a token, leetspeak is read as letters (0→o 1→i 3→e 4→a
//! 5→s 7→t @→a $→s !→i), each `*` stands for one letter ("f*ck", "a**hole"), and a letter typed more
//! times than the word has it still matches ("fuuuuck", "shiiit"), while fewer does not ("as" is not
//! "ass"). Three or more single letters separated by one space, dot or dash ("f u c k", "s.h.i.t") are
//! read as one token. Offsets always cover the typed characters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are short (a few ASCII letters, a pair of offsets), where SipHash's set-up dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            hash = fnv_step(hash, b);
        }
        self.0 = hash;
    }
}

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
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

/// The bit of [`WordList::hash_bits`] for a skeleton hash: its top 12 bits, 0..4096.
fn hash_bit(skeleton_hash: u64) -> u16 {
    (skeleton_hash >> 52) as u16
}

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
            let runs = word.as_bytes().chunk_by(|a, b| a == b);
            let skeleton = runs.clone().map(|run| run[0]).collect();
            let repeats = runs.map(<[u8]>::len).collect();
            by_skeleton.entry(skeleton_hash(word.as_bytes())).or_default().push(entries.len());
            entries.push(Entry { word, skeleton, repeats, category, suggestion });
        }
        let mut hash_bits = [0; HASH_BIT_WORDS];
        for hash in by_skeleton.keys() {
            let bit = hash_bit(*hash);
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
        let list = &tokens.list;
        // The letters of a spaced run, read as one word (the only letters gathered here).
        let mut spaced = Vec::new();
        let mut hits = Vec::new();
        let mut i = 0;
        // Every token of a spaced run ends where the run does: found once per run, so a long run of single
        // letters ("a.a.a.a...") stays linear. Only runs up to MAX_SPACED_LETTERS are looked up.
        let mut run_end = 0;
        while i < list.len() {
            // Most tokens are words of no list, and one bit says so.
            let quick = tokens.quick[i];
            if quick != Tokens::LOOK_UP && !self.has_bit(quick) {
                i += 1;
                continue;
            }
            // Spaced-out letters: "f u c k".
            if run_end <= i {
                run_end = spaced_run_end(lower, list, i);
            }
            if (3..=MAX_SPACED_LETTERS).contains(&(run_end - i)) {
                spaced.clear();
                for token in &list[i..run_end] {
                    spaced.extend_from_slice(tokens.letters(lower, token));
                }
                if let Some(entry) = self.lookup(&spaced, count_wildcards(&spaced), skeleton_hash(&spaced)) {
                    hits.push(self.hit(entry, list[i].start, list[run_end - 1].end, true));
                    i = run_end;
                    continue;
                }
            }
            let token = &list[i];
            let letters = tokens.letters(lower, token);
            if let Some(entry) = self.lookup(letters, token.wildcards, token.skeleton_hash) {
                let disguised = letters != self.entries[entry].word.as_bytes() || token.symbols;
                hits.push(self.hit(entry, token.start, token.end, disguised));
            }
            i += 1;
        }
        hits
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

/// The FNV-1a hash of the skeleton of `letters` (repeats collapsed: "fuuck" hashes as "fuck"), without
/// building the skeleton.
fn skeleton_hash(letters: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut previous = None;
    for &letter in letters {
        if previous != Some(letter) {
            hash = fnv_step(hash, letter);
            previous = Some(letter);
        }
    }
    hash
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

/// The draft cut into tokens once (shared by every word list through the document).
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    list: Vec<Token>,
    /// The letters of every token with a symbol or leetspeak in it, back to back (`Token::letters_from`
    /// indexes into it). The many tokens typed in plain lowercase letters are their own letters.
    letters: Vec<u8>,
    /// For each token, the [`hash_bit`] of its skeleton hash when the bit alone can rule the token out of a
    /// list, or [`Tokens::LOOK_UP`]: a single letter may start a spaced-out word, and `*` may stand for any
    /// letter. Apart from the tokens, so that each list's pass over the many words in no list reads two bytes
    /// a word.
    quick: Vec<u16>,
}

/// A token of the draft with leetspeak read as letters.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// With `symbols`, where its letters start in [`Tokens::letters`]: one letter for each typed byte,
    /// `end - start` in all.
    letters_from: usize,
    /// Computed once here rather than by each list: the [`skeleton_hash`] of the letters...
    skeleton_hash: u64,
    /// ... and how many of them are `*`.
    wildcards: usize,
    /// True when leetspeak or symbols were read as letters.
    symbols: bool,
}

impl Tokens {
    /// A token each list looks up in full ([`Tokens::quick`]); no [`hash_bit`] is this large.
    const LOOK_UP: u16 = u16::MAX;

    /// Cuts `lower` (the lowercased folded text) into tokens.
    pub fn new(lower: &str) -> Tokens {
        tokenize(lower)
    }

    /// The letters of `token`, a token of `lower`.
    fn letters<'t>(&'t self, lower: &'t str, token: &Token) -> &'t [u8] {
        if token.symbols {
            &self.letters[token.letters_from..token.letters_from + (token.end - token.start)]
        } else {
            &lower.as_bytes()[token.start..token.end]
        }
    }

    /// Adds the token `typed` (at `start..end` of the text; token bytes only) with what `summary` says of it.
    fn push(&mut self, start: usize, end: usize, typed: &[u8], summary: &TokenSummary) {
        let letters_from = self.letters.len();
        if summary.symbols {
            self.letters.extend(typed.iter().map(|&b| TOKEN_LETTERS[usize::from(b)]));
        }
        let TokenSummary { skeleton_hash, wildcards, symbols, .. } = *summary;
        let quick = if wildcards > 0 || typed.len() == 1 { Tokens::LOOK_UP } else { hash_bit(skeleton_hash) };
        self.quick.push(quick);
        self.list.push(Token { start, end, letters_from, skeleton_hash, wildcards, symbols });
    }
}

/// What every list would otherwise work out per token, gathered as the token is read, byte by byte: its
/// letters' skeleton hash (as [`skeleton_hash`] computes it), how many are `*`, and whether any symbol or
/// digit was read as a letter.
#[derive(Clone, Copy)]
struct TokenSummary {
    skeleton_hash: u64,
    /// The last letter added, or 0 before the first (no byte reads as 0 in a token).
    previous: u8,
    wildcards: usize,
    symbols: bool,
}

impl TokenSummary {
    const EMPTY: TokenSummary = TokenSummary { skeleton_hash: FNV_OFFSET, previous: 0, wildcards: 0, symbols: false };

    fn of(typed: &[u8]) -> TokenSummary {
        let mut summary = TokenSummary::EMPTY;
        for &b in typed {
            summary.add(b, TOKEN_LETTERS[usize::from(b)]);
        }
        summary
    }

    /// Adds the typed byte `b`, read as `letter`.
    #[inline(always)]
    fn add(&mut self, b: u8, letter: u8) {
        if self.previous != letter {
            self.skeleton_hash = fnv_step(self.skeleton_hash, letter);
            self.previous = letter;
        }
        self.wildcards += usize::from(letter == b'*');
        self.symbols |= !b.is_ascii_lowercase();
    }
}

const fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'*')
}

/// What each byte reads as in a token ([`read_leet`]), or 0 for a byte that is no part of one: a table,
/// because cutting tokens looks up every byte of the draft.
const TOKEN_LETTERS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        if is_token_byte(b as u8) {
            table[b] = read_leet(b as u8);
        }
        b += 1;
    }
    table
};

fn tokenize(lower: &str) -> Tokens {
    let bytes = lower.as_bytes();
    // About one token in six bytes of prose: room enough that the list seldom grows.
    let capacity = lower.len() / 6 + 1;
    let mut tokens =
        Tokens { list: Vec::with_capacity(capacity), letters: Vec::new(), quick: Vec::with_capacity(capacity) };
    let mut i = 0;
    while i < bytes.len() {
        if TOKEN_LETTERS[usize::from(bytes[i])] == 0 {
            i += 1;
            continue;
        }
        let run_start = i;
        // Read as the run is cut, so most tokens are read once; a run trimmed below is read again.
        let mut summary = TokenSummary::EMPTY;
        while let Some(&b) = bytes.get(i) {
            let letter = TOKEN_LETTERS[usize::from(b)];
            if letter == 0 {
                break;
            }
            summary.add(b, letter);
            i += 1;
        }
        let (mut start, mut end) = (run_start, i);
        // A letter or digit glued to non-ASCII text (another script) is not an English word. Only a byte
        // past ASCII can end or start such a letter, so most tokens decode no character here.
        let glued_before = start > 0 && bytes[start - 1] >= 0x80 && lower[..start].ends_with(char::is_alphabetic);
        let glued_after = bytes.get(end).is_some_and(|&b| b >= 0x80 && lower[end..].starts_with(char::is_alphabetic));
        if glued_before || glued_after {
            continue;
        }
        // Trailing "!" is punctuation ("damn!!"); "*emphasis*" is markdown; "@name" is a handle. A run of plain
        // lowercase letters has none of these.
        if summary.symbols {
            while end > start && bytes[end - 1] == b'!' {
                end -= 1;
            }
            while start < end && bytes[start] == b'!' {
                start += 1;
            }
            if start < end && bytes[start] == b'*' {
                while start < end && bytes[start] == b'*' {
                    start += 1;
                }
                while end > start && bytes[end - 1] == b'*' {
                    end -= 1;
                }
            }
            if start >= end || bytes[start] == b'@' {
                continue;
            }
        }
        let slice = &bytes[start..end];
        if (start, end) != (run_start, i) {
            summary = TokenSummary::of(slice);
        }
        // Plain lowercase letters need no look at their bytes.
        if summary.symbols && slice.len() > 1 && !slice.iter().any(u8::is_ascii_alphabetic) {
            continue; // plain numbers and symbol runs
        }
        tokens.push(start, end, slice, &summary);
    }
    tokens
}

const fn read_leet(b: u8) -> u8 {
    match b {
        b'0' => b'o',
        b'1' | b'!' => b'i',
        b'3' => b'e',
        b'4' | b'@' => b'a',
        b'5' | b'$' => b's',
        b'7' => b't',
        other => other,
    }
}

/// Longest spaced-out word looked up ("f u u u c k" counts six letters): longer runs are not words, and
/// looking each of their suffixes up would take time quadratic in the run.
const MAX_SPACED_LETTERS: usize = 40;

/// The end (exclusive token index) of a run of single-letter tokens joined by one space, dot or dash.
fn spaced_run_end(lower: &str, tokens: &[Token], from: usize) -> usize {
    let bytes = lower.as_bytes();
    let mut end = from;
    while end < tokens.len() && tokens[end].end - tokens[end].start == 1 {
        if end > from {
            let gap = &bytes[tokens[end - 1].end..tokens[end].start];
            if !(gap.len() == 1 && matches!(gap[0], b' ' | b'.' | b'-' | b'_')) {
                break;
            }
        }
        end += 1;
    }
    end
}

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
    fn hashes_stretched_letters_like_the_word() {
        assert_eq!(skeleton_hash(b"fuuuuck"), skeleton_hash(b"fuck"));
        assert_eq!(skeleton_hash(b"asshole"), skeleton_hash(b"ashole"));
        assert_ne!(skeleton_hash(b"fuck"), skeleton_hash(b"fuk"));
        assert_ne!(skeleton_hash(b"as"), skeleton_hash(b"a"));
    }

    #[test]
    fn tokens_carry_the_hash_and_wildcards_of_their_letters() {
        let lower = "fuuuck f**k a$$hole sh!t b1tch *hell* scunthorpe x !!sh1t!! 4ss";
        let tokens = Tokens::new(lower);
        assert_eq!(tokens.list.len(), 10);
        for token in &tokens.list {
            let letters = tokens.letters(lower, token);
            assert_eq!(token.skeleton_hash, skeleton_hash(letters), "{letters:?}");
            assert_eq!(token.wildcards, count_wildcards(letters), "{letters:?}");
            assert_eq!(letters.len(), token.end - token.start);
        }
        let letters: Vec<&[u8]> = tokens.list.iter().map(|t| tokens.letters(lower, t)).collect();
        assert_eq!(letters[2], b"asshole");
        assert_eq!(letters[5], b"hell", "trimmed of its markdown");
        assert_eq!((letters[8], letters[9]), (&b"shit"[..], &b"ass"[..]), "trimmed of its \"!\"s, then leetspeak");
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
