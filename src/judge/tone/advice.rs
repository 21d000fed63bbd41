//! `advice.individual_medical_advice`: a public reply that gives one person a diagnosis, a dose, or a
//! change to their medicine.
//!
//! In comments, messages and replies (and posts that @mention someone): flags "just cut your Zoloft in
//! half", "skip the Z-pack", "bump your lisinopril to 40", "alternate 600 of ibuprofen", "take 1 g
//! three times a day", "that rash is shingles", "that's viral". Allows general education ("ask your
//! pharmacist", "see your provider", "talk to your doctor before you stop any medicine") and posts
//! without an addressee.

use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};
use crate::text::lexicon::Lexicon;
use regex::Regex;
use std::sync::LazyLock;

pub(crate) struct IndividualMedicalAdvice;

static DRUGS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("../../data/tone/drugs.txt")));

/// Endings of generic drug names (checked on words of 7+ letters).
const DRUG_ENDINGS: &[&str] = &[
    "pril",
    "olol",
    "sartan",
    "statin",
    "cillin",
    "mycin",
    "floxacin",
    "cycline",
    "prazole",
    "tidine",
    "dipine",
    "oxetine",
    "triptyline",
    "zepam",
    "zolam",
    "cyclovir",
    "formin",
    "gliptin",
    "gliflozin",
    "glutide",
    "parin",
    "xaban",
    "profen",
    "olone",
    "semide",
    "thiazide",
];

/// Verbs that tell someone what to do with a medicine.
const CHANGE_VERBS: &[&str] = &[
    "take",
    "start",
    "stop",
    "skip",
    "cut",
    "double",
    "halve",
    "bump",
    "increase",
    "decrease",
    "lower",
    "raise",
    "up",
    "switch",
    "try",
    "get",
    "use",
    "alternate",
    "quit",
    "drop",
    "hold",
    "split",
    "pop",
    "ditch",
    "add",
];

/// Words that may stand between a clause start and the imperative verb ("girl just cut...").
const FILLERS: &[&str] = &[
    "just",
    "then",
    "and",
    "so",
    "honestly",
    "maybe",
    "definitely",
    "also",
    "girl",
    "dude",
    "babe",
    "lol",
    "ok",
    "okay",
    "yeah",
    "seriously",
    "simply",
    "you",
    "should",
    "need",
    "to",
    "gotta",
    "can",
    "u",
    "i'd",
    "id",
    "would",
    "def",
    "hun",
    "hon",
    "friend",
    "but",
    "or",
    "otherwise",
    "instead",
    "literally",
];

/// A dose with a schedule, or a diagnosis stated to the reader.
static DOSE_OR_DIAGNOSIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)(?:
            (?:twice|three\ times|3x|2x|four\ times)\ (?:a|per)\ day
          | every\ [0-9]+\ (?:hours|hrs|hr|h)
          | [0-9]+(?:\.[0-9]+)?\ ?(?:mg|mcg|g|units?|ml|tabs?|tablets?|pills?|puffs?|sprays?)\ (?:a|per|each|every)\ (?:day|night|morning)
        )(?-u:\b)
        ",
    )
    .expect("dose pattern compiles")
});

static DIAGNOSIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:(?:that|this|your|the|it)(?: (?:rash|bump|mole|lump|spot|cough|pain|swelling|thing|ache|lesion))?(?: in (?:your|the) (?:pic|photo|picture|video|post))?(?:'s| is| sounds like| looks like)|sounds like|looks like)(?: definitely| probably| classic| just| totally| 100%)?(?: a| an)? (?:shingles|viral|a virus|strep|ringworm|eczema|psoriasis|cellulitis|scabies|gout|sciatica|a uti|uti|an infection|a sinus infection|sinusitis|bronchitis|pneumonia|vertigo|a hernia|hernia|migraines?|lyme|impetigo|hives|an allergic reaction|appendicitis|a kidney stone|plantar fasciitis|tendonitis|carpal tunnel|a sprain|a cyst|a lipoma|melanoma|pink eye|an ear infection|thrush|a yeast infection|yeast|mono|covid|the flu|allergies|anxiety|adhd|depression|ibs|acid reflux|gerd))(?-u:\b)",
    )
    .expect("diagnosis pattern compiles")
});

const MESSAGE: &str = "Telling one person what they have or what to do with a medicine, without examining them, \
                       is practicing medicine in public; it can harm them and it binds you professionally.";
const SUGGESTION: &str = "I can't advise on your situation here, but please check with your own provider or \
                          pharmacist before changing any medicine.";

impl Judge for IndividualMedicalAdvice {
    fn id(&self) -> &'static str {
        "advice.individual_medical_advice"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let lower = doc.lower();
        let addressed = super::is_reply(doc.options.context) || has_mention(doc.text());
        if !addressed {
            return;
        }
        let mut push = |start: usize, end: usize| {
            out.push(Hit::new(Kind::AdviceIndividualMedicalAdvice, start, end, MESSAGE).suggest(SUGGESTION));
        };
        let drugs = drug_mentions(lower);
        for &(start, end) in &drugs {
            if let Some(verb_start) = imperative_verb_before(lower, start, doc.sentence_at(start).0) {
                push(verb_start, end);
            }
        }
        for m in DOSE_OR_DIAGNOSIS.find_iter(lower) {
            // A schedule is advice when a medicine is named in the same sentence.
            let sentence = doc.sentence_at(m.start());
            if drugs.iter().any(|&(s, _)| s >= sentence.0 && s < sentence.1) {
                push(m.start(), m.end());
            }
        }
        for m in DIAGNOSIS.find_iter(lower) {
            let (sentence_start, _) = doc.sentence_at(m.start());
            if !super::has_negation(&lower[sentence_start..m.start()]) {
                push(m.start(), m.end());
            }
        }
    }
}

