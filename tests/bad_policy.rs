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
    let (kinds_kept, _) = Policy::list_limit("disabled_kinds").unwrap();
    let (terms_kept, _) = Policy::list_limit("clinical_terms").unwrap();
    // One problem per wrong entry among those read, and one for each list's overflow: never 50,000.
    assert_eq!(problems.len(), kinds_kept / 2 + 2, "{:#?}", &problems[..3]);
    assert_problem_at(&problems, "disabled_kinds[0]", "expected a string");
    assert_problem_at(&problems, &format!("disabled_kinds[{kinds_kept}]"), "at most");
    assert_problem_at(&problems, &format!("clinical_terms[{terms_kept}]"), "at most");
    assert!(policy.is_disabled(Kind::ToneProfanity));
    assert_eq!(policy.clinical_terms.len(), terms_kept);
}

/// Valid entries for the list at `path`, `n` of them, different from one another.
fn valid_entries(path: &str, n: usize) -> Vec<Value> {
    let cycle = |names: &[&str]| (0..n).map(|i| json!(names[i % names.len()])).collect();
    match path {
        "organization.names" => (0..n).map(|i| json!(format!("Riverside Clinic {i}"))).collect(),
        "organization.addresses" => {
            (0..n).map(|i| json!(format!("{} Harbor Rd, Millbrook, OH 43001", i + 1))).collect()
        }
        "organization.phones" => (0..n).map(|i| json!(format!("(614) 555-{:04}", i % 10_000))).collect(),
        "organization.domains" => (0..n).map(|i| json!(format!("site{i}.example.org"))).collect(),
        "organization.staff" => (0..n).map(|i| json!(format!("Staff Member {i}"))).collect(),
        "clinical_terms" => (0..n).map(|i| json!(format!("unit {i}"))).collect(),
        "disabled_kinds" => cycle(&["tone.profanity", "tone.insult"]),
        "sites.disabled" => cycle(postguard::SITES),
        "sites.extra" => (0..n).map(|i| json!({"matches": format!("https://site{i}.example.org/*")})).collect(),
        "locked" => cycle(postguard::LOCKABLE),
        "custom_identifiers" => {
            (0..n).map(|i| json!({"id": format!("id_{i}"), "pattern": format!("X{i}-\\d{{4}}")})).collect()
        }
        other => panic!("no valid entries written for {other}"),
    }
}

/// `{"organization": {"names": list}}` for the path `organization.names`, and so on.
fn policy_with(path: &str, list: Value) -> Value {
    path.rsplit('.').fold(list, |inner, key| json!({ key: inner }))
}

/// The length of the list at `path` in the parsed policy.
fn kept(policy: &Policy, path: &str) -> usize {
    let org = &policy.organization;
    match path {
        "organization.names" => org.names.len(),
        "organization.addresses" => org.addresses.len(),
        "organization.phones" => org.phones.len(),
        "organization.domains" => org.domains.len(),
        "organization.staff" => org.staff.len(),
        "clinical_terms" => policy.clinical_terms.len(),
        "disabled_kinds" => policy.disabled_kinds.len(),
        "sites.disabled" => policy.disabled_sites.len(),
        "sites.extra" => policy.extra_sites.len(),
        "locked" => policy.locked.len(),
        "custom_identifiers" => policy.custom_identifiers.len(),
        other => panic!("no list at {other}"),
    }
}

