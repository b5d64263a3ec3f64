//! Paragraph splitting: blank-line separated blocks of an article body.

use crate::span::{Span, trim_range};

/// Splits `body` into paragraphs.
///
/// A paragraph boundary is one or more *blank lines*: lines that contain only
/// ASCII whitespace (so `"\n\n"`, `"\r\n\r\n"` and `"\n  \n"` all separate
/// paragraphs). A single line break does **not** end a paragraph. Each
/// returned span is trimmed of surrounding Unicode whitespace and is never
/// empty. Runs in linear time using `memchr` over the newlines.
#[must_use]
pub fn paragraphs(body: &str) -> Vec<Span> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 256 + 1);
    let mut para_start = 0usize;
    let mut line_start = 0usize;
    // `line_start` is the start of the line being examined; a blank line is
    // one whose bytes up to the next '\n' (or end) are all ASCII whitespace.
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[line_start..nl];
        if line_start > para_start && line.iter().all(u8::is_ascii_whitespace) {
            push_trimmed(body, para_start, line_start, &mut out);
            para_start = nl + 1;
        }
        line_start = nl + 1;
    }
    push_trimmed(body, para_start, bytes.len(), &mut out);
    out
}

fn push_trimmed(body: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = trim_range(body, start, end);
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        paragraphs(body).iter().map(|s| s.slice(body)).collect()
    }

    #[test]
    fn splits_on_blank_lines() {
        assert_eq!(texts("One.\n\nTwo.\n\nThree."), ["One.", "Two.", "Three."]);
        assert_eq!(texts("  One.  \n\n\n\n Two. \n"), ["One.", "Two."]);
        assert_eq!(texts("A\r\n\r\nB"), ["A", "B"]);
        assert_eq!(texts("A\n \t \nB"), ["A", "B"]);
    }

    #[test]
    fn single_newline_does_not_split() {
        assert_eq!(
            texts("line one\nline two\n\nnext"),
            ["line one\nline two", "next"]
        );
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n \n").is_empty());
        assert_eq!(texts("\n\nX"), ["X"]);
        assert_eq!(texts("X\n\n"), ["X"]);
        assert_eq!(texts("X\n  "), ["X"]);
    }
}
