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

/// FNV-1a: the keys are a few ASCII letters, where SipHash's set-up dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type SkeletonMap = HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>;

/// A compiled list: `[category]` headers, then one word per line, optionally `word => suggestion`.
pub(crate) struct WordList {
    entries: Vec<Entry>,
    /// Letters with repeats collapsed ("asshole" → "ashole") to the entries that collapse to them.
    by_skeleton: SkeletonMap,
}

struct Entry {
    word: &'static str,
    runs: Vec<(u8, usize)>,
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
        let mut by_skeleton = SkeletonMap::default();
        for (category, line) in crate::lexicon::rows(data) {
            let (word, suggestion) = match line.split_once(" => ") {
                Some((w, s)) => (w.trim(), Some(s.trim())),
                None => (line, None),
            };
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "list word {word:?} must be lowercase a-z");
            let runs = runs(word.as_bytes());
            by_skeleton.entry(skeleton(&runs)).or_default().push(entries.len());
            entries.push(Entry { word, runs, category, suggestion });
        }
        WordList { entries, by_skeleton }
    }

    /// Every listed word in `lower` (the lowercased folded text), in order.
    #[cfg(test)]
    pub fn find(&self, lower: &str) -> Vec<WordHit> {
        self.find_tokens(lower, &Tokens::new(lower))
    }

    /// Every listed word in the draft, in order; the draft's tokens are cut once and shared by every list.
    pub fn find_in(&self, doc: &crate::doc::Document) -> Vec<WordHit> {
        self.find_tokens(doc.lower(), doc.word_tokens())
    }

    fn find_tokens(&self, lower: &str, tokens: &Tokens) -> Vec<WordHit> {
        let list = &tokens.list;
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        let mut i = 0;
        // Every token of a spaced run ends where the run does: found once per run, so a long run of single
        // letters ("a.a.a.a...") stays linear. Only runs up to MAX_SPACED_LETTERS are looked up.
        let mut run_end = 0;
        while i < list.len() {
            // Spaced-out letters: "f u c k".
            if run_end <= i {
                run_end = spaced_run_end(lower, list, i);
            }
            if (3..=MAX_SPACED_LETTERS).contains(&(run_end - i)) {
                scratch.letters.clear();
                for token in &list[i..run_end] {
                    scratch.letters.extend_from_slice(tokens.letters(token));
                }
                let letters = std::mem::take(&mut scratch.letters);
                let found = self.lookup(&letters, &mut scratch);
                scratch.letters = letters;
                if let Some(entry) = found {
                    hits.push(self.hit(entry, list[i].start, list[run_end - 1].end, true));
                    i = run_end;
                    continue;
                }
            }
            let token = &list[i];
            let letters = tokens.letters(token);
            if let Some(entry) = self.lookup(letters, &mut scratch) {
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

    /// The entry that `letters` (leetspeak already read, `*` for unknown letters) spells, if any.
    fn lookup(&self, letters: &[u8], scratch: &mut Scratch) -> Option<usize> {
        let known = letters.iter().filter(|&&b| b != b'*').count();
        if known == 0 {
            return None;
        }
        if known < letters.len() {
            // Wildcards: the first letter must be typed, and the token as long as the word.
            if letters[0] == b'*' {
                return None;
            }
            return self.entries.iter().position(|e| {
                e.word.len() == letters.len()
                    && e.word.bytes().zip(letters).all(|(w, &t)| t == b'*' || t == w)
                    && known * 2 >= e.word.len().min(4)
            });
        }
        runs_into(letters, &mut scratch.runs);
        scratch.skeleton.clear();
        scratch.skeleton.extend(scratch.runs.iter().map(|&(b, _)| b));
        // Token letters are ASCII (letters, digits, leetspeak read as letters).
        let skeleton = std::str::from_utf8(&scratch.skeleton).ok()?;
        let candidates = self.by_skeleton.get(skeleton)?;
        let typed = &scratch.runs;
        candidates.iter().copied().find(|&c| {
            let listed = &self.entries[c].runs;
            listed.len() == typed.len() && listed.iter().zip(typed).all(|(l, t)| t.1 >= l.1)
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Reusable buffers for [`WordList::lookup`], so matching allocates nothing per token.
#[derive(Default)]
struct Scratch {
    letters: Vec<u8>,
    runs: Vec<(u8, usize)>,
    skeleton: Vec<u8>,
}

/// The draft cut into tokens once (shared by every word list through the document).
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    list: Vec<Token>,
    /// The letters of every token, back to back (`Token::letters` indexes into it).
    letters: Vec<u8>,
}

/// A token of the draft with leetspeak read as letters.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    letters: std::ops::Range<usize>,
    /// True when leetspeak or symbols were read as letters.
    symbols: bool,
}

impl Tokens {
    /// Cuts `lower` (the lowercased folded text) into tokens.
    pub fn new(lower: &str) -> Tokens {
        tokenize(lower)
    }

    fn letters(&self, token: &Token) -> &[u8] {
        &self.letters[token.letters.clone()]
    }
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'*')
}

fn tokenize(lower: &str) -> Tokens {
    let bytes = lower.as_bytes();
    let mut tokens = Tokens::default();
    let mut i = 0;
    while i < bytes.len() {
        if !is_token_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        while i < bytes.len() && is_token_byte(bytes[i]) {
            i += 1;
        }
        let mut end = i;
        // A letter or digit glued to non-ASCII text (another script) is not an English word.
        let glued =
            |at: usize| bytes.get(at).is_some_and(|&b| b >= 0x80 && lower[at..].starts_with(char::is_alphabetic));
        if (start > 0
            && lower[..start].ends_with(char::is_alphabetic)
            && !lower[..start].ends_with(|c: char| c.is_ascii()))
            || glued(end)
        {
            continue;
        }
        // Trailing "!" is punctuation ("damn!!"); "*emphasis*" is markdown; "@name" is a handle.
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
        let slice = &bytes[start..end];
        if !slice.iter().any(u8::is_ascii_alphabetic) && slice.len() > 1 {
            continue; // plain numbers and symbol runs
        }
        let from = tokens.letters.len();
        tokens.letters.extend(slice.iter().map(|&b| read_leet(b)));
        let symbols = slice.iter().any(|b| !b.is_ascii_lowercase());
        tokens.list.push(Token { start, end, letters: from..tokens.letters.len(), symbols });
    }
    tokens
}

fn read_leet(b: u8) -> u8 {
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
    while end < tokens.len() && tokens[end].letters.len() == 1 {
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

fn runs(letters: &[u8]) -> Vec<(u8, usize)> {
    let mut out = Vec::new();
    runs_into(letters, &mut out);
    out
}

/// Letters with their repeat counts ("fuuck" → f1 u2 c1 k1), into `out`.
fn runs_into(letters: &[u8], out: &mut Vec<(u8, usize)>) {
    out.clear();
    for &b in letters {
        match out.last_mut() {
            Some((last, count)) if *last == b => *count += 1,
            _ => out.push((b, 1)),
        }
    }
}

fn skeleton(runs: &[(u8, usize)]) -> String {
    runs.iter().map(|&(b, _)| b as char).collect()
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
    fn skips_handles_markdown_and_numbers() {
        let list = WordList::parse(LIST);
        assert!(words(&list, "@hell 5000 **bold** 2024").is_empty());
        assert_eq!(words(&list, "*hell*"), vec![("hell".into(), "hell")]);
        assert_eq!(list.len(), 7);
    }
}
