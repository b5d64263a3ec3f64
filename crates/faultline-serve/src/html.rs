//! HTML for the dashboard: escaping (every value that reaches a page goes
//! through [`esc`]), the page frame, and the event table with each event's
//! evidence sentence and its actors and trigger marked.

use std::fmt::Write;

use faultline_store::browse::{EventView, Span};

/// Escapes text for HTML element content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A complete page: `title` is text (escaped here); `body` is HTML built
/// with [`esc`]. Styles come from the embedded stylesheet; no script.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{t} · faultline</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head>\
         <body><header><a class=\"home\" href=\"/\">faultline</a><nav><a href=\"/\">dyads</a>\
         <a href=\"/network\">network</a><a href=\"/alerts\">alerts</a><a href=\"/events\">events</a>\
         </nav></header><main>\
         <h1>{t}</h1>{body}</main></body></html>\n",
        t = esc(title)
    )
}

/// A link target for a document's source: only `http` and `https` URLs
/// become links; anything else (a path, `javascript:`) stays text.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// The sentence with the source, target and trigger words marked
/// (`<mark class="src|tgt|trg">`); overlapping marks keep the first.
pub fn evidence(e: &EventView) -> String {
    let mut marks: Vec<(Span, &str)> = [
        (e.source_span, "src"),
        (e.target_span, "tgt"),
        (e.trigger_span, "trg"),
    ]
    .into_iter()
    .filter_map(|(s, c)| s.map(|s| (s, c)))
    .collect();
    marks.sort_by_key(|(s, _)| s.start);
    let text = &e.sentence;
    let mut out = String::new();
    let mut at = 0;
    for (s, class) in marks {
        let (Some(before), Some(inner)) = (text.get(at..s.start), text.get(s.start..s.end)) else {
            continue;
        };
        out.push_str(&esc(before));
        let _ = write!(out, "<mark class=\"{class}\">{}</mark>", esc(inner));
        at = s.end;
    }
    out.push_str(&esc(text.get(at..).unwrap_or_default()));
    out
}

/// The event table.
pub fn event_table(events: &[EventView]) -> String {
    if events.is_empty() {
        return "<p class=\"empty\">No events.</p>".into();
    }
    let mut out = String::from(
        "<table class=\"events\"><thead><tr><th>date</th><th>source → target</th>\
         <th>CAMEO</th><th>Goldstein</th><th>factuality</th><th>mentions</th>\
         <th>evidence</th><th>document</th></tr></thead><tbody>",
    );
    for e in events {
        let _ = write!(
            out,
            "<tr class=\"q{quad}\"><td>{date}</td><td><span title=\"{sn}\">{s}</span> → \
             <span title=\"{tn}\">{t}</span></td><td>{cameo}</td><td class=\"num\">{g:.1}</td>\
             <td>{fact}</td><td class=\"num\">{n}</td><td class=\"evidence\">{ev}</td>\
             <td><a href=\"/documents/{doc}\">{title}</a></td></tr>",
            quad = e.quad_class,
            date = esc(&e.date),
            sn = esc(&e.source_name),
            s = esc(&e.source),
            tn = esc(&e.target_name),
            t = esc(&e.target),
            cameo = esc(&e.cameo),
            g = e.goldstein,
            fact = esc(e.factuality),
            n = e.mentions,
            ev = evidence(e),
            doc = e.document,
            title = esc(e.title.as_deref().unwrap_or("(untitled)")),
        );
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
    }

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(safe_url("https://a.example/x"), Some("https://a.example/x"));
        assert_eq!(safe_url("HTTP://A.EXAMPLE"), Some("HTTP://A.EXAMPLE"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" javascript:x"), None);
        assert_eq!(safe_url("docs/a.txt"), None);
    }
}
