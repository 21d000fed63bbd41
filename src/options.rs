//! What the caller says about a draft: where it is typed ([`Context`], [`CheckOptions`]) and the built-in
//! sites the extension knows ([`SITES`]). Below the policy, which names contexts and sites too.

/// The built-in sites the extension knows.
pub const SITES: &[&str] = &[
    "facebook",
    "x",
    "linkedin",
    "instagram",
    "reddit",
    "tiktok",
    "youtube",
    "threads",
    "bluesky",
    "mastodon",
    "google_reviews",
    "yelp",
];

/// Where a draft is being typed: it changes what is risky.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// A new post or caption.
    #[default]
    Post,
    /// A comment on someone else's post.
    Comment,
    /// The organization replying to a public review: confirming any visit is a disclosure.
    ReplyToReview,
    /// A public reply in a thread, or a direct message.
    Message,
}

impl Context {
    /// Parses `post`, `comment`, `reply_to_review` or `message`.
    pub fn parse(name: &str) -> Option<Context> {
        match name {
            "post" => Some(Context::Post),
            "comment" => Some(Context::Comment),
            "reply_to_review" => Some(Context::ReplyToReview),
            "message" => Some(Context::Message),
            _ => None,
        }
    }

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Context::Post => "post",
            Context::Comment => "comment",
            Context::ReplyToReview => "reply_to_review",
            Context::Message => "message",
        }
    }
}

/// What the caller knows about where the draft is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The kind of compose box.
    pub context: Context,
    /// The site id (`facebook`, `google_reviews`, ...), when known.
    pub site: Option<String>,
}

impl CheckOptions {
    /// Options for a draft typed in `context`.
    pub fn new(context: Context) -> CheckOptions {
        CheckOptions { context, site: None }
    }
}
