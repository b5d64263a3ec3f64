//! From faultline's tokens to the words the tagger and parser read.
//!
//! `faultline-text` keeps "don't", "Korea's" and "U.S.-led" as one token;
//! Universal Dependencies splits them ("do" + "n't", "Korea" + "'s",
//! "U.S." + "-" + "led"). Each [`Word`] keeps the index of the token it came
//! from and a byte span into the same text, so both views slice the body.
//! The clitics and the prefixes that keep their hyphen are data files.

use faultline_text::{Span, Token, TokenKind};

/// A syntactic word: a whole token or a piece of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte span into the text the tokens index.
    pub span: Span,
    /// Index of the token it comes from.
    pub token: u32,
}

/// Splits every token of `text` into words. `tokens` are spans into `text`.
#[must_use]
pub fn words(text: &str, tokens: &[Token]) -> Vec<Word> {
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for (i, t) in tokens.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        if t.kind == TokenKind::Word {
            split_word(text, t.span, index, &mut out);
        } else {
            out.push(Word {
                span: t.span,
                token: index,
            });
        }
    }
    out
}

fn split_word(text: &str, span: Span, token: u32, out: &mut Vec<Word>) {
    let s = span.slice(text);
    let (stem_len, clitic) = clitic_split(s);
    split_hyphens(s, span.start, &s[..stem_len], token, out);
    if clitic {
        out.push(Word {
            span: Span::new(span.start + stem_len, span.end),
            token,
        });
    }
}

/// Length of the stem before a final clitic, and whether there is one.
fn clitic_split(s: &str) -> (usize, bool) {
    for c in crate::words::clitics() {
        if let Some(start) = clitic_start(s, c)
            && start > 0
            && s[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return (start, true);
        }
    }
    (s.len(), false)
}

/// Where `clitic` (lower case, straight apostrophe) starts as a suffix of
/// `s`, ignoring case and the apostrophe's form; no allocation.
fn clitic_start(s: &str, clitic: &str) -> Option<usize> {
    let mut text = s.char_indices().rev();
    let mut start = s.len();
    for want in clitic.chars().rev() {
        let (i, c) = text.next()?;
        let c = if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
        if c != want {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Pushes the pieces of `stem` (which starts at byte `base`) split at hyphens.
fn split_hyphens(_full: &str, base: usize, stem: &str, token: u32, out: &mut Vec<Word>) {
    let mut start = 0;
    let bytes = stem.as_bytes();
    for (i, c) in stem.char_indices() {
        if !matches!(c, '-' | '\u{2011}') || i == start || i + c.len_utf8() >= stem.len() {
            continue;
        }
        let left = &stem[start..i];
        let joined = start == 0
            && crate::words::hyphen_prefixes()
                .iter()
                .any(|p| p.eq_ignore_ascii_case(left));
        let digits = bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit();
        if joined || digits {
            continue;
        }
        out.push(Word {
            span: Span::new(base + start, base + i),
            token,
        });
        out.push(Word {
            span: Span::new(base + i, base + i + c.len_utf8()),
            token,
        });
        start = i + c.len_utf8();
    }
    out.push(Word {
        span: Span::new(base + start, base + stem.len()),
        token,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let toks = faultline_text::tokens(text, 0);
        words(text, &toks)
            .iter()
            .map(|w| w.span.slice(text))
            .collect()
    }

    #[test]
    fn splits_clitics_like_ud() {
        assert_eq!(split("They don't know"), ["They", "do", "n't", "know"]);
        assert_eq!(split("Japan's navy"), ["Japan", "'s", "navy"]);
        assert_eq!(split("Japan\u{2019}s navy"), ["Japan", "\u{2019}s", "navy"]);
        assert_eq!(split("we'll see"), ["we", "'ll", "see"]);
        assert_eq!(split("It won't"), ["It", "wo", "n't"]);
    }

    #[test]
    fn splits_hyphens_but_keeps_prefixes_and_numbers() {
        assert_eq!(
            split("a Saudi-led force"),
            ["a", "Saudi", "-", "led", "force"]
        );
        assert_eq!(
            split("an e-mail and co-workers"),
            ["an", "e-mail", "and", "co-workers"]
        );
        assert_eq!(split("Abu al-Baghdadi"), ["Abu", "al", "-", "Baghdadi"]);
    }

    #[test]
    fn every_word_slices_its_token() {
        let text = "The U.S.-backed talks weren't held in Seoul's north-east.";
        let toks = faultline_text::tokens(text, 0);
        let ws = words(text, &toks);
        for w in &ws {
            let tok = toks[w.token as usize].span;
            assert!(tok.contains(w.span), "{w:?}");
            assert!(!w.span.slice(text).is_empty());
        }
        let joined: String = ws.iter().map(|w| w.span.slice(text)).collect();
        let no_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, no_space);
    }
}
