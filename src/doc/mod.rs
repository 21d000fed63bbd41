//! The draft as the rules see it: folded text, sentences, care words ([`care`]), and the organization's own
//! details located.

pub(crate) mod care;

use crate::doc::care::{find_care_terms, CareCategory, CareTerm};
use crate::gate::{Catalog, Gate, Haystack};
use crate::options::CheckOptions;
use crate::policy::Policy;
use crate::text::terms::{terms, Term};
use crate::text::tokens::Tokens;
use crate::text::word_facts::{Facts, WORD_FACTS};
use crate::text::words::{WordHit, WordList};
use crate::text::Normalized;
use std::cell::OnceCell;

/// The draft being checked.
pub(crate) struct Document<'a> {
    pub norm: Normalized<'a>,
    pub options: &'a CheckOptions,
    pub policy: &'a Policy,
    sentences: Sentences,
    /// Where the organization's own names, addresses, domains and staff are written in the draft.
    org_spans: SpanIndex,
    care: Vec<CareTerm>,
    /// The offset of every character beyond the Basic Multilingual Plane (emoji, mostly), in order.
    astral: Vec<u32>,
    /// The tokens word lists match against, cut on first use and shared by every list.
    word_tokens: OnceCell<Tokens>,
    /// The patterns and phrase rows that may match in the draft, found on first use.
    gate: OnceCell<Gate>,
    /// The words as the learned models read them, with what public data says of each, cut on first use.
    terms: OnceCell<Terms>,
}

