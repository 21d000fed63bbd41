//! One character at a time: what each character of a draft reads as for matching.
//!
//! By hand: fullwidth forms, Arabic-Indic digits, smart quotes and dashes, odd spaces, invisible characters
//! (zero-width, soft hyphen, bidi controls, variation selectors, combining marks), Latin-1 accents, and the
//! Cyrillic and Greek letters that look Latin. From the generated table (`src/data/fold/`): every other
//! script's decimal digits (Devanagari "३", Bengali "৩", Thai "๓", ...), the compatibility forms of "fancy
//! text" (mathematical bold "𝐟", script "𝓜", double-struck "𝟛", superscripts "³", subscripts "₃", circled
//! "③" and "ⓢ", squared "🅂", small capitals "ꜱ", "﹫"), and accented Latin beyond Latin-1 ("ł", "ő").
//! HTML character references (`&#50;`, `&amp;`) are decoded here too, before folding.

/// How a range of the generated table folds (see `RANGES` in `src/data/fold/table.rs`).
#[derive(Clone, Copy)]
enum Fold {
    /// The range's first character to this ASCII byte, each next one to the next byte.
    Step(u8),
    /// Every character of the range to this ASCII byte.
    Same(u8),
    /// This capital, then its small letter, in turns.
    Cased(u8),
    /// The one character to this entry of `TEXTS` (two or three ASCII characters).
    Text(u8),
}

mod table {
    use super::Fold;
    include!("../../data/fold/table.rs");
}

/// What one character of the draft reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Folded {
    /// Nothing: an invisible character.
    Dropped,
    /// One character.
    Char(char),
    /// Two or three ASCII characters ("⑩" is "10").
    Text(&'static str),
}

/// Folds one character.
pub(super) fn fold_char(ch: char) -> Folded {
    let c = ch as u32;
    Folded::Char(match ch {
        // Zero-width, soft hyphen, bidi controls, byte-order mark, variation selectors: invisible.
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}' => return Folded::Dropped,
        // Combining marks: "fu\u{0308}ck" reads as "fuck".
        '\u{0300}'..='\u{036F}' => return Folded::Dropped,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c - 0xFEE0).unwrap_or(ch),
        '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + c - 0x0660).unwrap_or(ch),
        '\u{06F0}'..='\u{06F9}' => char::from_u32('0' as u32 + c - 0x06F0).unwrap_or(ch),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2028}' | '\u{2029}' => '\n',
        '\u{2024}' => '.',
        // Slashes that are not "/": the fraction and division slashes.
        '\u{2044}' | '\u{2215}' => '/',
        _ if c < 0x80 => ch,
        _ if c < 0x100 => fold_letter(ch),
        '\u{0370}'..='\u{04FF}' => fold_letter(ch),
        _ => return fold_from_table(c).unwrap_or(Folded::Char(ch)),
    })
}

/// The generated table's folding of `c`, if it has one.
fn fold_from_table(c: u32) -> Option<Folded> {
    // Most characters past Latin-1 (CJK, emoji, other scripts' letters) are in a block without any entry.
    table::BLOCKS.binary_search(&u16::try_from(c >> 8).ok()?).ok()?;
    let at = table::RANGES.partition_point(|&(first, _, _)| first <= c).checked_sub(1)?;
    let (first, count, fold) = table::RANGES[at];
    let offset = c - first;
    if offset >= u32::from(count) {
        return None;
    }
    let offset = u8::try_from(offset).ok()?;
    Some(match fold {
        Fold::Step(byte) => Folded::Char(char::from(byte + offset)),
        Fold::Same(byte) => Folded::Char(char::from(byte)),
        Fold::Cased(byte) => Folded::Char(char::from(if offset % 2 == 0 { byte } else { byte.to_ascii_lowercase() })),
        Fold::Text(index) => Folded::Text(table::TEXTS[usize::from(index)]),
    })
}

/// Strips accents from Latin-1 letters and maps Cyrillic and Greek look-alikes to Latin.
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
        // Superscript digits and ordinal indicators: "ssn ³⁷²" (the rest of the superscripts are in the table).
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        'ª' => 'a',
        'º' => 'o',
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

