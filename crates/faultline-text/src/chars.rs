//! Small, allocation-free character helpers shared by the scanners.

/// The char starting at byte `i`, if `i` is a char boundary inside `s`.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The char ending at byte `i`, if `i` is a char boundary inside `s`.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Whitespace that may separate sentences. No-break spaces (U+00A0, U+2007,
/// U+202F) are deliberately excluded: writers use them to glue "Mr.\u{a0}Kim".
#[inline]
pub(crate) fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Opening punctuation that may precede the first word of a sentence.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{201c}' // “
            | '\u{2018}' // ‘
            | '\u{00ab}' // «
            | '\u{201e}' // „
            | '\u{300c}' // 「
            | '\u{300e}' // 『
    )
}

/// Closing punctuation that attaches to the sentence it ends.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{201d}' // ”
            | '\u{2019}' // ’
            | '\u{00bb}' // »
            | '\u{300d}' // 」
            | '\u{300f}' // 』
    )
}

/// Sentence-terminating characters.
#[inline]
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '\u{2026}' // …
            | '\u{3002}' // 。
            | '\u{ff01}' // ！
            | '\u{ff1f}' // ？
            | '\u{ff0e}' // ．
    )
}

/// CJK terminators end a sentence without needing a following space.
#[inline]
pub(crate) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff0e}')
}
