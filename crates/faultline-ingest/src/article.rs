//! The extracted article: metadata, a clean body, and its text layer.
//!
//! [`Article::assemble`] is the one place where a body is built: it joins the
//! cleaned paragraphs with one blank line, records each paragraph's byte span,
//! and runs the text layer so that every span indexes into `body`.

use faultline_dates::Stamp;
use faultline_text::Span;
use serde::Serialize;

pub use crate::credit::Dateline;

/// Which reader produced a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain-text page dump as scrapers save it.
    Text,
    /// A plain-text file with a `key: value` header closed by a `---` line.
    Header,
    /// An HTML page.
    Html,
    /// One record of a JSON Lines file.
    Jsonl,
}

/// A section label printed above a headline, such as "[Analysis]".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kicker {
    /// The text as the page shows it, e.g. "[Analysis]".
    pub raw: String,
    /// The cleaned label, e.g. "Analysis".
    pub label: String,
}

/// Section labels news sites print as kickers, in their usual spelling.
const KNOWN_LABELS: &[&str] = &[
    "Analysis",
    "Interview",
    "Editorial",
    "Column",
    "Opinion",
    "Commentary",
    "Feature",
    "News",
    "Exclusive",
    "Breaking",
    "Explainer",
    "Reportage",
    "Op-ed",
    "Letters",
    "Special Report",
    "Review",
    "Obituary",
    "Profile",
    "In Pictures",
    "Photo",
    "Video",
    "Fact Check",
    "Live",
    "Update",
    "Investigation",
    "Insight",
    "Perspective",
    "Guest Column",
    "Behind the News",
    "News Analysis",
    "Q&A",
    "Brief",
    "Briefing",
    "Focus",
    "Viewpoint",
];

impl Kicker {
    /// Builds a kicker from its raw text, stripping brackets, bars and colons.
    ///
    /// The cleaned label takes the usual spelling of a known section label
    /// when the page misspells it slightly ("[Anaysis]" gives "Analysis").
    pub fn from_raw(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let label = raw
            .trim_matches(|c: char| {
                matches!(
                    c,
                    '[' | ']' | '(' | ')' | '【' | '】' | '|' | ':' | '-' | '–' | '—'
                ) || c.is_whitespace()
            })
            .trim();
        if label.is_empty() {
            return None;
        }
        let lower = label.to_lowercase();
        let canonical = KNOWN_LABELS.iter().find(|known| {
            let k = known.to_lowercase();
            let allowed = if k.len() >= 6 {
                2
            } else if k.len() >= 4 {
                1
            } else {
                0
            };
            strsim::damerau_levenshtein(&k, &lower) <= allowed
        });
        Some(Self {
            raw: raw.to_owned(),
            label: canonical.map_or_else(|| label.to_owned(), |k| (*k).to_owned()),
        })
    }
}

/// A sentence as a byte range of `body`, with the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentenceSpan {
    /// Byte offset of the first byte of the sentence in `body`.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence in `body`.
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
}

/// A quotation as byte ranges of `body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuoteSpan {
    /// Start of the quotation, at its opening mark.
    pub start: usize,
    /// End of the quotation, after its closing mark.
    pub end: usize,
    /// Start of the quoted words.
    pub inner_start: usize,
    /// End of the quoted words.
    pub inner_end: usize,
    /// False when the text never closes the quotation.
    pub closed: bool,
}

/// Metadata a reader found before the body is assembled.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The section label above the headline.
    pub kicker: Option<Kicker>,
    /// The deck or standfirst under the headline.
    pub subtitle: Option<String>,
    /// When the article was first published.
    pub published: Option<Stamp>,
    /// When the article was last modified.
    pub modified: Option<Stamp>,
    /// Author names only, without roles.
    pub byline: Vec<String>,
    /// The dateline taken from the start of the first paragraph.
    pub dateline: Option<Dateline>,
    /// Photo captions, each once.
    pub captions: Vec<String>,
    /// A language code the page declares, if any.
    pub declared_language: Option<String>,
    /// A canonical URL the page declares, if any.
    pub url: Option<String>,
    /// Fields of a JSON Lines record that faultline does not interpret.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Notes about anything odd met while reading.
    pub warnings: Vec<String>,
    /// Non-blank lines judged to be site chrome and left out of the body.
    pub dropped_lines: usize,
}

