//! A prebuilt hash table read straight from bytes: keys are 64-bit hashes, values are `u16`s.
//!
//! The word facts ([`super::word_facts`]) and the learned models (`crate::learn`) ship tables of tens of
//! thousands of keys inside the wasm. Building a `HashMap` from them at start-up would cost the first check a
//! few milliseconds and a few megabytes; this table is laid out once, by the tool that makes the data file, and
//! read in place: a lookup hashes nothing more, probes a slot or two and compares a fingerprint.
//!
//! Layout (little endian): `b"PGT1"`, `u8` slot bits, `u8` fingerprint bytes (2 or 4), `u16` salt (mixed into
//! every hash: the tool tries salts until no two keys of a probe chain share a fingerprint), then `2^bits` fingerprints (0 marks an empty slot) and `2^bits` `u16` values. Open addressing with linear
//! probing, at most three quarters full, so a key not in the table is told after a few probes. A fingerprint is part
//! of the key's hash that the slot index does not use: two bytes give a false hit about once in 8,000 absent
//! keys (fine for words, where a false hit is one more weak clue), four about once in two billion (for model
//! features, looked up by the hundred per draft).

/// The table's magic bytes.
const MAGIC: &[u8; 4] = b"PGT1";
const HEADER: usize = 8;

/// A table read from its bytes; see the module doc.
#[derive(Clone, Copy)]
pub(crate) struct PackedTable<'a> {
    mask: usize,
    salt: u64,
    fingerprint_bytes: usize,
    fingerprints: &'a [u8],
    values: &'a [u8],
}

/// A malformed table's bytes (only the tools that write the data files can cause this; tests load each file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableError(pub &'static str);

