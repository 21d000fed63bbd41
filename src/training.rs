//! What `postguard-train` needs from the core: labeled drafts turned into the learned models' examples, and
//! the models measured on drafts they never saw. Not part of the API (`postguard::training`, hidden).
//!
//! The features are the checker's own: an example is made by running the same document, evidence and rules
//! the checker runs, so the models are trained on exactly what they will read.

use crate::doc::Document;
use crate::evidence::entities::{self, EntityKind, WordView, OUTPUTS};
use crate::evidence::mentions::MentionKind;
use crate::evidence::Evidence;
use crate::evidence::{identifiers, mentions, CATALOG};
use crate::judge;
use crate::judge::learned::{self, candidates, JudgeModels};
use crate::learn::train;
use crate::learn::LinearModel;
use crate::options::CheckOptions;
use crate::policy::Policy;
use crate::report::{Kind, Report, Severity};

pub use crate::learn::model::ModelError;
pub use crate::learn::train::{Example, Settings};
pub use crate::text::word_facts::{write_word_facts, FactFields};

/// A labeled span: byte offsets into the draft as typed, and its type (the corpus's span types: `name`,
/// `place`, `age`, `date`, `room`, ...; WNUT-17's `person`, `location`, `group`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Past the last byte.
    pub end: usize,
    /// The type.
    pub kind: String,
}

/// A draft with its labels, as training reads it.
#[derive(Debug, Clone)]
pub struct TrainingDraft {
    /// The text as typed.
    pub text: String,
    /// Where it is typed.
    pub options: CheckOptions,
    /// Its labeled spans.
    pub spans: Vec<Span>,
    /// True when every person and place in it is labeled, whoever they are (WNUT-17); false when only a
    /// patient's are (the corpus's drafts, where a colleague's name is no span).
    pub all_entities: bool,
}

/// The entity kind a labeled span type stands for; `None` for other identifiers (phone, email, ...).
fn entity_kind(span_type: &str) -> Option<EntityKind> {
    match span_type {
        "name" | "person" => Some(EntityKind::Person),
        "place" | "location" => Some(EntityKind::Place),
        "age" => Some(EntityKind::Age),
        "date" => Some(EntityKind::Date),
        "room" => Some(EntityKind::Room),
        _ => None,
    }
}

/// The names of the entity model's outputs.
pub fn entity_outputs() -> Vec<String> {
    OUTPUTS.iter().map(|s| s.to_string()).collect()
}

/// The entity model's examples from `draft`: one per candidate word, with what its labels say and leave open.
pub fn entity_examples(draft: &TrainingDraft, policy: &Policy) -> Vec<Example> {
    let doc = Document::new(&draft.text, &draft.options, policy);
    let gate = doc.gate(&CATALOG);
    let found = identifiers::find_all(&doc, gate);
    let mentions = mentions::find_mentions(&doc, gate);
    let view = WordView::new(&doc, &mentions, &found);
    let mut out = Vec::new();
    for i in 0..view.len() {
        if !view.is_candidate(i) {
            continue;
        }
        let term = view.term(i);
        let (start, end) = doc.norm.original_range(term.start, term.end);
        let mut labels = vec![false; OUTPUTS.len()];
        let mut other_entity = false;
        for span in draft.spans.iter().filter(|s| s.start < end && start < s.end) {
            match entity_kind(&span.kind) {
                Some(kind) => labels[kind as usize] = true,
                None => other_entity = true,
            }
        }
        let ignore = if draft.all_entities {
            // WNUT-17 labels people and places but no ages, dates or rooms; a corporation or a group is
            // neither a person nor a place, but not plainly neither either ("Dollar General").
            let mut ignore = vec![false, false, true, true, true];
            if other_entity {
                ignore[0] = true;
                ignore[1] = true;
            }
            ignore
        } else {
            // Only a patient's details are labeled: a capitalized listed name that is no span may still be
            // someone's name, and a rule-found date no span may still be a date. Say nothing of those.
            let facts = doc.terms().facts[i];
            let capitalized = term.shape != crate::text::terms::Shape::Lower;
            let mention = view.mention(i);
            let is = |test: fn(MentionKind) -> bool| mention.is_some_and(test);
            let org = doc.is_org(term.start, term.end);
            let mut ignore = vec![false; OUTPUTS.len()];
            ignore[0] = !labels[0]
                && (org || (capitalized && facts.is_name()) || is(|m| matches!(m, MentionKind::Name { .. })));
            ignore[1] = !labels[1]
                && (org
                    || (capitalized && (facts.is_place() || !doc.terms().phrase[i].is_empty()))
                    || is(|m| matches!(m, MentionKind::Place)));
            ignore[2] = !labels[2] && is(|m| matches!(m, MentionKind::Age { .. }));
            ignore[3] = !labels[3] && is(|m| matches!(m, MentionKind::Date { .. }));
            ignore[4] = !labels[4] && is(|m| matches!(m, MentionKind::Room { .. }));
            ignore
        };
        let mut features = Vec::with_capacity(48);
        view.features(i, &mut |key, value| features.push((key, value)));
        out.push(Example { features, labels, ignore, weight: 1.0 });
    }
    out
}

