//! The privacy patterns, and the two passes that say which of them and of the phrase-table rows occur in a
//! draft.
//!
//! Identifier detectors and the contextual privacy rules each search the draft with a few regexes, and in
//! most drafts most of them find nothing; so do the rows of the phrase tables. Every such regex is a
//! [`Pattern`] listed in [`GATED`] or a phrase-table row. One pass over the lowercased folded text for the
//! patterns and one for the rows (each a [`MultiPattern`]) tell which of them may match ([`Gate`], built once
//! per draft by [`crate::doc::Document::gate`]); a pattern's own regex is compiled the first time the gate
//! opens for it and runs only in drafts where it may match.

use crate::doc::Document;
use crate::multi::{Case, Matched, MultiPattern};
use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};
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

/// Where a match of a pattern can start, given where it ends: a match `[s, e)` starts at `e - reach` or later,
/// and after the last of the `breaks` before `e`.
#[derive(Clone, Copy)]
struct Limits {
    /// The longest match, in bytes, if there is a limit.
    reach: Option<usize>,
    /// Up to three ASCII characters no match contains (repeated to fill), the most common in text first.
    breaks: Option<[u8; 3]>,
}

/// Characters that end a pattern's run through the text when it cannot contain them, the most common in
/// drafts first.
const BREAK_CANDIDATES: &[u8] = b"\n.,!?;:()\"";

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

    /// The capture groups of `found`, a match of this pattern in `doc` ([`Gate::find_iter`]): for a pattern
    /// whose groups few of its matches need, cheaper than [`Gate::captures_iter`], which runs a slower engine
    /// over every match. A search from a match's start finds that match again.
    pub fn captures_of<'d>(&self, doc: &'d Document, found: &regex::Match<'d>) -> Option<regex::Captures<'d>> {
        let captures = self.regex().captures_at(self.haystack(doc), found.start())?;
        (captures.get_match().range() == found.range()).then_some(captures)
    }
}

impl Limits {
    /// What a match's end tells of its start for pattern `source`; `None` when it may match empty text or
    /// has no limits.
    fn of(source: &str) -> Option<Limits> {
        let hir = regex_automata::util::syntax::parse(source).expect("privacy pattern compiles");
        if hir.properties().minimum_len().is_none_or(|min| min == 0) {
            return None;
        }
        let mut breaks = BREAK_CANDIDATES.iter().copied().filter(|&b| !may_contain(&hir, b));
        let breaks = breaks.next().map(|first| {
            let second = breaks.next().unwrap_or(first);
            [first, second, breaks.next().unwrap_or(second)]
        });
        let reach = hir.properties().maximum_len();
        (reach.is_some() || breaks.is_some()).then_some(Limits { reach, breaks })
    }
}

/// [`Limits`] of each gated pattern (`LIMITS[i]` for `GATED[i]`), for long texts.
static LIMITS: LazyLock<Vec<Option<Limits>>> = LazyLock::new(|| GATED.iter().map(|p| Limits::of(p.source())).collect());

/// [`Limits`] of each phrase row (in the order of [`crate::detect::tone::phrase_rows`]), worked out on the first
/// long text: parsing every row again is a cost that drafts of a few hundred characters need not pay.
static ROW_LIMITS: LazyLock<Vec<Option<Limits>>> =
    LazyLock::new(|| crate::detect::tone::phrase_rows().map(Limits::of).collect());