impl<'a> PackedTable<'a> {
    /// Reads a table from the start of `bytes`; returns it and the bytes after it.
    pub fn read(bytes: &'a [u8]) -> Result<(PackedTable<'a>, &'a [u8]), TableError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(TableError("not a packed table"));
        }
        let bits = usize::from(bytes[4]);
        let fingerprint_bytes = usize::from(bytes[5]);
        if bits > 24 || !matches!(fingerprint_bytes, 2 | 4) {
            return Err(TableError("unsupported table shape"));
        }
        let slots = 1usize << bits;
        let fingerprints_end = HEADER + slots * fingerprint_bytes;
        let values_end = fingerprints_end + slots * 2;
        if bytes.len() < values_end {
            return Err(TableError("table cut short"));
        }
        let table = PackedTable {
            mask: slots - 1,
            salt: u64::from(u16::from_le_bytes([bytes[6], bytes[7]])),
            fingerprint_bytes,
            fingerprints: &bytes[HEADER..fingerprints_end],
            values: &bytes[fingerprints_end..values_end],
        };
        Ok((table, &bytes[values_end..]))
    }

    /// The value of the key whose 64-bit hash is `hash`, if the table holds it.
    pub fn get(&self, hash: u64) -> Option<u16> {
        let (mut slot, fingerprint) = place(hash, self.salt, self.mask, self.fingerprint_bytes);
        loop {
            let found = self.fingerprint_at(slot);
            if found == 0 {
                return None;
            }
            if found == fingerprint {
                let at = slot * 2;
                return Some(u16::from_le_bytes([self.values[at], self.values[at + 1]]));
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// How many slots hold a key.
    pub fn len(&self) -> usize {
        (0..=self.mask).filter(|&slot| self.fingerprint_at(slot) != 0).count()
    }

    fn fingerprint_at(&self, slot: usize) -> u32 {
        let f = &self.fingerprints;
        if self.fingerprint_bytes == 2 {
            u32::from(u16::from_le_bytes([f[slot * 2], f[slot * 2 + 1]]))
        } else {
            let at = slot * 4;
            u32::from_le_bytes([f[at], f[at + 1], f[at + 2], f[at + 3]])
        }
    }
}

/// The home slot and the fingerprint of `hash`. The hash is mixed first, since FNV's low bits (the slot) are
/// its weakest; the fingerprint comes from the top bits, never 0.
fn place(hash: u64, salt: u64, mask: usize, fingerprint_bytes: usize) -> (usize, u32) {
    let hash = hash ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mixed = (hash ^ (hash >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let mixed = mixed ^ (mixed >> 32);
    let slot = (mixed as usize) & mask;
    let fingerprint = if fingerprint_bytes == 2 { (mixed >> 48) as u32 & 0xffff } else { (mixed >> 32) as u32 };
    (slot, fingerprint.max(1))
}

/// Lays out a table for `entries` (hash, value): the tools that write data files use this.
///
/// The salts are tried in order from 0, so the same entries give the same bytes.
///
/// # Errors
/// When no salt keeps apart every two keys whose probe chains meet with the same fingerprint (the same key
/// given twice, say), or when there are more keys than a table can hold.
pub(crate) fn build_table(entries: &[(u64, u16)], fingerprint_bytes: usize) -> Result<Vec<u8>, TableError> {
    // At most three quarters full: a missing key is told after about eight probes, each a two-byte compare.
    let bits = (entries.len().max(1) * 4 / 3).next_power_of_two().trailing_zeros() as usize;
    if bits > 24 {
        return Err(TableError("too many keys for one table"));
    }
    let slots = 1usize << bits;
    let mask = slots - 1;
    'salts: for salt in 0..=u16::MAX {
        let mut fingerprints = vec![0u32; slots];
        let mut values = vec![0u16; slots];
        for &(hash, value) in entries {
            let (mut slot, fingerprint) = place(hash, u64::from(salt), mask, fingerprint_bytes);
            loop {
                if fingerprints[slot] == 0 {
                    fingerprints[slot] = fingerprint;
                    values[slot] = value;
                    break;
                }
                if fingerprints[slot] == fingerprint {
                    continue 'salts;
                }
                slot = (slot + 1) & mask;
            }
        }
        return Ok(layout(bits, fingerprint_bytes, salt, &fingerprints, &values));
    }
    Err(TableError("no salt keeps every key apart"))
}

fn layout(bits: usize, fingerprint_bytes: usize, salt: u16, fingerprints: &[u32], values: &[u16]) -> Vec<u8> {
    let slots = fingerprints.len();
    let mut out = Vec::with_capacity(HEADER + slots * (fingerprint_bytes + 2));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[bits as u8, fingerprint_bytes as u8]);
    out.extend_from_slice(&salt.to_le_bytes());
    for f in fingerprints {
        if fingerprint_bytes == 2 {
            out.extend_from_slice(&(*f as u16).to_le_bytes());
        } else {
            out.extend_from_slice(&f.to_le_bytes());
        }
    }
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// FNV-1a over `bytes`: the hash every packed key is made with.
pub(crate) const fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        for fingerprint_bytes in [2, 4] {
            let entries: Vec<(u64, u16)> =
                (0..5000u32).map(|i| (hash_bytes(format!("word{i}").as_bytes()), (i % 60000) as u16)).collect();
            let bytes = build_table(&entries, fingerprint_bytes).unwrap();
            let (table, rest) = PackedTable::read(&bytes).unwrap();
            assert!(rest.is_empty());
            assert_eq!(table.len(), 5000);
            for &(hash, value) in &entries {
                assert_eq!(table.get(hash), Some(value));
            }
            let false_hits = (0..20000u32).filter(|i| table.get(hash_bytes(format!("other{i}").as_bytes())).is_some());
            // Two-byte fingerprints: a few probes of 1/65,535 each, so a handful in 20,000.
            assert!(false_hits.count() <= if fingerprint_bytes == 2 { 20 } else { 0 });
        }
    }

    #[test]
    fn rejects_bytes_that_are_not_a_table() {
        assert!(PackedTable::read(b"PGT1").is_err());
        assert!(PackedTable::read(b"nope and more bytes").is_err());
        let bytes = build_table(&[(1, 2)], 2).unwrap();
        assert!(PackedTable::read(&bytes[..bytes.len() - 1]).is_err());
    }
}
