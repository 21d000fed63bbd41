//! Entities: who and where a draft names, learned from labeled text rather than listed by hand.
//!
//! A linear model ([`crate::learn`]) reads each candidate word with its shape, what public data says of it
//! (given name, surname, town, word class: [`crate::text::word_facts`]), its neighbours, and the rule-found
//! mentions and identifiers around it, and says how likely it is part of a person's name, a place, an age, a
//! date or a room. Neighbouring words of one type make one entity: "Benny Kowalczyk", "outside Tompkinsville",
//! "Lincoln Elementary in Oelwein". These are anyone's names and places; whether they are a patient's is the
//! judges' call.
//!
//! Candidates are the words that could be one: capitalized or mixed-case words, numbers, words public data
//! lists as a name or place, words inside a rule-found mention, and the lowercase words that finish or start a
//! date ("last night", "el lunes"). Other plain lowercase words ("the", "shift") are never an entity, which keeps
//! the model's work to a few words a sentence.
//!
//! The model is trained by `postguard-train` on the labeled drafts' spans and the person and location
//! entities of WNUT-17 (`corpus/`), and ships as `src/data/model/entities.bin`.

use super::identifiers::IdentifierHit;
use super::mentions::{Mention, MentionKind};
use crate::doc::Document;
use crate::learn::{sigmoid, Key, LinearModel};
use crate::text::terms::{Shape, Term};
use crate::text::word_facts::Facts;
use std::sync::LazyLock;

/// The model's outputs, in order.
pub(crate) const OUTPUTS: [&str; 5] = ["person", "place", "age", "date", "room"];

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum EntityKind {
    Person,
    Place,
    Age,
    Date,
    Room,
}

impl EntityKind {
    const ALL: [EntityKind; 5] =
        [EntityKind::Person, EntityKind::Place, EntityKind::Age, EntityKind::Date, EntityKind::Room];

    /// The output's name ([`OUTPUTS`]).
    pub fn as_str(self) -> &'static str {
        OUTPUTS[self as usize]
    }
}

/// One entity: byte offsets into the folded text, its kind and how sure the model is (0..1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub probability: f32,
}

static MODEL_BYTES: &[u8] = include_bytes!("../data/model/entities.bin");

/// The shipped entity model.
pub(crate) static MODEL: LazyLock<LinearModel<'static>> =
    LazyLock::new(|| LinearModel::read(MODEL_BYTES).expect("src/data/model/entities.bin is a model file"));

/// Lowercase words that finish or start a date ("last night", "el lunes", "jueves 14"): candidates, so that the
/// date is the whole phrase, not "last" or "el" alone. English and Spanish weekdays, Spanish months (as the folded
/// text spells them, without accents), parts of the day and spans of time; sorted. The words before them are
/// candidates only when something else makes them one ("last" is a surname): "this morning" gives "morning".
const TIME_WORDS: [&str; 37] = [
    "abril",
    "afternoon",
    "agosto",
    "diciembre",
    "domingo",
    "enero",
    "evening",
    "febrero",
    "friday",
    "jueves",
    "julio",
    "junio",
    "lunes",
    "manana",
    "martes",
    "marzo",
    "mayo",
    "miercoles",
    "monday",
    "month",
    "morning",
    "night",
    "noche",
    "noviembre",
    "octubre",
    "sabado",
    "saturday",
    "septiembre",
    "sunday",
    "tarde",
    "thursday",
    "tuesday",
    "viernes",
    "wednesday",
    "week",
    "weekend",
    "year",
];

/// A word's probability of being part of an entity of some kind is at least this for it to count.
const MIN_PROBABILITY: f32 = 0.5;

