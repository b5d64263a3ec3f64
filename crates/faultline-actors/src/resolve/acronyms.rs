//! Acronyms a document defines: "Border Guards Bangladesh (BGB) opened fire
//! … The BGB patrol later released them." An upper-case word in brackets
//! right after a mention, that the dictionary does not know, abbreviates
//! that mention for the rest of the document; said again, it takes the
//! mention's code (`Via::Coreference`). Known acronyms ("the Rapid Support
//! Forces (RSF)") are the dictionary's and `titles::bracketed_abbreviations`'.

use std::collections::HashMap;

use super::{Mention, Sentence, Via};

/// Shortest and longest acronym read.
const LEN: std::ops::RangeInclusive<usize> = 2..=6;

/// True when `w` looks like an acronym: two to six ASCII capitals.
fn is_acronym(w: &str) -> bool {
    LEN.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The acronyms this sentence defines after its `mentions`, with the code
/// each abbreviates.
pub(super) fn defined(cx: &Sentence<'_>, mentions: &[Mention]) -> Vec<(String, String)> {
    mentions
        .iter()
        .filter(|m| !m.person)
        .filter_map(|m| {
            let rest = cx.body.get(m.end..cx.s.end)?;
            let inner = rest.strip_prefix(" (")?;
            let close = inner.find(')')?;
            let word = &inner[..close];
            let known = mentions.iter().any(|o| o.text == word);
            (is_acronym(word) && !known).then(|| (word.to_owned(), m.code.clone()))
        })
        .collect()
}

/// Mentions of acronyms defined earlier in the document (`known`) said
/// again in this sentence, outside its other `mentions`.
pub(super) fn said_again(
    cx: &Sentence<'_>,
    known: &HashMap<String, String>,
    mentions: &[Mention],
) -> Vec<Mention> {
    if known.is_empty() {
        return Vec::new();
    }
    cx.tokens
        .iter()
        .filter_map(|t| {
            let (start, end) = (t.span.start, t.span.end);
            let code = known.get(cx.body.get(start..end)?)?;
            let taken = mentions.iter().any(|m| m.start < end && m.end > start);
            (!taken).then(|| cx.mention(start, end, code.clone(), Via::Coreference))
        })
        .collect()
}
