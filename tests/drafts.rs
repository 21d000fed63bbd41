//! Whole drafts written for these tests (not from the evaluation corpus), each with the verdict and the
//! kinds a careful compliance officer would expect: risky drafts of every kind, and safe drafts that
//! sound clinical. They pin the behaviour of all detectors together, so a change to one rule (or to how
//! the rules are run) that breaks another shows here.
#![cfg(not(target_arch = "wasm32"))]

use postguard::{check, CheckOptions, Context, Policy, Verdict};

const POLICY: &str = include_str!("data/test-organization.json");

use Context::{Comment, Post, ReplyToReview as Reply};

/// Risky drafts: (text, context, kinds that must all be found). The verdict must be warn.
const RISKY: &[(&str, Context, &[&str])] = &[
    (
        "Thank you Mrs. Kowalczyk for the lovely card after your knee replacement with us!",
        Post,
        &["phi.name_with_health_context"],
    ),
    (
        "Hi Dana, we checked and your appointment was moved because your insurance had lapsed.",
        Reply,
        &["phi.review_reply_disclosure"],
    ),
    ("My 97 yo patient told me the best story about the war today", Post, &["phi.quasi_identifiers"]),
    ("Guess which Bears linebacker was in our ER last night 👀", Post, &["phi.public_figure_patient"]),
    ("can't believe the mayor came in for his colonoscopy and tipped everyone", Post, &["phi.public_figure_patient"]),
    (
        "Patient John Smith (DOB 4/12/1961) keeps calling about his refill.",
        Post,
        &["phi.name_with_health_context", "phi.direct_identifier"],
    ),
    (
        "Our tiniest NICU graduate, baby Aria, born at 24 weeks, finally went home today!",
        Post,
        &["phi.name_with_health_context"],
    ),
    (
        "The teacher from Lincoln Elementary who came in with the dog bite yesterday is doing better.",
        Post,
        &["phi.quasi_identifiers"],
    ),
    ("Can someone call back the patient with MRN 00482913 about her labs?", Post, &["phi.direct_identifier"]),
    (
        "Sorry Mark, but you missed three appointments, so we charged the no-show fee.",
        Reply,
        &["phi.review_reply_disclosure"],
    ),
    ("Dr. Ruiz remembers you and is sorry the crown bothered you.", Reply, &["phi.review_reply_disclosure"]),
    (
        "Here's a photo of our amazing patient Lily on her last day of radiation!",
        Post,
        &["phi.media_reference", "phi.name_with_health_context"],
    ),
    ("pt j.m. in bay 3 pulled out his IV again, third time tonight", Post, &["phi.name_with_health_context"]),
    ("Mrs. G in room 4 was discharged today, she'll be missed", Post, &["phi.name_with_health_context"]),
    (
        "Saw my old English teacher in the ER today, she's getting a pacemaker. Small world!",
        Post,
        &["phi.quasi_identifiers"],
    ),
    ("La señora Ibarra fue dada de alta hoy después de su cirugía de cadera.", Post, &["phi.name_with_health_context"]),
    ("Snapped the OR schedule so you can all see how crazy today is", Post, &["phi.media_reference"]),
    ("Another frequent flier back in the ED tonight, shocker", Post, &["tone.derogatory_patient_slang"]),
    ("Baby in room 5 is uglier than a potato lmao", Post, &["tone.mocking_patients"]),
    ("Sarah you should double your metformin dose and skip the statin", Comment, &["advice.individual_medical_advice"]),
    ("if that reviewer shows up again we'll make sure she regrets it", Reply, &["tone.threat"]),
    ("Our hospital is way better than St. Luke's, their ER is a joke", Post, &["tone.disparaging_colleague"]),
    ("Our new laser treatment cures migraines for good, guaranteed!", Post, &["claims.guarantee_or_cure"]),
];

