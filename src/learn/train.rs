//! Training: logistic regression per output with AdaGrad, deterministic, and the model file it writes.
//!
//! Same examples in the same order and the same [`Settings`] give the same bytes: the vocabulary is sorted by
//! key, examples are visited in an order shuffled by a fixed-seed generator, and every sum runs in one thread in
//! one order. Only `postguard-train` calls this; the checker reads what it wrote ([`super::LinearModel`]).

use super::Key;
use crate::text::packed::build_table;
use std::borrow::Borrow;
use std::collections::HashMap;

/// One labeled example: its features and, for each output, whether it is a positive.
#[derive(Debug, Clone)]
pub struct Example {
    /// Feature keys with their values (1.0 for a present feature).
    pub features: Vec<(Key, f32)>,
    /// One label per output.
    pub labels: Vec<bool>,
    /// Outputs this example says nothing about (empty: none), e.g. a capitalized word the labels neither mark
    /// nor rule out as a name.
    pub ignore: Vec<bool>,
    /// How much the example counts (1.0 normally).
    pub weight: f32,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the examples.
    pub epochs: usize,
    /// AdaGrad's base learning rate.
    pub rate: f32,
    /// L2 penalty, applied to the weights of the features an example has.
    pub l2: f32,
    /// L1 penalty: after each step a weight moves this much (scaled like the step) toward 0 and stops there, so
    /// features that do not earn their place end at exactly 0 and leave the model file.
    pub l1: f32,
    /// A feature is kept when at least this many examples have it.
    pub min_count: usize,
    /// Quantized weights of this magnitude or less are left out of the file ([`write_model_pruned`]).
    pub prune: i8,
    /// Bytes of each key's fingerprint in the file's table (2 or 3): two give a false hit about once in 10,000
    /// absent features and a file a quarter smaller for a one-output model; three, about once in three million
    /// (`crate::text::packed`).
    pub fingerprint: u8,
    /// Positives weigh `(negatives / positives) ^ balance` (0 = as they come, 1 = as many as the negatives).
    pub balance: f32,
    /// Seed of the order examples are visited in.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            epochs: 12,
            rate: 0.1,
            l2: 1e-4,
            l1: 0.0,
            min_count: 2,
            prune: 0,
            fingerprint: 3,
            balance: 0.5,
            seed: 0x5eed,
        }
    }
}

/// A trained model in full precision: what [`write_model`] quantizes.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The outputs' names.
    pub names: Vec<String>,
    /// The feature of each row.
    pub keys: Vec<Key>,
    /// `rows × outputs` weights, row by row.
    pub weights: Vec<f32>,
    /// One bias per output.
    pub biases: Vec<f32>,
}

#[cfg(test)]
impl Trained {
    /// The scores (log-odds) of `features` for every output, in full precision.
    pub fn scores(&self, features: &[(Key, f32)]) -> Vec<f32> {
        let index: HashMap<Key, usize> = self.keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let outputs = self.names.len();
        let mut out = self.biases.clone();
        for (key, value) in features {
            if let Some(&row) = index.get(key) {
                for (o, acc) in out.iter_mut().enumerate() {
                    *acc += self.weights[row * outputs + o] * value;
                }
            }
        }
        out
    }
}

/// Trains one logistic regression per output over `examples` (each with one label per name in `names`; owned
/// or borrowed, so a caller can train on a selection of examples it keeps without copying them).
pub fn train_outputs<E: Borrow<Example>>(names: &[String], examples: &[E], settings: &Settings) -> Trained {
    let keys = vocabulary(examples, settings.min_count);
    let index: HashMap<Key, u32> = keys.iter().enumerate().map(|(i, k)| (*k, i as u32)).collect();
    let rows: Vec<Vec<(u32, f32)>> = examples
        .iter()
        .map(|e| {
            let mut row: Vec<(u32, f32)> =
                e.borrow().features.iter().filter_map(|(k, v)| index.get(k).map(|&i| (i, *v))).collect();
            row.sort_unstable_by_key(|&(i, _)| i);
            row
        })
        .collect();
    let example_weights: Vec<f32> = examples.iter().map(|e| e.borrow().weight).collect();
    let outputs = names.len();
    let mut weights = vec![0f32; keys.len() * outputs];
    let mut biases = vec![0f32; outputs];
    for output in 0..outputs {
        let labels: Vec<Option<bool>> = examples
            .iter()
            .map(|e| {
                let e = e.borrow();
                (!e.ignore.get(output).copied().unwrap_or(false)).then_some(e.labels[output])
            })
            .collect();
        let (w, b) = train_one(&rows, &labels, &example_weights, keys.len(), settings, output as u64);
        for (row, value) in w.into_iter().enumerate() {
            weights[row * outputs + output] = value;
        }
        biases[output] = b;
    }
    Trained { names: names.to_vec(), keys, weights, biases }
}

