//! Names of people: patients, relatives, and everyone else until the judges decide.
//!
//! Found by shape and by list: a title and a name ("Mrs. Delgado", "Mr. B", "mrs henderson"), a known
//! given name with or without a family name ("Linda Carver", "carol jenkins", "Gloria"), a family ("the
//! Okafor family"), initials ("pt J.R.", "Jennifer T."), nicknames ("Big Mike", "pt named Bubba"), and
//! public titles ("Pastor Jim", "State Rep. Hal Brennan"). Clinicians and colleagues ("Dr. Osei",
//! "our pharmacist, Dana", "Nurse Ada Cole") and the organization's staff are left out.

use super::{Mention, MentionKind};
use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::text::lexicon::Lexicon;
use crate::text::Fnv;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Every word of a draft is looked up: FNV hashes these short keys faster than the default SipHash.
type NameSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

struct NameLists {
    /// Every given name: most words are none, and one lookup says so.
    given: NameSet,
    /// The given names that are also common words ("Will", "Grace"); the others are plain names.
    ambiguous: NameSet,
    surnames: NameSet,
}

static LISTS: LazyLock<NameLists> = LazyLock::new(|| {
    let mut lists =
        NameLists { given: NameSet::default(), ambiguous: NameSet::default(), surnames: NameSet::default() };
    for (section, line) in crate::text::lexicon::rows(include_str!("../../data/names/first.txt")) {
        if section == "ambiguous" {
            lists.ambiguous.insert(line);
        }
        lists.given.insert(line);
    }
    lists
        .surnames
        .extend(crate::text::lexicon::rows(include_str!("../../data/names/surnames.txt")).map(|(_, line)| line));
    lists
});

/// Role words that mark the name after them as a colleague, not a patient.
static ROLES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        "[role]\ndr\ndr.\ndoctor\ndra\nnurse\nrn\nnp\npa\nmd\ntherapist\npharmacist\ncolleague\ncoworker\nco-worker\nmanager\ndirector\nvolunteer\nchaplain\ntech\ntechnician\naide\nhygienist\nmidwife\nsurgeon\nphysician\nprovider\nteammate\nceo\ncno\nadministrator\nreceptionist\nscheduler\ncoordinator\nparamedic\nemt\nintern\nstudent\nspeaker\nauthor\ndietitian\nradiologist\nanesthesiologist\nendodontist\ndentist\northodontist\n",
    )
});

pub(crate) static TITLED: Pattern = Pattern::new(
    r"(?-u:\b)(?i:mr|mrs|ms|miss|mx|mister|sr|sra|srta|senor|senora|senorita)\.? ((?:[A-Z][a-z'-]+|[a-z][a-z'-]{2,})(?: [A-Z][a-z'-]+)?|[A-Z](?:\.|(?-u:\b)))",
);
pub(crate) static PUBLIC_TITLED: Pattern = Pattern::new(
    r"(?-u:\b)(?:Senator|Sen\.|Rep\.|Representative|State Rep\.|Congressman|Congresswoman|Governor|Gov\.|Mayor|Councilman|Councilwoman|Judge|Sheriff|Pastor|Father|Rev\.|Reverend|Rabbi|Imam|Coach|Principal|Chief) ([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)",
);
pub(crate) static NICKNAME: Pattern = Pattern::new(
    r"(?-u:\b)(?:Big|Little|Lil|Papa|Mama|Grandma|Grandpa|Granny|Uncle|Aunt|Auntie|Baby|baby|Miss) [A-Z][a-z'-]+|(?i:named) ([A-Z][a-z'-]+)",
);
pub(crate) static FAMILY: Pattern =
    Pattern::new(r"(?-u:\b)[Tt]he ([A-Z][a-z'-]+) (?:family|twins|triplets|household|kids|boys|girls)(?-u:\b)");
pub(crate) static INITIALS: Pattern =
    Pattern::new(r"(?-u:\b)(?i:pt|patient|resident)\.? ([A-Z]\.[A-Z]\.?|[A-Z]{2}(?-u:\b)|[a-z]\.[a-z]\.)");
