//! Care context: the words that say a sentence is about someone's health care.
//!
//! Found once per draft from `src/data/care.txt` (plus the policy's extra clinical terms) and queried by
//! the identifier finders and the judges: a name, date or room number matters when care words stand near it.

use crate::policy::ListIndex;
use crate::text::lexicon::{Lexicon, Term};
use std::sync::LazyLock;

static CARE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse_fast(include_str!("../data/care.txt")));

/// What kind of care word a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CareCategory {
    /// "patient", "pt", "resident".
    Patient,
    /// "ED", "ICU", "waiting room".
    Place,
    /// "admitted", "came in", "discharged".
    Verb,
    /// "stage 3 colon cancer", "DKA".
    Condition,
    /// "colonoscopy", "root canal".
    Procedure,
    /// "Suboxone", "insulin".
    Drug,
    /// "appointment", "follow-up": care is scheduled, not necessarily given.
    Visit,
}

/// A care word found in the draft (byte offsets into the folded text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CareTerm {
    pub start: usize,
    pub end: usize,
    pub category: CareCategory,
}

fn category(name: &str) -> CareCategory {
    match name {
        "patient" => CareCategory::Patient,
        "place" => CareCategory::Place,
        "verb" => CareCategory::Verb,
        "condition" => CareCategory::Condition,
        "procedure" => CareCategory::Procedure,
        "visit" => CareCategory::Visit,
        _ => CareCategory::Drug,
    }
}

/// Every care term in `lower`, in order, with the policy's clinical terms (one automaton, see
/// [`ListIndex`]) counted as conditions.
pub(crate) fn find_care_terms(text: &str, lower: &str, lists: &ListIndex) -> Vec<CareTerm> {
    let mut terms: Vec<CareTerm> = CARE
        .find(lower)
        .filter(|t| !is_non_clinical_sense(text, lower, t))
        .map(|Term { start, end, category: name }| CareTerm { start, end, category: category(name) })
        .collect();
    let before = terms.len();
    terms.extend(lists.clinical_terms(lower).map(|(start, end)| CareTerm {
        start,
        end,
        category: CareCategory::Condition,
    }));
    if terms.len() > before {
        terms.sort_by_key(|t| t.start);
    }
    terms
}

/// "Be patient", "patient with yourselves": the adjective, not a person in care.
fn is_non_clinical_sense(text: &str, lower: &str, term: &Term) -> bool {
    let word = &lower[term.start..term.end];
    if word == "patient" {
        let before = lower[..term.start].trim_end();
        let after = lower[term.end..].trim_start();
        return before.ends_with(" be")
            || before.ends_with("so")
            || before == "be"
            || after.starts_with("with your")
            || before.ends_with("please be")
            || before.ends_with("more");
    }
    // "our ICU team", "NICU reunion": the unit's people or events, not someone's care.
    let after = &lower[term.end..];
    if CARE_PLACE_FOLLOWERS.iter().any(|f| after.starts_with(f)) && is_place_like(word) {
        return true;
    }
    // "Riverside Cancer Center", "Breast Cancer Awareness Month": a proper name, not a diagnosis.
    let original = &text[term.start..term.end];
    if original.split(' ').all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        && original.chars().any(|c| c.is_ascii_lowercase())
        && PROPER_NAME_ENDINGS.iter().any(|e| text[term.end..].starts_with(e) || original.ends_with(e.trim()))
    {
        return true;
    }
    if word == "or" || word == "ed" || word == "er" {
        // Only the capitalized unit names count; "or" and "er" are everyday words.
        return text[term.start..term.end] != word.to_ascii_uppercase();
    }
    false
}

const CARE_PLACE_FOLLOWERS: &[&str] = &[
    " team",
    " crew",
    " staff",
    " nurses",
    " docs",
    " colleagues",
    " coworkers",
    " family",
    " reunion",
    " graduates",
    " quality",
    " leadership",
    " manager",
    " director",
    " entrance",
    " parking",
    " lobby",
];

const PROPER_NAME_ENDINGS: &[&str] = &[
    " Center",
    " Centre",
    " Institute",
    " Foundation",
    " Pavilion",
    " Awareness",
    " Research",
    " Month",
    " Week",
    " Society",
    " Association",
    " Program",
    " Fund",
    " Walk",
    " Run",
    " Survivors",
];

fn is_place_like(word: &str) -> bool {
    CARE.find(word).next().is_some_and(|t| t.category == "place" && t.end - t.start == word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(text: &str) -> Vec<(String, CareCategory)> {
        let lower = text.to_ascii_lowercase();
        find_care_terms(text, &lower, crate::Policy::default().lists())
            .into_iter()
            .map(|t| (lower[t.start..t.end].to_string(), t.category))
            .collect()
    }

    #[test]
    fn finds_care_words_by_category() {
        let found = categories("Pt came in with DKA and went to the ICU for insulin");
        assert_eq!(
            found,
            vec![
                ("pt".into(), CareCategory::Patient),
                ("came in".into(), CareCategory::Verb),
                ("dka".into(), CareCategory::Condition),
                ("icu".into(), CareCategory::Place),
                ("insulin".into(), CareCategory::Drug),
            ]
        );
    }

    #[test]
    fn unit_names_count_only_in_capitals() {
        assert_eq!(categories("back in the ED again").len(), 1);
        assert!(categories("him or her, ed and er").is_empty());
    }

    #[test]
    fn ignores_unit_teams_and_proper_names() {
        assert!(categories("shoutout to the ICU team").is_empty());
        assert!(categories("opened the new Riverside Cancer Center").is_empty());
        assert!(categories("Breast Cancer Awareness Month is here").is_empty());
        assert_eq!(categories("she has breast cancer").len(), 1);
    }

    #[test]
    fn numbered_beds_are_places() {
        assert_eq!(categories("the man in Bed 12 again"), vec![("bed 12".into(), CareCategory::Place)]);
        assert_eq!(
            categories("crib 3 and bay 14"),
            vec![("crib 3".into(), CareCategory::Place), ("bay 14".into(), CareCategory::Place)]
        );
        for text in ["went to bed at 3", "a flatbed 4 sale", "bedroom 2", "room 118 is our quiet room", "bed 🛏"] {
            assert!(categories(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ignores_the_adjective_patient() {
        assert!(categories("be patient with yourselves").is_empty());
        assert!(categories("please be patient").is_empty());
    }

    #[test]
    fn counts_policy_terms() {
        let text = "she is in the blue pod";
        let policy = crate::Policy::parse(r#"{"clinical_terms": ["Blue Pod"]}"#).unwrap();
        assert_eq!(find_care_terms(text, text, policy.lists()).len(), 1);
    }

    #[test]
    fn care_list_is_valid() {
        let data = include_str!("../data/care.txt");
        let mut seen = std::collections::HashSet::new();
        for line in data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
            if line.starts_with('[') {
                assert!(
                    ["[patient]", "[place]", "[verb]", "[visit]", "[condition]", "[procedure]", "[drug]"]
                        .contains(&line),
                    "{line}"
                );
                continue;
            }
            assert_eq!(line, line.to_lowercase(), "terms are lowercase: {line}");
            assert!(seen.insert(line), "listed twice: {line}");
        }
    }
}