/// The per-word view the features read: the draft's terms with their facts, and what rule-found evidence
/// covers each.
pub(crate) struct WordView<'d> {
    doc: &'d Document<'d>,
    terms: &'d [Term],
    facts: &'d [Facts],
    phrase: &'d [Facts],
    /// The mention covering each term, if any.
    mention: Vec<Option<MentionKind>>,
    /// True when an identifier (phone, email, ...) covers the term.
    identifier: Vec<bool>,
    /// True when the term starts its sentence.
    first: Vec<bool>,
}

impl<'d> WordView<'d> {
    /// The view of `doc` with its `mentions` (sorted by start) and `identifiers`.
    pub fn new(doc: &'d Document<'d>, mentions: &[Mention], identifiers: &[IdentifierHit]) -> WordView<'d> {
        let terms = doc.terms();
        let list = &terms.list[..];
        let mut mention = vec![None; list.len()];
        let mut from = 0;
        for m in mentions {
            // Mentions come sorted by start, so the terms before one are before every later one too.
            from += list[from..].partition_point(|t| t.end <= m.start);
            for i in (from..list.len()).take_while(|&i| list[i].start < m.end) {
                // A name beats what it overlaps; otherwise the first mention found keeps the word.
                if mention[i].is_none() || matches!(m.kind, MentionKind::Name { .. }) {
                    mention[i] = Some(m.kind);
                }
            }
        }
        let mut identifier = vec![false; list.len()];
        for hit in identifiers {
            let from = list.partition_point(|t| t.end <= hit.start);
            for i in (from..list.len()).take_while(|&i| list[i].start < hit.end) {
                identifier[i] = true;
            }
        }
        let sentences = doc.sentences();
        let mut first = vec![false; list.len()];
        let mut sentence = 0;
        let mut last_sentence = usize::MAX;
        for (i, t) in list.iter().enumerate() {
            while sentence + 1 < sentences.len() && sentences.get(sentence).is_some_and(|(_, end)| end <= t.start) {
                sentence += 1;
            }
            first[i] = sentence != last_sentence;
            last_sentence = sentence;
        }
        WordView { doc, terms: list, facts: &terms.facts, phrase: &terms.phrase, mention, identifier, first }
    }

    /// How many terms the draft has.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// The term at `i`.
    pub fn term(&self, i: usize) -> Term {
        self.terms[i]
    }

    /// The rule-found mention covering term `i`, if any.
    pub fn mention(&self, i: usize) -> Option<MentionKind> {
        self.mention[i]
    }

    fn lower(&self, i: usize) -> &'d str {
        let t = self.terms[i];
        &self.doc.lower()[t.start..t.end]
    }

    /// True when term `i` could be part of an entity (see the module doc).
    pub fn is_candidate(&self, i: usize) -> bool {
        let t = &self.terms[i];
        if t.emoji {
            return false;
        }
        t.shape != Shape::Lower
            || self.mention[i].is_some()
            || self.identifier[i]
            || self.facts[i].is_name()
            || self.facts[i].is_place()
            || !self.phrase[i].is_empty()
            || TIME_WORDS.binary_search(&self.lower(i)).is_ok()
    }

    /// Calls `add` with every feature of candidate term `i`.
    pub fn features(&self, i: usize, add: &mut impl FnMut(Key, f32)) {
        let t = self.terms[i];
        let word = self.lower(i);
        let shape = t.shape.as_str();
        let mut put = |key: Key| add(key, 1.0);
        put(Key::new(b"e.bias"));
        if word.len() <= 24 {
            put(Key::new(b"e.w").str(word));
        }
        put(Key::new(b"e.s").str(shape));
        put(Key::new(b"e.sl").str(shape).num(length_band(word.len())));
        if word.len() > 3 {
            let cut = word.char_indices().rev().nth(2).map_or(0, |(at, _)| at);
            put(Key::new(b"e.suf").str(&word[cut..]));
        }
        facts_features(Key::new(b"e.f"), self.facts[i], &mut put);
        if !self.phrase[i].is_empty() {
            facts_features(Key::new(b"e.ph"), self.phrase[i], &mut put);
        }
        let first = self.first[i];
        put(Key::new(b"e.first").num(first.into()).str(shape));
        let name_like = self.facts[i].is_name();
        let place_like = self.facts[i].is_place();
        put(Key::new(b"e.shape_name").str(shape).num(name_like.into()).num(place_like.into()).num(first.into()));
        for (space, j) in [
            (&b"e.p1"[..], i.checked_sub(1)),
            (b"e.p2", i.checked_sub(2)),
            (b"e.n1", Some(i + 1)),
            (b"e.n2", Some(i + 2)),
        ] {
            let Some(j) = j.filter(|&j| j < self.terms.len()) else {
                put(Key::new(space).str("<edge>"));
                continue;
            };
            // The next-but-one words by themselves: only their presence at the edge counts. As features
            // they doubled the model for no better entities on held-out drafts.
            if space.ends_with(b"1") {
                let near = self.lower(j);
                if near.len() <= 24 {
                    put(Key::new(space).str(near));
                }
                let neighbour = self.terms[j];
                put(Key::new(space).str("shape").str(neighbour.shape.as_str()));
                if let Some(cluster) = self.facts[j].cluster() {
                    put(Key::new(space).str("cluster").num(cluster.into()));
                }
                put(Key::new(space).str("name").num(self.facts[j].is_name().into()).str(neighbour.shape.as_str()));
            }
        }
        // The character just before the word: "#" of a hashtag, "@" of a handle, "(" or a quote.
        let before = self.doc.text()[..t.start].chars().next_back().unwrap_or(' ');
        if !before.is_alphanumeric() && !before.is_whitespace() {
            put(Key::new(b"e.before").num(before.into()));
        }
        if let Some(kind) = self.mention[i] {
            put(Key::new(b"e.m").str(mention_name(kind)));
        }
        if self.identifier[i] {
            put(Key::new(b"e.id"));
        }
        if self.doc.is_org(t.start, t.end) {
            put(Key::new(b"e.org"));
        }
    }
}

