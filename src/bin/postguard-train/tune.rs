//! Choosing each kind's threshold and mode on held-out scores, so that false warnings stay rare.
//!
//! Every draft's scores here come from models that never saw its set. A kind's options are its mode (`rule`:
//! the rules alone; `either`: the rules, and the model may add; `model`: the model decides) and, for the last
//! two, a probability threshold. Starting from nothing but exact identifiers, options are taken greedily, the
//! one that gains the most per false warning it adds first, while each family of kinds (privacy, tone, claims
//! and advice) stays at or under its share of false warnings and all of them together under the total; then
//! each kind's option is chosen again with the others fixed, until nothing improves. Kinds of low severity never
//! warn: each gets the option with the best F1.

use postguard::training::DraftScore;
use postguard::{Kind, Severity};

/// A draft's held-out scores with its labels.
pub struct Scored {
    pub id: String,
    pub score: DraftScore,
    /// The labeled kinds, by kind index.
    pub kinds: Vec<bool>,
    pub warn: bool,
}

/// What a kind does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Choice {
    Rule,
    Either(f32),
    Model(f32),
}

impl Choice {
    /// The thresholds file's line for `kind`.
    pub fn line(self, kind: Kind) -> String {
        match self {
            Choice::Rule => format!("{} 1.01 rule", kind.as_str()),
            Choice::Either(t) => format!("{} {t:.3} either", kind.as_str()),
            Choice::Model(t) => format!("{} {t:.3} model", kind.as_str()),
        }
    }
}

/// The most false warnings each family may add, and all of them together, as shares of the drafts that should
/// not warn.
pub struct Budget {
    pub family: f64,
    pub total: f64,
}

fn family(kind: Kind) -> usize {
    match kind.as_str().split('.').next() {
        Some("phi") => 0,
        Some("tone") => 1,
        _ => 2,
    }
}

/// Whether `kind` is present in `draft` under `choice`, and at what severity.
fn decide(draft: &Scored, kind: Kind, choice: Choice) -> Option<Severity> {
    let k = kind as usize;
    let p = draft.score.probabilities[k];
    let rule = draft.score.rules[k];
    let (fires, model_may) = match choice {
        Choice::Rule => (false, false),
        Choice::Either(t) => (p >= t, true),
        Choice::Model(t) => (p >= t, true),
    };
    let rule_kept = rule.is_some() && (!matches!(choice, Choice::Model(_)) || fires || draft.score.exact[k]);
    if rule_kept {
        rule
    } else if model_may && fires {
        Some(kind.default_severity())
    } else {
        None
    }
}

/// The options tried for a kind.
fn options() -> Vec<Choice> {
    let mut out = vec![Choice::Rule, Choice::Model(1.01)];
    for step in 1..40 {
        let t = step as f32 * 0.025;
        out.push(Choice::Either(t));
        out.push(Choice::Model(t));
    }
    out
}

struct State<'a> {
    drafts: &'a [Scored],
    choices: Vec<Choice>,
    /// Per draft and kind, whether the kind is present at warn level.
    warns: Vec<Vec<bool>>,
}

impl<'a> State<'a> {
    fn new(drafts: &'a [Scored]) -> State<'a> {
        let choices = vec![Choice::Model(1.01); Kind::ALL.len()];
        let mut state = State { drafts, choices, warns: vec![vec![false; Kind::ALL.len()]; drafts.len()] };
        for &kind in Kind::ALL {
            state.set(kind, Choice::Model(1.01));
        }
        state
    }

    fn set(&mut self, kind: Kind, choice: Choice) {
        self.choices[kind as usize] = choice;
        for (d, warns) in self.drafts.iter().zip(&mut self.warns) {
            warns[kind as usize] = decide(d, kind, choice).is_some_and(|s| s >= Severity::Medium);
        }
    }

    /// (objective, false warnings per family, false warnings in all) if `kind` took `choice`.
    fn evaluate(&self, kind: Kind, choice: Choice) -> (f64, [usize; 3], usize) {
        let (mut objective, mut family_fw, mut total_fw) = (0f64, [0usize; 3], 0usize);
        for (d, warns) in self.drafts.iter().zip(&self.warns) {
            let mut any = false;
            let mut by_family = [false; 3];
            for &k in Kind::ALL {
                let warn = if k == kind {
                    decide(d, k, choice).is_some_and(|s| s >= Severity::Medium)
                } else {
                    warns[k as usize]
                };
                if warn {
                    any = true;
                    by_family[family(k)] = true;
                    objective += if d.kinds[k as usize] { 1.0 } else { -0.2 };
                }
            }
            if d.warn {
                objective += if any { 2.0 } else { 0.0 };
            } else if any {
                total_fw += 1;
                for (f, flagged) in by_family.iter().enumerate() {
                    family_fw[f] += usize::from(*flagged);
                }
            }
        }
        (objective, family_fw, total_fw)
    }
}

fn low_severity(kind: Kind) -> bool {
    kind.default_severity() == Severity::Low && kind != Kind::ToneProfanity
}

/// The best option for a low-severity kind: the best F1 of its presence.
fn tune_low(drafts: &[Scored], kind: Kind) -> Choice {
    let mut best = (f64::MIN, Choice::Rule);
    for choice in options() {
        let (mut tp, mut fp, mut fneg) = (0f64, 0f64, 0f64);
        for d in drafts {
            let present = decide(d, kind, choice).is_some();
            match (present, d.kinds[kind as usize]) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fneg += 1.0,
                _ => {}
            }
        }
        let f1 = if tp == 0.0 { 0.0 } else { 2.0 * tp / (2.0 * tp + fp + fneg) };
        if f1 > best.0 + 1e-9 {
            best = (f1, choice);
        }
    }
    best.1
}

