//! The privacy patterns, and the one pass that says which of them and of the phrase-table rows occur in a
//! draft.
//!
//! Identifier detectors and the contextual privacy rules each search the draft with a few regexes, and in
//! most drafts most of them find nothing; so do the rows of the phrase tables. Every such regex is a
//! [`Pattern`] listed in [`GATED`] or a phrase-table row: one pass of a [`MultiPattern`] over the lowercased
//! folded text tells which of them may match ([`Gate`], built once per draft by [`crate::doc::Document::gate`]); a
//! pattern's own regex is compiled the first time the gate opens for it and runs only in drafts where it may
//! match.

use crate::doc::Document;
use crate::multi::{Case, Matched, MultiPattern};
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// A privacy pattern with the text it runs on, compiled on first use.
///
/// Case-insensitive patterns are written in lowercase and run on the ASCII-lowercased text (same offsets)
/// instead of using `(?i)`: Unicode case folding makes a pattern several times larger and slower to compile.
/// For the same reason a word between cue words is `[0-9a-z_]+`, not Unicode `\w+`.
pub(crate) struct Pattern {
    source: Source,
    lower: bool,
    regex: OnceLock<Regex>,
    /// The pattern's place in [`GATED`], noted when the gate's sets are built.
    index: OnceLock<usize>,
}

enum Source {
    Written(&'static str),
    /// Assembled from shared pieces (keyword lists, separators) on first use.
    Built(LazyLock<String>),
}

impl Pattern {
    /// A case-sensitive pattern, run on the folded text.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern::with(Source::Written(source), false)
    }

    /// A lowercase pattern, run on the lowercased folded text.
    pub const fn lower(source: &'static str) -> Pattern {
        Pattern::with(Source::Written(source), true)
    }

    /// A pattern assembled by `build`; `lower` as for [`Pattern::lower`].
    pub const fn built(build: fn() -> String, lower: bool) -> Pattern {
        Pattern::with(Source::Built(LazyLock::new(build)), lower)
    }

    const fn with(source: Source, lower: bool) -> Pattern {
        Pattern { source, lower, regex: OnceLock::new(), index: OnceLock::new() }
    }

    pub(crate) fn source(&self) -> &str {
        match &self.source {
            Source::Written(source) => source,
            Source::Built(source) => source,
        }
    }

    fn haystack<'d>(&self, doc: &'d Document) -> &'d str {
        if self.lower {
            doc.lower()
        } else {
            doc.text()
        }
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| Regex::new(self.source()).expect("privacy pattern compiles"))
    }
}

use crate::detect::identifiers as id;
use crate::phi::mentions as m;

