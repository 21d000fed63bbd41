//! The shared negative fixture: clinical, awareness and workplace text that must raise no tone, claims or
//! advice finding. One test collects every failure, then fails once with all of them.

use crate::options::Context;
use crate::testing::report;

/// Harmless drafts that look risky to a naive word filter. Written for these tests.
const CLINICAL_NEGATIVES: &[&str] = &[
    // Anatomy, exams and procedures in care or awareness posts.
    "October is Breast Cancer Awareness Month. Schedule your screening mammogram today.",
    "Know your normal: nipple discharge or skin dimpling deserves a call to your doctor.",
    "Our colorectal surgeons treat anal fissures, hemorrhoids and rectal bleeding. New patients welcome.",
    "Penile implants are an option after prostate cancer treatment; ask our urology team.",
    "A rectal exam is quick and can catch problems early.",
    "Testicular self-exam: two minutes in the shower, once a month. #Movember",
    "Pelvic floor physical therapy helps with leaks after childbirth.",
    "Erectile dysfunction can be an early sign of heart disease. Talk to your provider.",
    "Vaginal birth after cesarean (VBAC) class meets Thursday.",
    "Cervical cancer screening saves lives: get your Pap test.",
    "Breastfeeding support group every Wednesday; babies welcome.",
    "Colon cancer screening starts at 45. Painless? Not always. Worth it? Always.",
    "Sexual health clinic: confidential STI testing, walk-ins welcome.",
    // Names that contain or are rude words.
    "Welcome Dr. Dick Johnson to our urology practice!",
    "Congrats to wound care nurse Ashley Cockburn on her poster award.",
    "Happy retirement, Fanny Whitmore! 30 years in medical records.",
    "Thanks to Gaylord Perry for organizing the blood drive.",
    "Greetings from our sister hospital in Scunthorpe and the Essex team.",
    "Our medical assistant class graduates Friday.",
    "Mocktail and cocktail hour for the nurses' gala, 7pm.",
    "Shout-out to Dr. Hancock and Dr. Cox for the teaching award.",
    // Weather, heat and everyday words.
    "It's going to be hot this week: hydrate and check on older neighbors.",
    "Heat stroke warning signs: confusion, hot dry skin, fast pulse. Call 911.",
    "Hell's Kitchen watch party in the break room? Kidding, we're charting.",
    // Nurse humor without mockery, and staff celebrations.
    "Night shift: where breakfast is dinner and the coffee is a food group.",
    "The Pyxis and I are in a complicated relationship 🙃",
    "Said the Q word at 3am. Never again. #nightshift",
    "Congrats Jamie!!! Nobody deserves Nurse of the Year more 🏆",
    "Staff meeting moved to 3pm. The Keurig has finally died ☕💀",
    "Our therapy dog visited every floor today 🐶",
    "Be patient with new grads; we were all new once.",
    "Patient Experience Week: thank you to our front desk and volunteers!",
    "Happy Nurses Week to the best team I know 💙",
    "Rating cafeteria desserts as an ICU nurse: the brownie wins, 9/10.",
    // Respectful clinical wording and health education.
    "Narcan saves lives. Free kits at our outpatient pharmacy.",
    "Our addiction medicine clinic now offers same-day buprenorphine starts.",
    "Write 'person with diabetes' instead of 'diabetic'. Words shape care.",
    "Free diabetic foot exams at the health fair Saturday.",
    "There is no cure for ALS yet; every dollar raised funds research.",
    "The MMR vaccine does not cause autism; the 1998 paper was retracted.",
    "Can you split extended-release tablets? In general, no. Ask your pharmacist about your own medicine.",
    "Shingles vaccine: two doses for adults 50 and older. Ask your pharmacist!",
    "If you're having thoughts of suicide, call or text 988.",
    "Flu shot clinic Saturday, no appointment needed.",
    "Hiring ICU RNs: BLS/ACLS required, guaranteed hours and tuition assistance.",
    "In loving memory of our colleague, a respiratory therapist for 31 years.",
    "Tornado warning until 5pm. The ED is open and fully staffed.",
    "Overdose Awareness Day: we remember, and we keep showing up.",
    "Trauma-informed care training for all staff this month.",
    "We lost a patient tonight after a long code. Hug your people.",
];

/// Replies that are calm and say nothing about anyone's care.
const CALM_REPLIES: &[&str] = &[
    "We're sorry to hear you're unhappy. Please call our office so we can listen.",
    "Thank you for the kind words! We'll share them with the team.",
    "Nobody online can tell what's going on with that rash; please have your pediatrician look at it.",
    "Great question! In general, ask your pharmacist before splitting any pill.",
];

const TONE_FAMILIES: &[&str] = &["tone.", "claims.", "advice."];

#[test]
fn clinical_negatives_raise_no_tone_finding() {
    let mut failures = Vec::new();
    let cases = CLINICAL_NEGATIVES
        .iter()
        .map(|t| (*t, Context::Post))
        .chain(CALM_REPLIES.iter().map(|t| (*t, Context::Comment)));
    for (text, context) in cases {
        for finding in report(text, context).findings {
            if TONE_FAMILIES.iter().any(|f| finding.kind.as_str().starts_with(f)) {
                failures.push(format!("{text:?}: {} on {:?}", finding.kind, finding.text));
            }
        }
    }
    assert!(failures.is_empty(), "{} false positives:\n{}", failures.len(), failures.join("\n"));
}
