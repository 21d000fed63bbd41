//! `handle`: a patient's @username, when the draft tags or addresses them about their care.
//!
//! Flags an @handle in a draft about care when it is tagged as a third person ("Tag her: @dana.k",
//! "follow his journey @coach_dee"), written right after "pt"/"patient", or addressed in a sentence about
//! their or their family's care ("@Rhonda I pulled your dad's chart", "@dana_k your biopsy results are
//! in"). Allows handles of organizations, news desks and colleagues ("@SpringfieldNews our chief will
//! talk to you", "@ismp.org", "@DrBerg", "@lakesidegeneral"), handles in drafts without care context, and
//! handles answered with general advice that reveal no care of theirs here.

use super::{Finder, IdentifierHit};
use crate::doc::care::CareCategory;
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;
use crate::text::occurs;

pub(crate) struct Handle;

pub(crate) static HANDLE: Pattern = Pattern::new(r"@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?)");

/// Phrases just before a handle that tag a third person.
const TAGGING: &[&str] = &[
    "tag her",
    "tag him",
    "tag them",
    "tagged her",
    "tagged him",
    "her handle",
    "his handle",
    "her insta",
    "his insta",
    "her ig",
    "his ig",
    "her page",
    "his page",
    "follow her",
    "follow him",
    "follow them",
    "that's her",
    "that's him",
    "this is her",
    "this is him",
    "shoutout to her",
    "pt",
    "patient",
];

/// Words after "your" that point at the addressee's own or family's care.
const YOUR_CARE: &[&str] = &[
    "mom",
    "mom's",
    "dad",
    "dad's",
    "mother",
    "mother's",
    "father",
    "father's",
    "husband",
    "husband's",
    "wife",
    "wife's",
    "son",
    "son's",
    "daughter",
    "daughter's",
    "baby",
    "baby's",
    "kid",
    "kids",
    "child",
    "child's",
    "grandma",
    "grandma's",
    "grandpa",
    "grandpa's",
    "brother",
    "brother's",
    "sister",
    "sister's",
    "partner",
    "partner's",
    "chart",
    "results",
    "labs",
    "biopsy",
    "scan",
    "records",
    "file",
    "bill",
    "appointment",
    "surgery",
    "diagnosis",
    "test",
    "tests",
    "prescription",
    "procedure",
    "visit",
    "stay",
];

/// Words in a handle that mark an organization, a newsroom or a clinician rather than a patient.
const NOT_A_PATIENT: &[&str] = &[
    "news",
    "hospital",
    "health",
    "clinic",
    "medical",
    "medicine",
    "official",
    "foundation",
    "county",
    "city",
    "dept",
    "gov",
    "ems",
    "fire",
    "police",
    "tv",
    "radio",
    "times",
    "gazette",
    "daily",
    "journal",
    "nurses",
    "careers",
    "jobs",
    "society",
    "assoc",
    "college",
    "university",
    "school",
    "pharma",
    "team",
];
const CLINICIAN_PREFIXES: &[&str] = &["dr", "doc", "nurse", "rn", "np", "pa_", "md_"];

/// Care words of cosmetic and dental posts ("before/after" shots), where the client is the patient.
const COSMETIC_CARE: &[&str] = &["before/after", "before and after", "reconstruction", "makeover", "veneers", "filler"];

const MESSAGE: &str = "Tagging or addressing a patient by their handle links their account to their care.";

impl Finder for Handle {
    fn id(&self) -> &'static str {
        "handle"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        let draft_has_care = !doc.care_terms().is_empty() || COSMETIC_CARE.iter().any(|w| occurs(lower, w));
        if !draft_has_care {
            return;
        }
        for caps in gate.captures_iter(&HANDLE, doc) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (start, end) = (whole.start(), whole.end());
            // An @ glued to a word is an email address.
            if lower[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '.') {
                continue;
            }
            let name = caps[1].to_ascii_lowercase();
            if !could_be_a_patient(doc, &name) {
                continue;
            }
            if is_tagged(doc, start) || is_addressed_about_care(doc, start, end) {
                out.push(IdentifierHit::new(Identifier::Handle, start, end, MESSAGE));
            }
        }
    }
}

