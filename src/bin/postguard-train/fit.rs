//! Fitting the three models of one training run, each on what the one before it makes of drafts it did not
//! see: the span model learns from entities found by entity models trained without those drafts, and the draft
//! model from span probabilities given the same way (five folds), so neither learns to trust its input more
//! than it will deserve on a new draft.

use crate::corpus::Labeled;
use postguard::training::{
    draft_example, draft_outputs, empty_model, entity_examples, span_examples, span_outputs, train_model, Example,
    ModelFiles, Settings, TrainingDraft,
};
use postguard::Policy;

/// Folds of the inner cross-fitting.
const FOLDS: usize = 5;

pub fn entity_settings() -> Settings {
    Settings { epochs: 10, rate: 0.1, l2: 1e-5, min_count: 2, balance: 0.8, seed: 0x5eed_0001 }
}

pub fn span_settings() -> Settings {
    Settings { epochs: 12, rate: 0.1, l2: 1e-5, min_count: 2, balance: 0.5, seed: 0x5eed_0002 }
}

pub fn draft_settings() -> Settings {
    let mut s = Settings { epochs: 14, rate: 0.1, l2: 1e-5, min_count: 2, balance: 0.5, seed: 0x5eed_0003 };
    s.epochs = knob("epochs").map_or(s.epochs, |v| v as usize);
    s.l2 = knob("l2").map_or(s.l2, |v| v as f32);
    s.rate = knob("rate").map_or(s.rate, |v| v as f32);
    s.min_count = knob("min_count").map_or(s.min_count, |v| v as usize);
    s.balance = knob("balance").map_or(s.balance, |v| v as f32);
    s
}

/// An experiment's setting from `POSTGUARD_EXP` ("name=value,..."), while studying.
pub fn knob(name: &str) -> Option<f64> {
    let all = std::env::var("POSTGUARD_EXP").ok()?;
    all.split(',').find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == name).and_then(|(_, v)| v.parse().ok()))
}

fn entity_model(labeled: &[&Labeled], social: &[&TrainingDraft], policy: &Policy) -> Result<Vec<u8>, String> {
    let mut examples: Vec<Example> = Vec::new();
    for l in labeled {
        examples.extend(entity_examples(&l.draft, policy));
    }
    for s in social {
        examples.extend(entity_examples(s, policy));
    }
    train_model(&postguard::training::entity_outputs(), &examples, &entity_settings())
}

/// The models (thresholds left empty) trained on `labeled` and `social`.
pub fn fit(labeled: &[&Labeled], social: &[&TrainingDraft], policy: &Policy) -> Result<ModelFiles, String> {
    let fold = |i: usize| i % FOLDS;
    let outside = |k: usize| -> Vec<&Labeled> {
        labeled.iter().enumerate().filter(|(i, _)| fold(*i) != k).map(|(_, l)| *l).collect()
    };
    let entities_by_fold: Vec<Vec<u8>> =
        (0..FOLDS).map(|k| entity_model(&outside(k), social, policy)).collect::<Result<_, _>>()?;
    let entities = entity_model(labeled, social, policy)?;

    let err = |e: postguard::training::ModelError| e.0.to_string();
    let span_examples_of: Vec<Vec<Example>> = labeled
        .iter()
        .enumerate()
        .map(|(i, l)| span_examples(&l.draft, policy, &entities_by_fold[fold(i)]).map_err(err))
        .collect::<Result<_, _>>()?;
    let spans_outputs = span_outputs();
    let train_spans = |k: Option<usize>| {
        let examples: Vec<Example> = span_examples_of
            .iter()
            .enumerate()
            .filter(|(i, _)| k != Some(fold(*i)))
            .flat_map(|(_, e)| e.iter().cloned())
            .collect();
        train_model(&spans_outputs, &examples, &span_settings())
    };
    let spans_by_fold: Vec<Vec<u8>> = (0..FOLDS).map(|k| train_spans(Some(k))).collect::<Result<_, _>>()?;
    let spans = train_spans(None)?;

    let empty_draft = empty_model(&draft_outputs());
    let mut examples = Vec::with_capacity(labeled.len());
    for (i, l) in labeled.iter().enumerate() {
        let models = ModelFiles {
            entities: entities_by_fold[fold(i)].clone(),
            spans: spans_by_fold[fold(i)].clone(),
            draft: empty_draft.clone(),
            thresholds: String::new(),
        };
        let mut example = draft_example(&l.draft, policy, &models, &l.kinds, l.expect == "warn").map_err(err)?;
        if l.set == "dev" {
            example.weight = knob("dev").unwrap_or(1.0) as f32;
        }
        examples.push(example);
    }
    let draft = train_model(&draft_outputs(), &examples, &draft_settings())?;
    Ok(ModelFiles { entities, spans, draft, thresholds: String::new() })
}
