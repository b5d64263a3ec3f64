//! Acronyms a document defines: "Border Guards Bangladesh (BGB) opened fire
//! … The BGB patrol later released them." An upper-case word in brackets
//! right after a mention, that the dictionary does not know, abbreviates
//! that mention for the rest of the document; said again, it takes the
//! mention's code (`Via::Coreference`). Known acronyms ("the Rapid Support
//! Forces (RSF)") are the dictionary's and `titles::bracketed_abbreviations`'.

use std::collections::HashMap;

use super::{Mention, Sentence, Via};
use crate::lexicon::lex;

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
        .filter(|m| !m.person && names_it_whole(cx.body.get(cx.s.start..m.start).unwrap_or("")))
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

/// True when a mention after the text `before` is the whole name before the
/// brackets: no capitalised word, nor one joined to it by `name_joiners`,
/// stands right before it, but the words of a force's name
/// (`force_name_words`: "Border Guards Bangladesh"). "The Front for the
/// Liberation of Chad (FLC)" is not Chad's.
fn names_it_whole(before: &str) -> bool {
    let capital =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && !lex().not_names.contains(w);
    let mut words = before
        .split_whitespace()
        .rev()
        .skip_while(|w| lex().force_name_words.contains(w));
    match words.next() {
        Some(w) if lex().name_joiners.contains(&w.to_lowercase()) => {
            !words.next().is_some_and(capital)
        }
        Some(w) => !capital(w),
        None => true,
    }
}
