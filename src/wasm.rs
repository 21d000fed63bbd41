//! The browser boundary: the only file that knows about wasm-bindgen.
//!
//! Exports `check(text, options)`, `redact(text, options)`, `configure(policy)` and `version()`. Plain
//! JSON-shaped objects cross the boundary; nothing here keeps or logs the text.

use crate::{CheckOptions, Checker, Context, Policy, Report};
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CHECKER: RefCell<Checker> = RefCell::new(Checker::default());
    /// The names of the options' fields as JavaScript strings, made once rather than at every check.
    static OPTION_NAMES: [JsValue; 2] = [JsValue::from_str("context"), JsValue::from_str("site")];
}

fn options(value: JsValue) -> Result<CheckOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(CheckOptions::default());
    }
    // Read field by field, not through serde: a derived deserializer links float formatting for its error
    // messages, kilobytes of wasm for a message this boundary replaces anyway.
    let not_an_object = || JsError::new("options must be an object like {context: 'post', site: 'facebook'}");
    if !value.is_object() {
        return Err(not_an_object());
    }
    let text_field = |index: usize| {
        let field =
            OPTION_NAMES.with(|names| js_sys::Reflect::get(&value, &names[index])).map_err(|_| not_an_object())?;
        if field.is_undefined() || field.is_null() {
            return Ok(None);
        }
        field.as_string().map(Some).ok_or_else(not_an_object)
    };
    let context = match text_field(0)?.as_deref() {
        None => Context::Post,
        Some(name) => Context::parse(name).ok_or_else(|| {
            // Cut like a policy problem: the value comes from the page's side and could be anything.
            let name = crate::Problem::echo(name);
            JsError::new(&format!("unknown context '{name}'; expected post, comment, reply_to_review or message"))
        })?,
    };
    Ok(CheckOptions { context, site: text_field(1)? })
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

/// Checks `text` under the configured policy and returns the Report object.
#[wasm_bindgen]
pub fn check(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    let report = CHECKER.with(|c| c.borrow().check(text, &options));
    Ok(build_report(&wasm_bindgen::memory(), &report_layout(&report)))
}

#[wasm_bindgen(module = "/src/wasm_report.js")]
extern "C" {
    /// Builds the Report object from [`report_layout`]'s numbers in one call: field by field through
    /// `serde-wasm-bindgen`, a report of six findings cost ~20 µs in V8, most of it decoding the same built-in
    /// messages again into JavaScript strings at every check.
    #[wasm_bindgen(js_name = buildReport)]
    fn build_report(memory: &JsValue, layout: &[u32]) -> JsValue;
}

/// Numbers per finding in [`report_layout`]: start, end, and six strings of three.
const FINDING_LEN: usize = 20;
/// Where the findings start in [`report_layout`]: after the verdict (a string of three), their count and
/// `care_context` (0 or 1).
const FINDINGS_AT: usize = 5;

/// `report` as `src/wasm_report.js` reads it: its numbers, and where each string lies in wasm memory, marked
/// as built in (a `'static` string of the core, decoded once and kept) or made for this report (never kept:
/// it may hold words of the draft).
fn report_layout(report: &Report) -> Vec<u32> {
    let mut layout = Vec::with_capacity(FINDINGS_AT + FINDING_LEN * report.findings.len());
    push_built_in(&mut layout, report.verdict.as_str());
    layout.push(report.findings.len() as u32);
    layout.push(u32::from(report.care_context));
    for finding in &report.findings {
        layout.extend([finding.start as u32, finding.end as u32]);
        push_built_in(&mut layout, finding.kind.as_str());
        push_built_in(&mut layout, finding.severity.as_str());
        push_text(&mut layout, finding.identifier.as_ref());
        push_text(&mut layout, Some(&finding.message));
        push_text(&mut layout, finding.suggestion.as_ref());
        push_string(&mut layout, &finding.text, MADE);
    }
    layout
}

/// How a string of the layout is held (see `src/wasm_report.js`).
const ABSENT: u32 = 0;
const BUILT_IN: u32 = 1;
const MADE: u32 = 2;

fn push_string(layout: &mut Vec<u32>, text: &str, how: u32) {
    // wasm32 addresses and lengths fit in a u32.
    layout.extend([text.as_ptr() as u32, text.len() as u32, how]);
}

fn push_built_in(layout: &mut Vec<u32>, text: &'static str) {
    push_string(layout, text, BUILT_IN);
}

fn push_text(layout: &mut Vec<u32>, text: Option<&Cow<'static, str>>) {
    match text {
        None => layout.extend([0, 0, ABSENT]),
        Some(Cow::Borrowed(text)) => push_built_in(layout, text),
        Some(Cow::Owned(text)) => push_string(layout, text, MADE),
    }
}

/// Checks `text` and applies every suggestion: returns `{text, changes: [{start, end, replacement, new_start, new_end}]}`.
#[wasm_bindgen]
pub fn redact(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    let redaction = CHECKER.with(|c| {
        let checker = c.borrow();
        crate::redact(text, &checker.check(text, &options))
    });
    to_js(&redaction)
}

/// Sets the policy (an object or a JSON string). Returns the problems found as `"path: message"` strings;
/// what was rejected falls back to defaults and the rest applies.
#[wasm_bindgen]
pub fn configure(policy: JsValue) -> Vec<String> {
    let (parsed, problems) = if let Some(json) = policy.as_string() {
        Policy::parse_lenient(&json)
    } else if policy.is_undefined() || policy.is_null() {
        (Policy::default(), Vec::new())
    } else {
        // As JSON text rather than through serde's JS deserializer, for the reason `options` gives.
        match js_sys::JSON::stringify(&policy).ok().and_then(|json| json.as_string()) {
            Some(json) => Policy::parse_lenient(&json),
            None => {
                (Policy::default(), vec![crate::Problem { path: "$".into(), message: "expected a JSON object".into() }])
            }
        }
    };
    CHECKER.with(|c| *c.borrow_mut() = Checker::new(parsed));
    problems.iter().map(ToString::to_string).collect()
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