/// True when some match of `hir` may contain the ASCII character `byte`.
fn may_contain(hir: &Hir, byte: u8) -> bool {
    match hir.kind() {
        HirKind::Literal(literal) => literal.0.contains(&byte),
        HirKind::Class(Class::Unicode(class)) => {
            class.ranges().iter().any(|r| (r.start()..=r.end()).contains(&char::from(byte)))
        }
        HirKind::Class(Class::Bytes(class)) => class.ranges().iter().any(|r| (r.start()..=r.end()).contains(&byte)),
        HirKind::Repetition(repetition) => may_contain(&repetition.sub, byte),
        HirKind::Capture(capture) => may_contain(&capture.sub, byte),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(|sub| may_contain(sub, byte)),
        HirKind::Empty | HirKind::Look(_) => false,
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

/// The gated patterns, in one set: pattern `i` of the set is `GATED[i]`.
static PATTERN_SET: LazyLock<MultiPattern> = LazyLock::new(|| {
    for (i, pattern) in GATED.iter().enumerate() {
        pattern.index.set(i).expect("each pattern is listed once");
    }
    let case = |lower| if lower { Case::Lower } else { Case::Sensitive };
    compile_set(&GATED.iter().map(|p| (p.source(), case(p.lower))).collect::<Vec<_>>())
});

/// Every phrase-table row, in the order of [`crate::detect::tone::phrase_rows`], in a set of their own. In
/// one set with the privacy patterns, each byte of text unlike any before built a state of both at once, and
/// the cost of a state grows with all that is in progress in it: the first pass over 17 KB of new drafts cost
/// 723 M instructions in one set and 418 M in these two.
static ROW_SET: LazyLock<MultiPattern> = LazyLock::new(|| {
    compile_set(&crate::detect::tone::phrase_rows().map(|row| (row, Case::Lower)).collect::<Vec<_>>())
});

fn compile_set(patterns: &[(&str, Case)]) -> MultiPattern {
    MultiPattern::new(patterns).unwrap_or_else(|_| {
        // Name the bad pattern.
        for (pattern, _) in patterns {
            if let Err(e) = Regex::new(pattern) {
                panic!("pattern {pattern:?}: {e}");
            }
        }
        panic!("the privacy patterns or the phrase rows do not compile as a set")
    })
}

/// The gated patterns and phrase-table rows that may match somewhere in one draft: every one that matches,
/// and perhaps a few case-sensitive ones that do not (see [`MultiPattern`]), so their own regexes decide.
pub(crate) struct Gate {
    open: Matched,
    /// The phrase rows that may match: in most drafts none does, and the tables need not look at each.
    rows: Matched,
    /// In a long text, where each gated pattern with [`Limits`] may end a match (`ends[i]` for
    /// `GATED[i]`, see [`MultiPattern::matches_and_ends`]); empty for a short one.
    ends: Vec<Option<Vec<usize>>>,
    /// The same for each phrase row.
    row_ends: Vec<Option<Vec<usize>>>,
}

/// From this length on, the gate notes where patterns end matches, and a pattern with [`Limits`] is searched
/// for only near those ends: in a 1 MB paste a pattern found a hundred times no longer costs a scan
/// of the megabyte. Drafts shorter than this, nearly all of them, keep the plain one pass.
pub(crate) const NEAR_SEARCH_MIN_LEN: usize = 16 << 10;

impl Gate {
    /// Searches `doc` once for every gated pattern and once for every phrase row.
    pub fn new(doc: &Document) -> Gate {
        let lower = doc.lower();
        if lower.len() < NEAR_SEARCH_MIN_LEN {
            return Gate {
                open: PATTERN_SET.matches(lower),
                rows: ROW_SET.matches(lower),
                ends: Vec::new(),
                row_ends: Vec::new(),
            };
        }
        let tracked = |limits: &[Option<Limits>]| limits.iter().map(Option::is_some).collect::<Vec<bool>>();
        // Past one end per 64 bytes the searches near the ends would cover most of the text.
        let (open, ends) = PATTERN_SET.matches_and_ends(lower, &tracked(&LIMITS), lower.len() / 64);
        let (rows, row_ends) = ROW_SET.matches_and_ends(lower, &tracked(&ROW_LIMITS), lower.len() / 64);
        Gate { open, rows, ends, row_ends }
    }

    /// Matches of phrase row `row` (its place in [`crate::detect::tone::phrase_rows`], `regex` its regex) in the
    /// whole lowercased draft: in a long text, found by searches near where the gate saw the row end a match.
    pub fn row_matches<'d>(
        &'d self,
        row: usize,
        regex: &'static Regex,
        lower: &'d str,
    ) -> Found<'d, regex::Matches<'static, 'd>, regex::Match<'d>> {
        Found::of(regex, lower, self.row_near(row), Regex::find_iter, Regex::find_at, regex::Match::end)
    }

    /// Where `pattern`'s matches may end, when the gate noted them (see [`Gate::ends`]), with its limits.
    fn near(&self, pattern: &Pattern) -> Option<(&[usize], Limits)> {
        let index = *pattern.index.get()?;
        Some((self.ends.get(index)?.as_deref()?, LIMITS[index]?))
    }

    /// The same for phrase row `row`. `row_ends` is empty for a short draft, which so never works out the rows'
    /// limits.
    fn row_near(&self, row: usize) -> Option<(&[usize], Limits)> {
        Some((self.row_ends.get(row)?.as_deref()?, ROW_LIMITS[row]?))
    }

    /// True when `pattern` may match somewhere in the draft.
    pub fn is_open(&self, pattern: &Pattern) -> bool {
        // A gate exists only after `PATTERN_SET` noted every listed pattern's index.
        let index = pattern.index.get().copied();
        debug_assert!(index.is_some(), "pattern {:?} is not listed in GATED", pattern.source());
        index.is_some_and(|i| self.open.contains(i))
    }

    /// True when some phrase-table row may match.
    pub fn is_any_row_open(&self) -> bool {
        self.rows.len() > 0
    }

    /// True when phrase-table row `row` (its place in [`crate::detect::tone::phrase_rows`]) may match.
    pub fn is_row_open(&self, row: usize) -> bool {
        self.rows.contains(row)
    }

    /// True when `pattern` matches somewhere in `doc`.
    pub fn is_match(&self, pattern: &'static Pattern, doc: &Document) -> bool {
        self.is_open(pattern) && pattern.regex().is_match(pattern.haystack(doc))
    }

    /// Matches of `pattern`, or none when the gate saw none.
    pub fn find_iter<'d>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d Document,
    ) -> Found<'d, regex::Matches<'static, 'd>, regex::Match<'d>> {
        self.found(pattern, doc, Regex::find_iter, Regex::find_at, regex::Match::end)
    }

    /// Captures of every match of `pattern`, or none when the gate saw none.
    pub fn captures_iter<'d>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d Document,
    ) -> Found<'d, regex::CaptureMatches<'static, 'd>, regex::Captures<'d>> {
        let end = |captures: &regex::Captures| captures.get_match().end();
        self.found(pattern, doc, Regex::captures_iter, Regex::captures_at, end)
    }

    #[inline(always)]
    fn found<'d, I, T>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d Document,
        iter: fn(&'static Regex, &'d str) -> I,
        search: fn(&'static Regex, &'d str, usize) -> Option<T>,
        end: fn(&T) -> usize,
    ) -> Found<'d, I, T> {
        if !self.is_open(pattern) {
            return Found::Closed;
        }
        Found::of(pattern.regex(), pattern.haystack(doc), self.near(pattern), iter, search, end)
    }
}

