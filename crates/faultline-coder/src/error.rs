//! Typed errors of the event coder's dictionaries.

use std::path::PathBuf;

/// A dictionary problem located by file and 1-based line.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CoderError {
    /// A line or entry that could not be read; the rest of the file still loads.
    #[error("{}:{line}: {message}", file.display())]
    Line {
        /// The dictionary file.
        file: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A file that could not be read at all.
    #[error("{}: cannot read: {message}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The underlying error.
        message: String,
    },
}