/// Every gated pattern.
static GATED: [&Pattern; 55] = [
    &id::ACCOUNT,
    &id::ADDRESS,
    &id::DEVICE_KEYED,
    &id::GS1_UDI,
    &id::EMAIL,
    &id::HANDLE,
    &id::INSURANCE_KEYED,
    &id::MBI,
    &id::IPV4,
    &id::IPV6,
    &id::LICENSE,
    &id::MRN,
    &id::PHONE,
    &id::SSN,
    &id::URL,
    &id::PLATE,
    &id::VIN,
    &id::ZIP,
    &crate::phi::case_story::ONE_PATIENT,
    &crate::phi::case_story::STORY_TIME,
    &crate::phi::media::SHOWS_PHI,
    &crate::phi::media::PHOTO,
    &crate::phi::public_figure::HINT,
    &crate::phi::public_figure::OFFICE,
    &crate::phi::relationship::SUPPORT,
    &crate::phi::relationship::RELATIVE_RECORD,
    &crate::phi::names::TITLED,
    &crate::phi::names::PUBLIC_TITLED,
    &crate::phi::names::NICKNAME,
    &crate::phi::names::FAMILY,
    &crate::phi::names::INITIALS,
    &crate::phi::names::CUED,
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

/// The gated patterns (pattern `i` of the set is `GATED[i]`), then every phrase-table row (in the order of
/// [`crate::detect::tone::phrase_rows`]), in one set.
static SET: LazyLock<MultiPattern> = LazyLock::new(|| {
    for (i, pattern) in GATED.iter().enumerate() {
        pattern.index.set(i).expect("each pattern is listed once");
    }
    let case = |lower| if lower { Case::Lower } else { Case::Sensitive };
    let patterns: Vec<(&str, Case)> = GATED
        .iter()
        .map(|p| (p.source(), case(p.lower)))
        .chain(crate::detect::tone::phrase_rows().map(|row| (row, Case::Lower)))
        .collect();
    MultiPattern::new(&patterns).unwrap_or_else(|_| {
        // Name the bad pattern.
        for (pattern, _) in &patterns {
            if let Err(e) = Regex::new(pattern) {
                panic!("pattern {pattern:?}: {e}");
            }
        }
        panic!("the privacy patterns and phrase rows do not compile as a set")
    })
});

/// The gated patterns and phrase-table rows that may match somewhere in one draft: every one that matches,
/// and perhaps a few case-sensitive ones that do not (see [`MultiPattern`]), so their own regexes decide.
pub(crate) struct Gate {
    open: Matched,
    /// Whether any phrase row may match: in most drafts none does, and the tables need not look at each.
    any_row: bool,
}

impl Gate {
    /// Searches `doc` once for every gated pattern and phrase row.
    pub fn new(doc: &Document) -> Gate {
        let open = SET.matches(doc.lower());
        let any_row = open.len() > (0..GATED.len()).filter(|&i| open.contains(i)).count();
        Gate { open, any_row }
    }

    /// True when `pattern` may match somewhere in the draft.
    pub fn is_open(&self, pattern: &Pattern) -> bool {
        // A gate exists only after `SET` noted every listed pattern's index.
        let index = pattern.index.get().copied();
        debug_assert!(index.is_some(), "pattern {:?} is not listed in GATED", pattern.source());
        index.is_some_and(|i| self.open.contains(i))
    }

    /// True when some phrase-table row may match.
    pub fn is_any_row_open(&self) -> bool {
        self.any_row
    }

    /// True when phrase-table row `row` (its place in [`crate::detect::tone::phrase_rows`]) may match.
    pub fn is_row_open(&self, row: usize) -> bool {
        self.open.contains(GATED.len() + row)
    }

    /// True when `pattern` matches somewhere in `doc`.
    pub fn is_match(&self, pattern: &'static Pattern, doc: &Document) -> bool {
        self.is_open(pattern) && pattern.regex().is_match(pattern.haystack(doc))
    }

    /// Matches of `pattern`, or none when the gate saw none.
    pub fn find_iter<'d>(&self, pattern: &'static Pattern, doc: &'d Document) -> IfOpen<regex::Matches<'static, 'd>> {
        IfOpen(self.is_open(pattern).then(|| pattern.regex().find_iter(pattern.haystack(doc))))
    }

    /// Captures of every match of `pattern`, or none when the gate saw none.
    pub fn captures_iter<'d>(
        &self,
        pattern: &'static Pattern,
        doc: &'d Document,
    ) -> IfOpen<regex::CaptureMatches<'static, 'd>> {
        IfOpen(self.is_open(pattern).then(|| pattern.regex().captures_iter(pattern.haystack(doc))))
    }
}

/// A pattern's matches when the gate opened for it, else none. Not `Option::into_iter().flatten()`: a
/// `Flatten` holds three of the regex's iterators, and moving it was a copy of several hundred bytes for
/// every pattern of every draft, matched or not.
pub(crate) struct IfOpen<I>(Option<I>);

impl<I: Iterator> Iterator for IfOpen<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.0.as_mut()?.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_is_listed_once() {
        for (i, pattern) in GATED.iter().enumerate() {
            pattern.regex();
            assert!(!GATED[..i].iter().any(|g| std::ptr::eq(*g, *pattern)), "{:?} is listed twice", pattern.source());
        }
    }

    #[test]
    fn the_set_fits_its_cache_on_a_large_paste() {
        assert_eq!(SET.cache_clears(&crate::multi::mixed_text(1 << 20).to_ascii_lowercase()), 0);
    }

    #[test]
    fn opens_only_for_patterns_that_match() {
        let options = crate::CheckOptions::default();
        let doc = Document::new("call 217-555-0143 today", &options, &crate::detect::testing::TEST_POLICY);
        let gate = doc.gate();
        assert!(gate.is_open(&id::PHONE));
        assert!(!gate.is_open(&id::EMAIL) && !gate.is_open(&m::AGE));
        assert_eq!(gate.find_iter(&id::EMAIL, &doc).count(), 0);
        assert!(!gate.is_any_row_open());
        let doc =
            Document::new("that's simply not true, call 217-555-0143", &options, &crate::detect::testing::TEST_POLICY);
        assert!(doc.gate().is_any_row_open() && doc.gate().is_open(&id::PHONE));
    }
}
