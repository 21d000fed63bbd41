//! The policy's lists as a check looks them up: built once per policy, at its first check, so that a draft
//! costs the same whatever the lists hold.
//!
//! The organization's names, addresses (and their street parts), domains and staff are one Aho-Corasick
//! automaton, the clinical terms another: each is one pass over the draft, not one search per entry. What the
//! finders ask of a single number, host, name or street ("is this one of ours?") is a set look-up: phones by
//! their last ten digits, domains by each of the host's suffixes, staff by word, addresses by house number and
//! first street word, ZIP codes by the five-digit runs of the addresses, social profiles by squashed name.
//!
//! A policy's lists are read once: a `Policy` changed after it has checked a draft keeps looking up the lists
//! it had then (the reader, the CLI and the extension build a policy and never change it; clone and parse
//! again to change one).

use super::Policy;
use crate::text::lexicon::{is_word_end, is_word_start};
use crate::text::{Fnv, Normalized};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasherDefault;

type Set<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// The lists of one policy, indexed (see the module's documentation).
#[derive(Clone, Default)]
pub(crate) struct ListIndex {
    /// The organization's names, addresses and their street parts, domains and staff, folded and lowercased.
    own_words: Option<AhoCorasick>,
    /// The policy's clinical terms, lowercased.
    clinical_terms: Option<AhoCorasick>,
    /// The last ten digits of each phone, last first.
    phones: Set<Vec<u8>>,
    /// Each domain, lowercased.
    domains: Set<String>,
    /// Each word of each staff name, lowercased.
    staff_words: Set<String>,
    /// `(house number, first street word)` of each address, lowercased.
    streets: Set<(String, String)>,
    /// Every run of five digits in the addresses.
    zips: Set<[u8; 5]>,
    /// The names, and the first label of each domain, lowercase letters and digits only.
    profiles: Set<String>,
}

impl fmt::Debug for ListIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListIndex")
            .field("own_words", &self.own_words.as_ref().map(AhoCorasick::patterns_len))
            .field("clinical_terms", &self.clinical_terms.as_ref().map(AhoCorasick::patterns_len))
            .finish_non_exhaustive()
    }
}

/// An automaton finding every occurrence of every needle (overlapping), or `None` without needles.
fn automaton(needles: Vec<String>) -> Option<AhoCorasick> {
    let needles: Vec<String> = needles.into_iter().filter(|n| !n.is_empty()).collect();
    if needles.is_empty() {
        return None;
    }
    Some(
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .expect("lists are bounded by the policy's limits, far under the automaton's"),
    )
}

/// `text` folded and lowercased as drafts are (plain ASCII is only lowercased).
fn folded_lower(text: &str) -> String {
    if text.bytes().all(|b| b.is_ascii() && b != b'&' && b != b'`' && b != b'\n') {
        text.to_ascii_lowercase()
    } else {
        Normalized::new(text).lower().to_string()
    }
}

/// The lowercase letters and digits of `text`.
fn squash(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase()
}

/// The last ten ASCII digits of `s`, last first.
fn last_ten_digits(s: &str) -> Vec<u8> {
    s.bytes().rev().filter(u8::is_ascii_digit).take(10).collect()
}