/// False for handles of organizations, domains ("ismp.org"), clinicians and the organization's staff.
fn could_be_a_patient(doc: &Document, name: &str) -> bool {
    if name.contains('.')
        && name.rsplit('.').next().is_some_and(|tld| matches!(tld, "org" | "com" | "gov" | "edu" | "net"))
    {
        return false;
    }
    if NOT_A_PATIENT.iter().any(|w| name.contains(w)) || CLINICIAN_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return false;
    }
    let squash = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let handle = squash(name);
    let org = &doc.policy.organization;
    let org_words = org.names.iter().map(String::as_str).chain(org.domains.iter().filter_map(|d| d.split('.').next()));
    if org_words.map(squash).any(|o| !o.is_empty() && (handle.contains(&o) || o.contains(&handle))) {
        return false;
    }
    // A staff member's surname in the handle ("@tomas_berg_rn") is a colleague.
    !org.staff.iter().filter_map(|s| s.split_whitespace().next_back()).any(|surname| {
        let surname = squash(surname);
        surname.len() >= 4 && handle.contains(&surname)
    })
}

/// "Tag her: @x", "pt @x": a tagging phrase ends just before the handle.
fn is_tagged(doc: &Document, start: usize) -> bool {
    let before = doc.before(start, 30).trim_end_matches([' ', ':', '-', ',', '\n']);
    TAGGING.iter().any(|phrase| {
        before.ends_with(phrase)
            && before[..before.len() - phrase.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The handle opens its sentence and the sentence speaks of "your" care or family, or of a patient.
fn is_addressed_about_care(doc: &Document, start: usize, end: usize) -> bool {
    let (sentence_start, sentence_end) = doc.sentence_at(start);
    let opens = doc.lower()[sentence_start..start].trim().chars().all(|c| c == '@' || c.is_whitespace());
    if !opens {
        return false;
    }
    // Only the words soon after the handle count, so a long unpunctuated paste stays linear.
    let rest = doc.after(end, (sentence_end - end).min(200));
    let mut words = rest.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')).filter(|w| !w.is_empty()).peekable();
    while let Some(word) = words.next() {
        if word == "your" && words.peek().is_some_and(|next| YOUR_CARE.contains(next)) {
            return true;
        }
    }
    doc.care_in(end, end + rest.len()).iter().any(|t| t.category == CareCategory::Patient)
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_patients_tagged_in_care_posts() {
        assert_flags("Her smile makeover is done 😍 Tag her: @dana.k_smiles", ID, "@dana.k_smiles");
        assert_flags("pt @coachdee22 is back in the ED again", ID, "@coachdee22");
    }

    #[test]
    fn flags_handles_addressed_about_their_familys_care() {
        assert_flags("@Marla I pulled your dad's chart, he's in the ICU", ID, "@Marla");
        assert_flags("@dana_k your biopsy results came back", ID, "@dana_k");
    }

    #[test]
    fn allows_organizations_news_and_colleagues() {
        assert_allows("@MillbrookNews our chief of surgery will talk to you about the new OR", ID);
        assert_allows("patient safety reading: anything from @ismp.org", ID);
        assert_allows("Huge thanks to @DrBerg and the ICU team", ID);
        assert_allows("@LakesideGeneral when does the ED parking lot reopen?", ID);
    }

    #[test]
    fn allows_handles_without_care_context() {
        assert_allows("Tag her: @dana.k_smiles, best baker in town", ID);
    }

    #[test]
    fn allows_general_advice_to_a_commenter() {
        assert_allows("@jo_runs rest and fluids, and see your doctor if the fever lasts", ID);
    }
}
