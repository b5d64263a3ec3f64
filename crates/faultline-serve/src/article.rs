//! The article text of the document page, with the sentences that carry
//! events and the direct quotations marked over it. Marks may overlap (a
//! quotation inside an event's sentence, or across two): the text is cut at
//! every mark boundary and each piece carries the classes of the marks
//! covering it, found in one sweep over the boundaries. Every piece is
//! escaped; ranges that do not fall on the body's char boundaries are dropped.

use std::fmt::Write;

use crate::html::esc;

/// A byte range of the body to mark.
#[derive(Debug, Clone)]
pub struct Mark {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// CSS class: `ev` (a sentence with events) or `quote`.
    pub class: &'static str,
    /// Tooltip text (escaped here).
    pub title: String,
}

/// `body` as HTML with `marks` as `<span class=… title=…>` pieces.
pub fn marked_text(body: &str, marks: &[Mark]) -> String {
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && body.get(m.start..m.end).is_some())
        .collect();
    // (position, opens?, mark): closings sort before openings at one place.
    let mut edges: Vec<(usize, bool, usize)> = marks
        .iter()
        .enumerate()
        .flat_map(|(i, m)| [(m.start, true, i), (m.end, false, i)])
        .collect();
    edges.sort_unstable();
    let mut out = String::with_capacity(body.len() + body.len() / 4);
    let mut active: Vec<usize> = Vec::new();
    let mut at = 0;
    for (pos, opens, i) in edges {
        if pos > at {
            piece(&mut out, &body[at..pos], &active, &marks);
            at = pos;
        }
        if opens {
            active.push(i);
        } else {
            active.retain(|&j| j != i);
        }
    }
    piece(&mut out, &body[at..], &active, &marks);
    out
}

/// One piece of text under the `active` marks.
fn piece(out: &mut String, text: &str, active: &[usize], marks: &[&Mark]) {
    if text.is_empty() {
        return;
    }
    if active.is_empty() {
        out.push_str(&esc(text));
        return;
    }
    let mut classes: Vec<&str> = active.iter().map(|&i| marks[i].class).collect();
    classes.sort_unstable();
    classes.dedup();
    let titles: Vec<&str> = active.iter().map(|&i| marks[i].title.as_str()).collect();
    let _ = write!(
        out,
        "<span class=\"{}\" title=\"{}\">{}</span>",
        classes.join(" "),
        esc(&titles.join(" · ")),
        esc(text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &'static str) -> Mark {
        Mark {
            start,
            end,
            class,
            title: format!("{class} <{start}>"),
        }
    }

    #[test]
    fn overlapping_marks_cut_the_text_and_keep_every_byte() {
        let body = "A said “no <b>”. Then B left.";
        let q = body.find('“').unwrap_or(0);
        let sentence_end = body.find(" Then").unwrap_or(0);
        let html = marked_text(
            body,
            &[
                mark(0, sentence_end, "ev"),
                mark(q, body.len() - 5, "quote"),
            ],
        );
        assert!(html.starts_with("<span class=\"ev\" title=\"ev &lt;0&gt;\">A said </span>"));
        assert!(html.contains("<span class=\"ev quote\""));
        assert!(html.contains("&lt;b&gt;"));
        assert!(!html.contains("<b>"));
        // Removing the markup gives back the (escaped) body.
        let text: String = html
            .split('<')
            .map(|p| p.split_once('>').map_or(p, |x| x.1))
            .collect();
        assert_eq!(text, esc(body));
    }

    #[test]
    fn ranges_off_the_body_are_dropped() {
        let body = "é and more";
        let html = marked_text(
            body,
            &[mark(1, 3, "ev"), mark(4, 99, "quote"), mark(3, 3, "ev")],
        );
        assert_eq!(html, "é and more");
    }
}
