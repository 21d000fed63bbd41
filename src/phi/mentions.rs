//! Mentions: the pieces of a draft that can point at a person, before anyone decides whether they do.
//!
//! Dates ("3/4/51", "Tuesday at 9:15", "the Fourth of July"), ages ("58yo", "41F", "91 años"), rooms
//! ("bed 22", "pod C, bed 4", "3 North"), places ("from Decatur", "Lincoln Elementary", "Route 9", "Oak St"),
//! and softer clues: an occupation, a news event, a relative's job or home, a rare case, birth details.
//! Names are found in `names.rs`.

use super::names::find_names;
use crate::doc::Document;
use crate::report::Identifier;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A person's name. `public`: with a public title (Senator, Pastor). `strong`: a title or full name.
    Name { public: bool, strong: bool },
    /// A date or time. `numeric`: "3/4/51"-like or a written calendar date. `dob`: marked as a birth date.
    Date { numeric: bool, dob: bool },
    /// An exact age in years.
    Age { years: u32 },
    /// A room, bed or bay; `unit`: only a unit name such as "3 North".
    Room { unit: bool },
    /// A town, school, street, employer or station.
    Place,
    /// A job that narrows the person down ("teacher", "firefighter").
    Occupation,
    /// A news-making event ("the Route 9 pileup", "warehouse fire").
    NewsEvent,
    /// A relative's or employer's detail ("her mom works the register at").
    Relative,
    /// A rare case ("the only confirmed case").
    Rare,
    /// Birth details ("26-weeker", "1 lb 9 oz at birth").
    Birth,
}

/// One mention, in byte offsets of the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

impl Mention {
    /// The identifier type of the mention, when it is one of the Safe Harbor identifiers.
    pub fn identifier(&self) -> Option<Identifier> {
        match self.kind {
            MentionKind::Name { .. } => Some(Identifier::Name),
            MentionKind::Date { .. } => Some(Identifier::Date),
            MentionKind::Age { .. } => Some(Identifier::Age),
            MentionKind::Room { .. } => Some(Identifier::Room),
            MentionKind::Place => Some(Identifier::Place),
            _ => None,
        }
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("mention pattern compiles")
}

const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAYS: &str =
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{1,2})([/.-])(\d{1,2})(?:[/.-](\d{2}|\d{4}))?(?-u:\b)"));
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{MONTHS})(?:,? \d{{4}})?|\d{{1,2}} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre))(?-u:\b)"
    ))
});
static WEEKDAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:(?:last|this|next|every|on) )?(?:{WEEKDAYS})s?(?: and (?:{WEEKDAYS})s?)?(?: (?:morning|afternoon|evening|night))?(?: at \d{{1,2}}(?::\d{{2}})? ?(?:am|pm|a\.m\.|p\.m\.)?)?(?-u:\b)"
    ))
});
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:in|since|during|early|late|last|this|next) (January|February|March|April|June|July|August|September|October|November|December)(?-u:\b)",
    )
});
static TIME: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)\d{1,2}:\d{2}(?: ?(?:am|pm))?(?-u:\b)"));
static ORDINAL_DAY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)the \d{1,2}(?:st|nd|rd|th)(?-u:\b)"));
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:fourth of july|4th of july|july 4th|christmas(?: eve| day)?|thanksgiving|new year'?s(?: eve| day)?|halloween|easter|memorial day|labor day|super bowl sunday)(?-u:\b)",
    )
});
static DOB_CUE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthdate|b-day)[\s:#-]*$"));

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(\d{1,3})(?:[- ]?(?:year|yr)s?[- ]old|[- ]?y/?o(?-u:\b)|[- ]?y\.o\.|(?-u:\b) a[nñ]os|(?:st|nd|rd|th) birthday)",
    )
});
static AGE_SEX: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(\d{1,3})([MF])(?-u:\b)"));
static AGE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?-u:\b)(?:is|turned|turns|aged?) (\d{1,3})(?: today| years)?(?: ?[.!,]| and|$)|\((\d{2,3}), from |, (9\d|1[01]\d) and )",
    )
});

static ROOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:room|rm|bed|bay|pod|cuarto|habitacion|cama|crib|isolette)\.? ?#?(?:\d{1,4}[a-z]?|[a-z])(?-u:\b)(?:, (?:bed|bay) \d{1,3})?",
    )
});
static ROOM_CODE: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:in|from|to) (\d{1,2}[A-Z])(?-u:\b)"));
static UNIT: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)\d{1,2} (?:North|South|East|West)(?-u:\b)"));

