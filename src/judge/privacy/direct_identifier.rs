//! `phi.direct_identifier` for the identifiers the evidence found (an SSN, a phone number, a record number,
//! a link to a patient's page, ...): each one, already validated and read in its context by its finder
//! (`src/evidence/identifiers/`), is a finding with its placeholder as the suggestion. Dates of birth and
//! visits are judged from the mentions in `patient_date.rs`.

use crate::evidence::Evidence;
use crate::report::{Hit, Kind};

/// Pushes one finding per identifier, in the order the finders found them.
pub(crate) fn judge(evidence: &Evidence, out: &mut Vec<Hit>) {
    for found in &evidence.identifiers {
        out.push(
            Hit::new(Kind::PhiDirectIdentifier, found.start, found.end, found.message).identifier(found.identifier),
        );
    }
}
