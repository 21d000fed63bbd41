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

/// A compiled list: `[category]` headers, then one word per line, optionally `word => suggestion`.
pub(crate) struct WordList {
    entries: Vec<Entry>,
    /// Letters with repeats collapsed ("asshole" → "ashole") to the entries that collapse to them.
    by_skeleton: HashMap<String, Vec<usize>>,
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
        let mut category = "";
        let mut entries = Vec::new();
        let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                category = name;
                continue;
            }
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
    pub fn find(&self, lower: &str) -> Vec<WordHit> {
        let tokens = tokenize(lower);
        let mut hits = Vec::new();
        let mut i = 0;
        // Every token of a spaced run ends where the run does: found once per run, so a long run of single
        // letters ("a.a.a.a...") stays linear. Only runs up to MAX_SPACED_LETTERS are looked up.
        let mut run_end = 0;
        while i < tokens.len() {
            // Spaced-out letters: "f u c k".
            if run_end <= i {
                run_end = spaced_run_end(lower, &tokens, i);
            }
            if (3..=MAX_SPACED_LETTERS).contains(&(run_end - i)) {
                let letters: Vec<u8> = tokens[i..run_end].iter().flat_map(|t| t.letters.iter().copied()).collect();
                if let Some(entry) = self.lookup(&letters) {
                    hits.push(self.hit(entry, tokens[i].start, tokens[run_end - 1].end, true));
                    i = run_end;
                    continue;
                }
            }
            let token = &tokens[i];
            if let Some(entry) = self.lookup(&token.letters) {
                let disguised = token.letters != self.entries[entry].word.as_bytes() || token.symbols;
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
    fn lookup(&self, letters: &[u8]) -> Option<usize> {
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
        let typed = runs(letters);
        let candidates = self.by_skeleton.get(&skeleton(&typed))?;
        candidates.iter().copied().find(|&c| {
            let listed = &self.entries[c].runs;
            listed.len() == typed.len() && listed.iter().zip(&typed).all(|(l, t)| t.1 >= l.1)
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// A token of the draft with leetspeak read as letters.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    letters: Vec<u8>,
    /// True when leetspeak or symbols were read as letters.
    symbols: bool,
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'*')
}

fn tokenize(lower: &str) -> Vec<Token> {
    let bytes = lower.as_bytes();
    let mut tokens = Vec::new();
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
        let letters: Vec<u8> = slice.iter().map(|&b| read_leet(b)).collect();
        let symbols = slice.iter().any(|b| !b.is_ascii_lowercase());
        tokens.push(Token { start, end, letters, symbols });
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
    let mut out: Vec<(u8, usize)> = Vec::new();
    for &b in letters {
        match out.last_mut() {
            Some((last, count)) if *last == b => *count += 1,
            _ => out.push((b, 1)),
        }
    }
    out
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