static STREET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pkwy|Hwy|Pike)(?-u:\b)\.?",
    )
});
static ROAD_OR_STATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)(?:Route|Rte|Highway|Hwy|I|US|Engine|Station|Ladder|Truck|Squad|Precinct|Exit) ?-?\d{1,3}(?-u:\b)")
});
static SCHOOL_OR_CHURCH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:[A-Z][A-Za-z']+ ){1,3}(?:Elementary|Middle|High|HS|Academy|School|College|University|Baptist|Methodist|Lutheran|Church|Parish|Temple|Mosque|Synagogue)(?-u:\b)",
    )
});
static EMPLOYER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:[A-Z][A-Za-z']+ )+(?:& [A-Z][A-Za-z']+ )?(?:Bank|Trust|Kroger|Walmart|Target|Costco|Factory|Plant|Mill|Mine|Farms?|Motors|Foods|Hardware|Diner|Cafe|Bakery|Inc|LLC|Co)(?-u:\b)\.?|(?-u:\b)(?:[A-Z][A-Za-z']+ )+& [A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)*(?-u:\b)",
    )
});
static FROM_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)(?:from|in|near|lives in|moved to|drove in from|out of) ([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)(?-u:\b)")
});
static OCCUPATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:teacher|firefighter|fireman|police officer|cop|sergeant|deputy|sheriff|trucker|truck driver|bus driver|pastor|priest|coach|principal|cfo|ceo|lunch lady|cashier|pitcher|quarterback|qb|linebacker|singer|actor|actress|anchor|weatherman|weather ?woman|veteran|vet|soldier|marine|farmer|lawyer|judge|mail carrier|mailman|janitor|custodian|librarian|professor|councilman|councilwoman|bartender|waitress|barista|pilot|flight attendant|mechanic|electrician|plumber|welder|miner|fisherman|rancher|chef|nun|rabbi|imam|news reporter|reporter)(?-u:\b)",
    )
});
static NEWS_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:crash|pile-?up|wreck|collision|rollover|(?:apartment|house|warehouse|car|brush|structure|building|garage|trailer) fire|fire on|explosion|shooting|stabbing|fireworks|freight train|train|derailment|drowning|mauling|homecoming|hunting accident|suing us|lawsuit|news)(?-u:\b)",
    )
});
static RELATIVE_TIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:(?:her|his|their|(?:the |our |my )?pt'?s|(?:the |our |my )?patient'?s) (?:mom|mother|dad|father|husband|wife|son|daughter|brother|sister|grandma|grandpa|boss|buddy) (?:\w+ ){0,2}(?:works|worked|owns|runs|opens|lives|teaches|drove|coaches|manages)|my (?:kid's|son's|daughter's|ex's|neighbor's|neighbour's|husband's|wife's|friend's|coworker's|cousin's|boss's|best friend's|pastor's) (?:\w+ ){0,3}(?:teacher|girlfriend|boyfriend|wife|husband|boss|coach|mom|dad|mother|father|son|daughter|kid|brother|sister|grandma|grandpa)|(?:looked|look|pulled|checked) (?:up )?(?:my|her|his|their) (?:[\w']+ ){0,3}(?:in|on) (?:epic|cerner|meditech|the chart|the ehr|the system))",
    )
});
static RARE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:only|first|rarest) (?:confirmed |known |reported )?(?:\w+ ){0,2}case(?-u:\b)|(?-u:\b)one in a million(?-u:\b)|(?-u:\b)(?:rare|ultra-rare|super rare|extremely rare) (?:\w+ ){0,2}(?:disease|disorder|syndrome|condition|cancer|tumou?r|diagnosis|presentation)(?-u:\b)",
    )
});
static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:\d{2}-weeker|born at \d{2} weeks|(?:mom|mother|mama|dad|father) of (?:triplets|quadruplets|quints|quintuplets|sextuplets)|(?:triplets|quadruplets|quintuplets|sextuplets|conjoined twins)|\d{1,2} lbs? \d{1,2} oz at birth|at \d{2} weeks)(?-u:\b)",
    )
});

