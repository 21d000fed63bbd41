//! `postguard-train`: makes the data files the checker ships, deterministically, from inputs in the repo, and
//! measures them on drafts they never saw.
//!
//! ```text
//! postguard-train words [--data target/data] [--out src/data/words.bin]
//! postguard-train entities [--corpus corpus] [--heldout SET|all]
//! postguard-train eval [--corpus corpus] [--out target/eval]
//! postguard-train train [--corpus corpus] [--out src/data/model] [--eval target/eval]
//! ```
//! - `words`: packs the public word lists that `tools/data/fetch.sh` extracts into the word-facts table.
//! - `entities`: trains the entity model with each labeled set held out in turn and prints what it finds of
//!   the held-out set's spans and of WNUT-17 dev's people and places.
//! - `eval`: leaves each labeled set out in turn, trains on the others and writes the held-out set's reports
//!   (`SET.jsonl`, for `tools/eval/score.py`) and every draft's held-out scores (`scores.jsonl`).
//! - `train`: as `eval`, then tunes the thresholds on the held-out scores, trains on every set and writes the
//!   model files and `thresholds.txt`.

mod corpus;
mod entities;
mod eval;
mod fit;
mod tune;
mod words;

use corpus::Labeled;
use postguard::Policy;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: postguard-train words [--data DIR] [--out FILE]\n       postguard-train entities [--corpus DIR] [--heldout SET|all]\n       postguard-train eval [--corpus DIR] [--out DIR]\n       postguard-train train [--corpus DIR] [--out DIR]";

/// The sets whose authors wrote apart from the rules: the honest held-out measurements.
pub const HELD_OUT_SETS: &[&str] = &["community", "hard", "non-clinical", "nurses", "physicians", "practices"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("postguard-train: {message}");
            ExitCode::from(2)
        }
    }
}

/// The value of `--name` in `args`, or `default`.
fn option<'a>(args: &'a [String], name: &str, default: &'a str) -> &'a str {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map_or(default, String::as_str)
}

/// Everything training reads from the corpus directory.
pub struct Corpus {
    pub labeled: Vec<Labeled>,
    /// The sets of `extra/`: written for training by the project, held out in groups.
    pub extra_sets: Vec<String>,
    pub social_train: Vec<postguard::training::TrainingDraft>,
    /// The entity model's examples of `social_train`, made once.
    pub social_entity_examples: Vec<postguard::training::Example>,
    pub social_dev: Vec<postguard::training::TrainingDraft>,
    pub policy: Policy,
}

fn load(dir: &Path) -> Result<Corpus, String> {
    let mut labeled = Vec::new();
    let mut extra_sets = Vec::new();
    for sub in ["labeled", "extra"] {
        for file in corpus::set_files(&dir.join(sub))? {
            let set = corpus::load_set(&file)?;
            if sub == "extra" {
                extra_sets.extend(set.first().map(|l| l.set.clone()));
            }
            labeled.extend(set);
        }
    }
    let social = |name: &str| -> Result<Vec<_>, String> {
        Ok(corpus::load_social(&dir.join("social").join(name))?.into_iter().map(|(_, d)| d).collect())
    };
    let policy_text =
        std::fs::read_to_string(dir.join("org-policy.json")).map_err(|e| format!("cannot read the policy: {e}"))?;
    let policy = Policy::parse(&policy_text).map_err(|e| format!("org-policy.json: {e}"))?;
    let social_train = social("wnut17-train.jsonl")?;
    let examples = eval::in_two_threads(&labeled, |l| postguard::training::entity_examples(&l.draft, &policy));
    for (l, examples) in labeled.iter_mut().zip(examples) {
        l.entity_examples = examples;
    }
    let social_entity_examples =
        social_train.iter().flat_map(|post| postguard::training::entity_examples(post, &policy)).collect();
    Ok(Corpus {
        labeled,
        extra_sets,
        social_train,
        social_entity_examples,
        social_dev: social("wnut17-dev.jsonl")?,
        policy,
    })
}

