//! IT's example files in `docs/policies/` are accepted as they are, and `postguard policy validate`
//! names every problem of a broken policy with its JSON path.
//!
//! Each example is read the way the browser reads it: plain policy JSON directly; the Chrome/Chromium
//! JSON file's `3rdparty.extensions.<id>`; Firefox `policies.json`'s `policies.3rdparty.Extensions.<add-on id>`;
//! a Windows `.reg` file's `...\3rdparty\extensions\<id>\policy` key, its values converted by
//! `extension/managed_schema.json` as Chrome does (REG_DWORD for booleans, JSON strings for lists and
//! objects); a macOS `.mobileconfig`'s `com.google.Chrome.extensions.<id>` payload. The force-install part
//! (`ExtensionSettings`) of each wrapper is checked too.
#![cfg(not(target_arch = "wasm32"))]

use postguard::Policy;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The Chrome/Edge extension id, fixed by the manifest's key (extension/README-id.txt).
fn chrome_id() -> String {
    let text = read(&root().join("extension/README-id.txt"));
    text.split_whitespace()
        .find(|w| w.len() == 32 && w.bytes().all(|b| (b'a'..=b'p').contains(&b)))
        .expect("README-id.txt names the 32-letter extension id")
        .to_string()
}

/// The Firefox add-on id the Firefox build gets (tools/firefox-manifest.mjs).
fn gecko_id() -> String {
    let text = read(&root().join("tools/firefox-manifest.mjs"));
    let line = text.lines().find(|l| l.contains("GECKO_ID =")).expect("GECKO_ID in tools/firefox-manifest.mjs");
    line.split('\'').nth(1).expect("GECKO_ID is a quoted string").to_string()
}

fn schema() -> Value {
    serde_json::from_str(&read(&root().join("extension/managed_schema.json"))).expect("managed_schema.json is JSON")
}

fn get<'v>(value: &'v Value, path: &[&str], file: &str) -> &'v Value {
    path.iter().fold(value, |v, key| v.get(key).unwrap_or_else(|| panic!("{file}: no '{}' in {v}", path.join("."))))
}

fn check_force_install(settings: &Value, id: &str, url_key: &str, file: &str) {
    let entry = get(settings, &[id], file);
    assert_eq!(entry["installation_mode"], "force_installed", "{file}: ExtensionSettings.{id}");
    let url = entry[url_key].as_str().unwrap_or_else(|| panic!("{file}: ExtensionSettings.{id}.{url_key}"));
    assert!(url.starts_with("https://"), "{file}: {url_key} must be https: {url}");
}

// --- Windows .reg -----------------------------------------------------------------------------------

/// A .reg file as key path => (value name => value), values as `Value::String` (REG_SZ) or
/// `Value::Number` (REG_DWORD).
fn parse_reg(text: &str, file: &str) -> Vec<(String, Map<String, Value>)> {
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    assert_eq!(lines.next().map(|l| l.trim_start_matches('\u{feff}')), Some("Windows Registry Editor Version 5.00"));
    let mut keys: Vec<(String, Map<String, Value>)> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with(';') {
            continue;
        }
        if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            keys.push((key.to_string(), Map::new()));
            continue;
        }
        let (name, rest) = reg_string(line).unwrap_or_else(|| panic!("{file}: bad value line: {line}"));
        let rest = rest.strip_prefix('=').unwrap_or_else(|| panic!("{file}: expected '=' in {line}"));
        let value = if let Some(hex) = rest.strip_prefix("dword:") {
            assert_eq!(hex.len(), 8, "{file}: a dword has 8 hex digits: {line}");
            json!(u32::from_str_radix(hex, 16).unwrap_or_else(|e| panic!("{file}: {line}: {e}")))
        } else {
            let (s, tail) = reg_string(rest).unwrap_or_else(|| panic!("{file}: bad string value: {line}"));
            assert!(tail.is_empty(), "{file}: text after the value: {line}");
            Value::String(s)
        };
        let (_, values) = keys.last_mut().unwrap_or_else(|| panic!("{file}: value before any [key]"));
        values.insert(name, value);
    }
    keys
}

