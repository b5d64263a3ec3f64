//! The server's one error type: every failure becomes a JSON body
//! `{"error": ..., "detail": ...}` with its status code, through
//! [`AppError`]'s `IntoResponse`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use faultline_store::StoreError;
use serde::Serialize;

/// What went wrong handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A query or path parameter that cannot be used (400).
    #[error("{0}")]
    BadRequest(String),
    /// A write without the right bearer token (401).
    #[error("{0}")]
    Unauthorized(String),
    /// A write to a server that takes none: no token is configured (403).
    #[error("this server takes no writes: start it with --token-file FILE or FAULTLINE_TOKEN set")]
    WritesDisabled,
    /// No such thing: an unknown actor code, document or route (404).
    #[error("{0}")]
    NotFound(String),
    /// A route asked with a method it does not take (405).
    #[error("this route does not take that method; see /api/openapi.json")]
    MethodNotAllowed,
    /// A request body over the limit (413).
    #[error("the request body is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The request took longer than the server allows (503).
    #[error("the request took longer than {0} ms; narrow the date range or try again")]
    Timeout(u128),
    /// The store failed (500, or 400 for a query it refused).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Anything else on the server's side (500).
    #[error("{0}")]
    Internal(String),
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A short, stable kind: `bad request`, `unauthorized`, `forbidden`, `not found`, `too large`, `timeout`, `damaged database`, `internal`.
    pub error: &'static str,
    /// What was wrong, and what to do.
    pub detail: String,
}

impl AppError {
    /// The status code and the short kind.
    pub fn kind(&self) -> (StatusCode, &'static str) {
        match self {
            Self::BadRequest(_) | Self::Store(StoreError::Query(_)) => {
                (StatusCode::BAD_REQUEST, "bad request")
            }
            Self::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::WritesDisabled => (StatusCode::FORBIDDEN, "forbidden"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not found"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method not allowed"),
            Self::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too large"),
            Self::Timeout(_) => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            Self::Store(StoreError::Corrupt { .. }) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "damaged database")
            }
            Self::Store(_) | Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, error) = self.kind();
        if status.is_server_error() {
            tracing::error!(%status, "{self}");
        }
        let body = ErrorBody {
            error,
            detail: self.to_string(),
        };
        let mut resp = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_query_errors_are_bad_requests() {
        let e = AppError::from(StoreError::Query("from is after to".into()));
        assert_eq!(e.kind().0, StatusCode::BAD_REQUEST);
        let e = AppError::from(StoreError::Corrupt {
            path: "x.db".into(),
            what: "bad page".into(),
        });
        assert_eq!(
            e.kind(),
            (StatusCode::INTERNAL_SERVER_ERROR, "damaged database")
        );
        assert_eq!(
            AppError::TooLarge { limit: 8 }.kind().0,
            StatusCode::PAYLOAD_TOO_LARGE
        );
    }
}
