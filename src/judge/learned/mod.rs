//! Learned judgment: which finding kinds a draft gets, decided by linear models trained on labeled drafts.
//!
//! The rule judges of [`super::privacy`] and [`super::tone`] run first; what they find becomes evidence here,
//! weighed with everything else the draft holds ([`draft`]). Then, for each stretch of the draft (the whole of
//! an ordinary post; a long paste is read a few paragraphs at a time):
//! 1. [`candidates`]: each name, place, age, date and room gets the probability that it is a patient's;
//! 2. the draft model gives each finding kind a probability; a kind is found when it reaches its threshold
//!    (chosen on drafts held out of training so that false warnings stay rare, `src/data/model/thresholds.txt`);
//! 3. every finding points at words: the rule's own words when a rule found the kind, else the patient's
//!    identifiers for a privacy kind, else the sentence whose words weigh most toward the kind.
//!
//! A case story is a de-identified one: beside a finding that identifies the patient it is dropped.
//!
//! Each kind has a mode in the thresholds file: `model` (the model decides; a rule's finding stands only when
//! the model agrees), `either` (the rule's findings stand, and the model may add), or `rule` (the rules alone,
//! where held-out drafts showed the model adds nothing). Record numbers (SSN, MRN, insurance id, account) and
//! slurs always stand; other exact identifiers (a phone, an email, a date of birth, ...) stand where the warning
//! reaches the thresholds file's `exact_floor`, far under its own threshold (a practice's own number, a hiring
//! email or an opening date are exact in form but no patient's). So do the findings of a `trusted` kind's rule
//! (one right on at least 97 % of the held-out drafts it fired on, whose trust cost at most half a point of
//! held-out warn recall when it was tuned, or the review-reply rule whatever it cost: a reply that confirms the
//! visit must warn).

pub(crate) mod candidates;
pub(crate) mod draft;
pub(crate) mod explain;
mod messages;

use crate::evidence::mentions::MentionKind;
use crate::evidence::Evidence;
use crate::learn::{sigmoid, Key, LinearModel};
use crate::report::{Hit, Identifier, Kind, Severity};
use candidates::Candidate;
use draft::DraftInput;
use std::sync::LazyLock;

/// Where a stretch's `warn` probability stands in [`Scored::probabilities`] (after every kind's).
const WARN: usize = Kind::ALL.len();

/// The kinds model's outputs: every finding kind.
pub(crate) fn kind_outputs() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.as_str()).collect()
}

/// The warning model's one output: whether the draft as a whole should warn.
pub(crate) const WARN_OUTPUTS: [&str; 1] = ["warn"];

/// How a kind is decided (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Model,
    Either,
    Rule,
}

/// The decision thresholds: per kind a probability and a mode, and the patient-identifier thresholds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Thresholds {
    kinds: Vec<(f32, Mode)>,
    /// The kinds whose rule findings stand even when the warning does not (`trusted` in the file: rules right
    /// on at least 97 % of the held-out drafts they fired on, chosen by `postguard-train`).
    trusted: Vec<bool>,
    /// A candidate is shown as a patient's identifier beside a privacy finding from this probability on.
    pub span: f32,
    /// The draft warns when its `warn` probability reaches this (0: the rules alone decide).
    pub warn: f32,
    /// In a stretch with no privacy finding, a candidate this likely a patient's is shown as a low-severity
    /// advisory (above 1: never): the models are not sure enough to warn, but the words are worth a look.
    pub span_advise: f32,
    /// An exact identifier other than a record number stands only where the `warn` probability reaches this
    /// (0: always; see [`needs_floor`]).
    pub exact_floor: f32,
}

