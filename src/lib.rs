//! PostGuard finds patient identifiers and tone problems in social-media drafts written by healthcare
//! staff, so that a warning can be shown before the post goes out.
//!
//! A name alone is fine ("Congrats to Dr. Alvarez!"), a diagnosis alone is fine ("Flu shots are in"); a
//! patient plus a care context is not ("mrs henderson in bed 2 is back with chest pain"). The checker reads
//! the draft with that in mind: identifier detectors find names, dates, ages, rooms, numbers and places,
//! and contextual rules decide whether they point at a patient.
//!
//! # Example
//! ```
//! use postguard::{check, CheckOptions, Policy, Verdict};
//!
//! let report = check("pt ssn is 219-09-9999", &CheckOptions::default(), &Policy::default());
//! assert_eq!(report.verdict, Verdict::Warn);
//! assert_eq!(report.findings[0].identifier.as_deref(), Some("ssn"));
//! assert_eq!((report.findings[0].start, report.findings[0].end), (10, 21));
//! ```
//!
//! # Offsets
//! `start` and `end` of a finding count UTF-16 code units, as JavaScript strings and DOM ranges do.
//!
//! # Performance and untrusted input
//! Every pattern is compiled once, with the `regex` crate (finite automata, no backtracking), and word
//! lists are matched with Aho-Corasick automata, so a check is linear in the length of the draft. Policies
//! cannot add slow patterns: custom patterns have a compiled-size limit.
//!
//! # Privacy
//! Nothing here performs I/O. Error messages never contain the checked text.
#![warn(missing_docs)]

mod doc;
mod engine;
mod evidence;
mod gate;
mod judge;
mod learn;
mod options;
mod policy;
mod redact;
mod report;
#[cfg(test)]
mod testing;
mod text;

/// The browser API (`check`, `redact`, `configure`, `version`), compiled only for wasm32.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Hooks for the fuzz targets of `fuzz/` (the `fuzzing` feature); not part of the API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    /// From this length on, the gate searches patterns near the ends its one pass noted.
    pub const NEAR_SEARCH_MIN_LEN: usize = crate::gate::NEAR_SEARCH_MIN_LEN;

    /// Checks that the gate's searches of `text` (default options and policy) find what a whole-text search
    /// of every gated pattern and open phrase row finds; the error names the pattern or row and the match ranges.
    pub fn near_searches_agree(text: &str) -> Result<(), String> {
        let options = crate::options::CheckOptions::default();
        let policy = crate::Policy::default();
        crate::evidence::compare_with_whole_searches(&crate::doc::Document::new(text, &options, &policy)).map(|_| ())
    }
}

/// What `postguard-train` needs from the core to make the data files; not part of the API.
#[doc(hidden)]
pub mod training;

pub use engine::{check, detector_ids, explain, Checker};
pub use options::{CheckOptions, Context, SITES};
pub use policy::{
    compile_custom_pattern, CustomIdentifier, ExtraSite, MediaCheck, Mode, Organization, Policy, PolicyError, Problem,
    LOCKABLE, MAX_CUSTOM_IDENTIFIERS, MAX_PATTERN_COMPILED, MAX_PATTERN_LEN,
};
pub use redact::{redact, Change, Redaction};
pub use report::{
    EvidenceItem, Explanation, Finding, Identifier, Kind, KindScore, Report, Severity, Verdict, WordWeight,
};
pub use text::{byte_offsets, utf16_offsets};
