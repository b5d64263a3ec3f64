//! The store's typed errors. Messages are lowercase, name the database file
//! when there is one, and say what to do.

use std::path::PathBuf;

/// Everything that can go wrong opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database (an image, an archive, text…).
    #[error(
        "{path}: not a faultline database ({what}); the file was left untouched: choose another path with --db"
    )]
    NotSqlite {
        /// The database path.
        path: PathBuf,
        /// What the file looks like instead.
        what: String,
    },
    /// An SQLite database that belongs to another program.
    #[error(
        "{path}: an SQLite database of another program ({what}); the file was left untouched: choose another path with --db"
    )]
    Foreign {
        /// The database path.
        path: PathBuf,
        /// What identified it as foreign.
        what: String,
    },
    /// A faultline database that is damaged (truncated, bad header, unreadable pages).
    #[error(
        "{path}: the database is damaged ({what}); the file was left untouched: restore it from a backup or re-ingest into a new file"
    )]
    Corrupt {
        /// The database path.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
    /// Damage found while writing: the batches committed before it are in
    /// the file, so it was not left untouched (see [`StoreError::after_writes`]).
    #[error(
        "{path}: the database is damaged ({what}), found while writing to it: the document being stored was not stored, but earlier batches were; restore the file from a backup or re-ingest into a new file"
    )]
    CorruptWhileWriting {
        /// The database path.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
    /// The database, its folder, or its `-wal`/`-shm` files cannot be
    /// written (SQLite needs them even to read a database in WAL mode).
    #[error("{}", read_only_message(.path, *.folder))]
    ReadOnly {
        /// The database path.
        path: PathBuf,
        /// The folder is read-only (SQLite cannot create the `-wal` and
        /// `-shm` files), rather than the database file itself.
        folder: bool,
    },
    /// The database was written by a newer faultline with a newer schema.
    #[error(
        "{path}: schema version {found} is newer than this faultline understands (up to {supported}); upgrade faultline"
    )]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The database file does not exist (for commands that only read).
    #[error("{path}: no database here; run `faultline ingest` first or choose one with --db")]
    Missing {
        /// The database path.
        path: PathBuf,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An SQLite error while working on the database.
    #[error("{path}: database error: {source}")]
    Sqlite {
        /// The database path.
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// A query argument that cannot be used (bad date range, unknown code).
    #[error("invalid query: {0}")]
    Query(String),
    /// Writing or reading an export file failed.
    #[error("export: {0}")]
    Export(String),
    /// Writing an export failed (a full disk, a closed pipe).
    #[error("export: cannot write: {source}")]
    Write {
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    /// An SQLite error on the database at `path`: [`StoreError::Corrupt`]
    /// when SQLite found a damaged page or file, [`StoreError::ReadOnly`]
    /// when it may not write, else [`StoreError::Sqlite`].
    pub fn sqlite(path: &std::path::Path, source: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(e, _) = &source
            && e.code == rusqlite::ErrorCode::ReadOnly
        {
            return Self::ReadOnly {
                path: path.to_owned(),
                folder: e.extended_code == rusqlite::ffi::SQLITE_READONLY_DIRECTORY,
            };
        }
        match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                Self::Corrupt {
                    path: path.to_owned(),
                    what: format!("SQLite: {}", sqlite_message(&source)),
                }
            }
            _ => Self::Sqlite {
                path: path.to_owned(),
                source,
            },
        }
    }
}

impl StoreError {
    /// The error as seen after earlier batches were committed: damage is
    /// then [`StoreError::CorruptWhileWriting`], as the file has changed.
    #[must_use]
    pub fn after_writes(self) -> Self {
        match self {
            Self::Corrupt { path, what } => Self::CorruptWhileWriting { path, what },
            other => other,
        }
    }
}

/// The message of [`StoreError::ReadOnly`]: which files SQLite must write,
/// and what to do.
fn read_only_message(path: &std::path::Path, folder: bool) -> String {
    let p = path.display();
    let files = format!("{p}-wal and {p}-shm");
    if folder {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.display().to_string(),
            _ => ".".to_owned(),
        };
        format!(
            "{p}: the folder {dir} is read-only, and SQLite must create {files} beside the database (write-ahead log and shared memory), even to read it; make the folder writable, or copy the database into a writable folder and point --db at the copy"
        )
    } else {
        format!(
            "{p}: the database is read-only; make {p} and, if they exist, {files} writable by this user, or copy the database into a writable folder and point --db at the copy"
        )
    }
}

/// SQLite's own message for an error, without rusqlite's repetitions.
fn sqlite_message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => other.to_string(),
    }
}

/// Result with [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
