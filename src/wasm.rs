//! The browser boundary: the only file that knows about wasm-bindgen.
//!
//! Exports `check(text, options)`, `redact(text, options)`, `configure(policy)` and `version()`. Plain
//! JSON-shaped objects cross the boundary; nothing here keeps or logs the text.

use crate::{CheckOptions, Checker, Context, Policy};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CHECKER: RefCell<Checker> = RefCell::new(Checker::default());
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
    let text_field = |name: &str| {
        let field = js_sys::Reflect::get(&value, &JsValue::from_str(name)).map_err(|_| not_an_object())?;
        if field.is_undefined() || field.is_null() {
            return Ok(None);
        }
        field.as_string().map(Some).ok_or_else(not_an_object)
    };
    let context = match text_field("context")?.as_deref() {
        None => Context::Post,
        Some(name) => Context::parse(name).ok_or_else(|| {
            JsError::new(&format!("unknown context '{name}'; expected post, comment, reply_to_review or message"))
        })?,
    };
    Ok(CheckOptions { context, site: text_field("site")? })
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
    to_js(&report)
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
