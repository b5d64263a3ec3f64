//! HTML reader: metadata from the page's markup, the body from its main content.
//!
//! Metadata, in order of trust:
//! - JSON-LD `NewsArticle` (or `Article`, `ReportageNewsArticle`, … also
//!   inside `@graph`): headline, dates, authors, description;
//! - Open Graph and `article:*` meta tags, `<meta name="author">`;
//! - `<h1>`, `<title>` (with the " | Site" suffix removed), `<time datetime>`,
//!   byline elements, `<figcaption>`.
//!
//! The body comes from `dom_smoothie` (a Readability port) in formatted-text
//! mode, which keeps paragraph breaks; its paragraphs then pass through the
//! same chrome filter as plain text. Pages nested deeper than
//! [`MAX_DEPTH`] are refused rather than risk the stack.

use dom_query::Document;
use serde_json::Value;

use crate::article::{Article, Format, Kicker, Meta, collapse_whitespace};
use crate::error::IngestError;
use crate::plain;
use crate::{authors, chrome, credit};

/// Deepest element nesting accepted. Real pages stay far below this.
pub const MAX_DEPTH: usize = 512;

/// Estimates the deepest element nesting of `html` with a linear byte scan.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "!doctype",
    ];
    // Closing tags of formatting elements are often left out; only count containers
    // the parser really nests.
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!'))
            .map_or(bytes.len(), |p| start + p);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if name.starts_with("!--") || VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closing = memchr::memchr(b'>', &bytes[end..])
            .is_some_and(|p| p > 0 && bytes[end + p - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Extracts an article from an HTML page.
pub fn extract_html(
    id: String,
    source: String,
    origin: String,
    html: &str,
    mut meta: Meta,
) -> Result<Article, IngestError> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(IngestError::NoText {
            path: origin.into(),
            detail: format!(
                "; elements nest {depth} deep, over the limit of {MAX_DEPTH} (broken or hostile markup)"
            ),
        });
    }
    let doc = Document::from(html);
    let ld = read_metadata(&doc, &mut meta);
    let text = main_text(&doc, ld.as_ref(), &mut meta);
    let text = plain::normalize_newlines(&text).into_owned();
    let lines: Vec<String> = text.lines().map(collapse_whitespace).collect();
    let mut refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let head: Vec<&str> = refs
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .take(12)
        .collect();
    meta.byline = authors::authors(&doc, ld.as_ref(), &head);
    if meta.published.is_none() && meta.modified.is_none() {
        dates_from_text(&doc, &head, &mut meta);
    }
    drop_leading_metadata(&mut refs, &meta);
    let paragraphs = plain::clean_body(&refs, &plain::LineCounts::new(&refs), &mut meta);
    if paragraphs.is_empty() {
        return Err(IngestError::NoText {
            path: origin.into(),
            detail: String::new(),
        });
    }
    Ok(Article::assemble(
        id,
        source,
        origin,
        Format::Html,
        meta,
        paragraphs,
    ))
}

/// The main content's text: Readability's, unless it keeps less than a sane share of
/// the article (then JSON-LD `articleBody`, or the densest block of `<p>`, with a warning).
fn main_text(doc: &Document, ld: Option<&Value>, meta: &mut Meta) -> String {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        char_threshold: 200,
        ..Default::default()
    };
    let text = match dom_smoothie::Readability::with_document(doc.clone(), None, Some(cfg))
        .and_then(|mut r| r.parse())
    {
        Ok(article) => {
            if meta.title.is_none() && !article.title.trim().is_empty() {
                meta.title = Some(collapse_whitespace(&article.title));
            }
            article.text_content.to_string()
        }
        Err(e) => {
            meta.warnings.push(format!(
                "main-content extraction failed ({e}); used all paragraphs"
            ));
            return fallback_text(doc);
        }
    };
    let kept = letters(&text);
    if let Some(body) = ld
        .and_then(|v| v.get("articleBody"))
        .and_then(Value::as_str)
        .filter(|b| kept * 2 < letters(b))
    {
        meta.warnings.push(format!(
            "main content kept {kept} of the {} letters of the JSON-LD articleBody; used articleBody",
            letters(body)
        ));
        return paragraph_breaks(body);
    }
    let (dense, dense_letters) = densest_block(doc);
    if kept * 10 < dense_letters * 4 {
        meta.warnings.push(format!(
            "main content kept {kept} letters, under 40% of the densest block of paragraphs ({dense_letters}); used that block"
        ));
        return dense;
    }
    text
}

