//! Choosing the thresholds on held-out scores, so that false warnings stay rare.
//!
//! Every draft's scores here come from models that never saw its set. First the draft's warning: the `warn`
//! threshold is the lowest that keeps the drafts that should not warn, warned, at or under the budget
//! (counting those that exact identifiers, strong profanity and trusted rules warn anyway; the exact
//! identifiers' floor on the warning is the one of [`FLOORS`] that gives the best warn recall at the budget).
//! Then each kind:
//! its mode (`rule`: the rules alone; `either`: the rules, and the model may add; `model`: the model decides)
//! and threshold are those with the best F1 of the kind among the drafts that warn (for the kinds that warn)
//! or among all drafts (for the kinds of low severity, which never warn); a case story's among the drafts where
//! no kind that identifies the patient is shown (the checker drops it there).

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
            Choice::Rule => format!("{} 1.010 rule", kind.as_str()),
            Choice::Either(t) => format!("{} {t:.3} either", kind.as_str()),
            Choice::Model(t) => format!("{} {t:.3} model", kind.as_str()),
        }
    }
}

/// The thresholds of a run.
pub struct Tuned {
    pub warn: f32,
    pub kinds: Vec<Choice>,
    /// The kinds whose rule findings stand even when the draft's warning does not (see [`trusted_kinds`]).
    pub trusted: Vec<bool>,
    /// The warning probability from which most exact identifiers stand (the checker's `exact_floor`).
    pub exact_floor: f32,
}

/// What warns whatever the warning's threshold: the trusted kinds' rules, and the exact identifiers (those that
/// need it where the warning probability reaches `floor`).
struct Standing<'a> {
    trusted: &'a [bool],
    floor: f32,
}

/// The exact identifiers' floors tried. Held out (every set but dev), the exact identifiers that warned drafts the
/// warning model scored under 0.15 were all false warnings (11 of 11: a practice's own phone, a hiring email, an
/// opening date, a teaching slide's dummy patient); under 0.25, 26 of 27; under 0.3, 28 of 32.
const FLOORS: [f32; 7] = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/// A kind's rule may be trusted when at least this many held-out drafts have its finding (of medium severity or
/// more) and at least this share of them should warn.
const TRUSTED_HITS: usize = 100;
const TRUSTED_PRECISION: f64 = 0.97;
/// The most warn recall trusting a rule may cost on the tuning sets (half a point).
const TRUSTED_COST: f64 = 0.005;
/// The kinds whose rule is trusted whatever it costs, when it passes [`TRUSTED_HITS`] and [`TRUSTED_PRECISION`]: a
/// review reply that confirms the visit ("sorry your crown came loose after your visit last week") is where most
/// social-media penalties came from, and the warning model alone leaves some of the shortest ones a little under
/// its threshold. Its cost is real: with 128 sets and a 2.4 % budget, trusting the rule (right on 0.97 of 900
/// held-out drafts) moved the six independent sets held out from a warn recall of 0.811 at 3.0 % false warnings to
/// 0.769 at 2.4 %.
const ALWAYS_TRUSTED: [Kind; 1] = [Kind::PhiReviewReplyDisclosure];

