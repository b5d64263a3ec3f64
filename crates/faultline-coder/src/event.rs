//! The coder's output: events, actors, factuality and quotes, as the output
//! contract of `faultline code` describes them.

use serde::Serialize;

/// How certain the text makes an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Factuality {
    /// The text states it happened (or that the intent was stated).
    Asserted,
    /// The text says it did not happen ("did not meet", "no talks").
    Negated,
    /// A possibility: "could", "would", "might", "may".
    Hypothetical,
    /// Depends on a condition: "if", "unless".
    Conditional,
    /// Announced for later, and not a statement of intent.
    Future,
}

impl Factuality {
    /// The lower-case name used in the output ("asserted", "negated", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Negated => "negated",
            Self::Hypothetical => "hypothetical",
            Self::Conditional => "conditional",
            Self::Future => "future",
        }
    }
    /// The PLOVER auxiliary for this factuality ("" when asserted).
    pub fn plover_context(self) -> &'static str {
        match self {
            Self::Asserted => "",
            Self::Negated => "negation",
            Self::Hypothetical | Self::Conditional => "hypothetical",
            Self::Future => "future",
        }
    }
}

/// An actor of an event: the mention's text and its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// The mention, verbatim.
    pub text: String,
    /// CAMEO actor code.
    pub code: String,
    /// Three-letter country (or IGO/IMG/NGO) root.
    pub country: Option<String>,
    /// Byte offset of the mention in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// How the actor was resolved (dictionary, apposition, coreference, context).
    pub via: faultline_actors::Via,
}

/// PLOVER type and mode of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plover {
    /// PLOVER event type ("" when PLOVER has none for the code).
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode ("" when none).
    pub mode: String,
    /// PLOVER auxiliary from the factuality (negation, hypothetical, future, historical).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub context: String,
}

/// The sentence an event came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    /// Index of the sentence in the document.
    pub index: usize,
    /// Byte offset in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The sentence, verbatim.
    pub text: String,
}

/// The words that triggered an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TriggerRef {
    /// The trigger words, verbatim ("accused", "held talks").
    pub text: String,
    /// Byte offset in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// One coded event.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// "doc-id:sentence:n".
    pub id: String,
    /// Who acted.
    pub source: ActorRef,
    /// Whom it was done to; `None` for targetless events.
    pub target: Option<ActorRef>,
    /// CAMEO event code.
    pub cameo: String,
    /// Two-digit root.
    pub root: String,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// Goldstein weight of the code.
    pub goldstein: f64,
    /// PLOVER type, mode and context.
    pub plover: Plover,
    /// Date of the event, to year, month or day (serialised as YYYY,
    /// YYYY-MM or YYYY-MM-DD).
    pub date: faultline_dates::PartialDate,
    /// "text" when a date expression governs the event, "paragraph" when
    /// an earlier sentence of its paragraph set the date, "lead" when the
    /// article's lead gave the day of the story, else "article".
    pub date_source: &'static str,
    /// The date expression, when one was used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// How certain the text makes the event.
    pub factuality: Factuality,
    /// The word that set the factuality ("could", "not", "if", "will").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factuality_cue: Option<String>,
    /// The sentence.
    pub sentence: SentenceRef,
    /// The trigger words.
    pub trigger: TriggerRef,
    /// Id of the pattern that fired: "verbs/11.toml:accuse/1", or ".../default".
    pub rule: String,
    /// 0–1: how much to trust this event.
    pub confidence: f64,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The speaker as named in the text.
    pub speaker: Option<String>,
    /// The speaker's role as the text gives it.
    pub speaker_role: Option<String>,
    /// The speaker's actor code, when resolvable.
    pub actor: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Byte offset of the quoted words in the body.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// How the speaker was found: "after", "before", "according-to", "paragraph", "continuation", or "none".
    pub attribution: &'static str,
}
