//! Browser tests of the wasm API, run by `wasm-pack test --headless --chrome` (see build.sh).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use postguard::wasm::{check, configure, redact, version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property is readable")
}

fn options(context: &str) -> JsValue {
    let object = js_sys::Object::new();
    Reflect::set(&object, &"context".into(), &context.into()).unwrap();
    object.into()
}

fn first_finding(report: &JsValue) -> JsValue {
    Array::from(&get(report, "findings")).get(0)
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_after_emoji() {
    configure(JsValue::UNDEFINED);
    let text = "😀🙏 pt ssn 219-09-9999";
    let report = check(text, JsValue::UNDEFINED).expect("check succeeds");
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("warn"));
    let finding = first_finding(&report);
    assert_eq!(get(&finding, "identifier").as_string().as_deref(), Some("ssn"));
    let start = get(&finding, "start").as_f64().unwrap() as u32;
    let end = get(&finding, "end").as_f64().unwrap() as u32;
    // JavaScript's own slicing of the same string must give the number back.
    let sliced = js_sys::JsString::from(text).slice(start, end);
    assert_eq!(String::from(sliced), "219-09-9999");
    assert_eq!(get(&finding, "text").as_string().as_deref(), Some("219-09-9999"));
}

#[wasm_bindgen_test]
fn clean_text_is_ok_with_no_findings() {
    configure(JsValue::UNDEFINED);
    let report = check("Flu shots are in this week!", options("post")).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("ok"));
    assert_eq!(Array::from(&get(&report, "findings")).length(), 0);
}

