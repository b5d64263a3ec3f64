//! # faultline-text
//!
//! The text layer of faultline, and the lowest crate of the workspace (it
//! depends on no other faultline crate). It takes an article body — plain
//! text whose paragraphs are separated by a blank line — and returns
//! paragraphs, sentences, tokens and quotations, **every one a byte
//! [`Span`] into the body**, so that `&body[span.start..span.end]` is exactly
//! its text and both ends are UTF-8 character boundaries.
//!
//! ```
//! let body = "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5. They talked.\n\n\
//!             \"We will respond,\" he said.";
//! let layer = faultline_text::analyze(body);
//! assert_eq!(layer.paragraphs.len(), 2);
//! let texts: Vec<&str> = layer.sentences.iter().map(|s| s.span.slice(body)).collect();
//! assert_eq!(texts, [
//!     "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5.",
//!     "They talked.",
//!     "\"We will respond,\" he said.",
//! ]);
//! assert_eq!(layer.quotes[0].inner.slice(body), "We will respond,");
//! ```
//!
//! ## Why a hand-written segmenter and not `sentencex`
//!
//! The project prefers well-kept crates, so `sentencex` 0.1.33 (Wikimedia)
//! was measured first (`examples/sentencex_eval.rs`, and the
//! `sentencex_reference` entry of `benches/segment.rs`). It is *correct* on
//! every case of the brief (the test `tests/corpus.rs` checks both crates on
//! them), but runs at only **60–120 MB/s** on wire-style English on the
//! project machine, below the 150 MB/s budget for segmentation (extraction
//! plus segmentation must exceed 50 MB/s per core). It also never splits
//! inside a quoted passage, so a three-sentence quotation is one
//! "sentence", which is too coarse for event coding. So this crate has its
//! own single-pass byte scanner (roughly 400–700 MB/s for [`sentences`] and
//! 300–400 MB/s for [`analyze`] on the dense benchmark text, about 1.8 GB/s
//! for [`sentences`] on the development corpus) and keeps `sentencex`
//! as a dev-dependency oracle: on the development corpus our boundaries
//! include 99.5% of sentencex's, and under 1% of ours are extra ones
//! outside quotations.
//!
//! ## Paragraphs
//!
//! One or more blank (whitespace-only) lines separate paragraphs; each
//! paragraph span is trimmed. A single line break does not end a paragraph.
//!
//! ## Sentence rules (news English)
//!
//! The scanner jumps (`memchr3` on ASCII text, a byte table otherwise) from
//! one candidate terminator to the next: `.`, `?`, `!`, `…`, and the CJK
//! `。！？．`. A run of terminators plus any closing quotes/brackets
//! (`."`, `?”`, `.)`, `!’`) is one candidate, and a break, if any, comes
//! *after* the closers, so closing marks attach to the sentence they end.
//! A candidate splits only if:
//!
//! 1. it is followed by breaking whitespace (no-break spaces glue), so
//!    decimals (`3.5`, `$1.2 billion`), `U.S`-internal periods, URLs and
//!    e-mail addresses never split — except CJK terminators, which need no
//!    space;
//! 2. the next word (after opening quotes/brackets) does **not** begin with a
//!    lowercase letter — `"Will they come?" she asked.`, `D.C. on`, `a.m. on`,
//!    `... and then` stay together — and is not continuation punctuation
//!    (`, ; : )` or another terminator, as in `. . .`);
//! 3. for `?`/`!`: always, except `?"`/`!"` followed by one to three
//!    capitalised words and a verb of speech (`"Why?" Mr. Kim asked.`);
//! 4. for an ellipsis: unless a digit follows;
//! 5. for a single period, by the word before it (ASCII-lowercased and
//!    looked up in a `match`-compiled table in the private `abbrev` module):
//!    - **titles** (`Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Sen. Rep. Gov. St.`
//!      …) when capitalised and **Latin** abbreviations (`vs. approx. e.g.
//!      i.e. cf.`) never split;
//!    - `No. Fig. Art. Vol.` … do not split before a number;
//!    - **months** (`Jan. Sept. Oct.` …) split only before a common
//!      sentence opener (`The`, `He`, `In`, …);
//!    - **ending abbreviations** (`Inc. Corp. Co. Ltd. Jr. etc. a.m. p.m.`
//!      and AP state abbreviations such as `Calif.`) split before a
//!      capitalised word, except weekdays/months (`5 p.m. Tuesday`), short
//!      all-caps words (time zones: `p.m. EST`) and another abbreviation
//!      (`Co. Ltd.`);
//!    - **dotted acronyms** (`U.S. U.N. U.K. D.C. E.U. Ph.D.`: one- or
//!      two-letter segments) split only before a closed-class sentence
//!      opener (`The`, `He`, `But`, `In`, `Officials`, …) or a new
//!      quotation. This is the hard case — `moved to the U.S. The talks`
//!      splits but `the U.S. President` and `U.N. Security Council` do not.
//!      A sentence that starts with a proper noun right after `U.S.` is
//!      missed (kept joined): in wire copy a capitalised word after `U.S.` is
//!      much more often a title or a name inside the same sentence;
//!    - a single capital **initial** (`John F. Kennedy`, `G. W. Bush`) splits
//!      only before a sentence opener (`Plan B. The …`); `I.` is a pronoun;
//!    - a 1–3 digit number that starts the sentence is a **numbered item**
//!      (`1. Troops withdraw.`) and does not split;
//!    - any other word splits.
//!
//! **Line breaks inside a paragraph** (lists, datelines, tables,
//! hard-wrapped text) end a sentence even without terminal punctuation,
//! unless the next line begins with a lowercase letter or the line before is
//! at least 50 bytes long and ends mid-clause (letter, digit, `,`, `;`, `-`),
//! which looks like hard-wrapped prose.
//!
//! Sentences never cross a paragraph boundary and are split inside
//! quotations like anywhere else: a quotation running over several sentences
//! or paragraphs does not change segmentation, and the quotation marks stay
//! in the sentence they open or close.
//!
//! ## Quotations
//!
//! See [`quotes`]: typographic marks give a direction, straight marks get
//! one from their neighbours (after space/start → opening, before
//! space/punctuation/end → closing, otherwise toggling). A double quotation
//! open at the end of a paragraph continues when the next paragraph opens
//! with a quotation mark (the news convention) and otherwise ends unclosed
//! at its paragraph end. Straight double quotes nested in a straight-quoted
//! passage (`"The "plan" is dead."`) are tracked on a small stack (three
//! levels), so a missing closing mark leaves the outer quotation open to
//! its paragraph end instead of mispairing everything after it. Single-quote quotations (`'security'` in headlines,
//! `'…'` nested in `"…"`) are reported only when an opening and a closing
//! single mark pair up within one paragraph; a single mark between letters
//! or before a two-digit decade is an apostrophe, and a closing single mark
//! with nothing open (`the Koreas'`) is one too.
//!
//! ## Known limitations
//!
//! - A sentence that starts with a lowercase word (`al-Muhandis was ...`,
//!   `iPhone sales ...`) is joined to the one before.
//! - After `U.S.`-style acronyms a sentence starting with a proper noun is
//!   joined (see above); after a capitalised title (`... on Main St. The`)
//!   nothing splits.
//! - In all-caps text, a sentence-opener word after `U.S.` (`U.S. OFFICIALS`)
//!   splits.
//! - Tokens: a known abbreviation or dotted acronym keeps its final period
//!   even when that period also ends the sentence (`... to the U.S.`).
//!
//! ## Robustness and speed
//!
//! No function panics on any `&str` and all run in linear time: look-behind
//! and look-ahead windows are bounded (40 and 64 bytes), runs are consumed
//! once, and nothing is allocated per character. No `regex`, no `unsafe`.