impl Thresholds {
    /// Reads the thresholds file: one `name probability [mode]` a line (`#` comments), names being the kinds'
    /// ids, `span` and `warn`. A kind left out is decided by its rules alone.
    pub fn parse(text: &str) -> Result<Thresholds, String> {
        let mut kinds = vec![(1.1, Mode::Rule); Kind::ALL.len()];
        let mut trusted = vec![false; Kind::ALL.len()];
        let (mut span, mut warn, mut span_advise, mut exact_floor) = (0.5, 0.0, 1.01, 0.0);
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut parts = line.split_whitespace();
            let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
                return Err(format!("thresholds: line {line:?} has no value"));
            };
            let value: f32 = value.parse().map_err(|_| format!("thresholds: {name}: not a number"))?;
            let mode = match parts.next() {
                None | Some("model") => Mode::Model,
                Some("either") => Mode::Either,
                Some("rule") => Mode::Rule,
                Some(other) => return Err(format!("thresholds: {name}: unknown mode {other:?}")),
            };
            let is_trusted = match parts.next() {
                None => false,
                Some("trusted") => true,
                Some(other) => return Err(format!("thresholds: {name}: unknown flag {other:?}")),
            };
            match name {
                "span" => span = value,
                "warn" => warn = value,
                "span_advise" => span_advise = value,
                "exact_floor" => exact_floor = value,
                kind => {
                    let kind = Kind::from_id(kind).ok_or_else(|| format!("thresholds: unknown kind {kind:?}"))?;
                    kinds[kind as usize] = (value, mode);
                    trusted[kind as usize] = is_trusted;
                }
            }
        }
        Ok(Thresholds { kinds, trusted, span, warn, span_advise, exact_floor })
    }

    /// The threshold and mode of `kind`.
    pub fn of(&self, kind: Kind) -> (f32, Mode) {
        self.kinds[kind as usize]
    }

    /// Whether the kind's rule findings stand even when the warning does not.
    pub fn trusted(&self, kind: Kind) -> bool {
        self.trusted[kind as usize]
    }
}

/// The models and thresholds the learned judgment runs with.
pub(crate) struct JudgeModels<'m> {
    /// Whether a candidate is a patient's identifier.
    pub spans: LinearModel<'m>,
    /// Each finding kind's probability, from every draft feature but the pairs of words.
    pub kinds: LinearModel<'m>,
    /// Whether the draft should warn, from every draft feature.
    pub warn: LinearModel<'m>,
    pub thresholds: Thresholds,
}

static SPANS_BIN: &[u8] = include_bytes!("../../data/model/spans.bin");
static KINDS_BIN: &[u8] = include_bytes!("../../data/model/kinds.bin");
static WARN_BIN: &[u8] = include_bytes!("../../data/model/warn.bin");
static THRESHOLDS: &str = include_str!("../../data/model/thresholds.txt");

/// The shipped models.
pub(crate) static SHIPPED: LazyLock<JudgeModels<'static>> = LazyLock::new(|| JudgeModels {
    spans: LinearModel::read(SPANS_BIN).expect("src/data/model/spans.bin is a model file"),
    kinds: LinearModel::read(KINDS_BIN).expect("src/data/model/kinds.bin is a model file"),
    warn: LinearModel::read(WARN_BIN).expect("src/data/model/warn.bin is a model file"),
    thresholds: Thresholds::parse(THRESHOLDS).expect("src/data/model/thresholds.txt parses"),
});

/// The shipped models with every kind decided by its rules alone and no identifier added beside them: the rules'
/// own tests check what each rule finds, now that a rule is one piece of evidence among others.
#[cfg(test)]
pub(crate) static RULES_ONLY: LazyLock<JudgeModels<'static>> = LazyLock::new(|| JudgeModels {
    spans: LinearModel::read(SPANS_BIN).expect("src/data/model/spans.bin is a model file"),
    kinds: LinearModel::read(KINDS_BIN).expect("src/data/model/kinds.bin is a model file"),
    warn: LinearModel::read(WARN_BIN).expect("src/data/model/warn.bin is a model file"),
    thresholds: Thresholds::parse("span 1.01").expect("rules-only thresholds parse"),
});

/// Up to this many bytes a draft is read as one; a longer paste is read in stretches of about this size,
/// cut between sentences, since the models learned from posts, not from books.
const STRETCH: usize = 3000;