/// Reads one quoted .reg string (`\\` and `\"` escapes) from the start of `s`; returns it and the rest.
fn reg_string(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?.1),
            '"' => return Some((out, &body[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

/// Converts registry values to policy JSON by the schema, as Chrome's registry policy loader does.
fn reg_values_to_policy(values: &Map<String, Value>, file: &str) -> Value {
    let schema = schema();
    let mut policy = Map::new();
    for (name, value) in values {
        let kind = schema["properties"][name]["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: '{name}' is not in managed_schema.json, Chrome would drop it"));
        let converted = match (kind, value) {
            ("boolean", Value::Number(n)) => Value::Bool(n.as_u64() != Some(0)),
            ("string", Value::String(_)) => value.clone(),
            ("array" | "object", Value::String(s)) => {
                serde_json::from_str(s).unwrap_or_else(|e| panic!("{file}: '{name}' is not valid JSON: {e}"))
            }
            _ => panic!("{file}: '{name}' should be a {kind} but is {value}"),
        };
        policy.insert(name.clone(), converted);
    }
    Value::Object(policy)
}

fn policy_from_reg(text: &str, file: &str, id: &str) -> Value {
    let keys = parse_reg(text, file);
    let suffix = format!("\\3rdparty\\extensions\\{id}\\policy");
    let (base, settings) = keys
        .iter()
        .find(|(_, values)| values.contains_key("ExtensionSettings"))
        .unwrap_or_else(|| panic!("{file}: no ExtensionSettings value"));
    let settings: Value = serde_json::from_str(settings["ExtensionSettings"].as_str().expect("REG_SZ"))
        .unwrap_or_else(|e| panic!("{file}: ExtensionSettings is not valid JSON: {e}"));
    check_force_install(&settings, id, "update_url", file);
    let (key, values) =
        keys.iter().find(|(key, _)| key.ends_with(&suffix)).unwrap_or_else(|| panic!("{file}: no [...{suffix}] key"));
    assert_eq!(key.as_str(), format!("{base}{suffix}"), "{file}: the policy key belongs under the browser's key");
    reg_values_to_policy(values, file)
}

// --- macOS .mobileconfig (XML property list) ------------------------------------------------------

/// A small reader for XML property lists: dict, array, string, integer, true, false.
struct Plist<'a> {
    rest: &'a str,
}

impl<'a> Plist<'a> {
    fn parse(text: &'a str) -> Value {
        let start = text.find("<plist").expect("a <plist> element");
        let body = &text[start..];
        let open_end = body.find('>').expect("<plist ...>") + 1;
        let mut reader = Plist { rest: &body[open_end..] };
        let value = reader.value();
        reader.skip_space();
        assert!(reader.rest.starts_with("</plist>"), "one value in <plist>, then </plist>");
        value
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start();
        while self.rest.starts_with("<!--") {
            let end = self.rest.find("-->").expect("closed comment") + 3;
            self.rest = self.rest[end..].trim_start();
        }
    }

    fn tag(&mut self) -> &'a str {
        self.skip_space();
        assert!(self.rest.starts_with('<'), "expected a tag at: {}", &self.rest[..self.rest.len().min(40)]);
        let end = self.rest.find('>').expect("closed tag");
        let tag = &self.rest[1..end];
        self.rest = &self.rest[end + 1..];
        tag
    }

    fn text_until(&mut self, close: &str) -> String {
        let end = self.rest.find(close).unwrap_or_else(|| panic!("missing {close}"));
        let raw = &self.rest[..end];
        self.rest = &self.rest[end + close.len()..];
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    fn value(&mut self) -> Value {
        match self.tag() {
            "dict" => {
                let mut map = Map::new();
                loop {
                    match self.tag() {
                        "/dict" => break Value::Object(map),
                        "key" => {
                            let key = self.text_until("</key>");
                            let value = self.value();
                            map.insert(key, value);
                        }
                        other => panic!("unexpected <{other}> in <dict>"),
                    }
                }
            }
            "dict/" => Value::Object(Map::new()),
            "array" => {
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.rest.starts_with("</array>") {
                        self.rest = &self.rest["</array>".len()..];
                        break Value::Array(items);
                    }
                    items.push(self.value());
                }
            }
            "array/" => Value::Array(Vec::new()),
            "string" => Value::String(self.text_until("</string>")),
            "string/" => Value::String(String::new()),
            "integer" => json!(self.text_until("</integer>").trim().parse::<i64>().expect("an integer")),
            "true/" => Value::Bool(true),
            "false/" => Value::Bool(false),
            other => panic!("unsupported plist element <{other}>"),
        }
    }
}