/// A capitalized word addressed or described as a person, whether or not it is a known given name:
/// "Get well soon Dot!", "Praying for Marisela", "Jolene, who finally got her new kidney".
pub(crate) static CUED: Pattern = Pattern::new(
    r"(?-u:\b)(?:(?i:hi|hey|hello|dear|get well soon|get well|praying for|prayers for|pray for|rip|rest in peace),? ([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)|([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?), who )",
);

/// The words a name can be, as `(start, end)`: an ASCII letter, then lowercase letters, apostrophes and
/// hyphens (what the regex `[A-Za-z][a-z'-]*` finds, without a regex search per word of a long paste).
/// In order, one at a time: a long paste has hundreds of thousands.
fn name_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        let start = i;
        i += 1;
        while bytes.get(i).is_some_and(|&b| NAME_TAIL[usize::from(b)]) {
            i += 1;
        }
        Some((start, i))
    })
}

/// The bytes that go on a name word: lowercase letters, apostrophes and hyphens (a table, as every byte of a
/// draft is looked at).
const NAME_TAIL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'a'..=b'z' | b'\'' | b'-');
        b += 1;
    }
    table
};

/// Month names that are also given names ("Jan", "May", "June"): a month when a day number follows.
const MONTHS: &[&str] = &["jan", "may", "june", "april", "august"];

/// Two capitals after "pt" that are a word, not initials: "pt ID 4471", "pt OK", "pt in ED".
const NOT_INITIALS: &[&str] = &[
    "ID", "OK", "IV", "ED", "ER", "OR", "AM", "PM", "RN", "MD", "NP", "PA", "PT", "OT", "DC", "TV", "US", "IN", "IS",
    "TO",
];

/// Words that are capitalized at a sentence start or in a greeting but are never names here.
const NOT_NAMES: &[&str] = &[
    "the", "our", "this", "that", "and", "but", "she", "he", "they", "we", "you", "happy", "thanks", "please",
    "patient", "room", "bed", "nurse", "doctor", "baby", "mom", "dad", "family", "team", "staff", "all", "everyone",
    "mr", "mrs", "ms", "miss", "mx", "dr", "coach", "pastor", "senator", "mayor",
];