mod abbrev;
mod chars;
mod dateline;
pub mod lexicon;
pub mod morph;
mod paragraph;
mod quote;
mod sentence;
mod span;
mod token;

use serde::{Deserialize, Serialize};

pub use abbrev::is_title_abbreviation;
pub use dateline::dateline_len;
pub use paragraph::paragraphs;
pub use quote::{Quote, QuoteKind, quotes};
pub use sentence::{Sentence, sentences};
pub use span::Span;
pub use token::{Token, TokenKind, tokens};

/// Paragraphs, sentences and quotations of one body, computed together.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TextLayer {
    /// Trimmed, non-empty paragraph spans in order.
    pub paragraphs: Vec<Span>,
    /// Sentences in order; `Sentence::paragraph` indexes `paragraphs`.
    pub sentences: Vec<Sentence>,
    /// Quotations sorted by start.
    pub quotes: Vec<Quote>,
}

impl TextLayer {
    /// The tokens of sentence `i`, with spans into the body.
    #[must_use]
    pub fn sentence_tokens(&self, body: &str, i: usize) -> Vec<Token> {
        self.sentences
            .get(i)
            .map(|s| tokens(s.span.slice(body), s.span.start))
            .unwrap_or_default()
    }

    /// Indexes of the quotations that overlap sentence `i`.
    pub fn quotes_in_sentence(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let span = self.sentences.get(i).map(|s| s.span);
        self.quotes.iter().enumerate().filter_map(move |(qi, q)| {
            let s = span?;
            (q.span.start < s.end && s.start < q.span.end).then_some(qi)
        })
    }
}

/// Computes paragraphs (once), then sentences and quotations of `body`.
#[must_use]
pub fn analyze(body: &str) -> TextLayer {
    let paragraphs = paragraphs(body);
    let sentences = sentence::sentences_in(body, &paragraphs);
    let quotes = quote::quotes_in(body, &paragraphs);
    TextLayer {
        paragraphs,
        sentences,
        quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_ties_layers_together() {
        let body = "He said, \"We will respond.\" Then he left.\n\n\"Will they come?\" she asked.";
        let layer = analyze(body);
        assert_eq!(layer.paragraphs.len(), 2);
        assert_eq!(layer.sentences.len(), 3);
        assert_eq!(layer.quotes.len(), 2);
        assert_eq!(layer.quotes_in_sentence(0).collect::<Vec<_>>(), [0]);
        assert_eq!(layer.quotes_in_sentence(1).count(), 0);
        let toks = layer.sentence_tokens(body, 1);
        assert_eq!(toks[0].span.slice(body), "Then");
        assert!(layer.sentence_tokens(body, 99).is_empty());
        assert_eq!(analyze(""), TextLayer::default());
    }
}