fn policy_from_mobileconfig(text: &str, file: &str, id: &str) -> Value {
    let profile = Plist::parse(text);
    assert_eq!(profile["PayloadType"], "Configuration", "{file}: a configuration profile");
    let payloads = get(&profile, &["PayloadContent"], file).as_array().expect("PayloadContent is an array");
    for payload in payloads {
        for key in ["PayloadType", "PayloadIdentifier", "PayloadUUID"] {
            assert!(payload[key].is_string(), "{file}: every payload has {key}");
        }
        let uuid = payload["PayloadUUID"].as_str().unwrap();
        assert!(uuid.len() == 36 && uuid.matches('-').count() == 4, "{file}: PayloadUUID {uuid}");
    }
    let chrome = payloads
        .iter()
        .find(|p| p["PayloadType"] == "com.google.Chrome")
        .unwrap_or_else(|| panic!("{file}: no com.google.Chrome payload"));
    check_force_install(get(chrome, &["ExtensionSettings"], file), id, "update_url", file);
    let domain = format!("com.google.Chrome.extensions.{id}");
    let payload = payloads
        .iter()
        .find(|p| p["PayloadType"] == domain.as_str())
        .unwrap_or_else(|| panic!("{file}: no {domain} payload"));
    let policy: Map<String, Value> = payload
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !k.starts_with("Payload"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(policy)
}

// --- every example ---------------------------------------------------------------------------------

/// The PostGuard policy inside one example file.
fn extract_policy(path: &Path) -> Value {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let text = read(path);
    let (chrome_id, gecko_id) = (chrome_id(), gecko_id());
    match path.extension().and_then(|e| e.to_str()) {
        Some("reg") => policy_from_reg(&text, &file, &chrome_id),
        Some("mobileconfig") => policy_from_mobileconfig(&text, &file, &chrome_id),
        Some("json") => {
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: not JSON: {e}"));
            if let Some(policies) = value.get("policies") {
                check_force_install(get(policies, &["ExtensionSettings"], &file), &gecko_id, "install_url", &file);
                get(policies, &["3rdparty", "Extensions", &gecko_id], &file).clone()
            } else if value.get("3rdparty").is_some() || value.get("ExtensionSettings").is_some() {
                check_force_install(get(&value, &["ExtensionSettings"], &file), &chrome_id, "update_url", &file);
                get(&value, &["3rdparty", "extensions", &chrome_id], &file).clone()
            } else {
                value
            }
        }
        _ => panic!("{file}: unknown kind of example; teach tests/policies.rs to read it"),
    }
}

/// Each top-level key must be described in managed_schema.json with a matching type, or Chrome drops it.
fn check_against_schema(policy: &Value, file: &str) {
    let schema = schema();
    for (key, value) in policy.as_object().unwrap_or_else(|| panic!("{file}: the policy is not an object")) {
        let kind = schema["properties"][key]["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: '{key}' not in managed_schema.json"));
        let actual = match value {
            Value::Bool(_) => "boolean",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            _ => "other",
        };
        assert_eq!(actual, kind, "{file}: '{key}' has the wrong type for managed_schema.json");
    }
}

#[test]
fn every_example_policy_is_accepted_without_problems() {
    let dir = root().join("docs/policies");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("docs/policies exists")
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 8, "expected the example files in docs/policies, found {files:?}");
    let mut kinds = std::collections::BTreeSet::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let policy = extract_policy(path);
        check_against_schema(&policy, &file);
        let problems = Policy::from_value(&policy).1;
        assert!(problems.is_empty(), "{file}: {problems:?}");
        // A wrapper must carry a real policy, not an empty object.
        assert!(policy.get("organization").is_some(), "{file}: no organization profile");
        kinds.insert(path.extension().unwrap().to_string_lossy().to_string());
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["json", "mobileconfig", "reg"]);
}

#[test]
fn wrappers_carry_the_same_policy_on_every_platform() {
    let dir = root().join("docs/policies");
    let reference = extract_policy(&dir.join("chrome-linux.json"));
    for file in ["firefox-policies.json", "chrome-windows.reg", "edge-windows.reg", "chrome-macos.mobileconfig"] {
        assert_eq!(extract_policy(&dir.join(file)), reference, "{file} differs from chrome-linux.json");
    }
    let policy = Policy::from_value(&reference).0;
    assert_eq!(policy.custom_identifiers[0].label, "Riverside MRN");
    assert!(policy.custom_identifiers[0].pattern.is_match("MRN RCH-123456"));
    assert!(policy.locked.iter().any(|k| k == "mode"));
}

