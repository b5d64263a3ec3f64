//! Authors of an HTML page, from every place pages put them, cleaned to names.
//!
//! Sources, in order of trust: JSON-LD `author` (a string, a Person or
//! Organization object, or a list of them), `<meta name="author">`,
//! `article:author` (names, not profile URLs), `rel="author"` links,
//! `itemprop="author"` (its `itemprop="name"` when it has one), elements whose
//! class or id says byline or author, and "By X and Y" lines at the head of the
//! article text. The first source that names a person wins; when no source
//! names one, an agency or desk credit ("BBC News") is the byline.
//!
//! Cleaning drops "By", dates and "Updated …" glued to names, role suffixes
//! ("Jane Roe, Senior Correspondent", "Jane Roe | Staff Writer"), e-mail
//! addresses and handles, and splits "X and Y".

use dom_query::Document;
use serde_json::Value;

use crate::article::collapse_whitespace;
use crate::{chrome, credit};

/// Selectors of byline elements, most specific first.
const BYLINE_SELECTORS: &[&str] = &[
    "[rel='author']",
    "[itemprop='author'] [itemprop='name']",
    "[itemprop='author']",
    "[class*='byline']",
    "[id*='byline']",
    "[class*='author-name']",
    "[class*='author']",
    "[id*='author']",
];

/// What one source says: person names, and credits (agencies, desks) met on the way.
#[derive(Debug, Default)]
struct Found {
    names: Vec<String>,
    credits: Vec<String>,
}

impl Found {
    fn add(&mut self, raw: &str) {
        let text = strip_glued_metadata(&collapse_whitespace(raw));
        let names = chrome::byline_names(&text);
        if names.is_empty() {
            if let Some(c) = credit::credit_line(&text) {
                push_unique(&mut self.credits, c);
            }
        } else {
            push_unique(&mut self.names, names);
        }
    }
}

fn push_unique(list: &mut Vec<String>, items: Vec<String>) {
    for i in items {
        if !list.contains(&i) {
            list.push(i);
        }
    }
}

/// Cuts a byline before a date, a time or an "Updated"/"Published" label glued to it
/// ("By Jane RoeUpdated June 8, 2013", "Jane Roe 10:27 AM ET").
fn strip_glued_metadata(text: &str) -> String {
    let mut cut = text.len();
    if let Some((_, r)) = faultline_dates::find_stamp(text) {
        cut = cut.min(r.start);
    }
    for label in [
        "Updated",
        "Published",
        "Posted",
        "Last updated",
        "Modified",
        "UPDATED",
    ] {
        if let Some(at) = text.find(label)
            && at > 0
        {
            cut = cut.min(at);
        }
    }
    // A time without a date: "Jane Roe 10:27 AM".
    if let Some(at) = text.find(|c: char| c.is_ascii_digit()) {
        cut = cut.min(at);
    }
    text[..cut]
        .trim_end_matches([' ', ',', '|', '-', '–', '—', '·', '•', ':'])
        .to_owned()
}

