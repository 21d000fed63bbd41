//! Patient privacy in context: who the draft talks about, and whether it ties them to their care.
//!
//! The evidence holds the identifiers and the *mentions*: names, dates, ages, rooms, places and the softer
//! clues (occupation, news event, a relative's job, a rare condition). One judge per finding kind decides,
//! from the care words around them, the cues and where the draft is typed, whether they point at a patient:
//!
//! | file | kind |
//! |---|---|
//! | `direct_identifier.rs` | `phi.direct_identifier` for the identifiers the finders found |
//! | `name_context.rs` | `phi.name_with_health_context` |
//! | `patient_date.rs` | `phi.direct_identifier` for dates of birth and visits |
//! | `review_reply.rs` | `phi.review_reply_disclosure` |
//! | `relationship.rs` | `phi.relationship_confirmation` |
//! | `public_figure.rs` | `phi.public_figure_patient` |
//! | `quasi.rs` | `phi.quasi_identifiers` |
//! | `media.rs` | `phi.media_reference` |
//! | `case_story.rs` | `phi.case_story` |
//!
//! Last, the smaller identifiers that stand beside a finding (a weekday, a bed number, a town) are added to
//! it, so that Redact removes them too.

mod case_story;
mod direct_identifier;
mod media;
mod name_context;
mod patient_date;
mod public_figure;
mod quasi;
mod relationship;
mod review_reply;

use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::evidence::mentions::{Mention, MentionKind};
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Identifier, Kind};
use crate::text::Fnv;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub(crate) use direct_identifier::judge as judge_identifiers;

/// The contextual privacy judges, in id order (the registry is [`crate::judge::judges`]).
pub(crate) static JUDGES: &[&dyn Judge] = &[&PatientContext];

/// The contextual privacy rules, run as one judge because they share the mentions.
pub(crate) struct PatientContext;

impl Judge for PatientContext {
    fn id(&self) -> &'static str {
        "patient_context"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let (doc, gate, mentions) = (evidence.doc, evidence.gate, &evidence.mentions[..]);
        name_context::judge(doc, mentions, out);
        patient_date::judge(doc, mentions, out);
        review_reply::judge(doc, out);
        relationship::judge(doc, gate, out);
        public_figure::judge(doc, gate, mentions, out);
        quasi::judge(doc, mentions, out);
        media::judge(doc, gate, out);
        attach_supporting(doc, mentions, out);
        case_story::judge(doc, gate, out);
    }
}

/// True when care words stand in the sentence of `at`, or, for a strong name (title, full name), in the
/// sentence before or after it ("Heartbreaking day. We lost Mr. Ortiz..." / "...carol jenkins ok? saw her
/// get wheeled up to L&D").
pub(super) fn care_near(doc: &Document, at: usize, strong: bool) -> bool {
    let (start, end) = doc.sentence_at(at);
    let counts = |s: usize, e: usize| doc.care_in(s, e).iter().any(|t| t.category != CareCategory::Visit);
    if counts(start, end) {
        return true;
    }
    if !strong {
        return false;
    }
    let sentences = doc.sentences();
    let i = sentences.partition_point(|(_, e)| e <= at);
    let next = sentences.get(i + 1).is_some_and(|(s, e)| {
        let lower = &doc.lower()[s..e];
        let refers_back = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "she" | "he" | "her" | "him" | "his" | "they" | "them" | "your"));
        refers_back && counts(s, e)
    });
    next
}

/// True when the sentence of `at` is about a patient: a patient word, a care verb, a name or an age.
/// `mentions` are sorted by start, as [`crate::evidence::mentions::find_mentions`] returns them: only the sentence's are looked at.
pub(super) fn patient_in_sentence(doc: &Document, mentions: &[Mention], at: usize) -> bool {
    let (start, end) = doc.sentence_at(at);
    let from = mentions.partition_point(|m| m.start < start);
    // "patients" (plural) is a group, not someone in particular.
    doc.care_in(start, end).iter().any(|t| {
        matches!(t.category, CareCategory::Patient | CareCategory::Verb) && !doc.lower()[t.start..t.end].ends_with('s')
    }) || mentions[from..]
        .iter()
        .take_while(|m| m.start <= end)
        .any(|m| m.end <= end && matches!(m.kind, MentionKind::Name { .. } | MentionKind::Age { .. }))
}

/// True when the draft speaks of one person: an age, a name, a singular person word or a pronoun.
pub(super) fn person_referent(doc: &Document, mentions: &[Mention]) -> bool {
    if mentions.iter().any(|m| {
        matches!(
            m.kind,
            MentionKind::Age { .. }
                | MentionKind::Name { .. }
                | MentionKind::Rare
                | MentionKind::Occupation
                | MentionKind::NewsEvent
                | MentionKind::Relative
        )
    }) {
        return true;
    }
    doc.lower().split(|c: char| !(c.is_alphanumeric() || c == '\'')).any(|w| {
        matches!(
            w,
            "she"
                | "he"
                | "her"
                | "him"
                | "his"
                | "she's"
                | "he's"
                | "guy"
                | "lady"
                | "gentleman"
                | "man"
                | "woman"
                | "kid"
                | "boy"
                | "girl"
                | "dude"
                | "pt"
                | "patient"
                | "resident"
                | "victim"
                | "victims"
                | "driver"
                | "señora"
                | "senora"
                | "señor"
                | "senor"
        )
    })
}

