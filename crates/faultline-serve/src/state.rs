//! The server's shared state: the database path and a small pool of
//! read-only store connections, used on blocking threads so a slow query
//! never stalls the async workers.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use faultline_store::{Store, StoreError};

use crate::error::AppError;
use crate::write::{Token, Writer};

/// Limits applied to every request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body, in bytes (413 above it).
    pub body_bytes: u64,
    /// Longest time a request may take (503 after it).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            body_bytes: 1 << 20,
            timeout: Duration::from_secs(10),
        }
    }
}

/// Connections kept open between requests.
const IDLE_CONNECTIONS: usize = 8;

/// What every handler shares: cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
    /// The writer and its token, when writes are enabled.
    writer: Option<Arc<(Token, Writer)>>,
}

#[derive(Debug)]
struct Inner {
    path: PathBuf,
    limits: Limits,
    idle: Mutex<Vec<Store>>,
}

impl AppState {
    /// Opens the database at `path` once for writing (bringing an older
    /// schema up to date and finishing an interrupted bulk load), then keeps
    /// read-only connections to it. A missing file is an error.
    pub fn open(path: &Path, limits: Limits) -> Result<Self, StoreError> {
        drop(Store::open_existing(path)?);
        let first = Store::open_read_only(path)?;
        Ok(Self {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                limits,
                idle: Mutex::new(vec![first]),
            }),
            writer: None,
        })
    }

    /// Enables writes (`POST /api/documents`) for clients presenting `token`.
    #[must_use]
    pub fn with_writer(self, token: Token, writer: Writer) -> Self {
        Self {
            writer: Some(Arc::new((token, writer))),
            ..self
        }
    }

    /// The database path.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// The writer, once `authorization` (the header's value) carries its
    /// token: 403 when writes are disabled, 401 when the token is missing or wrong.
    pub fn writer(&self, authorization: Option<&str>) -> Result<Arc<(Token, Writer)>, AppError> {
        let Some(w) = &self.writer else {
            return Err(AppError::WritesDisabled);
        };
        let Some(presented) = authorization.and_then(|h| {
            h.strip_prefix("Bearer ")
                .or_else(|| h.strip_prefix("bearer "))
        }) else {
            return Err(AppError::Unauthorized(
                "writing needs the header 'Authorization: Bearer <token>' with the server's token"
                    .into(),
            ));
        };
        if !w.0.matches(presented.trim()) {
            return Err(AppError::Unauthorized(
                "the bearer token is not the server's; check --token-file or FAULTLINE_TOKEN"
                    .into(),
            ));
        }
        Ok(Arc::clone(w))
    }

    /// The request limits.
    pub fn limits(&self) -> Limits {
        self.inner.limits
    }

    /// Runs `f` with a read-only store on a blocking thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let store = inner.take()?;
            let out = f(&store);
            inner.give_back(store);
            out
        })
        .await
        .map_err(|e| AppError::Internal(format!("a query task failed: {e}")))?
    }
}

impl Inner {
    fn take(&self) -> Result<Store, AppError> {
        let pooled = self.idle.lock().ok().and_then(|mut v| v.pop());
        match pooled {
            Some(s) => Ok(s),
            None => Ok(Store::open_read_only(&self.path)?),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_CONNECTIONS
        {
            idle.push(store);
        }
    }
}