/// The stretches of a draft: `[start, end)` byte ranges covering it, cut between sentences.
fn stretches(evidence: &Evidence) -> Vec<(usize, usize)> {
    let len = evidence.doc.text().len();
    if len <= STRETCH {
        return vec![(0, len)];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (_, end) in evidence.doc.sentences().iter() {
        if end - start >= STRETCH / 2 {
            out.push((start, end));
            start = end;
        }
    }
    if start < len {
        out.push((start, len));
    }
    out
}

/// What stands whatever the models say: identifiers found by pattern and validated (an SSN, a phone, an
/// email...), an identifier the direct-identifier rule found with its cue (a date of birth, a bed), and slurs.
/// None of these is a matter of judgment.
pub(crate) fn is_exact(hit: &Hit) -> bool {
    (hit.kind == Kind::PhiDirectIdentifier && hit.identifier.as_deref() == Some("date"))
        || hit.kind == Kind::ToneSlur
        || hit.identifier.as_deref().is_some_and(|id| !matches!(id, "name" | "date" | "age" | "place" | "room"))
}

/// Whether an exact finding stands in a stretch with (`care`) or without care words: a date of birth only in a
/// stretch about care (a birthday in an ordinary post is not a patient's).
pub(crate) fn stands(hit: &Hit, care: bool) -> bool {
    is_exact(hit) && (care || hit.identifier.as_deref() != Some("date"))
}

/// Whether an exact finding stands only where the warning model gives the stretch at least
/// [`Thresholds::exact_floor`]: every exact identifier but a slur and the record numbers only a patient's file
/// holds (SSN, MRN, insurance id, account). A phone, an email, a date or a link is exact in its form, not in
/// whose it is: held out, every one that warned a draft the warning model scored under 0.15 was a false warning
/// (a practice's own number, a hiring email, an opening date, a teaching slide's dummy patient).
pub(crate) fn needs_floor(hit: &Hit) -> bool {
    hit.kind != Kind::ToneSlur && !matches!(hit.identifier.as_deref(), Some("ssn" | "mrn" | "insurance_id" | "account"))
}

/// The models' view of one stretch: each kind's probability and the warning's (last), and the features.
pub(crate) struct Scored {
    pub probabilities: Vec<f32>,
    /// The kinds model's features (every feature but the pairs of words), each once.
    pub kind_features: Vec<(Key, f32)>,
    /// The warning model's features (the pairs, valued by [`pair_value`], then the kinds model's), each once.
    pub warn_features: Vec<(Key, f32)>,
}

/// Each feature of `keys` once, with the value 1.
fn once(mut keys: Vec<Key>) -> Vec<(Key, f32)> {
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter().map(|k| (k, 1.0)).collect()
}

/// Up to this many distinct pairs of words (and of word classes) in a stretch, each pair counts fully in the
/// warning model; with `n` more, each counts `sqrt(PAIRS_AT_FULL_VALUE / n)`. A long post's hundreds of
/// ordinary pairs otherwise outweighed its one risky passage: on the six sets held out, posts over 600
/// characters that should warn were caught 0.27 of the time, and 0.38 with this (all posts: warn recall 0.77 to
/// 0.80 at a false-warn rate of 2.4 % and 2.6 %).
const PAIRS_AT_FULL_VALUE: f32 = 40.0;

/// The value each pair feature of a stretch with `pairs` distinct pairs gets (see [`PAIRS_AT_FULL_VALUE`]).
fn pair_value(pairs: usize) -> f32 {
    (PAIRS_AT_FULL_VALUE / pairs.max(1) as f32).sqrt().min(1.0)
}

/// The models' view of one stretch of the draft.
pub(crate) fn score_stretch(input: &DraftInput, models: &JudgeModels) -> Scored {
    let (mut keys, mut pairs) = (Vec::with_capacity(256), Vec::with_capacity(128));
    draft::features(input, &mut |key, pair| if pair { pairs.push(key) } else { keys.push(key) });
    let kind_features = once(keys);
    let mut warn_features = once(pairs);
    let value = pair_value(warn_features.len());
    for pair in &mut warn_features {
        pair.1 = value;
    }
    warn_features.extend_from_slice(&kind_features);
    let mut scores = Vec::with_capacity(Kind::ALL.len() + 1);
    models.kinds.scores(&kind_features, &mut scores);
    let mut warn = Vec::with_capacity(1);
    models.warn.scores(&warn_features, &mut warn);
    scores.extend(warn);
    Scored { probabilities: scores.into_iter().map(sigmoid).collect(), kind_features, warn_features }
}

/// Decides the draft's findings from the evidence and the rule judges' findings (`rules`), into `out`.
pub(crate) fn decide(evidence: &Evidence, rules: Vec<Hit>, models: &JudgeModels, out: &mut Vec<Hit>) {
    each_stretch(evidence, rules, models, |input, scored| decide_stretch(input, scored, models, out));
}

/// Scores each stretch of the draft and hands it, with its part of the evidence, the rules' findings
/// (`rules`) and the candidates with their probabilities, to `visit` (deciding, or explaining).
fn each_stretch(
    evidence: &Evidence,
    mut rules: Vec<Hit>,
    models: &JudgeModels,
    mut visit: impl FnMut(&DraftInput, &Scored),
) {
    let found = candidates::candidates(evidence);
    let likelihood = candidates::probabilities(evidence, &found, &models.spans);
    let candidates: Vec<(Candidate, f32)> = found.into_iter().zip(likelihood).collect();
    // Everything sorted by start, so that each stretch takes its own part by binary search: a long paste's
    // stretches never scan the whole draft's evidence.
    rules.sort_by_key(|h| h.start);
    let mut identifiers = evidence.identifiers.clone();
    identifiers.sort_by_key(|h| h.start);
    for (start, end) in stretches(evidence) {
        let input = stretch_input(evidence, start, end, &rules, &candidates, &identifiers);
        let scored = score_stretch(&input, models);
        visit(&input, &scored);
    }
}

/// The part of the evidence, the rules' findings (sorted by start) and the candidates that start in
/// `[start, end)`.
pub(crate) fn stretch_input<'a>(
    evidence: &'a Evidence<'a>,
    start: usize,
    end: usize,
    rules: &'a [Hit],
    candidates: &'a [(Candidate, f32)],
    identifiers: &'a [crate::evidence::identifiers::IdentifierHit],
) -> DraftInput<'a> {
    use draft::starting_in;
    DraftInput {
        evidence,
        start,
        end,
        rules: starting_in(rules, start, end, |h| h.start),
        candidates: starting_in(candidates, start, end, |(c, _)| c.start),
        mentions: starting_in(&evidence.mentions, start, end, |m| m.start),
        identifiers: starting_in(identifiers, start, end, |h| h.start),
        entities: starting_in(&evidence.entities, start, end, |e| e.start),
    }
}

