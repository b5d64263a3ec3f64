//! Reading stored events and documents for display (the server's event
//! list and document view): a filtered, paged list of events with each
//! one's evidence sentence, and one document with its stored sentences and
//! the events reported in it. Read-only; every value is a bound parameter.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::record::{day_number, factuality_name};

/// The most events one page of [`Store::events`] may hold.
pub const MAX_PAGE_SIZE: u32 = 200;

/// Filters of [`Store::events`]. Every filter is optional; all given must hold.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// An actor root or code, as source or target (`KOR`, `KORGOV`).
    pub actor: Option<String>,
    /// A dyad of two roots, either direction.
    pub dyad: Option<(String, String)>,
    /// A two-digit CAMEO root (`04`).
    pub root: Option<String>,
    /// A stored factuality code (see [`crate::record::factuality_code`]).
    pub factuality: Option<i64>,
    /// First day, inclusive (events with an unreadable date are left out
    /// when a range is given; partial dates count from their first day).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Words that a sentence of one of the event's mentions must hold (all
    /// of them, stemmed: "sanction" finds "sanctions"); see [`search_terms`].
    pub text: Option<String>,
    /// Page number, from 1.
    pub page: u32,
    /// Events per page, 1 to [`MAX_PAGE_SIZE`].
    pub per_page: u32,
}

/// A byte range into an event's evidence sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// An event (story) with its first mention's evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventView {
    /// Event id.
    pub id: i64,
    /// Event date: YYYY-MM-DD, YYYY-MM or YYYY.
    pub date: String,
    /// Source actor code.
    pub source: String,
    /// Source actor root (country or organisation).
    pub source_root: String,
    /// Source actor as first named.
    pub source_name: String,
    /// Target actor code ("" when none).
    pub target: String,
    /// Target actor root.
    pub target_root: String,
    /// Target actor as first named.
    pub target_name: String,
    /// CAMEO event code.
    pub cameo: String,
    /// Two-digit CAMEO root.
    pub root: String,
    /// Quad class 1–4.
    pub quad_class: i64,
    /// Goldstein weight.
    pub goldstein: f64,
    /// PLOVER type ("" when none).
    pub plover: String,
    /// Factuality name.
    pub factuality: &'static str,
    /// Number of mentions.
    pub mentions: i64,
    /// Row id of the first mention's document.
    pub document: i64,
    /// That document's URL or path.
    pub url: String,
    /// That document's headline.
    pub title: Option<String>,
    /// The evidence sentence, verbatim.
    pub sentence: String,
    /// The source actor's words in the first mention.
    pub source_text: String,
    /// The target actor's words.
    pub target_text: String,
    /// The trigger words.
    pub trigger: String,
    /// Where `source_text` first occurs in `sentence` (the store keeps the
    /// words, not their offsets: a repeated word may be another occurrence).
    pub source_span: Option<Span>,
    /// Where `target_text` first occurs in `sentence`.
    pub target_span: Option<Span>,
    /// Where `trigger` first occurs in `sentence`.
    pub trigger_span: Option<Span>,
}

/// One page of events.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventPage {
    /// Page number, from 1.
    pub page: u32,
    /// Events per page.
    pub per_page: u32,
    /// Whether a further page has events.
    pub has_more: bool,
    /// The events, latest first.
    pub events: Vec<EventView>,
}

/// A stored sentence of a document (only sentences with events are stored).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentenceView {
    /// Index in the document.
    pub index: i64,
    /// First byte in the article body.
    pub start: i64,
    /// One past the last byte.
    pub end: i64,
    /// The sentence.
    pub text: String,
}

/// A direct quotation of a stored document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteView {
    /// First byte of the quotation in the article body.
    pub start: i64,
    /// One past its last byte.
    pub end: i64,
    /// The speaker as named in the text.
    pub speaker: Option<String>,
    /// The speaker's role as the text gives it.
    pub role: Option<String>,
    /// The speaker's actor code, when resolved.
    pub actor: Option<String>,
    /// How the speaker was found (after, before, according-to, paragraph, continuation, none).
    pub attribution: String,
}

