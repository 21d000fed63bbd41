//! `url`: links about a patient: their fundraiser, obituary or social profile.
//!
//! Always flags crowdfunding, care-journal and memorial links ("gofundme.com/f/help-baby-rae",
//! "caringbridge.org/visit/tomsjourney", "legacy.com/us/obituaries/...", any "/obituary" path), because
//! such a page names the person and their illness. Flags social profile links ("facebook.com/dana.k.smith",
//! "instagram.com/danakay", "tiktok.com/@danakay") when the draft speaks of a patient or care, and other
//! links when their sentence speaks of a patient's care ("her chart is on myportal.example.com/p/4471").
//! Never flags the organization's own domains, government and university sites (.gov, .edu, .mil),
//! international health bodies (who.int) or well-known health information sites (mayoclinic.org,
//! cancer.org, ismp.org, ...), nor the organization's own social pages.

use super::{Finder, IdentifierHit};
use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Url;

pub(crate) static URL: Pattern = Pattern::lower(
    r"(https?://)?(www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))(?-u:\b)(:[0-9]{2,5})?(/[a-z0-9\-._~%/?#=&+@:!$*,;]*)?",
);

/// Top-level domains that make a bare "word.tld" a link even without "http" or "www".
const BARE_TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "io", "co", "me", "us", "ly", "info", "biz", "app", "page", "link", "health",
    "care", "fund", "tv", "social", "site", "online",
];

/// Fundraisers, care journals and memorial pages: each one is about a single person.
const PERSONAL_PAGE_HOSTS: &[&str] = &[
    "gofundme.com",
    "gf.me",
    "givesendgo.com",
    "caringbridge.org",
    "mealtrain.com",
    "lotsahelpinghands.com",
    "fundly.com",
    "spotfund.com",
    "giveforward.com",
    "youcaring.com",
    "gogetfunding.com",
    "give.asia",
    "legacy.com",
    "everloved.com",
    "forevermissed.com",
    "tributearchive.com",
    "echovita.com",
    "paypal.me",
    "venmo.com",
    "cash.app",
];

const SOCIAL_HOSTS: &[&str] = &[
    "facebook.com",
    "fb.com",
    "instagram.com",
    "tiktok.com",
    "x.com",
    "twitter.com",
    "linkedin.com",
    "youtube.com",
    "threads.net",
    "snapchat.com",
    "pinterest.com",
    "reddit.com",
    "bsky.app",
];

/// Public health information: linking to it is education, not disclosure.
const HEALTH_INFO_HOSTS: &[&str] = &[
    "who.int",
    "mayoclinic.org",
    "clevelandclinic.org",
    "hopkinsmedicine.org",
    "cancer.org",
    "heart.org",
    "stroke.org",
    "diabetes.org",
    "lung.org",
    "ismp.org",
    "aap.org",
    "acog.org",
    "ama-assn.org",
    "nami.org",
    "988lifeline.org",
    "redcross.org",
    "redcrossblood.org",
    "webmd.com",
    "medlineplus.gov",
    "wikipedia.org",
    "kidshealth.org",
    "healthychildren.org",
    "marchofdimes.org",
];

const PERSONAL_MESSAGE: &str = "A fundraiser, care journal or memorial page names the patient and their illness.";
const PROFILE_MESSAGE: &str = "A link to someone's profile identifies them; next to care details it names a patient.";
const LINK_MESSAGE: &str = "This link points at a patient's own page or records.";

impl Finder for Url {
    fn id(&self) -> &'static str {
        "url"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        for whole in gate.find_iter(&URL, doc) {
            let start = whole.start();
            // Part of an email address, a longer word or another link.
            if lower[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || "@.-_/".contains(c)) {
                continue;
            }
            // Most matches are words joined by a dot ("done.next") with neither scheme nor "www.": their top-level
            // domain is read off the match, and only the others ask for capture groups.
            if bare_tld(whole.as_str()).is_some_and(|tld| !BARE_TLDS.contains(&tld)) {
                continue;
            }
            let Some(caps) = URL.captures_of(doc, &whole) else { continue };
            let end = start + whole.as_str().trim_end_matches(['.', ',', ':', ';', '!', '?', '\'']).len();
            let host = &caps[3];
            let explicit = caps.get(1).is_some() || caps.get(2).is_some();
            if !explicit && !BARE_TLDS.contains(&&caps[4]) {
                continue;
            }
            let path = caps.get(6).map_or("", |m| m.as_str()).trim_end_matches(['.', ',', ':', ';', '!', '?', '\'']);
            if doc.is_org_domain(&lower[start..end]) || is_public_info(host) {
                continue;
            }
            let message = if is_personal_page(host, path) {
                PERSONAL_MESSAGE
            } else if is_host(host, SOCIAL_HOSTS) {
                let profile = path.trim_start_matches('/').split(['/', '?']).next().unwrap_or("");
                if profile.is_empty()
                    || is_org_profile(doc, profile)
                    || !(doc.care_in_sentence(start) || doc.mentions_patient_or_care_place())
                {
                    continue;
                }
                PROFILE_MESSAGE
            } else if points_at_a_patient(doc, start) {
                LINK_MESSAGE
            } else {
                continue;
            };
            out.push(IdentifierHit::new(Identifier::Url, start, end, message));
        }
    }
}

/// True when `host` is one of `hosts` or a subdomain of one.
fn is_host(host: &str, hosts: &[&str]) -> bool {
    hosts.iter().any(|h| host == *h || host.strip_suffix(h).is_some_and(|sub| sub.ends_with('.')))
}