/// A pattern's matches: none when the gate did not open for it, else those of a search of the whole text or
/// of the searches near where the gate saw them end. Not `Option::into_iter().flatten()`: a `Flatten` holds
/// three of the regex's iterators, and moving it was a copy of several hundred bytes for every pattern of
/// every draft, matched or not.
pub(crate) enum Found<'d, I, T> {
    Closed,
    All(I),
    Near(Near<'d, T>),
}

impl<'d, I, T> Found<'d, I, T> {
    /// The matches of `regex` in `haystack`: found near the ends `near` gives, with the limits, or else by
    /// `iter` over the whole text. Always inlined, as [`Gate::find_iter`]'s path is taken for every open pattern.
    #[inline(always)]
    fn of(
        regex: &'static Regex,
        haystack: &'d str,
        near: Option<(&'d [usize], Limits)>,
        iter: fn(&'static Regex, &'d str) -> I,
        search: fn(&'static Regex, &'d str, usize) -> Option<T>,
        end: fn(&T) -> usize,
    ) -> Found<'d, I, T> {
        match near {
            None => Found::All(iter(regex, haystack)),
            Some((ends, limits)) => Found::Near(Near { regex, haystack, ends, limits, at: 0, search, end }),
        }
    }
}

impl<I: Iterator<Item = T>, T> Iterator for Found<'_, I, T> {
    type Item = T;

    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        match self {
            Found::Closed => None,
            Found::All(all) => all.next(),
            Found::Near(near) => near.next(),
        }
    }
}