/// The bucket of a word's length.
fn length_band(len: usize) -> u64 {
    match len {
        0..=1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        _ => 5,
    }
}

/// The features public data gives of a word or phrase, each band bucketed (a list hit is weighed, not trusted).
pub(crate) fn facts_features(space: Key, facts: Facts, put: &mut impl FnMut(Key)) {
    let f = facts.fields();
    if f.given > 0 {
        put(space.str("given").num(u64::from(f.given / 3)));
        put(space.str("given_female").num(f.given_female.into()));
    }
    if f.people_name {
        put(space.str("people"));
    }
    if f.surname > 0 {
        put(space.str("surname").num(u64::from(f.surname / 3)));
    }
    if f.place > 0 {
        put(space.str("place").num(u64::from(f.place / 3)));
    }
    if f.county {
        put(space.str("county"));
    }
    if f.state {
        put(space.str("state"));
    }
    if f.neighbourhood {
        put(space.str("neighbourhood"));
    }
    if f.world {
        put(space.str("world"));
    }
    put(space.str("common").num(f.common.into()));
    if let Some(cluster) = facts.cluster() {
        put(space.str("cluster").num(cluster.into()));
    }
}

/// A short name of a mention's kind, for feature keys.
pub(crate) fn mention_name(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name { public: true, .. } => "name_public",
        MentionKind::Name { strong: true, .. } => "name_strong",
        MentionKind::Name { .. } => "name",
        MentionKind::Date { dob: true, .. } => "dob",
        MentionKind::Date { numeric: true, .. } => "date_numeric",
        MentionKind::Date { .. } => "date",
        MentionKind::Age { years } if years >= 90 => "age_90",
        MentionKind::Age { .. } => "age",
        MentionKind::Room { unit: true } => "unit",
        MentionKind::Room { .. } => "room",
        MentionKind::Place => "place",
        MentionKind::Occupation => "occupation",
        MentionKind::NewsEvent => "news",
        MentionKind::Relative => "relative",
        MentionKind::Rare => "rare",
        MentionKind::Birth => "birth",
    }
}

