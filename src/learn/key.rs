//! Feature keys: a namespace and the parts that name a feature, hashed as they are added, with no string built.
//!
//! `Key::new(b"w").str("seizure")` is the key of the word feature "seizure"; `Key::new(b"wc").str("bed")
//! .num(3)` of a word with a number. Keys are FNV-1a over the namespace and each part with a separator byte
//! between, so "ab"+"c" and "a"+"bc" differ.

use crate::text::packed::hash_bytes;

/// A feature's key, built part by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub u64);

const PRIME: u64 = 0x0100_0000_01b3;

impl Key {
    /// The key of namespace `space` alone.
    pub const fn new(space: &[u8]) -> Key {
        Key(hash_bytes(space))
    }

    /// Adds a part.
    #[must_use]
    pub fn bytes(self, part: &[u8]) -> Key {
        let mut hash = (self.0 ^ 0x1f).wrapping_mul(PRIME);
        for &b in part {
            hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
        }
        Key(hash)
    }

    /// Adds a text part.
    #[must_use]
    pub fn str(self, part: &str) -> Key {
        self.bytes(part.as_bytes())
    }

    /// Adds a number part.
    #[must_use]
    pub fn num(self, part: u64) -> Key {
        self.bytes(&part.to_le_bytes())
    }

    /// Adds another key as a part (a conjunction of two features).
    #[must_use]
    pub fn with(self, other: Key) -> Key {
        self.num(other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_kept_apart() {
        let w = Key::new(b"w");
        assert_ne!(w.str("ab").str("c"), w.str("a").str("bc"));
        assert_ne!(w.str("bed"), Key::new(b"x").str("bed"));
        assert_eq!(w.str("bed").num(3), w.str("bed").num(3));
        assert_ne!(w.str("bed").num(3), w.str("bed").num(4));
    }
}
