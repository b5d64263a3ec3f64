//! Quotation detection: pairs opening and closing quotation marks (straight
//! and typographic, double and single, and the double prime and doubled
//! backtick of some wire archives) into [`Quote`] spans, following the
//! news convention for quotations that run over several paragraphs.

use serde::{Deserialize, Serialize};

use crate::chars::{char_at, char_before};
use crate::paragraph::paragraphs;
use crate::span::{Span, trim_range};

/// Which family of marks delimits a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    /// `"…"`, `“…”`, `„…“`, `«…»`, `「…」`.
    Double,
    /// `'…'`, `‘…’`.
    Single,
}

/// A quotation found in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included. For an
    /// unclosed quotation it ends at the end of its last paragraph.
    pub span: Span,
    /// The quoted words: after the first opening mark, before the final
    /// closing mark. For a multi-paragraph quotation this includes the
    /// paragraph breaks and the re-opening marks in between.
    pub inner: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Double or single quotation marks.
    pub kind: QuoteKind,
}

/// Finds quotations in `body`, sorted by start offset.
///
/// Rules (see the crate docs): double quotes are paired with a state machine
/// that uses the typographic direction of curly marks and the surrounding
/// characters of straight marks; a quotation still open at the end of a
/// paragraph continues into the next paragraph when that paragraph begins
/// with an opening mark, and otherwise ends there unclosed. Single quotes are
/// reported only when clearly paired within one paragraph; apostrophes
/// (`don't`, `Korea's`, `'90s`, `the Koreas'`) are never quotation marks.
#[must_use]
pub fn quotes(body: &str) -> Vec<Quote> {
    quotes_in(body, &paragraphs(body))
}

/// Direction of a mark, from its glyph and its surroundings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    kind: QuoteKind,
    dir: Dir,
}

/// Double quotation in progress.
#[derive(Debug, Clone, Copy)]
struct OpenDouble {
    start: usize,
    inner_start: usize,
}

/// Single quotation in progress.
#[derive(Debug, Clone, Copy)]
struct OpenSingle {
    start: usize,
    inner_start: usize,
    /// Number of double quotations open when it opened.
    depth: usize,
}

fn glyph(c: char) -> Option<(QuoteKind, Dir)> {
    Some(match c {
        '"' => (QuoteKind::Double, Dir::Either),
        // A double prime stands for a straight mark in some wire archives
        // (not after a digit or a prime: "26°34′12″N", see `classify`).
        '\u{2033}' => (QuoteKind::Double, Dir::Either),
        '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{300c}' | '\u{300e}' => {
            (QuoteKind::Double, Dir::Open)
        }
        '\u{201d}' | '\u{00bb}' | '\u{300d}' | '\u{300f}' => (QuoteKind::Double, Dir::Close),
        '\'' => (QuoteKind::Single, Dir::Either),
        '\u{2018}' => (QuoteKind::Single, Dir::Open),
        // Doubled, an opening double mark of old wire and typeset text
        // (``…''); alone, no mark (see `classify`).
        '`' => (QuoteKind::Single, Dir::Open),
        '\u{2019}' => (QuoteKind::Single, Dir::Close),
        _ => return None,
    })
}

/// Characters after which a quotation may open.
fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '-' | '\u{2013}' | '\u{2014}' | '/' | ':' | '"' | '\''
                )
                || glyph(c).is_some_and(|(_, d)| d == Dir::Open)
        }
    }
}

/// Characters before which a quotation may close.
fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '?'
                        | '!'
                        | ')'
                        | ']'
                        | '}'
                        | '-'
                        | '/'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2026}'
                        | '"'
                        | '\''
                )
                || glyph(c).is_some_and(|(_, d)| d == Dir::Close)
        }
    }
}