/// The draft's [`Term`]s with their [`Facts`] (side by side, one per term).
pub(crate) struct Terms {
    pub list: Vec<Term>,
    pub facts: Vec<Facts>,
    /// For each term, the facts of the listed multi-word name it is part of ("grand rapids"), if any.
    pub phrase: Vec<Facts>,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str, options: &'a CheckOptions, policy: &'a Policy) -> Document<'a> {
        let norm = Normalized::new(original);
        let sentences = split_sentences(norm.text());
        let org_spans = SpanIndex::new(find_org_spans(norm.lower(), policy));
        let care = find_care_terms(norm.text(), norm.lower(), policy.lists());
        let astral = astral_chars(norm.text());
        Document {
            norm,
            options,
            policy,
            sentences,
            org_spans,
            care,
            astral,
            word_tokens: OnceCell::new(),
            gate: OnceCell::new(),
            terms: OnceCell::new(),
        }
    }

    /// The draft's words as the learned models read them ([`crate::text::terms`]), with their facts.
    pub fn terms(&self) -> &Terms {
        self.terms.get_or_init(|| Terms::new(self.lower()))
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }

    /// The folded text, ASCII-lowercased (same offsets).
    pub fn lower(&self) -> &str {
        self.norm.lower()
    }

    /// The draft cut into word tokens, leetspeak read as letters (see [`crate::text::words`]).
    pub fn word_tokens(&self) -> &Tokens {
        self.word_tokens.get_or_init(|| Tokens::new(self.lower()))
    }

    /// Every word of `list` in the draft, in order (see [`crate::text::words`]).
    pub fn find_words(&self, list: &WordList) -> Vec<WordHit> {
        list.find_in(self.lower(), self.word_tokens())
    }

    /// Which patterns and phrase rows of `catalog` may match in the draft, found on first use. The document
    /// keeps one gate: every call hands the same catalog (the evidence layer's).
    pub fn gate(&self, catalog: &'static Catalog) -> &Gate {
        let gate = self.gate.get_or_init(|| Gate::new(catalog, self.lower()));
        debug_assert!(std::ptr::eq(gate.catalog(), catalog), "a document's gate is over one catalog");
        gate
    }

    /// The characters beyond the Basic Multilingual Plane that start in the byte range, with their offsets,
    /// in order: emoji are looked for among these few, not by searching the text once per emoji.
    pub fn astral_in(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, char)> + '_ {
        let from = self.astral.partition_point(|&at| (at as usize) < start);
        let text = self.text();
        self.astral[from..]
            .iter()
            .map(|&at| at as usize)
            .take_while(move |&at| at < end)
            .map(move |at| (at, text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)))
    }

    /// Sentence ranges, in order, covering the text.
    pub fn sentences(&self) -> &Sentences {
        &self.sentences
    }

    /// The indexes of the sentences that some byte range of `ranges` overlaps, in order, each once.
    pub fn sentences_touched(&self, mut ranges: Vec<(usize, usize)>) -> Vec<usize> {
        ranges.sort_unstable();
        let mut touched = Vec::new();
        // Ranges sorted by start: each sentence is pushed once, however many ranges cover it.
        let mut next = 0;
        for (start, end) in ranges {
            let first = self.sentences.partition_point(|(_, sentence_end)| sentence_end <= start).max(next);
            let past = self.sentences.partition_point(|(sentence_start, _)| sentence_start < end);
            touched.extend(first..past);
            next = next.max(past);
        }
        touched
    }

    /// The indexes of the sentences that hold one of the byte offsets `positions` (in any order), in order, each
    /// once: for the rules that look only at the sentences with a given word or emoji.
    pub fn sentences_holding(&self, positions: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut held = Vec::new();
        for at in positions {
            let i = self.sentences.partition_point(|(_, end)| end <= at);
            // Positions often come in order: a sentence already noted is not noted again.
            if held.last() != Some(&i) && self.sentences.get(i).is_some_and(|(start, _)| start <= at) {
                held.push(i);
            }
        }
        if !held.is_sorted() {
            held.sort_unstable();
            held.dedup();
        }
        held
    }

    /// The sentence containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|(_, end)| end <= at);
        self.sentences.get(i).unwrap_or((0, self.text().len()))
    }

    /// Every care word of the draft, in order.
    pub fn care_terms(&self) -> &[CareTerm] {
        &self.care
    }

    /// Care words inside the byte range.
    pub fn care_in(&self, start: usize, end: usize) -> &[CareTerm] {
        let from = self.care.partition_point(|t| t.start < start);
        let to = self.care.partition_point(|t| t.start < end);
        &self.care[from..to.max(from)]
    }

    /// True when the sentence around byte `at` has a care word.
    pub fn care_in_sentence(&self, at: usize) -> bool {
        let (start, end) = self.sentence_at(at);
        !self.care_in(start, end).is_empty()
    }

    /// True when the draft anywhere speaks of a patient or a care place ("pt", "patient", "ICU", "bed 4").
    pub fn mentions_patient_or_care_place(&self) -> bool {
        self.care.iter().any(|t| matches!(t.category, CareCategory::Patient | CareCategory::Place))
    }

    /// Up to `len` bytes of lowercased text just before `at` (cut at a character boundary).
    pub fn before(&self, at: usize, len: usize) -> &str {
        let lower = self.lower();
        let mut start = at.saturating_sub(len);
        while !lower.is_char_boundary(start) {
            start += 1;
        }
        &lower[start..at]
    }

    /// Up to `len` bytes of lowercased text just after `at` (cut at a character boundary).
    pub fn after(&self, at: usize, len: usize) -> &str {
        let lower = self.lower();
        let mut end = (at + len).min(lower.len());
        while !lower.is_char_boundary(end) {
            end -= 1;
        }
        &lower[at..end]
    }

    /// True when the range overlaps one of the organization's own names, addresses, domains or staff.
    pub fn is_org(&self, start: usize, end: usize) -> bool {
        self.org_spans.overlaps(start, end)
    }

    /// True when the phone number is one of the organization's own.
    pub fn is_org_phone(&self, phone: &str) -> bool {
        // The last ten digits, from the end: "+1 (217) 555-0100" is "217.555.0100".
        self.policy.lists().is_own_phone(phone)
    }

    /// True when the words before `at` ask the reader to contact the organization ("call us at", "email our
    /// billing office at"): the number or address that follows is the organization's, listed or not.
    pub fn is_org_contact(&self, at: usize) -> bool {
        let before = self.before(at, 60).trim_end().trim_end_matches(':').trim_end();
        let Some(cue) = before.strip_suffix(" at").or_else(|| before.strip_suffix(" on")) else {
            return false;
        };
        let Some((_, whom)) =
            CONTACT_VERBS.iter().filter_map(|verb| cue.rsplit_once(verb)).min_by_key(|(_, w)| w.len())
        else {
            return false;
        };
        let mut words = whom.split_whitespace();
        match words.next() {
            Some("us") => words.next().is_none(),
            // "our billing office", "our patient advocate"; not "our patient" or "our pt's daughter".
            Some("our") => {
                let rest: Vec<&str> = words.collect();
                let is_patient = |w: &&str| ["patient", "pt", "client", "resident"].iter().any(|p| w.starts_with(p));
                let role_follows = |i: usize| rest.get(i + 1).is_some_and(|w| CONTACT_ROLES.contains(w));
                (1..=4).contains(&rest.len())
                    && !rest.iter().enumerate().any(|(i, w)| is_patient(w) && !role_follows(i))
            }
            _ => false,
        }
    }

    /// True when an email address or link belongs to one of the organization's domains.
    pub fn is_org_domain(&self, address: &str) -> bool {
        let lower = address.to_ascii_lowercase();
        let host = lower.rsplit('@').next().unwrap_or(&lower);
        let host = host.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
        let host = host.split(['/', '?', '#']).next().unwrap_or(host);
        self.policy.lists().is_own_host(host)
    }
}