/// Up to this many bytes a draft is one short post: every detail in it combines with every other.
const SHORT_POST: usize = 280;

/// Adds the identifiers standing near a finding to that finding's kind, so they are shown and redacted.
fn attach_supporting(doc: &Document, mentions: &[Mention], out: &mut Vec<Hit>) {
    let anchors: Vec<(usize, usize, Kind)> = out[..]
        .iter()
        .filter(|h| h.kind.is_phi() && h.kind != Kind::PhiCaseStory && h.kind != Kind::PhiMediaReference)
        .map(|h| (h.start, h.end, h.kind))
        .collect();
    if anchors.is_empty() {
        return;
    }
    // Indexes built once, so that a long paste with thousands of mentions and anchors stays linear: the
    // first anchor in the mention's sentence or a sentence next to it, and whether a PHI hit overlaps it.
    type Index<K> = HashMap<K, usize, BuildHasherDefault<Fnv>>;
    let mut by_sentence: Index<(usize, usize)> = Index::default();
    let mut by_end: Index<usize> = Index::default();
    let mut by_start: Index<usize> = Index::default();
    for (i, &(start, _, _)) in anchors.iter().enumerate() {
        let (a_start, a_end) = doc.sentence_at(start);
        by_sentence.entry((a_start, a_end)).or_insert(i);
        by_end.entry(a_end).or_insert(i);
        by_start.entry(a_start).or_insert(i);
    }
    let mut phi: Vec<(usize, usize)> = out.iter().filter(|h| h.kind.is_phi()).map(|h| (h.start, h.end)).collect();
    phi.sort_unstable();
    let mut max_end = 0;
    let reach: Vec<usize> = phi
        .iter()
        .map(|&(_, end)| {
            max_end = max_end.max(end);
            max_end
        })
        .collect();
    // Mentions come sorted by start, so every hit pushed below starts at or before the current mention.
    let mut pushed_reach = 0;
    for mention in mentions {
        let Some(identifier) = mention.identifier() else { continue };
        let starting_before = phi.partition_point(|&(start, _)| start < mention.end);
        if (starting_before > 0 && reach[starting_before - 1] > mention.start) || pushed_reach > mention.start {
            continue;
        }
        if matches!(mention.kind, MentionKind::Name { .. }) {
            continue;
        }
        let (s_start, s_end) = doc.sentence_at(mention.start);
        let near = [by_sentence.get(&(s_start, s_end)), by_end.get(&s_start), by_start.get(&s_end)]
            .into_iter()
            .flatten()
            .min()
            .or((doc.text().len() <= SHORT_POST).then_some(&0))
            .map(|&i| anchors[i]);
        let Some((_, _, kind)) = near else { continue };
        pushed_reach = pushed_reach.max(mention.end);
        let kind = if kind == Kind::PhiPublicFigurePatient { Kind::PhiNameWithHealthContext } else { kind };
        out.push(
            Hit::new(kind, mention.start, mention.end, supporting_message(identifier))
                .identifier(identifier)
                .severity(kind.default_severity()),
        );
    }
}

fn supporting_message(identifier: Identifier) -> &'static str {
    match identifier {
        Identifier::Date => "A date next to a patient's care narrows down who they are.",
        Identifier::Age => "An exact age next to a patient's care narrows down who they are.",
        Identifier::Room => "A room or bed number points at one patient.",
        Identifier::Place => "A town, school, street or employer next to a patient's care narrows down who they are.",
        _ => "This detail, next to a patient's care, helps identify them.",
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn attaches_rooms_and_weekdays_to_a_name_finding() {
        let report =
            report("We lost Mr. Quill in bed 9 on Sunday after a long fight with ALS.", crate::options::Context::Post);
        let kinds: Vec<(&str, Kind)> = report.findings.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert!(kinds.contains(&("bed 9", Kind::PhiNameWithHealthContext)), "{kinds:?}");
        assert!(kinds.contains(&("on Sunday", Kind::PhiNameWithHealthContext)), "{kinds:?}");
    }

    #[test]
    fn attaches_a_unit_anywhere_in_a_short_post() {
        let report = report(
            "Mr. Okafor finished his last dialysis today! So proud. See you around 4 South!",
            crate::options::Context::Post,
        );
        assert!(report.findings.iter().any(|f| f.text == "4 South" && f.kind == Kind::PhiNameWithHealthContext));
    }

    #[test]
    fn leaves_rooms_alone_without_a_patient() {
        assert_silent("Room 118 is our new staff quiet room, with snacks and a massage chair.");
    }
}
