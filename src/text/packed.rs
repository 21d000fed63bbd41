//! A prebuilt hash table read straight from bytes: keys are 64-bit hashes; each key has a rank (its place
//! among the keys, 0..n) and, optionally, a `u16` value.
//!
//! The word facts ([`super::word_facts`]) and the learned models (`crate::learn`) ship tables of tens of
//! thousands of keys inside the wasm. Building a `HashMap` from them at start-up would cost the first check
//! milliseconds and megabytes; this table is laid out once, by the tool that makes the data file, and read in
//! place: a lookup probes a slot or two and compares a fingerprint. A model's weight rows are stored in rank
//! order, so the table needs no value for them at all.
//!
//! Layout (little endian): `b"PGT2"`, `u8` slot bits, `u8` fingerprint bytes (2, 3 or 4), `u16` salt (mixed
//! into every hash: the tool tries salts until no two keys of a probe chain share a fingerprint), `u8` value
//! bytes (0 or 2), three bytes of padding; then one bit per slot (set: the slot holds a key), the count of keys
//! before each block of 64 slots (`u32`), and, for the keys in slot order, their fingerprints and values.
//! Open addressing with linear probing, at most three quarters full. A fingerprint is part of the key's hash
//! that the slot index does not use: two bytes give a false hit about once in 10,000 absent keys (fine for
//! words, where a false hit is one more weak clue, and for the models' features, where it adds one feature's
//! small weights: held-out figures were the same as with three), three bytes about once in three million.

/// The table's magic bytes.
const MAGIC: &[u8; 4] = b"PGT2";
const HEADER: usize = 12;

/// A table read from its bytes; see the module doc.
#[derive(Clone, Copy)]
pub(crate) struct PackedTable<'a> {
    mask: usize,
    salt: u64,
    fingerprint_bytes: usize,
    value_bytes: usize,
    occupied: &'a [u8],
    ranks: &'a [u8],
    fingerprints: &'a [u8],
    values: &'a [u8],
}

/// A malformed table's bytes (only the tools that write the data files can cause this; tests load each file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableError(pub &'static str);