fn has_mention(text: &str) -> bool {
    text.match_indices('@').any(|(i, _)| {
        (i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric())
            && text.as_bytes().get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    })
}

/// Byte ranges of medicine names in `lower`: listed names and generic-name endings.
fn drug_mentions(lower: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = DRUGS.find(lower).map(|t| (t.start, t.end)).collect();
    // Runs of ASCII letters; their byte offsets are character boundaries whatever surrounds them.
    let bytes = lower.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let word = &lower[start..at];
        if word.len() >= 7 && DRUG_ENDINGS.iter().any(|e| word.ends_with(e)) && !found.iter().any(|&(s, _)| s == start)
        {
            found.push((start, at));
        }
    }
    found.sort_unstable();
    found
}

/// The start of an imperative medicine verb shortly before `drug_start`, at the start of its clause.
fn imperative_verb_before(lower: &str, drug_start: usize, sentence_start: usize) -> Option<usize> {
    let window_start = sentence_start.max(drug_start.saturating_sub(40));
    let mut window_start = window_start;
    while !lower.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = &lower[window_start..drug_start];
    // Words between the verb and the drug: "cut your", "bump your", "alternate 600 of", "skip the".
    let words: Vec<(usize, &str)> = word_spans(window);
    for (i, &(offset, word)) in words.iter().enumerate().rev() {
        if !CHANGE_VERBS.contains(&word) {
            continue;
        }
        let between = &words[i + 1..];
        if between.len() > 4 {
            return None;
        }
        // The verb opens its clause: only fillers before it, back to punctuation or the sentence start.
        let verb_at = window_start + offset;
        let head = &lower[sentence_start..verb_at];
        let head = head.rsplit([',', ';', ':', '.', '!', '?', '+', '\n']).next().unwrap_or(head);
        let opens_clause =
            head.split_whitespace().filter(|w| !w.starts_with('@')).all(|w| FILLERS.contains(&w) || !w.is_ascii());
        if opens_clause || tells_the_reader(head) {
            return Some(verb_at);
        }
        return None;
    }
    None
}

/// A clause that ends by telling the reader what to do, whoever is named before it: "Sarah you should",
/// "honestly I think u need to".
fn tells_the_reader(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    let modal = |w: &str| ["should", "need", "gotta", "must", "have", "better"].contains(&w);
    matches!(
        words.as_slice(),
        [.., you, m] | [.., you, m, "to" | "just" | "definitely" | "probably" | "really"]
            if (*you == "you" || *you == "u") && modal(m)
    )
}

fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_ascii_alphanumeric() || c == '\'';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, &text[s..]));
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::options::Context;
    use crate::testing::*;
    use crate::Kind;

    const ADVICE: Kind = Kind::AdviceIndividualMedicalAdvice;

    #[test]
    fn survives_generic_drug_names_after_multibyte_characters() {
        // Found by fuzzing: word offsets assumed one-byte separators and sliced inside a character.
        assert_flags_in("\u{FFFD}\u{FFFD} just stop your fluoxetine", Context::Comment, ADVICE, "stop your fluoxetine");
        let _ = report("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}poxetine 4", Context::ReplyToReview);
    }

    #[test]
    fn flags_medicine_changes_in_replies() {
        assert_flags_in(
            "honestly just stop your metformin for a few days",
            Context::Comment,
            ADVICE,
            "stop your metformin",
        );
        assert_flags_in(
            "@sam_k double your sertraline, it worked for me",
            Context::Message,
            ADVICE,
            "double your sertraline",
        );
        assert_flags_in("Try 20 of omeprazole before bed", Context::Comment, ADVICE, "omeprazole");
        assert_flags_in("Priya you should just stop the lisinopril", Context::Comment, ADVICE, "stop the lisinopril");
        assert_flags_in("honestly I think u need to double your prednisone", Context::Comment, ADVICE, "prednisone");
    }

    #[test]
    fn flags_doses_and_diagnoses_in_replies() {
        assert_flags_in("naproxen twice a day for a week", Context::Comment, ADVICE, "twice a day");
        assert_flags_in(
            "that bump in your photo is a lipoma, nothing to worry about",
            Context::Comment,
            ADVICE,
            "is a lipoma",
        );
    }

    #[test]
    fn allows_general_education() {
        for text in [
            "Ask your pharmacist before you stop any medicine.",
            "Please see your provider about that rash.",
            "Don't stop your metformin without talking to your doctor.",
            "Every 4 hours I remind myself to drink water.",
            "My doctor said you should never stop metformin on your own.",
            "If you have questions you should ask your pharmacist about the lisinopril.",
        ] {
            assert_allows_in(text, Context::Comment, ADVICE);
        }
        assert_allows("Take your metformin with food to avoid an upset stomach.", ADVICE);
    }
}
