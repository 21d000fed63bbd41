//! Offsets between the byte offsets Rust counts and the UTF-16 code units JavaScript strings and DOM ranges
//! count: a report's `start` and `end` are UTF-16 units of the original text.

/// Converts byte offsets of `text` to UTF-16 code unit offsets, in one pass.
///
/// `offsets` may be in any order; each must lie on a character boundary (others are rounded down).
pub fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut result = vec![0; offsets.len()];
    let mut cursor = Utf16Cursor::new(text);
    for i in order {
        result[i] = cursor.units_at(offsets[i]);
    }
    result
}

/// Counts UTF-16 units from the start of a text to byte offsets asked for in increasing order, each count
/// going on from the last: a pass over the text for any number of offsets.
pub(crate) struct Utf16Cursor<'t> {
    text: &'t str,
    at: usize,
    units: usize,
}

impl<'t> Utf16Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Utf16Cursor<'t> {
        Utf16Cursor { text, at: 0, units: 0 }
    }

    /// The UTF-16 units before byte `offset` (rounded down to a character boundary); offsets asked for
    /// before the last one asked count from the start again.
    pub(crate) fn units_at(&mut self, offset: usize) -> usize {
        // Only whole characters before the offset count.
        let mut target = offset.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.at {
            (self.at, self.units) = (0, 0);
        }
        if target > self.at {
            // A character is one unit, two beyond the Basic Multilingual Plane (a 4-byte sequence): count its
            // leading bytes and the leading bytes of 4-byte sequences, a loop without branches.
            self.units += self.text.as_bytes()[self.at..target]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>();
            self.at = target;
        }
        self.units
    }
}

/// Converts UTF-16 code unit offsets of `text` to byte offsets (rounded down to a character boundary).
pub fn byte_offsets(text: &str, utf16: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..utf16.len()).collect();
    order.sort_by_key(|&i| utf16[i]);
    let mut result = vec![text.len(); utf16.len()];
    let mut units = 0;
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = utf16[i];
        while let Some(&(_, ch)) = chars.peek() {
            if units + ch.len_utf16() > target {
                break;
            }
            units += ch.len_utf16();
            chars.next();
        }
        result[i] = chars.peek().map_or(text.len(), |&(at, _)| at);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_whole_characters_before_each_offset() {
        let text = "a😀é中\u{10FFFF}z";
        // Every offset, inside characters and past the end too, in no particular order.
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        let expected: Vec<usize> = offsets
            .iter()
            .map(|&offset| {
                let mut end = offset.min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text[..end].encode_utf16().count()
            })
            .collect();
        assert_eq!(utf16_offsets(text, &offsets), expected);
    }

    #[test]
    fn utf16_round_trip_with_emoji() {
        let text = "😀 ab é";
        let bytes = [0, 4, 5, 7, 8, text.len()];
        let units = utf16_offsets(text, &bytes);
        assert_eq!(units, vec![0, 2, 3, 5, 6, 7]);
        assert_eq!(byte_offsets(text, &units), bytes.to_vec());
    }
}