fn le(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

/// The little-endian `u64` at `bytes[at..at + 8]`: one load on the lookup path, where [`le`]'s byte loop made
/// `rank` a fifth of a native 1 MB check (`perf record`) and two thirds of that after.
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// The little-endian `u32` at `bytes[at..at + 4]`.
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

impl<'a> PackedTable<'a> {
    /// Reads a table from the start of `bytes`; returns it and the bytes after it.
    pub fn read(bytes: &'a [u8]) -> Result<(PackedTable<'a>, &'a [u8]), TableError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(TableError("not a packed table"));
        }
        let bits = usize::from(bytes[4]);
        let fingerprint_bytes = usize::from(bytes[5]);
        let value_bytes = usize::from(bytes[8]);
        if !(6..=24).contains(&bits) || !(2..=4).contains(&fingerprint_bytes) || !matches!(value_bytes, 0 | 2) {
            return Err(TableError("unsupported table shape"));
        }
        let slots = 1usize << bits;
        let occupied_end = HEADER + slots / 8;
        let ranks_end = occupied_end + slots / 64 * 4;
        let occupied = bytes.get(HEADER..occupied_end).ok_or(TableError("table cut short"))?;
        let keys = occupied.iter().map(|b| b.count_ones() as usize).sum::<usize>();
        let fingerprints_end = ranks_end + keys * fingerprint_bytes;
        let values_end = fingerprints_end + keys * value_bytes;
        if bytes.len() < values_end {
            return Err(TableError("table cut short"));
        }
        let table = PackedTable {
            mask: slots - 1,
            salt: le(&bytes[6..8]),
            fingerprint_bytes,
            value_bytes,
            occupied,
            ranks: &bytes[occupied_end..ranks_end],
            fingerprints: &bytes[ranks_end..fingerprints_end],
            values: &bytes[fingerprints_end..values_end],
        };
        Ok((table, &bytes[values_end..]))
    }

    /// How many keys the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.fingerprints.len() / self.fingerprint_bytes
    }

    /// The rank of the key whose 64-bit hash is `hash`, if the table holds it.
    pub fn rank(&self, hash: u64) -> Option<usize> {
        let (mut slot, fingerprint) = place(hash, self.salt, self.mask, self.fingerprint_bytes);
        loop {
            let word = u64_at(self.occupied, slot / 64 * 8);
            if word >> (slot % 64) & 1 == 0 {
                return None;
            }
            let before = u32_at(self.ranks, slot / 64 * 4) as usize;
            let rank = before + (word & ((1u64 << (slot % 64)) - 1)).count_ones() as usize;
            let at = rank * self.fingerprint_bytes;
            let f = &self.fingerprints[at..at + self.fingerprint_bytes];
            let stored = match *f {
                [a, b] => u32::from(u16::from_le_bytes([a, b])),
                [a, b, c] => u32::from_le_bytes([a, b, c, 0]),
                _ => u32_at(f, 0),
            };
            if stored == fingerprint {
                return Some(rank);
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// The value of the key whose 64-bit hash is `hash`, if the table holds it (a table with values).
    pub fn get(&self, hash: u64) -> Option<u16> {
        let rank = self.rank(hash)?;
        (self.value_bytes == 2).then(|| le(&self.values[rank * 2..rank * 2 + 2]) as u16)
    }
}

/// The home slot and the fingerprint of `hash`. The hash is mixed first, since FNV's low bits (the slot) are
/// its weakest; the fingerprint comes from the top bits, never 0.
fn place(hash: u64, salt: u64, mask: usize, fingerprint_bytes: usize) -> (usize, u32) {
    let hash = hash ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mixed = (hash ^ (hash >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let mixed = mixed ^ (mixed >> 32);
    let slot = (mixed as usize) & mask;
    let fingerprint = (mixed >> (64 - 8 * fingerprint_bytes)) as u32;
    (slot, fingerprint.max(1))
}

/// A table laid out for its keys, and each key's rank (in the order the keys were given).
pub(crate) struct Built {
    pub bytes: Vec<u8>,
    pub ranks: Vec<usize>,
}

/// Lays out a table for the key hashes `keys` with `values` (one per key, or none), with fingerprints of
/// `fingerprint_bytes`: the tools that write data files use this. The salts are tried in order from 0, so the
/// same keys give the same bytes.
///
/// # Errors
/// When no salt keeps apart every two keys whose probe chains meet with the same fingerprint (the same key
/// given twice, say), or when there are more keys than a table can hold.
pub(crate) fn build_table(keys: &[u64], values: Option<&[u16]>, fingerprint_bytes: usize) -> Result<Built, TableError> {
    let bits = (keys.len().max(1) * 4 / 3).next_power_of_two().trailing_zeros().max(6) as usize;
    if bits > 24 {
        return Err(TableError("too many keys for one table"));
    }
    let slots = 1usize << bits;
    let mask = slots - 1;
    'salts: for salt in 0..=u16::MAX {
        // The key (by its place in `keys`) each slot holds.
        let mut holder: Vec<Option<(u32, usize)>> = vec![None; slots];
        for (i, &hash) in keys.iter().enumerate() {
            let (mut slot, fingerprint) = place(hash, u64::from(salt), mask, fingerprint_bytes);
            loop {
                match holder[slot] {
                    None => {
                        holder[slot] = Some((fingerprint, i));
                        break;
                    }
                    Some((f, _)) if f == fingerprint => continue 'salts,
                    Some(_) => slot = (slot + 1) & mask,
                }
            }
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[bits as u8, fingerprint_bytes as u8]);
        out.extend_from_slice(&salt.to_le_bytes());
        out.extend_from_slice(&[if values.is_some() { 2 } else { 0 }, 0, 0, 0]);
        for block in holder.chunks(8) {
            out.push(block.iter().enumerate().fold(0u8, |b, (j, h)| b | (u8::from(h.is_some()) << j)));
        }
        let mut before = 0u32;
        for block in holder.chunks(64) {
            out.extend_from_slice(&before.to_le_bytes());
            before += block.iter().filter(|h| h.is_some()).count() as u32;
        }
        let mut ranks = vec![0; keys.len()];
        for (rank, &(fingerprint, i)) in holder.iter().flatten().enumerate() {
            ranks[i] = rank;
            out.extend_from_slice(&fingerprint.to_le_bytes()[..fingerprint_bytes]);
        }
        if let Some(values) = values {
            for &(_, i) in holder.iter().flatten() {
                out.extend_from_slice(&values[i].to_le_bytes());
            }
        }
        return Ok(Built { bytes: out, ranks });
    }
    Err(TableError("no salt keeps every key apart"))
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
    fn finds_every_key_at_its_rank_and_no_other() {
        for fingerprint_bytes in [2, 3, 4] {
            let keys: Vec<u64> = (0..5000u32).map(|i| hash_bytes(format!("word{i}").as_bytes())).collect();
            let values: Vec<u16> = (0..5000u16).map(|i| i.wrapping_mul(7)).collect();
            let built = build_table(&keys, Some(&values), fingerprint_bytes).unwrap();
            let (table, rest) = PackedTable::read(&built.bytes).unwrap();
            assert!(rest.is_empty());
            for (i, &key) in keys.iter().enumerate() {
                assert_eq!(table.rank(key), Some(built.ranks[i]));
                assert_eq!(table.get(key), Some(values[i]));
            }
            let mut ranks = built.ranks.clone();
            ranks.sort_unstable();
            assert_eq!(ranks, (0..5000).collect::<Vec<_>>(), "ranks are 0..n, each once");
            let false_hits = (0..20000u32).filter(|i| table.rank(hash_bytes(format!("other{i}").as_bytes())).is_some());
            // Two-byte fingerprints: a few probes of 1/65,535 each, so a handful in 20,000.
            assert!(false_hits.count() <= if fingerprint_bytes == 2 { 20 } else { 0 });
        }
    }

    #[test]
    fn a_table_without_values_still_ranks() {
        let keys: Vec<u64> = (0..100u32).map(|i| hash_bytes(&i.to_le_bytes())).collect();
        let built = build_table(&keys, None, 3).unwrap();
        let (table, _) = PackedTable::read(&built.bytes).unwrap();
        assert_eq!(table.rank(keys[7]), Some(built.ranks[7]));
        assert_eq!(table.get(keys[7]), None);
    }

    #[test]
    fn rejects_bytes_that_are_not_a_table() {
        assert!(PackedTable::read(b"PGT2").is_err());
        assert!(PackedTable::read(b"nope and more bytes").is_err());
        let built = build_table(&[1, 2, 3], Some(&[1, 2, 3]), 2).unwrap();
        assert!(PackedTable::read(&built.bytes[..built.bytes.len() - 1]).is_err());
    }

    #[test]
    fn the_same_key_twice_cannot_be_laid_out() {
        assert!(build_table(&[5, 5], None, 3).is_err());
    }
}
