//! What a learned finding says: why the words are a risk and a safer way to say it, for the findings no rule
//! worded (a rule's finding keeps its own message and suggestion).

use crate::report::{Identifier, Kind};

/// Why a patient's identifier is a risk.
pub(crate) fn identifier_message(identifier: Identifier) -> &'static str {
    match identifier {
        Identifier::Name => "A patient's name next to their care identifies them.",
        Identifier::Date => "A date next to a patient's care narrows down who they are.",
        Identifier::Age => "An exact age next to a patient's care narrows down who they are.",
        Identifier::Room => "A room or bed number points at one patient.",
        Identifier::Place => "A town, school, street or employer next to a patient's care narrows down who they are.",
        _ => "This detail, next to a patient's care, helps identify them.",
    }
}

/// What a low-severity advisory on a possible patient identifier says: the models were not sure it is one.
pub(crate) fn advisory_message(identifier: Identifier) -> &'static str {
    match identifier {
        Identifier::Name => "If this is about a patient, their name identifies them: leave it out.",
        Identifier::Date => "If this is about a patient, a date of their care narrows down who they are.",
        Identifier::Age => "If this is about a patient, an exact age narrows down who they are.",
        Identifier::Room => "If this is about a patient, a room or bed number points at them.",
        Identifier::Place => "If this is about a patient, a town, school or employer narrows down who they are.",
        _ => "If this is about a patient, this detail helps identify them.",
    }
}

/// Why the words are a risk, and a safer way to say it, for a finding of `kind`.
pub(crate) fn kind_message(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::AdviceIndividualMedicalAdvice => (
            "This gives one person medical advice in public: a dose, a drug or a diagnosis for their case.",
            "Invite them to contact their own clinician or call the office, without advice for their case.",
        ),
        Kind::ClaimsGuaranteeOrCure => (
            "This promises a result or a cure that no treatment can guarantee.",
            "Describe what the treatment involves and what results can vary with, without promises.",
        ),
        Kind::ClaimsMisinformation => (
            "This repeats a health claim the evidence does not support.",
            "Share what the evidence says, with a trusted source, or leave the claim out.",
        ),
        Kind::PhiCaseStory => (
            "This tells one patient's story. Keep it free of anything that could point to them.",
            "Keep the story general: no dates, ages, places or details someone could recognize.",
        ),
        Kind::PhiDirectIdentifier => {
            ("This ties an identifying detail to a patient's care.", "Leave out the details that identify the patient.")
        }
        Kind::PhiMediaReference => (
            "This says the photo or video shows a patient, a chart, a screen or a board.",
            "Post only images with no patients, charts, screens, boards or wristbands in view, or none at all.",
        ),
        Kind::PhiNameWithHealthContext => (
            "This names a patient together with their care.",
            "Leave out the name and anything else that points to the patient.",
        ),
        Kind::PhiPublicFigurePatient => {
            ("This says or hints that a known person was cared for here.", "Do not say or hint who was seen here.")
        }
        Kind::PhiQuasiIdentifiers => (
            "These details together can point to one patient even without a name.",
            "Leave out the age, place, date or other details that narrow down who it is.",
        ),
        Kind::PhiRelationshipConfirmation => (
            "This confirms that someone was cared for here.",
            "Send your wishes privately, without saying where or how they were cared for.",
        ),
        Kind::PhiReviewReplyDisclosure => (
            "A reply to a review must not confirm that the reviewer is a patient or mention their visits or care.",
            "Thank them for the feedback and invite them to contact the office directly, without details.",
        ),
        Kind::ToneDefensiveReply => (
            "This argues with or blames the reviewer in public.",
            "Acknowledge the concern and offer to talk it through offline.",
        ),
        Kind::ToneDerogatoryPatientSlang => {
            ("This is derogatory slang for patients.", "Describe the situation without labels for patients.")
        }
        Kind::ToneDisparagingColleague => (
            "This attacks colleagues, the employer or another provider in public.",
            "Raise the concern through your organization's channels instead.",
        ),
        Kind::ToneInsult => ("This insults someone.", "Say what you disagree with, without the insult."),
        Kind::ToneMockingPatients => (
            "This mocks or vents about patients, which hurts trust even without a name.",
            "Share the experience without making patients the joke.",
        ),
        Kind::ToneProfanity => ("This uses profanity.", "Say it without the profanity."),
        Kind::ToneSexualContent => {
            ("This is sexual content outside a clinical context.", "Leave out the sexual remark.")
        }
        Kind::ToneShouting => ("This reads as shouting.", "Use sentence case and one exclamation mark."),
        Kind::ToneSlur => ("This attacks people for who they are.", "Remove the slur or identity attack."),
        Kind::ToneStigmatizingLanguage => (
            "This wording stigmatizes people with a condition.",
            "Use person-first wording (\"a person with a substance use disorder\").",
        ),
        Kind::ToneThreat => (
            "This reads as a threat of violence.",
            "Remove the threat; report safety concerns through your organization.",
        ),
        Kind::ToneTragedyHumor => (
            "This jokes about a tragedy, an injury or a death.",
            "Share the experience without making the harm the punch line.",
        ),
    }
}
