//! Tokenisation of a sentence (or any text) into words, numbers,
//! abbreviations, URLs, e-mail addresses, punctuation, quotation marks and
//! symbols, each with a byte span.

use serde::{Deserialize, Serialize};

use crate::abbrev;
use crate::chars::char_at;
use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with internal apostrophes, hyphens or periods
    /// ("don't", "Korea's", "al-Assad", "example.com"), and mixed
    /// alphanumerics ("1st", "'90s", "G20").
    Word,
    /// Digits with optional internal `.`, `,`, `:` or `/` between digits
    /// ("3.5", "1,200", "10:30", "1/2").
    Number,
    /// A known abbreviation or dotted acronym *including its final period*
    /// ("Mr.", "Gen.", "U.S.", "a.m.", "e.g.").
    Abbreviation,
    /// `http://…`, `https://…` or `www.…`, without trailing punctuation.
    Url,
    /// `local@domain.tld`.
    Email,
    /// Punctuation: `. , ; : ? ! ( ) [ ] { } - … – —` and similar. Runs of
    /// the same mark ("...", "--", "?!") form one token.
    Punct,
    /// A quotation mark or apostrophe standing alone: `" ' “ ” ‘ ’ « » „`.
    Quote,
    /// Anything else that is not whitespace: `$ % & @ # + = € £ ¥ ©`, emoji.
    Symbol,
}

/// A token: its byte span and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Byte span (already offset by `base`).
    pub span: Span,
    /// Token kind.
    pub kind: TokenKind,
}

/// Tokenises `text`. Spans are `base + offset`, so
/// `tokens(sentence.span.slice(body), sentence.span.start)` gives spans into
/// `body`. Whitespace is skipped; every other character belongs to exactly
/// one token. Linear time.
#[must_use]
pub fn tokens(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if let Some(end) = url_at(bytes, i) {
            (end, TokenKind::Url)
        } else if let Some(end) = email_at(bytes, i) {
            (end, TokenKind::Email)
        } else if is_word_char(c) || (is_apostrophe(c) && starts_decade(bytes, i + c.len_utf8())) {
            word_at(text, i)
        } else {
            let kind = punct_kind(c);
            let mut end = i + c.len_utf8();
            if kind == TokenKind::Punct {
                while char_at(text, end) == Some(c) {
                    end += c.len_utf8();
                }
                if matches!(c, '?' | '!') {
                    while matches!(char_at(text, end), Some('?' | '!')) {
                        end += 1;
                    }
                }
            }
            (end, kind)
        };
        out.push(Token {
            span: Span::new(base + i, base + end),
            kind,
        });
        i = end;
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// "90s" / "80s" after an apostrophe.
fn starts_decade(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 2 && bytes[i].is_ascii_digit() && bytes[i + 1].is_ascii_digit()
}

/// Letters, digits, combining marks and other non-punctuation characters of
/// non-Latin scripts.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || (!c.is_whitespace() && punct_kind_non_ascii(c).is_none())
}

fn punct_kind(c: char) -> TokenKind {
    if c.is_ascii() {
        return match c {
            '"' | '\'' => TokenKind::Quote,
            '.' | ',' | ';' | ':' | '?' | '!' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/'
            | '\\' => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
    }
    punct_kind_non_ascii(c).unwrap_or(TokenKind::Symbol)
}

/// Kind of a non-ASCII, non-alphanumeric character, or `None` for marks that
/// belong inside words (combining marks and the like).
fn punct_kind_non_ascii(c: char) -> Option<TokenKind> {
    Some(match c {
        '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{00ab}' | '\u{00bb}'
        | '\u{201e}' | '\u{201a}' | '\u{2039}' | '\u{203a}' | '\u{300c}' | '\u{300d}'
        | '\u{300e}' | '\u{300f}' => TokenKind::Quote,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{3000}'..='\u{303f}' => {
            TokenKind::Punct
        }
        '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
        | '\u{00a1}'
        | '\u{00bf}'
        | '\u{00b7}' => TokenKind::Punct,
        '\u{0080}'..='\u{00bf}' | '\u{00d7}' | '\u{00f7}' => TokenKind::Symbol,
        '\u{2070}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}' | '\u{fe00}'..='\u{fe0f}' => {
            TokenKind::Symbol
        }
        _ if c.is_alphanumeric() => return None,
        // Combining marks (Devanagari vowel signs, accents) stay in words.
        '\u{0300}'..='\u{036f}' | '\u{0900}'..='\u{0dff}' | '\u{1ab0}'..='\u{1aff}' => {
            return None;
        }
        _ if c.is_control() => TokenKind::Symbol,
        _ => return None,
    })
}

