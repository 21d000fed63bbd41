//! The draft's words as the learned models read them: runs of letters and digits (an apostrophe between two
//! letters stays inside: "o'brien", "don't"), each with its shape, and the emoji between them.
//!
//! Unlike [`super::words`], which reads leetspeak for the profanity lists, these are the words as typed (in
//! the folded text, so accents and look-alikes are already plain). A learned feature names a word by its
//! lowercase form and its shape: "Henderson" is `Xx`, "ICU" `X`, "3/14" is three terms `d`, `/`-joined.

/// How a term is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// "henderson"
    Lower,
    /// "Henderson"
    Capitalized,
    /// "ICU", "RN"
    Upper,
    /// "14", "2019"
    Digits,
    /// "iPhone", "3rd", "b12", "McAllister"
    Mixed,
}

impl Shape {
    /// A short name for feature keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Lower => "x",
            Shape::Capitalized => "Xx",
            Shape::Upper => "X",
            Shape::Digits => "d",
            Shape::Mixed => "m",
        }
    }
}

/// One term: byte offsets into the folded text, and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// An emoji or other pictograph (a term of its own, shape [`Shape::Mixed`]).
    pub emoji: bool,
}

/// Cuts the folded `text` into terms, in order.
pub(crate) fn terms(text: &str) -> Vec<Term> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                let inner_apostrophe = next == '\''
                    && bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphabetic())
                    && text[..at].chars().next_back().is_some_and(char::is_alphabetic);
                if next.is_alphanumeric() || inner_apostrophe {
                    end = at + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Term { start, end, shape: shape(&text[start..end]), emoji: false });
        } else if is_pictograph(c) {
            out.push(Term { start, end: start + c.len_utf8(), shape: Shape::Mixed, emoji: true });
        }
    }
    out
}

/// Emoji and pictographs: beyond the Basic Multilingual Plane, or the BMP's symbol blocks people use as emoji
/// (hearts, stars, check marks).
fn is_pictograph(c: char) -> bool {
    let c = u32::from(c);
    c > 0xFFFF || (0x2600..=0x27BF).contains(&c) || (0x2B00..=0x2BFF).contains(&c)
}

fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return Shape::Digits;
    }
    let rest_lower = chars.clone().all(|c| !c.is_uppercase() && !c.is_numeric());
    let rest_upper = chars.clone().all(|c| !c.is_lowercase() && !c.is_numeric());
    if first.is_lowercase() && rest_lower {
        Shape::Lower
    } else if first.is_uppercase() && rest_lower && word.len() > 1 {
        Shape::Capitalized
    } else if first.is_uppercase() && rest_upper {
        Shape::Upper
    } else {
        Shape::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(&str, &str)> {
        terms(text).into_iter().map(|t| (&text[t.start..t.end], t.shape.as_str())).collect()
    }

    #[test]
    fn cuts_words_numbers_and_emoji() {
        assert_eq!(
            cut("Mrs. O'Brien in ICU rm 4B, 3/14 😢 don't"),
            vec![
                ("Mrs", "Xx"),
                ("O'Brien", "m"),
                ("in", "x"),
                ("ICU", "X"),
                ("rm", "x"),
                ("4B", "m"),
                ("3", "d"),
                ("14", "d"),
                ("😢", "m"),
                ("don't", "x")
            ]
        );
    }

    #[test]
    fn an_apostrophe_at_a_word_edge_is_not_inside() {
        assert_eq!(
            cut("'twas the nurses' lounge"),
            vec![("twas", "x"), ("the", "x"), ("nurses", "x"), ("lounge", "x")]
        );
    }

    #[test]
    fn single_capitals_are_upper() {
        assert_eq!(cut("J R"), vec![("J", "X"), ("R", "X")]);
    }
}