/// Without dates in the markup: the first date line among the head of the main text and
/// the page's date, time, byline and meta elements ("Thursday 11 November 2021 21.05 GMT",
/// "By Jane RoeUpdated June 8, 2022 10:27 AM").
fn dates_from_text(doc: &Document, head: &[&str], meta: &mut Meta) {
    let elements: Vec<String> = doc
        .select("[class*='date'], [class*='time'], [class*='when'], [class*='byline'], [class*='meta'], [class*='ts']")
        .iter()
        .take(20)
        .map(|e| collapse_whitespace(&e.text()))
        .collect();
    let found = head
        .iter()
        .copied()
        .chain(elements.iter().map(String::as_str))
        .filter(|l| l.len() <= 120)
        .find_map(|l| {
            let start = faultline_dates::find_stamp(l)?.1.start;
            // A byline glued before the stamp's label is not part of the date line.
            let from = faultline_dates::find_labelled_stamps(l, Default::default())
                .first()
                .and_then(|s| s.label.clone())
                .map_or(start, |r| r.start);
            plain::parse_date_line(&l[from..])
        });
    if let Some(d) = found {
        meta.published = d.published;
        meta.modified = d.modified;
    }
}

/// Letters and digits in a text: its size without markup whitespace.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// JSON-LD `articleBody` with its paragraphs on lines of their own: single newlines
/// become paragraph breaks.
fn paragraph_breaks(body: &str) -> String {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The element whose `<p>` children hold the most text, as paragraphs, and its letters.
fn densest_block(doc: &Document) -> (String, usize) {
    let mut blocks: Vec<(dom_query::NodeId, String, usize)> = Vec::new();
    for p in doc.select("p").nodes() {
        let Some(parent) = p.parent() else { continue };
        let text = collapse_whitespace(&p.text());
        if text.is_empty() {
            continue;
        }
        let n = letters(&text);
        match blocks.iter_mut().find(|b| b.0 == parent.id) {
            Some(b) => {
                b.1.push_str(&text);
                b.1.push_str("\n\n");
                b.2 += n;
            }
            None => blocks.push((parent.id, format!("{text}\n\n"), n)),
        }
    }
    blocks.into_iter().fold(
        (String::new(), 0),
        |best, (_, t, n)| if n > best.1 { (t, n) } else { best },
    )
}

/// Drops the headline, deck, kicker, bylines, date lines, captions and short labels that
/// often open the main content, up to the article's first paragraph.
fn drop_leading_metadata(refs: &mut Vec<&str>, meta: &Meta) {
    let drop_exact: Vec<&str> = [
        meta.title.as_deref(),
        meta.subtitle.as_deref(),
        meta.kicker.as_ref().map(|k| k.raw.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut leading = true;
    refs.retain(|l| {
        if l.is_empty() {
            return true;
        }
        if leading && (meta.captions.iter().any(|c| c == l) || chrome::is_caption(l)) {
            return true; // the body cleaner files it under captions
        }
        let drop = drop_exact.contains(l)
            || (leading
                && (is_metadata_line(l)
                    || chrome::is_section_name(l)
                    || credit::credit_line(l).is_some()
                    || is_short_label(l)));
        if !drop {
            leading = false;
        }
        !drop
    });
}

/// A short line that is not a sentence ("Middle East", "Image copyright Getty"): at the
/// head of the main content it is a label, not the article's first paragraph.
fn is_short_label(l: &str) -> bool {
    l.split_whitespace().count() <= 6 && !plain::ends_sentence(l)
}

fn plain_date_line(l: &str) -> bool {
    l.len() < 80 && faultline_dates::find_stamp(l).is_some() && l.split_whitespace().count() <= 8
}

fn is_metadata_line(l: &str) -> bool {
    chrome::is_byline(l) || plain_date_line(l) || chrome::is_noise(l)
}

/// Paragraph texts of the page when readability finds no main content.
fn fallback_text(doc: &Document) -> String {
    let scope = if doc.select("article").exists() {
        "article p"
    } else {
        "p"
    };
    let mut out = String::new();
    for p in doc.select(scope).iter() {
        let t = collapse_whitespace(&p.text());
        if !t.is_empty() {
            out.push_str(&t);
            out.push_str("\n\n");
        }
    }
    out
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .filter_map(|s| s.attr(name))
        .map(|v| collapse_whitespace(&v))
        .find(|v| !v.is_empty())
}

fn text_of(doc: &Document, selector: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .map(|s| collapse_whitespace(&s.text()))
        .find(|v| !v.is_empty())
}

/// Reads headline, dates, authors, captions and the like into `meta`.
fn read_metadata(doc: &Document, meta: &mut Meta) -> Option<Value> {
    let ld = json_ld_article(doc);
    let ld_str = |key: &str| {
        ld.as_ref()
            .and_then(|v| v.get(key))
            .and_then(Value::as_str)
            .map(collapse_whitespace)
    };

    let site = attr(doc, "meta[property='og:site_name']", "content").or_else(|| {
        ld.as_ref()
            .and_then(|v| v.pointer("/publisher/name"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    meta.title = ld_str("headline")
        .or_else(|| attr(doc, "meta[property='og:title']", "content"))
        .or_else(|| text_of(doc, "article h1").or_else(|| text_of(doc, "h1")))
        .or_else(|| text_of(doc, "title").map(|t| strip_site_suffix(&t, site.as_deref())))
        .filter(|t| !t.is_empty());
    if let Some(t) = meta.title.take() {
        let (kicker, rest) = split_bracket_kicker(&t);
        meta.kicker = kicker;
        meta.title = Some(rest);
    }

    let mut warnings = Vec::new();
    let date_candidates = |keys: &[&str], metas: &[&str]| -> Vec<String> {
        let mut out: Vec<String> = keys.iter().filter_map(|k| ld_str(k)).collect();
        out.extend(metas.iter().filter_map(|sel| attr(doc, sel, "content")));
        out
    };
    let published = date_candidates(
        &["datePublished", "dateCreated"],
        &[
            "meta[property='article:published_time']",
            "meta[name='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='parsely-pub-date']",
            "meta[name='date']",
            "meta[name='dc.date']",
            "meta[name='DC.date.issued']",
        ],
    );
    meta.published = published
        .iter()
        .find_map(|v| plain::parse_field_date(v, "published", &mut warnings))
        .or_else(|| {
            attr(doc, "time[datetime]", "datetime")
                .and_then(|v| plain::parse_field_date(&v, "time", &mut warnings))
                .or_else(|| {
                    text_of(doc, "time")
                        .and_then(|t| faultline_dates::find_stamp(&t).map(|(s, _)| s))
                })
        });
    let modified = date_candidates(
        &["dateModified"],
        &[
            "meta[property='article:modified_time']",
            "meta[property='og:updated_time']",
            "meta[itemprop='dateModified']",
        ],
    );
    meta.modified = modified
        .iter()
        .find_map(|v| plain::parse_field_date(v, "modified", &mut warnings));
    meta.warnings.extend(warnings);

    meta.subtitle = text_of(
        doc,
        ".standfirst, .dek, .deck, .subtitle, .subhead, .sub-headline, .article-summary, [itemprop='alternativeHeadline']",
    );
    if meta.kicker.is_none() {
        meta.kicker =
            text_of(doc, ".kicker, .eyebrow, .article-kicker").and_then(|k| Kicker::from_raw(&k));
    }
    for cap in doc.select("figcaption").iter() {
        let c = collapse_whitespace(&cap.text());
        if !c.is_empty() && !meta.captions.contains(&c) {
            meta.captions.push(c);
        }
    }
    meta.url = attr(doc, "link[rel='canonical']", "href")
        .or_else(|| attr(doc, "meta[property='og:url']", "content"));
    meta.declared_language = attr(doc, "html", "lang").or_else(|| ld_str("inLanguage"));
    ld
}

/// "[Analysis] Headline" → kicker and headline.
fn split_bracket_kicker(t: &str) -> (Option<Kicker>, String) {
    if t.starts_with('[')
        && let Some(end) = t.find(']')
        && end < 40
    {
        return (Kicker::from_raw(&t[..=end]), t[end + 1..].trim().to_owned());
    }
    (None, t.to_owned())
}

/// Removes " | Site", " - Site" and " — Site" suffixes from a `<title>`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(at) = title.rfind(sep) {
            let suffix = &title[at + sep.len()..];
            let matches_site = site.is_some_and(|s| suffix.eq_ignore_ascii_case(s));
            if matches_site || suffix.split_whitespace().count() <= 4 {
                return title[..at].trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// The first JSON-LD object of an article type on the page.
fn json_ld_article(doc: &Document) -> Option<Value> {
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(v) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(found) = find_article(&v, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    const TYPES: &[&str] = &[
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    ];
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                Some(v)
            } else {
                map.get("@graph").and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_estimate() {
        assert_eq!(nesting_depth("<div><p>a<br>b</p><img src=x /></div>"), 2);
        let deep = "<div>".repeat(10_000);
        assert_eq!(nesting_depth(&deep), 10_000);
    }

    #[test]
    fn huge_og_title_is_capped() {
        let title = "Ministers met again ".repeat(105_000);
        let page = format!(
            "<html><head><meta property=\"og:title\" content=\"{title}\"></head><body><article>\
             <p>The two ministers met in the capital on Monday and agreed to resume talks on trade.</p>\
             </article></body></html>"
        );
        let a = extract_html(
            "t".into(),
            "t.html".into(),
            "t.html".into(),
            &page,
            Meta::default(),
        )
        .unwrap();
        let got = a.title.unwrap();
        assert!(got.starts_with("Ministers met again"), "{got}");
        assert!(got.len() <= crate::article::MAX_HEADING_BYTES + 3);
        assert!(
            a.warnings.iter().any(|w| w.starts_with("title is ")),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(
            strip_site_suffix("Talks resume | Example News", None),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix("Talks resume - The Daily", Some("The Daily")),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix(
                "Seoul - Tokyo talks resume after a long break in contacts",
                None
            ),
            "Seoul - Tokyo talks resume after a long break in contacts"
        );
    }

    #[test]
    fn refuses_very_deep_nesting() {
        let html = format!(
            "<html><body>{}<p>x</p></body></html>",
            "<div>".repeat(100_000)
        );
        let e = extract_html(
            "d".into(),
            "d.html".into(),
            "d.html".into(),
            &html,
            Meta::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("nest"), "{e}");
    }

    #[test]
    fn json_ld_in_graph() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"H","author":[{"@type":"Person","name":"Jane Roe"},"John Doe"]}]}</script></head><body></body></html>"#,
        );
        let ld = json_ld_article(&doc).unwrap();
        assert_eq!(ld["headline"], "H");
        assert_eq!(
            authors::authors(&doc, Some(&ld), &[]),
            ["Jane Roe", "John Doe"]
        );
    }
}
