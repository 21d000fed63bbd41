//! Cues: the phrases the privacy judges weigh beside the mentions (a story told about one patient, a photo, a
//! hint at a well-known person, a condolence). Each is gated ([`super::CATALOG`]); the judge that reads it is
//! named beside it.

use crate::gate::Pattern;

/// One person in a care story: "a sweet older man", "this pt", "the frequent flyer" (`phi.case_story`).
pub(crate) static ONE_PATIENT: Pattern = Pattern::lower(
    r"(?-u:\b)(?:a|an|one|my|our|this|that|the|another|este|esta|el|la)(?: [a-z0-9'-]+){0,3}? (?:patient|pt|man|woman|lady|guy|gentleman|dude|kid|boy|girl|toddler|teen|teenager|adult|child|infant|newborn|veteran|se[nñ]or|se[nñ]ora|paciente|alcoholic|addict|frequent flyer|drug seeker|train wreck|gomer|shpos|borracho|crock)(?-u:\b)|(?-u:\b)(?:gomer|shpos|frequent flyer|drug seeker)(?-u:\b)",
);

/// Words that tell a story happened: "last night", "came in", "was" (`phi.case_story`).
pub(crate) static STORY_TIME: Pattern = Pattern::lower(
    r"(?-u:\b)(?:today|tonight|yesterday|this (?:morning|week|shift)|last (?:night|week|shift|day)|ago|earlier|once|storytime|pov|another|case of the week|grand rounds|had an?|was|were|came|got|told|asked|said|went|left|pulled|spit|threw|caught|called|gave|is back|de siempre|cada|[a-z]{3,}ed|[0-9]{1,2}(?::[0-9][0-9])? ?(?:am|pm))(?-u:\b)",
);

/// Things a photo shows that hold patient information: a census board, a wristband, "this x-ray from"
/// (`phi.media_reference`).
pub(crate) static SHOWS_PHI: Pattern = Pattern::lower(
    r"(?-u:\b)(?:whiteboard|white board|census board|patient board|assignment board|tracking board|wristband|armband|id band|patient list|(?:or|surgery|surgical|clinic|patient|appointment|dialysis) schedule|(?:surgery|surgical|clinic|unit|bed) board|unit census|(?:x-?ray|ct|mri|scan|ultrasound) of the (?:week|day|month)|(?:this|the|her|his|my pt'?s?) (?:x-?ray|ct|mri|scan|ultrasound|ekg|ecg)(?: from| of)?|x-?ray (?:from|of) (?:tonight|today)|(?:pt|patient)'?s? (?:chart|screen|monitor))(?-u:\b)",
);

/// Words for a photo or video: "selfie", "pic", "swipe", "before/after" (`phi.media_reference`).
pub(crate) static PHOTO: Pattern = Pattern::lower(
    r"(?-u:\b)(?:selfie|pic|pics|photo|photos|picture|video|vid|swipe|before (?:&|and|/) after|before/after|before-and-after|filmed|recorded)(?-u:\b)",
);

/// A hint at who a well-known patient is: "guess who", "a certain pitcher", "(hint: she reads the weather"
/// (`phi.public_figure_patient`).
pub(crate) static HINT: Pattern = Pattern::lower(
    r"(?-u:\b)(?:guess (?:who|which)|(?:our|a|the) (?:local|town'?s|city'?s|favorite|beloved) (?:weatherman|weather ?woman|news anchor|anchor|celebrity|radio host|dj|mayor|sheriff|pastor|coach|councilman|councilwoman|news ?caster)|(?:city|town|county) council (?:member|man|woman)|you'?ll never (?:guess|believe) who|a certain [a-z][0-9a-z_ ]{0,30}|that (?:[0-9a-z_]+ ){0,2}(?:singer|actor|actress|rapper|player|pitcher|quarterback|celebrity|influencer|anchor|politician|senator|mayor|athlete|star|youtuber|tiktoker)(?: who)?|nobody recognized|my lips are sealed|\(hint:[^)]{0,60}|hint: [^.!?]{0,60}|famous [a-z]+|local celebrity|reads the weather|the (?:mayor|governor|senator|coach|principal|pastor|sheriff)'s (?:husband|wife|son|daughter|mom|dad|mother|father|kid))",
);

/// An office or a well-known local role named without a name: "the mayor", "our state senator"
/// (`phi.public_figure_patient`).
pub(crate) static OFFICE: Pattern = Pattern::lower(
    r"(?-u:\b)(?:the|our|a|an|this|that) (?:former |ex-|new |local |state |town |city |county |school )?(?:mayor|governor|lieutenant governor|senator|congressman|congresswoman|state representative|police chief|fire chief|sheriff|superintendent|bishop|district attorney|city manager|news anchor|weatherman|anchorman|quarterback|head coach)(?-u:\b)",
);

/// Condolences, get-well wishes and support: "sorry for your loss", "praying for you", "passed away"
/// (`phi.relationship_confirmation`).
pub(crate) static SUPPORT: Pattern = Pattern::lower(
    r"(?-u:\b)(?:sorry for your loss|condolences|praying for you|prayers for you|thinking of you|sending (?:you )?(?:love|prayers|hugs)|our hearts are with|hope (?:you(?:'re| are)? feel[0-9a-z_]*(?: better)?|everything is ok(?:ay)?|round [0-9]+|(?:she|he)(?:'s| is) (?:ok|okay|doing ok))|get well soon|feel better soon|rest in peace|passed (?:away )?(?:this morning|last night|today|yesterday|peacefully)|passed away|didn'?t make it|we tried so hard|we fought so hard|see you at your|thinking about the)(?-u:\b)",
);

/// A relative's records or care: "your mom's chart", "your dad's room" (`phi.relationship_confirmation`).
pub(crate) static RELATIVE_RECORD: Pattern = Pattern::lower(
    r"(?-u:\b)your (?:mom|mother|dad|father|husband|wife|son|daughter|grandma|grandpa|grandmother|grandfather|brother|sister|child|baby)'?s? (?:chart|info|information|records?|room|bill|surgery|results|labs|meds)(?-u:\b)",
);
