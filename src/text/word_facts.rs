//! What public data says of a word: whether people are given it as a first name or carry it as a surname, and
//! how often; whether a US town, county or neighbourhood is called that, and how big it is, or a country, a
//! continent or a big city elsewhere; which class of words it falls in (a cluster of GloVe vectors: insults,
//! occupations, first names, death words...); how common it is; its VADER valence and its profanity weight.
//!
//! The facts come from `src/data/words.bin`, built by `postguard-train words` from the public lists of
//! `tools/data/` (their sources, versions and licences are in `src/data/words.md`). A fact is weighted
//! evidence, never a finding on its own: thousands of names and towns are ordinary words too ("will", "hope",
//! "mercy", "bath").
//!
//! ```text
//! "kowalczyk" -> surname (band 5), people-name list
//! "tompkinsville" -> place (population band 2)
//! "idiot" -> cluster 266, common-word band 12, VADER -1.8, profanity band 6
//! ```
//!
//! A word is looked up in its folded lowercase form, words of a multi-word name joined by one space
//! ("grand rapids"). The first word of such a name has [`Facts::starts_phrase`].

use super::packed::{hash_bytes, PackedTable, TableError};
use std::sync::LazyLock;

/// The packed facts: a [`PackedTable`] from word to a palette index, then the palette of distinct facts.
static WORDS_BIN: &[u8] = include_bytes!("../data/words.bin");

/// The table of every listed word, read in place on first use.
pub(crate) static WORD_FACTS: LazyLock<WordFacts> =
    LazyLock::new(|| WordFacts::read(WORDS_BIN).expect("src/data/words.bin is a word-facts file"));

/// The facts of one word, packed in a `u64` (the layout is [`Facts::pack`]'s).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Facts(u64);

/// Fields of [`Facts`]: (lowest bit, width).
mod field {
    pub const CLUSTER: (u32, u32) = (0, 10);
    pub const COMMON: (u32, u32) = (10, 4);
    pub const GIVEN: (u32, u32) = (14, 4);
    pub const GIVEN_FEMALE: (u32, u32) = (18, 1);
    pub const PEOPLE_NAME: (u32, u32) = (19, 1);
    pub const SURNAME: (u32, u32) = (20, 4);
    pub const PLACE: (u32, u32) = (24, 4);
    pub const COUNTY: (u32, u32) = (28, 1);
    pub const STATE: (u32, u32) = (29, 1);
    pub const NEIGHBOURHOOD: (u32, u32) = (30, 1);
    pub const STARTS_PHRASE: (u32, u32) = (31, 1);
    pub const VALENCE: (u32, u32) = (32, 5);
    pub const PROFANITY: (u32, u32) = (37, 4);
    pub const WORLD: (u32, u32) = (41, 1);
}

/// The facts of a word, unpacked (what the data tool fills in; every band 0 means "not listed").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactFields {
    /// GloVe cluster + 1 (1..=1023), 0 when the word is not among the clustered words.
    pub cluster: u16,
    /// Common-word band: the bit length of the word's frequency rank (1 for the most common words, 15 for
    /// ranks near 30,000), 0 when not ranked.
    pub common: u8,
    /// Given-name band (1..=15, higher for more babies given the name), 0 when not a listed given name.
    pub given: u8,
    /// More girls than boys were given the name.
    pub given_female: bool,
    /// In the multicultural people-name list.
    pub people_name: bool,
    /// Surname band (15 for the most common surnames), 0 when not listed.
    pub surname: u8,
    /// US place band (higher for bigger places), 0 when no town or city is called that.
    pub place: u8,
    /// A US county or parish is called that.
    pub county: bool,
    /// A US state is called that.
    pub state: bool,
    /// A neighbourhood (GeoNames section of a populated place) is called that.
    pub neighbourhood: bool,
    /// The word starts a listed multi-word name ("grand" of "grand rapids").
    pub starts_phrase: bool,
    /// VADER valence in half steps + 9 (1 = -4.0 ... 17 = +4.0), 0 when not in the lexicon.
    pub valence: u8,
    /// Profanity band (1..=15, higher for words that push a text toward offensive), 0 for none.
    pub profanity: u8,
    /// A country, a continent or a city of 100,000 people or more outside the US is called that.
    pub world: bool,
}

impl Facts {
    fn get(self, (low, width): (u32, u32)) -> u64 {
        (self.0 >> low) & ((1 << width) - 1)
    }