impl Haystack for Document<'_> {
    fn text(&self) -> &str {
        self.norm.text()
    }

    fn lower(&self) -> &str {
        self.norm.lower()
    }
}

/// Splits at sentence-ending punctuation followed by a space, and at line breaks.
/// Titles and initials whose period does not end a sentence: "Mrs. G in room 4", "Dr. Lee will call".
const ABBREVIATIONS: &[&[u8]] = &[
    b"mr", b"mrs", b"ms", b"dr", b"dra", b"drs", b"st", b"sr", b"sra", b"jr", b"prof", b"rev", b"sen", b"rep", b"gov",
    b"lt", b"sgt", b"capt", b"mt", b"ft", b"vs",
];

/// True when `before` ends with a title abbreviation or a single capital initial, as a whole word.
fn ends_with_abbreviation(before: &[u8]) -> bool {
    let word_start = before.iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    let word = &before[word_start..];
    (word.len() == 1 && word[0].is_ascii_uppercase()) || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// The offset of every character of `text` beyond the Basic Multilingual Plane (a 4-byte sequence): 4 bytes a
/// character (the character is read again from the text), so that a paste of emoji costs no more than itself.
fn astral_chars(text: &str) -> Vec<u32> {
    const CHUNK: usize = 32;
    let mut out = Vec::new();
    // Most chunks hold no 4-byte sequence's lead byte: one branch for each, not one for each byte.
    for (n, chunk) in text.as_bytes().chunks(CHUNK).enumerate() {
        if !chunk.iter().fold(false, |any, &b| any | (b >= 0xF0)) {
            continue;
        }
        for (j, _) in chunk.iter().enumerate().filter(|&(_, &b)| b >= 0xF0) {
            let at = n * CHUNK + j;
            out.push(at as u32);
        }
    }
    out
}

impl Terms {
    fn new(lower: &str) -> Terms {
        let list = terms(lower);
        let facts: Vec<Facts> = list.iter().map(|t| WORD_FACTS.get(&lower[t.start..t.end])).collect();
        let mut phrase = vec![Facts::default(); list.len()];
        let mut key = String::new();
        for i in 0..list.len() {
            if !facts[i].starts_phrase() {
                continue;
            }
            // The longest listed name of up to four words from here, the words one space or hyphen apart.
            key.clear();
            key.push_str(&lower[list[i].start..list[i].end]);
            let mut found = None;
            for j in i + 1..list.len().min(i + 4) {
                let gap = &lower[list[j - 1].end..list[j].start];
                if !(gap == " " || gap == "-") {
                    break;
                }
                key.push(' ');
                key.push_str(&lower[list[j].start..list[j].end]);
                let f = WORD_FACTS.get(&key);
                if !f.is_empty() {
                    found = Some((j, f));
                }
            }
            if let Some((last, f)) = found {
                phrase[i..=last].fill(f);
            }
        }
        Terms { list, facts, phrase }
    }
}

/// A draft's sentences: byte ranges in order, 8 bytes each (a paste of a million one-word lines holds a million).
pub(crate) struct Sentences {
    ranges: Vec<(u32, u32)>,
}

impl Sentences {
    /// How many there are.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Sentence `i`'s byte range.
    pub fn get(&self, i: usize) -> Option<(usize, usize)> {
        self.ranges.get(i).map(|&(start, end)| (start as usize, end as usize))
    }

    /// Every sentence's byte range, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.iter_from(0)
    }

    /// The byte ranges of sentence `first` and those after it, in order.
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.ranges[first.min(self.ranges.len())..].iter().map(|&(start, end)| (start as usize, end as usize))
    }

    /// The number of sentences, from the first, whose range satisfies `before` (which all those before a
    /// point do and none after it does), as [`slice::partition_point`].
    pub fn partition_point(&self, mut before: impl FnMut((usize, usize)) -> bool) -> usize {
        self.ranges.partition_point(|&(start, end)| before((start as usize, end as usize)))
    }
}