#[wasm_bindgen_test]
fn care_context_crosses_as_a_boolean() {
    configure(JsValue::UNDEFINED);
    let work = check("night shift crew photo before handoff", options("post")).unwrap();
    assert_eq!(get(&work, "care_context").as_bool(), Some(true));
    let lake = check("sunset at the lake", options("post")).unwrap();
    assert_eq!(get(&lake, "care_context").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn configure_reports_problems_with_paths_and_keeps_the_rest() {
    let problems = configure(JsValue::from_str(
        r#"{"mode": "block", "organization": {"phones": 5},
            "custom_identifiers": [{"id": "badge", "pattern": "BDG-[0-9]{5}"}, {"id": "bad", "pattern": "(x"}]}"#,
    ));
    assert!(problems.iter().any(|p| p.starts_with("organization.phones:")), "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("custom_identifiers[1].pattern:")), "{problems:?}");
    let report = check("badge BDG-12345 lost", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("block"));
    assert_eq!(get(&first_finding(&report), "identifier").as_string().as_deref(), Some("badge"));
    configure(JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
fn configure_accepts_objects_and_rejects_bad_json() {
    let object = js_sys::JSON::parse(r#"{"organization": {"phones": ["(217) 555-0142"]}}"#).unwrap();
    assert!(configure(object).is_empty());
    let report = check("front desk (217) 555-0142", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("ok"));
    let problems = configure(JsValue::from_str("{nope"));
    assert!(problems[0].starts_with("$: not valid JSON"), "{problems:?}");
    configure(JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
fn configure_cuts_a_10_mb_unknown_key() {
    let key = "k".repeat(10 * 1024 * 1024);
    let json = format!(r#"{{"{key}": 1, "organization": {{"domains": ["com"]}}}}"#);
    let object = js_sys::JSON::parse(&json).unwrap();
    for policy in [JsValue::from_str(&json), object] {
        let problems = configure(policy);
        assert_eq!(problems.len(), 2, "{:.200?}", problems);
        assert!(problems.iter().all(|p| p.len() < 300), "a problem repeats the key: {:.200}", problems[0]);
        assert!(problems[0].starts_with(&format!("[\"{}…\"]: unknown key", &key[..40])), "{:.200}", problems[0]);
        assert!(problems[1].starts_with("organization.domains[0]: 'com' is a top-level domain"), "{}", problems[1]);
    }
    let long_context = "c".repeat(100_000);
    let message = error_message(check("hello", options(&long_context)));
    assert!(message.len() < 300 && message.contains("unknown context"), "{:.200}", message);
    configure(JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
fn bad_context_is_a_clear_error() {
    let err = check("hello", options("tweet")).err().expect("unknown context is refused");
    let message = JsValue::from(err);
    let text = get(&message, "message").as_string().unwrap();
    assert!(text.contains("unknown context 'tweet'"), "{text}");
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err = result.err().expect("the call is refused");
    get(&JsValue::from(err), "message").as_string().unwrap()
}

#[wasm_bindgen_test]
fn options_that_are_not_an_object_of_strings_are_a_clear_error() {
    configure(JsValue::UNDEFINED);
    assert!(error_message(check("hello", JsValue::from_f64(5.0))).starts_with("options must be an object"));
    let numeric_context = js_sys::JSON::parse(r#"{"context": 5}"#).unwrap();
    assert!(error_message(check("hello", numeric_context)).starts_with("options must be an object"));
    // Missing and null fields take their defaults.
    let partial = js_sys::JSON::parse(r#"{"context": null, "site": "facebook"}"#).unwrap();
    let report = check("pt ssn 219-09-9999", partial).unwrap();
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("warn"));
}

#[wasm_bindgen_test]
fn configure_refuses_what_is_not_json() {
    let not_json = js_sys::Function::new_no_args("return 1");
    let problems = configure(not_json.into());
    assert_eq!(problems, ["$: expected a JSON object"]);
    configure(JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
fn redact_replaces_identifiers_through_the_same_policy() {
    configure(JsValue::UNDEFINED);
    let result = redact("😀 ssn 219-09-9999 ok", options("comment")).unwrap();
    assert_eq!(get(&result, "text").as_string().as_deref(), Some("😀 ssn [ssn] ok"));
    let change = Array::from(&get(&result, "changes")).get(0);
    assert_eq!(get(&change, "start").as_f64(), Some(7.0));
}

#[wasm_bindgen_test]
fn version_matches_the_crate() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn reports_cross_exactly_as_the_core_writes_them() {
    // Built-in strings (kept by the JavaScript side after their first use), strings made for one report (a
    // custom identifier's message, the flagged words), absent fields, emoji, and a paste that grows wasm memory
    // between checks: each report must be the core's own, as its JSON shows.
    let policy_json =
        r#"{"custom_identifiers": [{"id": "badge", "label": "badge number", "pattern": "BDG-[0-9]{5}"}]}"#;
    assert!(configure(JsValue::from_str(policy_json)).is_empty());
    let policy = postguard::Policy::parse(policy_json).unwrap();
    let mut drafts: Vec<(String, postguard::Context)> = include_str!("../bench/data/drafts.jsonl")
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                postguard::Context::parse(v["context"].as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    drafts.push(("😀 badge BDG-12345 for Mr. Ortiz, DOB 03/14/1951 🙏".to_string(), postguard::Context::Comment));
    drafts.push((String::new(), postguard::Context::Post));
    let paste: String = drafts.iter().map(|(text, _)| text.as_str()).cycle().take(2000).collect::<Vec<_>>().join("\n");
    let compare = |text: &str, context: postguard::Context| {
        let crossed = check(text, options(context.as_str())).expect("check succeeds");
        let crossed = String::from(js_sys::JSON::stringify(&crossed).unwrap());
        let core = postguard::check(text, &postguard::CheckOptions::new(context), &policy);
        assert_eq!(crossed, serde_json::to_string(&core).unwrap(), "draft of {} bytes", text.len());
        core.findings.len()
    };
    let mut findings = 0;
    for _ in 0..2 {
        for (text, context) in &drafts {
            findings += compare(text, *context);
        }
        compare(&paste, postguard::Context::Post);
    }
    assert!(findings > 40, "the drafts should yield findings of many kinds, got {findings}");
    configure(JsValue::UNDEFINED);
}
