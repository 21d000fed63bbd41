//! Leave one set out: for each labeled set, the models trained on every other set score it, so every draft
//! gets scores from models that never saw its author's drafts. Thresholds are tuned on those held-out scores;
//! a set's own predictions use thresholds tuned without it.

use crate::corpus::Labeled;
use crate::tune::{self, Scored};
use crate::{fit, Corpus};
use postguard::training::{check_with, score_draft, ModelFiles};
use postguard::Kind;
use std::collections::BTreeMap;
use std::path::Path;

/// The false-warning budget the `warn` threshold is tuned to, as a share of the drafts that should not warn.
pub const BUDGET: f64 = 0.03;

/// Sets whose rules were written against them: their scores do not count toward thresholds.
const RULES_IN_SAMPLE: &[&str] = &["dev"];

/// Every set's held-out models and scores.
pub struct HeldOut {
    /// Per set, the models trained without it.
    pub models: BTreeMap<String, ModelFiles>,
    /// Every draft's held-out scores with its labels, with its set.
    pub scored: Vec<(String, Scored)>,
}

fn scored(l: &Labeled, score: postguard::training::DraftScore) -> Scored {
    Scored {
        id: l.id.clone(),
        score,
        kinds: Kind::ALL.iter().map(|k| l.kinds.iter().any(|x| x == k.as_str())).collect(),
        warn: l.expect == "warn",
    }
}

/// Trains without each set in turn and scores it.
pub fn held_out(corpus: &Corpus) -> Result<HeldOut, String> {
    let sets: Vec<String> = {
        let mut s: Vec<String> = corpus.labeled.iter().map(|l| l.set.clone()).collect();
        s.sort();
        s.dedup();
        s
    };
    let social: Vec<_> = corpus.social_train.iter().collect();
    let mut models = BTreeMap::new();
    let mut all = Vec::new();
    let only_head = std::env::var_os("POSTGUARD_HELD_OUT_ONLY").is_some();
    for set in sets.iter().filter(|s| !only_head || crate::HELD_OUT_SETS.contains(&s.as_str())) {
        let started = std::time::Instant::now();
        let train: Vec<&Labeled> = corpus.labeled.iter().filter(|l| &l.set != set).collect();
        let fold = fit::fit(&train, &social, &corpus.policy)?;
        for l in corpus.labeled.iter().filter(|l| &l.set == set) {
            let score = score_draft(&l.draft, &corpus.policy, &fold).map_err(|e| e.0.to_string())?;
            all.push((set.clone(), scored(l, score)));
        }
        eprintln!(
            "held out {set}: trained and scored in {:.1} s; sizes entities {} spans {} kinds {} warn {}",
            started.elapsed().as_secs_f32(),
            fold.entities.len(),
            fold.spans.len(),
            fold.kinds.len(),
            fold.warn.len()
        );
        models.insert(set.clone(), fold);
    }
    Ok(HeldOut { models, scored: all })
}

/// Thresholds tuned on every held-out score but those of `without` (and of the sets the rules were written on).
pub fn tuned_without(held: &HeldOut, without: Option<&str>) -> tune::Tuned {
    let drafts: Vec<&Scored> = held
        .scored
        .iter()
        .filter(|(set, _)| Some(set.as_str()) != without && !RULES_IN_SAMPLE.contains(&set.as_str()))
        .map(|(_, s)| s)
        .collect();
    // Tuning reads the drafts by value; they are cheap to copy next to training.
    let owned: Vec<Scored> = drafts
        .into_iter()
        .map(|s| Scored { id: s.id.clone(), score: s.score.clone(), kinds: s.kinds.clone(), warn: s.warn })
        .collect();
    tune::tune(&owned, BUDGET)
}

/// Writes every draft's held-out scores to `path` as JSON lines (for study: `id`, `set`, `p` per draft output,
/// `rules` per kind).
pub fn write_scores(held: &HeldOut, path: &Path) -> Result<(), String> {
    let mut lines = String::new();
    for (set, s) in &held.scored {
        let id = &s.id;
        let rules: Vec<Option<&str>> = s.score.rules.iter().map(|r| r.map(|s| s.as_str())).collect();
        let value = serde_json::json!({"id": id, "set": set, "p": s.score.probabilities, "rules": rules, "exact": s.score.exact});
        lines.push_str(&value.to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes each set's held-out predictions (one report per line, with its id) into `out_dir/SET.jsonl`.
pub fn write_predictions(corpus: &Corpus, held: &HeldOut, out_dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    for (set, models) in &held.models {
        let mut models = models.clone();
        let tuned = tuned_without(held, Some(set));
        models.thresholds = tune::thresholds_file(&tuned, &format!("held-out thresholds for {set}"));
        let own: Vec<&Scored> = held.scored.iter().filter(|(s, _)| s == set).map(|(_, d)| d).collect();
        let others: Vec<&Scored> = held
            .scored
            .iter()
            .filter(|(s, _)| s != set && !RULES_IN_SAMPLE.contains(&s.as_str()))
            .map(|(_, d)| d)
            .collect();
        let (own_recall, own_fw) = tune::simulate(&own, tuned.warn);
        let (other_recall, other_fw) = tune::simulate(&others, tuned.warn);
        eprintln!(
            "{set}: simulated warn recall {own_recall:.3}, false warn {own_fw:.3} (tuned on the others: {other_recall:.3}, {other_fw:.3})"
        );
        let mut lines = String::new();
        for l in corpus.labeled.iter().filter(|l| &l.set == set) {
            let report = check_with(&l.draft.text, &l.draft.options, &corpus.policy, &models)?;
            let mut value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
            value["id"] = serde_json::Value::String(l.id.clone());
            lines.push_str(&value.to_string());
            lines.push('\n');
        }
        let path = out_dir.join(format!("{set}.jsonl"));
        std::fs::write(&path, lines).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