#[test]
fn the_cli_validates_the_plain_examples() {
    let dir = root().join("docs/policies");
    for file in ["minimal.json", "strict-block.json", "custom-identifiers.json"] {
        let out = Command::new(env!("CARGO_BIN_EXE_postguard"))
            .args(["policy", "validate"])
            .arg(dir.join(file))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{file}: {stdout}");
        assert!(stdout.trim_end().ends_with(": ok"), "{file}: {stdout}");
    }
}

#[test]
fn a_broken_policy_yields_every_problem_with_its_path() {
    let path = root().join("tests/data/broken-policy.json");
    let out = Command::new(env!("CARGO_BIN_EXE_postguard")).args(["policy", "validate"]).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let prefix = format!("{}: ", path.display());
    let problems: Vec<(&str, &str)> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|l| l.split_once(": ").unwrap_or_else(|| panic!("'path: message' expected: {l}")))
        .collect();
    let expected: &[(&str, &str)] = &[
        ("colour", "unknown key"),
        ("organization.phones[0]", "7 to 15 digits"),
        ("organization.staff", "expected a list of strings, found a string"),
        ("organization.website", "unknown key"),
        ("mode", "expected \"warn\" or \"block\""),
        ("block_severity", "expected \"low\", \"medium\" or \"high\""),
        ("allow_post_anyway", "expected true or false, found a string"),
        ("require_reason", "expected true or false, found a number"),
        ("disabled_kinds[1]", "unknown finding kind 'tone.rudeness'"),
        ("disabled_kinds[2]", "expected a string, found a number"),
        ("severity_overrides.phi.case_story", "expected \"low\", \"medium\" or \"high\""),
        ("severity_overrides.phi.unknown", "unknown finding kind 'phi.unknown'"),
        ("custom_identifiers[1].pattern", "invalid regular expression"),
        ("custom_identifiers[2].id", "lowercase letters, digits and underscores"),
        ("custom_identifiers[3].id", "duplicate id 'rch_mrn'"),
        ("custom_identifiers[4].severity", "expected \"low\", \"medium\" or \"high\""),
        ("custom_identifiers[4].flags", "unknown key"),
        ("custom_identifiers[5].pattern", "limit is 1000"),
        ("custom_identifiers[6].pattern", "compiles too large"),
        ("custom_identifiers[7]", "expected an object, found a string"),
        ("clinical_terms[1]", "empty string"),
        ("sites.disabled[1]", "unknown site 'myspace'"),
        ("sites.extra[0].matches", "expected a match pattern"),
        ("sites.extra[1].context", "expected \"post\", \"comment\", \"reply_to_review\" or \"message\""),
        ("locked[1]", "expected a string, found a number"),
        ("locked[2]", "'colour' cannot be locked"),
    ];
    for (path, needle) in expected {
        assert!(
            problems.iter().any(|(p, m)| p == path && m.contains(needle)),
            "no problem at {path} containing {needle:?}; got:\n{stdout}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "unexpected extra problems:\n{stdout}");
    assert!(stdout.contains(&format!("{} problems found", expected.len())), "{stdout}");

    // What was not broken still applies.
    let (policy, _) = Policy::parse_lenient(&read(&path));
    assert_eq!(policy.organization.names, ["Riverside Community Hospital"]);
    let ids: Vec<&str> = policy.custom_identifiers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["rch_mrn", "rch_badge"], "the valid identifiers survive");
    assert_eq!(policy.disabled_kinds.len(), 1);
    assert_eq!(policy.locked, ["mode"]);
    assert_eq!(policy.disabled_sites, ["reddit"]);
}

#[test]
fn unreadable_json_is_one_problem_at_the_root() {
    let dir = std::env::temp_dir().join(format!("postguard-policies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(&path, "{\"mode\": \"block\",}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_postguard")).args(["policy", "validate"]).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains(": $: not valid JSON"), "{stdout}");
    std::fs::remove_dir_all(&dir).ok();
}
