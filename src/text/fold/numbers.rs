//! Numbers typed so that digit patterns miss them, read as the digits they spell:
//!
//! - spelled out, alone or among digits: "three seven two, four eight, one nine five six" reads "372 48 1956",
//!   "5 one 8 22 seven 349" reads "518227349", "nineteen forty-eight" reads "1948", "double five" reads "55";
//! - a day spelled as an ordinal next to its month: "July twenty-second", "the third of May" read "July 22nd",
//!   "the 3rd of May";
//! - letters typed for digits among digits: "l956" reads "1956", "3I2-555-OI74" reads "312-555-0174" (O and o
//!   for 0, I and l for 1).
//!
//! Ordinary counting stays as typed: a spelled run needs two number words and four digits ("one or two",
//! "twenty minutes", "two three times" are left alone) and an ordinal its month
//! ("the first time" is left alone). Letters count as digits only in a number of at least three digits
//! where digits outnumber them ("O2", "10l", "B12" are left alone).
//!
//! One pass over the folded text finds what to change; a draft with nothing to change (nearly all) is left
//! as it is, and otherwise a second pass writes the new text with its map.

use std::ops::ControlFlow;

/// The most items of a spelled run or tokens of a number read at once: a longer run is read in pieces, so
/// that what is held while reading stays small whatever the draft.
const MAX_ITEMS: usize = 48;

/// What a number word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// "zero" to "nine" ("oh" is 0 inside a run).
    Unit(u8),
    Oh,
    /// "ten" to "nineteen".
    Teen(u8),
    /// "twenty" to "ninety": the tens digit.
    Tens(u8),
    /// "first" to "nineteenth", and "twentieth" to "ninetieth" (as 20 to 90).
    Ordinal(u8),
    /// "double" and "triple" the next digit.
    Repeat(u8),
}

const DIGIT: u8 = 1;
const LEET: u8 = 2;
const LETTER: u8 = 4;

/// What each byte is to a token: a digit, a letter that may stand for one (O, o, I, l), another ASCII letter,
/// or 0 (no part of a token).
const CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'O' | b'o' | b'I' | b'l' => LEET,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Whether `word` may be a number word: by its length and first two letters, which rule out most words.
fn may_be_number_word(word: &[u8]) -> bool {
    if !(2..=11).contains(&word.len()) {
        return false;
    }
    matches!(
        &[word[0] | 0x20, word[1] | 0x20],
        b"ze"
            | b"oh"
            | b"on"
            | b"tw"
            | b"th"
            | b"te"
            | b"fo"
            | b"fi"
            | b"si"
            | b"se"
            | b"ei"
            | b"el"
            | b"ni"
            | b"do"
            | b"tr"
    )
}