/// The matches a whole-text iteration finds, found by searches that start close to them.
///
/// A match `[s, e)` of a pattern that never matches empty text ends at one of the gate's `ends`, and
/// [`Limits`] bound its start: `s` is at least `e - reach`, and after the last break character before `e`
/// (a character no match contains). A whole-text iteration that stands at `at` finds the leftmost match
/// starting at `at` or later; its end is after `at`, so at or after the first noted end `e` past `at`, and
/// both bounds only grow with `e`: no match starts between `at` and `e`'s bounds. Searching from there
/// (`find_at`, which still sees the text before it for `\b`) finds the same match without scanning the gap.
/// The iteration stays linear: each step looks back for a break only as far as `at`, and the match it finds
/// moves `at` past `e`.
///
/// The gate's widened patterns also end where the pattern's own regex does not match (a case-sensitive pattern
/// is widened to any case), and from such an end a search would run on to the next real match, often the rest
/// of the text. So when `e`'s window is short, a search of the window alone comes first: any match starting
/// before the next end's bounds must end at `e` (the ends between are all noted, and the bounds only grow), so
/// it lies in the window, and the regex finds it in the text cut one character after `e` (every assertion at
/// or before `e` reads the same characters). When it finds none, no match starts before the next end's bounds,
/// and the iteration moves on to that end. Each window is at most [`NEAR_WINDOW`] bytes and each end has one.
pub(crate) struct Near<'d, T> {
    regex: &'static Regex,
    haystack: &'d str,
    ends: &'d [usize],
    limits: Limits,
    /// Where the whole-text iteration would search next.
    at: usize,
    search: fn(&'static Regex, &'d str, usize) -> Option<T>,
    end: fn(&T) -> usize,
}

impl<T> Iterator for Near<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let mut from = next_search_start(self.haystack, &mut self.ends, self.limits, self.at)?;
        while !may_end_at(self.regex, self.haystack, from, self.ends[0]) {
            self.ends = &self.ends[1..];
            from = next_search_start(self.haystack, &mut self.ends, self.limits, self.at)?;
        }
        let found = (self.search)(self.regex, self.haystack, from);
        match &found {
            Some(found) => self.at = (self.end)(found),
            None => self.ends = &[],
        }
        found
    }
}

/// The longest window before a noted end that [`Near`] searches on its own first.
const NEAR_WINDOW: usize = 256;

/// False when `regex` has no match that starts at `from` or later and ends at `end` or earlier (see [`Near`]);
/// true when it may have one, or when the window is too long to look at on its own.
fn may_end_at(regex: &Regex, haystack: &str, from: usize, end: usize) -> bool {
    // A widened pattern may end inside a character. Where `end` starts one, `from` (a character's start) is not
    // past it.
    if !haystack.is_char_boundary(end) || end - from > NEAR_WINDOW {
        return true;
    }
    let cut = haystack[end..].chars().next().map_or(end, |next| end + next.len_utf8());
    regex.find_at(&haystack[..cut], from).is_some()
}

