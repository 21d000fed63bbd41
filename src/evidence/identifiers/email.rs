//! `email`: personal email addresses, direct identifiers unless on the organization's own domains.
//!
//! Flags "tammyr62@gmail.com" and "j.doe+clinic@example.net". Allows "jobs@lakesidegeneral.org" (the
//! organization's domain), an address given for reaching the organization ("email us at ..."), and strings
//! with an @ that are not addresses ("@mentions", "meet @ 5pm").

use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Email;

pub(crate) static EMAIL: Pattern =
    Pattern::new(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?-u:\b)");

const MESSAGE: &str = "A personal email address identifies the person it belongs to.";

impl Finder for Email {
    fn id(&self) -> &'static str {
        "email"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        for m in gate.find_iter(&EMAIL, doc) {
            if doc.is_org_domain(m.as_str()) || doc.is_org_contact(m.start()) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Email, m.start(), m.end(), MESSAGE));
        }
    }
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
        assert_allows("Questions? Email our patient relations team at help@example.net", Kind::PhiDirectIdentifier);
        assert_flags("email the pt's son at sam.k@example.net", Kind::PhiDirectIdentifier, "sam.k@example.net");
    }
}