/// Scans a word/number starting at `i`; returns its end and kind.
fn word_at(text: &str, i: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut end = i;
    let mut all_numeric = true;
    let mut has_dot = false;
    let mut max_seg = 0usize;
    let mut seg = 0usize;
    let mut first = true;
    while let Some(c) = char_at(text, end) {
        let len = c.len_utf8();
        if is_word_char(c) {
            all_numeric &= c.is_ascii_digit();
            seg += 1;
            max_seg = max_seg.max(seg);
            end += len;
        } else if first && is_apostrophe(c) {
            // Leading apostrophe of "'90s".
            all_numeric = false;
            end += len;
        } else {
            let next = char_at(text, end + len);
            let prev_digit = end > i && bytes[end - 1].is_ascii_digit();
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let next_word = next.is_some_and(is_word_char);
            let joins = match c {
                '.' => next_word,
                ',' | ':' | '/' => prev_digit && next_digit,
                '-' | '\u{2011}' => next_word,
                '\'' | '\u{2019}' => next.is_some_and(char::is_alphabetic),
                _ => false,
            };
            if !joins {
                break;
            }
            if c == '.' {
                has_dot = true;
                seg = 0;
            } else if !(all_numeric && matches!(c, ',' | ':' | '/')) {
                all_numeric = false;
            }
            end += len;
        }
        first = false;
    }
    if all_numeric {
        return (end, TokenKind::Number);
    }
    // A trailing period belongs to a known abbreviation or dotted acronym.
    if bytes.get(end) == Some(&b'.') {
        let word = &bytes[i..end];
        let dotted =
            has_dot && max_seg <= 2 && word.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.');
        let mut known = false;
        if word.len() <= abbrev::MAX_ABBREV_LEN && word.is_ascii() {
            let mut lower = [0u8; abbrev::MAX_ABBREV_LEN];
            for (d, s) in lower.iter_mut().zip(word) {
                *d = s.to_ascii_lowercase();
            }
            let lw = &lower[..word.len()];
            known = match abbrev::lookup(lw) {
                Some(abbrev::AbbrevKind::Latin) => true,
                Some(_) => word[0].is_ascii_uppercase() || matches!(lw, b"etc" | b"al"),
                None => false,
            };
        }
        if dotted || known {
            return (end + 1, TokenKind::Abbreviation);
        }
    }
    (end, TokenKind::Word)
}

/// `http://`, `https://` or `www.` at `i`: the URL runs to whitespace, minus
/// trailing punctuation.
fn url_at(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut end = i;
    while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] != b'"' {
        end += 1;
    }
    Some(trim_trailing_punct(bytes, i, end))
}

/// `local@domain.tld` at `i` (local part at most 64 ASCII bytes).
fn email_at(bytes: &[u8], i: usize) -> Option<usize> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+');
    if !bytes[i].is_ascii_alphanumeric() {
        return None;
    }
    let mut k = i;
    while k < bytes.len() && k - i < 64 && local(bytes[k]) {
        k += 1;
    }
    if k >= bytes.len() || bytes[k] != b'@' {
        return None;
    }
    let dom_start = k + 1;
    let mut end = dom_start;
    while end < bytes.len()
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
    {
        end += 1;
    }
    let end = trim_trailing_punct(bytes, dom_start, end);
    let domain = &bytes[dom_start..end];
    (domain.contains(&b'.') && domain.first().is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

fn trim_trailing_punct(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start
        && matches!(
            bytes[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'' | b'-'
        )
    {
        end -= 1;
    }
    // Never cut inside a multi-byte character.
    while end > start && end < bytes.len() && (bytes[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let out = tokens(text, 0);
        for t in &out {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.is_empty());
        }
        out.iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    use TokenKind::{Abbreviation, Email, Number, Punct, Quote, Symbol, Url, Word};

    #[test]
    fn words_and_numbers() {
        assert_eq!(
            toks("Korea's envoy didn't pay $1,200.50 (3.5%)."),
            [
                ("Korea's", Word),
                ("envoy", Word),
                ("didn't", Word),
                ("pay", Word),
                ("$", Symbol),
                ("1,200.50", Number),
                ("(", Punct),
                ("3.5", Number),
                ("%", Symbol),
                (")", Punct),
                (".", Punct)
            ]
        );
        assert_eq!(
            toks("the '90s, 1st, al-Assad at 10:30"),
            [
                ("the", Word),
                ("'90s", Word),
                (",", Punct),
                ("1st", Word),
                (",", Punct),
                ("al-Assad", Word),
                ("at", Word),
                ("10:30", Number)
            ]
        );
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            toks("Mr. Kim of the U.S. met Gen. Brooks at 5 p.m. today, e.g. now."),
            [
                ("Mr.", Abbreviation),
                ("Kim", Word),
                ("of", Word),
                ("the", Word),
                ("U.S.", Abbreviation),
                ("met", Word),
                ("Gen.", Abbreviation),
                ("Brooks", Word),
                ("at", Word),
                ("5", Number),
                ("p.m.", Abbreviation),
                ("today", Word),
                (",", Punct),
                ("e.g.", Abbreviation),
                ("now", Word),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn urls_emails_quotes() {
        assert_eq!(
            toks("See https://example.org/a?b=1. Mail desk@example.com, \u{201c}now\u{201d}..."),
            [
                ("See", Word),
                ("https://example.org/a?b=1", Url),
                (".", Punct),
                ("Mail", Word),
                ("desk@example.com", Email),
                (",", Punct),
                ("\u{201c}", Quote),
                ("now", Word),
                ("\u{201d}", Quote),
                ("...", Punct)
            ]
        );
    }

    #[test]
    fn base_offset_and_scripts() {
        let body = "xx 서울 회담.";
        let out = tokens(&body[3..], 3);
        assert_eq!(out[0].span.slice(body), "서울");
        assert_eq!(out.last().map(|t| t.span.slice(body)), Some("."));
        assert_eq!(toks("नमस्ते दुनिया").len(), 2);
        assert!(toks("").is_empty());
        assert_eq!(toks("\u{2014}\u{2014}"), [("\u{2014}\u{2014}", Punct)]);
    }
}
