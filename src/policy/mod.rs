//! The organization's policy: who the organization is, how strict to be, and what to look for.
//!
//! The same JSON shape is read by the CLI (`--policy FILE`), the wasm API (`configure`) and the extension
//! (browser managed storage merged with user settings). Parsing is forgiving on purpose: every problem is
//! reported with its JSON path, and what was rejected falls back to its default so the rest of the policy
//! still applies. A policy can never turn checking off by being malformed.

mod entries;
mod lists;
mod reader;

use crate::options::Context;
use crate::report::{Kind, Severity};
use reader::Reader;
use regex::{Regex, RegexBuilder};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

pub(crate) use lists::ListIndex;

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

/// When a post with a photo or video attached gets the extension's short checklist (no patient, screen, board,
/// wristband or location tag in it) before it goes out. The core only validates it; the extension applies it
/// with the report's `care_context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MediaCheck {
    /// Never.
    Off,
    /// When the draft's text or where it is typed suggests work in health care (the report's `care_context`).
    #[default]
    CareContext,
    /// For every post with media attached.
    Always,
}

impl MediaCheck {
    /// Parses `off`, `care_context` or `always`.
    pub fn parse(name: &str) -> Option<MediaCheck> {
        match name {
            "off" => Some(MediaCheck::Off),
            "care_context" => Some(MediaCheck::CareContext),
            "always" => Some(MediaCheck::Always),
            _ => None,
        }
    }

    /// The name used in policies.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaCheck::Off => "off",
            MediaCheck::CareContext => "care_context",
            MediaCheck::Always => "always",
        }
    }
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
    /// When a post with a photo or video gets the checklist (default: in a care context).
    pub media_check: MediaCheck,
    /// Setting keys the user may not change.
    pub locked: Vec<String>,
    /// The lists as a check looks them up, built at the first check ([`Policy::lists`]).
    lists: OnceLock<ListIndex>,
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
            media_check: MediaCheck::CareContext,
            locked: Vec::new(),
            lists: OnceLock::new(),
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
    "media_check",
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

    /// The organization's lists and the clinical terms indexed for look-up (one automaton each, and sets),
    /// built at the first call: every check of a draft then costs the same whatever the lists hold. The lists
    /// are read that once; change a policy by building a new one.
    pub(crate) fn lists(&self) -> &ListIndex {
        self.lists.get_or_init(|| ListIndex::new(self))
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
    fn reads_media_check_and_lets_it_be_locked() {
        assert_eq!(Policy::default().media_check, MediaCheck::CareContext);
        let policy = Policy::parse(r#"{"media_check": "always", "locked": ["media_check"]}"#).unwrap();
        assert_eq!(policy.media_check, MediaCheck::Always);
        assert_eq!(policy.locked, vec!["media_check"]);
        assert_eq!(Policy::parse(r#"{"media_check": "off"}"#).unwrap().media_check, MediaCheck::Off);
        let (policy, problems) = Policy::parse_lenient(r#"{"media_check": "sometimes"}"#);
        assert_eq!(policy.media_check, MediaCheck::CareContext, "a bad value falls back to the default");
        assert_eq!(problems[0].path, "media_check");
        assert!(problems[0].message.contains("care_context"), "{}", problems[0]);
        for check in [MediaCheck::Off, MediaCheck::CareContext, MediaCheck::Always] {
            assert_eq!(MediaCheck::parse(check.as_str()), Some(check));
        }
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
