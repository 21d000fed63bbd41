//! The organization's policy: who the organization is, how strict to be, and what to look for.
//!
//! The same JSON shape is read by the CLI (`--policy FILE`), the wasm API (`configure`) and the extension
//! (browser managed storage merged with user settings). Parsing is forgiving on purpose: every problem is
//! reported with its JSON path, and what was rejected falls back to its default so the rest of the policy
//! still applies. A policy can never turn checking off by being malformed.

use crate::options::{Context, SITES};
use crate::report::{Kind, Severity};
use regex::{Regex, RegexBuilder};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

/// Longest custom pattern accepted, in bytes.
pub const MAX_PATTERN_LEN: usize = 1_000;
/// Compiled size limit for one custom pattern, so a policy cannot make checks slow or large.
pub const MAX_PATTERN_COMPILED: usize = 256 * 1024;
/// Most custom identifiers accepted.
pub const MAX_CUSTOM_IDENTIFIERS: usize = 50;
/// Most characters of a key or value that a problem message repeats: a 10 MB key is named by its start.
const ECHO_CHARS: usize = 40;

/// Whether findings only warn or may block posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Warn and let the author decide (default).
    #[default]
    Warn,
    /// Findings at or above `block_severity` cannot be posted.
    Block,
}

/// The organization's own details: never reported as patient identifiers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organization {
    /// Names the organization goes by ("Riverside Community Hospital", "RCH").
    pub names: Vec<String>,
    /// Its street addresses.
    pub addresses: Vec<String>,
    /// Its phone and fax numbers.
    pub phones: Vec<String>,
    /// Its web and email domains.
    pub domains: Vec<String>,
    /// Staff who may be named freely.
    pub staff: Vec<String>,
}

/// An identifier format of the organization's own, such as its medical record number.
#[derive(Debug, Clone)]
pub struct CustomIdentifier {
    /// Stable id, reported as the finding's `identifier`.
    pub id: String,
    /// What it is, in words ("Riverside MRN").
    pub label: String,
    /// The compiled pattern.
    pub pattern: Regex,
    /// Severity of a match.
    pub severity: Severity,
}

/// A site IT adds beyond the built-in list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraSite {
    /// A match pattern such as `https://intranet.example.org/*`.
    pub matches: String,
    /// The context drafts there are typed in.
    pub context: Context,
}

/// A validated policy. `Policy::default()` is what applies when nothing is configured.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The organization's own details.
    pub organization: Organization,
    /// Warn or block.
    pub mode: Mode,
    /// In block mode, findings at or above this severity block (default high).
    pub block_severity: Severity,
    /// Whether "post anyway" is offered in warn mode (default true).
    pub allow_post_anyway: bool,
    /// Whether "post anyway" asks for a typed reason (default false).
    pub require_reason: bool,
    /// Kinds that are never reported.
    pub disabled_kinds: Vec<Kind>,
    /// Kinds re-graded to another severity.
    pub severity_overrides: Vec<(Kind, Severity)>,
    /// The organization's own identifier formats.
    pub custom_identifiers: Vec<CustomIdentifier>,
    /// Extra clinical words that mark a care context ("infusion suite", a local unit's name).
    pub clinical_terms: Vec<String>,
    /// Built-in site ids where checking is off.
    pub disabled_sites: Vec<String>,
    /// Sites added by IT.
    pub extra_sites: Vec<ExtraSite>,
    /// Setting keys the user may not change.
    pub locked: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            organization: Organization::default(),
            mode: Mode::Warn,
            block_severity: Severity::High,
            allow_post_anyway: true,
            require_reason: false,
            disabled_kinds: Vec::new(),
            severity_overrides: Vec::new(),
            custom_identifiers: Vec::new(),
            clinical_terms: Vec::new(),
            disabled_sites: Vec::new(),
            extra_sites: Vec::new(),
            locked: Vec::new(),
        }
    }
}

/// Setting keys that a policy may lock.
pub const LOCKABLE: &[&str] = &[
    "mode",
    "block_severity",
    "allow_post_anyway",
    "require_reason",
    "disabled_kinds",
    "severity_overrides",
    "custom_identifiers",
    "clinical_terms",
    "sites",
    "organization",
];