/// The keys at least `min_count` examples have, sorted.
fn vocabulary<E: Borrow<Example>>(examples: &[E], min_count: usize) -> Vec<Key> {
    let mut counts: HashMap<Key, usize> = HashMap::new();
    for e in examples {
        let mut seen: Vec<Key> = e.borrow().features.iter().map(|(k, _)| *k).collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut keys: Vec<Key> = counts.into_iter().filter(|&(_, n)| n >= min_count).map(|(k, _)| k).collect();
    keys.sort_unstable();
    keys
}

fn train_one(
    rows: &[Vec<(u32, f32)>],
    labels: &[Option<bool>],
    example_weights: &[f32],
    features: usize,
    settings: &Settings,
    salt: u64,
) -> (Vec<f32>, f32) {
    let positives = labels.iter().filter(|&&l| l == Some(true)).count().max(1) as f32;
    let negatives = (labels.iter().filter(|&&l| l == Some(false)).count() as f32).max(1.0);
    let positive_weight = (negatives / positives).powf(settings.balance);
    let mut w = vec![0f32; features];
    let mut g2 = vec![0f32; features];
    let (mut bias, mut bias_g2) = (0f32, 0f32);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = SplitMix(settings.seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    const EPSILON: f32 = 1e-6;
    for _ in 0..settings.epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let Some(label) = labels[i] else { continue };
            let row = &rows[i];
            let score = bias + row.iter().map(|&(f, v)| w[f as usize] * v).sum::<f32>();
            let p = super::sigmoid(score);
            let y = if label { 1.0 } else { 0.0 };
            let weight = example_weights[i] * if label { positive_weight } else { 1.0 };
            let g = (p - y) * weight;
            for &(f, v) in row {
                let f = f as usize;
                let grad = g * v + settings.l2 * w[f];
                g2[f] += grad * grad;
                let step = settings.rate / (g2[f] + EPSILON).sqrt();
                let moved = w[f] - step * grad;
                let shrink = step * settings.l1;
                w[f] = moved.signum() * (moved.abs() - shrink).max(0.0);
            }
            bias_g2 += g * g;
            bias -= settings.rate * g / (bias_g2 + EPSILON).sqrt();
        }
    }
    (w, bias)
}