fn number_word(word: &[u8]) -> Option<Word> {
    if !(2..=11).contains(&word.len()) {
        return None;
    }
    let mut lower = [0u8; 11];
    for (l, &b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    Some(match &lower[..word.len()] {
        b"zero" => Word::Unit(0),
        b"oh" => Word::Oh,
        b"one" => Word::Unit(1),
        b"two" => Word::Unit(2),
        b"three" => Word::Unit(3),
        b"four" => Word::Unit(4),
        b"five" => Word::Unit(5),
        b"six" => Word::Unit(6),
        b"seven" => Word::Unit(7),
        b"eight" => Word::Unit(8),
        b"nine" => Word::Unit(9),
        b"ten" => Word::Teen(10),
        b"eleven" => Word::Teen(11),
        b"twelve" => Word::Teen(12),
        b"thirteen" => Word::Teen(13),
        b"fourteen" => Word::Teen(14),
        b"fifteen" => Word::Teen(15),
        b"sixteen" => Word::Teen(16),
        b"seventeen" => Word::Teen(17),
        b"eighteen" => Word::Teen(18),
        b"nineteen" => Word::Teen(19),
        b"twenty" => Word::Tens(2),
        b"thirty" => Word::Tens(3),
        b"forty" | b"fourty" => Word::Tens(4),
        b"fifty" => Word::Tens(5),
        b"sixty" => Word::Tens(6),
        b"seventy" => Word::Tens(7),
        b"eighty" => Word::Tens(8),
        b"ninety" => Word::Tens(9),
        b"first" => Word::Ordinal(1),
        b"second" => Word::Ordinal(2),
        b"third" => Word::Ordinal(3),
        b"fourth" => Word::Ordinal(4),
        b"fifth" => Word::Ordinal(5),
        b"sixth" => Word::Ordinal(6),
        b"seventh" => Word::Ordinal(7),
        b"eighth" => Word::Ordinal(8),
        b"ninth" => Word::Ordinal(9),
        b"tenth" => Word::Ordinal(10),
        b"eleventh" => Word::Ordinal(11),
        b"twelfth" => Word::Ordinal(12),
        b"thirteenth" => Word::Ordinal(13),
        b"fourteenth" => Word::Ordinal(14),
        b"fifteenth" => Word::Ordinal(15),
        b"sixteenth" => Word::Ordinal(16),
        b"seventeenth" => Word::Ordinal(17),
        b"eighteenth" => Word::Ordinal(18),
        b"nineteenth" => Word::Ordinal(19),
        b"twentieth" => Word::Ordinal(20),
        b"thirtieth" => Word::Ordinal(30),
        b"double" => Word::Repeat(2),
        b"triple" => Word::Repeat(3),
        _ => return None,
    })
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// One change to the folded text, found in order.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Edit {
    /// The letter at this byte is the digit.
    Digit { at: usize, digit: u8 },
    /// The bytes `start..end` read as `out`: each byte with the folded byte it comes from.
    Spelled { start: usize, end: usize, out: Vec<(u8, usize)> },
}

/// How two items of a spelled run are apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces or hyphens: one number ("five one eight", "forty-nine").
    Join,
    /// A comma: the next group ("five one eight, two two").
    Comma(usize),
    /// A slash or dot, kept ("seven/twenty-two/forty-eight").
    Kept(u8, usize),
}

#[derive(Debug, Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    /// `None` for digits typed as digits.
    word: Option<Word>,
    gap_before: Gap,
}

/// A run of alphanumeric bytes.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    digits: usize,
    /// Letters that read as digits (O, o, I, l).
    leet: usize,
    /// Other letters.
    letters: usize,
}

/// Finds the edits of `text`, in order, handing each to `edit`; stops when `edit` breaks.
pub(super) fn find_edits(text: &str, mut edit: impl FnMut(Edit) -> ControlFlow<()>) {
    let mut reader = Reader { text: text.as_bytes(), run: Vec::new(), cluster: Vec::new() };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if CLASS[usize::from(bytes[i])] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        // What kinds of bytes the token holds, one table look-up a byte; counted only for the few that matter.
        let mut kinds = 0;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            if class == 0 {
                break;
            }
            kinds |= class;
            i += 1;
        }
        let plain_word = kinds & DIGIT == 0;
        let word =
            if plain_word && may_be_number_word(&bytes[start..i]) { number_word(&bytes[start..i]) } else { None };
        // Most tokens are words of no number while no number is being read: nothing to do.
        if plain_word && word.is_none() && reader.run.is_empty() && reader.cluster.is_empty() {
            continue;
        }
        let count = |class: u8| bytes[start..i].iter().filter(|&&b| CLASS[usize::from(b)] == class).count();
        let (digits, leet, letters) =
            if plain_word { (0, count(LEET), count(LETTER)) } else { (count(DIGIT), count(LEET), count(LETTER)) };
        let token = Token { start, end: i, digits, leet, letters };
        if reader.token(token, word, &mut edit).is_break() {
            return;
        }
    }
    if reader.end_run(&mut edit).is_continue() {
        let _ = reader.end_cluster(&mut edit);
    }
}

struct Reader<'t> {
    text: &'t [u8],
    /// The spelled run being read.
    run: Vec<Item>,
    /// The number being read for letters typed as digits: tokens one "-", "/" or "." apart.
    cluster: Vec<Token>,
}

