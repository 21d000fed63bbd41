//! `check` on arbitrary text, in every context, with and without an organization policy: it never panics
//! and every report holds the invariants of `tests/support/invariants.rs`.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use postguard::{check, CheckOptions, Context, Policy};
use std::sync::LazyLock;

static ORG_POLICY: LazyLock<Policy> = LazyLock::new(|| {
    Policy::parse(
        r#"{"organization": {"names": ["Riverside Community Hospital", "RCH"], "addresses": ["1200 N Main St"],
            "phones": ["(217) 555-0142"], "domains": ["rch.org"], "staff": ["Maria Alvarez"]},
            "mode": "block", "block_severity": "medium",
            "custom_identifiers": [{"id": "rch_mrn", "label": "RCH MRN", "pattern": "RCH-?\\d{6}"}],
            "clinical_terms": ["infusion suite"]}"#,
    )
    .expect("the fuzz policy is valid")
});

const CONTEXTS: [Context; 4] = [Context::Post, Context::Comment, Context::ReplyToReview, Context::Message];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = CheckOptions {
        context: CONTEXTS[usize::from(selector & 3)],
        site: (selector & 4 != 0).then(|| "google_reviews".to_string()),
    };
    let default_policy = Policy::default();
    let policy = if selector & 8 != 0 { &*ORG_POLICY } else { &default_policy };
    let report = check(&text, &options, policy);
    invariants::assert_report_invariants(&text, &report);
});