fn decide_stretch(input: &DraftInput, scored: &Scored, models: &JudgeModels, out: &mut Vec<Hit>) {
    let thresholds = &models.thresholds;
    // A `warn` threshold of 0 leaves the warning to the rules: every kind is open, and no kind speaks for a
    // warning the rules did not give.
    let gate = thresholds.warn > 0.0;
    let warns = !gate || scored.probabilities[WARN] >= thresholds.warn;
    // Most exact identifiers stand only from the floor up ([`needs_floor`]).
    let floor_met = !gate || scored.probabilities[WARN] >= thresholds.exact_floor;
    let probability = |kind: Kind| scored.probabilities[kind as usize];
    let care = !input.evidence.doc.care_in(input.start, input.end).is_empty();
    let first = out.len();
    let mut shown_warning = false;
    let mut privacy_anchor: Option<(f32, Kind)> = None;
    let show = |kind: Kind, out: &mut Vec<Hit>| {
        let before = out.len();
        out.extend(input.rules.iter().filter(|h| h.kind == kind).cloned());
        if out.len() == before {
            point_at_words(input, kind, models, out);
        }
    };
    for &kind in Kind::ALL {
        let (threshold, mode) = thresholds.of(kind);
        let p = probability(kind);
        let gated = is_gated(kind);
        let ruled = input.rules.iter().any(|h| h.kind == kind);
        let model_says = mode != Mode::Rule && p >= threshold;
        // A privacy advisory (a kind the warning does not decide) needs care words in the stretch: a story with
        // no care context is not a patient's (ordinary posts about people got one in fifty without this).
        let open = if gated { warns } else { care || !kind.is_phi() };
        let trusted_rule = gated && !warns && ruled && thresholds.trusted(kind);
        let shown = trusted_rule || (open && (model_says || (mode != Mode::Model && ruled)));
        if shown {
            show(kind, out);
            if gated {
                shown_warning = true;
                if kind.identifies_patient() && privacy_anchor.is_none_or(|(best, _)| p > best) {
                    privacy_anchor = Some((p, kind));
                }
            }
        } else {
            // Exact identifiers stand whatever the kinds model says.
            out.extend(
                input
                    .rules
                    .iter()
                    .filter(|h| h.kind == kind && stands(h, care) && (floor_met || !needs_floor(h)))
                    .cloned(),
            );
        }
    }
    // An exact identifier or strong profanity already warns.
    shown_warning |= out[first..].iter().any(|h| h.severity >= Severity::Medium);
    if gate && warns && !shown_warning {
        // The draft warns but no kind reached its own threshold: the kind nearest to it speaks.
        let nearest = Kind::ALL.iter().copied().filter(|&k| is_gated(k)).max_by(|&a, &b| {
            let ratio = |k: Kind| probability(k) / thresholds.of(k).0.max(0.01);
            ratio(a).total_cmp(&ratio(b))
        });
        if let Some(kind) = nearest {
            show(kind, out);
            if kind.identifies_patient() {
                privacy_anchor = Some((probability(kind), kind));
            }
        }
    }
    // The patient's identifiers stand beside the privacy finding, so that Redact removes them too.
    let anchor = privacy_anchor
        .map(|(_, kind)| kind)
        .or_else(|| out[first..].iter().map(|h| h.kind).find(|k| k.identifies_patient()));
    let in_stretch = input.candidates.iter();
    if let Some(kind) = anchor {
        let severity = severity(input, kind);
        // In a review reply the name is the reviewer's, most often the patient's: a reply that warns for privacy
        // and names them gives a name with health context, whatever kind the draft model put first.
        let names_reviewer = kind != Kind::PhiNameWithHealthContext
            && input.evidence.doc.options.context == crate::options::Context::ReplyToReview
            && !out[first..].iter().any(|h| h.kind == Kind::PhiNameWithHealthContext);
        for &(c, p) in in_stretch {
            if p >= thresholds.span {
                out.push(identifier_hit(kind, &c, severity));
                if names_reviewer && c.identifier == Identifier::Name {
                    let named = Kind::PhiNameWithHealthContext;
                    out.push(identifier_hit(named, &c, self::severity(input, named)));
                }
            }
        }
    } else if care {
        for &(c, p) in in_stretch {
            if p >= thresholds.span_advise {
                let message = messages::advisory_message(c.identifier);
                out.push(Hit::new(Kind::PhiCaseStory, c.start, c.end, message).identifier(c.identifier));
            }
        }
    }
    drop_case_story_beside_identifiers(out, first);
}

