//! Mentions: the pieces of a draft that can point at a person, before anyone decides whether they do.
//!
//! Dates ("3/4/51", "Tuesday at 9:15", "the Fourth of July"), ages ("58yo", "41F", "91 años"), rooms
//! ("bed 22", "pod C, bed 4", "3 North"), places ("from Decatur", "Lincoln Elementary", "Route 9", "Oak St"),
//! and softer clues: an occupation, a news event, a relative's job or home, a rare case, birth details.
//! Names are found in `names.rs`.

pub(crate) mod names;

use crate::doc::Document;
use crate::gate::{Gate, Pattern};
use crate::report::Identifier;
use names::find_names;
use regex::Regex;
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

// Digits are `[0-9]`, not `\d`: the folded text has ASCII digits for fullwidth and Arabic-Indic ones, and
// Unicode `\d` makes each pattern, its compile time and its DFA several times larger.
macro_rules! months {
    () => {
        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    };
}
macro_rules! weekdays {
    () => {
        r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    };
}

/// "3/4/51", "12.02.1967", "3 / 14 / 1962" (spaces around the separators), "03 14 1962" (spaces for
/// separators, with the year's four digits) and "1962-03-14" (year first, with dashes or slashes).
pub(crate) static NUMERIC_DATE: Pattern = Pattern::new(concat!(
    r"(?-u:\b)(?:[0-9]{1,2} ?[/.-] ?[0-9]{1,2}(?: ?[/.-] ?(?:[0-9]{2}|[0-9]{4}))?|[0-9]{1,2} [0-9]{1,2} [0-9]{4}",
    r"|[0-9]{4} ?[/-] ?[0-9]{1,2} ?[/-] ?[0-9]{1,2})(?-u:\b)"
));
pub(crate) static WRITTEN_DATE: Pattern = Pattern::lower(concat!(
    r"(?-u:\b)(?:(?:",
    months!(),
    r")\.? [0-9]{1,2}(?:st|nd|rd|th)?(?:,? (?:[0-9]{4}|'[0-9]{2}))?|[0-9]{1,2}(?:st|nd|rd|th)? (?:of )?(?:",
    months!(),
    r")(?:,? (?:[0-9]{4}|'[0-9]{2}))?|[0-9]{1,2}-(?:",
    months!(),
    r")-(?:[0-9]{4}|[0-9]{2})|[0-9]{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre))(?-u:\b)"
));
pub(crate) static WEEKDAY_DATE: Pattern = Pattern::lower(concat!(
    r"(?-u:\b)(?:(?:last|this|next|every|on) )?(?:",
    weekdays!(),
    r")s?(?: and (?:",
    weekdays!(),
    r")s?)?(?: (?:morning|afternoon|evening|night))?(?: at [0-9]{1,2}(?::[0-9]{2})?(?: ?(?:am|pm|a\.m\.|p\.m\.))?)?(?-u:\b)"
));
pub(crate) static MONTH_ONLY: Pattern = Pattern::new(
    r"(?-u:\b)(?:in|since|during|early|late|last|this|next) (January|February|March|April|June|July|August|September|October|November|December)(?-u:\b)",
);
pub(crate) static TIME: Pattern = Pattern::lower(r"(?-u:\b)[0-9]{1,2}:[0-9]{2}(?: ?(?:am|pm))?(?-u:\b)");
pub(crate) static ORDINAL_DAY: Pattern = Pattern::lower(r"(?-u:\b)the [0-9]{1,2}(?:st|nd|rd|th)(?-u:\b)");
pub(crate) static HOLIDAY: Pattern = Pattern::lower(
    r"(?-u:\b)(?:fourth of july|4th of july|july 4th|christmas(?: eve| day)?|thanksgiving|new year'?s(?: eve| day)?|halloween|easter|memorial day|labor day|super bowl sunday)(?-u:\b)",
);
static DOB_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthdate|b-day)[\s:#-]*$").expect("dob cue compiles")
});

pub(crate) static AGE: Pattern = Pattern::lower(
    r"(?-u:\b)([0-9]{1,3})(?:[- ]?(?:year|yr)s?[- ]old|[- ]?y/?o(?-u:\b)|[- ]?y\.o\.|(?-u:\b) a[nñ]os|(?:st|nd|rd|th) birthday)",
);
pub(crate) static AGE_SEX: Pattern = Pattern::new(r"(?-u:\b)([0-9]{1,3})([MF])(?-u:\b)");
pub(crate) static AGE_PHRASE: Pattern = Pattern::lower(
    r"(?:(?-u:\b)(?:is|turned|turns|aged?) ([0-9]{1,3})(?: today| years)?(?: ?[.!,]| and|$)|\(([0-9]{2,3}), from |, (9[0-9]|1[01][0-9]) and )",
);

