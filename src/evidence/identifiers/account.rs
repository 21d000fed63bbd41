//! `account`: billing and account numbers, a direct identifier of the patient who owes the bill.
//!
//! Flags the value after "account", "acct #", "a/c", "invoice", "claim #", "claim number", "billing ID",
//! "statement #" or "guarantor #": "Acct #20031877", "account 88-204417", "claim number CLM-5541209".
//! Allows keywords with money, short numbers or years ("account for $4,000", "claim from 2019", "3 accounts"),
//! and social media accounts ("her Instagram account").

use super::keyed::{continues, digit_count, is_placeholder, is_year, trim_value, SEPARATOR};
use super::{Finder, IdentifierHit};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;

pub(crate) struct Account;

const WORD_KEYWORDS: &str = r"account(?:\s?(?:id|number|no))?|acct|a/c|invoice|inv|claim\s?(?:id|number|no)|(?:billing|statement|guarantor)\s?(?:id|number|no)";
const HASH_KEYWORDS: &str = r"(?:account|acct|invoice|inv|claim|billing|statement|guarantor)\s?#";

pub(crate) static ACCOUNT: Pattern = Pattern::built(build_account, true);

fn build_account() -> String {
    format!(
        r"(?-u:\b)(?:(?:{WORD_KEYWORDS})(?-u:\b)|{HASH_KEYWORDS}){SEPARATOR}((?:[a-z]{{1,4}}-?)?[0-9][0-9-]*[a-z]?)"
    )
}

const MESSAGE: &str = "An account or billing number leads straight to one patient's records and bills.";

impl Finder for Account {
    fn id(&self) -> &'static str {
        "account"
    }

    fn find(&self, doc: &Document, gate: &Gate, out: &mut Vec<IdentifierHit>) {
        let lower = doc.lower();
        for caps in gate.captures_iter(&ACCOUNT, doc) {
            let value = caps.get(1).expect("the value group always matches");
            let (start, end) = trim_value(lower, value.start(), value.end());
            let number = &lower[start..end];
            if digit_count(number) < 4 || is_year(number) || is_placeholder(number) || continues(lower, end) {
                continue;
            }
            out.push(IdentifierHit::new(Identifier::Account, start, end, MESSAGE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use crate::Kind;

    const ID: Kind = Kind::PhiDirectIdentifier;

    #[test]
    fn flags_account_and_billing_numbers() {
        assert_flags("Acct #30041299 went to collections", ID, "30041299");
        assert_flags("her account 77-310552 shows a credit", ID, "77-310552");
        assert_flags("claim number CLM-5541209 was denied", ID, "CLM-5541209");
        assert_flags("invoice 4410293 is still open", ID, "4410293");
        assert_flags("acct ending in 4417 was charged twice", ID, "4417");
    }

    #[test]
    fn allows_money_years_and_short_numbers() {
        assert_allows("that account for $4,000 in donations", ID);
        assert_allows("the claim from 2019 was settled", ID);
        assert_allows("we manage 3 accounts and 12 invoices", ID);
    }

    #[test]
    fn allows_social_media_accounts() {
        assert_allows("follow our account @lakeside_nurses for updates", ID);
    }
}
