//! Normalization for matching, with the map back to the original text.
//!
//! The rules never see the draft as typed: they see a folded copy in which other scripts' digits and "fancy
//! text" (fullwidth, mathematical, superscript, circled letters and digits) are ASCII, zero-width and bidi
//! control characters are gone, smart quotes and dashes are plain, look-alike Cyrillic and Greek letters are
//! Latin, accents are stripped and HTML character references (`&#50;`, `&#x32;`, `&amp;`, `&nbsp;`) are
//! decoded ([`chars`]). A line break inside a word ("Hen-\nderson"), a number ("372-48\n-1956") or after a
//! title ("Mrs.\nHenderson") is read as the typist meant it. Text inside a right-to-left override is read in
//! the order it is shown (reversed) and then as typed. Numbers spelled out or in leetspeak are read as
//! digits ([`numbers`]).
//!
//! Every folded byte knows the original byte it came from, so findings always point into the original text:
//! the map is kept as anchors where the folded and original texts stop running in step, a few per disguise
//! and none for plain text, so that it costs no memory per byte of a long paste.

mod chars;
mod numbers;
mod rewrite;

use chars::{decode_entity, fold_char, Folded};
use std::borrow::Cow;

/// A draft folded for matching, with a map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The draft itself when folding changed nothing (most plain text): a long paste is not held twice.
    text: Cow<'a, str>,
    /// The same again when it has no capital letter.
    lower: Cow<'a, str>,
    /// `(folded, original)` byte offsets, sorted by both: from each anchor to the next, folded byte
    /// `folded + k` comes from original byte `original + k`. The first is `(0, 0)`; the end of the folded text
    /// maps to the end of the original.
    anchors: Vec<(u32, u32)>,
    /// The reversed copies of right-to-left override runs ([`Normalized::new`]), as folded byte ranges...
    reversed_runs: Vec<(u32, u32)>,
    /// ... and each of their characters: `(folded start, original start, original end)`, sorted.
    reversed_chars: Vec<(u32, u32, u32)>,
    original_len: usize,
}

/// Most characters of right-to-left override runs given a reversed copy in one draft: enough for any
/// identifier or word hidden that way, and a bound on the copy's map (12 bytes a character).
const MAX_REVERSED_CHARS: usize = 4_096;

/// Titles that a line break may follow inside a name ("Mrs.\nHenderson").
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sr", "sra", "srta"];

