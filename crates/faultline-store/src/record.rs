//! What the store takes in: a document's metadata ([`DocRecord`]) and its
//! coded events as borrowed views ([`EventRecord`]), built from the coder's
//! [`Event`] or directly (tests, benchmarks, other coders).

use faultline_coder::PartialDate;
use faultline_coder::{Event, Factuality};
use sha2::{Digest, Sha256};

/// The metadata of one document to store, with its text and quotations
/// when the caller keeps them (`Default` leaves them out).
#[derive(Debug, Clone, Default)]
pub struct DocRecord<'a> {
    /// The document's id (file stem, or the JSON Lines record's id).
    pub id: &'a str,
    /// Its URL when known, else the path it was read from.
    pub source: &'a str,
    /// The publisher when known ("" when not; the URL host is used then).
    pub publisher: &'a str,
    /// Headline.
    pub title: Option<&'a str>,
    /// Publication stamp (RFC 3339 or a date).
    pub published: Option<&'a str>,
    /// SHA-256 of the body with whitespace runs collapsed ([`DocRecord::content_hash`]).
    pub hash: [u8; 32],
    /// Number of sentences in the first paragraph (GDELT's IsRootEvent); 0 when unknown.
    pub lead_sentences: usize,
    /// The article body, which the spans of sentences and quotations index
    /// (`None`: not kept; the document view then shows only the stored sentences).
    pub body: Option<&'a str>,
    /// The direct quotations, byte ranges into `body` (stored only with it).
    pub quotes: &'a [faultline_coder::Quote],
}

impl DocRecord<'_> {
    /// The content hash of a body: SHA-256 of its words joined by single
    /// spaces, so re-wrapped copies of one article hash the same.
    pub fn content_hash(body: &str) -> [u8; 32] {
        let mut h = Sha256::new();
        let mut first = true;
        for word in body.split_whitespace() {
            if !first {
                h.update(b" ");
            }
            h.update(word.as_bytes());
            first = false;
        }
        h.finalize().into()
    }

    /// The identity key used besides the content hash: the URL for web
    /// documents, else `id@path`.
    pub fn key(&self) -> String {
        if self.source.starts_with("http://") || self.source.starts_with("https://") {
            self.source.to_owned()
        } else {
            format!("{}@{}", self.id, self.source)
        }
    }
}

/// An actor of an event, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ActorView<'a> {
    /// The mention as written.
    pub text: &'a str,
    /// CAMEO actor code.
    pub code: &'a str,
    /// Country (or IGO/NGO) root, when the coder gave one.
    pub country: Option<&'a str>,
}

impl<'a> ActorView<'a> {
    /// The actor's root for dyads: see [`actor_root`].
    pub fn root(&self) -> &'a str {
        actor_root(self.code, self.country)
    }
}

/// The type prefixes of actors that belong to no country: international
/// organisations, NGOs, militant groups and multinational companies. The
/// coder gives them as the "country" of such actors.
const GROUP_TYPES: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// The actor's root for dyads and stories: the country when the coder gave
/// one; for an organisation (`IGO`, `NGO`, `IMG`, `MNC`), the organisation
/// itself, from its code: the type and the organisation's three letters
/// (`IGOUNOSCR` → `IGOUNO`, `NGOMSF`), with one more group where the
/// second is only a qualifier: courts of no other organisation
/// (`IGOJUDICC`) and militant groups, whose second group is a religion
/// (`IMGSUNJIH`, not `IMGSUN`); else the first three letters of the code.
pub fn actor_root<'a>(code: &'a str, country: Option<&'a str>) -> &'a str {
    if let Some(c) = country.filter(|c| !c.is_empty() && !GROUP_TYPES.contains(c)) {
        return c;
    }
    let n = match code.get(..3) {
        Some("IMG") => 9,
        Some("IGO") if code.get(3..6) == Some("JUD") => 9,
        Some(t) if GROUP_TYPES.contains(&t) => 6,
        _ => 3,
    };
    code.get(..n.min(code.len())).unwrap_or(code)
}