/// Safe drafts: (text, context). The verdict must be ok.
const SAFE: &[(&str, Context)] = &[
    ("Congrats to Dr. Alvarado on her promotion to chief of surgery!", Post),
    ("Grand rounds Thursday: Dr. Amy Cole on sepsis bundles, room 204 of the education center.", Post),
    ("Happy retirement to Nancy Porter after 35 years as a labor and delivery nurse!", Post),
    ("Free skin cancer screenings on May 3 from 9am to noon at 1200 Oak Avenue.", Post),
    ("Thanks, Gary! We love hearing that our new waiting room feels welcoming.", Reply),
    ("The mayor toured our new cardiac unit and thanked the night shift.", Post),
    ("Our patient portal launched today: refills in two taps.", Post),
    ("A veteran-owned bakery donated 300 cupcakes to our clinic today.", Post),
    ("Fight like a girl! Team Pink raised $8,000 for the cancer center.", Post),
    ("My grandmother turned 95 today and still beats me at cards.", Post),
    ("Adults over 65 should ask their doctor about the RSV vaccine.", Post),
    ("Our urology team now offers penile implant consultations.", Post),
    ("We're sorry to hear this. Privacy rules keep us from discussing anyone's care here; please call our patient advocate.", Reply),
    ("Dr. Lee will call you Monday about the new parking permits.", Reply),
];

/// What the learned judgment must keep on these drafts. It decides from models trained on the labeled sets
/// and measured on sets it never saw (src/data/model/README.md), so a few of these hand-written drafts are
/// missed. At the last training, five risky ones, each with a warning probability under its threshold
/// (`postguard check --explain` shows it): the mayor's colonoscopy, the photo of Lily, the English teacher's
/// pacemaker, the snapped OR schedule, "frequent flier"; and one advisory on a safe one ("Thanks, Gary!"). A
/// change that loses more than that fails here.
const MIN_RISKY_CAUGHT: f64 = 0.75;
const MAX_SAFE_ADVISED: usize = 1;

#[test]
fn risky_drafts_warn_with_the_expected_kinds() {
    let policy = Policy::parse(POLICY).expect("test policy is valid");
    let mut failures = Vec::new();
    for &(text, context, kinds) in RISKY {
        let report = check(text, &CheckOptions::new(context), &policy);
        let found: Vec<&str> = report.findings.iter().map(|f| f.kind.as_str()).collect();
        let missing: Vec<&&str> = kinds.iter().filter(|k| !found.contains(k)).collect();
        if report.verdict != Verdict::Warn || !missing.is_empty() {
            failures.push(format!("{text:?}\n    {:?}, missing {missing:?}, found {found:?}", report.verdict));
        }
    }
    let caught = 1.0 - failures.len() as f64 / RISKY.len() as f64;
    println!("{} of {} risky drafts missed:\n{}", failures.len(), RISKY.len(), failures.join("\n"));
    assert!(caught >= MIN_RISKY_CAUGHT, "{caught:.2} of the risky drafts caught; missed:\n{}", failures.join("\n"));
}

#[test]
fn safe_drafts_are_left_alone() {
    let policy = Policy::parse(POLICY).expect("test policy is valid");
    let mut warned = Vec::new();
    let mut advised = Vec::new();
    for &(text, context) in SAFE {
        let report = check(text, &CheckOptions::new(context), &policy);
        let found: Vec<(&str, &str)> = report.findings.iter().map(|f| (f.kind.as_str(), f.text.as_str())).collect();
        let line = format!("{text:?}\n    {:?}: {found:?}", report.verdict);
        match report.verdict {
            Verdict::Ok => {}
            Verdict::Advise => advised.push(line),
            _ => warned.push(line),
        }
    }
    assert!(warned.is_empty(), "{} safe drafts warned:\n{}", warned.len(), warned.join("\n"));
    assert!(advised.len() <= MAX_SAFE_ADVISED, "{} safe drafts advised:\n{}", advised.len(), advised.join("\n"));
}