pub(crate) static ROOM: Pattern = Pattern::lower(
    r"(?-u:\b)(?:room|rm|bed|bay|pod|cuarto|habitacion|cama|crib|isolette)\.? ?#?(?:[0-9]{1,4}[a-z]?|[a-z])(?-u:\b)(?:, (?:bed|bay) [0-9]{1,3})?",
);
pub(crate) static ROOM_CODE: Pattern = Pattern::new(r"(?-u:\b)(?:in|from|to) ([0-9]{1,2}[A-Z])(?-u:\b)");
pub(crate) static UNIT: Pattern = Pattern::new(r"(?-u:\b)[0-9]{1,2} (?:North|South|East|West)(?-u:\b)");

pub(crate) static STREET: Pattern = Pattern::new(
    r"(?-u:\b)(?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pkwy|Hwy|Pike)(?-u:\b)\.?",
);
pub(crate) static ROAD_OR_STATION: Pattern = Pattern::new(
    r"(?-u:\b)(?:Route|Rte|Highway|Hwy|I|US|Engine|Station|Ladder|Truck|Squad|Precinct|Exit) ?-?[0-9]{1,3}(?-u:\b)",
);
pub(crate) static SCHOOL_OR_CHURCH: Pattern = Pattern::new(
    r"(?-u:\b)(?:[A-Z][A-Za-z']+ ){1,3}(?:Elementary|Middle|High|HS|Academy|School|College|University|Baptist|Methodist|Lutheran|Church|Parish|Temple|Mosque|Synagogue)(?-u:\b)",
);
pub(crate) static EMPLOYER: Pattern = Pattern::new(
    r"(?-u:\b)(?:[A-Z][A-Za-z']+ )+(?:& [A-Z][A-Za-z']+ )?(?:Bank|Trust|Kroger|Walmart|Target|Costco|Factory|Plant|Mill|Mine|Farms?|Motors|Foods|Hardware|Diner|Cafe|Bakery|Inc|LLC|Co)(?-u:\b)\.?|(?-u:\b)(?:[A-Z][A-Za-z']+ )+& [A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)*(?-u:\b)",
);
pub(crate) static FROM_TOWN: Pattern = Pattern::new(
    r"(?-u:\b)(?:from|in|near|lives in|moved to|drove in from|out of) ([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)(?-u:\b)",
);
pub(crate) static OCCUPATION: Pattern = Pattern::lower(
    r"(?-u:\b)(?:teacher|firefighter|fireman|police officer|cop|sergeant|deputy|sheriff|trucker|truck driver|bus driver|pastor|priest|coach|principal|cfo|ceo|lunch lady|cashier|pitcher|quarterback|qb|linebacker|singer|actor|actress|anchor|weatherman|weather ?woman|veteran|vet|soldier|marine|farmer|lawyer|judge|mail carrier|mailman|janitor|custodian|librarian|professor|councilman|councilwoman|bartender|waitress|barista|pilot|flight attendant|mechanic|electrician|plumber|welder|miner|fisherman|rancher|chef|nun|rabbi|imam|news reporter|reporter)(?-u:\b)",
);
pub(crate) static NEWS_EVENT: Pattern = Pattern::lower(
    r"(?-u:\b)(?:crash|pile-?up|wreck|collision|rollover|(?:apartment|house|warehouse|car|brush|structure|building|garage|trailer) fire|fire on|explosion|shooting|stabbing|fireworks|freight train|train|derailment|drowning|mauling|homecoming|hunting accident|suing us|lawsuit|news|(?:wrapped|flipped|rolled|totaled|totalled|crashed) (?:his|her|their|a|the) (?:car|truck|pickup|suv|van|jeep|motorcycle|bike))(?-u:\b)",
);
pub(crate) static RELATIVE_TIE: Pattern = Pattern::lower(
    r"(?-u:\b)(?:(?:her|his|their|(?:the |our |my )?pt'?s|(?:the |our |my )?patient'?s) (?:mom|mother|dad|father|husband|wife|son|daughter|brother|sister|grandma|grandpa|boss|buddy) (?:[0-9a-z_]+ ){0,2}(?:works|worked|owns|runs|opens|lives|teaches|drove|coaches|manages)|my (?:kid's|son's|daughter's|ex's|neighbor's|neighbour's|husband's|wife's|friend's|coworker's|cousin's|boss's|best friend's|pastor's) (?:[0-9a-z_]+ ){0,3}(?:teacher|girlfriend|boyfriend|wife|husband|boss|coach|mom|dad|mother|father|son|daughter|kid|brother|sister|grandma|grandpa)|(?:looked|look|pulled|checked) (?:up )?(?:my|her|his|their) (?:[0-9a-z_']+ ){0,3}(?:in|on) (?:epic|cerner|meditech|the chart|the ehr|the system))",
);
pub(crate) static RARE: Pattern = Pattern::lower(
    r"(?-u:\b)(?:only|first|rarest) (?:confirmed |known |reported )?(?:[0-9a-z_]+ ){0,2}case(?-u:\b)|(?-u:\b)one in a million(?-u:\b)|(?-u:\b)(?:rare|ultra-rare|super rare|extremely rare) (?:[0-9a-z_]+ ){0,2}(?:disease|disorder|syndrome|condition|cancer|tumou?r|diagnosis|presentation)(?-u:\b)",
);
pub(crate) static BIRTH: Pattern = Pattern::lower(
    r"(?-u:\b)(?:[0-9]{2}-weeker|born at [0-9]{2} weeks|(?:mom|mother|mama|dad|father) of (?:triplets|quadruplets|quints|quintuplets|sextuplets)|(?:triplets|quadruplets|quintuplets|sextuplets|conjoined twins)|[0-9]{1,2} lbs? [0-9]{1,2} oz at birth|at [0-9]{2} weeks)(?-u:\b)",
);

