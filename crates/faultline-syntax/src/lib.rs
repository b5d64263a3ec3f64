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

pub mod bytes;
pub mod conllu;
mod error;
pub mod eval;
pub mod hash;
pub mod labeler;
pub mod lexical;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tokenize;
pub mod train;

pub use error::SyntaxError;
pub use model::{Analysis, Model};
