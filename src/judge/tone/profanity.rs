//! `tone.profanity`: swear words, also when disguised.
//!
//! Flags "fucking pyxis", "f*ck", "sh!t", "a$$hole", "f u c k", "fuuuck" (medium) and "hell of a shift",
//! "damn", "crap", "pissed" (low). Allows "Scunthorpe", "assistant", "cocktail", "Cockburn",
//! "Dr. Dick Johnson", "Essex", "hello", and quoted words discussed as words.

use crate::doc::Document;
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind, Severity};
use crate::text::words::{WordHit, WordList};
use std::sync::LazyLock;

pub(crate) struct Profanity;

static PROFANITY: LazyLock<WordList> = LazyLock::new(|| WordList::parse(include_str!("../../data/tone/profanity.txt")));

const STRONG: &str = "Strong profanity in a public post reflects on you and your employer; licensing boards and \
                      HR read it as unprofessional, even when it is about a bad day.";
const MILD: &str = "Mild swearing is usually fine among friends, but a public post by a healthcare worker is read \
                    as speaking for the profession.";
const DEFAULT_SUGGESTION: &str = "Say it without the swear word: \"What a night.\"";

/// Titles and words after which "Dick" or "Cock" is a name, not a swear word.
const NAME_CUES: &[&str] = &["dr", "dr.", "mr", "mr.", "uncle", "grandpa", "pastor", "coach", "nurse", "dear"];

impl Judge for Profanity {
    fn id(&self) -> &'static str {
        "tone.profanity"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        for hit in doc.find_words(&PROFANITY) {
            if super::is_quoted(doc.lower(), hit.start, hit.end) && !hit.disguised {
                continue;
            }
            // "Hell's Kitchen", "Hells Angels": names, not swearing.
            if hit.word == "hell"
                && ["'s kitchen", "s kitchen", "s angels"].iter().any(|n| doc.lower()[hit.end..].starts_with(n))
            {
                continue;
            }
            let severity = match hit.category {
                "strong" => Severity::Medium,
                "ambiguous" if is_swear_use(doc, &hit) => Severity::Medium,
                "ambiguous" => continue,
                _ => Severity::Low,
            };
            let message = if severity == Severity::Low { MILD } else { STRONG };
            let suggestion = hit.suggestion.unwrap_or(DEFAULT_SUGGESTION);
            out.push(Hit::new(Kind::ToneProfanity, hit.start, hit.end, message).severity(severity).suggest(suggestion));
        }
    }
}

/// "Dick" and "cock" are swear words only typed in lowercase, not after a title, not before a surname.
fn is_swear_use(doc: &Document, hit: &WordHit) -> bool {
    let typed = &doc.text()[hit.start..hit.end];
    if typed.starts_with(|c: char| c.is_ascii_uppercase()) && !hit.disguised {
        return false;
    }
    let previous = doc.before(hit.start, 12).split_whitespace().next_back().unwrap_or("");
    if NAME_CUES.contains(&previous) {
        return false;
    }
    // "prick" is also the clinical "finger prick" / "needle prick".
    if hit.word.starts_with("prick") {
        let before = doc.before(hit.start, 12);
        return ["a ", "you ", "such a ", "what a ", "little "].iter().any(|cue| before.ends_with(cue))
            && !before.ends_with("needle ");
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::report::Severity;
    use crate::testing::*;
    use crate::Kind;

    fn severity_of(text: &str) -> Option<Severity> {
        report(text, Context::Post).findings.iter().find(|f| f.kind == Kind::ToneProfanity).map(|f| f.severity)
    }

    #[test]
    fn flags_strong_words_as_medium() {
        assert_flags("what a fucking night on the unit", Kind::ToneProfanity, "fucking");
        assert_eq!(severity_of("this shit again"), Some(Severity::Medium));
        assert_eq!(severity_of("bitch i'm exhausted"), Some(Severity::Medium));
    }

    #[test]
    fn flags_mild_words_as_low() {
        assert_eq!(severity_of("hell of a shift, friends"), Some(Severity::Low));
        assert_eq!(severity_of("Damn, what a week"), Some(Severity::Low));
        assert_eq!(severity_of("so pissed about parking"), Some(Severity::Low));
    }

    #[test]
    fn flags_leetspeak_and_symbols() {
        assert_flags("sh!t happens on nights", Kind::ToneProfanity, "sh!t");
        assert_flags("some a$$hole took my parking spot", Kind::ToneProfanity, "a$$hole");
        assert_flags("b1tch please", Kind::ToneProfanity, "b1tch");
    }

    #[test]
    fn flags_wildcards() {
        assert_flags("f*ck the new scheduler", Kind::ToneProfanity, "f*ck");
        assert_flags("f**king printer", Kind::ToneProfanity, "f**king");
    }

    #[test]
    fn flags_spaced_stretched_and_unicode_disguises() {
        assert_flags("what the f u c k was that", Kind::ToneProfanity, "f u c k");
        assert_flags("fuuuuuck this week", Kind::ToneProfanity, "fuuuuuck");
        assert_flags("ｆｕｃｋ mondays", Kind::ToneProfanity, "ｆｕｃｋ");
        assert_flags("sh\u{0456}t show", Kind::ToneProfanity, "sh\u{0456}t");
        assert_flags("fu\u{200B}ck it", Kind::ToneProfanity, "fu\u{200B}ck");
    }

    #[test]
    fn flags_spanish() {
        assert_flags("qué turno de mierda", Kind::ToneProfanity, "mierda");
    }

    #[test]
    fn flags_lowercase_dick_as_a_swear() {
        assert_flags("what a dick move by parking services", Kind::ToneProfanity, "dick");
    }

    #[test]
    fn allows_scunthorpe_words_and_names() {
        for text in [
            "Greetings from Scunthorpe and Essex!",
            "Our medical assistant class starts Monday",
            "Mocktail and cocktail night for the unit",
            "Congrats to Dr. Dick Johnson and nurse Ashley Cockburn",
            "Hello team, shell out for coffee",
            "finger prick glucose checks at the fair",
        ] {
            assert_allows(text, Kind::ToneProfanity);
        }
    }

    #[test]
    fn allows_words_discussed_in_quotes() {
        assert_allows("Kids learn early that 'damn' is a grown-up word", Kind::ToneProfanity);
    }
}