/// Names from a JSON-LD `author` value: a string, an object with `name`, or a list.
fn json_ld(value: &Value, found: &mut Found, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::String(s) => found.add(s),
        Value::Array(items) => items.iter().for_each(|i| json_ld(i, found, depth + 1)),
        Value::Object(o) => match o.get("name") {
            // An organisation is a credit, even when its name reads like a person's.
            Some(Value::String(n)) if is_organization(o) => {
                push_unique(&mut found.credits, vec![collapse_whitespace(n)]);
            }
            Some(Value::String(n)) => found.add(n),
            Some(other) => json_ld(other, found, depth + 1),
            None => {}
        },
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` is an organisation.
fn is_organization(o: &serde_json::Map<String, Value>) -> bool {
    let is_org = |t: &Value| t.as_str().is_some_and(|t| t.ends_with("Organization"));
    match o.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is_org),
        Some(t) => is_org(t),
        None => false,
    }
}

/// Every source, in order of trust.
fn sources(doc: &Document, ld: Option<&Value>, head_lines: &[&str]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut f = Found::default();
    if let Some(a) = ld.and_then(|v| v.get("author").or_else(|| v.get("creator"))) {
        json_ld(a, &mut f, 0);
    }
    out.push(f);
    for sel in [
        "meta[name='author']",
        "meta[property='article:author'], meta[name='article:author']",
    ] {
        let mut f = Found::default();
        for m in doc.select(sel).iter() {
            if let Some(v) = m.attr("content").filter(|v| !v.contains("://")) {
                f.add(&v);
            }
        }
        out.push(f);
    }
    for sel in BYLINE_SELECTORS {
        let mut f = Found::default();
        for el in doc.select(sel).iter().take(6) {
            if el.is("meta") {
                continue;
            }
            let text = el.text();
            if text.len() < 200 {
                f.add(&text);
            }
        }
        out.push(f);
    }
    let mut f = Found::default();
    for l in head_lines.iter().filter(|l| chrome::is_byline(l)) {
        f.add(l);
    }
    out.push(f);
    out
}

/// The page's authors: the names of the most trusted source that names a person, else
/// the first agency or desk credit any source gives.
pub fn authors(doc: &Document, ld: Option<&Value>, head_lines: &[&str]) -> Vec<String> {
    let all = sources(doc, ld, head_lines);
    if let Some(f) = all.iter().find(|f| !f.names.is_empty()) {
        return f.names.clone();
    }
    all.into_iter()
        .find(|f| !f.credits.is_empty())
        .map(|f| f.credits)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Document {
        Document::from(format!("<html><head>{head}</head><body>{body}</body></html>").as_str())
    }

    #[test]
    fn cleaning() {
        assert_eq!(
            strip_glued_metadata("By Jane RoeUpdated June 8, 2013"),
            "By Jane Roe"
        );
        assert_eq!(strip_glued_metadata("Jane Roe 10:27 AM ET"), "Jane Roe");
        let mut f = Found::default();
        f.add("By Jane Roe, Senior Correspondent | Example Times");
        f.add("BBC News");
        assert_eq!(f.names, ["Jane Roe"]);
        assert_eq!(f.credits, ["BBC News"]);
    }

    #[test]
    fn every_placement() {
        let ld: Value = serde_json::json!({"author": {"@type": "Person", "name": "Ana Lima"}});
        let cases: Vec<(Document, Option<Value>, Vec<&str>)> = vec![
            (page("", ""), Some(ld), vec!["Ana Lima"]),
            (
                page("", ""),
                Some(serde_json::json!({"author": "By Ana Lima and Tom Hale"})),
                vec!["Ana Lima", "Tom Hale"],
            ),
            (
                page("<meta name='author' content='Ana Lima'>", ""),
                None,
                vec!["Ana Lima"],
            ),
            (
                page(
                    "<meta property='article:author' content='https://x.example/ana'><meta property='article:author' content='Tom Hale'>",
                    "",
                ),
                None,
                vec!["Tom Hale"],
            ),
            (
                page("", "<a rel='author' href='/a'>Ana Lima</a>"),
                None,
                vec!["Ana Lima"],
            ),
            (
                page(
                    "",
                    "<span itemprop='author' itemscope><span itemprop='name'>Ana Lima</span><span itemprop='jobTitle'>Reporter</span></span>",
                ),
                None,
                vec!["Ana Lima"],
            ),
            (
                page(
                    "",
                    "<div class='story-byline'>By Ana Lima, Staff Writer</div>",
                ),
                None,
                vec!["Ana Lima"],
            ),
            (
                page(
                    "",
                    "<div class='meta'>BBC News</div><p class='author'>BBC News</p>",
                ),
                None,
                vec!["BBC News"],
            ),
        ];
        for (doc, ld, want) in cases {
            assert_eq!(authors(&doc, ld.as_ref(), &[]), want);
        }
        let doc = page("", "");
        assert_eq!(
            authors(&doc, None, &["By Ana Lima and Tom Hale"]),
            ["Ana Lima", "Tom Hale"]
        );
        let org = serde_json::json!({"author": {"@type": "NewsMediaOrganization", "name": "Harbour Times"}});
        assert_eq!(authors(&doc, Some(&org), &[]), ["Harbour Times"]);
        let doc = page("", "<span class='byline'>By Ana Lima</span>");
        assert_eq!(authors(&doc, Some(&org), &[]), ["Ana Lima"]);
    }
}