/// Writes the model files and thresholds of `models` into `dir`.
pub fn write_models(models: &postguard::training::ModelFiles, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, bytes) in model_files(models) {
        std::fs::write(dir.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    std::fs::write(dir.join("thresholds.txt"), &models.thresholds).map_err(|e| format!("cannot write thresholds: {e}"))
}

/// Reads the model files and thresholds `write_models` wrote into `dir`.
fn read_models(dir: &Path) -> Result<postguard::training::ModelFiles, String> {
    let read = |name: &str| {
        std::fs::read(dir.join(name)).map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
    };
    Ok(postguard::training::ModelFiles {
        entities: read("entities.bin")?,
        spans: read("spans.bin")?,
        kinds: read("kinds.bin")?,
        warn: read("warn.bin")?,
        thresholds: String::from_utf8(read("thresholds.txt")?)
            .map_err(|_| "thresholds.txt is not UTF-8".to_string())?,
    })
}

/// The model files of a run, by file name.
fn model_files(models: &postguard::training::ModelFiles) -> [(&'static str, &Vec<u8>); 4] {
    [
        ("entities.bin", &models.entities),
        ("spans.bin", &models.spans),
        ("kinds.bin", &models.kinds),
        ("warn.bin", &models.warn),
    ]
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("words") => {
            let data = PathBuf::from(option(args, "--data", "target/data"));
            let out = PathBuf::from(option(args, "--out", "src/data/words.bin"));
            let (bytes, counts) = words::pack(&data)?;
            std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!("{}: {} bytes; {counts:?}", out.display(), bytes.len());
            Ok(())
        }
        Some("entities") => {
            let corpus = load(Path::new(option(args, "--corpus", "corpus")))?;
            let heldout = option(args, "--heldout", "all");
            let sets: Vec<&str> = if heldout == "all" { HELD_OUT_SETS.to_vec() } else { vec![heldout] };
            let social_dev: Vec<_> = corpus.social_dev.iter().collect();
            let mut total: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
            for set in sets {
                let train: Vec<&Labeled> = corpus.labeled.iter().filter(|l| l.set != set).collect();
                let test: Vec<&Labeled> = corpus.labeled.iter().filter(|l| l.set == set).collect();
                let model = fit::entity_model(&corpus, &train)?;
                let coverage = entities::span_coverage(&test, &corpus.policy, &model);
                let line: Vec<String> = coverage
                    .iter()
                    .map(|(kind, &(n, same, any))| format!("{kind} {}/{} ({})", same, n, percent(any, n)))
                    .collect();
                println!("{set:14} model {} bytes; {}", model.len(), line.join("  "));
                for (kind, (n, same, any)) in coverage {
                    let row = total.entry(kind).or_default();
                    row.0 += n;
                    row.1 += same;
                    row.2 += any;
                }
                let wnut = entities::social_scores(&social_dev, &corpus.policy, &model);
                for (kind, [labeled, found, entities, right]) in wnut {
                    println!(
                        "  wnut17-dev {kind}: recall {} of {labeled}, precision {} of {entities}",
                        percent(found, labeled),
                        percent(right, entities)
                    );
                }
            }
            let line: Vec<String> = total
                .iter()
                .map(|(kind, &(n, same, any))| format!("{kind} {} ({} any kind)", percent(same, n), percent(any, n)))
                .collect();
            println!("held out, all: {}", line.join("  "));
            Ok(())
        }
        Some("eval") => {
            let corpus = load(Path::new(option(args, "--corpus", "corpus")))?;
            let out = PathBuf::from(option(args, "--out", "target/eval"));
            let held = eval::held_out(&corpus)?;
            std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
            eval::write_scores(&held, &out.join("scores.jsonl"))?;
            eval::write_predictions(&corpus, &held, &out)?;
            println!("held-out predictions in {}", out.display());
            Ok(())
        }
        Some("train") => {
            let corpus = load(Path::new(option(args, "--corpus", "corpus")))?;
            let out = PathBuf::from(option(args, "--out", "src/data/model"));
            let eval_dir = PathBuf::from(option(args, "--eval", "target/eval"));
            let labeled: Vec<&Labeled> = corpus.labeled.iter().collect();
            // The shipped models do not depend on the held-out scores (only the thresholds do): they are trained
            // alongside the folds, so the last fold does not leave a core idle.
            let (held, models) = std::thread::scope(|scope| {
                let full = scope.spawn(|| fit::fit(&corpus, &labeled));
                let held = eval::held_out(&corpus);
                (held, full.join().expect("the training thread does not panic"))
            });
            let (held, models) = (held?, models?);
            std::fs::create_dir_all(&eval_dir).map_err(|e| format!("cannot create {}: {e}", eval_dir.display()))?;
            eval::write_scores(&held, &eval_dir.join("scores.jsonl"))?;
            eval::write_predictions(&corpus, &held, &eval_dir)?;
            let thresholds = tune::thresholds_file(
                &eval::tuned_without(&held, None),
                "Written by `postguard-train train` (./build.sh train): the draft's warning threshold and each kind's\nthreshold and mode, tuned on held-out scores (every set scored by models trained without it; dev left\nout, its rules were written on it).",
            );
            std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
            for (name, bytes) in model_files(&models) {
                std::fs::write(out.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
            }
            std::fs::write(out.join("thresholds.txt"), thresholds)
                .map_err(|e| format!("cannot write thresholds: {e}"))?;
            println!("models written to {}", out.display());
            Ok(())
        }
        Some("predict") => {
            // Checks each held-out set again with its fold's models, the thresholds changed by `--set "LINE"`
            // (for studying a threshold without training again).
            let corpus = load(Path::new(option(args, "--corpus", "corpus")))?;
            let eval_dir = PathBuf::from(option(args, "--eval", "target/eval"));
            let extra: Vec<&String> =
                args.iter().enumerate().filter(|(i, _)| *i > 0 && args[i - 1] == "--set").map(|(_, a)| a).collect();
            let mut sets: Vec<String> = corpus.labeled.iter().map(|l| l.set.clone()).collect();
            sets.dedup();
            for set in sets {
                let dir = eval_dir.join("models").join(&set);
                if !dir.exists() {
                    continue;
                }
                let mut models = read_models(&dir)?;
                for line in &extra {
                    models.thresholds.push_str(line);
                    models.thresholds.push('\n');
                }
                eval::predict_set(&corpus, &set, &models, &eval_dir)?;
            }
            Ok(())
        }
        Some("fit") => {
            let corpus = load(Path::new(option(args, "--corpus", "corpus")))?;
            let labeled: Vec<&Labeled> = corpus.labeled.iter().collect();
            let started = std::time::Instant::now();
            let models = fit::fit(&corpus, &labeled)?;
            if let Some(dir) = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)) {
                let dir = Path::new(dir);
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                for (name, bytes) in model_files(&models) {
                    std::fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
                }
            }
            let sizes: Vec<String> =
                model_files(&models).iter().map(|(n, b)| format!("{n} {} bytes", b.len())).collect();
            println!("fit in {:.1} s: {}", started.elapsed().as_secs_f32(), sizes.join(", "));
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    }
}