#[test]
fn keeps_the_first_entries_of_every_list_past_its_limit() {
    for &(path, most, _) in Policy::LIST_LIMITS {
        if path == "severity_overrides" {
            continue; // a map: below
        }
        let (policy, problems) = problems_of(&policy_with(path, Value::from(valid_entries(path, most))).to_string());
        assert!(problems.is_empty(), "{path}: {most} valid entries are allowed: {problems:#?}");
        assert_eq!(kept(&policy, path), most, "{path}");

        let (policy, problems) =
            problems_of(&policy_with(path, Value::from(valid_entries(path, most + 25))).to_string());
        assert_problem_at(&problems, &format!("{path}[{most}]"), "at most");
        assert_eq!(problems.len(), 1, "{path}: one problem for the overflow: {problems:#?}");
        assert_eq!(kept(&policy, path), most, "{path}: the first {most} entries are kept");
    }
    let (most, _) = Policy::list_limit("severity_overrides").unwrap();
    let overrides: serde_json::Map<String, Value> =
        (0..most + 25).map(|i| (format!("tone.made_up_{i}"), json!("low"))).collect();
    let (_, problems) = problems_of(&json!({ "severity_overrides": overrides }).to_string());
    assert_eq!(problems.len(), most + 1, "one problem per unknown kind read, and one for the overflow");
    assert_problem_at(&problems, "severity_overrides", &format!("at most {most}"));
}

#[test]
fn refuses_entries_longer_than_their_limit() {
    for &(path, _, longest) in Policy::LIST_LIMITS {
        let long = format!("{}.example.org", "a".repeat(longest));
        let (entry, at) = match path {
            "severity_overrides" => continue,
            "custom_identifiers" => {
                (json!({"id": "x_id", "label": long, "pattern": "X\\d{4}"}), format!("{path}[0].label"))
            }
            "sites.extra" => (json!({"matches": format!("https://{long}/*")}), format!("{path}[0].matches")),
            _ => (json!(long), format!("{path}[0]")),
        };
        let (policy, problems) = problems_of(&policy_with(path, json!([entry])).to_string());
        assert_problem_at(&problems, &at, &format!("at most {longest} characters"));
        if path != "custom_identifiers" {
            assert_eq!(kept(&policy, path), 0, "{path}: the long entry is refused");
        }
    }
}

#[test]
fn refuses_a_public_suffix_as_a_domain() {
    let draft = "our patient emailed from jane.doe1951@gmail.com and bob@clinic.co.uk about her biopsy";
    for (domain, why) in [
        ("com", "top-level domain"),
        ("COM.", "top-level domain"),
        ("co.uk", "public suffix"),
        ("Com.Au", "public suffix"),
        ("nhs.uk", "public suffix"),
        ("foo.ck", "public suffix"),
        ("https://rch.org", "not a domain"),
        ("@rch.org", "not a domain"),
        ("rch..org", "not a domain"),
        ("rch.org/", "not a domain"),
    ] {
        let json = json!({"organization": {"domains": ["riversidehealth.org", domain]}}).to_string();
        let (policy, problems) = problems_of(&json);
        assert_problem_at(&problems, "organization.domains[1]", why);
        assert_eq!(policy.organization.domains, ["riversidehealth.org"], "{domain} is refused");
        let report = check(draft, &CheckOptions::default(), &policy);
        let emails = report.findings.iter().filter(|f| f.identifier.as_deref() == Some("email")).count();
        assert_eq!(emails, 2, "under {domain} every personal email is still flagged");
    }
    for domain in ["riversidehealth.org", "rch.co.uk", "trust.nhs.uk", "www.ck", "city.kawasaki.jp", "clínica.es"] {
        let json = json!({"organization": {"domains": [domain]}}).to_string();
        assert!(problems_of(&json).1.is_empty(), "{domain} is an organization's own domain");
    }
}

