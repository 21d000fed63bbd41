//! `email`: personal email addresses, direct identifiers unless on the organization's own domains.
//!
//! Flags "tammyr62@gmail.com" and "j.doe+clinic@example.net", and addresses written out so that they do not
//! look like one: "tammyr62 at gmail dot com", "tammyr62[at]gmail[dot]com", "tammyr62 (at) gmail (dot) com",
//! "tammyr62 @ gmail.com" ("﹫" is folded to "@"). A written-out address needs a known top-level domain, and
//! one with a plain "at" also needs a mail provider's domain or a word such as "email" before it, since "we
//! were at target dot com" is a sentence; one written with spaces alone ("tammyr62 @ gmail . com") needs a
//! draft about care. Allows "jobs@lakesidegeneral.org" (the organization's domain), an
//! address given for reaching the organization ("email us at ..."), and strings with an @ that are not
//! addresses ("@mentions", "meet @ 5pm", the fediverse handle "@rn_jo@mastodon.social").

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Email;

pub(crate) static EMAIL: Pattern =
    Pattern::new(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?-u:\b)");

/// An address with its "@" or its dots written out or set off by spaces: the name, the "at", the host with
/// its dots (read off the match by [`spelled_parts`]; a dot is set off by spaces on both sides or none, so that
/// "at noon. Then" is no host).
pub(crate) static SPELLED_EMAIL: Pattern = Pattern::lower(concat!(
    r"(?-u:\b)([a-z0-9][a-z0-9._%+-]{0,63})( ?[\[({<] ?at ?[\])}>] ?| at | {0,2}@ {0,2})",
    r"([a-z0-9][a-z0-9-]{0,62}(?:(?: ?[\[({<] ?dot ?[\])}>] ?| dot |\.| \. )[a-z0-9][a-z0-9-]{0,62}){1,3})(?-u:\b)"
));

/// Top-level domains a written-out address may end in.
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "mil", "us", "io", "co", "me", "info", "biz", "uk", "ca", "au", "nz", "ie",
    "de", "fr", "es", "it", "nl", "mx", "br", "in", "ch", "se", "no", "dk", "fi", "pl", "be", "jp", "cn",
];

/// Mail providers: "jdoe at gmail dot com" is an address without any other word saying so.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "aol",
    "icloud",
    "me",
    "mac",
    "protonmail",
    "proton",
    "pm",
    "gmx",
    "mail",
    "comcast",
    "verizon",
    "att",
    "sbcglobal",
    "zoho",
    "fastmail",
];

const MESSAGE: &str = "A personal email address identifies the person it belongs to.";

impl Finder for Email {
    fn id(&self) -> &'static str {
        "email"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        for m in gate.find_iter(&EMAIL, doc) {
            // "@nurse@mastodon.social" is a fediverse handle (the handle finder reads it), not a mailbox.
            let fediverse = doc.text()[..m.start()].ends_with('@');
            if fediverse || doc.is_org_domain(m.as_str()) || doc.is_org_contact(m.start()) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Email, m.start(), m.end(), MESSAGE));
        }
        // Found without capture groups (the slow part of a regex search): the parts are read off the match.
        for whole in gate.find_iter(&SPELLED_EMAIL, doc) {
            let Some((name, at, host)) = spelled_parts(&doc.lower()[whole.start()..whole.end()]) else { continue };
            let labels: Vec<&str> = host
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .filter(|label| !label.is_empty() && !matches!(*label, "dot"))
                .collect();
            // "from @ismp.org" is a mention of a handle or a site, not "from@ismp.org".
            if at.starts_with(' ') && at.trim() == "@" && !at.ends_with(' ') {
                continue;
            }
            // A plain address is the other pattern's.
            let plain = at == "@" && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
            let (Some(&tld), Some(&domain)) = (labels.last(), labels.first()) else { continue };
            if plain || !TOP_LEVEL_DOMAINS.contains(&tld) {
                continue;
            }
            // Spaces around "@" and "." hide an address in a post about care; text split into tokens ("jo @ mail .
            // com") writes any address so. Words and brackets ("at", "[dot]") are written only to hide it.
            let spaced_only = at.trim() == "@" && !host.contains(['[', '(', '{', '<']) && !host.contains(" dot ");
            if spaced_only && doc.care_terms().is_empty() {
                continue;
            }
            let before = doc.before(whole.start(), 40);
            let says_email =
                ["email", "e-mail", "mail", "address", "contact", "write", "reach"].iter().any(|w| before.contains(w));
            if at.trim() == "at" && !MAIL_PROVIDERS.contains(&domain) && !says_email {
                continue;
            }
            let address = format!("{name}@{}", labels.join("."));
            if doc.is_org_domain(&address) || doc.is_org_contact(whole.start()) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Email, whole.start(), whole.end(), MESSAGE));
        }
    }
}