/// A case story is a de-identified one ("nothing combinable", the spec): beside a finding that the patient can be
/// identified it is not, and the corpus never labels the two together (none of 163 case stories in the seven
/// shared sets). Drops the case-story findings of `out[first..]` when one of them identifies the patient.
fn drop_case_story_beside_identifiers(out: &mut Vec<Hit>, first: usize) {
    if out[first..].iter().any(|h| h.kind.identifies_patient()) {
        let kept: Vec<Hit> = out.drain(first..).filter(|h| h.kind != Kind::PhiCaseStory).collect();
        out.extend(kept);
    }
}

/// True for the kinds the draft's warning decides: every kind a finding of which warns, except profanity, whose
/// strong words warn on their own.
pub(crate) fn is_gated(kind: Kind) -> bool {
    kind.default_severity() >= Severity::Medium
}

/// The finding of `kind` for candidate `c`, a patient's identifier.
fn identifier_hit(kind: Kind, c: &Candidate, severity: Severity) -> Hit {
    Hit::new(kind, c.start, c.end, messages::identifier_message(c.identifier))
        .identifier(c.identifier)
        .severity(severity)
}

/// The severity of a privacy finding: quasi-identifiers are high beside an age of 90 or more or a news event.
fn severity(input: &DraftInput, kind: Kind) -> Severity {
    let grave =
        input.mentions.iter().any(|m| matches!(m.kind, MentionKind::NewsEvent | MentionKind::Age { years: 90.. }));
    if kind == Kind::PhiQuasiIdentifiers && grave {
        Severity::High
    } else {
        kind.default_severity()
    }
}

