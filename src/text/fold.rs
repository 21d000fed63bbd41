//! Normalization for matching, with the map back to the original text.
//!
//! The rules never see the draft as typed: they see a folded copy in which fullwidth and Arabic-Indic
//! digits are ASCII, zero-width and bidi control characters are gone, smart quotes and dashes are plain,
//! look-alike Cyrillic and Greek letters are Latin, accents are stripped and HTML character references
//! (`&#50;`, `&#x32;`, `&amp;`, `&nbsp;`) are decoded. Every byte of the folded copy remembers the byte of
//! the original it came from, so findings always point into the original text; a decoded reference maps
//! back to the whole reference.

/// A draft folded for matching, with a map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    lower: String,
    /// `origin[i]` is the original byte offset of folded byte `i`; one extra entry for the end.
    origin: Vec<u32>,
    original_len: usize,
}

impl Normalized {
    /// Folds `original`. Runs in one pass, linear in the input.
    pub fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        let mut at = 0;
        while at < bytes.len() {
            // Most of a draft is ASCII that folds to itself: copy each such run whole, no per-character work.
            let plain = plain_ascii_len(&bytes[at..]);
            if plain > 0 {
                text.push_str(&original[at..at + plain]);
                origin.extend(at as u32..(at + plain) as u32);
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
            if let Some(folded) = fold_char(ch) {
                let encoded = folded.encode_utf8(&mut buf);
                text.push_str(encoded);
                origin.extend(std::iter::repeat_n(at as u32, encoded.len()));
            }
            at += len;
        }
        origin.push(original.len() as u32);
        // ASCII lowercasing keeps every byte offset, so `lower` shares `origin` with `text`.
        let lower = text.to_ascii_lowercase();
        Normalized { text, lower, origin, original_len: original.len() }
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The folded text with ASCII letters lowercased; byte offsets equal those of [`Normalized::text`].
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Maps a folded byte range to the original byte range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let start = self.origin[start.min(self.origin.len() - 1)] as usize;
        let end = if end == 0 {
            0
        } else {
            // The end is just past the original character behind the last folded byte.
            let last = self.origin[(end - 1).min(self.origin.len() - 1)] as usize;
            let next = self.origin[end.min(self.origin.len() - 1)] as usize;
            if next > last {
                next
            } else {
                self.original_len.min(last + 1)
            }
        };
        (start, end.max(start))
    }
}

/// The length of the leading run of ASCII that folds to itself (everything but `&`, which may start a
/// character reference, and `` ` ``, which folds to `'`).
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
        {
            break;
        }
        len += 8;
    }
    let is_plain = |b: u8| b.is_ascii() && b != b'&' && b != b'`';
    len + bytes[len..].iter().position(|&b| !is_plain(b)).unwrap_or(bytes.len() - len)
}

/// Longest character reference decoded, in bytes after the `&`: `#x10FFFF;` and the longest name fit.
const MAX_ENTITY_LEN: usize = 9;

/// Decodes the HTML character reference at the start of `rest` (which starts with `&`): numeric
/// (`&#50;`, `&#x32;`) or one of a few named ones. Returns the character and the reference's byte length.
/// The closing `;` is required, and references are decoded once (`&amp;#50;` reads as `&#50;`).
fn decode_entity(rest: &str) -> Option<(char, usize)> {
    let semicolon = rest.bytes().take(MAX_ENTITY_LEN + 2).position(|b| b == b';')?;
    let body = &rest[1..semicolon];
    let ch = match body.strip_prefix('#') {
        Some(number) => {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            char::from_u32(u32::from_str_radix(digits, radix).ok()?).filter(|&c| c != '\0')?
        }
        None => named_entity(body)?,
    };
    Some((ch, semicolon + 1))
}

/// The named references that matter for matching: markup escapes, spaces, invisible and dash characters.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "zwsp" => '\u{200B}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "hyphen" | "dash" => '\u{2010}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "minus" => '\u{2212}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "num" => '#',
        "commat" => '@',
        "period" => '.',
        "colon" => ':',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        _ => return None,
    })
}

/// Folds one character; `None` drops it (invisible characters).
fn fold_char(ch: char) -> Option<char> {
    let c = ch as u32;
    Some(match ch {
        // Zero-width, soft hyphen, bidi controls, byte-order mark, variation selectors: invisible.
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}' => return None,
        // Combining marks: "fu\u{0308}ck" reads as "fuck".
        '\u{0300}'..='\u{036F}' => return None,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c - 0xFEE0).unwrap_or(ch),
        '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + c - 0x0660).unwrap_or(ch),
        '\u{06F0}'..='\u{06F9}' => char::from_u32('0' as u32 + c - 0x06F0).unwrap_or(ch),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2028}' | '\u{2029}' => '\n',
        '\u{2024}' => '.',
        _ if c < 0x80 => ch,
        _ => fold_letter(ch),
    })
}

/// Strips accents from Latin letters and maps Cyrillic and Greek look-alikes to Latin.
fn fold_letter(ch: char) -> char {
    match ch {
        'à'..='å' => 'a',
        'À'..='Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è'..='ë' => 'e',
        'È'..='Ë' => 'E',
        'ì'..='ï' => 'i',
        'Ì'..='Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò'..='ö' | 'ø' => 'o',
        'Ò'..='Ö' | 'Ø' => 'O',
        'ù'..='ü' => 'u',
        'Ù'..='Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        // Cyrillic look-alikes.
        'а' => 'a',
        'е' | 'ё' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'к' => 'k',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ѕ' => 'S',
        // Greek look-alikes.
        'α' => 'a',
        'ε' => 'e',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => ch,
    }
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
        assert_eq!(fold("\u{202E}abc\u{202C}"), "abc");
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

    /// Folding one character at a time, as `Normalized::new` did before it copied plain ASCII runs whole.
    fn fold_char_by_char(original: &str) -> (String, Vec<u32>) {
        let mut text = String::new();
        let mut origin = Vec::new();
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
            if let Some(folded) = fold_char(ch) {
                text.push(folded);
                origin.extend(std::iter::repeat_n(at as u32, folded.len_utf8()));
            }
        }
        origin.push(original.len() as u32);
        (text, origin)
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
        ] {
            let folded = Normalized::new(original);
            let (text, origin) = fold_char_by_char(original);
            assert_eq!(folded.text, text, "{original:?}");
            assert_eq!(folded.origin, origin, "{original:?}");
            assert_eq!(folded.lower, text.to_ascii_lowercase(), "{original:?}");
        }
    }
}
