//! `redact` on the report `check` made (every identifier is replaced, see the invariants), and on arbitrary,
//! possibly stale or hostile reports (never a panic, the output is still consistent).
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postguard::{check, redact, CheckOptions, Finding, Kind, Policy, Report, Severity, Verdict};

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    /// Extra findings with arbitrary offsets, as a stale or forged report from the page would carry.
    forged: Vec<(u16, u16, bool)>,
}

fuzz_target!(|input: Input| {
    let text = input.text.as_str();
    let report = check(text, &CheckOptions::default(), &Policy::default());
    let redaction = redact(text, &report);
    invariants::assert_redaction_invariants(text, &report, &redaction);

    let mut forged = report.clone();
    for (start, end, identifier) in input.forged.into_iter().take(16) {
        forged.findings.push(Finding {
            kind: Kind::PhiDirectIdentifier,
            severity: Severity::High,
            start: usize::from(start),
            end: usize::from(end),
            text: String::new(),
            identifier: identifier.then_some("name".into()),
            message: "".into(),
            suggestion: Some(if identifier { "[name]" } else { "someone" }.into()),
        });
    }
    forged.verdict = if forged.findings.is_empty() { Verdict::Ok } else { Verdict::Warn };
    let redaction = redact(text, &Report { verdict: forged.verdict, findings: forged.findings.clone(), care_context: false });
    // Forged findings may split surrogate pairs; redact rounds them to character boundaries, so only the
    // structural part is checked for them (their `text` is not the slice).
    let structural = Report { verdict: forged.verdict, findings: Vec::new(), care_context: false };
    invariants::assert_redaction_invariants(text, &structural, &redaction);
});
