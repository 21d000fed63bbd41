//! Evidence: what the draft contains, before anyone decides what it means.
//!
//! - [`identifiers`]: one finder per identifier (ssn, phone, email, mrn, url, ...), each with its patterns;
//! - [`mentions`]: names, dates, ages, rooms, places and softer clues that can point at a person;
//! - [`cues`]: the phrases the privacy judges weigh (a story about one patient, a photo, a hint, a condolence);
//! - [`phrases`]: the phrase tables the tone judges read;
//! - [`entities`]: the people, places, ages, dates and rooms a learned model finds among the words.
//!
//! [`Evidence::gather`] is the entry point: the identifiers and mentions of a draft, found once, with its gate.
//! Every pattern of the layer is listed once in [`CATALOG`], which the gate searches for in one pass.
//! Nothing here knows what a finding is: the judges above decide.

pub(crate) mod cues;
pub(crate) mod entities;
pub(crate) mod identifiers;
pub(crate) mod mentions;
pub(crate) mod phrases;

use crate::doc::Document;
use crate::gate::{Catalog, Gate, Pattern};
use crate::learn::LinearModel;
use entities::{Entity, WordView};
use identifiers as id;
use identifiers::IdentifierHit;
use mentions as m;
use mentions::Mention;

/// What one draft contains, found once and read by every judge.
pub(crate) struct Evidence<'d> {
    /// The draft.
    pub doc: &'d Document<'d>,
    /// The draft's gate over [`CATALOG`]: which patterns and phrase rows may match.
    pub gate: &'d Gate,
    /// The identifiers, finder by finder.
    pub identifiers: Vec<IdentifierHit>,
    /// The mentions, sorted by start.
    pub mentions: Vec<Mention>,
    /// The entities the learned model found, in order.
    pub entities: Vec<Entity>,
}

impl<'d> Evidence<'d> {
    /// Finds the identifiers, mentions and entities of `doc`, the entities with `entity_model` (the shipped one
    /// is [`entities::MODEL`]; training and held-out measurement hand in others).
    pub fn gather(doc: &'d Document<'d>, entity_model: &LinearModel) -> Evidence<'d> {
        let gate = gate(doc);
        let identifiers = identifiers::find_all(doc, gate);
        let mentions = mentions::find_mentions(doc, gate);
        let words = WordView::new(doc, &mentions, &identifiers);
        let entities = entities::find_entities(&words, entity_model);
        Evidence { doc, gate, identifiers, mentions, entities }
    }
}

/// Every gated pattern and phrase row: the gate's one pass over a draft tells which of them may match.
pub(crate) static CATALOG: Catalog = Catalog::new(&GATED, phrases::rows);

/// The gate of `doc` over [`CATALOG`], built on first use (the judges read it as [`Evidence::gate`]).
fn gate<'d>(doc: &'d Document) -> &'d Gate {
    doc.gate(&CATALOG)
}

/// Every gated pattern, in the order of the gate's set: the identifiers', the cues, the names', the other
/// mentions'.
static GATED: [&Pattern; 57] = [
    &id::account::ACCOUNT,
    &id::address::ADDRESS,
    &id::device::KEYED,
    &id::device::GS1_UDI,
    &id::email::EMAIL,
    &id::email::SPELLED_EMAIL,
    &id::handle::HANDLE,
    &id::insurance_id::KEYED,
    &id::insurance_id::MBI,
    &id::ip::IPV4,
    &id::ip::IPV6,
    &id::license::LICENSE,
    &id::mrn::MRN,
    &id::phone::PHONE,
    &id::ssn::SSN,
    &id::ssn::SPACED_SSN,
    &id::url::URL,
    &id::vehicle::PLATE,
    &id::vehicle::VIN,
    &id::zip::ZIP,
    &cues::ONE_PATIENT,
    &cues::STORY_TIME,
    &cues::SHOWS_PHI,
    &cues::PHOTO,
    &cues::HINT,
    &cues::OFFICE,
    &cues::SUPPORT,
    &cues::RELATIVE_RECORD,
    &m::names::TITLED,
    &m::names::PUBLIC_TITLED,
    &m::names::NICKNAME,
    &m::names::FAMILY,
    &m::names::INITIALS,
    &m::names::CUED,
    &m::NUMERIC_DATE,
    &m::WRITTEN_DATE,
    &m::WEEKDAY_DATE,
    &m::MONTH_ONLY,
    &m::TIME,
    &m::ORDINAL_DAY,
    &m::HOLIDAY,
    &m::AGE,
    &m::AGE_SEX,
    &m::AGE_PHRASE,
    &m::ROOM,
    &m::ROOM_CODE,
    &m::UNIT,
    &m::STREET,
    &m::ROAD_OR_STATION,
    &m::SCHOOL_OR_CHURCH,
    &m::EMPLOYER,
    &m::FROM_TOWN,
    &m::OCCUPATION,
    &m::NEWS_EVENT,
    &m::RELATIVE_TIE,
    &m::RARE,
    &m::BIRTH,
];

