//! The shared negative fixture: clinical-sounding text that is safe to post must yield no
//! `phi.direct_identifier`. Awareness posts with the organization's phone, job ads with its email and
//! links, event posts with public addresses, education with ages and doses, statistics, prices, versions,
//! times and years. Every failure is collected first, then the test panics once with all of them.
#![cfg(not(target_arch = "wasm32"))]

use postguard::{check, CheckOptions, Context, Kind, Policy};

/// The fictional organization both negative fixtures assume.
const POLICY: &str = include_str!("data/test-organization.json");

const SAFE: &[&str] = &[
    // Awareness posts with the organization's own contact details.
    "February is Heart Month ❤️ Adults 65+ should know the signs of stroke. Questions? Call (614) 555-0100.",
    "Fax referrals to 614-555-0101 or call 614.555.0100; our ICU team answers 24/7.",
    "Learn the signs of sepsis at cdc.gov/sepsis and https://www.who.int/health-topics/sepsis",
    "Patients: find our updates on facebook.com/LakesideGeneral and instagram.com/lakesidegeneral",
    // Job ads.
    "We're hiring night-shift ICU RNs! Apply at lakesidegeneral.org/careers or email careers@lakesidegeneral.org",
    "Now hiring: patient access reps, $19.50/hr, 0700-1530 shifts. Details at https://jobs.lakesidegeneral.org/pa",
    // Events with public or organization addresses and dates.
    "Community health fair Saturday 9am–1pm at the Millbrook Public Library (215 Elm St). Free blood pressure checks!",
    "Flu shot clinic at Lakeside General Hospital, 400 Harbor Rd, Millbrook, OH 43001. Walk-ins welcome.",
    "Free diabetes screenings at the Millbrook YMCA, 18 Pine Ave, on 3/14 from 10am to 2pm.",
    "Walk-in vaccines for patients at 400 Harbor Rd this Saturday, Oct 12.",
    // Education with ages and doses.
    "Reminder: adults 65+ need the high-dose flu shot; ibuprofen max 600 mg per dose, 2400 mg a day.",
    "Kids 6 months and up can get the vaccine. Walk 10 minutes each way and you hit your 30 a day!",
    "Tips for families: ask staff to check the MRN on the wristband before any med pass.",
    "Never share your insurance member ID or account number in a comment, even with us.",
    // Statistics, prices and years.
    "Our ED logged 58,400 visits last year and the foundation raised $48,300 for the pediatric unit.",
    "Since 1998 our NICU has cared for more than 12,000 babies; 10450 calls to the nurse line in 2023.",
    "Parking is $12 a day or $45 a week. Sepsis bundles cut mortality 12% across 45,000 admissions.",
    "Our license renewal deadline is 2025 for all RNs, claim forms from 2019 are archived.",
    // Versions and times.
    "The charting app updated to version 4.2.1.7 overnight; please log out and back in.",
    "Code called at 3:41, ROSC at 0645, handoff at 12:30:45. Proud of this team.",
    "Pumps now run firmware v10.4.12.3 and the ICU has 24 beds, 14 floors trained.",
    // Social posts that tag organizations or colleagues.
    "Thanks @MillbrookNews for covering our new cath lab! Huge shoutout to @DrRaman and the OR team.",
    "Reading list for new pharmacists: the Beers Criteria for adults 65+ and anything from @ismp.org.",
    "Tag a nurse who needs coffee ☕ and tag 3 friends who donated blood this week!",
    // Words that look like identifier keywords.
    "Our serial x-ray series and a lot of plates and tags later, the mRNA-1273 lecture is online.",
];

#[test]
fn safe_clinical_text_has_no_direct_identifiers() {
    let policy = Policy::parse(POLICY).expect("fixture policy is valid");
    let mut failures = Vec::new();
    for text in SAFE {
        let report = check(text, &CheckOptions::new(Context::Post), &policy);
        for finding in report.findings.iter().filter(|f| f.kind == Kind::PhiDirectIdentifier) {
            failures.push(format!(
                "{text:?}\n    flagged {:?} as {}",
                finding.text,
                finding.identifier.as_deref().unwrap_or("?")
            ));
        }
    }
    assert!(failures.is_empty(), "{} false identifiers:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn identifier_detectors_survive_text_full_of_multibyte_characters() {
    let policy = Policy::parse(POLICY).expect("fixture policy is valid");
    let pieces = [
        "テキスト",
        "pt",
        "MRN",
        "62703",
        "IL",
        "zip",
        "😀",
        "@dana",
        "1187 Jefferson Ave",
        "plate",
        "BRN",
        "4471",
        "é",
        "98.213.44.17",
        "gofundme.com/f/x",
        "serial",
        "ПЛ",
        "acct",
        "2001:db8::1",
        "\n",
        ",",
    ];
    // Every pairing of pieces, glued with and without spaces, so each boundary meets a multibyte character.
    for a in pieces {
        for b in pieces {
            for text in [format!("{a}{b}テ{a}"), format!("ス{a} {b}😀"), format!("{b}, {a}\n{b}")] {
                check(&text, &CheckOptions::new(Context::Post), &policy);
            }
        }
    }
}