    /// The fields.
    pub fn fields(self) -> FactFields {
        use field::*;
        FactFields {
            cluster: self.get(CLUSTER) as u16,
            common: self.get(COMMON) as u8,
            given: self.get(GIVEN) as u8,
            given_female: self.get(GIVEN_FEMALE) == 1,
            people_name: self.get(PEOPLE_NAME) == 1,
            surname: self.get(SURNAME) as u8,
            place: self.get(PLACE) as u8,
            county: self.get(COUNTY) == 1,
            state: self.get(STATE) == 1,
            neighbourhood: self.get(NEIGHBOURHOOD) == 1,
            starts_phrase: self.get(STARTS_PHRASE) == 1,
            valence: self.get(VALENCE) as u8,
            profanity: self.get(PROFANITY) as u8,
            world: self.get(WORLD) == 1,
        }
    }

    /// Packs `fields`, each cut to its width.
    pub fn pack(fields: &FactFields) -> Facts {
        use field::*;
        let mut bits = 0u64;
        let mut put = |(low, width): (u32, u32), value: u64| bits |= value.min((1 << width) - 1) << low;
        put(CLUSTER, fields.cluster.into());
        put(COMMON, fields.common.into());
        put(GIVEN, fields.given.into());
        put(GIVEN_FEMALE, fields.given_female.into());
        put(PEOPLE_NAME, fields.people_name.into());
        put(SURNAME, fields.surname.into());
        put(PLACE, fields.place.into());
        put(COUNTY, fields.county.into());
        put(STATE, fields.state.into());
        put(NEIGHBOURHOOD, fields.neighbourhood.into());
        put(STARTS_PHRASE, fields.starts_phrase.into());
        put(VALENCE, fields.valence.into());
        put(PROFANITY, fields.profanity.into());
        put(WORLD, fields.world.into());
        Facts(bits)
    }

    /// True when nothing is known of the word.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The GloVe cluster (0..1023), if the word is clustered.
    pub fn cluster(self) -> Option<u16> {
        (self.get(field::CLUSTER) as u16).checked_sub(1)
    }

    /// True when a given name or a surname.
    pub fn is_name(self) -> bool {
        self.get(field::GIVEN) > 0 || self.get(field::SURNAME) > 0 || self.get(field::PEOPLE_NAME) > 0
    }

    /// True when a town, county, neighbourhood, state, country, continent or world city is called that.
    pub fn is_place(self) -> bool {
        self.get(field::PLACE) > 0
            || self.get(field::COUNTY) > 0
            || self.get(field::STATE) > 0
            || self.get(field::NEIGHBOURHOOD) > 0
            || self.get(field::WORLD) > 0
    }

    /// True when the word starts a listed multi-word name.
    pub fn starts_phrase(self) -> bool {
        self.get(field::STARTS_PHRASE) == 1
    }
}

/// The word-facts table; see the module doc.
pub(crate) struct WordFacts {
    table: PackedTable<'static>,
    palette: &'static [u8],
}

impl WordFacts {
    /// Reads a word-facts file: a packed table, then `u32` palette length and the palette's `u64`s.
    pub fn read(bytes: &'static [u8]) -> Result<WordFacts, TableError> {
        let (table, rest) = PackedTable::read(bytes)?;
        let count = rest.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        let palette = count.and_then(|n| rest.get(4..4 + n * 8)).ok_or(TableError("palette cut short"))?;
        Ok(WordFacts { table, palette })
    }

    /// How many words and phrases the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// The facts of `word` (folded, lowercase; words of a phrase joined by one space).
    pub fn get(&self, word: &str) -> Facts {
        self.get_hash(hash_bytes(word.as_bytes()))
    }

    /// The facts of the word whose [`hash_bytes`] is `hash`.
    pub fn get_hash(&self, hash: u64) -> Facts {
        let Some(index) = self.table.get(hash) else { return Facts::default() };
        let at = usize::from(index) * 8;
        self.palette
            .get(at..at + 8)
            .map_or(Facts::default(), |b| Facts(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])))
    }
}