/// Every mention pattern, so that one pass of a [`RegexSet`] tells which of them can match at all: most
/// drafts have no dates, ages or rooms, and the per-pattern passes are then skipped.
static GATED: [&LazyLock<Regex>; 23] = [
    &NUMERIC_DATE,
    &WRITTEN_DATE,
    &WEEKDAY_DATE,
    &MONTH_ONLY,
    &TIME,
    &ORDINAL_DAY,
    &HOLIDAY,
    &AGE,
    &AGE_SEX,
    &AGE_PHRASE,
    &ROOM,
    &ROOM_CODE,
    &UNIT,
    &STREET,
    &ROAD_OR_STATION,
    &SCHOOL_OR_CHURCH,
    &EMPLOYER,
    &FROM_TOWN,
    &OCCUPATION,
    &NEWS_EVENT,
    &RELATIVE_TIE,
    &RARE,
    &BIRTH,
];
static GATE: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(GATED.iter().map(|r| r.as_str())).expect("mention patterns compile as a set"));

/// The patterns that match somewhere in `text`.
struct Gate(regex::SetMatches);

impl Gate {
    fn new(text: &str) -> Gate {
        Gate(GATE.matches(text))
    }

    fn open(&self, pattern: &LazyLock<Regex>) -> bool {
        GATED.iter().position(|g| std::ptr::eq(*g, pattern)).is_some_and(|i| self.0.matched(i))
    }

    /// Matches of `pattern`, or none when the set saw none.
    fn find_iter<'t>(
        &self,
        pattern: &'static LazyLock<Regex>,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Match<'t>> {
        self.open(pattern).then(|| pattern.find_iter(text)).into_iter().flatten()
    }

    fn captures_iter<'t>(
        &self,
        pattern: &'static LazyLock<Regex>,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> {
        self.open(pattern).then(|| pattern.captures_iter(text)).into_iter().flatten()
    }
}

/// Nouns that follow "N-year-old" when the age is not a person's.
const NOT_PERSONS: &[&str] = &[
    "building",
    "brick",
    "house",
    "home",
    "tree",
    "church",
    "company",
    "business",
    "tradition",
    "bridge",
    "car",
    "truck",
    "recipe",
    "barn",
    "hospital",
    "clinic",
    "program",
    "record",
    "institution",
    "organization",
    "whiskey",
    "wine",
    "photo",
    "painting",
    "machine",
    "mower",
    "furnace",
];

