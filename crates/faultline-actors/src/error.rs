//! Typed errors of dictionary loading and compiling.

use std::path::PathBuf;

/// A dictionary problem, located by file and (when known) 1-based line.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ActorError {
    /// A line or entry that could not be read.
    #[error("{}:{line}: {message}", file.display())]
    Line {
        /// The dictionary file.
        file: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A file that could not be read at all.
    #[error("{}: cannot read: {message}", file.display())]
    Io {
        /// The dictionary file.
        file: PathBuf,
        /// The underlying error.
        message: String,
    },
    /// The matcher could not be built.
    #[error("cannot build the phrase matcher: {0}")]
    Build(String),
}