/// One extracted document.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The file stem, or the JSON Lines record's `id`.
    pub id: String,
    /// Where it came from: a URL when known, else the path (`-` for stdin).
    pub source: String,
    /// The path it was read from (`-` for stdin), and the line for JSON Lines.
    pub origin: String,
    /// Which reader produced it.
    pub format: Format,
    /// The headline.
    pub title: Option<String>,
    /// The section label above the headline.
    pub kicker: Option<Kicker>,
    /// The deck or standfirst under the headline.
    pub subtitle: Option<String>,
    /// First publication, RFC 3339 with the page's UTC offset when it names a zone.
    pub published: Option<Stamp>,
    /// Last modification, in the same form.
    pub modified: Option<Stamp>,
    /// Author names only (or the agency or desk, when the page names no one).
    pub byline: Vec<String>,
    /// The dateline that opened the first paragraph ("SEOUL, Oct. 9 (Yonhap) —"), no
    /// longer part of `body`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Photo captions (never part of `body`).
    pub captions: Vec<String>,
    /// ISO 639-1 code (639-3 where no two-letter code exists), or "und".
    pub language: String,
    /// Paragraphs separated by one blank line.
    pub body: String,
    /// Byte spans of the paragraphs in `body`.
    pub paragraphs: Vec<Span>,
    /// Byte spans of the sentences in `body`.
    pub sentences: Vec<SentenceSpan>,
    /// Byte spans of the quotations in `body`.
    pub quotes: Vec<QuoteSpan>,
    /// Notes about anything odd met while reading.
    pub warnings: Vec<String>,
    /// Non-blank lines judged to be site chrome (buttons, link lists, notices)
    /// and left out of the body; captions are counted in `captions` instead.
    pub dropped_lines: usize,
    /// Fields of a JSON Lines record that faultline does not interpret.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Article {
    /// Joins cleaned paragraphs into a body and computes its text layer.
    ///
    /// Each paragraph has its whitespace collapsed to single spaces; empty
    /// paragraphs are dropped.
    pub fn assemble(
        id: String,
        source: String,
        origin: String,
        format: Format,
        mut meta: Meta,
        paragraphs: impl IntoIterator<Item = String>,
    ) -> Self {
        cap_heading(&mut meta.title, "title", &mut meta.warnings);
        cap_heading(&mut meta.subtitle, "subtitle", &mut meta.warnings);
        let mut body = String::new();
        let mut spans = Vec::new();
        for p in paragraphs {
            let clean = collapse_whitespace(&p);
            if clean.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let start = body.len();
            body.push_str(&clean);
            spans.push(Span::new(start, body.len()));
        }
        let layer = faultline_text::analyze(&body);
        let sentences = layer
            .sentences
            .iter()
            .map(|s| SentenceSpan {
                start: s.span.start,
                end: s.span.end,
                paragraph: s.paragraph,
            })
            .collect();
        let quotes = layer
            .quotes
            .iter()
            .map(|q| QuoteSpan {
                start: q.span.start,
                end: q.span.end,
                inner_start: q.inner.start,
                inner_end: q.inner.end,
                closed: q.closed,
            })
            .collect();
        let language = crate::lang::detect(&body, meta.declared_language.as_deref());
        let source = meta.url.clone().unwrap_or(source);
        Self {
            id,
            source,
            origin,
            format,
            title: meta.title,
            kicker: meta.kicker,
            subtitle: meta.subtitle,
            published: meta.published,
            modified: meta.modified,
            byline: meta.byline,
            dateline: meta.dateline,
            captions: meta.captions,
            language,
            body,
            paragraphs: spans,
            sentences,
            quotes,
            warnings: meta.warnings,
            dropped_lines: meta.dropped_lines,
            extra: meta.extra,
        }
    }
}

/// Longest title or subtitle kept, in bytes: real headlines and standfirsts
/// are far shorter; a longer one is a page's mistake (a whole story pasted
/// into `og:title`) or a hostile page, and would bloat every output line.
pub const MAX_HEADING_BYTES: usize = 1000;