/// Trains an entity model on `examples` and returns its file.
///
/// # Errors
/// When the model cannot be written (too many feature rows).
pub fn train_entity_model(examples: &[Example], settings: &Settings) -> Result<Vec<u8>, String> {
    let trained = train::train_outputs(&entity_outputs(), examples, settings);
    train::write_model(&trained)
}

/// An entity found by a model, in byte offsets of the draft as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundEntity {
    /// First byte.
    pub start: usize,
    /// Past the last byte.
    pub end: usize,
    /// `person`, `place`, `age`, `date` or `room`.
    pub kind: &'static str,
    /// The model's probability.
    pub probability: f32,
}

/// The entities the entity model in `model` (a model file) finds in `draft`.
///
/// # Errors
/// When `model` is not a model file.
pub fn find_entities(draft: &TrainingDraft, policy: &Policy, model: &[u8]) -> Result<Vec<FoundEntity>, ModelError> {
    let model = LinearModel::read(model)?;
    let doc = Document::new(&draft.text, &draft.options, policy);
    let gate = doc.gate(&CATALOG);
    let found = identifiers::find_all(&doc, gate);
    let mentions = mentions::find_mentions(&doc, gate);
    let view = WordView::new(&doc, &mentions, &found);
    Ok(entities::find_entities(&view, &model)
        .into_iter()
        .map(|e| {
            let (start, end) = doc.norm.original_range(e.start, e.end);
            FoundEntity { start, end, kind: e.kind.as_str(), probability: e.probability }
        })
        .collect())
}

/// The entity, span and draft models of one training run (model files) with their thresholds file.
#[derive(Debug, Clone, Default)]
pub struct ModelFiles {
    /// `entities.bin`.
    pub entities: Vec<u8>,
    /// `spans.bin`.
    pub spans: Vec<u8>,
    /// `kinds.bin`.
    pub kinds: Vec<u8>,
    /// `warn.bin`.
    pub warn: Vec<u8>,
    /// `thresholds.txt`.
    pub thresholds: String,
}

/// The names of the span model's outputs.
pub fn span_outputs() -> Vec<String> {
    candidates::OUTPUTS.iter().map(|s| s.to_string()).collect()
}

/// The names of the kinds model's outputs (every finding kind).
pub fn kind_outputs() -> Vec<String> {
    learned::kind_outputs().into_iter().map(str::to_string).collect()
}

/// The names of the warning model's outputs.
pub fn warn_outputs() -> Vec<String> {
    learned::WARN_OUTPUTS.iter().map(|s| s.to_string()).collect()
}

/// True when any labeled span of `draft` overlaps the folded range `[start, end)` of `doc`.
fn labeled(doc: &Document, draft: &TrainingDraft, start: usize, end: usize) -> bool {
    let (start, end) = doc.norm.original_range(start, end);
    draft.spans.iter().any(|s| s.start < end && start < s.end)
}

/// The span model's examples from `draft`: one per candidate, positive when a labeled span overlaps it.
///
/// # Errors
/// When `entity_model` is not a model file.
pub fn span_examples(draft: &TrainingDraft, policy: &Policy, entity_model: &[u8]) -> Result<Vec<Example>, ModelError> {
    let entity_model = LinearModel::read(entity_model)?;
    let doc = Document::new(&draft.text, &draft.options, policy);
    let evidence = Evidence::gather(&doc, &entity_model);
    Ok(candidates::candidates(&evidence)
        .iter()
        .map(|c| {
            let mut features = Vec::with_capacity(64);
            candidates::features(&evidence, c, &mut |key, value| features.push((key, value)));
            Example { features, labels: vec![labeled(&doc, draft, c.start, c.end)], ignore: Vec::new(), weight: 1.0 }
        })
        .collect())
}

/// The kinds model's and the warning model's examples from `draft` (the whole draft as one stretch) with its
/// labels: `kinds`, and whether it should warn.
///
/// # Errors
/// When a model file is not one.
pub fn draft_examples(
    draft: &TrainingDraft,
    policy: &Policy,
    models: &ModelFiles,
    kinds: &[String],
    warn: bool,
) -> Result<(Example, Example), ModelError> {
    let scored = score_draft(draft, policy, models)?;
    let labels = Kind::ALL.iter().map(|k| kinds.iter().any(|x| x == k.as_str())).collect();
    let kind_example = Example { features: scored.kind_features, labels, ignore: Vec::new(), weight: 1.0 };
    let warn_example = Example { features: scored.warn_features, labels: vec![warn], ignore: Vec::new(), weight: 1.0 };
    Ok((kind_example, warn_example))
}