/// Each kind's choice, tuned on `drafts` within `budget`.
pub fn tune(drafts: &[Scored], budget: &Budget) -> Vec<Choice> {
    let negatives = drafts.iter().filter(|d| !d.warn).count().max(1) as f64;
    let family_limit = (budget.family * negatives).floor() as usize;
    let total_limit = (budget.total * negatives).floor() as usize;
    let mut state = State::new(drafts);
    let fits = |family_fw: [usize; 3], total_fw: usize| {
        family_fw.iter().all(|&f| f <= family_limit) && total_fw <= total_limit
    };
    let warn_kinds: Vec<Kind> = Kind::ALL.iter().copied().filter(|&k| !low_severity(k)).collect();
    // Greedy: the move that gains most per false warning added.
    loop {
        let (current, _, current_fw) = state.evaluate(Kind::ALL[0], state.choices[0]);
        let mut best: Option<(f64, Kind, Choice)> = None;
        for &kind in &warn_kinds {
            for choice in options() {
                if choice == state.choices[kind as usize] {
                    continue;
                }
                let (objective, family_fw, total_fw) = state.evaluate(kind, choice);
                let gain = objective - current;
                if gain <= 1e-9 || !fits(family_fw, total_fw) {
                    continue;
                }
                let ratio = gain / (total_fw.saturating_sub(current_fw) as f64 + 0.5);
                if best.is_none_or(|(r, _, _)| ratio > r + 1e-12) {
                    best = Some((ratio, kind, choice));
                }
            }
        }
        let Some((_, kind, choice)) = best else { break };
        state.set(kind, choice);
    }
    // Each kind again, the others fixed, until nothing improves.
    for _ in 0..4 {
        let mut changed = false;
        for &kind in &warn_kinds {
            let (mut best_objective, _, _) = state.evaluate(kind, state.choices[kind as usize]);
            let mut best_choice = state.choices[kind as usize];
            for choice in options() {
                let (objective, family_fw, total_fw) = state.evaluate(kind, choice);
                if objective > best_objective + 1e-9 && fits(family_fw, total_fw) {
                    best_objective = objective;
                    best_choice = choice;
                }
            }
            if best_choice != state.choices[kind as usize] {
                state.set(kind, best_choice);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut choices = state.choices;
    for &kind in Kind::ALL.iter().filter(|&&k| low_severity(k)) {
        choices[kind as usize] = tune_low(drafts, kind);
    }
    choices
}

/// The thresholds file for `choices`, with the span thresholds.
pub fn thresholds_file(choices: &[Choice], header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    for (&kind, choice) in Kind::ALL.iter().zip(choices) {
        out.push_str(&choice.line(kind));
        out.push('\n');
    }
    out.push_str("span 0.500\nspan_alone 1.010\n");
    out
}

/// Reads back the choices of a thresholds file (kinds only), for measuring them.
pub fn parse_choices(text: &str) -> Vec<Choice> {
    let mut out = vec![Choice::Rule; Kind::ALL.len()];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (Some(kind), Some(value)) = (parts.first().and_then(|k| Kind::from_id(k)), parts.get(1)) else { continue };
        let t: f32 = value.parse().unwrap_or(1.01);
        out[kind as usize] = match parts.get(2) {
            Some(&"rule") => Choice::Rule,
            Some(&"either") => Choice::Either(t),
            _ => Choice::Model(t),
        };
    }
    out
}

/// Warn recall and false-warning rate of `choices` on `drafts`, as the tuner sees them.
pub fn simulate(drafts: &[&Scored], choices: &[Choice]) -> (f64, f64) {
    let (mut hit, mut warns, mut fw, mut negatives) = (0, 0, 0, 0);
    for d in drafts {
        let any = Kind::ALL.iter().any(|&k| decide(d, k, choices[k as usize]).is_some_and(|s| s >= Severity::Medium));
        if d.warn {
            warns += 1;
            hit += usize::from(any);
        } else {
            negatives += 1;
            fw += usize::from(any);
        }
    }
    (hit as f64 / warns.max(1) as f64, fw as f64 / negatives.max(1) as f64)
}
