//! Tone and professional-conduct detectors: the words that cost staff their jobs.

use super::Detector;

/// Every tone, claims and advice detector, in id order.
pub(crate) static DETECTORS: &[&dyn Detector] = &[];
