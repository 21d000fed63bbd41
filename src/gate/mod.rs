//! The gate: one pass per draft that says which of many regexes may match, so that only those run.
//!
//! Rules search a draft with many regexes (identifier formats, mention and cue patterns, phrase-table rows),
//! and in most drafts most of them find nothing. The layer that owns the regexes hands them over once, as a
//! [`Catalog`] of [`Pattern`]s and phrase rows held in a `static`. One pass over the lowercased folded text
//! for the patterns and one for the rows (each a [`MultiPattern`]) tell which of them may match ([`Gate`],
//! built once per draft); a pattern's own regex is compiled the first time the gate opens for it and runs
//! only in drafts where it may match. The gate names no rule: it knows only the catalog it is handed and the
//! text it is given ([`Haystack`]).

mod multi;
mod near;

#[cfg(test)]
pub(crate) use multi::mixed_text;
use multi::{Case, Matched, MultiPattern};
pub(crate) use near::Found;
use near::Limits;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// The two forms of a text that a [`Pattern`] runs on.
pub(crate) trait Haystack {
    /// The folded text.
    fn text(&self) -> &str;
    /// The folded text, ASCII-lowercased (same offsets).
    fn lower(&self) -> &str;
}

/// A pattern with the text it runs on, compiled on first use.
///
/// Case-insensitive patterns are written in lowercase and run on the ASCII-lowercased text (same offsets)
/// instead of using `(?i)`: Unicode case folding makes a pattern several times larger and slower to compile.
/// For the same reason a word between cue words is `[0-9a-z_]+`, not Unicode `\w+`.
pub(crate) struct Pattern {
    source: Source,
    lower: bool,
    regex: OnceLock<Regex>,
    /// The pattern's place in its [`Catalog`], noted when the catalog's sets are built.
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

    fn haystack<'d, H: Haystack>(&self, doc: &'d H) -> &'d str {
        if self.lower {
            doc.lower()
        } else {
            doc.text()
        }
    }

    pub(crate) fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| Regex::new(self.source()).expect("privacy pattern compiles"))
    }

    /// The capture groups of `found`, a match of this pattern in `doc` ([`Gate::find_iter`]): for a pattern
    /// whose groups few of its matches need, cheaper than [`Gate::captures_iter`], which runs a slower engine
    /// over every match. A search from a match's start finds that match again.
    pub fn captures_of<'d, H: Haystack>(&self, doc: &'d H, found: &regex::Match<'d>) -> Option<regex::Captures<'d>> {
        let captures = self.regex().captures_at(self.haystack(doc), found.start())?;
        (captures.get_match().range() == found.range()).then_some(captures)
    }
}

/// Every pattern and phrase row a gate looks for, handed over once by the layer that owns them (as a
/// `static`), with what the gate works out from them on first use: the two sets, and each one's [`Limits`].
pub(crate) struct Catalog {
    patterns: &'static [&'static Pattern],
    /// The phrase rows (lowercase regexes, run on the lowercased text), asked for when a set or limits are built.
    rows: fn() -> Vec<&'static str>,
    pattern_set: OnceLock<MultiPattern>,
    row_set: OnceLock<MultiPattern>,
    limits: OnceLock<Vec<Option<Limits>>>,
    row_limits: OnceLock<Vec<Option<Limits>>>,
}