/// What the models and the rules make of a whole draft: the draft model's features and probabilities, and the
/// kinds the rule judges found (with the highest severity each) and whether an exact identifier stands.
#[derive(Debug, Clone)]
pub struct DraftScore {
    /// The kinds model's features.
    pub kind_features: Vec<(crate::learn::Key, f32)>,
    /// The warning model's features.
    pub warn_features: Vec<(crate::learn::Key, f32)>,
    /// Each kind's probability, then the warning's.
    pub probabilities: Vec<f32>,
    /// Per finding kind (in `Kind::ALL` order), the highest severity of the rules' findings of it.
    pub rules: Vec<Option<Severity>>,
    /// Per finding kind, true when an exact identifier (SSN, phone, ...) of that kind stands whatever the models
    /// say (as the checker decides it: a date of birth only beside care words).
    pub exact: Vec<bool>,
    /// Per finding kind, true when an exact identifier of that kind stands if the warning reaches the exact
    /// floor (`needs_floor`: a phone, an email, a date...).
    pub exact_floored: Vec<bool>,
}

/// Scores `draft` as one stretch with `models` (the kinds and warning models may be empty when only features
/// are wanted).
///
/// # Errors
/// When a model file is not one.
pub fn score_draft(draft: &TrainingDraft, policy: &Policy, models: &ModelFiles) -> Result<DraftScore, ModelError> {
    let entity_model = LinearModel::read(&models.entities)?;
    let judge_models = JudgeModels {
        spans: LinearModel::read(&models.spans)?,
        kinds: LinearModel::read(&models.kinds)?,
        warn: LinearModel::read(&models.warn)?,
        thresholds: learned::Thresholds::parse("").expect("empty thresholds parse"),
    };
    let doc = Document::new(&draft.text, &draft.options, policy);
    let evidence = Evidence::gather(&doc, &entity_model);
    let mut rules = Vec::new();
    judge::run(&evidence, &mut rules);
    let found = candidates::candidates(&evidence);
    let likelihood = candidates::probabilities(&evidence, &found, &judge_models.spans);
    let candidates: Vec<_> = found.into_iter().zip(likelihood).collect();
    rules.sort_by_key(|h| h.start);
    let mut identifiers = evidence.identifiers.clone();
    identifiers.sort_by_key(|h| h.start);
    let input = learned::stretch_input(&evidence, 0, doc.text().len(), &rules, &candidates, &identifiers);
    let scored = learned::score_stretch(&input, &judge_models);
    let mut severities = vec![None; Kind::ALL.len()];
    let (mut exact, mut exact_floored) = (vec![false; Kind::ALL.len()], vec![false; Kind::ALL.len()]);
    let care = !doc.care_in(0, doc.text().len()).is_empty();
    for hit in &rules {
        let slot: &mut Option<Severity> = &mut severities[hit.kind as usize];
        *slot = Some(slot.map_or(hit.severity, |s: Severity| s.max(hit.severity)));
        if learned::stands(hit, care) {
            let which = if learned::needs_floor(hit) { &mut exact_floored } else { &mut exact };
            which[hit.kind as usize] = true;
        }
    }
    Ok(DraftScore {
        kind_features: scored.kind_features,
        warn_features: scored.warn_features,
        probabilities: scored.probabilities,
        rules: severities,
        exact,
        exact_floored,
    })
}

/// Checks `text` with `models` instead of the shipped ones.
///
/// # Errors
/// When a model file is not one or the thresholds do not parse.
pub fn check_with(text: &str, options: &CheckOptions, policy: &Policy, models: &ModelFiles) -> Result<Report, String> {
    let entity_model = LinearModel::read(&models.entities).map_err(|e| e.0.to_string())?;
    let judge_models = JudgeModels {
        spans: LinearModel::read(&models.spans).map_err(|e| e.0.to_string())?,
        kinds: LinearModel::read(&models.kinds).map_err(|e| e.0.to_string())?,
        warn: LinearModel::read(&models.warn).map_err(|e| e.0.to_string())?,
        thresholds: learned::Thresholds::parse(&models.thresholds)?,
    };
    Ok(crate::engine::check_with(text, options, policy, &entity_model, &judge_models))
}

/// Trains a model with `outputs` on `examples`.
///
/// # Errors
/// When the model cannot be written (too many feature rows).
pub fn train_model<E: std::borrow::Borrow<Example>>(
    outputs: &[String],
    examples: &[E],
    settings: &Settings,
) -> Result<Vec<u8>, String> {
    train::write_model_pruned(&train::train_outputs(outputs, examples, settings), settings.prune, settings.fingerprint)
}

/// An empty model with `outputs` (every score far below any threshold): what a run starts from.
pub fn empty_model(outputs: &[String]) -> Vec<u8> {
    let trained = train::Trained {
        names: outputs.to_vec(),
        keys: Vec::new(),
        weights: Vec::new(),
        biases: vec![-10.0; outputs.len()],
    };
    train::write_model(&trained).expect("an empty model is written")
}