/// Every name mention in the draft (not yet judged).
pub(crate) fn find_names(doc: &Document, gate: &Gate) -> Vec<Mention> {
    let text = doc.text();
    let lists = &*LISTS;
    let mut out: Vec<Mention> = Vec::new();
    let mut push = |start: usize, end: usize, public: bool, strong: bool| {
        out.push(Mention { start, end, kind: MentionKind::Name { public, strong } });
    };

    // Where the name is in a match is read off the match, not asked of capture groups: a search for groups
    // runs a slower engine over every match (6 % of a 1 MB check in wasm, with the age phrase). The groups say
    // the same (tested); only `CUED` keeps them, as its cue phrases overlap.
    for whole in gate.find_iter(&TITLED, doc) {
        let name_start = whole.start() + after_title(whole.as_str());
        let name = &text[name_start..whole.end()];
        let lowered = name.to_ascii_lowercase();
        if NOT_NAMES.contains(&lowered.as_str()) || COMMON_WORDS.contains(&lowered.as_str()) {
            continue;
        }
        // A lowercase title needs a lowercase name ("mrs henderson"); "Ms. smith" style mixes are rare.
        let title_lower = text[whole.start()..].starts_with(|c: char| c.is_ascii_lowercase());
        // Spanish titles are written lowercase before a capitalized name ("la señora Ibarra", "la señora del 12").
        let spanish = text[whole.start()..].get(..3).is_some_and(|t| t.eq_ignore_ascii_case("sen"));
        if name.starts_with(|c: char| c.is_ascii_lowercase()) && (!title_lower || spanish) {
            continue;
        }
        // A bare initial keeps its title ("Mr. B"); a surname stands alone ("Henley").
        let start = if name.len() <= 2 { whole.start() } else { name_start };
        push(start, whole.end(), false, true);
    }
    for whole in gate.find_iter(&PUBLIC_TITLED, doc) {
        push(whole.start() + after_title(whole.as_str()), whole.end(), true, true);
    }
    for whole in gate.find_iter(&NICKNAME, doc) {
        push(whole.start() + after_named(whole.as_str()), whole.end(), false, true);
    }
    for whole in gate.find_iter(&FAMILY, doc) {
        let name = family_name(whole.as_str());
        push(whole.start() + name.start, whole.start() + name.end, false, true);
    }
    for whole in gate.find_iter(&INITIALS, doc) {
        let initials = &whole.as_str()[after_title(whole.as_str())..];
        if matches!(initials, "e.g." | "i.e.") || NOT_INITIALS.contains(&initials) {
            continue;
        }
        push(whole.end() - initials.len(), whole.end(), false, true);
    }

    for caps in gate.captures_iter(&CUED, doc) {
        let (m, addressed) = match (caps.get(1), caps.get(2)) {
            (Some(m), _) => (m, true),
            (None, Some(m)) => (m, false),
            _ => continue,
        };
        let first = m.as_str().split(' ').next().unwrap_or("").to_ascii_lowercase();
        if NOT_NAMES.contains(&first.as_str()) || COMMON_WORDS.contains(&first.as_str()) || is_place_word(m.as_str()) {
            continue;
        }
        push(m.start(), m.end(), false, addressed);
    }

    // Given names from the list, with a following family name or initial when there is one.
    let mut words = name_words(text).peekable();
    while let Some((start, end)) = words.next() {
        let word = &text[start..end];
        let mut base = word;
        while let Some(shorter) = base.strip_suffix("'s") {
            base = shorter;
        }
        // The lowercased text has the same offsets: no copy per word.
        let lower = &doc.lower()[start..start + base.len()];
        if !lists.given.contains(lower) {
            continue;
        }
        let capitalized =
            base.starts_with(|c: char| c.is_ascii_uppercase()) && !base.chars().skip(1).any(|c| c.is_ascii_uppercase());
        let ambiguous = lists.ambiguous.contains(lower);
        let known = !ambiguous;
        // Part of a longer word ("McDonald's"), or a month before a day ("Jan 5 1949").
        let inside_word = text[..start].ends_with(|c: char| c.is_alphabetic());
        let month_day = MONTHS.contains(&lower) && text[end..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        if inside_word || month_day {
            continue;
        }
        let next = words.peek().copied().filter(|&(s, _)| text[end..s].chars().all(|c| c == ' '));
        let next_word = next.map(|(s, e)| &text[s..e]);
        let surname_follows = next_word.is_some_and(|w| {
            let w_lower = w.to_ascii_lowercase();
            if capitalized {
                (w.starts_with(|c: char| c.is_ascii_uppercase())
                    && !COMMON_WORDS.contains(&w_lower.as_str())
                    && !is_place_word(w))
                    || w.len() == 1 && w != "I"
            } else {
                lists.surnames.contains(w_lower.trim_end_matches("'s"))
            }
        });
        if !(capitalized || known && surname_follows) {
            continue;
        }
        if ambiguous && !surname_follows && !is_greeted(text, start) {
            continue;
        }
        // Initial after a given name: "Chris B", "Jennifer T."
        let end = match (surname_follows, next) {
            (true, Some((_, e))) => {
                if text[e..].starts_with('.') && e - start < 64 && text[..e].ends_with(|c: char| c.is_ascii_uppercase())
                {
                    e + 1
                } else {
                    e
                }
            }
            _ => start + base.len(),
        };
        push(start, end, false, surname_follows || is_greeted(text, start));
    }

    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    // Every kept name starts at or before this one, so one of them contains it exactly when the furthest end
    // among them reaches its end: no pass over the kept names per name (a long paste has thousands).
    let mut furthest_end: Option<usize> = None;
    for m in out {
        if furthest_end.is_some_and(|end| m.end <= end) {
            continue;
        }
        furthest_end = Some(m.end);
        kept.push(m);
    }
    // Colleagues are dropped after merging, so that "Tom" inside "therapist Tom Bradley" goes with him.
    kept.retain(|m| !is_colleague(doc, m.start, m.end));
    kept
}

/// Where the name starts in a match of [`TITLED`], [`PUBLIC_TITLED`] or [`INITIALS`]: after the title and the
/// space that follows it. No title holds a space but "State Rep.".
fn after_title(whole: &str) -> usize {
    let title = if whole.starts_with("State Rep. ") { "State Rep.".len() } else { 0 };
    whole[title..].find(' ').map_or(whole.len(), |space| title + space + 1)
}

/// Where the name starts in a match of [`NICKNAME`]: after "named", or the whole nickname ("Big Mike").
fn after_named(whole: &str) -> usize {
    if whole.get(..6).is_some_and(|cue| cue.eq_ignore_ascii_case("named ")) {
        6
    } else {
        0
    }
}

/// The family name in a match of [`FAMILY`]: the word after "the" ("the Okafor family").
fn family_name(whole: &str) -> std::ops::Range<usize> {
    let end = whole[4..].find(' ').map_or(whole.len(), |space| 4 + space);
    4..end
}

/// True when a greeting or address comes right before the name ("Hi Dawn", "Dear Grace,").
fn is_greeted(text: &str, start: usize) -> bool {
    let before = lower_tail(text, start);
    ["hi", "hey", "hello", "dear", "tell", "thanks", "congrats", "for you", "miss you", "love you", "sorry", "loss,"]
        .iter()
        .any(|cue| before.ends_with(cue))
}

/// The last characters before `start`, trimmed and ASCII-lowercased: enough for the short cues checked
/// against it, without lowercasing the whole draft before every name (quadratic on a long paste).
fn lower_tail(text: &str, start: usize) -> String {
    let before = text[..start].trim_end();
    let mut from = before.len().saturating_sub(16);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    before[from..].to_ascii_lowercase()
}

fn is_place_word(word: &str) -> bool {
    matches!(
        word,
        "St" | "Street"
            | "Ave"
            | "Avenue"
            | "Rd"
            | "Road"
            | "Elementary"
            | "Middle"
            | "High"
            | "Hospital"
            | "Center"
            | "Clinic"
            | "County"
            | "Health"
            | "Baptist"
            | "Church"
            | "School"
            | "Park"
    )
}

/// True when the name belongs to a clinician or colleague: the organization's staff list, or a role word
/// just before it ("Dr.", "our pharmacist,", "respiratory therapist").
fn is_colleague(doc: &Document, start: usize, end: usize) -> bool {
    if doc.is_org(start, end) {
        return true;
    }
    let text = doc.text();
    let patient_title = {
        let before = lower_tail(text, start);
        ["mr", "mrs", "ms", "miss", "mr.", "mrs.", "ms.", "patient", "pt", "resident"]
            .iter()
            .any(|t| before.ends_with(t))
    };
    if !patient_title && is_staff_part(doc, &text[start..end]) {
        return true;
    }
    let is_role = |w: &&str| ROLES.find(w).next().is_some_and(|t| t.end - t.start == w.len());
    // The role word just before: "Dr. Amy Cole", "respiratory therapist Tom Bradley" (an abbreviation's
    // period is not the end of a sentence).
    let before = doc.before(start, 32).trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    let window = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or(before);
    let words: Vec<&str> = window.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.last().is_some_and(is_role) {
        return true;
    }
    // The role right after: "Tom Bradley, our respiratory therapist", "Dana, RN", "Nancy Porter after 30
    // years as a labor and delivery nurse".
    let after = doc.after(end, 60);
    let words: Vec<&str> = after.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(10).collect();
    let apposition = doc.text()[end..].trim_start().starts_with(',') && words.iter().take(3).any(is_role);
    let serving_as = words.windows(2).position(|w| w[0] == "as" && matches!(w[1], "a" | "an" | "our" | "the"));
    apposition || serving_as.is_some_and(|at| words[at + 2..].iter().take(4).any(is_role))
}

/// True when every word of `name` is part of a staff member's name.
fn is_staff_part(doc: &Document, name: &str) -> bool {
    let lists = doc.policy.lists();
    name.split(' ').all(|word| lists.is_staff_word(word))
}

/// Capitalized words that follow a given name without being a family name.
const COMMON_WORDS: &[&str] = &[
    "the",
    "and",
    "or",
    "but",
    "is",
    "was",
    "has",
    "had",
    "who",
    "from",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "of",
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "our",
    "my",
    "your",
    "his",
    "her",
    "their",
    "this",
    "that",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "happy",
    "thank",
    "thanks",
    "please",
    "congrats",
    "congratulations",
    "welcome",
    "nurse",
    "dr",
    "rn",
    "md",
    "er",
    "ed",
    "icu",
    "or",
    "pt",
    "am",
    "pm",
    "lol",
    "omg",
    "ok",
    "okay",
    "yes",
    "no",
    "hi",
    "hey",
    "just",
    "still",
    "also",
    "so",
    "not",
    "all",
    "every",
    "new",
    "big",
    "little",
    "dear",
    "mom",
    "dad",
    "baby",
    "family",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::CheckOptions;
    use crate::testing::TEST_POLICY;

    #[test]
    fn name_words_are_what_the_regex_finds() {
        let text = "O'Neil-Smith met McDonald's DJ, d'Arcy x2 Zoë and JOSÉ at 5pm; ana-maria--lee's 'Bo' -x";
        let regex = regex::Regex::new(r"[A-Za-z][a-z'-]*").unwrap();
        let expected: Vec<(usize, usize)> = regex.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(name_words(text).collect::<Vec<_>>(), expected);
    }

    /// A name is listed either as plain or as ambiguous: `find_names` reads "not ambiguous" as "plain".
    #[test]
    fn no_given_name_is_both_plain_and_ambiguous() {
        let rows = crate::text::lexicon::rows(include_str!("../../data/names/first.txt"));
        let (ambiguous, plain): (Vec<_>, Vec<_>) = rows.partition(|(section, _)| *section == "ambiguous");
        let plain: HashSet<&str> = plain.into_iter().map(|(_, name)| name).collect();
        for (_, name) in ambiguous {
            assert!(!plain.contains(name), "{name} is listed as plain and as ambiguous");
        }
    }

    /// Where the name is, read off a match, equals what the pattern's capture group says.
    #[test]
    fn name_parts_read_off_matches_equal_the_capture_groups() {
        let check = |pattern: &Pattern, text: &str, count: usize, part: fn(&str) -> std::ops::Range<usize>| {
            let regex = regex::Regex::new(pattern.source()).unwrap();
            let found: Vec<regex::Captures> = regex.captures_iter(text).collect();
            assert_eq!(found.len(), count, "{text}");
            for caps in found {
                let whole = caps.get(0).unwrap();
                let group = caps.get(1).unwrap_or(whole);
                assert_eq!(&whole.as_str()[part(whole.as_str())], group.as_str(), "{}", whole.as_str());
            }
        };
        let after_title_to_end = |whole: &str| after_title(whole)..whole.len();
        check(&TITLED, "Mrs. Delgado, mr smith, Ms. Ray Allen, Mr. B. and senora Ibarra", 5, after_title_to_end);
        check(
            &PUBLIC_TITLED,
            "State Rep. Hal Brennan, Senator Ortiz, Rep. Ana Ruiz, Pastor Jim Cole",
            4,
            after_title_to_end,
        );
        check(&INITIALS, "pt J.R. and patient KB, resident m.k. then Pt. A.B", 4, after_title_to_end);
        check(&NICKNAME, "Big Mike, a pt named Bubba, NAMED Ray and Baby Jo", 4, |whole| {
            after_named(whole)..whole.len()
        });
        check(&FAMILY, "the Okafor family and The Lee twins", 2, family_name);
    }

    fn names(text: &str) -> Vec<String> {
        let options = CheckOptions::default();
        let doc = Document::new(text, &options, &TEST_POLICY);
        find_names(&doc, crate::evidence::gate(&doc)).into_iter().map(|m| text[m.start..m.end].to_string()).collect()
    }

    #[test]
    fn finds_titled_names_initials_and_families() {
        assert_eq!(names("Mrs. Delgado rang the bell"), vec!["Delgado"]);
        assert_eq!(names("thanks Mr. B!"), vec!["Mr. B"]);
        assert_eq!(names("mrs henderson is back"), vec!["henderson"]);
        assert_eq!(names("pt J.R. back again"), vec!["J.R."]);
        assert_eq!(names("hugs to the Okafor family"), vec!["Okafor"]);
        assert_eq!(names("pt named Bubba came in"), vec!["Bubba"]);
        assert_eq!(names("Big Mike from dialysis"), vec!["Big Mike"]);
    }

    #[test]
    fn finds_given_names_with_and_without_family_names() {
        assert_eq!(names("meet Linda Carver today"), vec!["Linda Carver"]);
        assert_eq!(names("is carol jenkins ok?"), vec!["carol jenkins"]);
        assert_eq!(names("hey Chris B lol"), vec!["Chris B"]);
        assert_eq!(names("Dear Jennifer T. we hear you"), vec!["Jennifer T."]);
        assert_eq!(names("Praying for you Gloria!!"), vec!["Gloria"]);
        assert_eq!(names("Hi Dawn, thanks"), vec!["Dawn"]);
        assert_eq!(names("Get well soon Dot!"), vec!["Dot"]);
        assert_eq!(names("so happy for Jolene, who got her new kidney"), vec!["Jolene"]);
        assert_eq!(names("pt j.m. in bay 3 pulled his line"), vec!["j.m."]);
        assert!(names("the patient e.g. may feel dizzy").is_empty());
        assert!(names("pt ID 4471 called back").is_empty());
        assert!(names("she asked him to bring McDonald's to the room").is_empty());
        assert!(names("DOB Jan 5 1949, admitted May 3").is_empty());
        assert_eq!(names("@Rhonda I found it"), vec!["Rhonda"]);
    }

    #[test]
    fn leaves_out_colleagues_and_ordinary_words() {
        assert!(
            names("Dr. Priya Raman and Nurse Ada Cole").is_empty(),
            "{:?}",
            names("Dr. Priya Raman and Nurse Ada Cole")
        );
        assert!(names("our pharmacist, Dana, shows how").is_empty());
        assert!(names("respiratory therapist Tom Bradley retired").is_empty());
        assert!(names("I will hope for the best in May").is_empty());
        assert!(names("Congrats Priya on the award").is_empty());
        assert!(names("Grand rounds: Dr. Amy Cole on sepsis").is_empty());
        assert!(names("Happy retirement to Nancy Porter after 30 years as a labor and delivery nurse").is_empty());
        assert!(names("Welcome Jorge Ruiz, who joins us as our new pharmacist").is_empty());
    }

    #[test]
    fn a_staff_surname_with_a_patient_title_is_a_patient() {
        assert_eq!(names("Dear Ms. Raman, your results"), vec!["Raman"]);
    }

    #[test]
    fn name_lists_are_lowercase_and_unique() {
        for data in [include_str!("../../data/names/first.txt"), include_str!("../../data/names/surnames.txt")] {
            let mut seen = HashSet::new();
            for line in data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
                if line.starts_with('[') {
                    continue;
                }
                assert_eq!(line, line.to_lowercase(), "names are lowercase: {line}");
                assert!(seen.insert(line), "listed twice: {line}");
                assert!(!["patient", "cancer", "doctor", "nurse"].contains(&line), "not a name: {line}");
            }
        }
    }

    #[test]
    fn marks_public_titles() {
        let options = CheckOptions::default();
        let doc = Document::new("State Rep. Hal Brennan was here", &options, &TEST_POLICY);
        let found = find_names(&doc, crate::evidence::gate(&doc));
        assert!(found.iter().any(|m| m.kind == MentionKind::Name { public: true, strong: true }));
    }
}
