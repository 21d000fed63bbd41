//! Policy parsing on arbitrary bytes and JSON: never a panic, every problem has a path, a rejected policy
//! keeps the defaults, and checking under whatever was accepted still holds the report invariants.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use postguard::{check, CheckOptions, Kind, Organization, Policy};

const PROBE: &str = "pt ssn 219-09-9999 in bed 4, MRN RCH-004512, call (217) 555-0142 😀 ﬀ İ";

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let (policy, problems) = Policy::parse_lenient(&json);
    for p in &problems {
        assert!(!p.path.is_empty(), "a problem without a path: {p}");
        assert!(!p.message.is_empty(), "a problem without a message at {}", p.path);
    }
    assert_eq!(Policy::parse(&json).is_ok(), problems.is_empty());
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
        let (_, again) = Policy::from_value(&value);
        assert_eq!(again, problems, "parse_lenient and from_value disagree");
    }

    let report = check(PROBE, &CheckOptions::default(), &policy);
    invariants::assert_report_invariants(PROBE, &report);
    // A policy can turn the identifier kind off, or name the number as the organization's own, on purpose;
    // anything else it says (or gets wrong) never stops the SSN from being found.
    if !policy.is_disabled(Kind::PhiDirectIdentifier) && policy.organization == Organization::default() {
        let found =
            report.findings.iter().any(|f| f.kind == Kind::PhiDirectIdentifier && f.text.contains("219-09-9999"));
        assert!(found, "the ssn is no longer found");
    }
});
