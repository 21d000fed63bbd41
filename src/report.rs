//! The one report shape shared by the CLI, the wasm API, the extension and the tests.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// How serious a finding is. Ordered: `Low < Medium < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a second look; never stops a post by itself.
    Low,
    /// Stop and show the author before posting.
    Medium,
    /// Stop and show the author; likely a disclosure or a firing offence.
    High,
}

impl Severity {
    /// The lowercase name used in JSON and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// Parses `low`, `medium` or `high`.
    pub fn parse(name: &str) -> Option<Severity> {
        match name {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

/// The overall decision for a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing to say.
    Ok,
    /// Only low-severity advice.
    Advise,
    /// At least one medium or high finding: the author should look before posting.
    Warn,
    /// The organization's policy blocks a finding of this severity.
    Block,
}

impl Verdict {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Advise => "advise",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

macro_rules! kinds {
    ($($variant:ident => $id:literal, $severity:ident;)*) => {
        /// What a finding is about. The string ids are stable: policies and tools refer to them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Kind { $(#[doc = $id] $variant,)* }

        impl Kind {
            /// Every kind, in id order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable string id, e.g. `phi.direct_identifier`.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $id,)* }
            }

            /// The severity a finding of this kind has unless a detector or the policy says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Kind::$variant => Severity::$severity,)* }
            }
        }
    };
}

kinds! {
    AdviceIndividualMedicalAdvice => "advice.individual_medical_advice", Medium;
    ClaimsGuaranteeOrCure => "claims.guarantee_or_cure", Medium;
    ClaimsMisinformation => "claims.misinformation", Medium;
    PhiCaseStory => "phi.case_story", Low;
    PhiDirectIdentifier => "phi.direct_identifier", High;
    PhiMediaReference => "phi.media_reference", Medium;
    PhiNameWithHealthContext => "phi.name_with_health_context", High;
    PhiPublicFigurePatient => "phi.public_figure_patient", High;
    PhiQuasiIdentifiers => "phi.quasi_identifiers", Medium;
    PhiRelationshipConfirmation => "phi.relationship_confirmation", High;
    PhiReviewReplyDisclosure => "phi.review_reply_disclosure", High;
    ToneDefensiveReply => "tone.defensive_reply", Medium;
    ToneDerogatoryPatientSlang => "tone.derogatory_patient_slang", Medium;
    ToneDisparagingColleague => "tone.disparaging_colleague", Medium;
    ToneInsult => "tone.insult", Medium;
    ToneMockingPatients => "tone.mocking_patients", High;
    ToneProfanity => "tone.profanity", Low;
    ToneSexualContent => "tone.sexual_content", Medium;
    ToneShouting => "tone.shouting", Low;
    ToneSlur => "tone.slur", High;
    ToneStigmatizingLanguage => "tone.stigmatizing_language", Low;
    ToneThreat => "tone.threat", High;
    ToneTragedyHumor => "tone.tragedy_humor", Medium;
}

impl Kind {
    /// Looks a kind up by its string id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == id)
    }

    /// True for the patient-privacy kinds (`phi.*`).
    pub fn is_phi(self) -> bool {
        self.as_str().starts_with("phi.")
    }

    /// True for the privacy kinds that say the patient can be identified (a name, an identifier, a confirmed
    /// visit, a combination...): their findings point at the patient's identifiers, and a draft with one is no
    /// de-identified case story.
    pub fn identifies_patient(self) -> bool {
        matches!(
            self,
            Kind::PhiNameWithHealthContext
                | Kind::PhiDirectIdentifier
                | Kind::PhiReviewReplyDisclosure
                | Kind::PhiRelationshipConfirmation
                | Kind::PhiPublicFigurePatient
                | Kind::PhiQuasiIdentifiers
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Kind::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown finding kind '{id}'")))
    }
}

/// The type of a patient identifier (HIPAA Safe Harbor categories that text can carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Identifier {
    Name,
    Date,
    Age,
    Phone,
    Email,
    Ssn,
    Mrn,
    InsuranceId,
    Account,
    License,
    Vehicle,
    Device,
    Url,
    Ip,
    Address,
    Zip,
    Place,
    Room,
    Handle,
}

