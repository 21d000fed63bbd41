//! Bad policies: malformed JSON, wrong types at every key, huge or refused patterns, unknown keys and huge
//! lists each yield clear problems with JSON paths, keep the defaults for what was rejected, and leave
//! checking working. The CLI reports them the same way and never echoes the draft.
#![cfg(not(target_arch = "wasm32"))]

use postguard::{check, CheckOptions, Kind, Mode, Policy, Problem, Severity, MAX_CUSTOM_IDENTIFIERS};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const SSN_DRAFT: &str = "pt ssn 219-09-9999 on the form";

/// Parses `json` leniently, asserts that checking still flags an SSN under whatever was accepted, and
/// returns the problems.
#[track_caller]
fn problems_of(json: &str) -> (Policy, Vec<Problem>) {
    let (policy, problems) = Policy::parse_lenient(json);
    assert_eq!(Policy::parse(json).is_err(), !problems.is_empty());
    let report = check(SSN_DRAFT, &CheckOptions::default(), &policy);
    if !policy.is_disabled(Kind::PhiDirectIdentifier) {
        assert!(
            report.findings.iter().any(|f| f.identifier.as_deref() == Some("ssn")),
            "the SSN is no longer flagged under {json:.80}"
        );
    }
    for p in &problems {
        assert!(!p.path.is_empty() && !p.message.is_empty(), "{p:?}");
        assert!(p.message.starts_with(|c: char| !c.is_uppercase()), "messages start lowercase: {p}");
    }
    (policy, problems)
}

#[track_caller]
fn assert_problem_at(problems: &[Problem], path: &str, needle: &str) {
    assert!(
        problems.iter().any(|p| p.path == path && p.message.contains(needle)),
        "expected a problem at {path} mentioning {needle:?}, got {problems:#?}"
    );
}

#[track_caller]
fn assert_defaults(policy: &Policy) {
    assert_eq!(policy.mode, Mode::Warn);
    assert_eq!(policy.block_severity, Severity::High);
    assert!(policy.allow_post_anyway);
    assert!(policy.disabled_kinds.is_empty() && policy.custom_identifiers.is_empty());
}

#[test]
fn flags_malformed_json_at_the_root() {
    for json in ["", "{", "{\"mode\": }", "[1, 2", "nul", "{\"mode\": \"warn\",}", "\u{FEFF}{}", "{'mode': 'warn'}"] {
        let (policy, problems) = problems_of(json);
        assert_problem_at(&problems, "$", "not valid JSON");
        assert_defaults(&policy);
    }
}

#[test]
fn flags_a_document_that_is_not_an_object() {
    for json in ["[]", "5", "\"warn\"", "true"] {
        let (policy, problems) = problems_of(json);
        assert_problem_at(&problems, "$", "expected an object");
        assert_defaults(&policy);
    }
}

#[test]
fn flags_wrong_types_at_every_key() {
    let wrong = [json!(5), json!("text"), json!(true), json!([1]), json!({"a": 1})];
    let keys = [
        ("organization", "organization"),
        ("mode", "mode"),
        ("block_severity", "block_severity"),
        ("allow_post_anyway", "allow_post_anyway"),
        ("require_reason", "require_reason"),
        ("disabled_kinds", "disabled_kinds"),
        ("severity_overrides", "severity_overrides"),
        ("custom_identifiers", "custom_identifiers"),
        ("clinical_terms", "clinical_terms"),
        ("sites", "sites"),
        ("locked", "locked"),
    ];
    for (key, path) in keys {
        for value in &wrong {
            let json = json!({ key: value }).to_string();
            let (policy, problems) = problems_of(&json);
            assert!(!problems.is_empty() || value_fits(key, value), "{json} was accepted silently");
            assert!(
                problems.iter().all(|p| p.path.starts_with(path)),
                "{json}: problems outside {path}: {problems:#?}"
            );
            assert_eq!(policy.mode, Mode::Warn, "{json}");
        }
    }
    for (key, value) in
        [("names", json!(5)), ("phones", json!("217")), ("staff", json!([1, "Ann"])), ("domains", json!({}))]
    {
        let json = json!({"organization": { key: value }}).to_string();
        let (_, problems) = problems_of(&json);
        assert!(problems.iter().any(|p| p.path.starts_with(&format!("organization.{key}"))), "{json}: {problems:#?}");
    }
}

