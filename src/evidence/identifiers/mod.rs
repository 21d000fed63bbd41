//! Identifier finders: one per file, each with a stable id, listed once in [`FINDERS`].
//!
//! A finder reads the [`Document`] with its own gated patterns and pushes the identifiers it finds
//! ([`IdentifierHit`]): the identifier, validated (a checksum, a range) and read in its context (the words
//! around it, the organization's own details), with why it is a risk. Whether it becomes a finding is the
//! judges' call (`phi.direct_identifier`).

use crate::doc::Document;
use crate::gate::Gate;
use crate::report::Identifier;

pub(super) mod account;
pub(super) mod address;
pub(super) mod device;
pub(super) mod email;
pub(super) mod handle;
pub(super) mod insurance_id;
pub(super) mod ip;
mod keyed;
pub(super) mod license;
pub(super) mod mrn;
pub(super) mod phone;
pub(super) mod ssn;
pub(super) mod url;
pub(super) mod vehicle;
pub(super) mod zip;

/// One identifier found in the draft: byte offsets into the folded text, what it is, and why it is a risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdentifierHit {
    pub start: usize,
    pub end: usize,
    pub identifier: Identifier,
    /// Why it identifies a patient, in words the writer can act on.
    pub message: &'static str,
}

impl IdentifierHit {
    /// `identifier` at `start..end`, with the `message` that explains it.
    pub fn new(identifier: Identifier, start: usize, end: usize, message: &'static str) -> IdentifierHit {
        IdentifierHit { start, end, identifier, message }
    }
}

/// Finds one sort of identifier.
pub(crate) trait Finder: Sync {
    /// Stable id; never changes once published (it names the rule in tests and docs).
    fn id(&self) -> &'static str;
    /// Pushes every identifier found in `doc` (`gate`: the draft's gate over the evidence patterns).
    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>);
}

/// The identifier finders, in id order.
static FINDERS: &[&dyn Finder] = &[
    &account::Account,
    &address::Address,
    &device::Device,
    &email::Email,
    &handle::Handle,
    &insurance_id::InsuranceId,
    &ip::Ip,
    &license::License,
    &mrn::Mrn,
    &phone::Phone,
    &ssn::Ssn,
    &url::Url,
    &vehicle::Vehicle,
    &zip::Zip,
];

/// The finders' ids, in the order they run.
pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    FINDERS.iter().map(|finder| finder.id())
}

/// Every identifier in `doc`, finder by finder in [`FINDERS`] order.
pub(crate) fn find_all(doc: &Document, gate: &Gate) -> Vec<IdentifierHit> {
    let mut found = Vec::new();
    for finder in FINDERS {
        finder.find(doc, gate, &mut found);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_sorted() {
        let ids: Vec<&str> = ids().collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "the finders are listed once each, in id order");
    }
}