impl Catalog {
    /// A catalog of `patterns` (a pattern belongs to one catalog, listed once) and of the phrase rows `rows`
    /// gives, row `i` being the row [`Gate::is_row_open`] and [`Gate::row_matches`] call `i`.
    pub const fn new(patterns: &'static [&'static Pattern], rows: fn() -> Vec<&'static str>) -> Catalog {
        Catalog {
            patterns,
            rows,
            pattern_set: OnceLock::new(),
            row_set: OnceLock::new(),
            limits: OnceLock::new(),
            row_limits: OnceLock::new(),
        }
    }

    /// The patterns, in one set: pattern `i` of the set is `patterns[i]`.
    fn pattern_set(&self) -> &MultiPattern {
        self.pattern_set.get_or_init(|| {
            for (i, pattern) in self.patterns.iter().enumerate() {
                pattern.index.set(i).expect("each pattern is listed once");
            }
            let case = |lower| if lower { Case::Lower } else { Case::Sensitive };
            compile_set(&self.patterns.iter().map(|p| (p.source(), case(p.lower))).collect::<Vec<_>>())
        })
    }

    /// The phrase rows, in a set of their own. In one set with the patterns, each byte of text unlike any
    /// before built a state of both at once, and the cost of a state grows with all that is in progress in it:
    /// the first pass over 17 KB of new drafts cost 723 M instructions in one set and 418 M in these two.
    fn row_set(&self) -> &MultiPattern {
        self.row_set
            .get_or_init(|| compile_set(&(self.rows)().into_iter().map(|row| (row, Case::Lower)).collect::<Vec<_>>()))
    }

    /// [`Limits`] of each pattern (`limits()[i]` for `patterns[i]`), for long texts.
    fn limits(&self) -> &[Option<Limits>] {
        self.limits.get_or_init(|| self.patterns.iter().map(|p| Limits::of(p.source())).collect())
    }

    /// [`Limits`] of each phrase row, worked out on the first long text: parsing every row again is a cost that
    /// drafts of a few hundred characters need not pay.
    fn row_limits(&self) -> &[Option<Limits>] {
        self.row_limits.get_or_init(|| (self.rows)().into_iter().map(Limits::of).collect())
    }

    /// How often searching `lower` clears the two sets' caches (for the tests that size them).
    #[cfg(test)]
    pub fn cache_clears(&self, lower: &str) -> usize {
        self.pattern_set().cache_clears(lower) + self.row_set().cache_clears(lower)
    }
}

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

/// The patterns and phrase rows of a [`Catalog`] that may match somewhere in one draft: every one that
/// matches, and perhaps a few case-sensitive ones that do not (see [`MultiPattern`]), so their own regexes
/// decide.
pub(crate) struct Gate {
    catalog: &'static Catalog,
    open: Matched,
    /// The phrase rows that may match: in most drafts none does, and the tables need not look at each.
    rows: Matched,
    /// In a long text, where each pattern with [`Limits`] may end a match (`ends[i]` for the catalog's
    /// pattern `i`, see [`MultiPattern::matches_and_ends`]); empty for a short one.
    ends: Vec<Option<Vec<u32>>>,
    /// The same for each phrase row.
    row_ends: Vec<Option<Vec<u32>>>,
}

/// From this length on, the gate notes where patterns end matches, and a pattern with [`Limits`] is searched
/// for only near those ends: in a 1 MB paste a pattern found a hundred times no longer costs a scan
/// of the megabyte. Drafts shorter than this, nearly all of them, keep the plain one pass.
pub(crate) const NEAR_SEARCH_MIN_LEN: usize = 16 << 10;

impl Gate {
    /// Searches `lower` (a draft's lowercased folded text) once for every pattern of `catalog` and once for
    /// every phrase row.
    pub fn new(catalog: &'static Catalog, lower: &str) -> Gate {
        if lower.len() < NEAR_SEARCH_MIN_LEN {
            return Gate {
                catalog,
                open: catalog.pattern_set().matches(lower),
                rows: catalog.row_set().matches(lower),
                ends: Vec::new(),
                row_ends: Vec::new(),
            };
        }
        let tracked = |limits: &[Option<Limits>]| limits.iter().map(Option::is_some).collect::<Vec<bool>>();
        // Past one end per 64 bytes the searches near the ends would cover most of the text.
        let (open, ends) = catalog.pattern_set().matches_and_ends(lower, &tracked(catalog.limits()), lower.len() / 64);
        let (rows, row_ends) =
            catalog.row_set().matches_and_ends(lower, &tracked(catalog.row_limits()), lower.len() / 64);
        Gate { catalog, open, rows, ends, row_ends }
    }