/// The parts of a [`NUMERIC_DATE`] match: first number, separator (without the spaces around it; a space when
/// spaces are the separators), second number and the year if any. A year written first ("1962-03-14") is
/// given last, like the others.
fn date_parts(date: &str) -> (&str, &str, &str, Option<&str>) {
    let mut numbers = date.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
    let first = numbers.next().unwrap_or_default();
    let second = numbers.next().unwrap_or_default();
    let third = numbers.next();
    let after_first = &date[first.len()..];
    let separator = after_first[..after_first.find(|c: char| c.is_ascii_digit()).unwrap_or(after_first.len())].trim();
    let separator = if separator.is_empty() && !after_first.is_empty() { " " } else { separator };
    match third {
        Some(third) if first.len() == 4 => (second, separator, third, Some(first)),
        _ => (first, separator, second, third),
    }
}

/// Whether another yearless slash date ("9/17", not a rating "N/10") is within a few words of `[start, end)`.
fn beside_another_date(doc: &Document, start: usize, end: usize) -> bool {
    let slash_date = |near: &str| {
        let bytes = near.as_bytes();
        (1..bytes.len().saturating_sub(1)).any(|i| {
            bytes[i] == b'/' && bytes[i - 1].is_ascii_digit() && {
                let number = near[i + 1..].split(|c: char| !c.is_ascii_digit()).next().unwrap_or_default();
                !number.is_empty() && number != "10"
            }
        })
    };
    slash_date(doc.before(start, 16)) || slash_date(doc.after(end, 16))
}