/// The few wrong-looking values that are in fact valid (an empty object for a map, and the like).
fn value_fits(key: &str, value: &Value) -> bool {
    matches!((key, value), ("severity_overrides" | "sites" | "organization", Value::Object(m)) if m.is_empty())
        || matches!((key, value), ("allow_post_anyway" | "require_reason", Value::Bool(_)))
}

#[test]
fn flags_unknown_keys_with_their_paths() {
    let json = r#"{"colour": "red", "organization": {"name": "RCH"}, "sites": {"enabled": []},
        "custom_identifiers": [{"id": "x", "pattern": "X\\d{4}", "regex": "y"}]}"#;
    let (policy, problems) = problems_of(json);
    assert_problem_at(&problems, "colour", "unknown key");
    assert_problem_at(&problems, "organization.name", "unknown key");
    assert_problem_at(&problems, "sites.enabled", "unknown key");
    assert_problem_at(&problems, "custom_identifiers[0].regex", "unknown key");
    assert_eq!(policy.custom_identifiers.len(), 1, "the rest of the entry still applies");
}

#[test]
fn flags_a_100_kb_regex() {
    let pattern = "a".repeat(100 * 1024);
    let json = json!({"custom_identifiers": [{"id": "huge", "pattern": pattern}]}).to_string();
    let (policy, problems) = problems_of(&json);
    assert_problem_at(&problems, "custom_identifiers[0].pattern", "limit");
    assert!(policy.custom_identifiers.is_empty());
    // Short but explosive once compiled.
    let json = json!({"custom_identifiers": [{"id": "wide", "pattern": "\\w{500}\\w{500}"}]}).to_string();
    assert_problem_at(&problems_of(&json).1, "custom_identifiers[0].pattern", "too large");
}

#[test]
fn flags_patterns_the_regex_engine_refuses() {
    let refused =
        ["(?=RCH)\\d+", "(?<=MRN )\\d+", "(?!x)y", "(a)\\1", "(unclosed", "[z-a]", "a{2,1}", "\\p{Nonsense}", "*"];
    for (i, pattern) in refused.iter().enumerate() {
        let json = json!({"custom_identifiers": [{"id": format!("p{i}"), "pattern": pattern}]}).to_string();
        let (policy, problems) = problems_of(&json);
        assert_problem_at(&problems, "custom_identifiers[0].pattern", "invalid regular expression");
        assert!(policy.custom_identifiers.is_empty(), "{pattern}");
        // The message explains without echoing a (possibly sensitive) pattern wholesale.
        assert!(problems[0].message.len() < 200, "{}", problems[0].message);
    }
}

#[test]
fn flags_huge_arrays_without_giving_up() {
    let many: Vec<Value> =
        (0..10_000).map(|i| json!({"id": format!("id_{i}"), "pattern": format!("X{i}-\\d{{4}}")})).collect();
    let (policy, problems) = problems_of(&json!({"custom_identifiers": many}).to_string());
    assert_eq!(policy.custom_identifiers.len(), MAX_CUSTOM_IDENTIFIERS);
    assert_problem_at(&problems, &format!("custom_identifiers[{MAX_CUSTOM_IDENTIFIERS}]"), "at most");
    assert_eq!(problems.len(), 1, "one problem for the overflow, not one per entry");

    let junk: Vec<Value> = (0..100_000).map(|i| if i % 2 == 0 { json!(i) } else { json!("tone.profanity") }).collect();
    let (policy, problems) =
        problems_of(&json!({"disabled_kinds": junk, "clinical_terms": vec!["infusion suite"; 100_000]}).to_string());
    assert_eq!(problems.len(), 50_000);
    assert_problem_at(&problems, "disabled_kinds[0]", "expected a string");
    assert!(policy.is_disabled(Kind::ToneProfanity));
}