fn is_public_info(host: &str) -> bool {
    [".gov", ".edu", ".mil", ".int"].iter().any(|tld| host.ends_with(tld)) || is_host(host, HEALTH_INFO_HOSTS)
}

fn is_personal_page(host: &str, path: &str) -> bool {
    is_host(host, PERSONAL_PAGE_HOSTS)
        || host.contains("obituar")
        || path.contains("obituar")
        || host.contains("funeral")
}

/// "facebook.com/LakesideGeneral" is the organization's own page: the profile, without punctuation, is
/// one of its names or its domain's first label.
fn is_org_profile(doc: &Document, profile: &str) -> bool {
    doc.policy.lists().is_own_profile(profile)
}

/// The sentence names a patient ("pt", "patient") or a care word, and a person ("her", "his", "their").
fn points_at_a_patient(doc: &Document, at: usize) -> bool {
    let (start, end) = doc.sentence_at(at);
    let care = doc.care_in(start, end);
    if care.iter().any(|t| t.category == CareCategory::Patient) {
        return true;
    }
    // Person words near the link only, so a long unpunctuated paste stays linear.
    let sentence = format!("{} {}", doc.before(at, 150), doc.after(at, 150));
    !care.is_empty()
        && sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| matches!(w, "her" | "his" | "their" | "mom" | "dad"))
}

/// The top-level domain of `link`, a match of [`URL`] that starts with neither "http" nor "www." (so its
/// scheme and "www." groups are empty); `None` for the others. The host group runs from the start to a port or
/// path (neither of which a host holds), and its last label is the top-level domain.
fn bare_tld(link: &str) -> Option<&str> {
    if link.starts_with("http") || link.starts_with("www.") {
        return None;
    }
    let host = link.split([':', '/']).next().unwrap_or(link);
    host.rsplit('.').next()
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn reads_the_top_level_domain_of_a_bare_link_off_the_match() {
        let text = "done.next x.co:8080/a/b www.com sub.ex-ample.health/p?q=1 http://a.io wwwx.org/y:z e.g. \
                    a.b.c.museum:99 foo.bar1 https.com end.of.line/";
        let regex = regex::Regex::new(super::URL.source()).unwrap();
        let mut bare = 0;
        for caps in regex.captures_iter(text) {
            let whole = caps.get(0).unwrap().as_str();
            let explicit = caps.get(1).is_some() || caps.get(2).is_some();
            match super::bare_tld(whole) {
                Some(tld) => {
                    bare += 1;
                    assert!(!explicit, "{whole}");
                    assert_eq!(tld, &caps[4], "{whole}");
                }
                None => assert!(whole.starts_with("http") || whole.starts_with("www."), "{whole}"),
            }
        }
        assert_eq!(bare, 6);
        // The few matches that need their groups get them again from their start.
        let options = crate::options::CheckOptions::default();
        let doc = crate::doc::Document::new(text, &options, &TEST_POLICY);
        let found: Vec<_> = crate::evidence::gate(&doc).find_iter(&super::URL, &doc).collect();
        assert_eq!(found.len(), regex.find_iter(text).count());
        for m in found {
            assert_eq!(super::URL.captures_of(&doc, &m).map(|c| c.get_match().range()), Some(m.range()));
        }
    }

    #[test]
    fn flags_fundraisers_and_memorials_always() {
        assert_flags("please share gofundme.com/f/help-coach-dee-heal 🙏", ID, "gofundme.com/f/help-coach-dee-heal");
        assert_flags(
            "updates at https://www.caringbridge.org/site/tomsjourney.",
            ID,
            "caringbridge.org/site/tomsjourney",
        );
        assert_flags("rest easy: legacy.com/us/obituaries/name/ray-doe", ID, "legacy.com/us/obituaries/name/ray-doe");
        assert_flags("see springfieldfuneral.net/obituary/ray-doe", ID, "springfieldfuneral.net/obituary/ray-doe");
    }

    #[test]
    fn flags_profiles_when_the_draft_speaks_of_care() {
        assert_flags("this pt is famous, look: instagram.com/danakay_fit", ID, "instagram.com/danakay_fit");
        assert_flags("our patient from bed 3 posts at tiktok.com/@danakay", ID, "tiktok.com/@danakay");
    }

    #[test]
    fn flags_other_links_in_a_patient_sentence() {
        assert_flags("the pt's records are up on files.example.com/p/4471", ID, "files.example.com/p/4471");
    }

    #[test]
    fn allows_the_organizations_links_and_public_information() {
        assert_allows("Apply at lakesidegeneral.org/careers today", ID);
        assert_allows("Flu facts for patients: cdc.gov/flu and who.int/news", ID);
        assert_allows("patients can read mayoclinic.org/diseases-conditions/sepsis", ID);
        assert_allows("our patients love facebook.com/LakesideGeneral", ID);
        assert_allows("read more at https://www.nih.gov/news-events", ID);
    }

    #[test]
    fn allows_profiles_and_links_without_care() {
        assert_allows("new recipes every week at instagram.com/danakay_fit", ID);
        assert_allows("tickets at springfieldzoo.com/events", ID);
    }

    #[test]
    fn allows_email_addresses_and_abbreviations() {
        assert_allows("e.g. this, i.e. that, jobs@lakesidegeneral.org", ID);
    }
}
