//! The phrase tables (`src/data/tone/*.txt`, see its README): what the draft says in so many words, found by
//! rows of regexes with the safer wording to offer. The tone judges read their tables' matches; the rows are
//! searched for in the gate's one pass ([`super::CATALOG`]), and only the rows that may match run.

use crate::doc::Document;
use regex::Regex;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// The phrase tables (`src/data/tone/*.txt`, see its README): rows `regex => suggestion` under `[category]`
/// headers, `#` comments. Regexes are written in lowercase and run on the lowercased folded text; `\b` means
/// an ASCII word boundary.
///
/// The rows of every table are searched for in the one pass of gate ([`super::CATALOG`]): it tells which rows may
/// match anywhere in a draft, and only those rows' regexes run to find the positions (each compiled the
/// first time it is needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    CureClaims,
    DefensiveReply,
    DisparagingColleague,
    IdentityAttacks,
    Insult,
    Misinformation,
    MockingPatients,
    PatientSlang,
    Sexual,
    Stigmatizing,
    Threat,
    Tragedy,
}

impl Table {
    const ALL: [Table; 12] = [
        Table::CureClaims,
        Table::DefensiveReply,
        Table::DisparagingColleague,
        Table::IdentityAttacks,
        Table::Insult,
        Table::Misinformation,
        Table::MockingPatients,
        Table::PatientSlang,
        Table::Sexual,
        Table::Stigmatizing,
        Table::Threat,
        Table::Tragedy,
    ];

    fn data(self) -> &'static str {
        match self {
            Table::CureClaims => include_str!("../data/tone/cure_claims.txt"),
            Table::DefensiveReply => include_str!("../data/tone/defensive_reply.txt"),
            Table::DisparagingColleague => include_str!("../data/tone/disparaging_colleague.txt"),
            Table::IdentityAttacks => include_str!("../data/tone/identity_attacks.txt"),
            Table::Insult => include_str!("../data/tone/insult.txt"),
            Table::Misinformation => include_str!("../data/tone/misinformation.txt"),
            Table::MockingPatients => include_str!("../data/tone/mocking_patients.txt"),
            Table::PatientSlang => include_str!("../data/tone/patient_slang.txt"),
            Table::Sexual => include_str!("../data/tone/sexual.txt"),
            Table::Stigmatizing => include_str!("../data/tone/stigmatizing.txt"),
            Table::Threat => include_str!("../data/tone/threat.txt"),
            Table::Tragedy => include_str!("../data/tone/tragedy.txt"),
        }
    }

    /// Every match of the table's rows in the draft, sorted by position; of overlapping matches the longest.
    pub fn find(self, doc: &Document) -> Vec<Phrase> {
        let gate = super::gate(doc);
        if !gate.is_any_row_open() {
            return Vec::new();
        }
        let lower = doc.lower();
        PHRASES.find(self as usize, |row| gate.is_row_open(row), |row, regex| gate.row_matches(row, regex, lower))
    }

    /// Every match in `part`, a sentence (or run of sentences) of the draft's lowercased text; offsets are
    /// relative to `part`.
    ///
    /// Only the rows that match in the whole draft are tried, which is enough: rows use no anchors
    /// (`^ $ \A \z`) nor `\B`, and a sentence starts and ends next to a non-word character, so every `\b`
    /// true inside the sentence is true in the draft.
    pub fn find_in(self, doc: &Document, part: &str) -> Vec<Phrase> {
        let gate = super::gate(doc);
        if !gate.is_any_row_open() {
            return Vec::new();
        }
        PHRASES.find(self as usize, |row| gate.is_row_open(row), |_, regex| regex.find_iter(part))
    }

    /// The sentences (indexes in [`Document::sentences`]) that the table's matches in the whole draft touch:
    /// every row's matches, overlapping ones too (an empty one as its next byte). A row that matches in a
    /// sentence on its own ([`Table::find_in`]) matches at that place in the draft too, and a search of the
    /// whole draft stops there or at a match across it: a sentence not listed has no match of the table.
    pub fn sentences_touched(self, doc: &Document) -> Vec<usize> {
        let gate = super::gate(doc);
        let lower = doc.lower();
        let mut ranges = Vec::new();
        if gate.is_any_row_open() {
            for row in PHRASES.open_rows(self as usize, |row| gate.is_row_open(row)) {
                let matches = gate.row_matches(row, PHRASES.regex(row), lower);
                ranges.extend(matches.map(|m| (m.start(), m.end().max(m.start() + 1))));
            }
        }
        doc.sentences_touched(ranges)
    }

    /// True when some row matches somewhere in the draft.
    pub fn is_match(self, doc: &Document) -> bool {
        let gate = super::gate(doc);
        gate.is_any_row_open() && PHRASES.is_match(self as usize, |row| gate.is_row_open(row), doc.lower())
    }
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases::parse(&Table::ALL.map(Table::data)));