/// The name, the "at" (with its spaces and brackets) and the host of a [`SPELLED_EMAIL`] match.
fn spelled_parts(address: &str) -> Option<(&str, &str, &str)> {
    let name_end = address.find([' ', '[', '(', '{', '<', '@'])?;
    let rest = &address[name_end..];
    let at_len = if rest.starts_with(" at ") {
        4
    } else if rest.trim_start().starts_with('@') {
        let after = rest.find('@')? + 1;
        after + (rest[after..].len() - rest[after..].trim_start().len())
    } else {
        let close = rest.find([']', ')', '}', '>'])? + 1;
        close + usize::from(rest[close..].starts_with(' '))
    };
    Some((&address[..name_end], &rest[..at_len], rest.get(at_len..)?))
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_personal_addresses() {
        assert_flags("pt emails me from tammyr62@gmail.com daily", Kind::PhiDirectIdentifier, "tammyr62@gmail.com");
        assert_flags("write to j.doe+clinic@example.net", Kind::PhiDirectIdentifier, "j.doe+clinic@example.net");
    }

    #[test]
    fn allows_the_organizations_domain_and_mentions() {
        assert_allows("Apply: careers@lakesidegeneral.org", Kind::PhiDirectIdentifier);
        assert_allows("thanks @lakeside_nurses, meet @ 5pm", Kind::PhiDirectIdentifier);
        assert_allows("@rn_jo@mastodon.social thanks for the handout, using it on L&D", Kind::PhiDirectIdentifier);
        assert_allows("Questions? Email our patient relations team at help@example.net", Kind::PhiDirectIdentifier);
        assert_flags("email the pt's son at sam.k@example.net", Kind::PhiDirectIdentifier, "sam.k@example.net");
    }

    #[test]
    fn flags_addresses_written_out() {
        let id = Kind::PhiDirectIdentifier;
        assert_flags("pt's email is tammy.r at gmail dot com", id, "tammy.r at gmail dot com");
        assert_flags("pt: tammyr62[at]yahoo[dot]com", id, "tammyr62[at]yahoo[dot]com");
        assert_flags("pt: tammyr62 (at) example (dot) co (dot) uk", id, "tammyr62 (at) example (dot) co (dot) uk");
        assert_flags("pt: tammyr62 {at} example.net", id, "tammyr62 {at} example.net");
        assert_flags("pt: tammyr62 @ example.net", id, "tammyr62 @ example.net");
        assert_flags("pt: tammyr62@example dot net", id, "tammyr62@example dot net");
        assert_flags("pt: tammyr62\u{FE6B}example.net", id, "tammyr62\u{FE6B}example.net");
        assert_flags("pt email: sam at example dot net", id, "sam at example dot net");
        assert_allows("email ( promo @ example . com ) to talk usage", id);
    }

    /// What is read off a match equals what the pattern's capture groups say.
    #[test]
    fn parts_read_off_matches_equal_the_capture_groups() {
        let regex = regex::Regex::new(super::SPELLED_EMAIL.source()).unwrap();
        let text = "a.b at gmail dot com, x_y[at]mail[dot]co[dot]uk, p (at) q.net, r @ s . org, t@ u.io, v {at} w.com \
            jo@mail dot net, n at noon. then";
        let mut checked = 0;
        for caps in regex.captures_iter(text) {
            let parts = super::spelled_parts(caps.get(0).unwrap().as_str()).expect("a match has its parts");
            assert_eq!(parts, (&caps[1], &caps[2], &caps[3]));
            checked += 1;
        }
        assert_eq!(checked, 7);
    }

    #[test]
    fn allows_sentences_that_only_read_like_addresses() {
        for text in [
            "we were at target dot com prices all week",
            "meet me at noon. then lunch",
            "staff at home dot the schedule",
            "jobs [at] lakesidegeneral [dot] org",
            "email us at help [at] example [dot] net",
            "see you at 5 . com",
        ] {
            let policy = crate::Policy::parse(r#"{"organization": {"domains": ["lakesidegeneral.org"]}}"#).unwrap();
            let report = crate::check(text, &crate::CheckOptions::default(), &policy);
            assert!(
                !report.findings.iter().any(|f| f.identifier.as_deref() == Some("email")),
                "{text}: {:?}",
                report.findings
            );
        }
    }
}
