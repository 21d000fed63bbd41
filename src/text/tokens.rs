//! The draft cut into tokens for the word lists ([`super::words`]): runs of ASCII letters, digits and the
//! symbols people use for letters (`@ $ ! *`), with leetspeak read as letters (0→o 1→i 3→e 4→a 5→s 7→t @→a
//! $→s !→i), and runs of single letters one space, dot, dash or underscore apart ("f u c k"). Cut once per
//! draft and shared by every list; each token carries the bit of its letters' hash that most lists rule it
//! out by.

use std::hash::Hasher;

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

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

pub(super) fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// The bit of [`WordList::hash_bits`] for a skeleton hash: its top 12 bits, 0..4096.
pub(super) fn hash_bit(skeleton_hash: u64) -> u16 {
    (skeleton_hash >> 52) as u16
}

/// The FNV-1a hash of the skeleton of `letters` (repeats collapsed: "fuuck" hashes as "fuck"), without
/// building the skeleton.
pub(super) fn skeleton_hash(letters: &[u8]) -> u64 {
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

/// The draft cut into tokens once (shared by every word list through the document): runs of token bytes, and
/// runs of single letters one space, dot, dash or underscore apart ("f u c k"), each kept as one entry. An entry
/// is 8 bytes, whatever it holds: a long paste of spaced-out letters costs a few entries, not one per letter.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    /// Where each entry starts in the text.
    pub(super) starts: Vec<u32>,
    /// Its length in bytes, or `u16::MAX` for a longer token, whose length is in `long`.
    pub(super) lens: Vec<u16>,
    /// For each entry, the [`hash_bit`] of its skeleton hash when the bit alone can rule the token out of a
    /// list, [`Tokens::LOOK_UP`] for a token with a `*` (which may stand for any letter), or
    /// [`Tokens::SPACED`] for a run of single letters; with [`Tokens::JOINS_NEXT`] added to a hash bit when the
    /// next token may continue the word. Apart from the rest, so that each list's pass over the
    /// many words in no list reads two bytes a word.
    pub(super) quick: Vec<u16>,
    /// `(entry, length)` of the tokens longer than `u16::MAX - 1` bytes.
    pub(super) long: Vec<(u32, u32)>,
}

impl Tokens {
    /// A token each list looks up in full ([`Tokens::quick`]); no [`hash_bit`] is this large.
    pub(super) const LOOK_UP: u16 = u16::MAX;
    /// A run of single letters.
    pub(super) const SPACED: u16 = u16::MAX - 1;
    /// Added to a [`hash_bit`] (which is under 4,096): the token and the next are one dot, dash or underscore
    /// apart, and may be one word split in two ("fu.cking").
    pub(super) const JOINS_NEXT: u16 = 1 << 12;
    /// The longest run of single letters kept as one entry, in bytes: a longer run is cut into entries of this
    /// size, far beyond the longest run looked up as a word.
    const MAX_SPACED_RUN: usize = 4_001;

    /// Cuts `lower` (the lowercased folded text) into tokens.
    pub fn new(lower: &str) -> Tokens {
        tokenize(lower)
    }

    /// The byte range of entry `e`.
    pub(super) fn span(&self, e: usize) -> (usize, usize) {
        let start = self.starts[e] as usize;
        let len = match self.lens[e] {
            u16::MAX => self.long.binary_search_by_key(&(e as u32), |&(entry, _)| entry).map_or(0, |i| self.long[i].1),
            len => u32::from(len),
        };
        (start, start + len as usize)
    }

    /// Adds the token `typed` (at `start..start + typed.len()` of the text, after the byte `before`) with what
    /// `summary` says of it.
    fn push(&mut self, start: usize, typed: &[u8], summary: &TokenSummary, before: u8) {
        let extends_run = typed.len() == 1
            && self.quick.last() == Some(&Tokens::SPACED)
            && matches!(before, b' ' | b'.' | b'-' | b'_')
            && self.span(self.quick.len() - 1).1 + 1 == start;
        if !extends_run {
            self.drop_short_run();
        }
        if typed.len() == 1 {
            // A single letter joins the run of single letters just before it, one separator apart.
            let last = self.quick.len().wrapping_sub(1);
            if self.quick.last() == Some(&Tokens::SPACED) && matches!(before, b' ' | b'.' | b'-' | b'_') {
                let (run_start, run_end) = self.span(last);
                if run_end + 1 == start && run_end - run_start + 2 <= Tokens::MAX_SPACED_RUN {
                    self.lens[last] += 2;
                    return;
                }
            }
            self.push_entry(start, 1, Tokens::SPACED);
            return;
        }
        let quick = if summary.wildcards > 0 { Tokens::LOOK_UP } else { hash_bit(summary.skeleton_hash) };
        if let Some(last) = self.quick.len().checked_sub(1) {
            if self.quick[last] < Tokens::JOINS_NEXT
                && matches!(before, b'.' | b'-' | b'_')
                && self.span(last).1 + 1 == start
            {
                self.quick[last] |= Tokens::JOINS_NEXT;
            }
        }
        self.push_entry(start, typed.len(), quick);
    }

    /// Drops the last entry when it is a run of fewer than three single letters, which spells no listed word (a
    /// listed word has two letters or more, and spaced-out letters are read as a word from three on): a paste
    /// of lone letters ("a! a! a!", one a line) keeps no entry for them.
    fn drop_short_run(&mut self) {
        if self.quick.last() == Some(&Tokens::SPACED) && self.lens.last().is_some_and(|&len| len < 5) {
            self.starts.pop();
            self.lens.pop();
            self.quick.pop();
        }
    }