/// The pattern of every row of every table, in order: the rows the gate searches for ([`super::CATALOG`]).
pub(crate) fn rows() -> Vec<&'static str> {
    PHRASES.rows.iter().map(|row| row.pattern.as_str()).collect()
}

/// The regex of phrase row `row` (its place in [`rows`]).
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn row_regex(row: usize) -> &'static Regex {
    PHRASES.regex(row)
}

/// The rows of several phrase tables. Positions come from the rows' own regexes.
struct Phrases {
    rows: Vec<Row>,
    /// The rows of each table, in the order the tables were given.
    tables: Vec<Range<usize>>,
}

struct Row {
    pattern: String,
    /// Compiled the first time the row matches a draft: most rows never do in a session.
    regex: OnceLock<Regex>,
    category: &'static str,
    suggestion: Option<&'static str>,
}

/// One phrase found by a [`Table`] (byte offsets into the text searched).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub category: &'static str,
    pub suggestion: Option<&'static str>,
}

impl Phrases {
    /// Parses built-in tables (compiled when used; a test compiles every row).
    fn parse(tables: &[&'static str]) -> Phrases {
        let mut rows = Vec::new();
        let mut ranges = Vec::new();
        for data in tables {
            let first = rows.len();
            let mut category = "";
            for line in data.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    category = name;
                    continue;
                }
                let (pattern, suggestion) = match line.split_once(" => ") {
                    Some((p, s)) => (p.trim(), Some(s.trim())),
                    None => (line, None),
                };
                let pattern = pattern.replace(r"\b", r"(?-u:\b)");
                rows.push(Row { pattern, regex: OnceLock::new(), category, suggestion });
            }
            ranges.push(first..rows.len());
        }
        Phrases { rows, tables: ranges }
    }

    fn regex(&self, row: usize) -> &Regex {
        let row = &self.rows[row];
        row.regex.get_or_init(|| Regex::new(&row.pattern).expect("row compiled in the set"))
    }

    /// The rows of `table` for which `open` says the row may match.
    fn open_rows(&self, table: usize, open: impl Fn(usize) -> bool) -> impl Iterator<Item = usize> {
        self.tables[table].clone().filter(move |&row| open(row))
    }

    /// Every match of the rows of `table` for which `open` says the row may match, as `matches` gives each
    /// row's (from its place and regex).
    fn find<'p, 't, I: Iterator<Item = regex::Match<'t>>>(
        &'p self,
        table: usize,
        open: impl Fn(usize) -> bool,
        matches: impl Fn(usize, &'p Regex) -> I,
    ) -> Vec<Phrase> {
        let mut found = Vec::new();
        for index in self.open_rows(table, open) {
            let row = &self.rows[index];
            for m in matches(index, self.regex(index)) {
                found.push(Phrase {
                    start: m.start(),
                    end: m.end(),
                    category: row.category,
                    suggestion: row.suggestion,
                });
            }
        }
        found.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
        // Keep the longest of overlapping matches so one phrase yields one finding.
        let mut kept: Vec<Phrase> = Vec::with_capacity(found.len());
        for phrase in found {
            if kept.last().is_some_and(|last| phrase.start < last.end) {
                continue;
            }
            kept.push(phrase);
        }
        kept
    }

    fn is_match(&self, table: usize, open: impl Fn(usize) -> bool, lower: &str) -> bool {
        self.open_rows(table, open).any(|row| self.regex(row).is_match(lower))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::WordList;

    fn find(phrases: &Phrases, table: usize, lower: &str) -> Vec<(usize, usize, &'static str)> {
        phrases
            .find(table, |_| true, |_, regex| regex.find_iter(lower))
            .iter()
            .map(|p| (p.start, p.end, p.category))
            .collect()
    }

    #[test]
    fn phrase_table_keeps_the_longest_overlapping_match() {
        let phrases = Phrases::parse(&["[a]\n\\bnot true\\b => say less\n\\bsimply not true\\b\n"]);
        assert_eq!(find(&phrases, 0, "that's simply not true"), [(7, 22, "a")]);
        assert_eq!(phrases.len(), 2);
    }

    #[test]
    fn tables_parts_of_the_draft_and_open_rows() {
        let phrases = Phrases::parse(&["[first]\n\\bcat\\b\n", "[second]\n\\bdog\\b\n\\bcat nap\\b\n"]);
        let lower = "the cat saw a dog. then a cat nap";
        assert_eq!(find(&phrases, 0, lower), [(4, 7, "first"), (26, 29, "first")]);
        assert_eq!(find(&phrases, 1, lower), [(14, 17, "second"), (26, 33, "second")]);
        // A part of the draft: offsets are the part's.
        assert_eq!(find(&phrases, 1, &lower[19..]), [(7, 14, "second")]);
        // Only the rows the gate opened are tried (rows are numbered across tables).
        let found = phrases.find(1, |row| row == 2, |_, regex| regex.find_iter(lower));
        assert_eq!(found.iter().map(|p| (p.start, p.end)).collect::<Vec<_>>(), [(26, 33)]);
        assert!(phrases.is_match(0, |_| true, lower));
        assert!(!phrases.is_match(0, |_| false, lower));
        assert!(!phrases.is_match(0, |_| true, "no pets"));
    }

    #[test]
    fn a_table_matching_in_a_sentence_has_a_match_in_the_draft_touching_it() {
        let options = crate::options::CheckOptions::default();
        // A long paste (rows searched near their ends) and a short one, with every table's rows in the drafts.
        let long = crate::gate::mixed_text(crate::gate::NEAR_SEARCH_MIN_LEN * 2);
        let short = include_str!("../../bench/data/post2000.txt");
        let mut parts_with_matches = 0;
        for text in [long.as_str(), short] {
            let doc = Document::new(text, &options, &crate::testing::TEST_POLICY);
            for table in Table::ALL {
                let touched = table.sentences_touched(&doc);
                for (i, (start, end)) in doc.sentences().iter().enumerate() {
                    if !table.find_in(&doc, &doc.lower()[start..end]).is_empty() {
                        parts_with_matches += 1;
                        assert!(touched.binary_search(&i).is_ok(), "{table:?} in {start}..{end}");
                    }
                }
            }
        }
        assert!(parts_with_matches >= 20, "only {parts_with_matches} sentences hold a row's match");
    }

    #[test]
    fn rows_are_found_through_the_gate_in_any_case() {
        let options = crate::options::CheckOptions::default();
        let doc = Document::new("That's SIMPLY NOT TRUE.", &options, &crate::testing::TEST_POLICY);
        assert!(Table::ALL.iter().any(|table| !table.find(&doc).is_empty()));
        let doc = Document::new("A quiet day.", &options, &crate::testing::TEST_POLICY);
        assert!(Table::ALL.iter().all(|table| table.find(&doc).is_empty()));
    }

    /// Every built-in table compiles, is non-empty and has no duplicate rows.
    #[test]
    fn every_table_and_list_is_valid() {
        for table in Table::ALL {
            let name = format!("{table:?}");
            let data = table.data();
            let phrases = Phrases::parse(&[data]);
            assert!(phrases.len() > 0, "{name} is empty");
            for row in 0..phrases.len() {
                phrases.regex(row);
            }
            assert_unique(&name, data);
        }
        for (name, data) in [
            ("profanity", include_str!("../data/tone/profanity.txt")),
            ("slurs", include_str!("../data/tone/slurs.txt")),
            ("insult_words", include_str!("../data/tone/insult_words.txt")),
        ] {
            assert!(WordList::parse(data).len() > 0, "{name} is empty");
            assert_unique(name, data);
        }
    }

    fn assert_unique(name: &str, data: &str) {
        let mut rows: Vec<&str> = data
            .lines()
            .map(|l| l.split(" => ").next().unwrap_or("").trim())
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .collect();
        let count = rows.len();
        rows.sort_unstable();
        rows.dedup();
        assert_eq!(rows.len(), count, "{name} has duplicate rows");
    }
}