/// Writes a word-facts file for `words` (the data tool's half of [`WordFacts::read`]).
///
/// # Errors
/// When the table cannot hold the words, or more than 65,536 distinct facts occur.
pub fn write_word_facts(words: &[(String, FactFields)]) -> Result<Vec<u8>, String> {
    // The palette is ordered by how many words share each fact, most first (ties by value), so the indexes are
    // mostly small numbers and the file compresses better.
    let mut uses: std::collections::BTreeMap<u64, usize> = std::collections::BTreeMap::new();
    for (_, f) in words {
        *uses.entry(Facts::pack(f).0).or_default() += 1;
    }
    let mut palette: Vec<(usize, u64)> = uses.into_iter().map(|(bits, n)| (n, bits)).collect();
    palette.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if palette.len() > usize::from(u16::MAX) + 1 {
        return Err(format!("{} distinct facts, more than a u16 palette index holds", palette.len()));
    }
    let index: std::collections::HashMap<u64, u16> =
        palette.iter().enumerate().map(|(i, &(_, bits))| (bits, i as u16)).collect();
    let palette: Vec<u64> = palette.into_iter().map(|(_, bits)| bits).collect();
    let keys: Vec<u64> = words.iter().map(|(word, _)| hash_bytes(word.as_bytes())).collect();
    let values: Vec<u16> = words.iter().map(|(_, f)| index[&Facts::pack(f).0]).collect();
    let mut out = super::packed::build_table(&keys, Some(&values), 2).map_err(|e| e.0.to_string())?.bytes;
    out.extend_from_slice(&(palette.len() as u32).to_le_bytes());
    for p in palette {
        out.extend_from_slice(&p.to_le_bytes());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_table_reads_back_each_words_facts() {
        let surname = FactFields { surname: 9, people_name: true, ..FactFields::default() };
        let town = FactFields { place: 3, county: true, starts_phrase: true, ..FactFields::default() };
        let country = FactFields { world: true, cluster: 40, ..FactFields::default() };
        let insult = FactFields { cluster: 267, common: 12, valence: 5, profanity: 6, ..FactFields::default() };
        let words = vec![
            ("nowakowski".to_string(), surname),
            ("pine".to_string(), town),
            ("pine bluff".to_string(), FactFields { place: 6, ..FactFields::default() }),
            ("dimwit".to_string(), insult),
            ("finland".to_string(), country),
        ];
        let bytes: &'static [u8] = Box::leak(write_word_facts(&words).unwrap().into_boxed_slice());
        let table = WordFacts::read(bytes).unwrap();
        assert_eq!(table.get("nowakowski").fields(), surname);
        assert!(table.get("nowakowski").is_name() && !table.get("nowakowski").is_place());
        assert_eq!(table.get("pine").fields(), town);
        assert!(table.get("pine").starts_phrase() && table.get("pine bluff").is_place());
        assert_eq!(table.get("dimwit").cluster(), Some(266));
        assert_eq!(table.get("dimwit").fields(), insult);
        assert_eq!(table.get("finland").fields(), country);
        assert!(table.get("finland").is_place() && !table.get("finland").is_name());
        assert!(table.get("tuesday").is_empty());
        assert!(WordFacts::read(&bytes[..bytes.len() - 3]).is_err(), "a cut palette is refused");
    }

    #[test]
    fn the_shipped_table_holds_the_public_lists() {
        // One word of each source (src/data/words.md): a surname, a small town, a multi-word place, a given name,
        // a common word with its cluster and valence, an offensive word; and a made-up word has nothing.
        assert!(WORD_FACTS.get("kowalczyk").fields().surname > 0);
        assert!(WORD_FACTS.get("tompkinsville").fields().place > 0);
        assert!(WORD_FACTS.get("finland").fields().world && WORD_FACTS.get("leeds").is_place());
        assert!(!WORD_FACTS.get("tompkinsville").fields().world, "a US town is no world place");
        assert!(WORD_FACTS.get("grand").starts_phrase() && WORD_FACTS.get("grand rapids").is_place());
        assert!(WORD_FACTS.get("shanice").fields().given > 0 && WORD_FACTS.get("shanice").fields().given_female);
        let happy = WORD_FACTS.get("happy").fields();
        assert!(happy.cluster > 0 && happy.common > 0 && happy.valence > 9);
        assert!(WORD_FACTS.get("idiot").fields().profanity > 0);
        assert!(WORD_FACTS.get("zqxvbnmw").is_empty());
        // The count src/data/words.md documents.
        assert_eq!(WORD_FACTS.len(), 97_430);
        assert!(include_str!("../data/words.md").contains("97,430 keys in all"));
    }
}
