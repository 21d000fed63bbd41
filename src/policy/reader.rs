//! Reading a policy's JSON: each key checked, each problem noted with its path, what was rejected left at
//! its default.

use super::entries::{entry_problem, is_identifier_id, is_match_pattern, join, too_long, type_name};
use super::{
    compile_custom_pattern, CustomIdentifier, ExtraSite, MediaCheck, Mode, Organization, Policy, Problem, LOCKABLE,
    MAX_CUSTOM_IDENTIFIERS,
};
use crate::options::{Context, SITES};
use crate::report::{Kind, Severity};
use serde_json::{Map, Value};

#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

impl Reader {
    pub(super) fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    pub(super) fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            Value::Null => None,
            other => {
                self.problem(path, format!("expected an object, found {}", type_name(other)));
                None
            }
        }
    }

    pub(super) fn unknown_keys(&mut self, map: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let at = join(path, key);
                self.problem(&at, format!("unknown key; expected one of: {}", known.join(", ")));
            }
        }
    }

    pub(super) fn bool(&mut self, value: &Value, path: &str, default: bool) -> bool {
        match value {
            Value::Bool(b) => *b,
            other => {
                self.problem(path, format!("expected true or false, found {}", type_name(other)));
                default
            }
        }
    }

    /// The valid entries of a text list: [`Reader::indexed_strings`] without those too short or malformed
    /// to mean anything (a one-character address, a public suffix as a domain), each refused with a problem.
    pub(super) fn entries(&mut self, value: &Value, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, entry) in self.indexed_strings(value, path) {
            match entry_problem(path, &entry) {
                Some(message) => self.problem(&format!("{path}[{i}]"), message),
                None => out.push(entry),
            }
        }
        out
    }

    /// The valid strings of a list, each with its index in the list as written (for problem paths): the
    /// first entries up to the list's limit, each no longer than the limit's length.
    pub(super) fn indexed_strings(&mut self, value: &Value, path: &str) -> Vec<(usize, String)> {
        let Value::Array(items) = value else {
            self.problem(path, format!("expected a list of strings, found {}", type_name(value)));
            return Vec::new();
        };
        let (_, longest) = Policy::list_limit(path).unwrap_or((usize::MAX, usize::MAX));
        let mut out = Vec::new();
        for (i, item) in self.within_limit(items, path).iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() => match too_long(s.trim(), longest) {
                    Some(message) => self.problem(&format!("{path}[{i}]"), message),
                    None => out.push((i, s.trim().to_string())),
                },
                Value::String(_) => self.problem(&format!("{path}[{i}]"), "empty string; remove it"),
                other => {
                    self.problem(&format!("{path}[{i}]"), format!("expected a string, found {}", type_name(other)))
                }
            }
        }
        self.overflow(items.len(), path);
        out
    }

    /// The entries of the list at `path` that are read: the first ones, up to its limit.
    pub(super) fn within_limit<'v, T>(&self, items: &'v [T], path: &str) -> &'v [T] {
        let most = Policy::list_limit(path).map_or(items.len(), |(most, _)| most);
        &items[..items.len().min(most)]
    }

    /// One problem, at the first entry past the limit, when the list at `path` holds `len` entries, more than
    /// its limit: the entries from there on are ignored.
    pub(super) fn overflow(&mut self, len: usize, path: &str) {
        if let Some((most, _)) = Policy::list_limit(path).filter(|&(most, _)| len > most) {
            self.problem(
                &format!("{path}[{most}]"),
                format!(
                    "the list has {len} entries and at most {most} are allowed; the entries from here on are ignored"
                ),
            );
        }
    }

    pub(super) fn severity(&mut self, value: &Value, path: &str) -> Option<Severity> {
        let parsed = value.as_str().and_then(Severity::parse);
        if parsed.is_none() {
            self.problem(path, "expected \"low\", \"medium\" or \"high\"");
        }
        parsed
    }

    pub(super) fn kind(&mut self, name: &str, path: &str) -> Option<Kind> {
        let kind = Kind::from_id(name);
        if kind.is_none() {
            self.problem(
                path,
                format!(
                    "unknown finding kind '{}'; kinds look like 'phi.direct_identifier' or 'tone.profanity'",
                    Problem::echo(name)
                ),
            );
        }
        kind
    }

    pub(super) fn policy(&mut self, value: &Value) -> Policy {
        let mut policy = Policy::default();
        let Some(map) = self.object(value, "$") else {
            return policy;
        };
        self.unknown_keys(
            map,
            "",
            &[
                "organization",
                "mode",
                "block_severity",
                "allow_post_anyway",
                "require_reason",
                "disabled_kinds",
                "severity_overrides",
                "custom_identifiers",
                "clinical_terms",
                "sites",
                "media_check",
                "locked",
            ],
        );
        for (key, value) in map {
            match key.as_str() {
                "organization" => policy.organization = self.organization(value),
                "mode" => match value.as_str() {
                    Some("warn") => policy.mode = Mode::Warn,
                    Some("block") => policy.mode = Mode::Block,
                    _ => self.problem("mode", "expected \"warn\" or \"block\""),
                },
                "block_severity" => {
                    if let Some(s) = self.severity(value, "block_severity") {
                        policy.block_severity = s;
                    }
                }
                "allow_post_anyway" => policy.allow_post_anyway = self.bool(value, key, true),
                "require_reason" => policy.require_reason = self.bool(value, key, false),
                "disabled_kinds" => {
                    for (i, name) in self.indexed_strings(value, key) {
                        if let Some(kind) = self.kind(&name, &format!("disabled_kinds[{i}]")) {
                            policy.disabled_kinds.push(kind);
                        }
                    }
                }
                "severity_overrides" => {
                    if let Some(overrides) = self.object(value, key) {
                        let (most, _) = Policy::list_limit(key).unwrap_or((usize::MAX, 0));
                        for (name, severity) in overrides.iter().take(most) {
                            let path = join(key, name);
                            if let (Some(kind), Some(sev)) = (self.kind(name, &path), self.severity(severity, &path)) {
                                policy.severity_overrides.push((kind, sev));
                            }
                        }
                        if overrides.len() > most {
                            self.problem(
                                key,
                                format!(
                                    "{} kinds are re-graded and at most {most} are allowed; the ones after the first {most} are ignored",
                                    overrides.len()
                                ),
                            );
                        }
                    }
                }
                "custom_identifiers" => policy.custom_identifiers = self.custom_identifiers(value),
                "clinical_terms" => policy.clinical_terms = self.entries(value, key),
                "sites" => self.sites(value, &mut policy),
                "media_check" => match value.as_str().and_then(MediaCheck::parse) {
                    Some(check) => policy.media_check = check,
                    None => self.problem("media_check", "expected \"off\", \"care_context\" or \"always\""),
                },
                "locked" => {
                    for (i, name) in self.indexed_strings(value, key) {
                        if LOCKABLE.contains(&name.as_str()) {
                            policy.locked.push(name);
                        } else {
                            self.problem(
                                &format!("locked[{i}]"),
                                format!(
                                    "'{}' cannot be locked; lockable settings: {}",
                                    Problem::echo(&name),
                                    LOCKABLE.join(", ")
                                ),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        policy
    }

    pub(super) fn organization(&mut self, value: &Value) -> Organization {
        let mut org = Organization::default();
        let Some(map) = self.object(value, "organization") else {
            return org;
        };
        self.unknown_keys(map, "organization", &["names", "addresses", "phones", "domains", "staff"]);
        for (key, value) in map {
            let path = join("organization", key);
            let list = match key.as_str() {
                "names" => &mut org.names,
                "addresses" => &mut org.addresses,
                "phones" => &mut org.phones,
                "domains" => &mut org.domains,
                "staff" => &mut org.staff,
                _ => continue,
            };
            *list = self.entries(value, &path);
        }
        org
    }

    pub(super) fn custom_identifiers(&mut self, value: &Value) -> Vec<CustomIdentifier> {
        let Value::Array(items) = value else {
            self.problem("custom_identifiers", format!("expected a list of objects, found {}", type_name(value)));
            return Vec::new();
        };
        let mut out: Vec<CustomIdentifier> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("custom_identifiers[{i}]");
            if i >= MAX_CUSTOM_IDENTIFIERS {
                self.problem(&path, format!("at most {MAX_CUSTOM_IDENTIFIERS} custom identifiers are allowed"));
                break;
            }
            let Some(map) = self.object(item, &path) else {
                continue;
            };
            self.unknown_keys(map, &path, &["id", "label", "pattern", "severity"]);
            let id = match map.get("id").and_then(Value::as_str) {
                Some(id) if is_identifier_id(id) => id.to_string(),
                _ => {
                    self.problem(
                        &join(&path, "id"),
                        "expected an id of lowercase letters, digits and underscores, such as \"rch_mrn\"",
                    );
                    continue;
                }
            };
            if out.iter().any(|c| c.id == id) {
                self.problem(&join(&path, "id"), format!("duplicate id '{id}'"));
                continue;
            }
            let (_, longest_label) = Policy::list_limit("custom_identifiers").unwrap_or((0, usize::MAX));
            let label = match map.get("label") {
                None => id.clone(),
                Some(Value::String(s)) if !s.trim().is_empty() => match too_long(s.trim(), longest_label) {
                    Some(message) => {
                        self.problem(&join(&path, "label"), message);
                        id.clone()
                    }
                    None => s.trim().to_string(),
                },
                Some(_) => {
                    self.problem(&join(&path, "label"), "expected a non-empty string");
                    id.clone()
                }
            };
            let severity = match map.get("severity") {
                None => Severity::High,
                Some(v) => self.severity(v, &join(&path, "severity")).unwrap_or(Severity::High),
            };
            let Some(source) = map.get("pattern").and_then(Value::as_str) else {
                self.problem(&join(&path, "pattern"), "expected a regular expression as a string");
                continue;
            };
            match compile_custom_pattern(source) {
                Ok(pattern) => out.push(CustomIdentifier { id, label, pattern, severity }),
                Err(message) => self.problem(&join(&path, "pattern"), message),
            }
        }
        out
    }

    pub(super) fn sites(&mut self, value: &Value, policy: &mut Policy) {
        let Some(map) = self.object(value, "sites") else {
            return;
        };
        self.unknown_keys(map, "sites", &["disabled", "extra"]);
        if let Some(disabled) = map.get("disabled") {
            for (i, site) in self.indexed_strings(disabled, "sites.disabled") {
                if SITES.contains(&site.as_str()) {
                    policy.disabled_sites.push(site);
                } else {
                    self.problem(
                        &format!("sites.disabled[{i}]"),
                        format!("unknown site '{}'; known sites: {}", Problem::echo(&site), SITES.join(", ")),
                    );
                }
            }
        }
        if let Some(extra) = map.get("extra") {
            let Value::Array(items) = extra else {
                self.problem("sites.extra", format!("expected a list of objects, found {}", type_name(extra)));
                return;
            };
            let (_, longest) = Policy::list_limit("sites.extra").unwrap_or((0, usize::MAX));
            for (i, item) in self.within_limit(items, "sites.extra").iter().enumerate() {
                let path = format!("sites.extra[{i}]");
                let Some(site) = self.object(item, &path) else {
                    continue;
                };
                self.unknown_keys(site, &path, &["matches", "context"]);
                let Some(matches) = site.get("matches").and_then(Value::as_str).filter(|m| is_match_pattern(m)) else {
                    self.problem(
                        &join(&path, "matches"),
                        "expected a match pattern such as \"https://intranet.example.org/*\"",
                    );
                    continue;
                };
                if let Some(message) = too_long(matches, longest) {
                    self.problem(&join(&path, "matches"), message);
                    continue;
                }
                let context = match site.get("context") {
                    None => Context::Post,
                    Some(v) => match v.as_str().and_then(Context::parse) {
                        Some(c) => c,
                        None => {
                            self.problem(
                                &join(&path, "context"),
                                "expected \"post\", \"comment\", \"reply_to_review\" or \"message\"",
                            );
                            continue;
                        }
                    },
                };
                policy.extra_sites.push(ExtraSite { matches: matches.to_string(), context });
            }
            self.overflow(items.len(), "sites.extra");
        }
    }
}
