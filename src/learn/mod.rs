//! Linear models over hashed features: the arithmetic of learned judgment, knowing nothing of drafts.
//!
//! A feature is a 64-bit key ([`Key`]: a namespace and the words or facts it names, hashed) with a value;
//! a [`LinearModel`] holds, for each feature seen often enough in training, one quantized weight per output,
//! and scores a draft's features with one dot product per output. The models are trained by
//! [`train::train_outputs`] (logistic regression with AdaGrad, in a fixed order, so the same examples give
//! the same bytes) and written by [`train::write_model`]; `postguard-train` runs both.
//!
//! The judges above own what the features mean (`crate::features`); this layer only adds them up.

mod key;
pub(crate) mod model;
pub(crate) mod train;

pub(crate) use key::Key;
pub(crate) use model::LinearModel;

/// The logistic function: a score to a probability.
pub(crate) fn sigmoid(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}