/// The probability of each kind for every term of `view` (0 for words that are no candidate), as
/// `probabilities[term][kind]`.
pub(crate) fn word_probabilities(view: &WordView, model: &LinearModel) -> Vec<[f32; 5]> {
    let mut out = vec![[0f32; 5]; view.len()];
    let mut features = Vec::with_capacity(48);
    let mut scores = Vec::with_capacity(OUTPUTS.len());
    for (i, row) in out.iter_mut().enumerate() {
        if !view.is_candidate(i) {
            continue;
        }
        features.clear();
        view.features(i, &mut |key, value| features.push((key, value)));
        model.scores(&features, &mut scores);
        for (p, &score) in row.iter_mut().zip(&scores) {
            *p = sigmoid(score);
        }
    }
    out
}

/// The entities of a draft: runs of neighbouring words whose likeliest kind is the same and likely enough,
/// a few characters apart at most ("Benny Kowalczyk", "3/14/51", "bed 12").
pub(crate) fn find_entities(view: &WordView, model: &LinearModel) -> Vec<Entity> {
    let probabilities = word_probabilities(view, model);
    let mut out: Vec<Entity> = Vec::new();
    for (i, row) in probabilities.iter().enumerate() {
        let (kind, p) = EntityKind::ALL
            .iter()
            .map(|&k| (k, row[k as usize]))
            .fold((EntityKind::Person, 0f32), |best, candidate| if candidate.1 > best.1 { candidate } else { best });
        if p < MIN_PROBABILITY {
            continue;
        }
        let term = view.term(i);
        if let Some(last) = out.last_mut().filter(|last| last.kind == kind && joins(view, last.end, term.start)) {
            last.end = term.end;
            last.probability = last.probability.max(p);
            continue;
        }
        out.push(Entity { start: term.start, end: term.end, kind, probability: p });
    }
    out
}

/// True when the words ending at `end` and starting at `start` belong together: a space, a slash, a dash, a
/// period or a comma and space between them, on one line.
fn joins(view: &WordView, end: usize, start: usize) -> bool {
    let gap = &view.doc.text()[end..start];
    gap.len() <= 3 && !gap.contains('\n') && gap.chars().all(|c| matches!(c, ' ' | '/' | '-' | '.' | ',' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Evidence;
    use crate::options::{CheckOptions, Context};
    use crate::policy::Policy;

    /// The entities the shipped model finds in `text`, as (words of the folded text, kind).
    fn entities(text: &str) -> Vec<(String, EntityKind)> {
        let (options, policy) = (CheckOptions::new(Context::Post), Policy::default());
        let doc = Document::new(text, &options, &policy);
        let evidence = Evidence::gather(&doc, &MODEL);
        evidence.entities.iter().map(|e| (doc.text()[e.start..e.end].to_string(), e.kind)).collect()
    }

    #[test]
    fn time_words_are_sorted_for_their_binary_search() {
        assert!(TIME_WORDS.is_sorted());
    }

    #[test]
    fn a_date_takes_the_time_word_beside_it() {
        let found = entities("Our patient came back last night asking for his daughter.");
        assert!(found.contains(&("last night".to_string(), EntityKind::Date)), "{found:?}");
        let found = entities("El doctor le llamará el lunes con los resultados de la biopsia.");
        assert!(found.iter().any(|(words, kind)| words.ends_with("lunes") && *kind == EntityKind::Date), "{found:?}");
    }

    #[test]
    fn a_lowercase_time_word_alone_is_no_entity() {
        // "night", "week" and "weekend" are candidates now; with no date word beside them they stay plain words.
        let found = entities("the night shift again, the third weekend this month, and the coffee machine is broken.");
        assert!(found.is_empty(), "{found:?}");
    }
}