impl<'a> Normalized<'a> {
    /// Folds `original`. Runs in one pass, linear in the input, then a pass for numbers.
    pub fn new(original: &'a str) -> Normalized<'a> {
        let bytes = original.as_bytes();
        let mut folder = Folder::new(original);
        let mut at = 0;
        while at < bytes.len() {
            // Most of a draft is ASCII that folds to itself: copy each such run whole, no per-character work.
            let plain = plain_ascii_len(&bytes[at..]);
            if plain > 0 {
                folder.sync(at);
                folder.text.push_str(&original[at..at + plain]);
                at += plain;
                continue;
            }
            let Some(ch) = original[at..].chars().next() else {
                break;
            };
            let (ch, len) = match ch {
                '&' => decode_entity(&original[at..]).unwrap_or((ch, 1)),
                _ => (ch, ch.len_utf8()),
            };
            match ch {
                '\n' => folder.line_break(at, len),
                '\u{202E}' => folder.reversed_copy(at),
                _ => folder.push(fold_char(ch), at, len),
            }
            at += len;
        }
        folder.sync(original.len());
        folder.finish()
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The folded text with ASCII letters lowercased; byte offsets equal those of [`Normalized::text`].
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Maps a folded byte range to the original byte range it covers (on character boundaries of the
    /// original).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        // Ranges of the rules are on character boundaries of the folded text; others are widened to them.
        let mut end = end.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let mut start = start.min(end);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        if start == end {
            // An empty range maps to where the character there starts.
            let Some(next) = self.text[start..].chars().next() else {
                return (self.original_len, self.original_len);
            };
            let (s, _) = self.original_range(start, start + next.len_utf8());
            return (s, s);
        }
        if self.reversed_runs.is_empty() {
            return self.in_step_range(start, end);
        }
        // Split at the reversed copies: each piece in step maps as usual, a reversed piece covers the original
        // characters it shows.
        let (mut low, mut high) = (usize::MAX, 0);
        let mut cover = |(s, e): (usize, usize)| {
            low = low.min(s);
            high = high.max(e);
        };
        let mut at = start;
        let first = self.reversed_runs.partition_point(|&(_, run_end)| run_end as usize <= start);
        for &(run_start, run_end) in &self.reversed_runs[first..] {
            let (run_start, run_end) = (run_start as usize, run_end as usize);
            if run_start >= end {
                break;
            }
            if at < run_start {
                cover(self.in_step_range(at, run_start));
                at = run_start;
            }
            let piece_end = end.min(run_end);
            let from = self.reversed_chars.partition_point(|&(f, _, _)| f as usize <= at).saturating_sub(1);
            for &(f, original_start, original_end) in &self.reversed_chars[from..] {
                if f as usize >= piece_end {
                    break;
                }
                if f as usize >= run_start {
                    cover((original_start as usize, original_end as usize));
                }
            }
            at = piece_end;
        }
        if at < end {
            cover(self.in_step_range(at, end));
        }
        if low == usize::MAX {
            return self.in_step_range(start, end);
        }
        (low, high.max(low))
    }

    /// The original byte that folded byte `at` comes from (`at` may be the folded text's length).
    fn origin(&self, at: usize) -> usize {
        let anchor = self.anchors.partition_point(|&(folded, _)| folded as usize <= at) - 1;
        let (folded, original) = self.anchors[anchor];
        original as usize + (at - folded as usize)
    }

    /// [`Normalized::original_range`] of a range outside the reversed copies, where the map only grows.
    fn in_step_range(&self, start: usize, end: usize) -> (usize, usize) {
        let original_start = self.origin(start);
        if end <= start {
            return (original_start, original_start);
        }
        // The end is where the original character behind the last folded byte ends: where the next folded byte
        // comes from, past the bytes that come from the same character ("⑩" folds to "10", both from "⑩";
        // invisible characters right after belong to the range too).
        let last = self.origin(end - 1);
        let mut next_byte = end;
        let mut next = self.origin(end);
        while next <= last && next_byte < self.text.len() {
            next_byte += 1;
            next = self.origin(next_byte);
        }
        let original_end = if next > last { next } else { self.original_len };
        (original_start, original_end.max(original_start))
    }
}

/// The folded text and its map as they are built.
struct Folder<'a> {
    original: &'a str,
    text: String,
    anchors: Vec<(u32, u32)>,
    reversed_runs: Vec<(u32, u32)>,
    reversed_chars: Vec<(u32, u32, u32)>,
}

impl<'a> Folder<'a> {
    fn new(original: &'a str) -> Folder<'a> {
        Folder {
            original,
            text: String::with_capacity(original.len()),
            anchors: vec![(0, 0)],
            reversed_runs: Vec::new(),
            reversed_chars: Vec::new(),
        }
    }

    /// The original byte the next folded byte comes from if the texts keep in step.
    fn in_step(&self) -> usize {
        let (folded, original) = self.anchors.last().copied().unwrap_or((0, 0));
        original as usize + (self.text.len() - folded as usize)
    }

    /// Notes that the next folded byte comes from original byte `at`.
    fn sync(&mut self, at: usize) {
        if self.in_step() != at {
            self.anchor(self.text.len(), at);
        }
    }

    /// Folded byte `folded` (the end of the text so far) comes from original byte `original`.
    fn anchor(&mut self, folded: usize, original: usize) {
        let (folded, original) = (folded as u32, original as u32);
        match self.anchors.last_mut() {
            Some(last) if last.0 == folded => last.1 = original,
            _ => self.anchors.push((folded, original)),
        }
    }

    /// Appends the folding of the original character at `at..at + len`.
    fn push(&mut self, folded: Folded, at: usize, len: usize) {
        self.sync(at);
        let start = self.text.len();
        match folded {
            Folded::Dropped => return,
            Folded::Char(c) => self.text.push(c),
            Folded::Text(t) => self.text.push_str(t),
        }
        // Several characters from one, or more bytes than the original has: every byte comes from the
        // original character's start, so a range never ends or starts inside it.
        if matches!(folded, Folded::Text(_)) || self.text.len() - start > len {
            for byte in start + 1..self.text.len() {
                self.anchor(byte, at);
            }
        }
    }

    /// Drops the folded text from `len` on (a hyphen or carriage return a line break takes back).
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.anchors.len() > 1 && self.anchors.last().is_some_and(|&(folded, _)| folded as usize > len) {
            self.anchors.pop();
        }
    }

