//! `claims.misinformation`: a curated list of well-known false health claims.
//!
//! Flags "vaccines cause autism", "the MMR shot is why autism rates exploded", "ivermectin cures COVID",
//! "masks starve kids of oxygen", "Gardasil makes girls infertile". Allows their debunking: "the MMR
//! vaccine does not cause autism", "the myth that vaccines cause autism", "no, masks don't lower oxygen".

use crate::doc::Document;
use crate::evidence::phrases::{Phrase, Table};
use crate::evidence::Evidence;
use crate::judge::Judge;
use crate::report::{Hit, Kind};

pub(crate) struct Misinformation;

const MESSAGE: &str = "This is a well-known false health claim; from a healthcare worker it carries weight, and \
                       boards have disciplined clinicians for spreading it.";
const FALLBACK: &str = "(leave out the claim; link to CDC or WHO guidance instead)";

impl Judge for Misinformation {
    fn id(&self) -> &'static str {
        "claims.misinformation"
    }

    fn judge(&self, evidence: &Evidence, out: &mut Vec<Hit>) {
        let doc = evidence.doc;
        let found: Vec<Phrase> =
            Table::Misinformation.find(doc).into_iter().filter(|p| !is_debunking(doc, p)).collect();
        super::push_phrases(found, Kind::ClaimsMisinformation, MESSAGE, FALLBACK, out);
    }
}

/// True when the claim is negated inside itself ("does not cause") or introduced as false just before
/// ("the myth that", "it's false that"), or answered at once ("...autism? No.").
fn is_debunking(doc: &Document, phrase: &Phrase) -> bool {
    let lower = doc.lower();
    let inside = &lower[phrase.start..phrase.end];
    // The claim rows about HIV and "big pharma doesn't want you to know" carry their own negation.
    let own_negation = inside.starts_with("hiv") || inside.starts_with("big pharma");
    if !own_negation && super::has_negation(inside) {
        return true;
    }
    let before = super::sentence_before(doc, phrase.start, 40);
    let after = doc.after(phrase.end, 12).trim_start_matches(['?', ' ']);
    super::has_negation(before) || after.starts_with("no") || after.starts_with("false") || after.starts_with("nope")
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    #[test]
    fn flags_well_known_false_claims() {
        assert_flags("Vaccines cause autism, wake up", Kind::ClaimsMisinformation, "Vaccines cause autism");
        assert_flags("ivermectin treats covid, ask me how", Kind::ClaimsMisinformation, "ivermectin treats covid");
        assert_flags("face masks lower your oxygen levels", Kind::ClaimsMisinformation, "oxygen");
        assert_flags("the HPV shot leaves girls infertile", Kind::ClaimsMisinformation, "infertile");
        assert_flags("the flu shot gives you the flu", Kind::ClaimsMisinformation, "flu shot gives you the flu");
    }

    #[test]
    fn allows_debunking() {
        for text in [
            "The MMR vaccine does not cause autism. The paper was retracted.",
            "Let's bust the myth that vaccines cause autism.",
            "Does the flu shot give you the flu? No. It can't.",
            "It's false that ivermectin cures covid.",
        ] {
            assert_allows(text, Kind::ClaimsMisinformation);
        }
    }
}
