//! Typed errors for reading and extracting documents.
//!
//! Every variant names the input (`path`, or `-` for standard input) and, for
//! JSON Lines, the 1-based line, so a batch can report each failure precisely
//! and carry on with the next document.

use std::path::PathBuf;

/// Why one document (or one whole input) could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}; check that the path exists and is readable")]
    Io {
        /// The input that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file holds binary data, not text.
    #[error("{path}: {what}; faultline reads plain text, HTML or JSON Lines")]
    Binary {
        /// The input that failed.
        path: PathBuf,
        /// What the sniffer saw, e.g. "binary data (NUL byte at offset 12)".
        what: String,
    },
    /// The file is empty or holds only whitespace.
    #[error("{path}: empty input; nothing to extract")]
    Empty {
        /// The input that failed.
        path: PathBuf,
    },
    /// The file is larger than the configured limit.
    #[error(
        "{path}: file is {size} bytes, over the limit of {limit} bytes; raise it with --max-bytes"
    )]
    TooLarge {
        /// The input that failed.
        path: PathBuf,
        /// Size of the file in bytes.
        size: u64,
        /// The configured limit in bytes.
        limit: u64,
    },
    /// A JSON Lines record is not valid JSON.
    #[error("{path}:{line}: not a JSON object: {message}; each line must be one JSON object")]
    Json {
        /// The input that failed.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// A JSON Lines record is JSON but lacks what an article needs.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The input that failed.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is missing or wrong, and what to do.
        message: String,
    },
    /// A document was read but no article text could be found in it.
    #[error("{path}: no article text found{detail}; check that the page holds an article")]
    NoText {
        /// The input that failed.
        path: PathBuf,
        /// Extra detail, starting with "; " or empty.
        detail: String,
    },
}

impl IngestError {
    /// The input this error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Io { path, .. }
            | Self::Binary { path, .. }
            | Self::Empty { path }
            | Self::TooLarge { path, .. }
            | Self::Json { path, .. }
            | Self::Record { path, .. }
            | Self::NoText { path, .. } => path,
        }
    }

    /// The 1-based line within the input, for JSON Lines records.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Json { line, .. } | Self::Record { line, .. } => Some(*line),
            _ => None,
        }
    }
}