/// Whether a stored root is only the type of an organisation (`IGO`, …),
/// as databases before schema version 4 stored every organisation.
pub fn is_bare_group_type(root: &str) -> bool {
    GROUP_TYPES.contains(&root)
}

/// One coded event, borrowed: what the store keeps of it.
#[derive(Debug, Clone, Copy)]
pub struct EventRecord<'a> {
    /// The coder's id ("doc:sentence:n").
    pub coder_id: &'a str,
    /// Who acted.
    pub source: ActorView<'a>,
    /// Whom it was done to.
    pub target: Option<ActorView<'a>>,
    /// CAMEO event code.
    pub cameo: &'a str,
    /// Two-digit CAMEO root.
    pub root: &'a str,
    /// Quad class 1–4.
    pub quad: u8,
    /// Goldstein weight.
    pub goldstein: f64,
    /// PLOVER type.
    pub plover: &'a str,
    /// PLOVER mode.
    pub mode: &'a str,
    /// Event date, to year, month or day.
    pub date: PartialDate,
    /// "text", "paragraph", "lead" or "article".
    pub date_source: &'a str,
    /// Factuality.
    pub factuality: Factuality,
    /// The factuality cue word.
    pub cue: Option<&'a str>,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Sentence start byte.
    pub sentence_start: usize,
    /// Sentence end byte.
    pub sentence_end: usize,
    /// The sentence text.
    pub sentence_text: &'a str,
    /// Trigger words.
    pub trigger: &'a str,
    /// The rule that fired.
    pub rule: &'a str,
    /// Confidence 0–1.
    pub confidence: f64,
}

impl<'a> From<&'a Event> for EventRecord<'a> {
    fn from(e: &'a Event) -> Self {
        let actor = |a: &'a faultline_coder::ActorRef| ActorView {
            text: &a.text,
            code: &a.code,
            country: a.country.as_deref(),
        };
        Self {
            coder_id: &e.id,
            source: actor(&e.source),
            target: e.target.as_ref().map(actor),
            cameo: &e.cameo,
            root: &e.root,
            quad: e.quad_class,
            goldstein: e.goldstein,
            plover: &e.plover.kind,
            mode: &e.plover.mode,
            date: e.date,
            date_source: e.date_source,
            factuality: e.factuality,
            cue: e.factuality_cue.as_deref(),
            sentence: e.sentence.index,
            sentence_start: e.sentence.start,
            sentence_end: e.sentence.end,
            sentence_text: &e.sentence.text,
            trigger: &e.trigger.text,
            rule: &e.rule,
            confidence: e.confidence,
        }
    }
}

/// Factuality as stored: 0 asserted, 1 negated, 2 hypothetical, 3 conditional, 4 future.
pub fn factuality_code(f: Factuality) -> i64 {
    match f {
        Factuality::Asserted => 0,
        Factuality::Negated => 1,
        Factuality::Hypothetical => 2,
        Factuality::Conditional => 3,
        Factuality::Future => 4,
    }
}

/// The name of a stored factuality code ("asserted", …; "unknown" out of range).
pub fn factuality_name(code: i64) -> &'static str {
    match code {
        0 => "asserted",
        1 => "negated",
        2 => "hypothetical",
        3 => "conditional",
        4 => "future",
        _ => "unknown",
    }
}

/// The stored code of a factuality name, the inverse of [`factuality_name`].
pub fn factuality_from_name(name: &str) -> Option<i64> {
    (0..5).find(|&c| factuality_name(c) == name)
}

/// The PLOVER context of a stored factuality code.
pub fn plover_context(code: i64) -> &'static str {
    match code {
        1 => "negation",
        2 | 3 => "hypothetical",
        4 => "future",
        _ => "",
    }
}

