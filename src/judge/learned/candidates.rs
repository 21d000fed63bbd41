//! Which names, places, ages, dates and rooms are a patient's: every one the evidence holds is a candidate,
//! and a learned model weighs it in its context.
//!
//! Candidates come from the rule-found mentions ("Mrs. Delgado", "bed 12", "58yo", "from Decatur") and from the
//! entities the entity model found where no mention stands ("Benny Kowalczyk", "outside Tompkinsville"). The
//! model reads what the candidate is and how sure the evidence is, the words right around it, the care words in
//! its sentence and the ones beside it, and where the draft is typed: "Gloria" in "thank you Gloria, we'll see
//! you at your recheck" is a patient's name; in "congrats to Gloria on her promotion" it is not.
//!
//! The model ships as `src/data/model/spans.bin`, trained by `postguard-train` on the corpus's labeled spans.

use crate::doc::care::CareCategory;
use crate::evidence::entities::{facts_features, mention_name, Entity, EntityKind};
use crate::evidence::mentions::{Mention, MentionKind};
use crate::evidence::Evidence;
use crate::learn::{sigmoid, Key, LinearModel};
use crate::report::Identifier;

/// The model's one output.
pub(crate) const OUTPUTS: [&str; 1] = ["patient_identifier"];

/// A name, place, age, date or room that may be a patient's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub identifier: Identifier,
    /// The rule-found mention, if the candidate is one.
    pub mention: Option<MentionKind>,
    /// The entity model's probability for the candidate's kind (the largest over the entities it overlaps).
    pub entity: f32,
}

fn identifier_of(kind: EntityKind) -> Identifier {
    match kind {
        EntityKind::Person => Identifier::Name,
        EntityKind::Place => Identifier::Place,
        EntityKind::Age => Identifier::Age,
        EntityKind::Date => Identifier::Date,
        EntityKind::Room => Identifier::Room,
    }
}

/// The candidates of the evidence, sorted by start: every mention that is an identifier, then every entity no
/// such mention overlaps.
pub(crate) fn candidates(evidence: &Evidence) -> Vec<Candidate> {
    let entities = &evidence.entities[..];
    let overlapping = |start: usize, end: usize| entities.iter().filter(move |e| e.start < end && start < e.end);
    let mut out: Vec<Candidate> = evidence
        .mentions
        .iter()
        .filter_map(|m: &Mention| {
            let identifier = m.identifier()?;
            let entity = overlapping(m.start, m.end)
                .filter(|e| identifier_of(e.kind) == identifier)
                .map(|e| e.probability)
                .fold(0f32, f32::max);
            Some(Candidate { start: m.start, end: m.end, identifier, mention: Some(m.kind), entity })
        })
        .collect();
    let mentioned: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
    out.extend(entities.iter().filter(|e| !mentioned.iter().any(|&(s, end)| e.start < end && s < e.end)).map(
        |e: &Entity| Candidate {
            start: e.start,
            end: e.end,
            identifier: identifier_of(e.kind),
            mention: None,
            entity: e.probability,
        },
    ));
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The band of a probability, for feature keys.
pub(crate) fn band(p: f32) -> u64 {
    match p {
        p if p >= 0.9 => 4,
        p if p >= 0.7 => 3,
        p if p >= 0.5 => 2,
        p if p > 0.0 => 1,
        _ => 0,
    }
}

/// Calls `add` with every feature of `candidate`.
pub(crate) fn features(evidence: &Evidence, candidate: &Candidate, add: &mut impl FnMut(Key, f32)) {
    let doc = evidence.doc;
    let mut put = |key: Key| add(key, 1.0);
    let kind = candidate.identifier.as_str();
    put(Key::new(b"s.bias"));
    put(Key::new(b"s.type").str(kind));
    put(Key::new(b"s.src").str(candidate.mention.map_or("entity", mention_name)));
    put(Key::new(b"s.entity").str(kind).num(band(candidate.entity)));
    put(Key::new(b"s.ctx").str(doc.options.context.as_str()).str(kind));
    if doc.is_org(candidate.start, candidate.end) {
        put(Key::new(b"s.org"));
    }
    let terms = &doc.terms().list;
    let first = terms.partition_point(|t| t.end <= candidate.start);
    let past = terms.partition_point(|t| t.start < candidate.end);
    if let Some(t) = terms.get(first).filter(|_| first < past) {
        let word = &doc.lower()[t.start..t.end];
        if word.len() <= 24 {
            put(Key::new(b"s.w").str(kind).str(word));
        }
        put(Key::new(b"s.shape").str(kind).str(t.shape.as_str()));
        facts_features(Key::new(b"s.f").str(kind), doc.terms().facts[first], &mut put);
    }
    let word = |i: usize| {
        let t = terms[i];
        let w = &doc.lower()[t.start..t.end];
        if w.len() <= 24 {
            w
        } else {
            "<long>"
        }
    };
    for (space, i) in [
        (&b"s.l1"[..], first.checked_sub(1)),
        (b"s.l2", first.checked_sub(2)),
        (b"s.r1", Some(past)),
        (b"s.r2", Some(past + 1)),
    ] {
        match i.filter(|&i| i < terms.len()) {
            Some(i) => put(Key::new(space).str(word(i))),
            None => put(Key::new(space).str("<edge>")),
        }
    }
    for i in first.saturating_sub(6)..(past + 6).min(terms.len()) {
        if i < first || i >= past {
            put(Key::new(b"s.near").str(word(i)));
        }
    }
    let (s_start, s_end) = doc.sentence_at(candidate.start);
    let in_sentence = doc.care_in(s_start, s_end);
    for term in in_sentence {
        put(Key::new(b"s.care").str(care_name(term.category)));
    }
    put(Key::new(b"s.care_n").num(in_sentence.len().min(4) as u64));
    let sentences = doc.sentences();
    let i = sentences.partition_point(|(_, e)| e <= candidate.start);
    let beside = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| sentences.get(j))
        .map(|(s, e)| doc.care_in(s, e).len())
        .sum::<usize>();
    put(Key::new(b"s.care_beside").num(beside.min(3) as u64));
    put(Key::new(b"s.care_draft").num(doc.care_terms().len().min(6) as u64));
}

/// A short name of a care word's category, for feature keys.
pub(crate) fn care_name(category: CareCategory) -> &'static str {
    match category {
        CareCategory::Patient => "patient",
        CareCategory::Place => "place",
        CareCategory::Verb => "verb",
        CareCategory::Condition => "condition",
        CareCategory::Procedure => "procedure",
        CareCategory::Drug => "drug",
        CareCategory::Visit => "visit",
    }
}

/// The probability that each candidate is a patient's, in the order of `candidates`.
pub(crate) fn probabilities(evidence: &Evidence, candidates: &[Candidate], model: &LinearModel) -> Vec<f32> {
    let mut features = Vec::with_capacity(64);
    let mut scores = Vec::with_capacity(1);
    candidates
        .iter()
        .map(|c| {
            features.clear();
            self::features(evidence, c, &mut |key, value| features.push((key, value)));
            model.scores(&features, &mut scores);
            sigmoid(scores[0])
        })
        .collect()
}