#[test]
fn refuses_entries_too_short_to_mean_anything() {
    for (path, short, good) in [
        ("organization.names", vec!["R", "RC", " R. "], "RCH"),
        ("organization.staff", vec!["Al", "J.", "-"], "Ada"),
        ("organization.addresses", vec!["4", "Main", "4 B", "1 A St"], "4 Elm St"),
        ("organization.phones", vec!["4", "555-01", "1234567890123456"], "555-0100"),
        ("clinical_terms", vec!["x", "7", "-"], "er"),
    ] {
        let mut list: Vec<&str> = short.clone();
        list.push(good);
        let (policy, problems) = problems_of(&policy_with(path, json!(list)).to_string());
        for (i, entry) in short.iter().enumerate() {
            let at = format!("{path}[{i}]");
            assert!(
                problems
                    .iter()
                    .any(|p| p.path == at && (p.message.contains("too short") || p.message.contains("digits"))),
                "{at} ({entry:?}) should be refused as too short: {problems:#?}"
            );
        }
        assert_eq!(problems.len(), short.len(), "{path}: {good:?} is accepted: {problems:#?}");
        assert_eq!(kept(&policy, path), 1, "{path}: only {good:?} is kept");
    }
    // A one-character address used to hide every address and room with that number.
    let (policy, _) = problems_of(r#"{"organization": {"addresses": ["4"]}}"#);
    let report = check("our pt lives at 4 Elm St and missed dialysis", &CheckOptions::default(), &policy);
    assert!(report.findings.iter().any(|f| f.identifier.as_deref() == Some("address")), "{report:?}");
}

#[test]
fn cuts_long_keys_and_values_in_problems() {
    let huge = "k".repeat(10 * 1024 * 1024);
    let policies = [
        json!({ &huge: 1 }),
        json!({"organization": { &huge: [] }}),
        json!({"severity_overrides": { &huge: "low" }}),
        json!({"custom_identifiers": [{"id": "x_id", "pattern": "X\\d{4}", &huge: 1}]}),
        json!({"disabled_kinds": [&huge[..90]], "locked": [&huge[..90]], "sites": {"disabled": [&huge[..90]]}}),
        json!({"organization": {"domains": [format!("{}.{}", &huge[..90], "co.uk")], "names": [&huge]}}),
    ];
    for policy in policies {
        let (_, problems) = problems_of(&policy.to_string());
        assert!(!problems.is_empty());
        for p in &problems {
            let shown = p.to_string();
            assert!(shown.len() < 400, "a problem of {} bytes repeats the input: {:.120}", shown.len(), shown);
            assert!(!shown.contains(&huge[..60]), "more than 40 characters of the key or value: {shown:.120}");
        }
    }
    let (_, problems) = problems_of(&json!({"disabled_kinds": ["tone.made_up\nkind"]}).to_string());
    assert!(problems[0].message.contains("tone.made_up\\nkind"), "a line break is shown escaped: {}", problems[0]);
    let (_, problems) = problems_of(&json!({ format!("x{}", "é".repeat(60)): 1 }).to_string());
    assert_eq!(problems[0].path, format!("[\"x{}…\"]", "é".repeat(39)), "cut at a character, quoted");
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
fn cuts_a_10_mb_unknown_key_in_the_cli() {
    let path = std::env::temp_dir().join(format!("postguard-bad-policy-{}-huge-key.json", std::process::id()));
    let huge = "k".repeat(10 * 1024 * 1024);
    std::fs::write(&path, json!({ &huge: 1, "organization": {"domains": [&huge]}}).to_string()).unwrap();
    let validate = postguard(&["policy", "validate", path.to_str().unwrap()], "");
    let check = postguard(&["check", "--policy", path.to_str().unwrap()], "pt ssn 219-09-9999");
    std::fs::remove_file(&path).ok();
    assert_eq!(validate.status.code(), Some(1));
    assert_eq!(check.status.code(), Some(2));
    for (what, out) in [("policy validate", &validate.stdout), ("check", &check.stderr)] {
        let out = String::from_utf8_lossy(out);
        assert!(out.len() < 2_000, "{what} printed {} bytes: {:.200}", out.len(), out);
        assert!(out.contains(&format!("[\"{}…\"]: unknown key", &huge[..40])), "{what}: {out}");
        assert!(out.contains("organization.domains[0]: too long"), "{what}: {out}");
    }
    let out = postguard(&["check", "--context", &huge[..5_000]], "");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.len() < 2_000 && stderr.contains("unknown context"), "{:.200}", stderr);
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
