//! The checks of single entries: lengths, entries too short to mean anything, domains that are public
//! suffixes, and the JSON paths problems are reported at.

use super::{cut, Problem};
use serde_json::Value;
use std::sync::LazyLock;

/// Why `entry` is longer than `longest` characters, if it is.
pub(super) fn too_long(entry: &str, longest: usize) -> Option<String> {
    // Counting stops past the limit: a 10 MB entry is not counted to the end.
    let chars = entry.chars().take(longest.saturating_add(1)).count();
    (chars > longest).then(|| format!("too long: at most {longest} characters are allowed"))
}

/// Letters and digits in `entry`: what gives a name or an address its meaning.
pub(super) fn letters_and_digits(entry: &str) -> usize {
    entry.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Why an entry of the list at `path` is too short or malformed to mean anything, if it is. Each of these
/// would quietly turn checks off: a one-letter name or address is found in every draft, and what overlaps the
/// organization's own details is never reported.
pub(super) fn entry_problem(path: &str, entry: &str) -> Option<String> {
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
pub(super) fn domain_problem(domain: &str) -> Option<String> {
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
pub(super) static PUBLIC_SUFFIXES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut rules: Vec<(&str, &str)> = include_str!("../data/psl/public_suffixes.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .collect();
    rules.sort_unstable();
    rules
});

/// True when `name` (lowercase, two labels or more) is itself a public suffix: `co.uk`, `com.au`, or any label
/// under a wildcard rule such as `*.ck` but not its exceptions (`!www.ck`).
pub(super) fn is_public_suffix(name: &str) -> bool {
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

pub(super) fn is_identifier_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub(super) fn is_match_pattern(pattern: &str) -> bool {
    (pattern.starts_with("https://") || pattern.starts_with("http://") || pattern.starts_with("*://"))
        && pattern[pattern.find("://").unwrap_or(0) + 3..].contains('/')
}

/// The path of `key` inside `path`: `organization.phones`, `severity_overrides.phi.direct_identifier`; a key
/// that is empty or has other characters is written quoted in brackets (`[""]`, `sites["my site"]`), so every
/// path names its place.
///
/// A key longer than 40 characters is cut there with "…" (and so quoted): a 10 MB unknown key makes a path of
/// a few dozen characters, not a 10 MB problem.
pub(super) fn join(path: &str, key: &str) -> String {
    let key = cut(key);
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    match (path.is_empty(), plain) {
        (true, true) => key.into_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", Value::String(key.into_owned())),
    }
}

pub(super) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
