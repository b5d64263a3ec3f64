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
pub mod aside;
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
        // Scare quotes are left out of the parse (see [`scare`]), and
        // parenthetical asides are parsed apart (see [`aside`]).
        let scare = scare::marks(text, &words);
        let asides = aside::spans(text, &words);
        let in_aside = |i: usize| asides.iter().any(|&(a, b)| i >= a && i <= b);
        let main: Vec<usize> = (0..words.len())
            .filter(|&i| !scare[i] && !in_aside(i))
            .collect();
        let mut parsed: Vec<ParsedWord<'_>> = words
            .iter()
            .map(|w| ParsedWord {
                span: w.span,
                token: w.token,
                upos: "PUNCT",
                head: None,
                deprel: "punct",
            })
            .collect();
        self.parse_part(text, &words, &main, &mut parsed);
        for &(open, close) in &asides {
            let inner: Vec<usize> = (open + 1..close).filter(|&i| !scare[i]).collect();
            let root = self.parse_part(text, &words, &inner, &mut parsed);
            graft(&mut parsed, &main, open, close, root);
        }
        attach_scare_marks(&mut parsed, &scare);
        repair::tree(text, &mut parsed);
        parsed
    }

    /// Tags and parses the words `part` of `words` as one sentence, writing
    /// their tags, heads and relations into `parsed`; returns the index of
    /// the part's root.
    fn parse_part<'m>(
        &'m self,
        text: &str,
        words: &[tokenize::Word],
        part: &[usize],
        parsed: &mut [ParsedWord<'m>],
    ) -> Option<usize> {
        let forms: Vec<&str> = part.iter().map(|&i| words[i].span.slice(text)).collect();
        let atoms: Vec<Atoms> = forms.iter().map(|f| Atoms::of(f)).collect();
        let a = self.analyze_atoms_fixing(&atoms, |tags| {
            repair::possessed_verbs(&forms, tags);
            repair::determined_gerunds(&forms, tags);
            repair::participles_with_objects(&forms, tags);
            repair::participles_before_that(&forms, tags);
            repair::inverted_conditions(&forms, tags);
            repair::lone_pair_pronouns(&forms, tags);
            repair::elided_nominals(&forms, tags);
        });
        let full = |k: usize| part.get(k).and_then(|&i| u32::try_from(i).ok());
        let mut root = None;
        for (k, &i) in part.iter().enumerate() {
            let head = a.heads.get(k).copied().flatten();
            parsed[i].upos = tagger::UPOS.get(a.tags[k] as usize).copied().unwrap_or("X");
            parsed[i].head = head.and_then(|h| full(h as usize));
            parsed[i].deprel = a.labels.get(k).map_or("dep", |&l| self.label_name(l));
            if head.is_none() && root.is_none() {
                root = Some(i);
            }
        }
        root
    }

    /// Tokenises and parses the sentence `text[span]`; spans index `text`.
    #[must_use]
    pub fn parse_span(&self, text: &str, span: Span) -> Vec<ParsedWord<'_>> {
        let tokens = faultline_text::tokens(span.slice(text), span.start);
        self.parse_tokens(text, &tokens)
    }
}

/// Hangs the root of an aside's own parse on the sentence word right
/// before its "(" (the sentence's root when there is none): `appos` for a
/// nominal ("Chad (its neighbour to the east)"), `parataxis` otherwise; its
/// marks hang on its root.
fn graft(
    parsed: &mut [ParsedWord<'_>],
    main: &[usize],
    open: usize,
    close: usize,
    root: Option<usize>,
) {
    let Some(root) = root else {
        return;
    };
    let anchor = main
        .iter()
        .rev()
        .find(|&&i| i < open)
        .or_else(|| main.iter().find(|&&i| parsed[i].head.is_none()))
        .copied();
    let nominal = matches!(parsed[root].upos, "NOUN" | "PROPN" | "PRON" | "NUM");
    parsed[root].head = anchor.and_then(|a| u32::try_from(a).ok());
    parsed[root].deprel = if anchor.is_none() {
        "root"
    } else if nominal {
        "appos"
    } else {
        "parataxis"
    };
    for mark in [open, close] {
        parsed[mark].head = u32::try_from(root).ok();
        parsed[mark].deprel = "punct";
    }
}

/// Scare-quote marks come in pairs: the opening one hangs on the word after
/// it, the closing one on the word before it.
fn attach_scare_marks(parsed: &mut [ParsedWord<'_>], scare: &[bool]) {
    let mut opening = true;
    for i in 0..parsed.len() {
        if scare[i] {
            let anchor = if opening { i + 1 } else { i.saturating_sub(1) };
            opening = !opening;
            parsed[i].head = u32::try_from(anchor).ok();
            parsed[i].deprel = "punct";
            parsed[i].upos = "PUNCT";
        }
    }
}