/// An event date as (day number since 1970-01-01 of its first day,
/// precision: 0 day, 1 month, 2 year, 3 impossible).
pub fn day_of_date(date: PartialDate) -> (i64, u8) {
    let first = match date {
        PartialDate::Date(d) => Some((d, 0)),
        PartialDate::YearMonth { year, month } => {
            chrono::NaiveDate::from_ymd_opt(year, month, 1).map(|d| (d, 1))
        }
        PartialDate::Year(y) => chrono::NaiveDate::from_ymd_opt(y, 1, 1).map(|d| (d, 2)),
    };
    first.map_or((0, 3), |(d, prec)| (day_number(d), prec))
}

/// A stored event date (YYYY-MM-DD, YYYY-MM or YYYY, as written by
/// [`PartialDate`]'s `Display`) as (day number since 1970-01-01 of its first
/// day, precision: 0 day, 1 month, 2 year, 3 unreadable).
pub fn day_of(date: &str) -> (i64, u8) {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: Option<&&str>| s.and_then(|s| s.parse::<u32>().ok());
    let (y, m, d, prec) = match parts.len() {
        1 => (num(parts.first()), Some(1), Some(1), 2),
        2 => (num(parts.first()), num(parts.get(1)), Some(1), 1),
        3 => (num(parts.first()), num(parts.get(1)), num(parts.get(2)), 0),
        _ => (None, None, None, 3),
    };
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
            .map_or((0, 3), |nd| (day_number(nd), prec)),
        _ => (0, 3),
    }
}

/// Days since 1970-01-01.
pub fn day_number(d: chrono::NaiveDate) -> i64 {
    d.signed_duration_since(epoch()).num_days()
}

/// The date of a day number.
pub fn date_of_day(day: i64) -> chrono::NaiveDate {
    epoch() + chrono::Duration::days(day)
}

fn epoch() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(day_of("1970-01-02"), (1, 0));
        assert_eq!(day_of("1970-02"), (31, 1));
        assert_eq!(day_of("1971"), (365, 2));
        assert_eq!(day_of("soon"), (0, 3));
        assert_eq!(day_of("2014-02-30"), (0, 3));
        assert_eq!(
            date_of_day(day_of("2014-10-07").0).to_string(),
            "2014-10-07"
        );
    }

    #[test]
    fn roots() {
        assert_eq!(actor_root("USAGOV", Some("USA")), "USA");
        assert_eq!(actor_root("USAGOV", None), "USA");
        assert_eq!(actor_root("IGOUNOSCR", None), "IGOUNO");
        assert_eq!(actor_root("GOV", None), "GOV");
    }

    #[test]
    fn organisations_are_their_own_roots() {
        // The coder gives "IGO" (or "IMG", …) as the country of an organisation.
        assert_eq!(actor_root("IGOUNO", Some("IGO")), "IGOUNO");
        assert_eq!(actor_root("IGOEEU", Some("IGO")), "IGOEEU");
        assert_eq!(actor_root("IGOUNOSCR", Some("IGO")), "IGOUNO");
        assert_eq!(actor_root("IGOJUDICC", Some("IGO")), "IGOJUDICC");
        assert_eq!(actor_root("NGOMSF", Some("NGO")), "NGOMSF");
        assert_eq!(actor_root("IMGSUNJIH", Some("IMG")), "IMGSUNJIH");
        assert_ne!(
            actor_root("IMGSUNJIH", Some("IMG")),
            actor_root("IMGSUNALQ", Some("IMG"))
        );
        assert_eq!(actor_root("IGO", Some("IGO")), "IGO");
        assert_eq!(actor_root("KORNGO", Some("KOR")), "KOR");
    }

    #[test]
    fn hashes_ignore_wrapping() {
        assert_eq!(
            DocRecord::content_hash("a b\n\nc"),
            DocRecord::content_hash(" a  b c\n")
        );
        assert_ne!(
            DocRecord::content_hash("a b"),
            DocRecord::content_hash("a c")
        );
    }

    #[test]
    fn factuality_names_round_trip() {
        for c in 0..5 {
            assert_eq!(factuality_from_name(factuality_name(c)), Some(c));
        }
    }
}
