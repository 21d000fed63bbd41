//! `postguard-train words`: packs the public word lists of `tools/data/` into `src/data/words.bin`.
//!
//! Reads the TSV files `tools/data/fetch.sh` writes (default `target/data/`), turns each list into the bands of
//! [`FactFields`] and writes the word-facts table. The bands (see `src/data/words.md`):
//! - given name: the bit length of the name's SSA count over 1880-2022, less 6 (names given 500 times or more);
//! - surname: 16 less the bit length of its 1990 Census rank (the 25,000 most common);
//! - place: the bit length of the population, less 8 (GeoNames cities500: every US place of 500 or more);
//! - world: a flag for the countries, continents and cities of 100,000 or more outside the US (`world.tsv`);
//! - common word: the bit length of the GloVe frequency rank (the 30,000 most frequent words), with its cluster;
//! - VADER valence in half steps; profanity: the alt-profanity-check weight, halved (weights of 1 or more).

use postguard::training::{write_word_facts, FactFields};
use std::collections::BTreeMap;
use std::path::Path;

/// Given names given to fewer babies than this in 143 years are left out: mostly one-family spellings that are
/// also typos of ordinary words.
const MIN_GIVEN: u64 = 500;
/// Surnames beyond this rank are left out (the 25,000 most common cover nearly nine in ten people).
const MAX_SURNAME_RANK: u64 = 25_000;

fn bit_length(n: u64) -> u8 {
    (64 - n.leading_zeros()) as u8
}

fn band(value: i64) -> u8 {
    value.clamp(1, 15) as u8
}

/// Rows of a TSV file with a header line, each as its columns.
fn rows(dir: &Path, file: &str) -> Result<Vec<Vec<String>>, String> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text.lines().skip(1).map(|l| l.split('\t').map(str::to_string).collect()).collect())
}

fn number(field: &str, file: &str) -> Result<u64, String> {
    field.parse::<f64>().map(|v| v as u64).map_err(|_| format!("{file}: not a number: {field:?}"))
}

/// Counts of what was packed, for the README.
#[derive(Default, Debug)]
pub struct Counts {
    pub given: usize,
    pub people: usize,
    pub surnames: usize,
    pub places: usize,
    pub counties: usize,
    pub states: usize,
    pub world: usize,
    pub clustered: usize,
    pub valence: usize,
    pub profanity: usize,
    pub phrases: usize,
    pub words: usize,
}

/// Reads the lists in `dir` and returns the word-facts file's bytes and what went into it.
pub fn pack(dir: &Path) -> Result<(Vec<u8>, Counts), String> {
    let mut words: BTreeMap<String, FactFields> = BTreeMap::new();
    let mut counts = Counts::default();
    for r in rows(dir, "given_names.tsv")? {
        let total = number(&r[1], "given_names.tsv")?;
        if total < MIN_GIVEN {
            continue;
        }
        let f = words.entry(r[0].clone()).or_default();
        f.given = band(i64::from(bit_length(total)) - 6);
        f.given_female = number(&r[2], "given_names.tsv")? > number(&r[3], "given_names.tsv")?;
        counts.given += 1;
    }
    for r in rows(dir, "people_names.tsv")? {
        words.entry(r[0].clone()).or_default().people_name = true;
        counts.people += 1;
    }
    for r in rows(dir, "surnames.tsv")? {
        let rank = number(&r[2], "surnames.tsv")?;
        if rank > MAX_SURNAME_RANK {
            continue;
        }
        words.entry(r[0].clone()).or_default().surname = band(16 - i64::from(bit_length(rank)));
        counts.surnames += 1;
    }
    for r in rows(dir, "places.tsv")? {
        let population = number(&r[2], "places.tsv")?;
        let f = words.entry(r[0].clone()).or_default();
        f.place = f.place.max(band(i64::from(bit_length(population)) - 8));
        f.neighbourhood |= r[3] == "PPLX";
        counts.places += 1;
    }
    for r in rows(dir, "counties.tsv")? {
        words.entry(r[0].clone()).or_default().county = true;
        counts.counties += 1;
    }
    for r in rows(dir, "states.tsv")? {
        words.entry(r[0].clone()).or_default().state = true;
        counts.states += 1;
    }
    for r in rows(dir, "world.tsv")? {
        words.entry(r[0].clone()).or_default().world = true;
        counts.world += 1;
    }
    let ranks: BTreeMap<String, u64> = rows(dir, "glove_rank.tsv")?
        .into_iter()
        .map(|r| Ok((r[0].clone(), number(&r[1], "glove_rank.tsv")?)))
        .collect::<Result<_, String>>()?;
    for r in rows(dir, "clusters.tsv")? {
        let cluster = number(&r[1], "clusters.tsv")?;
        let f = words.entry(r[0].clone()).or_default();
        f.cluster = cluster as u16 + 1;
        f.common = ranks.get(&r[0]).map_or(0, |&rank| bit_length(rank).min(15));
        counts.clustered += 1;
    }
    for r in rows(dir, "vader.tsv")? {
        let valence: f64 = r[1].parse().map_err(|_| format!("vader.tsv: not a number: {:?}", r[1]))?;
        words.entry(r[0].clone()).or_default().valence = ((valence * 2.0).round() as i64 + 9).clamp(1, 17) as u8;
        counts.valence += 1;
    }
    for r in rows(dir, "profanity_weights.tsv")? {
        let weight: f64 = r[1].parse().map_err(|_| format!("profanity_weights.tsv: not a number: {:?}", r[1]))?;
        if weight >= 1.0 {
            words.entry(r[0].clone()).or_default().profanity = band((weight / 2.0).round() as i64);
            counts.profanity += 1;
        }
    }
    // The first word of every listed phrase ("grand" of "grand rapids") says so, so a lookup of a longer name
    // is tried only there.
    let firsts: Vec<String> =
        words.keys().filter_map(|w| w.split_once(' ').map(|(first, _)| first.to_string())).collect();
    counts.phrases = words.keys().filter(|w| w.contains(' ')).count();
    for first in firsts {
        words.entry(first).or_default().starts_phrase = true;
    }
    counts.words = words.len();
    let list: Vec<(String, FactFields)> = words.into_iter().collect();
    Ok((write_word_facts(&list)?, counts))
}