/// Classifies the quote-like char at `pos` inside paragraph `p`.
/// Returns `None` for apostrophes and unusable marks.
fn classify(body: &str, p: Span, pos: usize, c: char) -> Option<Mark> {
    let (mut kind, mut hint) = glyph(c)?;
    let mut len = c.len_utf8();
    // Two single marks in a row stand for a double one (`''…''`, `’’`).
    if kind == QuoteKind::Single && pos + len < p.end && char_at(body, pos + len) == Some(c) {
        kind = QuoteKind::Double;
        len *= 2;
        hint = match c {
            '\u{2018}' | '`' => Dir::Open,
            '\u{2019}' => Dir::Close,
            _ => Dir::Either,
        };
    }
    if c == '`' && kind == QuoteKind::Single {
        return None;
    }
    let prev = if pos > p.start {
        char_before(body, pos)
    } else {
        None
    };
    let next = if pos + len < p.end {
        char_at(body, pos + len)
    } else {
        None
    };
    // A double prime after a digit or a prime is seconds or inches.
    if c == '\u{2033}' && prev.is_some_and(|b| b.is_ascii_digit() || b == '\u{2032}') {
        return None;
    }
    if kind == QuoteKind::Single {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        // don't, Korea's, O'Brien; '90s, ’80s.
        if alnum(prev) && alnum(next) {
            return None;
        }
        if !alnum(prev) && next.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let open_ctx = is_open_context(prev);
    let close_ctx = is_close_context(next);
    let dir = match (open_ctx, close_ctx) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => hint,
    };
    Some(Mark {
        pos,
        len,
        kind,
        dir,
    })
}

/// Bytes that may start a quotation mark: `"`, `'`, and the UTF-8 lead
/// bytes of `“”‘’„` (E2), `«»` (C2) and `「」『』` (E3).
const fn mark_table() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t[0xE3] = true;
    t
}
static MARK_BYTE: [bool; 256] = mark_table();

/// Finds the marks of one paragraph, in order, calling `f` for each.
fn for_each_mark(body: &str, p: Span, mut f: impl FnMut(Mark)) {
    let bytes = body.as_bytes();
    let ascii = bytes[p.start..p.end].is_ascii();
    let mut i = p.start;
    while i < p.end {
        let found = if ascii {
            memchr::memchr3(b'"', b'\'', b'`', &bytes[i..p.end])
        } else {
            bytes[i..p.end].iter().position(|&b| MARK_BYTE[b as usize])
        };
        let Some(off) = found else { break };
        let pos = i + off;
        let Some(c) = char_at(body, pos) else { break };
        let len = classify(body, p, pos, c).map_or(c.len_utf8(), |m| {
            let len = m.len;
            f(m);
            len
        });
        i = pos + len;
    }
}

/// Deepest nesting of double quotations tracked (`"… "…" …"`).
const MAX_DOUBLE_DEPTH: usize = 3;

