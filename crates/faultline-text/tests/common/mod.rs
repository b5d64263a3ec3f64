//! Shared invariant checks for the integration tests.

use faultline_text::{Span, TextLayer, analyze, tokens};

fn check_span(body: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= body.len(),
        "{what} {s:?} out of range"
    );
    assert!(
        body.is_char_boundary(s.start),
        "{what} {s:?} start not a char boundary"
    );
    assert!(
        body.is_char_boundary(s.end),
        "{what} {s:?} end not a char boundary"
    );
    assert_eq!(s.slice(body), &body[s.start..s.end]);
}

/// Checks every documented invariant of the text layer on `body` and
/// returns the layer.
pub fn check_all(body: &str) -> TextLayer {
    let layer = analyze(body);
    assert_eq!(layer.paragraphs, faultline_text::paragraphs(body));
    assert_eq!(layer.sentences, faultline_text::sentences(body));
    assert_eq!(layer.quotes, faultline_text::quotes(body));

    let mut prev = 0;
    for p in &layer.paragraphs {
        check_span(body, *p, "paragraph");
        assert!(!p.is_empty());
        assert!(p.start >= prev);
        prev = p.end;
        let t = p.slice(body);
        assert_eq!(t, t.trim());
    }

    // Sentences: ordered, non-overlapping, trimmed, inside their paragraph,
    // and covering every non-whitespace byte of each paragraph.
    let mut prev = 0;
    let mut covered = 0usize;
    for s in &layer.sentences {
        check_span(body, s.span, "sentence");
        assert!(!s.span.is_empty());
        assert!(
            s.span.start >= prev,
            "sentences overlap or are out of order"
        );
        prev = s.span.end;
        let p = layer.paragraphs[s.paragraph];
        assert!(p.contains(s.span), "sentence outside its paragraph");
        let t = s.span.slice(body);
        assert_eq!(t, t.trim());
        covered += t.chars().filter(|c| !c.is_whitespace()).count();
    }
    let para_chars: usize = layer
        .paragraphs
        .iter()
        .map(|p| p.slice(body).chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    assert_eq!(
        covered, para_chars,
        "sentences must cover all paragraph text"
    );

    for q in &layer.quotes {
        check_span(body, q.span, "quote");
        check_span(body, q.inner, "quote inner");
        assert!(q.span.contains(q.inner));
    }
    for w in layer.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes not sorted");
    }

    // Tokens: in order, inside the sentence, covering its non-whitespace.
    for s in &layer.sentences {
        let text = s.span.slice(body);
        let toks = tokens(text, s.span.start);
        let mut prev = s.span.start;
        let mut n = 0usize;
        for t in &toks {
            check_span(body, t.span, "token");
            assert!(!t.span.is_empty());
            assert!(t.span.start >= prev && t.span.end <= s.span.end);
            prev = t.span.end;
            n += t
                .span
                .slice(body)
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
        }
        assert_eq!(n, text.chars().filter(|c| !c.is_whitespace()).count());
    }
    layer
}
