//! Judgment: which findings a draft gets, decided from the evidence. One judge per finding kind: the privacy
//! judges in [`privacy`] (identifiers, and names, dates, places and cues read in their care context), the
//! tone, claims and advice judges in [`tone`] (phrase tables and word lists with their exceptions).
//!
//! Judges read the [`Evidence`] and push [`Hit`]s; the engine applies the policy and builds the report.
//! [`care_context`] reads the same evidence and the hits for the report's one judgment about the whole draft:
//! whether it comes from work in health care.

mod care_context;
mod privacy;
mod tone;

pub(crate) use care_context::care_context;

use crate::evidence::Evidence;
use crate::report::Hit;

/// A rule that decides one sort of finding from the evidence.
pub(crate) trait Judge: Sync {
    /// Stable id; never changes once published (it names the rule in tests and docs).
    fn id(&self) -> &'static str;
    /// Pushes every finding the evidence supports.
    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>);
}

/// Every judge after the identifiers' own, in the order they run: the privacy rules in context, then tone.
pub(crate) fn judges() -> impl Iterator<Item = &'static dyn Judge> {
    privacy::JUDGES.iter().chain(tone::JUDGES).copied()
}

/// Pushes the draft's findings: first one per identifier the evidence found (named by their finders' ids),
/// then what each judge decides. Later judges read the findings before them (a case story stays silent when
/// a privacy finding covers the draft), so the order is part of the output.
pub(crate) fn run(evidence: &Evidence, out: &mut Vec<Hit>) {
    privacy::judge_identifiers(evidence, out);
    for judge in judges() {
        judge.judge(evidence, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_sorted() {
        for group in [privacy::JUDGES, tone::JUDGES] {
            let ids: Vec<&str> = group.iter().map(|judge| judge.id()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(ids, sorted, "each group lists its judges in id order");
        }
        let mut all: Vec<&str> = crate::evidence::identifiers::ids().chain(judges().map(|judge| judge.id())).collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "finder and judge ids are unique");
    }
}