impl ListIndex {
    pub fn new(policy: &Policy) -> ListIndex {
        let org = &policy.organization;
        // An address is also written without its town: "1200 Main St".
        let street_parts = org.addresses.iter().filter_map(|a| a.split(',').next()).map(str::trim);
        let own_words = org
            .names
            .iter()
            .chain(&org.addresses)
            .chain(&org.domains)
            .chain(&org.staff)
            .map(String::as_str)
            .chain(street_parts)
            .map(folded_lower)
            .collect();
        let streets = org
            .addresses
            .iter()
            .filter_map(|address| {
                let lower = address.to_ascii_lowercase();
                let mut words = lower.split_whitespace();
                let number = words.next()?.to_string();
                let first = words.next()?.trim_end_matches(['.', ',']).to_string();
                Some((number, first))
            })
            .collect();
        let zips = org
            .addresses
            .iter()
            .flat_map(|address| address.as_bytes().windows(5))
            .filter(|window| window.iter().all(u8::is_ascii_digit))
            .map(|window| window.try_into().expect("five bytes"))
            .collect();
        let domain_labels = org.domains.iter().filter_map(|d| d.split('.').next());
        ListIndex {
            own_words: automaton(own_words),
            clinical_terms: automaton(policy.clinical_terms.iter().map(|t| t.to_ascii_lowercase()).collect()),
            phones: org.phones.iter().map(|p| last_ten_digits(p)).collect(),
            domains: org.domains.iter().map(|d| d.to_ascii_lowercase()).collect(),
            staff_words: org.staff.iter().flat_map(|s| s.split(' ')).map(str::to_ascii_lowercase).collect(),
            streets,
            zips,
            profiles: org
                .names
                .iter()
                .map(String::as_str)
                .chain(domain_labels)
                .map(squash)
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// Where the organization's own names, addresses, domains and staff are written in `lower` (the draft
    /// folded and lowercased), as whole words; in no particular order, and overlapping.
    pub fn own_spans(&self, lower: &str) -> Vec<(usize, usize)> {
        whole_words(self.own_words.as_ref(), lower).collect()
    }

    /// Where the policy's clinical terms are written in `lower`, as whole words, in no particular order.
    pub fn clinical_terms<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        whole_words(self.clinical_terms.as_ref(), lower)
    }

    /// Whether `phone` ends in the same ten digits (or as many as it has) as one of the organization's.
    pub fn is_own_phone(&self, phone: &str) -> bool {
        !self.phones.is_empty() && self.phones.contains(&last_ten_digits(phone))
    }

    /// Whether `host` (lowercase) is one of the organization's domains or a subdomain of one.
    pub fn is_own_host(&self, host: &str) -> bool {
        if self.domains.is_empty() {
            return false;
        }
        let mut suffix = host;
        loop {
            if self.domains.contains(suffix) {
                return true;
            }
            match suffix.split_once('.') {
                Some((_, rest)) => suffix = rest,
                None => return false,
            }
        }
    }

    /// Whether `word` (any case, a trailing "'s" aside) is a word of a staff member's name.
    pub fn is_staff_word(&self, word: &str) -> bool {
        !self.staff_words.is_empty() && self.staff_words.contains(&word.trim_end_matches("'s").to_ascii_lowercase())
    }

    /// Whether an address starts with this house number and first street word (lowercase).
    pub fn is_own_street(&self, number: &str, first_word: &str) -> bool {
        !self.streets.is_empty() && self.streets.contains(&(number.to_string(), first_word.to_string()))
    }

    /// Whether one of the organization's addresses holds these five digits.
    pub fn is_own_zip(&self, zip: &str) -> bool {
        zip.as_bytes().try_into().is_ok_and(|zip: [u8; 5]| self.zips.contains(&zip))
    }

    /// Whether a social profile's name ("LakesideGeneral") is one of the organization's names or the first
    /// label of one of its domains, punctuation and case aside.
    pub fn is_own_profile(&self, profile: &str) -> bool {
        !self.profiles.is_empty() && self.profiles.contains(&squash(profile))
    }
}

/// Every whole-word occurrence of the automaton's needles in `lower`.
fn whole_words<'a>(automaton: Option<&'a AhoCorasick>, lower: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    automaton
        .into_iter()
        .flat_map(move |automaton| automaton.find_overlapping_iter(lower))
        .map(|m| (m.start(), m.end()))
        .filter(move |&(start, end)| {
            lower.is_char_boundary(start)
                && lower.is_char_boundary(end)
                && is_word_start(lower, start)
                && is_word_end(lower, end)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(json: &str) -> ListIndex {
        ListIndex::new(&Policy::parse(json).unwrap())
    }

    #[test]
    fn finds_every_whole_word_occurrence_of_every_entry() {
        let lists = index(r#"{"organization": {"names": ["Ann Ann", "(217)"], "staff": ["Ann Lee"]}}"#);
        let mut spans = lists.own_spans("a nod to ann ann, and an ann ann, xann ann ann lee");
        spans.sort_unstable();
        assert_eq!(spans, vec![(9, 16), (25, 32), (39, 46), (43, 50)]);
        assert_eq!(lists.own_spans("call (217) or x(217)"), vec![(5, 10)]);
    }

    #[test]
    fn answers_single_questions_by_look_up() {
        let lists = index(
            r#"{"organization": {"names": ["Lakeside General"], "phones": ["+1 (217) 555-0142"],
                "domains": ["rch.org"], "staff": ["Maria Alvarez"], "addresses": ["400 Harbor Rd., Millbrook, OH 43001"]},
                "clinical_terms": ["Blue Pod"]}"#,
        );
        assert!(lists.is_own_phone("217.555.0142") && !lists.is_own_phone("217.555.0143"));
        assert!(
            lists.is_own_host("rch.org") && lists.is_own_host("portal.rch.org") && !lists.is_own_host("notrch.org")
        );
        assert!(lists.is_staff_word("Alvarez's") && !lists.is_staff_word("Alva"));
        assert!(lists.is_own_street("400", "harbor") && !lists.is_own_street("400", "main"));
        assert!(lists.is_own_zip("43001") && !lists.is_own_zip("43002") && !lists.is_own_zip("4300"));
        assert!(lists.is_own_profile("Lakeside_General") && lists.is_own_profile("rch") && !lists.is_own_profile("x"));
        assert_eq!(lists.clinical_terms("she is in the blue pod").collect::<Vec<_>>(), vec![(14, 22)]);
    }

    #[test]
    fn an_empty_policy_has_nothing_to_find() {
        let lists = ListIndex::new(&Policy::default());
        assert!(lists.own_spans("anything at all").is_empty());
        assert!(!lists.is_own_phone("217-555-0142") && !lists.is_own_host("example.org"));
        assert!(!lists.is_own_zip("62704") && !lists.is_own_profile("x"));
    }
}