/// Where the search for the next match at or after `at` can start (see [`Near`]), passing the `ends` before
/// it; `None` when no match is left.
fn next_search_start(haystack: &str, ends: &mut &[usize], limits: Limits, at: usize) -> Option<usize> {
    *ends = &ends[ends.partition_point(|&end| end <= at)..];
    let end = *ends.first()?;
    let mut from = at.max(limits.reach.map_or(0, |reach| end.saturating_sub(reach)));
    if let Some([a, b, c]) = limits.breaks {
        let gap = &haystack.as_bytes()[from..end];
        if let Some(last) = memchr::memrchr3(a, b, c, gap) {
            from += last + 1;
        }
    }
    while !haystack.is_char_boundary(from) {
        from += 1; // a match starts on a character
    }
    Some(from)
}

/// Compares the gate's matches and captures of every gated pattern in `doc`, and its matches of every open
/// phrase row, with a whole-text search of the pattern's or row's own regex (for the unit tests and the
/// `long_paste` fuzz target). `Ok` counts the patterns searched near their ends, how many of those have no
/// longest match, and the rows searched near their ends; `Err` names the first pattern or row whose matches
/// differ, with the match ranges (never the text).
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn compare_with_whole_searches(doc: &Document) -> Result<(usize, usize, usize), String> {
    let gate = doc.gate();
    let (mut near, mut unbounded) = (0, 0);
    for pattern in GATED {
        let whole: Vec<_> = pattern.regex().find_iter(pattern.haystack(doc)).map(|m| m.range()).collect();
        if let Found::Near(near_search) = gate.find_iter(pattern, doc) {
            near += 1;
            unbounded += usize::from(near_search.limits.reach.is_none());
        }
        let found: Vec<_> = gate.find_iter(pattern, doc).map(|m| m.range()).collect();
        let captured: Vec<_> = gate.captures_iter(pattern, doc).map(|c| c.get_match().range()).collect();
        if found != whole || captured != whole {
            return Err(format!(
                "pattern {:?}: a whole-text search finds {whole:?}, the gate {found:?} (captures {captured:?})",
                pattern.source()
            ));
        }
    }
    let lower = doc.lower();
    let mut near_rows = 0;
    for (row, source) in crate::detect::tone::phrase_rows().enumerate().filter(|&(row, _)| gate.is_row_open(row)) {
        let regex = crate::detect::tone::phrase_row_regex(row);
        let whole: Vec<_> = regex.find_iter(lower).map(|m| m.range()).collect();
        near_rows += usize::from(matches!(gate.row_matches(row, regex, lower), Found::Near(_)));
        let found: Vec<_> = gate.row_matches(row, regex, lower).map(|m| m.range()).collect();
        if found != whole {
            return Err(format!("row {source:?}: a whole-text search finds {whole:?}, the gate {found:?}"));
        }
    }
    Ok((near, unbounded, near_rows))
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
        let paste = crate::multi::mixed_text(1 << 20).to_ascii_lowercase();
        assert_eq!(PATTERN_SET.cache_clears(&paste) + ROW_SET.cache_clears(&paste), 0);
    }

    #[test]
    fn a_short_window_without_a_match_of_the_pattern_itself_is_passed_over() {
        // The gate runs on lowercased text: "main st" ends a match of the widened street pattern, not of its own.
        let regex = m::STREET.regex();
        let text = "met at the main st diner, then on Oak St. again";
        let false_end = text.find("main st").unwrap() + "main st".len();
        let real_end = text.find("Oak St").unwrap() + "Oak St".len();
        assert!(!may_end_at(regex, text, 0, false_end));
        assert!(may_end_at(regex, text, false_end, real_end));
        // A longer window is left to the search of the text.
        let long = format!("{}{text}", "x ".repeat(NEAR_WINDOW));
        assert!(may_end_at(regex, &long, 0, 2 * NEAR_WINDOW + false_end));
    }

    #[test]
    fn what_a_match_end_tells_of_its_start() {
        let limits = |source| Limits::of(source).map(|l| (l.reach, l.breaks));
        // Unbounded, but no match holds a newline, a comma or a "!".
        assert_eq!(limits(r"(?-u:\b)[A-Z][a-z]+ (?:St|Ave)\.?"), Some((None, Some(*b"\n,!"))));
        assert_eq!(limits("[0-9]{3}-[0-9]{4}"), Some((Some(8), Some(*b"\n.,"))));
        assert_eq!(limits(r"[^x]{2}[\s\S]"), Some((Some(12), None)), "a non-ASCII character is up to four bytes");
        assert_eq!(limits("[^x]+"), None, "no limit at all");
        assert_eq!(limits("x*"), None, "matches empty text");
    }

    #[test]
    fn a_near_search_starts_where_the_earliest_match_could() {
        let text = "one, two three four";
        let mut ends: &[usize] = &[3, 13, 18];
        // A match ending at 13 and at most 5 bytes long starts at 8 ("three") at the earliest.
        let reach = Limits { reach: Some(5), breaks: None };
        assert_eq!(next_search_start(text, &mut ends, reach, 4), Some(8));
        assert_eq!(ends, [13, 18], "the end before the position is passed");
        // Unbounded, but no match holds a comma: it starts after the one before its end, or at the position.
        let comma = Limits { reach: None, breaks: Some(*b",,,") };
        assert_eq!(next_search_start(text, &mut ends, comma, 0), Some(4));
        assert_eq!(next_search_start(text, &mut ends, comma, 6), Some(6));
        assert_eq!(next_search_start(text, &mut ends, comma, 18), None, "no end is left");
    }

    #[test]
    fn searches_near_the_noted_ends_find_what_whole_searches_find() {
        let options = crate::options::CheckOptions::default();
        let mut text = crate::multi::mixed_text(NEAR_SEARCH_MIN_LEN * 4);
        // Matches back to back, overlapping candidates, and one at the very end.
        text.push_str("Room 12 room 14B, 217-555-0143217-555-0199 on 3/4/2025 3/4/2025. Call 217-555-0100");
        // The same without paragraph breaks: fewer break characters between matches.
        let joined = text.replace("\n\n", " ");
        for text in [text, joined] {
            let doc = Document::new(&text, &options, &crate::detect::testing::TEST_POLICY);
            let (near, unbounded, near_rows) = assert_gate_finds_what_whole_searches_find(&doc);
            assert!(
                near >= 20 && unbounded >= 5 && near_rows >= 5,
                "only {near} patterns ({unbounded} unbounded) and {near_rows} rows searched near their ends"
            );
        }
        // A short draft is searched whole.
        let doc = Document::new("call 217-555-0143 today", &options, &crate::detect::testing::TEST_POLICY);
        assert!(matches!(doc.gate().find_iter(&id::PHONE, &doc), Found::All(_)));
    }

    #[test]
    fn searches_near_the_noted_ends_agree_on_shuffled_pastes() {
        // Pieces glued in random orders with separators that are and are not break characters (or none, so
        // that a match can run across two pieces).
        let pieces: Vec<String> = crate::multi::mixed_text(NEAR_SEARCH_MIN_LEN)
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
            let doc = Document::new(&text, &options, &crate::detect::testing::TEST_POLICY);
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
        let words: Vec<&str> = include_str!("../bench/data/notes.txt").split_whitespace().collect();
        let mut seed: u64 = 7;
        let mut text = String::new();
        while text.len() < 60 << 10 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(' ');
        }
        let paste = text.to_ascii_lowercase();
        assert_eq!(PATTERN_SET.cache_clears(&paste) + ROW_SET.cache_clears(&paste), 0);
    }

    #[test]
    fn opens_only_for_patterns_that_match() {
        let options = crate::options::CheckOptions::default();
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