fn split_sentences(text: &str) -> Sentences {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i..].iter().position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?')) {
            Some(offset) => i += offset,
            None => break,
        }
        let b = bytes[i];
        let ends = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                // Runs like "?!" or "..." end once; abbreviations with a following lowercase word do not end.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                let followed_by_space = j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\n';
                let next_word_lower = bytes[j..].iter().find(|c| **c != b' ').is_some_and(|c| c.is_ascii_lowercase());
                let abbreviation = b == b'.' && j == i + 1 && ends_with_abbreviation(&bytes[..i]);
                i = j - 1;
                followed_by_space && !(b == b'.' && (next_word_lower || abbreviation))
            }
            _ => false,
        };
        if ends {
            if !text[start..=i].trim().is_empty() {
                out.push((start as u32, (i + 1) as u32));
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() || out.is_empty() {
        out.push((start as u32, text.len() as u32));
    }
    Sentences { ranges: out }
}

/// Byte ranges sorted by start, each with the furthest end of it and the ranges before it: whether a range
/// overlaps one of them is a binary search, not a pass over every one (a long paste names the organization
/// thousands of times, and every mention asks).
#[derive(Debug)]
pub(crate) struct SpanIndex {
    /// `(start, furthest end of this range and every range sorted before it)`.
    starts_and_reach: Vec<(usize, usize)>,
}

impl SpanIndex {
    pub fn new(mut spans: Vec<(usize, usize)>) -> SpanIndex {
        spans.sort_unstable();
        let mut reach = 0;
        let starts_and_reach = spans
            .into_iter()
            .map(|(start, end)| {
                reach = reach.max(end);
                (start, reach)
            })
            .collect();
        SpanIndex { starts_and_reach }
    }

    /// True when some range `(s, e)` has `s < end && start < e`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        // The ranges starting before `end` are a prefix; one of them reaches past `start` exactly when the
        // furthest of their ends does.
        let before_end = self.starts_and_reach.partition_point(|&(s, _)| s < end);
        before_end > 0 && self.starts_and_reach[before_end - 1].1 > start
    }
}

fn find_org_spans(lower: &str, policy: &Policy) -> Vec<(usize, usize)> {
    // One automaton over every name, address, domain and staff name, built once per policy.
    policy.lists().own_spans(lower)
}

/// Words that ask the reader to get in touch, before "us" or "our ...".
const CONTACT_VERBS: &[&str] = &["call ", "text ", "contact ", "email ", "e-mail ", "reach ", "write to ", "message "];