/// A small fixed-seed generator (SplitMix64): the same seed, the same order, on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn shuffle(order: &mut [usize], rng: &mut SplitMix) {
    for i in (1..order.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Quantizes `trained` to `i8` weights (per output, the largest weight maps to 127) and writes the model file;
/// rows whose every weight rounds to 0 are left out.
///
/// # Errors
/// When the key table cannot be built.
pub fn write_model(trained: &Trained) -> Result<Vec<u8>, String> {
    write_model_pruned(trained, 0, 3)
}

/// [`write_model`], with every quantized weight of magnitude `prune` or less set to 0 (weights that small move
/// a score by less than `prune / 127` of the output's largest weight, and leaving them out shrinks the file),
/// and key fingerprints of `fingerprint` bytes.
///
/// # Errors
/// As [`write_model`].
pub fn write_model_pruned(trained: &Trained, prune: i8, fingerprint: u8) -> Result<Vec<u8>, String> {
    let outputs = trained.names.len();
    let scales: Vec<f32> = (0..outputs)
        .map(|o| {
            let max = (0..trained.keys.len()).map(|r| trained.weights[r * outputs + o].abs()).fold(0f32, f32::max);
            if max > 0.0 {
                max / 127.0
            } else {
                1.0
            }
        })
        .collect();
    let mut kept_keys = Vec::new();
    let mut kept_rows: Vec<Vec<i8>> = Vec::new();
    for (r, key) in trained.keys.iter().enumerate() {
        let row: Vec<i8> = (0..outputs)
            .map(|o| (trained.weights[r * outputs + o] / scales[o]).round().clamp(-127.0, 127.0) as i8)
            .map(|q| if q.abs() <= prune { 0 } else { q })
            .collect();
        if row.iter().any(|&w| w != 0) {
            kept_keys.push(key.0);
            kept_rows.push(row);
        }
    }
    let table = build_table(&kept_keys, None, usize::from(fingerprint)).map_err(|e| e.0.to_string())?;
    // The table's rank of a key is its row: the rows go in rank order.
    let mut quantized = vec![0i8; kept_rows.len() * outputs];
    for (row, &rank) in kept_rows.iter().zip(&table.ranks) {
        quantized[rank * outputs..(rank + 1) * outputs].copy_from_slice(row);
    }
    let mut out = Vec::new();
    out.extend_from_slice(b"PGM1");
    out.extend_from_slice(&(outputs as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(kept_keys.len() as u32).to_le_bytes());
    for name in &trained.names {
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    for (scale, bias) in scales.iter().zip(&trained.biases) {
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&bias.to_le_bytes());
    }
    out.extend(quantized.iter().map(|&w| w as u8));
    out.extend(table.bytes);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::LinearModel;

    fn example(words: &[&str], label: bool) -> Example {
        Example {
            features: words.iter().map(|w| (Key::new(b"w").str(w), 1.0)).collect(),
            labels: vec![label],
            ignore: Vec::new(),
            weight: 1.0,
        }
    }

    fn toy() -> Vec<Example> {
        let mut examples = Vec::new();
        for i in 0..40 {
            let filler = ["the", "a", "today", "shift"][i % 4];
            examples.push(example(&["idiot", filler], true));
            examples.push(example(&["thanks", filler], false));
        }
        examples
    }

    #[test]
    fn learns_a_separable_toy_and_the_quantized_model_agrees() {
        let names = vec!["insult".to_string()];
        let trained = train_outputs(&names, &toy(), &Settings::default());
        let bytes = write_model(&trained).unwrap();
        let model = LinearModel::read(&bytes).unwrap();
        let mut scores = Vec::new();
        model.scores(&example(&["idiot", "today"], true).features, &mut scores);
        assert!(scores[0] > 1.0, "{scores:?}");
        model.scores(&example(&["thanks", "today"], false).features, &mut scores);
        assert!(scores[0] < -1.0, "{scores:?}");
        let full = trained.scores(&example(&["idiot"], true).features)[0];
        model.scores(&example(&["idiot"], true).features, &mut scores);
        assert!((full - scores[0]).abs() < 0.05 * full.abs().max(1.0), "{full} vs {}", scores[0]);
    }

    #[test]
    fn the_same_examples_give_the_same_bytes() {
        let names = vec!["insult".to_string()];
        let a = write_model(&train_outputs(&names, &toy(), &Settings::default())).unwrap();
        let b = write_model(&train_outputs(&names, &toy(), &Settings::default())).unwrap();
        assert_eq!(a, b);
        let other = Settings { seed: 7, ..Settings::default() };
        let c = write_model(&train_outputs(&names, &toy(), &other)).unwrap();
        assert_ne!(a, c, "the seed changes the order, so the weights");
        let owned = toy();
        let borrowed: Vec<&Example> = owned.iter().collect();
        let d = write_model(&train_outputs(&names, &borrowed, &Settings::default())).unwrap();
        assert_eq!(a, d, "borrowed examples train the same model as owned ones");
    }

    #[test]
    fn rare_features_are_left_out() {
        let mut examples = toy();
        examples.push(example(&["once"], true));
        let trained = train_outputs(&["insult".to_string()], &examples, &Settings::default());
        assert!(!trained.keys.contains(&Key::new(b"w").str("once")));
    }
}