    /// The catalog the gate was built over.
    pub fn catalog(&self) -> &'static Catalog {
        self.catalog
    }

    /// Matches of phrase row `row` (`regex` its regex) in the whole lowercased draft: in a long text, found by
    /// searches near where the gate saw the row end a match.
    pub fn row_matches<'d>(
        &'d self,
        row: usize,
        regex: &'static Regex,
        lower: &'d str,
    ) -> Found<'d, regex::Matches<'static, 'd>, regex::Match<'d>> {
        Found::of(regex, lower, self.row_near(row), Regex::find_iter, Regex::find_at, regex::Match::end)
    }

    /// Where `pattern`'s matches may end, when the gate noted them (see [`Gate::ends`]), with its limits.
    fn near(&self, pattern: &Pattern) -> Option<(&[u32], Limits)> {
        let index = *pattern.index.get()?;
        Some((self.ends.get(index)?.as_deref()?, self.catalog.limits()[index]?))
    }

    /// The same for phrase row `row`. `row_ends` is empty for a short draft, which so never works out the rows'
    /// limits.
    fn row_near(&self, row: usize) -> Option<(&[u32], Limits)> {
        Some((self.row_ends.get(row)?.as_deref()?, self.catalog.row_limits()[row]?))
    }

    /// True when `pattern` may match somewhere in the draft.
    pub fn is_open(&self, pattern: &Pattern) -> bool {
        // A gate exists only after its catalog's pattern set noted every listed pattern's index.
        let index = pattern.index.get().copied();
        debug_assert!(index.is_some(), "pattern {:?} is not listed in the catalog", pattern.source());
        index.is_some_and(|i| self.open.contains(i))
    }

    /// True when some phrase row may match.
    pub fn is_any_row_open(&self) -> bool {
        self.rows.len() > 0
    }

    /// True when phrase row `row` may match.
    pub fn is_row_open(&self, row: usize) -> bool {
        self.rows.contains(row)
    }

    /// True when `pattern` matches somewhere in `doc`.
    pub fn is_match<H: Haystack>(&self, pattern: &'static Pattern, doc: &H) -> bool {
        self.is_open(pattern) && pattern.regex().is_match(pattern.haystack(doc))
    }

    /// Matches of `pattern`, or none when the gate saw none.
    pub fn find_iter<'d, H: Haystack>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d H,
    ) -> Found<'d, regex::Matches<'static, 'd>, regex::Match<'d>> {
        self.found(pattern, doc, Regex::find_iter, Regex::find_at, regex::Match::end)
    }

    /// Captures of every match of `pattern`, or none when the gate saw none.
    pub fn captures_iter<'d, H: Haystack>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d H,
    ) -> Found<'d, regex::CaptureMatches<'static, 'd>, regex::Captures<'d>> {
        let end = |captures: &regex::Captures| captures.get_match().end();
        self.found(pattern, doc, Regex::captures_iter, Regex::captures_at, end)
    }

    #[inline(always)]
    fn found<'d, H: Haystack, I, T>(
        &'d self,
        pattern: &'static Pattern,
        doc: &'d H,
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

/// Compares the gate's matches and captures of every pattern of its catalog in `doc`, and its matches of every
/// open phrase row (`row_regex` gives row `i`'s regex), with a whole-text search of the pattern's or row's own
/// regex (for the unit tests and the `long_paste` fuzz target). `Ok` counts the patterns searched near their
/// ends, how many of those have no longest match, and the rows searched near their ends; `Err` names the
/// first pattern or row whose matches differ, with the match ranges (never the text).
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn compare_with_whole_searches<H: Haystack>(
    gate: &Gate,
    doc: &H,
    row_regex: fn(usize) -> &'static Regex,
) -> Result<(usize, usize, usize), String> {
    let (mut near, mut unbounded) = (0, 0);
    for pattern in gate.catalog.patterns {
        let whole: Vec<_> = pattern.regex().find_iter(pattern.haystack(doc)).map(|m| m.range()).collect();
        if let Found::Near(near_search) = gate.find_iter(pattern, doc) {
            near += 1;
            unbounded += usize::from(!near_search.has_reach());
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
    for (row, source) in (gate.catalog.rows)().into_iter().enumerate().filter(|&(row, _)| gate.is_row_open(row)) {
        let regex = row_regex(row);
        let whole: Vec<_> = regex.find_iter(lower).map(|m| m.range()).collect();
        near_rows += usize::from(matches!(gate.row_matches(row, regex, lower), Found::Near(_)));
        let found: Vec<_> = gate.row_matches(row, regex, lower).map(|m| m.range()).collect();
        if found != whole {
            return Err(format!("row {source:?}: a whole-text search finds {whole:?}, the gate {found:?}"));
        }
    }
    Ok((near, unbounded, near_rows))
}
