//! Searches near where the gate saw a pattern end a match, for long texts: in a 1 MB paste a pattern found a
//! hundred times then costs a hundred short searches, not a scan of the megabyte.
//!
//! From [`super::NEAR_SEARCH_MIN_LEN`] on, the gate's one pass notes where each pattern with [`Limits`] may end
//! a match; [`Near`] finds the matches a whole-text iteration finds by searching from just before those ends.

use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Where a match of a pattern can start, given where it ends: a match `[s, e)` starts at `e - reach` or later,
/// and after the last of the `breaks` before `e`.
#[derive(Clone, Copy)]
pub(super) struct Limits {
    /// The longest match, in bytes, if there is a limit.
    pub(super) reach: Option<usize>,
    /// Up to three ASCII characters no match contains (repeated to fill), the most common in text first.
    pub(super) breaks: Option<[u8; 3]>,
}

/// Characters that end a pattern's run through the text when it cannot contain them, the most common in
/// drafts first.
const BREAK_CANDIDATES: &[u8] = b"\n.,!?;:()\"";

impl Limits {
    /// What a match's end tells of its start for pattern `source`; `None` when it may match empty text or
    /// has no limits.
    pub(super) fn of(source: &str) -> Option<Limits> {
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
    /// `iter` over the whole text. Always inlined, as [`super::Gate::find_iter`]'s path is taken for every open pattern.
    #[inline(always)]
    pub(super) fn of(
        regex: &'static Regex,
        haystack: &'d str,
        near: Option<(&'d [u32], Limits)>,
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
    ends: &'d [u32],
    limits: Limits,
    /// Where the whole-text iteration would search next.
    at: usize,
    search: fn(&'static Regex, &'d str, usize) -> Option<T>,
    end: fn(&T) -> usize,
}

impl<T> Near<'_, T> {
    /// True when the pattern has a longest match (else only break characters bound a match's start).
    #[cfg(any(test, feature = "fuzzing"))]
    pub(super) fn has_reach(&self) -> bool {
        self.limits.reach.is_some()
    }
}

impl<T> Iterator for Near<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let mut from = next_search_start(self.haystack, &mut self.ends, self.limits, self.at)?;
        while !may_end_at(self.regex, self.haystack, from, self.ends[0] as usize) {
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
fn next_search_start(haystack: &str, ends: &mut &[u32], limits: Limits, at: usize) -> Option<usize> {
    *ends = &ends[ends.partition_point(|&end| end as usize <= at)..];
    let end = *ends.first()? as usize;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_window_without_a_match_of_the_pattern_itself_is_passed_over() {
        // The gate runs on lowercased text: "main st" ends a match of a widened street pattern, not of its own.
        let regex = &Regex::new(r"(?-u:\b)[A-Z][a-z]+ St(?-u:\b)\.?").unwrap();
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
        let mut ends: &[u32] = &[3, 13, 18];
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
}