    fn push_entry(&mut self, start: usize, len: usize, quick: u16) {
        if len >= usize::from(u16::MAX) {
            self.long.push((self.starts.len() as u32, len as u32));
        }
        self.starts.push(start as u32);
        self.lens.push(u16::try_from(len).unwrap_or(u16::MAX));
        self.quick.push(quick);
    }
}

/// The letters `typed` reads as: itself, or with `symbols`, its leetspeak read into `buffer`.
pub(super) fn read_letters<'t>(typed: &'t [u8], symbols: bool, buffer: &'t mut Vec<u8>) -> &'t [u8] {
    if !symbols {
        return typed;
    }
    buffer.clear();
    buffer.extend(typed.iter().map(|&b| TOKEN_LETTERS[usize::from(b)]));
    buffer
}

/// What every list would otherwise work out per token, gathered as the token is read, byte by byte: its
/// letters' skeleton hash (as [`skeleton_hash`] computes it), how many are `*`, and whether any symbol or
/// digit was read as a letter.
#[derive(Clone, Copy)]
pub(super) struct TokenSummary {
    pub(super) skeleton_hash: u64,
    /// The last letter added, or 0 before the first (no byte reads as 0 in a token).
    pub(super) previous: u8,
    pub(super) wildcards: usize,
    pub(super) symbols: bool,
}

impl TokenSummary {
    const EMPTY: TokenSummary = TokenSummary { skeleton_hash: FNV_OFFSET, previous: 0, wildcards: 0, symbols: false };

    pub(super) fn of(typed: &[u8]) -> TokenSummary {
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
pub(super) const TOKEN_LETTERS: [u8; 256] = {
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
    // About one token in six bytes of prose: room enough that the lists seldom grow (memory not written to is
    // not taken from the system, so a paste with fewer tokens costs no more).
    let capacity = lower.len() / 6 + 1;
    let mut tokens = Tokens {
        starts: Vec::with_capacity(capacity),
        lens: Vec::with_capacity(capacity),
        quick: Vec::with_capacity(capacity),
        long: Vec::new(),
    };
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
        tokens.push(start, slice, &summary, if start > 0 { bytes[start - 1] } else { 0 });
    }
    tokens.drop_short_run();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `lower` as `(typed, letters)`, spaced runs as their typed bytes and `None`.
    fn cut(lower: &str) -> Vec<(String, Option<String>)> {
        let tokens = Tokens::new(lower);
        let mut buffer = Vec::new();
        (0..tokens.quick.len())
            .map(|e| {
                let (start, end) = tokens.span(e);
                let typed = &lower.as_bytes()[start..end];
                let letters = (tokens.quick[e] != Tokens::SPACED).then(|| {
                    let summary = TokenSummary::of(typed);
                    assert_eq!(tokens.quick[e] == Tokens::LOOK_UP, summary.wildcards > 0, "{typed:?}");
                    String::from_utf8(read_letters(typed, summary.symbols, &mut buffer).to_vec()).unwrap()
                });
                (String::from_utf8(typed.to_vec()).unwrap(), letters)
            })
            .collect()
    }

    #[test]
    fn tokens_read_leetspeak_and_trim_markdown_and_exclamation_marks() {
        let lower = "fuuuck f**k a$$hole sh!t b1tch *hell* scunthorpe x !!sh1t!! 4ss";
        let letters: Vec<Option<String>> = cut(lower).into_iter().map(|(_, letters)| letters).collect();
        let expected = ["fuuuck", "f**k", "asshole", "shit", "bitch", "hell", "scunthorpe"];
        for (i, word) in expected.iter().enumerate() {
            assert_eq!(letters[i].as_deref(), Some(*word));
        }
        // The single letter "x" spells no listed word and is not kept.
        assert_eq!((letters[7].as_deref(), letters[8].as_deref()), (Some("shit"), Some("ass")));
        assert_eq!(letters.len(), 9);
    }

    #[test]
    fn single_letters_one_separator_apart_are_one_entry() {
        let tokens = cut("a b c d.e-f_g h  i j!k l");
        let typed: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
        // Fewer than three single letters spell no listed word: they are not kept.
        assert_eq!(typed, ["a b c d.e-f_g h", "j!k"]);
        // A long run is cut into entries of a bounded size, each a whole number of letters.
        let long = "a ".repeat(10_000);
        let tokens = Tokens::new(&long);
        assert_eq!(tokens.quick.len(), 5);
        assert!((0..5).all(|e| tokens.span(e).0 % 2 == 0));
        assert_eq!(tokens.span(4).1, long.len() - 1);
    }

    #[test]
    fn keeps_tokens_longer_than_an_entry_length() {
        let text = format!("xy {} yz", "a".repeat(70_000));
        let tokens = Tokens::new(&text);
        assert_eq!((0..3).map(|e| tokens.span(e)).collect::<Vec<_>>(), [(0, 2), (3, 70_003), (70_004, 70_006)]);
    }

    #[test]
    fn hashes_stretched_letters_like_the_word() {
        assert_eq!(skeleton_hash(b"fuuuuck"), skeleton_hash(b"fuck"));
        assert_eq!(skeleton_hash(b"asshole"), skeleton_hash(b"ashole"));
        assert_ne!(skeleton_hash(b"fuck"), skeleton_hash(b"fuk"));
        assert_ne!(skeleton_hash(b"as"), skeleton_hash(b"a"));
    }
}