/// One thing wrong with a policy, at a JSON path such as `organization.phones`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a dotted JSON path (`custom_identifiers[0].pattern`), or `$` for the whole document.
    pub path: String,
    /// What is wrong and how to fix it, lowercase.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A policy that could not be accepted as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    problems: Vec<Problem>,
}

impl PolicyError {
    /// Every problem found, in document order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid policy: {}", self.problems[0])?;
        if self.problems.len() > 1 {
            write!(f, " (and {} more)", self.problems.len() - 1)?;
        }
        Ok(())
    }
}

impl std::error::Error for PolicyError {}

impl Policy {
    /// Parses a policy strictly: any problem is an error.
    ///
    /// # Errors
    /// Returns every problem found (bad JSON, wrong types, unknown keys, patterns that do not compile).
    ///
    /// # Example
    /// ```
    /// let policy = postguard::Policy::parse(r#"{"organization": {"phones": ["(217) 555-0142"]}}"#).unwrap();
    /// assert_eq!(policy.organization.phones.len(), 1);
    /// assert!(postguard::Policy::parse(r#"{"organization": {"phones": 5}}"#).is_err());
    /// ```
    pub fn parse(json: &str) -> Result<Policy, PolicyError> {
        let (policy, problems) = Policy::parse_lenient(json);
        if problems.is_empty() {
            Ok(policy)
        } else {
            Err(PolicyError { problems })
        }
    }

    /// Parses what it can: returns the policy with defaults wherever a value was rejected, and the problems.
    pub fn parse_lenient(json: &str) -> (Policy, Vec<Problem>) {
        match serde_json::from_str::<Value>(json) {
            Ok(value) => Policy::from_value(&value),
            Err(err) => (
                Policy::default(),
                vec![Problem {
                    path: "$".into(),
                    // serde_json's message names line and column, never the content.
                    message: format!("not valid JSON: {}", err.to_string().to_lowercase()),
                }],
            ),
        }
    }

    /// Builds a policy from an already parsed JSON value (as browser storage hands it over).
    pub fn from_value(value: &Value) -> (Policy, Vec<Problem>) {
        let mut reader = Reader::default();
        let policy = reader.policy(value);
        (policy, reader.problems)
    }

    /// The severity a kind is reported at under this policy.
    pub fn severity_for(&self, kind: Kind, detected: Severity) -> Severity {
        self.severity_overrides.iter().find(|(k, _)| *k == kind).map_or(detected, |(_, s)| *s)
    }

    /// Whether a kind is turned off.
    pub fn is_disabled(&self, kind: Kind) -> bool {
        self.disabled_kinds.contains(&kind)
    }

    /// Every list of a policy, by JSON path, with the most entries read and the longest string entry accepted,
    /// in characters (for `custom_identifiers` the longest `label`, for `sites.extra` the longest `matches`;
    /// unused for `severity_overrides`, whose keys must be known kinds). Entries past the count are ignored
    /// and an entry past the length is refused, each with a problem at its path. The organization's lists and
    /// the clinical terms together hold at most about 700,000 characters: one automaton over all of them
    /// is built in a fraction of a 1 MB check's time and searches a draft in time that does not grow with
    /// them (SECURITY.md, "Limits", gives the measurements behind the numbers).
    ///
    /// ```
    /// assert_eq!(postguard::Policy::list_limit("clinical_terms"), Some((2_000, 80)));
    /// ```
    pub const LIST_LIMITS: &'static [(&'static str, usize, usize)] = &[
        ("organization.names", 500, 100),
        ("organization.addresses", 1_000, 150),
        ("organization.phones", 1_000, 40),
        ("organization.domains", 500, 253),
        ("organization.staff", 2_000, 80),
        ("disabled_kinds", 200, 100),
        ("severity_overrides", 200, 0),
        ("custom_identifiers", MAX_CUSTOM_IDENTIFIERS, 100),
        ("clinical_terms", 2_000, 80),
        ("sites.disabled", 100, 100),
        ("sites.extra", 200, 2_000),
        ("locked", 50, 100),
    ];

    /// The most entries and the longest entry of the list at `path` (see [`Policy::LIST_LIMITS`]).
    pub fn list_limit(path: &str) -> Option<(usize, usize)> {
        Policy::LIST_LIMITS.iter().find(|(p, _, _)| *p == path).map(|&(_, entries, chars)| (entries, chars))
    }
}

