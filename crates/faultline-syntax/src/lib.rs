//! # faultline-syntax
//!
//! Tagging and dependency parsing for faultline, inside the binary and
//! offline: a greedy averaged-perceptron UPOS tagger and arc-eager parser,
//! and a relation labeller, trained on UD English EWT.
//!
//! Everything works on faultline's own tokens: [`tokens`] splits
//! `faultline-text` tokens where Universal Dependencies does ("don't" →
//! "do" + "n't", "Korea's" → "Korea" + "'s", "U.S.-led" → "U.S." + "-" +
//! "led"), and every word keeps a byte span into the original text.

pub mod arcs;
pub mod args;
pub mod augment;
pub mod bytes;
pub mod conllu;
mod error;
pub mod eval;
pub mod hash;
pub mod labeler;
pub mod lexical;
pub mod linear;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod repair;
pub mod scare;
pub mod tagger;
pub mod tokenize;
pub mod train;
pub mod words;

pub use error::SyntaxError;
pub use model::{Analysis, Model};

use std::sync::OnceLock;

use faultline_text::{Span, Token};
use lexical::Atoms;

/// The default model, trained on UD English EWT (CC BY-SA 4.0; see
/// `data/MODEL-LICENSE.md`), embedded in the binary.
static EMBEDDED: &[u8] = include_bytes!("../data/en_ewt.model");

/// The embedded default model, loaded once.
///
/// # Errors
/// Only if the embedded file is damaged (a build problem).
pub fn embedded() -> Result<&'static Model, SyntaxError> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            Model::from_bytes("<embedded en_ewt.model>", EMBEDDED).map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|m| SyntaxError::Model {
            file: "<embedded en_ewt.model>".to_owned(),
            message: m.clone(),
        })
}

/// One word of a parsed sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedWord<'m> {
    /// Byte span into the text the tokens index.
    pub span: Span,
    /// Index of the `faultline-text` token the word comes from.
    pub token: u32,
    /// Universal part-of-speech tag.
    pub upos: &'static str,
    /// Index of the head word in the same sentence; `None` for the root.
    pub head: Option<u32>,
    /// Dependency relation (`nsubj`, `obl:agent`, …).
    pub deprel: &'m str,
}

impl Model {
    /// Tags and parses one sentence given as `faultline-text` tokens
    /// (spans into `text`). Every returned span slices `text`.
    #[must_use]
    pub fn parse_tokens(&self, text: &str, tokens: &[Token]) -> Vec<ParsedWord<'_>> {
        let words = tokenize::words(text, tokens);
        // Scare quotes are left out of the parse (see [`scare`]).
        let scare = scare::marks(text, &words);
        let kept: Vec<usize> = (0..words.len()).filter(|&i| !scare[i]).collect();
        let forms: Vec<&str> = kept.iter().map(|&i| words[i].span.slice(text)).collect();
        let atoms: Vec<Atoms> = forms.iter().map(|f| Atoms::of(f)).collect();
        let a = self.analyze_atoms_fixing(&atoms, |tags| {
            repair::possessed_verbs(&forms, tags);
            repair::participles_with_objects(&forms, tags);
            repair::participles_before_that(&forms, tags);
            repair::inverted_conditions(&forms, tags);
        });
        let full = |k: u32| kept.get(k as usize).and_then(|&i| u32::try_from(i).ok());
        let mut rank = 0usize;
        let mut opening = true;
        let mut parsed: Vec<ParsedWord<'_>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if scare[i] {
                    // Marks come in pairs: the opening one hangs on the
                    // word after it, the closing one on the word before it.
                    let anchor = if opening { i + 1 } else { i.saturating_sub(1) };
                    opening = !opening;
                    return ParsedWord {
                        span: w.span,
                        token: w.token,
                        upos: "PUNCT",
                        head: u32::try_from(anchor).ok(),
                        deprel: "punct",
                    };
                }
                let k = rank;
                rank += 1;
                ParsedWord {
                    span: w.span,
                    token: w.token,
                    upos: tagger::UPOS.get(a.tags[k] as usize).copied().unwrap_or("X"),
                    head: a.heads[k].and_then(full),
                    deprel: self.label_name(a.labels[k]),
                }
            })
            .collect();
        repair::tree(text, &mut parsed);
        parsed
    }

    /// Tokenises and parses the sentence `text[span]`; spans index `text`.
    #[must_use]
    pub fn parse_span(&self, text: &str, span: Span) -> Vec<ParsedWord<'_>> {
        let tokens = faultline_text::tokens(span.slice(text), span.start);
        self.parse_tokens(text, &tokens)
    }
}