/// Every mention in the draft, sorted by start.
pub(crate) fn find_mentions(doc: &Document) -> Vec<Mention> {
    let text = doc.text();
    let gate = Gate::new(text);
    let mut out = find_names(doc);
    let mut push = |start: usize, end: usize, kind: MentionKind| out.push(Mention { start, end, kind });

    for caps in gate.captures_iter(&NUMERIC_DATE, text) {
        let whole = caps.get(0).expect("group 0");
        let (a, sep, b) = (&caps[1], &caps[2], &caps[3]);
        let year = caps.get(4);
        let (a, b): (u32, u32) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
        // A dash or dot date needs its year ("12.02.1967"); "4-5" and "3.5" are not dates.
        if sep != "/" && year.is_none() {
            continue;
        }
        let month_day = (1..=12).contains(&a) && (1..=31).contains(&b);
        let day_month = (1..=31).contains(&a) && (1..=12).contains(&b);
        if !(month_day || day_month) {
            continue;
        }
        let after = doc.after(whole.end(), 12);
        // "10/10 pain", "6/10, would eat again": ratings, not dates.
        if year.is_none() && b == 10 && (after.starts_with(" pain") || after.starts_with(',')) {
            continue;
        }
        // Glued to more digits or a slash: part of a longer code.
        if text[whole.end()..].starts_with(['/', '-'])
            && text[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let dob = DOB_CUE.is_match(doc.before(whole.start(), 20));
        push(whole.start(), whole.end(), MentionKind::Date { numeric: true, dob });
    }
    for m in gate.find_iter(&WRITTEN_DATE, text) {
        // "may 5" as a verb: only the capitalized month counts.
        if text[m.start()..].starts_with("may ") {
            continue;
        }
        let dob = DOB_CUE.is_match(doc.before(m.start(), 20));
        push(m.start(), m.end(), MentionKind::Date { numeric: true, dob });
    }
    for m in gate.find_iter(&WEEKDAY_DATE, text) {
        let word = &text[m.start()..m.end()];
        // Short forms ("sat", "sun", "wed", "mon") are words too: they count only capitalized.
        let bare = word.trim_start_matches(|c: char| c.is_ascii_lowercase() || c == ' ');
        if bare.len() <= 4 && !word.chars().next().is_some_and(char::is_uppercase) && !word.contains(' ') {
            continue;
        }
        if !word.split(' ').any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        push(m.start(), m.end(), MentionKind::Date { numeric: false, dob: false });
    }
    for caps in gate.captures_iter(&MONTH_ONLY, text) {
        let m = caps.get(1).expect("month group");
        push(m.start(), m.end(), MentionKind::Date { numeric: false, dob: false });
    }
    for m in gate.find_iter(&TIME, text).chain(gate.find_iter(&ORDINAL_DAY, text)).chain(gate.find_iter(&HOLIDAY, text))
    {
        push(m.start(), m.end(), MentionKind::Date { numeric: false, dob: false });
    }

    for caps in gate.captures_iter(&AGE, text) {
        let whole = caps.get(0).expect("group 0");
        let years: u32 = caps[1].parse().unwrap_or(0);
        let next_words = doc.after(whole.end(), 24);
        let next_noun = next_words.split_whitespace().take(2).collect::<Vec<_>>();
        if years == 0
            || years > 120
            || next_noun.iter().any(|w| NOT_PERSONS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        {
            continue;
        }
        push(whole.start(), whole.end(), MentionKind::Age { years });
    }
    for caps in gate.captures_iter(&AGE_SEX, text) {
        let whole = caps.get(0).expect("group 0");
        let years: u32 = caps[1].parse().unwrap_or(0);
        if (1..=110).contains(&years) {
            push(whole.start(), whole.end(), MentionKind::Age { years });
        }
    }
    for caps in gate.captures_iter(&AGE_PHRASE, text) {
        let Some(m) = caps.get(1).or(caps.get(2)).or(caps.get(3)) else { continue };
        let years: u32 = m.as_str().parse().unwrap_or(0);
        if (1..=115).contains(&years) {
            push(m.start(), m.end(), MentionKind::Age { years });
        }
    }

    for m in gate.find_iter(&ROOM, text) {
        // "the ER bay", "bed bath", "bedside": the word needs its number or letter.
        let word = &text[m.start()..m.end()];
        if word.ends_with(|c: char| c.is_ascii_alphabetic()) && !word.ends_with(|c: char| c.is_ascii_uppercase()) {
            let tail = word.rsplit(' ').next().unwrap_or("");
            if !tail.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        push(m.start(), m.end(), MentionKind::Room { unit: false });
    }
    for caps in gate.captures_iter(&ROOM_CODE, text) {
        let m = caps.get(1).expect("code group");
        push(m.start(), m.end(), MentionKind::Room { unit: false });
    }
    for m in gate.find_iter(&UNIT, text) {
        push(m.start(), m.end(), MentionKind::Room { unit: true });
    }

    for m in gate
        .find_iter(&STREET, text)
        .chain(gate.find_iter(&ROAD_OR_STATION, text))
        .chain(gate.find_iter(&SCHOOL_OR_CHURCH, text))
    {
        push(m.start(), m.end(), MentionKind::Place);
    }
    for m in gate.find_iter(&EMPLOYER, text) {
        push(m.start(), m.end(), MentionKind::Place);
    }
    for caps in gate.captures_iter(&FROM_TOWN, text) {
        let m = caps.get(1).expect("town group");
        let word = m.as_str().split(' ').next().unwrap_or("");
        if COMMON_CAPITALIZED.contains(&word) {
            continue;
        }
        push(m.start(), m.end(), MentionKind::Place);
    }
    for m in gate.find_iter(&OCCUPATION, text) {
        push(m.start(), m.end(), MentionKind::Occupation);
    }
    for m in gate.find_iter(&NEWS_EVENT, text) {
        push(m.start(), m.end(), MentionKind::NewsEvent);
    }
    for m in gate.find_iter(&RELATIVE_TIE, text) {
        push(m.start(), m.end(), MentionKind::Relative);
    }
    for m in gate.find_iter(&RARE, text) {
        push(m.start(), m.end(), MentionKind::Rare);
    }
    for m in gate.find_iter(&BIRTH, text) {
        push(m.start(), m.end(), MentionKind::Birth);
    }

    out.retain(|m| !doc.is_org(m.start, m.end));
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Keep the longest of overlapping mentions of the same identifier type.
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    // Only kept mentions still open where this one starts can contain it: looking at just those keeps a
    // long paste with thousands of mentions linear.
    let mut open: Vec<usize> = Vec::new();
    for m in out {
        open.retain(|&i| kept[i].end >= m.start);
        let mut containing = open.iter().map(|&i| &kept[i]).filter(|k| k.start <= m.start && m.end <= k.end);
        if containing.any(|k| k.kind == m.kind || (m.identifier().is_some() && k.identifier() == m.identifier())) {
            continue;
        }
        open.push(kept.len());
        kept.push(m);
    }
    kept
}

/// Capitalized words after "from"/"in" that are not towns.
const COMMON_CAPITALIZED: &[&str] = &[
    "The",
    "Our",
    "My",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "Room",
    "Bed",
    "Epic",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Dr",
    "Nurse",
    "Pediatrics",
    "Radiology",
    "Oncology",
    "Cardiology",
    "Surgery",
    "Labor",
    "God",
    "Christ",
    "Jesus",
    "English",
    "Spanish",
    "America",
    "I",
    "We",
    "You",
    "Please",
    "Thanks",
    "Thank",
    "Happy",
    "Lab",
    "Pharmacy",
    "Security",
    "Admin",
    "Hospital",
    "Clinic",
    "Emergency",
    "Urgent",
    "Care",
    "Health",
    "Mom",
    "Dad",
    "One",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::TEST_POLICY;
    use crate::CheckOptions;

    fn mentions(text: &str) -> Vec<(String, MentionKind)> {
        let options = CheckOptions::default();
        let doc = Document::new(text, &options, &TEST_POLICY);
        // Offsets are into the folded text ("años" reads "anos").
        find_mentions(&doc).into_iter().map(|m| (doc.text()[m.start..m.end].to_string(), m.kind)).collect()
    }

    fn has(text: &str, words: &str) -> bool {
        mentions(text).iter().any(|(t, _)| t == words)
    }

    #[test]
    fn finds_dates_in_many_forms() {
        assert!(has("dob 3/4/51 on file", "3/4/51"));
        assert!(has("seen 12.02.1967 by us", "12.02.1967"));
        assert!(has("DOB Jan 5 1949, admitted", "Jan 5 1949"));
        assert!(has("came in Last Thursday at 3:10am", "Last Thursday at 3:10am"));
        assert!(has("Tuesdays and Thursdays at dialysis", "Tuesdays and Thursdays"));
        assert!(has("no-showed in March twice", "March"));
        assert!(has("follow-up on the 21st", "the 21st"));
        assert!(has("after the Fourth of July party", "Fourth of July"));
        let dob = mentions("d.o.b. 12.02.1967");
        assert!(dob.iter().any(|(_, k)| *k == MentionKind::Date { numeric: true, dob: true }), "{dob:?}");
    }

    #[test]
    fn ignores_ratings_and_ranges_as_dates() {
        assert!(!has("same 10/10 pain as always", "10/10"));
        assert!(!has("casserole: 6/10, would eat again", "6/10"));
        assert!(!has("mix 3.5 ml", "3.5"));
    }

    #[test]
    fn finds_ages_but_not_ages_of_buildings() {
        assert!(has("a 58yo in bed 22", "58yo"));
        assert!(has("the 97-year-old sweetheart", "97-year-old"));
        assert!(has("case: 41F, teacher", "41F"));
        assert!(has("la señora, 91 años", "91 anos"));
        assert!(has("kid is 19 and", "19"));
        assert!(has("the driver (62, from Decatur)", "62"));
        assert!(has("happy 101st birthday", "101st birthday"));
        assert!(!has("the 92-year-old brick building", "92-year-old"));
        assert!(!has("adults 65 and older", "65"));
    }

    #[test]
    fn finds_rooms_units_and_places() {
        assert!(has("in NICU pod C, bed 4 today", "pod C, bed 4"));
        assert!(has("rm 408 again", "rm 408"));
        assert!(has("sweetheart in 2B", "2B"));
        assert!(has("miss you on 6 East", "6 East"));
        assert!(has("teacher at Lincoln Elementary", "Lincoln Elementary"));
        assert!(has("the Route 9 pileup", "Route 9"));
        assert!(has("drove in from Chatham still", "Chatham"));
        assert!(has("works at Millbrook Savings & Loan", "Millbrook Savings & Loan"));
        assert!(!has("bed bath on the floor", "bed bath"));
    }
}
