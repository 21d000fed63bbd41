//! A linear model read in place from its bytes: per output a scale and a bias, per feature row one `i8` weight
//! per output, and a [`PackedTable`] from feature key to row.
//!
//! Layout (little endian): `b"PGM1"`, `u16` outputs, `u16` 0, `u32` rows; each output's name (`u16` length,
//! UTF-8 bytes); each output's `f32` scale and `f32` bias; the `i8` weights row by row (`rows × outputs`); the
//! key table (fingerprints of two or three bytes), whose rank of a key is its row. A weight is `i8 × scale`; a row holds a
//! feature's weights for every output side by side, so a draft's features are read once for all outputs.

use super::Key;
use crate::text::packed::{PackedTable, TableError};

const MAGIC: &[u8; 4] = b"PGM1";

/// A malformed model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl From<TableError> for ModelError {
    fn from(e: TableError) -> ModelError {
        ModelError(e.0)
    }
}

/// A model; see the module doc.
pub(crate) struct LinearModel<'a> {
    names: Vec<String>,
    scales: Vec<f32>,
    biases: Vec<f32>,
    weights: &'a [u8],
    rows: PackedTable<'a>,
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError("model file cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl<'a> LinearModel<'a> {
    /// Reads a model file.
    pub fn read(bytes: &'a [u8]) -> Result<LinearModel<'a>, ModelError> {
        let mut r = Reader(bytes);
        if r.take(4)? != MAGIC {
            return Err(ModelError("not a model file"));
        }
        let outputs = usize::from(r.u16()?);
        r.u16()?;
        let rows = r.u32()? as usize;
        let mut names = Vec::with_capacity(outputs);
        for _ in 0..outputs {
            let len = usize::from(r.u16()?);
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("output name is not UTF-8"))?;
            names.push(name.to_string());
        }
        let mut scales = Vec::with_capacity(outputs);
        let mut biases = Vec::with_capacity(outputs);
        for _ in 0..outputs {
            scales.push(r.f32()?);
            biases.push(r.f32()?);
        }
        let weights = r.take(rows * outputs)?;
        let (table, _) = PackedTable::read(r.0)?;
        Ok(LinearModel { names, scales, biases, weights, rows: table })
    }

    /// The feature row of `key`, if the model has weights for it.
    pub fn row(&self, key: Key) -> Option<usize> {
        self.rows.rank(key.0)
    }

    /// The scores (log-odds) of every output for `features` (key, value): `out` gets one per output.
    pub fn scores(&self, features: &[(Key, f32)], out: &mut Vec<f32>) {
        let outputs = self.names.len();
        out.clear();
        out.resize(outputs, 0.0);
        for &(key, value) in features {
            let Some(row) = self.row(key) else { continue };
            let weights = &self.weights[row * outputs..(row + 1) * outputs];
            for (acc, &w) in out.iter_mut().zip(weights) {
                *acc += f32::from(w as i8) * value;
            }
        }
        for ((acc, scale), bias) in out.iter_mut().zip(&self.scales).zip(&self.biases) {
            *acc = *acc * scale + bias;
        }
    }

    /// The weight of `key` for `output` (0 when the model has none): for explaining a score.
    pub fn weight(&self, key: Key, output: usize) -> f32 {
        let outputs = self.names.len();
        self.row(key).map_or(0.0, |row| f32::from(self.weights[row * outputs + output] as i8) * self.scales[output])
    }
}