/// Cuts an over-long title or subtitle at the last space before
/// [`MAX_HEADING_BYTES`] (or at a character boundary when there is no
/// space), adds "…", and says so in `warnings`.
fn cap_heading(heading: &mut Option<String>, what: &str, warnings: &mut Vec<String>) {
    let Some(h) = heading.as_mut() else { return };
    if h.len() <= MAX_HEADING_BYTES {
        return;
    }
    let mut cut = MAX_HEADING_BYTES;
    while !h.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(space) = h[..cut].rfind(' ').filter(|&at| at > MAX_HEADING_BYTES / 2) {
        cut = space;
    }
    warnings.push(format!(
        "{what} is {} bytes long, over the limit of {MAX_HEADING_BYTES}; cut to its first {cut} bytes",
        h.len()
    ));
    h.truncate(cut);
    h.push('…');
}

/// Collapses runs of whitespace (including no-break and zero-width spaces) to
/// one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}') {
            pending_space = !out.is_empty();
        } else if !c.is_control() || c == '\t' {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kicker_label_strips_brackets() {
        let k = Kicker::from_raw(" [Analysis] ").unwrap();
        assert_eq!(k.raw, "[Analysis]");
        assert_eq!(k.label, "Analysis");
        assert!(Kicker::from_raw("[ ]").is_none());
        assert_eq!(Kicker::from_raw("[Anaysis]").unwrap().label, "Analysis");
        assert_eq!(Kicker::from_raw("[Anaysis]").unwrap().raw, "[Anaysis]");
        assert_eq!(Kicker::from_raw("ANALYSIS").unwrap().label, "Analysis");
        assert_eq!(
            Kicker::from_raw("[Seoul Diary]").unwrap().label,
            "Seoul Diary"
        );
    }

    #[test]
    fn collapse_handles_nbsp_and_controls() {
        assert_eq!(
            collapse_whitespace("  a\u{a0}\u{a0}b\n c\u{7}d  "),
            "a b cd"
        );
        assert_eq!(collapse_whitespace(" \u{200b} "), "");
    }

    #[test]
    fn over_long_title_is_cut_with_a_warning() {
        let word = "sanctions ";
        let meta = Meta {
            title: Some(word.repeat(200_000)),
            subtitle: Some("é".repeat(MAX_HEADING_BYTES)),
            ..Meta::default()
        };
        let a = Article::assemble(
            "x".into(),
            "x.html".into(),
            "x.html".into(),
            Format::Html,
            meta,
            vec!["The talks went on.".to_owned()],
        );
        let title = a.title.unwrap();
        assert!(title.len() <= MAX_HEADING_BYTES + '…'.len_utf8());
        assert!(title.ends_with("sanctions…"), "{title}");
        let subtitle = a.subtitle.unwrap();
        assert!(subtitle.len() <= MAX_HEADING_BYTES + '…'.len_utf8());
        assert!(subtitle.trim_end_matches('…').chars().all(|c| c == 'é'));
        assert_eq!(a.warnings.len(), 2, "{:?}", a.warnings);
        assert!(a.warnings[0].starts_with("title is 2000000 bytes long"));
        let short = Article::assemble(
            "y".into(),
            "y.html".into(),
            "y.html".into(),
            Format::Html,
            Meta {
                title: Some("Talks resume".into()),
                ..Meta::default()
            },
            vec!["The talks went on.".to_owned()],
        );
        assert_eq!(short.title.as_deref(), Some("Talks resume"));
        assert!(short.warnings.is_empty());
    }

    #[test]
    fn assemble_spans_slice_back() {
        let a = Article::assemble(
            "x".into(),
            "x.txt".into(),
            "x.txt".into(),
            Format::Text,
            Meta::default(),
            vec![
                "First  paragraph. It has two sentences.".to_owned(),
                String::new(),
                "Second\nparagraph here.".to_owned(),
            ],
        );
        assert_eq!(
            a.body,
            "First paragraph. It has two sentences.\n\nSecond paragraph here."
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[1].slice(&a.body), "Second paragraph here.");
        assert_eq!(a.sentences.len(), 3);
        assert_eq!(
            &a.body[a.sentences[1].start..a.sentences[1].end],
            "It has two sentences."
        );
    }
}