/// A stored document: metadata, the article text and its quotations when
/// they were kept, the sentences with events, and the events reported in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentView {
    /// Row id.
    pub id: i64,
    /// The document's own id (file stem or record id).
    pub doc_id: String,
    /// URL, else the path it was read from.
    pub url: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication stamp.
    pub published: Option<String>,
    /// Publisher, else the URL host.
    pub outlet: String,
    /// When it was stored (UTC, YYYYMMDDHHMMSS).
    pub ingested_at: String,
    /// The article body (absent for documents stored before version 5).
    pub body: Option<String>,
    /// Its direct quotations, in order (byte ranges into `body`).
    pub quotes: Vec<QuoteView>,
    /// The sentences with events, in order.
    pub sentences: Vec<SentenceView>,
    /// The events this document reports (each once), in sentence order.
    pub events: Vec<EventView>,
}

/// The columns of an [`EventView`], read by [`event_view`]; `m` is the mention shown.
const EVENT_COLUMNS: &str = "e.id, e.date, e.src_code, e.src_root, e.src_name, e.tgt_code, \
     e.tgt_root, e.tgt_name, e.cameo, e.root, e.quad, e.goldstein, e.plover, e.factuality, \
     (SELECT count(*) FROM mentions m2 WHERE m2.event = e.id), d.id, d.url, d.title, s.text, \
     m.src_text, m.tgt_text, m.trigger";

fn event_view(r: &Row<'_>) -> rusqlite::Result<EventView> {
    let sentence: String = r.get(18)?;
    let (source_text, target_text, trigger): (String, String, String) =
        (r.get(19)?, r.get(20)?, r.get(21)?);
    Ok(EventView {
        id: r.get(0)?,
        date: r.get(1)?,
        source: r.get(2)?,
        source_root: r.get(3)?,
        source_name: r.get(4)?,
        target: r.get(5)?,
        target_root: r.get(6)?,
        target_name: r.get(7)?,
        cameo: r.get(8)?,
        root: r.get(9)?,
        quad_class: r.get(10)?,
        goldstein: r.get(11)?,
        plover: r.get(12)?,
        factuality: factuality_name(r.get(13)?),
        mentions: r.get(14)?,
        document: r.get(15)?,
        url: r.get(16)?,
        title: r.get(17)?,
        source_span: find(&sentence, &source_text),
        target_span: find(&sentence, &target_text),
        trigger_span: find(&sentence, &trigger),
        sentence,
        source_text,
        target_text,
        trigger,
    })
}

/// Every story key the events of dyad `a`–`b` can have (both directions,
/// the CAMEO roots, factualities and date precisions the query allows), as
/// a JSON list for `json_each`.
fn story_keys(a: &str, b: &str, q: &EventQuery) -> String {
    let roots: Vec<String> = match &q.root {
        Some(r) => vec![r.clone()],
        None => (1..=20).map(|r| format!("{r:02}")).collect(),
    };
    let facts: Vec<i64> = q.factuality.map_or_else(|| (0..=4).collect(), |f| vec![f]);
    let mut keys = Vec::with_capacity(2 * roots.len() * facts.len() * 4);
    for (s, t) in [(a, b), (b, a)] {
        for root in &roots {
            for &fact in &facts {
                for prec in 0..=3 {
                    keys.push(crate::schema::story_key(s, t, root, fact, prec));
                }
            }
        }
    }
    serde_json::to_string(&keys).unwrap_or_default()
}

/// A search reads at most this many matching sentences, the most recently
/// stored first, so a word found in millions of sentences still answers
/// quickly (its events are then those of its latest sentences).
pub const MAX_SEARCH_SENTENCES: usize = 10_000;

/// The most words a search may hold.
pub const MAX_SEARCH_WORDS: usize = 16;