/// Quotation detection over already computed paragraph spans.
pub(crate) fn quotes_in(body: &str, paras: &[Span]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // Open double quotations, outermost first.
    let mut doubles: Vec<OpenDouble> = Vec::new();
    for (pi, &p) in paras.iter().enumerate() {
        let mut skip_first_open = false;
        if !doubles.is_empty() {
            let prev_end = paras[pi - 1].end;
            // Nested quotations never continue past their paragraph.
            while doubles.len() > 1 {
                if let Some(d) = doubles.pop() {
                    out.push(unclosed(body, d, prev_end));
                }
            }
            // Continuation convention: a quotation open at the end of the
            // previous paragraph goes on if this one opens with a quote mark.
            let first = char_at(body, p.start).and_then(|c| classify(body, p, p.start, c));
            match first {
                Some(m) if m.kind == QuoteKind::Double && m.dir != Dir::Close => {
                    skip_first_open = true;
                }
                _ => {
                    if let Some(d) = doubles.pop() {
                        out.push(unclosed(body, d, prev_end));
                    }
                }
            }
        }
        let mut single: Option<OpenSingle> = None;
        for_each_mark(body, p, |m| {
            if skip_first_open {
                skip_first_open = false;
                if m.pos == p.start {
                    return;
                }
            }
            match m.kind {
                QuoteKind::Double => {
                    let closes = match m.dir {
                        Dir::Close => true,
                        Dir::Open => false,
                        Dir::Either => !doubles.is_empty(),
                    };
                    if closes {
                        let depth = doubles.len();
                        if let Some(d) = doubles.pop() {
                            out.push(Quote {
                                span: Span::new(d.start, m.pos + m.len),
                                inner: Span::new(d.inner_start, m.pos),
                                closed: true,
                                kind: QuoteKind::Double,
                            });
                            // A single quotation opened inside this one
                            // cannot outlive it.
                            if single.is_some_and(|s| s.depth >= depth) {
                                single = None;
                            }
                        }
                    } else {
                        if doubles.len() >= MAX_DOUBLE_DEPTH
                            && let Some(d) = doubles.pop()
                        {
                            out.push(unclosed(body, d, m.pos));
                        }
                        doubles.push(OpenDouble {
                            start: m.pos,
                            inner_start: m.pos + m.len,
                        });
                    }
                }
                QuoteKind::Single => match (m.dir, single) {
                    (Dir::Close, Some(s)) | (Dir::Either, Some(s)) => {
                        out.push(Quote {
                            span: Span::new(s.start, m.pos + m.len),
                            inner: Span::new(s.inner_start, m.pos),
                            closed: true,
                            kind: QuoteKind::Single,
                        });
                        single = None;
                    }
                    (Dir::Open, _) => {
                        single = Some(OpenSingle {
                            start: m.pos,
                            inner_start: m.pos + m.len,
                            depth: doubles.len(),
                        });
                    }
                    // A closing single mark with nothing open is an
                    // apostrophe (the Koreas'); an ambiguous one is ignored.
                    _ => {}
                },
            }
        });
    }
    if let Some(last) = paras.last() {
        while let Some(d) = doubles.pop() {
            out.push(unclosed(body, d, last.end));
        }
    }
    // Inner quotations close before outer ones: order by start, outer first.
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

/// An unclosed quotation ending (trimmed) before `end`.
fn unclosed(body: &str, d: OpenDouble, end: usize) -> Quote {
    let inner = trim_range(body, d.inner_start, end.max(d.inner_start));
    let inner = Span::new(d.inner_start, inner.end.max(d.inner_start));
    Quote {
        span: Span::new(d.start, inner.end),
        inner,
        closed: false,
        kind: QuoteKind::Double,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(body: &str) -> Vec<(&str, &str, bool)> {
        let out = quotes(body);
        for x in &out {
            assert!(body.is_char_boundary(x.span.start) && body.is_char_boundary(x.span.end));
            assert!(body.is_char_boundary(x.inner.start) && body.is_char_boundary(x.inner.end));
            assert!(x.span.contains(x.inner));
        }
        out.iter()
            .map(|x| (x.span.slice(body), x.inner.slice(body), x.closed))
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            q("He said, \"We will respond.\" Then he left."),
            [("\"We will respond.\"", "We will respond.", true)]
        );
        assert_eq!(
            q("\u{201c}We will respond,\u{201d} he said."),
            [("\u{201c}We will respond,\u{201d}", "We will respond,", true)]
        );
        assert_eq!(
            q("\"One,\" he said, \"two.\""),
            [("\"One,\"", "One,", true), ("\"two.\"", "two.", true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(q("Korea's envoy said they don't know the Koreas' plan from the '90s.").is_empty());
        assert!(
            q("Korea\u{2019}s envoy in the \u{2019}90s and the Koreas\u{2019} plan").is_empty()
        );
    }

    #[test]
    fn single_quotes_when_paired() {
        assert_eq!(
            q("Germany bans airline, citing 'security'"),
            [("'security'", "security", true)]
        );
        assert_eq!(
            q("\"He called it 'a farce,' and walked out,\" she said."),
            [
                (
                    "\"He called it 'a farce,' and walked out,\"",
                    "He called it 'a farce,' and walked out,",
                    true
                ),
                ("'a farce,'", "a farce,", true)
            ]
        );
        assert_eq!(
            q("\u{2018}Peace\u{2019} is near, Korea\u{2019}s envoy said"),
            [("\u{2018}Peace\u{2019}", "Peace", true)]
        );
    }

    #[test]
    fn doubled_backticks_open_a_quotation() {
        assert_eq!(
            q("``We will not yield,'' Radio Lima said."),
            [("``We will not yield,''", "We will not yield,", true)]
        );
        assert_eq!(
            q("Quito called it ``a farce.\u{2033} Run `ls` first."),
            [("``a farce.\u{2033}", "a farce.", true)]
        );
    }

    #[test]
    fn double_primes_pair_as_straight_marks() {
        assert_eq!(
            q("\u{2033}We will not yield,\u{2033} Radio Lima said."),
            [(
                "\u{2033}We will not yield,\u{2033}",
                "We will not yield,",
                true
            )]
        );
        assert_eq!(
            q("Chile called it \u{2033}a farce.\u{2033}"),
            [("\u{2033}a farce.\u{2033}", "a farce.", true)]
        );
        // Seconds of arc and inches are no marks.
        assert_eq!(
            q(
                "Seized at 26\u{b0}34\u{2032}12\u{2033}N, a 7\u{2033} gun. Oman called it \"piracy\"."
            ),
            [("\"piracy\"", "piracy", true)]
        );
    }

    #[test]
    fn two_single_marks_in_a_row_are_a_double_one() {
        // A double quotation closed by two single marks.
        assert_eq!(
            q("\u{201c}The talks failed,\u{2019}\u{2019} the envoy said."),
            [(
                "\u{201c}The talks failed,\u{2019}\u{2019}",
                "The talks failed,",
                true
            )]
        );
        assert_eq!(
            q("''We will stay,'' Lima said."),
            [("''We will stay,''", "We will stay,", true)]
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let body = "He said: \"We will not retreat.\n\n\"We will hold the line,\" he added.";
        let out = quotes(body);
        assert_eq!(out.len(), 1);
        assert!(out[0].closed);
        assert_eq!(out[0].span.start, body.find('"').unwrap_or(0));
        assert_eq!(out[0].span.end, body.rfind('"').unwrap_or(0) + 1);
        assert_eq!(
            out[0].inner.slice(body),
            "We will not retreat.\n\n\"We will hold the line,"
        );
        let three = "\u{201c}One.\n\n\u{201c}Two.\n\n\u{201c}Three.\u{201d} Done.";
        let out = quotes(three);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].span.slice(three),
            &three[..three.find(" Done").unwrap_or(0)]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let body = "He said \"we will go.\n\nOfficials declined to comment.";
        assert_eq!(q(body), [("\"we will go.", "we will go.", false)]);
        assert_eq!(q("\"Open"), [("\"Open", "Open", false)]);
    }

    #[test]
    fn lone_marks() {
        assert!(q("\u{201d}").is_empty());
        assert!(q("'").is_empty());
        assert_eq!(q("\"").len(), 1);
        assert!(q("").is_empty());
        assert!(q("It is 5\" long and 3' wide.").is_empty());
    }

    #[test]
    fn nested_straight_doubles() {
        let body = "He wrote, \"The \"plan\" is dead. We move on.\" Then he left.";
        assert_eq!(
            q(body),
            [
                (
                    "\"The \"plan\" is dead. We move on.\"",
                    "The \"plan\" is dead. We move on.",
                    true
                ),
                ("\"plan\"", "plan", true)
            ]
        );
        // A missing closing mark: the outer one stays open to the paragraph end.
        let typo = "\"One, he said. \"Two,\" she said.\n\nNext.";
        assert_eq!(
            q(typo),
            [
                (
                    "\"One, he said. \"Two,\" she said.",
                    "One, he said. \"Two,\" she said.",
                    false
                ),
                ("\"Two,\"", "Two,", true)
            ]
        );
    }
}