/// The kinds whose rules are right so often on drafts they were not written for that their findings stand
/// without the warning model's say. A kind that passes [`TRUSTED_HITS`] and [`TRUSTED_PRECISION`] on `drafts` is
/// trusted, most-fired first, unless that lowers the warn recall at the `budget` on `drafts` by more than
/// [`TRUSTED_COST`] (the warning's threshold tuned again each time; the kinds of [`ALWAYS_TRUSTED`] whatever it
/// costs): a trusted rule's few false hits raise the threshold for every draft, which can cost more recall than
/// its own hits bring (the advice rule, right on 0.99 of 177 held-out drafts, cost 0.018 of warn recall on the
/// six independent sets; the review-reply rule, right on 0.98 of 434, cost 0.002 then).
pub fn trusted_kinds(drafts: &[&Scored], budget: f64, floor: f32) -> Vec<bool> {
    let mut candidates: Vec<(usize, Kind)> = Kind::ALL
        .iter()
        .filter_map(|&kind| {
            let hits: Vec<&&Scored> =
                drafts.iter().filter(|d| d.score.rules[kind as usize].is_some_and(|s| s >= Severity::Medium)).collect();
            let right = hits.iter().filter(|d| d.warn).count();
            let passes =
                gated(kind) && hits.len() >= TRUSTED_HITS && right as f64 >= TRUSTED_PRECISION * hits.len() as f64;
            passes.then_some((hits.len(), kind))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let recall = |trusted: &[bool]| {
        let standing = Standing { trusted, floor };
        warn_rates(drafts, warn_threshold(drafts, budget, &standing), &standing).0
    };
    let mut trusted = vec![false; Kind::ALL.len()];
    let mut best = recall(&trusted);
    for (_, kind) in candidates {
        trusted[kind as usize] = true;
        let with = recall(&trusted);
        if ALWAYS_TRUSTED.contains(&kind) {
            best = with;
        } else if with >= best - TRUSTED_COST {
            best = best.max(with);
        } else {
            trusted[kind as usize] = false;
        }
    }
    trusted
}

/// The draft model's `warn` output (after every kind's).
fn warn_probability(d: &Scored) -> f32 {
    d.score.probabilities[Kind::ALL.len()]
}

/// True for the kinds the draft's warning decides (the checker's `is_gated`).
fn gated(kind: Kind) -> bool {
    kind.default_severity() >= Severity::Medium
}

/// True when the draft warns whatever the warning's threshold: an exact identifier (most only from the floor
/// up), strong profanity, or a trusted rule's finding.
fn forced(d: &Scored, standing: &Standing) -> bool {
    let floor_met = warn_probability(d) >= standing.floor;
    Kind::ALL.iter().any(|&k| {
        let severe = d.score.rules[k as usize].is_some_and(|s| s >= Severity::Medium);
        let exact = d.score.exact[k as usize] || (floor_met && d.score.exact_floored[k as usize]);
        severe && (exact || k == Kind::ToneProfanity || standing.trusted[k as usize])
    })
}

/// Whether `kind` is shown on `d` under `choice`, the draft's warning being `warns`.
fn shown(d: &Scored, kind: Kind, choice: Choice, warns: bool, trusted: &[bool]) -> bool {
    let ruled = d.score.rules[kind as usize].is_some();
    if gated(kind) && !warns {
        return ruled && trusted[kind as usize];
    }
    let p = d.score.probabilities[kind as usize];
    match choice {
        Choice::Rule => ruled,
        Choice::Either(t) => ruled || p >= t,
        Choice::Model(t) => p >= t,
    }
}

/// The options tried for a kind.
fn options() -> Vec<Choice> {
    let mut out = vec![Choice::Rule];
    for step in 1..40 {
        let t = step as f32 * 0.025;
        out.push(Choice::Either(t));
        out.push(Choice::Model(t));
    }
    out
}

/// The `warn` threshold that keeps false warnings at or under `budget` (a share of the drafts that should not
/// warn).
fn warn_threshold(drafts: &[&Scored], budget: f64, standing: &Standing) -> f32 {
    let negatives: Vec<&Scored> = drafts.iter().copied().filter(|d| !d.warn).collect();
    let allowed = (budget * negatives.len() as f64).floor() as usize;
    let forced_count = negatives.iter().filter(|d| forced(d, standing)).count();
    let mut open: Vec<f32> = negatives.iter().filter(|d| !forced(d, standing)).map(|d| warn_probability(d)).collect();
    open.sort_by(|a, b| b.total_cmp(a));
    match allowed.checked_sub(forced_count) {
        // The threshold just above the first negative that must stay silent.
        Some(room) if room < open.len() => open[room] + 1e-6,
        Some(_) => 0.0,
        None => 1.01,
    }
}

/// Tunes the warning's threshold on `drafts` for a false-warning `budget`, then each kind's.
pub fn tune(drafts: &[&Scored], budget: f64) -> Tuned {
    let mut best: Option<(f64, f32, Vec<bool>, f32)> = None;
    for floor in FLOORS {
        let trusted = trusted_kinds(drafts, budget, floor);
        let standing = Standing { trusted: &trusted, floor };
        let warn = warn_threshold(drafts, budget, &standing);
        let recall = warn_rates(drafts, warn, &standing).0;
        if best.as_ref().is_none_or(|b| recall > b.0 + 1e-9) {
            best = Some((recall, warn, trusted, floor));
        }
    }
    let (_, warn, trusted, exact_floor) = best.expect("floors to try");
    let warns: Vec<bool> = drafts.iter().map(|d| warn_probability(d) >= warn).collect();
    let open = vec![true; drafts.len()];
    let mut kinds: Vec<Choice> =
        Kind::ALL.iter().map(|&kind| best_choice(drafts, &warns, &trusted, kind, &open)).collect();
    // The checker drops a case story beside a finding that identifies the patient: its threshold is chosen where
    // it can be shown, the identifying kinds' choices made.
    let unidentified: Vec<bool> = drafts
        .iter()
        .zip(&warns)
        .map(|(d, &w)| {
            !Kind::ALL.iter().any(|&k| k.identifies_patient() && shown(d, k, kinds[k as usize], w, &trusted))
        })
        .collect();
    let story = Kind::PhiCaseStory;
    kinds[story as usize] = best_choice(drafts, &warns, &trusted, story, &unidentified);
    Tuned { warn, kinds, trusted, exact_floor }
}

/// The choice with the best F1 of `kind` on `drafts` (those that warn, for a kind that warns), the kind shown only
/// where `open`.
fn best_choice(drafts: &[&Scored], warns: &[bool], trusted: &[bool], kind: Kind, open: &[bool]) -> Choice {
    let mut best = (f64::MIN, Choice::Rule);
    for choice in options() {
        let (mut tp, mut fp, mut fneg) = (0f64, 0f64, 0f64);
        for ((d, &w), &open) in drafts.iter().zip(warns).zip(open) {
            // A kind that warns is judged on the drafts that warn, where it can be shown.
            if gated(kind) && !w {
                continue;
            }
            match (open && shown(d, kind, choice, w, trusted), d.kinds[kind as usize]) {
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

/// A candidate beside a privacy finding is shown from this probability on.
const SPAN: f32 = 0.5;

/// A candidate in a draft with no privacy finding is shown as an advisory from this probability on. Chosen on
/// the six independent sets held out (31 sets of training): 0.6 found 78 % of their patient identifiers and
/// left 88 % of their safe drafts silent; 0.8: 74 % and 90 %; 0.95: 70 % and 92 %. An advisory never holds a
/// post, but one on a harmless post teaches staff to ignore the badge.
const SPAN_ADVISE: f32 = 0.8;

/// The thresholds file for `tuned`, with the span thresholds.
pub fn thresholds_file(tuned: &Tuned, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!(
        "warn {:.6}\nexact_floor {:.3}\nspan {SPAN:.3}\nspan_advise {SPAN_ADVISE:.3}\n",
        tuned.warn, tuned.exact_floor
    ));
    for ((&kind, choice), &trusted) in Kind::ALL.iter().zip(&tuned.kinds).zip(&tuned.trusted) {
        out.push_str(&choice.line(kind));
        if trusted {
            out.push_str(" trusted");
        }
        out.push('\n');
    }
    out
}

/// Warn recall and false-warning rate of a `warn` threshold on `drafts`, as the tuner sees them.
pub fn simulate(drafts: &[&Scored], tuned: &Tuned) -> (f64, f64) {
    warn_rates(drafts, tuned.warn, &Standing { trusted: &tuned.trusted, floor: tuned.exact_floor })
}

/// Warn recall and false-warning rate on `drafts` of the threshold `warn` with what stands anyway.
fn warn_rates(drafts: &[&Scored], warn: f32, standing: &Standing) -> (f64, f64) {
    let (mut hit, mut warns, mut fw, mut negatives) = (0, 0, 0, 0);
    for d in drafts {
        let any = forced(d, standing) || warn_probability(d) >= warn;
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use postguard::training::DraftScore;

    /// A scored draft whose warning probability is `warn`, with the rule finding `rule` (of medium severity) if
    /// any.
    pub(crate) fn draft(warn: f32, should_warn: bool, rule: Option<Kind>) -> Scored {
        let kinds = Kind::ALL.len();
        let mut probabilities = vec![0.0; kinds + 1];
        probabilities[kinds] = warn;
        let mut rules = vec![None; kinds];
        if let Some(kind) = rule {
            rules[kind as usize] = Some(Severity::Medium);
        }
        let score = DraftScore {
            kind_features: Vec::new(),
            warn_features: Vec::new(),
            probabilities,
            rules,
            exact: vec![false; kinds],
            exact_floored: vec![false; kinds],
        };
        Scored { id: String::new(), score, kinds: vec![false; kinds], warn: should_warn }
    }

    /// Forty safe drafts scored 0.01 to 0.40, and ten that should warn: one scored 0.30, nine 0.50 to 0.90.
    fn spread() -> Vec<Scored> {
        let mut drafts: Vec<Scored> = (1..=40).map(|i| draft(i as f32 / 100.0, false, None)).collect();
        drafts.push(draft(0.3, true, None));
        drafts.extend((0..9).map(|i| draft(0.5 + i as f32 * 0.05, true, None)));
        drafts
    }

    #[test]
    fn the_warning_threshold_lets_the_budget_of_safe_drafts_warn_and_no_more() {
        let drafts = spread();
        let refs: Vec<&Scored> = drafts.iter().collect();
        let untrusted = vec![false; Kind::ALL.len()];
        let none = Standing { trusted: &untrusted, floor: 0.0 };
        // 5 % of 40: two safe drafts (0.40 and 0.39) may warn, the third (0.38) must not.
        let threshold = warn_threshold(&refs, 0.05, &none);
        assert!(threshold > 0.38 && threshold <= 0.39, "{threshold}");
        assert_eq!(warn_rates(&refs, threshold, &none), (0.9, 2.0 / 40.0));
        // No budget: the threshold clears the highest safe draft.
        let strict = warn_threshold(&refs, 0.0, &none);
        assert!(strict > 0.40 && strict < 0.41, "{strict}");
        assert_eq!(warn_rates(&refs, strict, &none), (0.9, 0.0));
    }

    #[test]
    fn a_trusted_rule_s_false_hits_come_out_of_the_budget() {
        let mut drafts = spread();
        drafts.push(draft(0.02, false, Some(Kind::PhiReviewReplyDisclosure)));
        let refs: Vec<&Scored> = drafts.iter().collect();
        let mut trusted = vec![false; Kind::ALL.len()];
        trusted[Kind::PhiReviewReplyDisclosure as usize] = true;
        // 41 safe drafts, 5 %: two may warn; the trusted rule's false hit is one, so one model score may.
        let standing = Standing { trusted: &trusted, floor: 0.0 };
        let threshold = warn_threshold(&refs, 0.05, &standing);
        assert!(threshold > 0.39 && threshold <= 0.40, "{threshold}");
        assert_eq!(warn_rates(&refs, threshold, &standing).1, 2.0 / 41.0);
    }

    /// `d` with a phone the direct-identifier rule found: exact, standing from the floor up.
    fn with_phone(mut d: Scored) -> Scored {
        let kind = Kind::PhiDirectIdentifier as usize;
        d.score.rules[kind] = Some(Severity::High);
        d.score.exact_floored[kind] = true;
        d
    }

    #[test]
    fn the_exact_floor_drops_the_phones_of_drafts_the_warning_finds_harmless() {
        let mut drafts = spread();
        // Three safe drafts with a phone the warning model scores near zero (a practice's own number), and the
        // risky draft at 0.30 with one too.
        drafts.extend([0.02, 0.03, 0.04].map(|p| with_phone(draft(p, false, None))));
        let risky = drafts.iter().position(|d| d.warn).expect("a risky draft");
        let phone_risky = with_phone(drafts.remove(risky));
        drafts.push(phone_risky);
        let refs: Vec<&Scored> = drafts.iter().collect();
        // With no floor the three phones take 43 safe drafts' 5 % budget (two) and more: nothing else may warn.
        let untrusted = vec![false; Kind::ALL.len()];
        let always = Standing { trusted: &untrusted, floor: 0.0 };
        assert_eq!(warn_threshold(&refs, 0.05, &always), 1.01);
        // The tuner takes the lowest floor over the three: the model's scores warn again, the risky phone stands.
        let tuned = tune(&refs, 0.05);
        assert_eq!(tuned.exact_floor, 0.05);
        assert_eq!(simulate(&refs, &tuned), (1.0, 2.0 / 43.0));
    }

    /// A draft with a case story's probability `story`, labeled a case story or not, and (when `identified`) a
    /// warned name with health context the model is sure of.
    fn story_draft(story: f32, labeled: bool, identified: bool) -> Scored {
        let mut d = draft(if identified { 0.9 } else { 0.1 }, identified, None);
        d.score.probabilities[Kind::PhiCaseStory as usize] = story;
        d.kinds[Kind::PhiCaseStory as usize] = labeled;
        if identified {
            d.score.probabilities[Kind::PhiNameWithHealthContext as usize] = 0.95;
            d.kinds[Kind::PhiNameWithHealthContext as usize] = true;
        }
        d
    }

    #[test]
    fn a_case_story_s_threshold_leaves_out_the_drafts_that_identify_the_patient() {
        // Forty drafts name their patient (the checker drops a case story there), each with a case story's
        // probability of 0.6; of twenty real case stories, ten score 0.9 and ten 0.5. Counted on every draft, the
        // best F1 would be a threshold over 0.6 (ten stories found); where a story can be shown, 0.5 finds all.
        let mut drafts: Vec<Scored> = (0..40).map(|_| story_draft(0.6, false, true)).collect();
        drafts.extend((0..10).map(|_| story_draft(0.9, true, false)));
        drafts.extend((0..10).map(|_| story_draft(0.5, true, false)));
        let refs: Vec<&Scored> = drafts.iter().collect();
        let tuned = tune(&refs, 0.05);
        // The names are shown (by the model: no rule fired), so the forty drafts are identified.
        assert_ne!(tuned.kinds[Kind::PhiNameWithHealthContext as usize], Choice::Rule);
        match tuned.kinds[Kind::PhiCaseStory as usize] {
            Choice::Model(t) | Choice::Either(t) => assert!(t <= 0.5, "{t}"),
            Choice::Rule => panic!("the rule finds no story here"),
        }
    }
}