/// Longest character reference decoded, in bytes after the `&`: `#x10FFFF;` and the longest name fit.
const MAX_ENTITY_LEN: usize = 9;

/// Decodes the HTML character reference at the start of `rest` (which starts with `&`): numeric
/// (`&#50;`, `&#x32;`) or one of a few named ones. Returns the character and the reference's byte length.
/// The closing `;` is required, and references are decoded once (`&amp;#50;` reads as `&#50;`).
pub(super) fn decode_entity(rest: &str) -> Option<(char, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        text.chars()
            .map(|c| match fold_char(c) {
                Folded::Dropped => String::new(),
                Folded::Char(c) => c.to_string(),
                Folded::Text(t) => t.to_string(),
            })
            .collect()
    }

    #[test]
    fn folds_other_scripts_digits() {
        assert_eq!(folded("३७२-४८"), "372-48"); // Devanagari
        assert_eq!(folded("৩৭২"), "372"); // Bengali
        assert_eq!(folded("๓๗๒"), "372"); // Thai
        assert_eq!(folded("૩७௨"), "372"); // Gujarati, Devanagari, Tamil
        assert_eq!(folded("៣၇"), "37"); // Khmer, Myanmar
    }

    #[test]
    fn folds_fancy_text() {
        assert_eq!(folded("𝐟𝐮𝐜𝐤 𝑯𝒆𝒏 𝓜𝓻𝓼 𝔣𝔲 𝕗𝕦 𝖿𝗎 𝙛𝙪 𝚏𝚞"), "fuck Hen Mrs fu fu fu fu fu");
        assert_eq!(folded("𝟑𝟕𝟐 𝟛𝟟𝟚 𝟥𝟩𝟤 𝟹𝟽𝟸"), "372 372 372 372");
        assert_eq!(folded("ℌℭℜ ℎ ℯ"), "HCR h e", "the letterlike symbols that fill the styles' holes");
        assert_eq!(folded("³⁷²⁻⁴⁸ ₃₇₂₋₄₈"), "372-48 372-48");
        assert_eq!(folded("③⑦② ⓢⓗⓘⓣ ⓈⒽ ❸❼ ➂ ➌ ⓿"), "372 shit SH 37 3 3 0");
        assert_eq!(folded("🅂🄷🄸🅃 🅢🅗 🆂🅷"), "SHIT SH SH");
        assert_eq!(folded("ꜱʜɪᴛ ᶠᵘᶜᵏ"), "shit fuck", "small capitals and modifier letters");
        assert_eq!(folded("⑩⑴ ﬁne Ⅻ"), "10(1) fine XII");
        assert_eq!(folded("jdoe﹫mail﹒com"), "jdoe@mail.com");
    }

    #[test]
    fn folds_accents_beyond_latin_1() {
        assert_eq!(folded("Łukasz Dvořák Őry ƒuck"), "Lukasz Dvorak Ory fuck");
        assert_eq!(folded("ĀāĂăĄą"), "AaAaAa");
    }

    #[test]
    fn leaves_other_scripts_and_emoji_alone() {
        for text in ["中文字", "😀🇺🇸", "مرحبا", "שלום", "ก ข", "Жизнь", "ℏ ℵ"] {
            assert_eq!(folded(text), text);
        }
        assert_eq!(folded("❤\u{FE0F}"), "❤");
    }

    #[test]
    fn table_is_sorted_and_its_ranges_do_not_overlap() {
        for pair in table::RANGES.windows(2) {
            assert!(pair[0].0 + u32::from(pair[0].1) <= pair[1].0, "{:X} overlaps {:X}", pair[0].0, pair[1].0);
        }
        for &(first, count, _) in &table::RANGES {
            for c in first..first + u32::from(count) {
                assert!(table::BLOCKS.binary_search(&((c >> 8) as u16)).is_ok(), "{c:X}'s block is listed");
                match fold_from_table(c) {
                    Some(Folded::Char(f)) => assert!(f.is_ascii(), "{c:X}"),
                    Some(Folded::Text(t)) => assert!(t.is_ascii() && (2..=3).contains(&t.len()), "{c:X}"),
                    other => panic!("{c:X}: {other:?}"),
                }
            }
        }
    }
}