/// Pushes the finding of `kind`, which the model found and no rule did, at the words behind it: the patient's
/// identifiers for a privacy kind, else the sentence whose words weigh most toward the kind.
fn point_at_words(input: &DraftInput, kind: Kind, models: &JudgeModels, out: &mut Vec<Hit>) {
    let severity = severity(input, kind);
    if kind.identifies_patient() {
        let before = out.len();
        for &(c, p) in input.candidates {
            if p >= models.thresholds.span {
                out.push(identifier_hit(kind, &c, severity));
            }
        }
        if out.len() > before {
            return;
        }
        // A direct identifier is always a particular identifier, and a name with health context a name: the
        // likeliest candidate of that sort, or (for a direct identifier) nothing.
        let fits = |c: &Candidate| kind != Kind::PhiNameWithHealthContext || c.identifier == Identifier::Name;
        if matches!(kind, Kind::PhiDirectIdentifier | Kind::PhiNameWithHealthContext) {
            let likeliest = input.candidates.iter().filter(|(c, _)| fits(c)).max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(&(c, _)) = likeliest {
                out.push(identifier_hit(kind, &c, severity));
                return;
            }
            if kind == Kind::PhiDirectIdentifier {
                return;
            }
        }
    }
    let (s, e) = weightiest_sentence(input, kind, &models.kinds);
    let (message, suggestion) = messages::kind_message(kind);
    out.push(Hit::new(kind, s, e, message).suggest(suggestion).severity(severity));
}

