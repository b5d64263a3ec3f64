//! The crate's typed errors.

use thiserror::Error;

/// Everything that can go wrong when reading treebanks or model files.
#[derive(Debug, Error)]
pub enum SyntaxError {
    /// A malformed CoNLL-U line.
    #[error("{file}:{line}: {message}")]
    Conllu {
        /// The file read.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file that is not one, is damaged, or is of another version.
    #[error("{file}: {message}")]
    Model {
        /// The model file (or `<embedded>`).
        file: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
}
