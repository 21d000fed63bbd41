//! The lowest layer: text as the rules read it, knowing nothing of drafts, rules or findings.
//!
//! - [`fold`]: the folded copy of a draft every rule reads (digits, look-alikes, accents, character
//!   references), with the map back to the original;
//! - [`offsets`]: byte offsets to UTF-16 code units and back, for the report;
//! - [`lexicon`]: word and phrase lists matched as whole words (Aho-Corasick), and word edges;
//! - [`tokens`]: the draft cut into tokens, leetspeak read as letters;
//! - [`words`]: word lists matched through disguises (leetspeak, `*`, spacing, pieces, sound);
//! - [`occurs`] and [`occurrences`]: fixed phrases found in a whole draft.

pub(crate) mod fold;
pub(crate) mod lexicon;
mod offsets;
pub(crate) mod packed;
pub(crate) mod terms;
pub(crate) mod tokens;
pub(crate) mod word_facts;
pub(crate) mod words;

pub use fold::Normalized;
pub(crate) use offsets::Utf16Cursor;
pub use offsets::{byte_offsets, utf16_offsets};
pub(crate) use tokens::Fnv;

/// Whether `needle` occurs in `haystack`: for a search over a whole draft. `memmem` skips ahead to a rare byte
/// of the needle a machine word at a time; `str::contains` in wasm, without SIMD, reads every byte through its
/// two-way search, which cost a 1 MB paste a few milliseconds per phrase looked for.
pub(crate) fn occurs(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// The start of every non-overlapping occurrence of `needle` in `haystack`, leftmost first, as
/// `str::match_indices` gives them; see [`occurs`].
pub(crate) fn occurrences<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_those_of_match_indices() {
        for (haystack, needle) in
            [("aaaaa", "aa"), ("ananana banana", "anan"), ("my mom, my momentum", "my mom"), ("", "x")]
        {
            let expected: Vec<usize> = haystack.match_indices(needle).map(|(at, _)| at).collect();
            assert_eq!(occurrences(haystack, needle).collect::<Vec<_>>(), expected, "{needle} in {haystack}");
            assert_eq!(occurs(haystack, needle), !expected.is_empty());
        }
    }
}