/// The sentence of the stretch whose word features weigh most toward `kind`, trimmed of spaces.
fn weightiest_sentence(input: &DraftInput, kind: Kind, model: &LinearModel) -> (usize, usize) {
    let doc = input.evidence.doc;
    let (start, end) = (input.start, input.end);
    let mut best = (f32::MIN, start, end);
    let sentences = doc.sentences();
    let first = sentences.partition_point(|(_, e)| e <= start);
    for (s, e) in sentences.iter_from(first).take_while(|&(s, _)| s < end) {
        let (first, past) = draft::term_range(input, s, e);
        let mut keys = Vec::new();
        draft::word_features(input, first, past, &mut |key, pair| {
            if !pair {
                keys.push(key)
            }
        });
        keys.sort_unstable();
        keys.dedup();
        let weight: f32 = keys.iter().map(|&k| model.weight(k, kind as usize)).sum();
        if weight > best.0 {
            best = (weight, s, e);
        }
    }
    let (_, s, e) = best;
    let sentence = &doc.text()[s..e];
    let trimmed_start = s + (sentence.len() - sentence.trim_start().len());
    let trimmed_end = e - (sentence.len() - sentence.trim_end().len());
    if trimmed_start < trimmed_end {
        (trimmed_start, trimmed_end)
    } else {
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{CheckOptions, Context};
    use crate::policy::Policy;
    use crate::report::Report;

    fn check(text: &str) -> Report {
        crate::check(text, &CheckOptions::new(Context::Post), &Policy::default())
    }

    fn privacy(report: &Report) -> Vec<(&'static str, &str)> {
        report.findings.iter().filter(|f| f.kind.is_phi()).map(|f| (f.kind.as_str(), f.text.as_str())).collect()
    }

    #[test]
    fn reads_the_thresholds_file_and_refuses_a_bad_line() {
        let t = Thresholds::parse(concat!(
            "# comment\nwarn 0.7\nexact_floor 0.15\nspan 0.4\nspan_advise 0.9\n",
            "tone.insult 0.3 either\ntone.slur 0.2 model trusted\n"
        ))
        .unwrap();
        assert_eq!(t.exact_floor, 0.15);
        assert_eq!(Thresholds::parse("warn 0.7").unwrap().exact_floor, 0.0, "no floor unless the file sets one");
        assert!(t.trusted(Kind::ToneSlur) && !t.trusted(Kind::ToneInsult));
        assert!(Thresholds::parse("tone.slur 0.2 model always").is_err());
        assert_eq!((t.warn, t.span, t.span_advise), (0.7, 0.4, 0.9));
        assert_eq!(t.of(Kind::ToneInsult), (0.3, Mode::Either));
        assert_eq!(t.of(Kind::ToneThreat).1, Mode::Rule, "a kind left out is the rules'");
        assert!(Thresholds::parse("tone.insult high").is_err());
        assert!(Thresholds::parse("tone.nonsense 0.5").is_err());
        assert!(Thresholds::parse("tone.insult 0.5 sometimes").is_err());
        assert!(Thresholds::parse(include_str!("../../data/model/thresholds.txt")).is_ok());
    }

    #[test]
    fn flags_a_patient_in_a_care_story_at_their_identifiers() {
        let text = "pt Lily Okafor in bed 4 coded twice tonight, family at the bedside";
        let report = check(text);
        assert_eq!(report.verdict, crate::report::Verdict::Warn, "{report:?}");
        let found = privacy(&report);
        assert!(found.iter().any(|&(_, words)| words == "bed 4"), "{found:?}");
        assert!(report.findings.iter().filter(|f| f.kind == Kind::PhiDirectIdentifier).all(|f| f.identifier.is_some()));
    }

    #[test]
    fn an_ordinary_post_about_people_gets_no_privacy_finding() {
        // Names, a birthday and a place, but no care context: not a patient's story.
        for text in [
            "Happy birthday to my sister Megan, born October 18! Party at the lake house in Tahoe",
            "Jessica and Tom finally got engaged on Tuesday, so happy for them",
        ] {
            assert!(privacy(&check(text)).is_empty(), "{text}: {:?}", check(text).findings);
        }
    }

    #[test]
    fn a_review_reply_that_names_the_visit_warns() {
        // The trusted rule's finding stands whatever the warning model says.
        let text = "Thanks for coming in for your crown last week, sorry it came loose so soon.";
        let report = crate::check(text, &CheckOptions::new(Context::ReplyToReview), &Policy::default());
        assert!(report.findings.iter().any(|f| f.kind == Kind::PhiReviewReplyDisclosure), "{report:?}");
        let thanks = "Thank you for the kind words, we will share them with the team!";
        let report = crate::check(thanks, &CheckOptions::new(Context::ReplyToReview), &Policy::default());
        assert!(report.findings.is_empty(), "{report:?}");
    }

    #[test]
    fn a_review_reply_that_names_the_reviewer_with_their_care_gives_a_name_with_health_context() {
        let reply = CheckOptions::new(Context::ReplyToReview);
        let text = "Marisol, so sorry your crown came loose after your visit, please call the office.";
        let report = crate::check(text, &reply, &Policy::default());
        let named: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.kind == Kind::PhiNameWithHealthContext)
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(named, ["Marisol"], "{report:?}");
        // The same name in a reply that says nothing of care gives none.
        let thanks = "Hi Marisol, thank you for the kind words, we will share them with the team!";
        let report = crate::check(thanks, &reply, &Policy::default());
        assert!(report.findings.is_empty(), "{report:?}");
    }

    #[test]
    fn pairs_count_fully_in_a_post_and_less_in_a_long_one() {
        assert_eq!(pair_value(0), 1.0);
        assert_eq!(pair_value(40), 1.0);
        assert!((pair_value(160) - 0.5).abs() < 1e-6);
        let short = "pt in bed 4 coded twice tonight";
        let long = "Our leadership team walked every floor this week to hear what would make shifts easier. People \
            asked for better parking near the east garage, quieter break rooms, faster badge printers, clearer \
            charting screens, more float staff on weekends, fresh coffee after midnight, and a simpler way to swap \
            holidays with colleagues across departments. Thank you all for such honest, practical ideas today.";
        for (text, full) in [(short, true), (long, false)] {
            let (options, policy) = (CheckOptions::new(Context::Post), Policy::default());
            let doc = crate::doc::Document::new(text, &options, &policy);
            let evidence = Evidence::gather(&doc, &crate::evidence::entities::MODEL);
            let input = stretch_input(&evidence, 0, text.len(), &[], &[], &[]);
            let scored = score_stretch(&input, &SHIPPED);
            let pairs: Vec<f32> =
                scored.warn_features.iter().filter(|f| !scored.kind_features.contains(f)).map(|f| f.1).collect();
            assert!(!pairs.is_empty());
            assert_eq!(pairs.iter().all(|&v| v == 1.0), full, "{text}: {pairs:?}");
        }
    }

    #[test]
    fn record_numbers_and_slurs_need_no_floor_and_other_exact_identifiers_do() {
        let hit = |kind: Kind, id: Option<Identifier>| {
            let h = Hit::new(kind, 0, 4, "m");
            match id {
                Some(id) => h.identifier(id),
                None => h,
            }
        };
        for id in [Identifier::Ssn, Identifier::Mrn, Identifier::InsuranceId, Identifier::Account] {
            assert!(!needs_floor(&hit(Kind::PhiDirectIdentifier, Some(id))), "{id:?}");
        }
        assert!(!needs_floor(&hit(Kind::ToneSlur, None)));
        for id in [Identifier::Phone, Identifier::Email, Identifier::Date, Identifier::Url, Identifier::Zip] {
            let h = hit(Kind::PhiDirectIdentifier, Some(id));
            assert!(is_exact(&h) && needs_floor(&h), "{id:?}");
        }
    }

    #[test]
    fn a_practice_s_own_phone_and_email_need_the_warning_floor_and_a_patient_s_phone_meets_it() {
        // Exact in form, not a patient's: before the floor both warned.
        for text in [
            "Our new Eastside clinic opens Monday! Walk-ins welcome 8 to 6. Call (309) 555-0128 to book your flu shot.",
            "Now hiring a front desk coordinator for our dental team 🦷 send your resume to jobs@brightpathdental.com",
        ] {
            let report = check(text);
            assert_eq!(report.verdict, crate::report::Verdict::Ok, "{text}: {report:?}");
        }
        let report = check("pt in room 12 wants you to call her daughter at 309-555-0177 about the biopsy results");
        assert!(report.findings.iter().any(|f| f.identifier.as_deref() == Some("phone")), "{report:?}");
        assert_eq!(report.verdict, crate::report::Verdict::Warn);
    }

    #[test]
    fn a_case_story_is_dropped_beside_a_finding_that_identifies_the_patient() {
        let hit = |kind: Kind| Hit::new(kind, 0, 4, "why");
        // An earlier stretch's story stays; in this stretch a quasi-identifier means the story is no de-identified one.
        let mut out = vec![hit(Kind::PhiCaseStory), hit(Kind::PhiCaseStory), hit(Kind::PhiQuasiIdentifiers)];
        drop_case_story_beside_identifiers(&mut out, 1);
        let kinds: Vec<Kind> = out.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [Kind::PhiCaseStory, Kind::PhiQuasiIdentifiers]);
        // Beside tone (or a photo of the patient) the story stands.
        let mut out = vec![hit(Kind::PhiCaseStory), hit(Kind::ToneMockingPatients), hit(Kind::PhiMediaReference)];
        drop_case_story_beside_identifiers(&mut out, 0);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_mocked_patient_s_story_is_a_case_story_until_the_patient_can_be_identified() {
        let kinds = |text: &str| -> Vec<Kind> { check(text).findings.iter().map(|f| f.kind).collect() };
        let story = kinds(concat!(
            "frequent flyer came in tonight with his usual 'chest pain' and asked for a turkey sandwich before ",
            "triage was even done 🙄 same guy every tuesday"
        ));
        assert!(story.contains(&Kind::PhiCaseStory) && story.contains(&Kind::ToneMockingPatients), "{story:?}");
        let placed = kinds(concat!(
            "the crock in bed 12 today, 58 yo from Millbrook, called 911 from his hospital bed because his jello ",
            "was the wrong color lmao"
        ));
        assert!(placed.contains(&Kind::PhiQuasiIdentifiers), "{placed:?}");
        assert!(!placed.contains(&Kind::PhiCaseStory), "{placed:?}");
    }

    #[test]
    fn exact_identifiers_stand_whatever_the_models_say() {
        let report = check("call me, ssn is 219-09-9999");
        assert!(report.findings.iter().any(|f| f.identifier.as_deref() == Some("ssn")), "{report:?}");
    }
}