#[test]
fn flags_deeply_nested_json_without_overflowing_the_stack() {
    let deep = format!("{{\"organization\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let (policy, problems) = problems_of(&deep);
    assert_problem_at(&problems, "$", "not valid JSON");
    assert_defaults(&policy);
}

#[test]
fn allows_checking_to_go_on_after_every_kind_of_mistake() {
    let json = r#"{"mode": "block", "block_severity": "extreme", "disabled_kinds": ["tone.nonsense"],
        "severity_overrides": {"phi.direct_identifier": "none"}, "organization": {"phones": ["12"]},
        "custom_identifiers": [{"id": "Bad Id", "pattern": "x"}, {"id": "ok", "pattern": "(?=x)"}],
        "sites": {"disabled": ["myspace"], "extra": [{"matches": "ftp://x", "context": "post"}]}, "locked": ["everything"]}"#;
    let (policy, problems) = problems_of(json);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "block_severity",
            "disabled_kinds[0]",
            "severity_overrides.phi.direct_identifier",
            "organization.phones[0]",
            "custom_identifiers[0].id",
            "custom_identifiers[1].pattern",
            "sites.disabled[0]",
            "sites.extra[0].matches",
            "locked[0]",
        ]
    );
    assert_eq!(policy.mode, Mode::Block, "what was valid still applies");
    assert_eq!(policy.block_severity, Severity::High, "what was rejected keeps its default");
}

// The CLI, through the built binary.

const BROKEN: &str = r#"{"mode": "stop", "colour": "red", "custom_identifiers": [{"id": "mrn", "pattern": "(?<=MRN)\\d+"}],
    "organization": {"phones": 5}}"#;

fn postguard(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the postguard binary runs");
    // A policy error ends the process before it reads the draft: a broken pipe here is expected.
    let _ = child.stdin.take().expect("stdin is piped").write_all(stdin.as_bytes());
    child.wait_with_output().expect("postguard finishes")
}

fn broken_policy_file(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("postguard-bad-policy-{}-{name}.json", std::process::id()));
    std::fs::write(&path, BROKEN).expect("temp dir is writable");
    path
}

#[test]
fn flags_every_problem_in_policy_validate() {
    let path = broken_policy_file("validate");
    let out = postguard(&["policy", "validate", path.to_str().unwrap()], "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for path in ["mode", "colour", "custom_identifiers[0].pattern", "organization.phones"] {
        assert!(stdout.contains(&format!(": {path}: ")), "no problem at {path} in:\n{stdout}");
    }
    assert!(stdout.contains("4 problems found"), "{stdout}");
    std::fs::remove_file(path).ok();
}

#[test]
fn flags_a_broken_policy_in_check_without_echoing_the_draft() {
    let path = broken_policy_file("check");
    let draft = "mrs henderson ssn 219-09-9999 SECRET-DRAFT-MARKER";
    let out = postguard(&["check", "--policy", path.to_str().unwrap()], draft);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not valid") && stderr.contains("custom_identifiers[0].pattern"), "{stderr}");
    for leak in ["SECRET-DRAFT-MARKER", "henderson", "219-09-9999"] {
        assert!(!stderr.contains(leak) && !stdout.contains(leak), "the draft leaked into the output");
    }
    let out =
        postguard(&["check", "--jsonl", "--policy", path.to_str().unwrap()], &format!("{{\"text\": \"{draft}\"}}\n"));
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("SECRET-DRAFT-MARKER"));
    std::fs::remove_file(path).ok();
}

#[test]
fn survives_bad_lines_in_jsonl() {
    let input = [
        r#"{"id": 1, "text": "pt ssn 219-09-9999"}"#,
        r#"{"id": 2, "text": "SECRET-DRAFT-MARKER" "#,
        r#"{"id": 3, "text": 42}"#,
        r#"{"id": 4, "text": "ok", "context": "tweet"}"#,
        r#"[1, 2]"#,
        "",
        r#"{"id": 5, "text": "Flu shots are in!", "context": "comment"}"#,
    ]
    .join("\n");
    let out = postguard(&["check", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(0));
    let replies: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every reply line is JSON"))
        .collect();
    assert_eq!(replies.len(), 6, "one reply per non-empty line, in order: {replies:#?}");
    assert_eq!(replies[0]["id"], 1);
    assert_eq!(replies[0]["verdict"], "warn");
    assert!(replies[1]["error"].as_str().is_some_and(|e| e.contains("line 2")));
    assert!(!replies[1].to_string().contains("SECRET-DRAFT-MARKER"), "an error echoed the draft");
    assert_eq!((replies[2]["id"].clone(), replies[2]["error"].is_string()), (json!(3), true));
    assert_eq!((replies[3]["id"].clone(), replies[3]["error"].is_string()), (json!(4), true));
    assert!(replies[4]["error"].is_string());
    assert_eq!((replies[5]["id"].clone(), replies[5]["verdict"].clone()), (json!(5), json!("ok")));
}