/// The number a match starts with ("58" in "58yo"); 0 when there is none.
fn leading_number(text: &str) -> u32 {
    let end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    text[..end].parse().unwrap_or(0)
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
pub(crate) fn find_mentions(doc: &Document, gate: &Gate) -> Vec<Mention> {
    let text = doc.text();
    let mut out = find_names(doc, gate);
    let mut push = |start: usize, end: usize, kind: MentionKind| out.push(Mention { start, end, kind });

    // Patterns whose parts are plain to read are searched without capture groups (the slow part of a
    // regex search) and the parts read off the match.
    for whole in gate.find_iter(&NUMERIC_DATE, doc) {
        let (a, sep, b, year) = date_parts(whole.as_str());
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
        // "pain 8/10", "6/10, would eat again": a yearless "N/10" is a rating, unless it stands in a list of dates
        // ("9/3, 9/10 and 9/17"). In the labeled corpus 183 of its 184 are ratings.
        if year.is_none() && b == 10 && !beside_another_date(doc, whole.start(), whole.end()) {
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
    for m in gate.find_iter(&WRITTEN_DATE, doc) {
        // "may 5" as a verb: only the capitalized month counts.
        if text[m.start()..].starts_with("may ") {
            continue;
        }
        let dob = DOB_CUE.is_match(doc.before(m.start(), 20));
        push(m.start(), m.end(), MentionKind::Date { numeric: true, dob });
    }
    for m in gate.find_iter(&WEEKDAY_DATE, doc) {
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
    for m in gate.find_iter(&MONTH_ONLY, doc) {
        // "since March": the month is the last word.
        let month = m.as_str().rfind(' ').map_or(0, |i| i + 1);
        push(m.start() + month, m.end(), MentionKind::Date { numeric: false, dob: false });
    }
    for m in gate.find_iter(&TIME, doc).chain(gate.find_iter(&ORDINAL_DAY, doc)).chain(gate.find_iter(&HOLIDAY, doc)) {
        push(m.start(), m.end(), MentionKind::Date { numeric: false, dob: false });
    }

    for whole in gate.find_iter(&AGE, doc) {
        let years: u32 = leading_number(whole.as_str());
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
    for whole in gate.find_iter(&AGE_SEX, doc) {
        let years: u32 = leading_number(whole.as_str());
        if (1..=110).contains(&years) {
            push(whole.start(), whole.end(), MentionKind::Age { years });
        }
    }
    for whole in gate.find_iter(&AGE_PHRASE, doc) {
        // The age is the match's one run of digits.
        let m = whole.as_str();
        let Some(from) = m.find(|c: char| c.is_ascii_digit()) else { continue };
        let to = m[from..].find(|c: char| !c.is_ascii_digit()).map_or(m.len(), |n| from + n);
        let years: u32 = m[from..to].parse().unwrap_or(0);
        if (1..=115).contains(&years) {
            push(whole.start() + from, whole.start() + to, MentionKind::Age { years });
        }
    }

    for m in gate.find_iter(&ROOM, doc) {
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
    for m in gate.find_iter(&ROOM_CODE, doc) {
        // "in 4B": the code is the last word.
        let code = m.as_str().rfind(' ').map_or(0, |i| i + 1);
        push(m.start() + code, m.end(), MentionKind::Room { unit: false });
    }
    for m in gate.find_iter(&UNIT, doc) {
        push(m.start(), m.end(), MentionKind::Room { unit: true });
    }

    for m in gate
        .find_iter(&STREET, doc)
        .chain(gate.find_iter(&ROAD_OR_STATION, doc))
        .chain(gate.find_iter(&SCHOOL_OR_CHURCH, doc))
    {
        push(m.start(), m.end(), MentionKind::Place);
    }
    for m in gate.find_iter(&EMPLOYER, doc) {
        push(m.start(), m.end(), MentionKind::Place);
    }
    for m in gate.find_iter(&FROM_TOWN, doc) {
        // The cue words are lowercase: the town starts at the first capital.
        let town_start = m.as_str().find(|c: char| c.is_ascii_uppercase()).unwrap_or(0);
        let town = &m.as_str()[town_start..];
        let word = town.split(' ').next().unwrap_or("");
        if COMMON_CAPITALIZED.contains(&word) {
            continue;
        }
        push(m.start() + town_start, m.end(), MentionKind::Place);
    }
    for m in gate.find_iter(&OCCUPATION, doc) {
        push(m.start(), m.end(), MentionKind::Occupation);
    }
    for m in gate.find_iter(&NEWS_EVENT, doc) {
        push(m.start(), m.end(), MentionKind::NewsEvent);
    }
    for m in gate.find_iter(&RELATIVE_TIE, doc) {
        push(m.start(), m.end(), MentionKind::Relative);
    }
    for m in gate.find_iter(&RARE, doc) {
        push(m.start(), m.end(), MentionKind::Rare);
    }
    for m in gate.find_iter(&BIRTH, doc) {
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

    /// What is read off a match equals what the pattern's capture groups say.
    #[test]
    fn parts_read_off_matches_equal_the_capture_groups() {
        let groups = |pattern: &Pattern, text: &str| -> Vec<Vec<Option<String>>> {
            let regex = Regex::new(pattern.source()).unwrap();
            regex.captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| m.as_str().to_string())).collect()).collect()
        };
        let dates = "3/4/51 12.02.1967 4-5 10/10 pain 1/2/2024 9/11 31-12-99 7.4.2023 12/31/1999 3/4/ \
            3 / 14 / 1962, 03 14 1962, 1962-03-14, 7 - 3";
        let found: Vec<String> = groups(&NUMERIC_DATE, dates).into_iter().map(|c| c[0].clone().unwrap()).collect();
        assert_eq!(
            found,
            [
                "3/4/51",
                "12.02.1967",
                "4-5",
                "10/10",
                "1/2/2024",
                "9/11",
                "31-12-99",
                "7.4.2023",
                "12/31/1999",
                "3/4",
                "3 / 14 / 1962",
                "03 14 1962",
                "1962-03-14",
                "7 - 3"
            ]
        );
        for (date, parts) in [
            ("3/4/51", ("3", "/", "4", Some("51"))),
            ("4-5", ("4", "-", "5", None)),
            ("3 / 14 / 1962", ("3", "/", "14", Some("1962"))),
            ("03 14 1962", ("03", " ", "14", Some("1962"))),
            ("1962-03-14", ("03", "-", "14", Some("1962"))),
            ("7 - 3", ("7", "-", "3", None)),
        ] {
            assert_eq!(date_parts(date), parts, "{date}");
        }
        let ages = "58yo, 58 y/o, 92-year-old, 7th birthday, 91 anos, 103 yrs old, 6 y.o. and 41F 3M 110F";
        assert_eq!(groups(&AGE, &ages.to_lowercase()).len(), 7);
        assert_eq!(groups(&AGE_SEX, ages).len(), 3);
        for pattern in [&AGE, &AGE_SEX] {
            for caps in groups(pattern, &ages.to_lowercase()).into_iter().chain(groups(pattern, ages)) {
                assert_eq!(leading_number(caps[0].as_deref().unwrap()).to_string(), caps[1].as_deref().unwrap());
            }
        }
        let last_word = |whole: &str| whole[whole.rfind(' ').map_or(0, |i| i + 1)..].to_string();
        for (pattern, text) in [(&MONTH_ONLY, "seen since March and in June"), (&ROOM_CODE, "moved from 4B to 12C")] {
            let found = groups(pattern, text);
            assert_eq!(found.len(), 2);
            for caps in found {
                assert_eq!(Some(last_word(caps[0].as_deref().unwrap())), caps[1]);
            }
        }
        let ages = "she is 45 today. he turned 91, then (85, from , 95 and she is aged 7 and turns 101";
        let found = groups(&AGE_PHRASE, ages);
        assert_eq!(found.len(), 6);
        for caps in found {
            let whole = caps[0].as_deref().unwrap();
            let digits: String =
                whole.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
            assert_eq!(Some(digits), caps[1].clone().or(caps[2].clone()).or(caps[3].clone()));
        }
        let towns = groups(&FROM_TOWN, "she drove in from Cedar Falls, lives in Ames and moved to New Haven");
        assert_eq!(towns.len(), 3);
        for caps in towns {
            let whole = caps[0].as_deref().unwrap();
            let start = whole.find(|c: char| c.is_ascii_uppercase()).unwrap();
            assert_eq!(Some(&whole[start..]), caps[1].as_deref());
        }
    }

    use crate::options::CheckOptions;
    use crate::testing::TEST_POLICY;

    fn mentions(text: &str) -> Vec<(String, MentionKind)> {
        let options = CheckOptions::default();
        let doc = Document::new(text, &options, &TEST_POLICY);
        // Offsets are into the folded text ("años" reads "anos").
        find_mentions(&doc, crate::evidence::gate(&doc))
            .into_iter()
            .map(|m| (doc.text()[m.start..m.end].to_string(), m.kind))
            .collect()
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
        assert!(has("dob 03 14 1962 and", "03 14 1962"));
        assert!(has("dob 1962-03-14 and", "1962-03-14"));
        assert!(has("dob 3 / 14 / 1962 and", "3 / 14 / 1962"));
        assert!(has("dob the 3rd of May '51 and", "3rd of May '51"));
        assert!(has("dob 14-MAR-62 and", "14-MAR-62"));
        let dob = mentions("d.o.b. 12.02.1967");
        assert!(dob.iter().any(|(_, k)| *k == MentionKind::Date { numeric: true, dob: true }), "{dob:?}");
    }

    #[test]
    fn a_weekday_with_its_hour_ends_at_the_hour() {
        assert!(has("can you come in Tuesday at 2 so we can refit them", "Tuesday at 2"));
        assert!(has("can you come in Tuesday at 2pm so we can refit them", "Tuesday at 2pm"));
        assert!(has("can you come in Tuesday at 2 pm so we can refit them", "Tuesday at 2 pm"));
    }

    #[test]
    fn ignores_ratings_and_ranges_as_dates() {
        assert!(!has("same 10/10 pain as always", "10/10"));
        assert!(!has("casserole: 6/10, would eat again", "6/10"));
        assert!(!has("pt rated her pain 8/10 this morning", "8/10"));
        assert!(!has("the hallway intubation: 3/10. the chest tube: 2/10.", "3/10"));
        assert!(has("seen 9/3, 9/10 and 9/17 as planned", "9/10"));
        assert!(has("seen 9/10 and 9/17 as planned", "9/10"));
        assert!(!has("ça va, douleur 😅 8/10 ñ 6/10 😅", "8/10"));
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