/// Offices named after the people they serve: "our patient advocate", "our patient services team".
const CONTACT_ROLES: &[&str] = &[
    "advocate",
    "advocates",
    "services",
    "relations",
    "liaison",
    "navigator",
    "experience",
    "accounts",
    "portal",
    "line",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_overlap_agrees_with_a_pass_over_every_span() {
        // Nested, overlapping, touching and repeated spans, in no order; every query range up to 40, empty ones too.
        let spans = vec![(20, 30), (5, 9), (22, 25), (9, 12), (0, 3), (28, 34), (5, 9), (31, 32)];
        let org = SpanIndex::new(spans.clone());
        for start in 0..40 {
            for end in start..40 {
                let every = spans.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(org.overlaps(start, end), every, "{start}..{end}");
            }
        }
        assert!(!SpanIndex::new(Vec::new()).overlaps(0, 10));
    }

    #[test]
    fn finds_every_astral_character_wherever_it_falls() {
        // Emoji at every offset around the 32-byte chunks, among accents, CJK and ASCII.
        for pad in 0..40 {
            let text = format!("{}🙂é{}🍑中x😏", "a".repeat(pad), "b".repeat(pad % 7));
            let every: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| c > '\u{FFFF}').collect();
            assert_eq!(every.len(), 3);
            let offsets: Vec<u32> = every.iter().map(|&(at, _)| at as u32).collect();
            assert_eq!(astral_chars(&text), offsets, "{pad}");
        }
    }

    #[test]
    fn sentences_touched_are_those_a_range_overlaps() {
        let options = CheckOptions::new(crate::options::Context::Post);
        let policy = Policy::default();
        let doc = Document::new("One here. Two there. Three now. Four. Five!", &options, &policy);
        let ranges = vec![(25, 30), (0, 1), (12, 13), (9, 11), (11, 24), (30, 31), (37, 38), (38, 39), (44, 60)];
        let every: Vec<usize> = (0..doc.sentences().len())
            .filter(|&i| {
                let (start, end) = doc.sentences().get(i).unwrap();
                ranges.iter().any(|&(s, e)| s < end && start < e)
            })
            .collect();
        assert_eq!(every, [0, 1, 2, 4]);
        assert_eq!(doc.sentences_touched(ranges), every);
    }

    #[test]
    fn finds_each_sentence_holding_an_emoji_once() {
        let options = CheckOptions::new(crate::options::Context::Post);
        let policy = Policy::default();
        let text = "🎉 Day one. Plain words here. Two 🍑 in 😏 one! None? Last 🙂";
        let doc = Document::new(text, &options, &policy);
        let every: Vec<usize> = (0..doc.sentences().len())
            .filter(|&i| {
                let (start, end) = doc.sentences().get(i).unwrap();
                doc.astral_in(start, end).next().is_some()
            })
            .collect();
        assert_eq!(every, [0, 2, 4]);
        assert_eq!(doc.sentences_holding(doc.astral_in(0, text.len()).map(|(at, _)| at)), every);
        // Offsets in no order, two in one sentence, one past the text.
        let mut emoji: Vec<usize> = doc.astral_in(0, text.len()).map(|(at, _)| at).collect();
        emoji.reverse();
        emoji.push(text.len() + 5);
        assert_eq!(doc.sentences_holding(emoji), every);
    }

    #[test]
    fn splits_sentences_and_lines() {
        let text = "First one. Second one!\nThird e.g. here? Done";
        let parts: Vec<&str> = split_sentences(text).iter().map(|(s, e)| text[s..e].trim()).collect();
        assert_eq!(parts, vec!["First one.", "Second one!", "Third e.g. here?", "Done"]);
    }

    #[test]
    fn titles_and_initials_do_not_end_a_sentence() {
        let text = "Mrs. G in room 4 went home. Dr. Lee and John Q. Public said so. I told Ms. Ray. Then we left.";
        let parts: Vec<&str> = split_sentences(text).iter().map(|(s, e)| text[s..e].trim()).collect();
        assert_eq!(
            parts,
            vec![
                "Mrs. G in room 4 went home.",
                "Dr. Lee and John Q. Public said so.",
                "I told Ms. Ray.",
                "Then we left."
            ]
        );
    }

    #[test]
    fn finds_org_names_typed_plain_or_with_accents() {
        let policy =
            Policy::parse(r#"{"organization": {"names": ["Saint Luke's", "Clínica Peña"], "staff": ["Bo `Rae`"]}}"#)
                .unwrap();
        let options = CheckOptions::default();
        let doc = Document::new("SAINT LUKE'S and clinica pena thank Bo 'Rae'", &options, &policy);
        assert!(doc.is_org(0, 5));
        assert!(doc.is_org(doc.lower().find("clinica").unwrap(), doc.lower().find(" thank").unwrap()));
        assert!(doc.is_org(doc.lower().find("bo ").unwrap(), doc.lower().len()));
    }

    #[test]
    fn finds_every_whole_word_occurrence_of_org_names() {
        let policy = Policy::parse(r#"{"organization": {"names": ["Ann Ann", "(217)"]}}"#).unwrap();
        let spans = |text: &str| {
            let mut spans = find_org_spans(&text.to_ascii_lowercase(), &policy);
            spans.sort_unstable();
            spans
        };
        assert_eq!(spans("a nod to ann ann, and an ann ann"), vec![(9, 16), (25, 32)]);
        assert_eq!(spans("call (217) or x(217)"), vec![(5, 10)]);
        // Overlapping occurrences are all found: "ann ann" inside a word hides no whole-word one.
        assert_eq!(spans("xann ann ann"), vec![(5, 12)]);
    }

    #[test]
    fn finds_org_details() {
        let policy = Policy::parse(
            r#"{"organization": {"names": ["RCH"], "phones": ["(217) 555-0142"], "domains": ["rch.org"], "staff": ["Maria Alvarez"]}}"#,
        )
        .unwrap();
        let options = CheckOptions::default();
        let doc = Document::new("Thanks maria alvarez at RCH! Call 217.555.0142", &options, &policy);
        let at = doc.lower().find("maria").unwrap();
        assert!(doc.is_org(at, at + 5));
        assert!(doc.is_org_phone("217.555.0142") && doc.is_org_phone("+1 (217) 555-0142"));
        assert!(!doc.is_org_phone("217.555.0199"));
        assert!(doc.is_org_domain("jobs@rch.org"));
        assert!(doc.is_org_domain("https://www.rch.org/careers"));
        assert!(!doc.is_org_domain("gofundme.com/rch.org"));
        assert!(doc.is_org_domain("portal.rch.org"), "a subdomain");
        assert!(!doc.is_org_domain("notrch.org"), "another domain ending in the same letters");
    }
}
