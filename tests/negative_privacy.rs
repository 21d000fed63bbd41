//! Clinical-sounding but safe drafts: awareness posts, job ads, events, education with ages and doses,
//! statistics, colleagues and public figures at public events. None may yield a privacy warning, and at most
//! one a low advisory.
#![cfg(not(target_arch = "wasm32"))]

use postguard::{check, CheckOptions, Context, Policy, Severity};

/// The fictional organization both negative fixtures assume.
const POLICY: &str = include_str!("data/test-organization.json");

const SAFE: &[(&str, Context)] = &[
    ("Flu shots are in! Walk-in clinic Saturday, Nov 8, 9am-1pm at 400 Harbor Rd. Questions? (614) 555-0100", Context::Post),
    ("Adults 50 and older should get the shingles vaccine: two doses, 2 to 6 months apart.", Context::Post),
    ("Kids ages 4-6 need their DTaP and MMR boosters before kindergarten. Book at lakesidegeneral.org/kids", Context::Post),
    ("We're hiring ICU nurses for nights! 1+ year experience, BLS/ACLS. Email careers@lakesidegeneral.org", Context::Post),
    ("Our ED saw 61,200 visits last year and cut door-to-doctor time to 17 minutes. Proud of this team.", Context::Post),
    ("Congratulations to Dr. Priya Raman, our new Chief of Medicine! She starts Monday.", Context::Post),
    ("Happy Nurses Week to Ada Cole, who has worked nights on 5 South for 19 years.", Context::Post),
    ("Senator Ellen Park toured our new maternity wing today and met with the L&D team about rural access.", Context::Post),
    ("Mayor Tom Haskins helped us cut the ribbon at the Lakeside Cancer Center this morning.", Context::Post),
    ("Breast Cancer Awareness Month: women 40 and older, talk to your doctor about a screening mammogram.", Context::Post),
    ("Ibuprofen 400 mg every 6 hours is a common adult dose; always check with your pharmacist first.", Context::Post),
    ("If you're having thoughts of suicide, call or text 988. You matter.", Context::Post),
    ("Staff meeting moved to 2pm in Conference Room C. Bring your badge.", Context::Post),
    ("Blood drive Thursday 12/4, 7am-3pm in the main lobby. O-negative donors especially welcome!", Context::Post),
    ("NICU reunion is back: Saturday, June 14, 1-4pm on the hospital lawn. All graduates welcome!", Context::Post),
    ("Be patient with yourselves, new grads. The first year is hard for everyone.", Context::Post),
    ("Thank you for the five stars! We'll share your kind words with the whole team.", Context::ReplyToReview),
    ("We're sorry to hear this. Privacy rules keep us from discussing anyone's care online, including whether someone is a patient. Please call our patient relations office at (614) 555-0100.", Context::ReplyToReview),
    ("We appreciate your feedback about parking. The new garage opens in March.", Context::ReplyToReview),
    ("In loving memory of my grandpa, who passed away peacefully at home this weekend.", Context::Post),
    ("My grandma turned 97 today and still beats everyone at cards!", Context::Post),
    ("Colon cancer screening now starts at 45. Stool-based tests are an option; ask your provider.", Context::Post),
    ("Grand rounds recording: 'Sepsis in adults over 80' with all data aggregated and de-identified.", Context::Post),
    ("Our therapy dog Maple visited all 7 floors this week. Every staff member who got a hug: you're welcome.", Context::Post),
    ("Heat advisory until 8pm. Drink water, check on older neighbors, and know the signs of heat stroke.", Context::Post),
    ("Join our Walk for Diabetes on Saturday, May 3 at Riverfront Park! Register at lakesidegeneral.org/walk", Context::Post),
    ("The 100-year-old chapel on our campus is being restored this summer.", Context::Post),
    ("New study: adults 60+ who walk 7,000 steps a day had lower mortality. Paper linked below.", Context::Post),
    ("Shoutout to housekeeping on 3 North, the floors have never looked better!", Context::Post),
    ("Welcome Dr. Marcus Webb to Lakeside Pediatrics! Now booking new families at (614) 555-0100.", Context::Post),
    ("Grand rounds Thursday: Dr. Helen Moss on antibiotic stewardship, room 210 of the education center.", Context::Post),
    ("Happy retirement to Joan Petrov after 32 years as a labor and delivery nurse!", Context::Post),
    ("Free skin checks on June 8 from 9 to noon at 1450 Birch Avenue. No appointment needed.", Context::Post),
    ("Thanks, Gary! Glad our new waiting room feels calmer.", Context::ReplyToReview),
    ("The mayor toured our new cardiac unit and thanked the nurses on the night shift.", Context::Post),
    ("Rare Disease Day is February 28: meet our genetics counselors in the main lobby.", Context::Post),
    ("I had my wisdom teeth out yesterday and I'm living on smoothies lol", Context::Post),
];

/// Low advisories the learned judgment may still give here. At the last training one: the reviewer's name in
/// "Thanks, Gary!" (the span model reads a name at the start of a review reply as likely a patient's).
const MAX_LOW_ADVISORIES: usize = 1;

#[test]
fn safe_clinical_text_has_no_privacy_findings() {
    let policy = Policy::parse(POLICY).expect("test policy is valid");
    let mut warnings = Vec::new();
    let mut advisories = Vec::new();
    for &(text, context) in SAFE {
        let report = check(text, &CheckOptions::new(context), &policy);
        for finding in report.findings.iter().filter(|f| f.kind.is_phi()) {
            let line = format!("{text:?}\n    {} on {:?}", finding.kind, finding.text);
            if finding.severity == Severity::Low {
                advisories.push(line)
            } else {
                warnings.push(line)
            }
        }
    }
    assert!(warnings.is_empty(), "{} privacy findings on safe text:\n{}", warnings.len(), warnings.join("\n"));
    assert!(
        advisories.len() <= MAX_LOW_ADVISORIES,
        "{} privacy advisories on safe text:\n{}",
        advisories.len(),
        advisories.join("\n")
    );
}