    /// The line break at original byte `at`: joins a word broken by a hyphen ("Hen-\nderson") or a number
    /// broken at a separator ("372-48\n-1956", "07/22\n/1948"); after a title ("Mrs.\nHenderson") it reads
    /// as a space; otherwise it stays.
    fn line_break(&mut self, at: usize, len: usize) {
        let before = self.text.strip_suffix('\r').unwrap_or(&self.text).as_bytes();
        let kept = before.len();
        let last = |i: usize| before.len().checked_sub(i + 1).map(|at| before[at]);
        let (one, two, three) = (last(0), last(1), last(2));
        let is_letter = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphabetic());
        let is_digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
        let is_separator = |b: Option<u8>| matches!(b, Some(b'-' | b'/' | b'.'));
        // Which join the text before allows; most line breaks follow a period or a word and allow none.
        let hyphenated = one == Some(b'-') && is_letter(two) && is_letter(three);
        let after_separator = is_separator(one) && is_digit(two);
        let after_digit = is_digit(one);
        let after_title = (is_letter(one) || one == Some(b'.')) && ends_with_title(&self.text[..kept]);
        if !(hyphenated || after_separator || after_digit || after_title) {
            self.push(Folded::Char('\n'), at, len);
            return;
        }
        let [next, after_next] = peek_folded(self.original, at + len);
        let next_is = |f: fn(&char) -> bool| next.as_ref().is_some_and(f);
        if hyphenated && next_is(char::is_ascii_lowercase) {
            self.truncate(kept - 1);
        } else if (after_digit
            && matches!(next, Some('-' | '/' | '.'))
            && after_next.is_some_and(|c| c.is_ascii_digit()))
            || (after_separator && next_is(char::is_ascii_digit))
        {
            self.truncate(kept);
        } else if after_title && next_is(char::is_ascii_alphabetic) {
            self.truncate(kept);
            self.push(Folded::Char(' '), at, len);
        } else {
            self.push(Folded::Char('\n'), at, len);
        }
    }

    /// At the right-to-left override at original byte `at`: the run it governs (to its pop, the end of the
    /// line or the draft) is shown reversed, so a copy of it reversed goes first, then a space, then the run as
    /// typed (which the main pass folds next). "ssn \u{202E}6591-84-273" shows, and reads, "ssn 372-48-1956".
    fn reversed_copy(&mut self, at: usize) {
        let run_start = at + '\u{202E}'.len_utf8();
        let rest = &self.original[run_start..];
        let mut depth = 1;
        let mut run_end = self.original.len();
        for (i, c) in rest.char_indices() {
            match c {
                '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => depth += 1,
                '\u{202C}' => depth -= 1,
                '\n' | '\u{2029}' => depth = 0,
                _ => {}
            }
            if depth == 0 {
                run_end = run_start + i;
                break;
            }
        }
        let run = &self.original[run_start..run_end];
        let chars = run.chars().count();
        if chars == 0 || self.reversed_chars.len() + chars > MAX_REVERSED_CHARS {
            return;
        }
        self.sync(at);
        let copy_start = self.text.len();
        for (i, c) in run.char_indices().rev() {
            let folded = fold_char(c);
            if folded == Folded::Dropped {
                continue;
            }
            let (start, end) = (run_start + i, run_start + i + c.len_utf8());
            self.reversed_chars.push((self.text.len() as u32, start as u32, end as u32));
            match folded {
                Folded::Char(c) => self.text.push(c),
                Folded::Text(t) => self.text.push_str(t),
                Folded::Dropped => {}
            }
        }
        if self.text.len() == copy_start {
            return;
        }
        self.reversed_runs.push((copy_start as u32, self.text.len() as u32));
        // The space between the copy and the run as typed comes from the override character.
        self.anchor(self.text.len(), at);
        self.text.push(' ');
    }

    fn finish(self) -> Normalized<'a> {
        let Folder { original, mut text, mut anchors, reversed_runs, reversed_chars } = self;
        rewrite::read_numbers(&mut text, &mut anchors, !reversed_runs.is_empty());
        let unchanged = text == original;
        let has_capitals = text.bytes().any(|b| b.is_ascii_uppercase());
        // ASCII lowercasing keeps every byte offset, so `lower` shares the map with `text`.
        let (text, lower) = match (unchanged, has_capitals) {
            (true, true) => (Cow::Borrowed(original), Cow::Owned(original.to_ascii_lowercase())),
            (true, false) => (Cow::Borrowed(original), Cow::Borrowed(original)),
            (false, _) => {
                let lower = text.to_ascii_lowercase();
                (Cow::Owned(text), Cow::Owned(lower))
            }
        };
        Normalized { text, lower, anchors, reversed_runs, reversed_chars, original_len: original.len() }
    }
}

