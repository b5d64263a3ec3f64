//! `Span`: a half-open byte range into an article body, plus trimming helpers.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
///
/// Every span this crate returns lies on UTF-8 character boundaries of the
/// text it was computed from, so [`Span::slice`] never panics on that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `end` is clamped up to `start` so a span is never inverted.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// The text this span covers. Returns `""` instead of panicking when the
    /// span is out of range or not on character boundaries of `text`.
    #[must_use]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Trims whitespace (Unicode `White_Space`) off both ends of `text[start..end]`
/// and returns the remaining range. `start`/`end` must be char boundaries.
pub(crate) fn trim_range(text: &str, start: usize, end: usize) -> Span {
    let Some(s) = text.get(start..end) else {
        return Span::new(start, start);
    };
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let kept = rest.trim_end().len();
    Span::new(start + lead, start + lead + kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let t = "héllo world";
        let s = Span::new(0, 6);
        assert_eq!(s.slice(t), "héllo");
        assert_eq!(s.len(), 6);
        assert!(!s.is_empty());
        assert!(Span::new(3, 3).is_empty());
        assert_eq!(Span::new(5, 2), Span { start: 5, end: 5 });
        // Not a char boundary: no panic, empty slice.
        assert_eq!(Span::new(2, 4).slice(t), "");
        assert_eq!(Span::new(0, 100).slice(t), "");
        assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    }

    #[test]
    fn trim_range_unicode() {
        let t = "\u{3000} a b \n";
        let s = trim_range(t, 0, t.len());
        assert_eq!(s.slice(t), "a b");
        let e = trim_range(t, 0, 3);
        assert!(e.is_empty());
    }
}
