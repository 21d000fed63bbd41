//! `tone.stigmatizing_language`: labels that reduce a person to a condition, with the person-first wording.
//!
//! Flags "addicts", "junkies", "suffers from COPD", "wheelchair-bound", "non-compliant", "the
//! diabetic", "psycho", "borracho" (low). Allows "addiction medicine", "a diabetic diet", "alcoholic
//! beverages", "Alcoholics Anonymous", and the words quoted or named as wording to avoid ("write 'person
//! with diabetes' instead of 'diabetic'").

use crate::evidence::phrases::Table;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind, Severity};

pub(crate) struct StigmatizingLanguage;

const MESSAGE: &str = "This label reduces a person to a condition; patients who read it feel judged and \
                       person-first wording is the professional standard.";

/// Nouns after which "diabetic" or "alcoholic" describes a thing, not a person.
const THING_NOUNS: &[&str] = &[
    "beverage",
    "beverages",
    "drink",
    "drinks",
    "content",
    "hepatitis",
    "liver",
    "cirrhosis",
    "ketoacidosis",
    "foot",
    "feet",
    "diet",
    "retinopathy",
    "neuropathy",
    "supplies",
    "socks",
    "shoes",
    "educator",
    "education",
    "clinic",
    "care",
    "coma",
    "emergency",
    "ulcer",
    "ulcers",
    "wound",
    "wounds",
    "anonymous",
    "seizure",
    "seizures",
    "medication",
    "medications",
    "meds",
    "friendly",
    "recipes",
    "recipe",
    "snacks",
    "cardiomyopathy",
];

impl Judge for StigmatizingLanguage {
    fn id(&self) -> &'static str {
        "tone.stigmatizing_language"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        for phrase in Table::Stigmatizing.find(doc) {
            if super::is_quoted(lower, phrase.start, phrase.end) || names_word_to_avoid(doc.before(phrase.start, 24)) {
                continue;
            }
            if (phrase.category == "noun-use" || lower[phrase.start..phrase.end].starts_with("alcoholic"))
                && THING_NOUNS.contains(&super::next_word(lower, phrase.end))
            {
                continue;
            }
            let suggestion = phrase.suggestion.unwrap_or("person-first wording");
            out.push(
                Hit::new(Kind::ToneStigmatizingLanguage, phrase.start, phrase.end, MESSAGE)
                    .severity(Severity::Low)
                    .suggest(suggestion),
            );
        }
    }
}

/// "instead of", "rather than", "avoid", "don't say": the post is about the wording itself.
fn names_word_to_avoid(before: &str) -> bool {
    ["instead of", "rather than", "avoid", "don't say", "not say", "stop saying", "never say", "replace"]
        .iter()
        .any(|cue| before.contains(cue))
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::report::Severity;
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_labels_with_person_first_suggestions() {
        assert_flags("Junkies deserve care too", Kind::ToneStigmatizingLanguage, "Junkies");
        assert_flags("my grandma suffers from dementia", Kind::ToneStigmatizingLanguage, "suffers from");
        assert_flags(
            "he's been wheelchair bound since the accident",
            Kind::ToneStigmatizingLanguage,
            "wheelchair bound",
        );
        assert_flags("the diabetic in bed 3 skipped lunch", Kind::ToneStigmatizingLanguage, "the diabetic");
        assert_flags("noncompliant again with his meds", Kind::ToneStigmatizingLanguage, "noncompliant");
        let report = report("Addicts are welcome at our clinic", Context::Post);
        let finding = report.findings.iter().find(|f| f.kind == Kind::ToneStigmatizingLanguage).unwrap();
        assert_eq!(finding.severity, Severity::Low);
        assert_eq!(finding.suggestion.as_deref(), Some("person with a substance use disorder"));
    }

    #[test]
    fn flags_spanish() {
        assert_flags("otra vez los borrachos del sábado", Kind::ToneStigmatizingLanguage, "borrachos");
    }

    #[test]
    fn allows_clinical_adjectives_and_guidance() {
        for text in [
            "Our addiction medicine team is hiring",
            "Free diabetic foot checks Saturday",
            "No alcoholic beverages at the gala, sorry!",
            "Alcoholics Anonymous meets in room B",
            "Say 'uses a wheelchair' instead of 'wheelchair-bound'",
            "Write person with diabetes instead of the diabetic",
        ] {
            assert_allows(text, Kind::ToneStigmatizingLanguage);
        }
    }
}