impl Reader<'_> {
    /// Reads `token`, which is the number word `word` if any.
    fn token(
        &mut self,
        token: Token,
        word: Option<Word>,
        edit: &mut impl FnMut(Edit) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        // One dash, slash or dot between this token and the one before.
        let one_separator = token.start >= 2
            && matches!(self.text[token.start - 1], b'-' | b'/' | b'.')
            && self.text[token.start - 2].is_ascii_alphanumeric();
        // Letters typed as digits: the number grows while its tokens are one separator apart.
        let numeric = token.letters == 0 && token.digits + token.leet > 0 && (token.digits > 0 || !one_separator);
        if !(numeric && one_separator && self.cluster.len() < MAX_ITEMS) {
            self.end_cluster(edit)?;
        }
        if numeric && token.digits > 0 {
            self.cluster.push(token);
        }
        // Spelled runs.
        let is_numeral = token.letters == 0 && token.leet == 0;
        // A run goes on from its last item, which is the token before (any other token ends the run).
        let gap_kind = self.run.last().and_then(|last| run_gap(&self.text[last.end..token.start], last.end));
        let is_item = word.is_some() || is_numeral;
        let continues = is_item && !self.run.is_empty() && gap_kind.is_some() && self.run.len() < MAX_ITEMS;
        if !continues {
            self.end_run(edit)?;
        }
        if is_item {
            // A run does not start inside a number written with separators ("555-0174 one two"), nor with "oh".
            let starts_ok = word != Some(Word::Oh) && !(is_numeral && one_separator);
            if !self.run.is_empty() || starts_ok {
                let gap_before = if self.run.is_empty() { Gap::Join } else { gap_kind.unwrap_or(Gap::Join) };
                self.run.push(Item { start: token.start, end: token.end, word, gap_before });
                // An ordinal is a day: it ends its run.
                if matches!(word, Some(Word::Ordinal(_))) {
                    self.end_run(edit)?;
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// Decides the number being read for letters typed as digits.
    fn end_cluster(&mut self, edit: &mut impl FnMut(Edit) -> ControlFlow<()>) -> ControlFlow<()> {
        if self.cluster.is_empty() {
            return ControlFlow::Continue(());
        }
        let cluster = std::mem::take(&mut self.cluster);
        let leet: usize = cluster.iter().map(|t| t.leet).sum();
        let digits: usize = cluster.iter().map(|t| t.digits).sum();
        let reads_as_digits = leet > 0
            && digits >= 3
            && cluster.iter().all(|t| t.digits >= t.leet)
            && (cluster.len() >= 2
                || (cluster[0].end - cluster[0].start >= 4 && !leet_only_at_the_end(self.text, &cluster[0])));
        if reads_as_digits {
            for token in &cluster {
                for at in token.start..token.end {
                    let digit = match self.text[at] {
                        b'O' | b'o' => b'0',
                        b'I' | b'l' => b'1',
                        _ => continue,
                    };
                    edit(Edit::Digit { at, digit })?;
                }
            }
        }
        self.cluster = cluster;
        self.cluster.clear();
        ControlFlow::Continue(())
    }

    /// Decides the spelled run being read.
    fn end_run(&mut self, edit: &mut impl FnMut(Edit) -> ControlFlow<()>) -> ControlFlow<()> {
        if self.run.is_empty() {
            return ControlFlow::Continue(());
        }
        let mut run = std::mem::take(&mut self.run);
        // A run ends with its last number word or digits, never with "oh" or a repeat word.
        while run.last().is_some_and(|i| matches!(i.word, Some(Word::Oh | Word::Repeat(_)))) {
            run.pop();
        }
        // One item is read only when it is a day ("the third of May").
        let worth_reading = run.len() > 1 || matches!(run.first().and_then(|i| i.word), Some(Word::Ordinal(_)));
        if let Some(out) = worth_reading.then(|| self.read_run(&run)).flatten() {
            let (start, end) = (run[0].start, run[run.len() - 1].end);
            edit(Edit::Spelled { start, end, out })?;
        }
        self.run = run;
        self.run.clear();
        ControlFlow::Continue(())
    }

    /// The digits a run reads as, when it is to be read so.
    fn read_run(&self, run: &[Item]) -> Option<Vec<(u8, usize)>> {
        let words = run.iter().filter(|i| i.word.is_some()).count();
        if words == 0 {
            // Digits spaced out ("3 7 2 4 8 1 9 5 6") are the finders' to read: rewritten here, each digit would need
            // its own entry in the map, and a paste of spaced digits four bytes of map a digit.
            return None;
        }
        let mut out: Vec<(u8, usize)> = Vec::new();
        let mut ordinal = false;
        let mut i = 0;
        while i < run.len() {
            let item = run[i];
            match item.gap_before {
                Gap::Join => {}
                Gap::Comma(at) if i > 0 => out.push((b' ', at)),
                Gap::Kept(b, at) if i > 0 => out.push((b, at)),
                _ => {}
            }
            let next = run.get(i + 1).filter(|n| n.gap_before == Gap::Join);
            let digit = |d: u8| b'0' + d;
            match item.word {
                None => out.extend((item.start..item.end).map(|at| (self.text[at], at))),
                Some(Word::Unit(d)) => out.push((digit(d), item.start)),
                Some(Word::Oh) => out.push((b'0', item.start)),
                Some(Word::Teen(n)) => out.extend([(digit(n / 10), item.start), (digit(n % 10), item.start)]),
                Some(Word::Tens(t)) => match next.and_then(|n| n.word) {
                    Some(Word::Unit(d)) if d > 0 => {
                        out.extend([(digit(t), item.start), (digit(d), run[i + 1].start)]);
                        i += 1;
                    }
                    Some(Word::Ordinal(d)) if (1..=9).contains(&d) => {
                        out.extend([(digit(t), item.start), (digit(d), run[i + 1].start)]);
                        push_suffix(&mut out, d, run[i + 1].start);
                        ordinal = true;
                        i += 1;
                    }
                    _ => out.extend([(digit(t), item.start), (b'0', item.start)]),
                },
                Some(Word::Ordinal(n)) => {
                    if n >= 10 {
                        out.push((digit(n / 10), item.start));
                    }
                    out.push((digit(n % 10), item.start));
                    push_suffix(&mut out, n, item.start);
                    ordinal = true;
                }
                Some(Word::Repeat(times)) => match next.and_then(|n| n.word) {
                    Some(Word::Unit(d)) => {
                        out.extend((0..times).map(|_| (digit(d), item.start)));
                        i += 1;
                    }
                    Some(Word::Oh) => {
                        out.extend((0..times).map(|_| (b'0', item.start)));
                        i += 1;
                    }
                    _ => return None,
                },
            }
            i += 1;
        }
        if ordinal {
            let (start, end) = (run[0].start, run[run.len() - 1].end);
            // "the Fourth of July" is a holiday, read as such.
            let holiday =
                self.text[start..].len() >= 14 && self.text[start..start + 14].eq_ignore_ascii_case(b"fourth of july");
            return (run.len() <= 2 && !holiday && self.next_to_a_month(start, end)).then_some(out);
        }
        let digits = out.iter().filter(|(b, _)| b.is_ascii_digit()).count();
        (words >= 2 && digits >= 4).then_some(out)
    }

    /// Whether a month name stands just before `start` ("July twenty-second", "July the second") or just
    /// after `end` ("twenty-second of July").
    fn next_to_a_month(&self, start: usize, end: usize) -> bool {
        let before = self.text[..start].trim_ascii_end();
        let before = before.strip_suffix(b"the").map_or(before, <[u8]>::trim_ascii_end);
        let after = self.text[end..].trim_ascii_start();
        let after = after.strip_prefix(b"of ").unwrap_or(after);
        let word_before = before.rsplit(|b| !b.is_ascii_alphabetic()).next().unwrap_or_default();
        let word_after = after.split(|b| !b.is_ascii_alphabetic()).next().unwrap_or_default();
        let is_month = |w: &[u8]| MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m.as_bytes()));
        is_month(word_before) || is_month(word_after)
    }
}

/// "st", "nd", "rd" or "th" after a day `n`, each byte from the ordinal word at `from`.
fn push_suffix(out: &mut Vec<(u8, usize)>, n: u8, from: usize) {
    let suffix: &[u8] = match n % 10 {
        1 if n != 11 => b"st",
        2 if n != 12 => b"nd",
        3 if n != 13 => b"rd",
        _ => b"th",
    };
    out.extend(suffix.iter().map(|&b| (b, from)));
}

/// How items `gap` apart belong to one run (`gap_start` is where the gap starts): spaces and hyphens join,
/// one comma starts the next group, one slash or dot is kept; anything else ends the run.
fn run_gap(gap: &[u8], gap_start: usize) -> Option<Gap> {
    if gap.is_empty() || gap.len() > 3 {
        return None;
    }
    let mut marks = gap.iter().enumerate().filter(|&(_, &b)| b != b' ' && b != b'-');
    let Some((i, &mark)) = marks.next() else {
        return Some(Gap::Join);
    };
    if marks.next().is_some() {
        return None;
    }
    match mark {
        b',' => Some(Gap::Comma(gap_start + i)),
        b'/' | b'.' if gap.len() == 1 => Some(Gap::Kept(mark, gap_start + i)),
        _ => None,
    }
}

/// "500l", "20O": letters after every digit read as a unit or a word, not as digits.
fn leet_only_at_the_end(text: &[u8], token: &Token) -> bool {
    let bytes = &text[token.start..token.end];
    bytes
        .iter()
        .rposition(u8::is_ascii_digit)
        .is_some_and(|last_digit| bytes[..last_digit].iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::super::Normalized;

    fn fold(text: &str) -> String {
        Normalized::new(text).text().to_string()
    }

    #[test]
    fn reads_spelled_numbers_as_digits() {
        assert_eq!(fold("ssn three seven two, four eight, one nine five six ok"), "ssn 372 48 1956 ok");
        assert_eq!(fold("ssn 3 seven 2 48 one 956"), "ssn 372481956");
        assert_eq!(fold("cell Two One Seven - five five five - oh one nine nine"), "cell 2175550199");
        assert_eq!(fold("born nineteen fifty-one"), "born 1951");
        assert_eq!(fold("mrn double four one two triple seven"), "mrn 4412777");
        assert_eq!(fold("dob seven/twenty-two/forty-eight"), "dob 7/22/48");
    }

    #[test]
    fn reads_ordinal_days_next_to_their_month() {
        assert_eq!(fold("July twenty-second, nineteen forty eight"), "July 22nd, 1948");
        assert_eq!(fold("the third of May"), "the 3rd of May");
        assert_eq!(fold("on the thirty first of december"), "on the 31st of december");
        assert_eq!(fold("the first time, the second visit"), "the first time, the second visit");
    }

    #[test]
    fn leaves_ordinary_counting_alone() {
        for text in [
            "one or two",
            "twenty minutes",
            "two three times",
            "one two punch",
            "oh one more thing",
            "ten four",
            "one, two",
            "in one of two ways",
            "top ten",
            "at five past nine",
        ] {
            assert_eq!(fold(text), text);
        }
    }

    #[test]
    fn leaves_digits_typed_as_digits_to_the_finders() {
        for text in ["ssn 3 7 2 4 8 1 9 5 6 on file", "scores 3 1 2", "1 2 3 4 5", "rooms 12 14 16 18 20 22", "3 - 1"] {
            assert_eq!(fold(text), text);
        }
    }

    #[test]
    fn reads_letters_typed_for_digits_in_numbers() {
        assert_eq!(fold("born l956, cell 3I2-555-OI74, mrn 884I2O7"), "born 1956, cell 312-555-0174, mrn 8841207");
        assert_eq!(fold("dob O7/22/l948"), "dob 07/22/1948");
        for text in ["O2 sat", "10l bag", "B12", "500l", "lol", "I 2 O", "CO2", "4O", "2O"] {
            assert_eq!(fold(text), text);
        }
    }

    #[test]
    fn maps_spelled_numbers_back_to_their_words() {
        let original = "ssn five one eight, two two, seven three four nine.";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "ssn 518 22 7349.");
        let (s, e) = n.original_range(4, 15);
        assert_eq!(&original[s..e], "five one eight, two two, seven three four nine");
        let (s, e) = n.original_range(4, 5);
        assert_eq!(&original[s..e], "five ");
        let original = "x nineteen forty eight y";
        let n = Normalized::new(original);
        let (s, e) = n.original_range(3, 4);
        assert_eq!(&original[s..e], "nineteen ", "a byte of a word maps to the whole word");
    }

    #[test]
    fn reads_long_runs_in_pieces() {
        let text = "one two ".repeat(1000);
        let folded = fold(&text);
        assert!(folded.len() < text.len() / 3, "{}", &folded[..40]);
        assert!(folded.bytes().all(|b| b == b'1' || b == b'2' || b == b' '));
    }
}