/// Compares the gate's searches of `doc` with whole-text searches of every pattern and open phrase row (see
/// [`crate::gate::compare_with_whole_searches`]).
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn compare_with_whole_searches(doc: &Document) -> Result<(usize, usize, usize), String> {
    crate::gate::compare_with_whole_searches(gate(doc), doc, phrases::row_regex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gate::{Found, NEAR_SEARCH_MIN_LEN};

    #[test]
    fn every_pattern_compiles_and_is_listed_once() {
        for (i, pattern) in GATED.iter().enumerate() {
            pattern.regex();
            assert!(!GATED[..i].iter().any(|g| std::ptr::eq(*g, *pattern)), "{:?} is listed twice", pattern.source());
        }
    }

    #[test]
    fn the_set_fits_its_cache_on_a_large_paste() {
        let paste = crate::gate::mixed_text(1 << 20).to_ascii_lowercase();
        assert_eq!(CATALOG.cache_clears(&paste), 0);
    }

    #[test]
    fn searches_near_the_noted_ends_find_what_whole_searches_find() {
        let options = crate::options::CheckOptions::default();
        let mut text = crate::gate::mixed_text(NEAR_SEARCH_MIN_LEN * 4);
        // Matches back to back, overlapping candidates, and one at the very end.
        text.push_str("Room 12 room 14B, 217-555-0143217-555-0199 on 3/4/2025 3/4/2025. Call 217-555-0100");
        // The same without paragraph breaks: fewer break characters between matches.
        let joined = text.replace("\n\n", " ");
        for text in [text, joined] {
            let doc = Document::new(&text, &options, &crate::testing::TEST_POLICY);
            let (near, unbounded, near_rows) = assert_gate_finds_what_whole_searches_find(&doc);
            assert!(
                near >= 20 && unbounded >= 5 && near_rows >= 5,
                "only {near} patterns ({unbounded} unbounded) and {near_rows} rows searched near their ends"
            );
        }
        // A short draft is searched whole.
        let doc = Document::new("call 217-555-0143 today", &options, &crate::testing::TEST_POLICY);
        assert!(matches!(gate(&doc).find_iter(&id::phone::PHONE, &doc), Found::All(_)));
    }

    #[test]
    fn searches_near_the_noted_ends_agree_on_shuffled_pastes() {
        // Pieces glued in random orders with separators that are and are not break characters (or none, so
        // that a match can run across two pieces).
        let pieces: Vec<String> = crate::gate::mixed_text(NEAR_SEARCH_MIN_LEN)
            .split("\n\n")
            .flat_map(|piece| piece.split(". ").map(str::to_string).collect::<Vec<_>>())
            .chain(
                [
                    "Mr. O'Neil",
                    "St. Mary's Church",
                    "1200 Main St., Apt 4",
                    "(217) 555-0142217-555-0199",
                    "jo@x.org",
                    "www.example.com/a?b=1",
                    "Room 12B",
                    "3/4/25",
                    "the 94-year-old in bed 12",
                    "Lincoln Elementary",
                    "Dear Ana Ruiz,",
                    "MRN 00412345",
                    "age 67",
                    "on Tuesday at 3 pm",
                ]
                .map(str::to_string),
            )
            .collect();
        let separators = [" ", "\n", ". ", ", ", "", "\n\n", "! ", "; ", "😀 "];
        let options = crate::options::CheckOptions::default();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % below
        };
        for _ in 0..3 {
            let mut text = String::new();
            while text.len() < NEAR_SEARCH_MIN_LEN + 4096 {
                text.push_str(&pieces[next(pieces.len())]);
                text.push_str(separators[next(separators.len())]);
            }
            let doc = Document::new(&text, &options, &crate::testing::TEST_POLICY);
            assert_gate_finds_what_whole_searches_find(&doc);
        }
    }

    #[track_caller]
    fn assert_gate_finds_what_whole_searches_find(doc: &Document) -> (usize, usize, usize) {
        compare_with_whole_searches(doc).unwrap_or_else(|difference| panic!("{difference}"))
    }

    #[test]
    fn the_set_fits_its_cache_on_a_long_paste_of_new_text() {
        // Words in an order no draft has: every position leads the sets into states not built before. With a
        // 4 MB cache (8 MB when the patterns and rows were one set) this cleared the cache, and every re-check
        // of the paste (at each pause in typing) built its states again.
        let words: Vec<&str> = include_str!("../../bench/data/notes.txt").split_whitespace().collect();
        let mut seed: u64 = 7;
        let mut text = String::new();
        while text.len() < 60 << 10 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(' ');
        }
        let paste = text.to_ascii_lowercase();
        assert_eq!(CATALOG.cache_clears(&paste), 0);
    }

    #[test]
    fn opens_only_for_patterns_that_match() {
        let options = crate::options::CheckOptions::default();
        let doc = Document::new("call 217-555-0143 today", &options, &crate::testing::TEST_POLICY);
        let phone = gate(&doc);
        assert!(phone.is_open(&id::phone::PHONE));
        assert!(!phone.is_open(&id::email::EMAIL) && !phone.is_open(&m::AGE));
        assert_eq!(phone.find_iter(&id::email::EMAIL, &doc).count(), 0);
        assert!(!phone.is_any_row_open());
        let doc = Document::new("that's simply not true, call 217-555-0143", &options, &crate::testing::TEST_POLICY);
        assert!(gate(&doc).is_any_row_open() && gate(&doc).is_open(&id::phone::PHONE));
    }
}