/// Whether `before` ends with a title as a whole word, with or without its period.
fn ends_with_title(before: &str) -> bool {
    let before = before.strip_suffix('.').unwrap_or(before);
    let word_start = before.bytes().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// The first two visible characters from original byte `from` on, folded (character references decoded,
/// invisible characters passed over; a few characters at most are read).
fn peek_folded(original: &str, mut from: usize) -> [Option<char>; 2] {
    let mut found = [None, None];
    let mut filled = 0;
    for _ in 0..8 {
        let Some(ch) = original.get(from..).and_then(|rest| rest.chars().next()) else { break };
        let (ch, len) = match ch {
            '&' => decode_entity(&original[from..]).unwrap_or((ch, 1)),
            _ => (ch, ch.len_utf8()),
        };
        from += len;
        let text = match fold_char(ch) {
            Folded::Dropped => continue,
            Folded::Char(c) => [Some(c), None],
            Folded::Text(t) => {
                let mut chars = t.chars();
                [chars.next(), chars.next()]
            }
        };
        for c in text.into_iter().flatten() {
            if filled < 2 {
                found[filled] = Some(c);
                filled += 1;
            }
        }
        if filled == 2 {
            break;
        }
    }
    found
}

/// The length of the leading run of ASCII that folds to itself (everything but `&`, which may start a
/// character reference, `` ` ``, which folds to `'`, and the line break, which may join what it separates).
fn plain_ascii_len(bytes: &[u8]) -> usize {
    // Eight bytes at a time (SWAR): a draft's plain runs are tens of bytes long.
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    let has_zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGH_BITS != 0;
    let mut len = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        if word & HIGH_BITS != 0
            || has_zero_byte(word ^ (ONES * u64::from(b'&')))
            || has_zero_byte(word ^ (ONES * u64::from(b'`')))
            || has_zero_byte(word ^ (ONES * u64::from(b'\n')))
        {
            break;
        }
        len += 8;
    }
    let is_plain = |b: u8| b.is_ascii() && b != b'&' && b != b'`' && b != b'\n';
    len + bytes[len..].iter().position(|&b| !is_plain(b)).unwrap_or(bytes.len() - len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        Normalized::new(s).text().to_string()
    }

    #[test]
    fn folds_digits_quotes_spaces_and_invisibles() {
        assert_eq!(fold("１２３-４５"), "123-45");
        assert_eq!(fold("٣٤٥"), "345");
        assert_eq!(fold("it\u{2019}s \u{201C}ok\u{201D}"), "it's \"ok\"");
        assert_eq!(fold("12\u{200B}3\u{00AD}4"), "1234");
        assert_eq!(fold("a\u{00A0}b\u{2014}c"), "a b-c");
        assert_eq!(fold("\u{202E}abc\u{202C}"), "cba abc");
    }

    #[test]
    fn folds_accents_and_lookalikes() {
        assert_eq!(fold("señora café"), "senora cafe");
        assert_eq!(fold("fu\u{0308}ck"), "fuck");
        assert_eq!(fold("раtiеnt"), "patient"); // Cyrillic р, а, е
    }

    #[test]
    fn maps_folded_ranges_back_to_original() {
        let original = "😀 SSN １２３";
        let n = Normalized::new(original);
        let at = n.text().find("123").unwrap();
        let (s, e) = n.original_range(at, at + 3);
        assert_eq!(&original[s..e], "１２３");
    }

    #[test]
    fn maps_ranges_across_dropped_characters() {
        let original = "a1\u{200B}2b";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "a12b");
        let (s, e) = n.original_range(1, 3);
        assert_eq!(&original[s..e], "1\u{200B}2");
    }

    #[test]
    fn lower_keeps_offsets() {
        let n = Normalized::new("Ünïcode ABC");
        assert_eq!(n.text().len(), n.lower().len());
        assert_eq!(n.lower(), "unicode abc");
    }

    #[test]
    fn decodes_numeric_character_references() {
        assert_eq!(fold("&#50;&#49;&#57;-09-9999"), "219-09-9999");
        assert_eq!(fold("&#x32;&#X31;&#x0039;"), "219");
        assert_eq!(fold("&#1633;&#x6F2;"), "12"); // Arabic-Indic and extended Arabic-Indic digits
        assert_eq!(fold("12&#8203;34"), "1234"); // a zero-width space, escaped
    }

    #[test]
    fn decodes_named_character_references() {
        assert_eq!(fold("Q&amp;A"), "Q&A");
        assert_eq!(fold("a&nbsp;b&shy;c&zwj;d"), "a bcd");
        assert_eq!(fold("&lt;b&gt; &quot;x&quot; &ndash;"), "<b> \"x\" -");
    }

    #[test]
    fn leaves_malformed_references_alone() {
        for text in
            ["&#;", "&#x;", "&#12", "&#xZZ;", "&#1114112;", "&#0;", "&bogus;", "AT&T; ok", "&", "&#99999999999;"]
        {
            assert_eq!(fold(text), text, "{text}");
        }
        assert_eq!(fold("&amp;#50;"), "&#50;", "references are decoded once");
    }

    #[test]
    fn maps_decoded_references_back_to_the_whole_reference() {
        let original = "ssn &#50;&#49;&#57;-09-99&#57;9 ok";
        let n = Normalized::new(original);
        let at = n.text().find("219").unwrap();
        let (s, e) = n.original_range(at, at + "219-09-9999".len());
        assert_eq!(&original[s..e], "&#50;&#49;&#57;-09-99&#57;9");
        let (s, e) = n.original_range(at, at + 1);
        assert_eq!(&original[s..e], "&#50;");
    }

    #[test]
    fn decodes_references_next_to_multibyte_text() {
        let original = "😀&#x1F600;é&amp;";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "😀😀e&");
        let (s, e) = n.original_range(4, 8);
        assert_eq!(&original[s..e], "&#x1F600;");
    }

    #[test]
    fn plain_ascii_runs_end_at_the_first_byte_that_needs_folding() {
        for stop in ["&", "`", "\u{80}", "é", "😀"] {
            for at in 0..20 {
                let text = format!("{}{stop}{}", "a".repeat(at), "b".repeat(20));
                assert_eq!(plain_ascii_len(text.as_bytes()), at, "{text:?}");
            }
        }
        for len in 0..20 {
            assert_eq!(plain_ascii_len("x~\u{7F}\0".repeat(len).as_bytes()), 4 * len);
        }
    }

    /// Folding one character at a time, as `Normalized::new` did before it copied plain ASCII runs whole and
    /// kept its map as anchors: the folded text, and the original offset of each folded character's start.
    fn fold_char_by_char(original: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut skip_to = 0;
        for (at, ch) in original.char_indices() {
            if at < skip_to {
                continue;
            }
            let ch = match ch {
                '&' => match decode_entity(&original[at..]) {
                    Some((decoded, len)) => {
                        skip_to = at + len;
                        decoded
                    }
                    None => ch,
                },
                _ => ch,
            };
            match fold_char(ch) {
                Folded::Dropped => {}
                Folded::Char(c) => {
                    starts.push((text.len(), at));
                    text.push(c);
                }
                Folded::Text(t) => {
                    starts.push((text.len(), at));
                    text.push_str(t);
                }
            }
        }
        starts.push((text.len(), original.len()));
        (text, starts)
    }

    #[test]
    fn copies_plain_ascii_runs_like_char_by_char_folding() {
        for original in [
            "",
            "plain ascii only",
            "&",
            "a&",
            "&amp;",
            "x&amp;y&#50;z&bogus;`tick`",
            "Night shift 😮‍💨 pt in bed 7 (92 yo) Grüße an Station 3B & gracias!",
            "１２３ ab\u{200B}cd é&#x1F600;é fu\u{0308}ck",
            "ends in multibyte é",
            "`",
            "&&&;;",
            "⑩⑴ ﬁne 𝐟𝐮 ³⁷ ok\u{200B}",
        ] {
            let folded = Normalized::new(original);
            let (text, starts) = fold_char_by_char(original);
            assert_eq!(folded.text, text, "{original:?}");
            for (at, from) in starts {
                assert_eq!(folded.origin(at), from, "{original:?} at {at}");
            }
            assert_eq!(folded.lower, text.to_ascii_lowercase(), "{original:?}");
        }
    }

    /// Every folded range that starts and ends on character boundaries maps to a range of whole original
    /// characters that contains each folded character's source.
    #[track_caller]
    fn assert_ranges_map_to_whole_characters(original: &str) {
        let n = Normalized::new(original);
        let text = n.text();
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (i, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[i..] {
                let (s, e) = n.original_range(start, end);
                assert!(s <= e && e <= original.len(), "{original:?} {start}..{end} -> {s}..{e}");
                assert!(original.is_char_boundary(s) && original.is_char_boundary(e), "{original:?} {start}..{end}");
            }
        }
    }

    #[test]
    fn maps_every_range_to_whole_original_characters() {
        for original in [
            "⑩⑴ ﬁne Ⅻ ok",
            "a\u{200B}\u{200B}b &#x1F600; é&amp;",
            "Mrs.\nHen-\nderson 372-48\r\n-1956",
            "ssn \u{202E}6591-84-273\u{202C} ok",
            "x \u{202E}é⑩ab\u{202C}\u{202E}cd",
            "three one two, five five five, zero one seven four",
        ] {
            assert_ranges_map_to_whole_characters(original);
        }
    }

    #[test]
    fn keeps_no_anchor_for_plain_or_same_length_text() {
        for original in ["plain text, 50 MB of it or 5 bytes", "emoji 😀😀 and 中文 and Жизнь"] {
            assert_eq!(Normalized::new(original).anchors, vec![(0, 0)], "{original:?}");
        }
        // One anchor after each character that folds shorter, none inside plain runs.
        assert_eq!(Normalized::new("a é b é c").anchors.len(), 3);
    }

    #[test]
    fn reads_line_breaks_inside_words_numbers_and_names() {
        assert_eq!(fold("Mrs. Hen-\nderson and Hen-\r\nderson"), "Mrs. Henderson and Henderson");
        assert_eq!(
            fold("ssn 372-48\n-1956, 372-\r\n48-1956, 07/22\n/1948"),
            "ssn 372-48-1956, 372-48-1956, 07/22/1948"
        );
        assert_eq!(fold("Mrs.\nHenderson, dr\r\nlee, Mr\nOkafor"), "Mrs. Henderson, dr lee, Mr Okafor");
        // Everything else keeps its line break.
        for kept in
            ["one\ntwo", "well-\n\nnext", "e-\nmail", "12\n14 pts", "BP 120/80\n98.6", "the end.\nMrs. X", "- \n-"]
        {
            assert_eq!(fold(kept), kept, "{kept:?}");
        }
        let original = "pt Hen-\nderson";
        let n = Normalized::new(original);
        let at = n.text().find("Henderson").unwrap();
        let (s, e) = n.original_range(at, at + "Henderson".len());
        assert_eq!(&original[s..e], "Hen-\nderson");
    }

    #[test]
    fn reads_right_to_left_overrides_as_shown_then_as_typed() {
        assert_eq!(fold("ssn \u{202E}6591-84-273\u{202C} ok"), "ssn 372-48-1956 6591-84-273 ok");
        assert_eq!(fold("a \u{202E}gnikcuf"), "a fucking gnikcuf");
        assert_eq!(fold("\u{202E}ab\ncd"), "ba ab\ncd", "a line ends the override");
        assert_eq!(fold("\u{202D}ab\u{202C} \u{2067}cd\u{2069}"), "ab cd", "only the right-to-left override reverses");
        let original = "ssn \u{202E}6591-84-273\u{202C} ok";
        let n = Normalized::new(original);
        let at = n.text().find("372-48-1956").unwrap();
        let (s, e) = n.original_range(at, at + 11);
        assert_eq!(&original[s..e], "6591-84-273");
        // Part of the copy maps to the characters it shows: "48" is typed "84".
        let (s, e) = n.original_range(at + 4, at + 6);
        assert_eq!(&original[s..e], "84");
        // A range from before the copy into it covers both.
        let (s, e) = n.original_range(0, at + 3);
        assert_eq!(&original[s..e], "ssn \u{202E}6591-84-273");
    }

    #[test]
    fn reverses_a_bounded_number_of_characters() {
        let long = format!("\u{202E}{}\u{202C} \u{202E}kcuf\u{202C}", "x".repeat(MAX_REVERSED_CHARS - 4));
        assert!(fold(&long).ends_with("x fuck kcuf"), "the last four characters fit");
        let longer = format!("\u{202E}{}\u{202C} \u{202E}kcuf\u{202C}", "x".repeat(MAX_REVERSED_CHARS - 3));
        assert!(fold(&longer).ends_with("x kcuf"), "these do not");
        let too_long = format!("\u{202E}{}", "x".repeat(MAX_REVERSED_CHARS + 1));
        assert_eq!(fold(&too_long).len(), MAX_REVERSED_CHARS + 1, "past the bound, only as typed");
    }
}