impl Problem {
    /// A key or value of the policy (or of any input) as a message repeats it: whole when it is short, its
    /// first 40 characters and "…" otherwise, with control characters escaped so that one problem stays one
    /// line. A 10 MB key gives a message of a few dozen characters, and a value that holds words of a draft
    /// is never repeated at length.
    ///
    /// ```
    /// assert_eq!(postguard::Problem::echo("colour"), "colour");
    /// assert_eq!(postguard::Problem::echo(&"k".repeat(10_000)).chars().count(), 41);
    /// ```
    pub fn echo(input: &str) -> String {
        cut(input).chars().flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] }).collect()
    }
}

/// The first [`ECHO_CHARS`] characters of `input` and "…", or `input` itself when it is no longer.
fn cut(input: &str) -> Cow<'_, str> {
    match input.char_indices().nth(ECHO_CHARS) {
        None => Cow::Borrowed(input),
        Some((at, _)) => Cow::Owned(format!("{}…", &input[..at])),
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            Value::Null => None,
            other => {
                self.problem(path, format!("expected an object, found {}", type_name(other)));
                None
            }
        }
    }

    fn unknown_keys(&mut self, map: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let at = join(path, key);
                self.problem(&at, format!("unknown key; expected one of: {}", known.join(", ")));
            }
        }
    }

    fn bool(&mut self, value: &Value, path: &str, default: bool) -> bool {
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
    fn entries(&mut self, value: &Value, path: &str) -> Vec<String> {
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
    fn indexed_strings(&mut self, value: &Value, path: &str) -> Vec<(usize, String)> {
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
    fn within_limit<'v, T>(&self, items: &'v [T], path: &str) -> &'v [T] {
        let most = Policy::list_limit(path).map_or(items.len(), |(most, _)| most);
        &items[..items.len().min(most)]
    }

    /// One problem, at the first entry past the limit, when the list at `path` holds `len` entries, more than
    /// its limit: the entries from there on are ignored.
    fn overflow(&mut self, len: usize, path: &str) {
        if let Some((most, _)) = Policy::list_limit(path).filter(|&(most, _)| len > most) {
            self.problem(
                &format!("{path}[{most}]"),
                format!(
                    "the list has {len} entries and at most {most} are allowed; the entries from here on are ignored"
                ),
            );
        }
    }

    fn severity(&mut self, value: &Value, path: &str) -> Option<Severity> {
        let parsed = value.as_str().and_then(Severity::parse);
        if parsed.is_none() {
            self.problem(path, "expected \"low\", \"medium\" or \"high\"");
        }
        parsed
    }

    fn kind(&mut self, name: &str, path: &str) -> Option<Kind> {
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

    fn policy(&mut self, value: &Value) -> Policy {
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

    fn organization(&mut self, value: &Value) -> Organization {
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

    fn custom_identifiers(&mut self, value: &Value) -> Vec<CustomIdentifier> {
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

    fn sites(&mut self, value: &Value, policy: &mut Policy) {
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

/// Compiles a custom identifier pattern within the size limits.
///
/// # Errors
/// A lowercase message naming what is wrong with the pattern.
pub fn compile_custom_pattern(source: &str) -> Result<Regex, String> {
    if source.trim().is_empty() {
        return Err("empty pattern".into());
    }
    if source.len() > MAX_PATTERN_LEN {
        return Err(format!("pattern is {} bytes long; the limit is {MAX_PATTERN_LEN}", source.len()));
    }
    RegexBuilder::new(source).size_limit(MAX_PATTERN_COMPILED).dfa_size_limit(MAX_PATTERN_COMPILED).build().map_err(
        |err| match err {
            regex::Error::CompiledTooBig(_) => {
                "pattern compiles too large; make it simpler or more specific".to_string()
            }
            regex::Error::Syntax(msg) => {
                let last = msg.lines().rev().find(|l| l.starts_with("error:")).unwrap_or("error: invalid syntax");
                format!("invalid regular expression: {}", last.trim_start_matches("error:").trim())
            }
            other => format!("invalid regular expression: {other}"),
        },
    )
}

/// Why `entry` is longer than `longest` characters, if it is.
fn too_long(entry: &str, longest: usize) -> Option<String> {
    // Counting stops past the limit: a 10 MB entry is not counted to the end.
    let chars = entry.chars().take(longest.saturating_add(1)).count();
    (chars > longest).then(|| format!("too long: at most {longest} characters are allowed"))
}

/// Letters and digits in `entry`: what gives a name or an address its meaning.
fn letters_and_digits(entry: &str) -> usize {
    entry.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Why an entry of the list at `path` is too short or malformed to mean anything, if it is. Each of these
/// would quietly turn checks off: a one-letter name or address is found in every draft, and what overlaps the
/// organization's own details is never reported.
fn entry_problem(path: &str, entry: &str) -> Option<String> {
    match path {
        "organization.names" | "organization.staff" if letters_and_digits(entry) < 3 => Some(
            "too short to be a name: it needs at least 3 letters or digits (a shorter one matches ordinary words, which would never be reported)"
                .into(),
        ),
        "organization.addresses" if letters_and_digits(entry) < 6 || entry.split_whitespace().nth(1).is_none() => Some(
            "too short to be an address: it needs at least two words and 6 letters or digits, like \"400 Harbor Rd\""
                .into(),
        ),
        "organization.phones" => {
            let digits = entry.chars().filter(char::is_ascii_digit).count();
            (!(7..=15).contains(&digits))
                .then(|| format!("a phone number needs 7 to 15 digits, this one has {digits}"))
        }
        "organization.domains" => domain_problem(entry),
        "clinical_terms" if letters_and_digits(entry) < 2 => {
            Some("too short to be a clinical term: it needs at least 2 letters or digits".into())
        }
        _ => None,
    }
}

/// Why `domain` cannot be one of the organization's domains, if it cannot: it is malformed, a top-level
/// domain, or a public suffix such as `co.uk`, which would make every email and link under it the
/// organization's own.
fn domain_problem(domain: &str) -> Option<String> {
    let lower = domain.to_lowercase();
    let name = lower.strip_suffix('.').unwrap_or(&lower);
    let well_formed = name.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if !well_formed {
        return Some(
            "not a domain: write letters, digits and hyphens between dots, like \"example.org\" (no scheme, \"@\" or path)"
                .into(),
        );
    }
    if !name.contains('.') {
        return Some(format!(
            "'{}' is a top-level domain, shared by every site under it; list the organization's own domain, like \"example.org\"",
            Problem::echo(name)
        ));
    }
    is_public_suffix(name).then(|| {
        format!(
            "'{}' is a public suffix, shared by every site registered under it (every email and link there would go unreported); list the organization's own domain, like \"example.{}\"",
            Problem::echo(name),
            Problem::echo(name)
        )
    })
}

/// The Public Suffix List's rules of two labels or more, as (parent suffix, the labels under it), sorted by
/// parent (`src/data/psl/README.md`).
static PUBLIC_SUFFIXES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut rules: Vec<(&str, &str)> = include_str!("data/psl/public_suffixes.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .collect();
    rules.sort_unstable();
    rules
});

/// True when `name` (lowercase, two labels or more) is itself a public suffix: `co.uk`, `com.au`, or any label
/// under a wildcard rule such as `*.ck` but not its exceptions (`!www.ck`).
fn is_public_suffix(name: &str) -> bool {
    let Some((first, parent)) = name.split_once('.') else {
        return true;
    };
    let Ok(at) = PUBLIC_SUFFIXES.binary_search_by(|(p, _)| p.cmp(&parent)) else {
        return false;
    };
    let labels = PUBLIC_SUFFIXES[at].1.split(' ');
    let mut wildcard = false;
    for label in labels {
        if label == first {
            return true;
        }
        if label.strip_prefix('!') == Some(first) {
            return false;
        }
        wildcard |= label == "*";
    }
    wildcard
}

fn is_identifier_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_match_pattern(pattern: &str) -> bool {
    (pattern.starts_with("https://") || pattern.starts_with("http://") || pattern.starts_with("*://"))
        && pattern[pattern.find("://").unwrap_or(0) + 3..].contains('/')
}

/// The path of `key` inside `path`: `organization.phones`, `severity_overrides.phi.direct_identifier`; a key
/// that is empty or has other characters is written quoted in brackets (`[""]`, `sites["my site"]`), so every
/// path names its place.
///
/// A key longer than 40 characters is cut there with "…" (and so quoted): a 10 MB unknown key makes a path of
/// a few dozen characters, not a 10 MB problem.
fn join(path: &str, key: &str) -> String {
    let key = cut(key);
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    match (path.is_empty(), plain) {
        (true, true) => key.into_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", Value::String(key.into_owned())),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_an_organization_profile() {
        let policy = Policy::parse(
            r#"{"organization": {"names": ["RCH"], "addresses": [], "phones": ["(217) 555-0142"], "domains": ["rch.org"], "staff": ["Maria Alvarez"]}}"#,
        )
        .unwrap();
        assert_eq!(policy.organization.staff, vec!["Maria Alvarez"]);
        assert_eq!(policy.mode, Mode::Warn);
    }

    #[test]
    fn names_the_path_of_a_wrong_type() {
        let err = Policy::parse(r#"{"organization": {"phones": 5}}"#).unwrap_err();
        assert_eq!(err.problems()[0].path, "organization.phones");
        assert!(err.to_string().contains("organization.phones"), "{err}");
    }

    #[test]
    fn reports_every_problem_and_keeps_the_rest() {
        let (policy, problems) = Policy::parse_lenient(
            r#"{"mode": "block", "colour": "red", "custom_identifiers": [
                {"id": "rch_mrn", "label": "RCH MRN", "pattern": "RCH-\\d{6}"},
                {"id": "broken", "pattern": "(unclosed"}
            ], "disabled_kinds": ["tone.profanity", "tone.nonsense"]}"#,
        );
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"colour"), "{paths:?}");
        assert!(paths.contains(&"custom_identifiers[1].pattern"), "{paths:?}");
        assert!(paths.contains(&"disabled_kinds[1]"), "{paths:?}");
        assert_eq!(policy.mode, Mode::Block);
        assert_eq!(policy.custom_identifiers.len(), 1);
        assert_eq!(policy.disabled_kinds, vec![Kind::ToneProfanity]);
    }

    #[test]
    fn rejects_huge_patterns() {
        let huge = "a".repeat(MAX_PATTERN_LEN + 1);
        assert!(compile_custom_pattern(&huge).unwrap_err().contains("limit"));
        assert!(compile_custom_pattern(r"\w{1000}\w{1000}\w{1000}").unwrap_err().contains("too large"));
    }

    #[test]
    fn malformed_json_is_a_problem_at_the_root() {
        let (policy, problems) = Policy::parse_lenient("{not json");
        assert_eq!(problems[0].path, "$");
        assert_eq!(policy.mode, Mode::Warn);
    }

    #[test]
    fn odd_keys_get_quoted_paths() {
        // Found by fuzzing: an empty key gave a problem with an empty path.
        let (_, problems) = Policy::parse_lenient(r#"{"": true, "sites": {"my site": 1}}"#);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec![r#"[""]"#, r#"sites["my site"]"#]);
    }

    #[test]
    fn paths_count_every_item_as_written() {
        let (_, problems) = Policy::parse_lenient(
            r#"{"locked": [5, "colour"], "disabled_kinds": [1, "tone.nope"], "sites": {"disabled": [true, "myspace"]},
                "organization": {"phones": [" ", "555-01"]}}"#,
        );
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        for path in ["locked[1]", "disabled_kinds[1]", "sites.disabled[1]", "organization.phones[1]"] {
            assert!(paths.contains(&path), "{path} missing from {paths:?}");
        }
        assert_eq!(paths.len(), 8, "{paths:?}");
    }

    #[test]
    fn validates_sites_and_locks() {
        let (policy, problems) = Policy::parse_lenient(
            r#"{"sites": {"disabled": ["reddit", "myspace"], "extra": [{"matches": "https://intranet.example.org/*", "context": "message"}]},
                "locked": ["mode", "colour"]}"#,
        );
        assert_eq!(policy.disabled_sites, vec!["reddit"]);
        assert_eq!(policy.extra_sites.len(), 1);
        assert_eq!(policy.locked, vec!["mode"]);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["sites.disabled[1]", "locked[1]"]);
    }
}