impl Identifier {
    /// The lowercase id used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Identifier::Name => "name",
            Identifier::Date => "date",
            Identifier::Age => "age",
            Identifier::Phone => "phone",
            Identifier::Email => "email",
            Identifier::Ssn => "ssn",
            Identifier::Mrn => "mrn",
            Identifier::InsuranceId => "insurance_id",
            Identifier::Account => "account",
            Identifier::License => "license",
            Identifier::Vehicle => "vehicle",
            Identifier::Device => "device",
            Identifier::Url => "url",
            Identifier::Ip => "ip",
            Identifier::Address => "address",
            Identifier::Zip => "zip",
            Identifier::Place => "place",
            Identifier::Room => "room",
            Identifier::Handle => "handle",
        }
    }

    /// The redaction placeholder, e.g. `[name]`.
    pub fn placeholder(self) -> &'static str {
        match self {
            Identifier::Name => "[name]",
            Identifier::Date => "[date]",
            Identifier::Age => "[age]",
            Identifier::Phone => "[phone]",
            Identifier::Email => "[email]",
            Identifier::Ssn => "[ssn]",
            Identifier::Mrn => "[record number]",
            Identifier::InsuranceId => "[insurance id]",
            Identifier::Account => "[account]",
            Identifier::License => "[license]",
            Identifier::Vehicle => "[vehicle]",
            Identifier::Device => "[device]",
            Identifier::Url => "[link]",
            Identifier::Ip => "[ip]",
            Identifier::Address => "[address]",
            Identifier::Zip => "[zip]",
            Identifier::Place => "[place]",
            Identifier::Room => "[room]",
            Identifier::Handle => "[handle]",
        }
    }
}

/// One problem found in a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What the finding is about.
    pub kind: Kind,
    /// How serious it is (after the policy's re-grading).
    pub severity: Severity,
    /// Start of the flagged words, in UTF-16 code units of the input.
    pub start: usize,
    /// End (exclusive) of the flagged words, in UTF-16 code units of the input.
    pub end: usize,
    /// The flagged words exactly as typed.
    pub text: String,
    /// For patient identifiers: the identifier type (`name`, `date`, `ssn`, ...) or a custom identifier's id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub identifier: Option<Cow<'static, str>>,
    /// Why this is a risk, in plain words. (Built-in texts are borrowed, not copied into every report.)
    pub message: Cow<'static, str>,
    /// A redaction placeholder or a safer wording.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggestion: Option<Cow<'static, str>>,
}

/// The result of checking one draft.
///
/// In JSON: `{"verdict", "findings", "care_context"}`, every field always present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The overall decision.
    pub verdict: Verdict,
    /// The findings, sorted by start offset.
    pub findings: Vec<Finding>,
    /// Whether the draft reads as written at or about work in health care: care words ("pt", "the ED", "on the
    /// unit"), work words ("night shift", "charge nurse", "break room"), the organization's own names or staff,
    /// a finding about a patient or the practice's care (even of a kind the policy turned off), a reply to a
    /// review, or a site where staff write as their practice or profession (review sites, LinkedIn). Not a
    /// finding and independent of the verdict: the extension reads it to decide whether a photo or video
    /// attached to the draft gets the checklist (policy `media_check: care_context`). Absent in older JSON,
    /// read as `false`.
    #[serde(default)]
    pub care_context: bool,
}

/// A finding before offsets are mapped back: byte offsets into the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub kind: Kind,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub identifier: Option<Cow<'static, str>>,
    pub message: Cow<'static, str>,
    pub suggestion: Option<Cow<'static, str>>,
}

impl Hit {
    /// A hit of `kind` at its default severity.
    pub fn new(kind: Kind, start: usize, end: usize, message: impl Into<Cow<'static, str>>) -> Hit {
        Hit {
            kind,
            severity: kind.default_severity(),
            start,
            end,
            identifier: None,
            message: message.into(),
            suggestion: None,
        }
    }