/// A full-text query for the sentence index from what a person typed: its
/// words (runs of letters and digits; quotes, operators and punctuation
/// are not syntax), each quoted, all required. `None` when it has no word;
/// an error when it has more than [`MAX_SEARCH_WORDS`].
pub fn search_terms(typed: &str) -> Result<Option<String>> {
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > MAX_SEARCH_WORDS {
        return Err(StoreError::Query(format!(
            "the search has {} words; use at most {MAX_SEARCH_WORDS}",
            words.len()
        )));
    }
    Ok((!words.is_empty()).then(|| {
        words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ")
    }))
}

/// The first occurrence of `needle` in `hay` as whole words (not inside a
/// longer word: "he" is not found in "the"), if any; never for an empty needle.
fn find(hay: &str, needle: &str) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle)
        .map(|(start, _)| Span {
            start,
            end: start + needle.len(),
        })
        .find(|s| !word(hay[..s.start].chars().next_back()) && !word(hay[s.end..].chars().next()))
}

impl Store {
    /// A page of events matching `q`, latest first (by day, then id).
    pub fn events(&self, q: &EventQuery) -> Result<EventPage> {
        if q.page == 0 || q.per_page == 0 || q.per_page > MAX_PAGE_SIZE {
            return Err(StoreError::Query(format!(
                "page must be 1 or more and page size 1 to {MAX_PAGE_SIZE}"
            )));
        }
        if let (Some(from), Some(to)) = (q.from, q.to)
            && from > to
        {
            return Err(StoreError::Query(format!("from {from} is after to {to}")));
        }
        let text = q.text.as_deref().map(search_terms).transpose()?.flatten();
        // A dyad is looked up by its story keys (the `events_story` index),
        // not by scanning the events.
        let stories = q.dyad.as_ref().map(|(a, b)| story_keys(a, b, q));
        let by_story = if stories.is_some() {
            "e.story IN (SELECT value FROM json_each(?10)) AND"
        } else {
            "?10 IS NULL AND"
        };
        // The same day bounds again, plain, so that the story index
        // (story, day) reads only the days asked for.
        let days = match (q.from.is_some(), q.to.is_some()) {
            (true, true) => "e.day BETWEEN ?6 AND ?7 AND",
            (true, false) => "e.day >= ?6 AND",
            (false, true) => "e.day <= ?7 AND",
            (false, false) => "",
        };
        let sql = format!(
            // The page's ids first (filter, sort, limit), then the columns
            // of those rows only: the mention count and joins are not
            // computed for every matching event.
            "WITH page AS (SELECT e.id, e.day FROM events e WHERE {by_story} {days} \
             (?1 IS NULL OR e.src_root = ?1 OR e.tgt_root = ?1 OR e.src_code = ?1 OR e.tgt_code = ?1) \
             AND (?2 IS NULL OR (e.src_root = ?2 AND e.tgt_root = ?3) OR (e.src_root = ?3 AND e.tgt_root = ?2)) \
             AND (?4 IS NULL OR e.root = ?4) AND (?5 IS NULL OR e.factuality = ?5) \
             AND (?6 IS NULL OR (e.precision < 3 AND e.day >= ?6)) \
             AND (?7 IS NULL OR (e.precision < 3 AND e.day <= ?7)) \
             AND (?11 IS NULL OR e.id IN (SELECT m.event FROM \
                 (SELECT rowid AS r FROM sentences_fts WHERE sentences_fts MATCH ?11 \
                  ORDER BY rowid DESC LIMIT {cap}) f \
                 JOIN mentions m ON m.doc = f.r / {slots} AND m.sentence = f.r % {slots})) \
             ORDER BY e.day DESC, e.id DESC LIMIT ?8 OFFSET ?9) \
             SELECT {EVENT_COLUMNS} FROM page JOIN events e ON e.id = page.id \
             JOIN mentions m ON m.id = e.first_mention \
             JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence \
             JOIN documents d ON d.id = m.doc \
             ORDER BY page.day DESC, page.id DESC",
            slots = crate::schema::SENTENCE_SLOTS,
            cap = MAX_SEARCH_SENTENCES
        );
        let (a, b) = q.dyad.clone().unzip();
        let limit = i64::from(q.per_page) + 1;
        let offset = i64::from(q.page - 1) * i64::from(q.per_page);
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut events = st
            .query_map(
                params![
                    q.actor,
                    a,
                    b,
                    q.root,
                    q.factuality,
                    q.from.map(day_number),
                    q.to.map(day_number),
                    limit,
                    offset,
                    stories,
                    text
                ],
                event_view,
            )
            .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        let has_more = events.len() > q.per_page as usize;
        events.truncate(q.per_page as usize);
        Ok(EventPage {
            page: q.page,
            per_page: q.per_page,
            has_more,
            events,
        })
    }