    /// Marks the hit as a patient identifier; the suggestion becomes its placeholder.
    pub fn identifier(mut self, identifier: Identifier) -> Hit {
        self.identifier = Some(Cow::Borrowed(identifier.as_str()));
        self.suggestion = Some(Cow::Borrowed(identifier.placeholder()));
        self
    }

    /// Sets a safer wording.
    pub fn suggest(mut self, suggestion: impl Into<Cow<'static, str>>) -> Hit {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// Sets the severity.
    pub fn severity(mut self, severity: Severity) -> Hit {
        self.severity = severity;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_ids_are_unique_and_round_trip() {
        let mut ids: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        let before = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), before);
        for kind in Kind::ALL {
            assert_eq!(Kind::from_id(kind.as_str()), Some(*kind));
        }
    }

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Low < Severity::Medium && Severity::Medium < Severity::High);
        assert_eq!(Severity::parse("medium"), Some(Severity::Medium));
        assert_eq!(Severity::parse("urgent"), None);
    }

    #[test]
    fn report_serializes_to_the_design_shape() {
        let report = Report {
            verdict: Verdict::Warn,
            findings: vec![Finding {
                kind: Kind::PhiDirectIdentifier,
                severity: Severity::High,
                start: 1,
                end: 3,
                text: "ab".into(),
                identifier: Some("ssn".into()),
                message: "m".into(),
                suggestion: None,
            }],
            care_context: true,
        };
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(
            json,
            r#"{"verdict":"warn","findings":[{"kind":"phi.direct_identifier","severity":"high","start":1,"end":3,"text":"ab","identifier":"ssn","message":"m"}],"care_context":true}"#
        );
        let older: Report = serde_json::from_str(r#"{"verdict":"ok","findings":[]}"#).unwrap();
        assert!(!older.care_context, "a report without the field reads as no care context");
    }
}

/// Why the models decided as they did on one stretch of a draft (`postguard check --explain`, [`crate::explain`]).
/// A diagnostic for IT and developers: it holds words of the draft, so it is never logged or stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The stretch, in UTF-16 code units of the draft as typed (a post is one stretch; a long paste has several).
    pub start: usize,
    /// End of the stretch (exclusive).
    pub end: usize,
    /// The warning model's probability that the stretch should warn.
    pub warn: f32,
    /// What `warn` must reach for the kinds of medium and high severity to be shown.
    pub warn_threshold: f32,
    /// What `warn` must reach for an exact identifier other than a record number (a phone, an email, a date of
    /// birth...) to stand; an SSN, an MRN, an insurance id, an account number and a slur stand whatever it is.
    pub exact_floor: f32,
    /// Each kind the models or the rules considered (probability 0.1 or more, or found by a rule).
    pub kinds: Vec<KindScore>,
    /// What the stretch holds: entities, identifiers, candidate patient identifiers and care words.
    pub evidence: Vec<EvidenceItem>,
}

/// A kind's score in a stretch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScore {
    /// The finding kind.
    pub kind: Kind,
    /// The kinds model's probability.
    pub probability: f32,
    /// What the probability must reach (`model` and `either` modes).
    pub threshold: f32,
    /// `model` (the model decides), `either` (a rule's finding stands, the model may add) or `rule`.
    pub mode: &'static str,
    /// Whether the stretch's warning decides the kind (it is shown only when `warn` reaches its threshold).
    pub gated: bool,
    /// Whether a rule found the kind in the stretch.
    pub rule: bool,
    /// The words whose features weigh most toward the kind, heaviest first.
    pub words: Vec<WordWeight>,
}

/// A word and the summed weight of its features toward a kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordWeight {
    /// The word as typed.
    pub text: String,
    /// The weight (log-odds).
    pub weight: f32,
    /// Where, in UTF-16 code units of the draft as typed.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// A piece of evidence in a stretch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceItem {
    /// What it is: an entity type (`person`, `place`, `age`, `date`, `room`), `identifier ssn`, `patient's name`
    /// (a candidate patient identifier), `care word`.
    pub what: String,
    /// The words as typed.
    pub text: String,
    /// The model's probability, or 1 for what a pattern or a list found.
    pub confidence: f32,
    /// Where, in UTF-16 code units of the draft as typed.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}