    /// The document with row id `id`, or `None` when there is none.
    pub fn document(&self, id: i64) -> Result<Option<DocumentView>> {
        let doc = self
            .conn
            .prepare_cached(
                "SELECT id, doc_id, url, title, published, outlet, ingested_at, body \
                 FROM documents WHERE id = ?1",
            )
            .and_then(|mut st| {
                st.query_row([id], |r| {
                    Ok(DocumentView {
                        id: r.get(0)?,
                        doc_id: r.get(1)?,
                        url: r.get(2)?,
                        title: r.get(3)?,
                        published: r.get(4)?,
                        outlet: r.get(5)?,
                        ingested_at: r.get(6)?,
                        body: r.get(7)?,
                        quotes: Vec::new(),
                        sentences: Vec::new(),
                        events: Vec::new(),
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some(mut doc) = doc else {
            return Ok(None);
        };
        doc.sentences = self
            .conn
            .prepare_cached(
                "SELECT idx, start, end, text FROM sentences WHERE doc = ?1 ORDER BY idx",
            )
            .and_then(|mut st| {
                st.query_map([id], |r| {
                    Ok(SentenceView {
                        index: r.get(0)?,
                        start: r.get(1)?,
                        end: r.get(2)?,
                        text: r.get(3)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))?;
        doc.quotes = self
            .conn
            .prepare_cached(
                "SELECT start, end, speaker, role, actor, attribution FROM quotes \
                 WHERE doc = ?1 ORDER BY idx",
            )
            .and_then(|mut st| {
                st.query_map([id], |r| {
                    Ok(QuoteView {
                        start: r.get(0)?,
                        end: r.get(1)?,
                        speaker: r.get(2)?,
                        role: r.get(3)?,
                        actor: r.get(4)?,
                        attribution: r.get(5)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))?;
        // Each event once, shown with this document's first mention of it.
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM mentions m \
             JOIN events e ON e.id = m.event \
             JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence \
             JOIN documents d ON d.id = m.doc \
             WHERE m.doc = ?1 AND m.id = (SELECT min(m3.id) FROM mentions m3 \
             WHERE m3.doc = ?1 AND m3.event = m.event) \
             ORDER BY m.sentence, m.id"
        );
        doc.events = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut st| st.query_map([id], event_view)?.collect())
            .map_err(|e| self.err(e))?;
        Ok(Some(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_gives_byte_ranges_that_slice() {
        let s = "Seoul’s envoy met Tokyo’s envoy.";
        let sp = find(s, "Tokyo").expect("found");
        assert_eq!(&s[sp.start..sp.end], "Tokyo");
        assert_eq!(find(s, ""), None);
        assert_eq!(find(s, "Paris"), None);
        let t = "Then the envoy said he would go.";
        let he = find(t, "he").expect("whole word");
        assert_eq!((he.start, &t[he.start..he.end]), (20, "he"));
        assert_eq!(find("others", "he"), None);
    }

    #[test]
    fn search_terms_are_quoted_words() {
        let q = search_terms(r#"troops "border" OR NEAR(x*"#).expect("ok");
        assert_eq!(q.as_deref(), Some(r#""troops" "border" "OR" "NEAR" "x""#));
        assert_eq!(search_terms(" -- ").expect("ok"), None);
        assert_eq!(
            search_terms("Zürich").expect("ok").as_deref(),
            Some("\"Zürich\"")
        );
        assert!(search_terms(&"a ".repeat(17)).is_err());
    }
}
