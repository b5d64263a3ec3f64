//! faultline's HTTP server: a JSON API and a dashboard over the event store.
//!
//! - [`app`] builds the router (tested with `tower::ServiceExt::oneshot`);
//!   [`serve`] runs it on a listener until a shutdown signal.
//! - [`api`]: the JSON handlers under `/api`, documented by [`ApiDoc`]
//!   (served at `/api/openapi.json`).
//! - [`pages`], [`views`], [`html`], [`chart`], [`network`], [`article`]:
//!   the dashboard (dyads, a dyad's chart, the actor network, alerts, the
//!   event table, documents), HTML and SVG built on the server, with every
//!   stored string escaped.
//! - [`state`]: read-only store connections on blocking threads.
//! - [`write`]: `POST /api/documents`: the bearer token and the writer that
//!   codes and stores posted documents.
//! - [`error`]: [`AppError`], the one error type, answered as JSON.
//!
//! Every response carries a Content-Security-Policy that allows no inline
//! script (and no script at all: the pages need none); request bodies are
//! limited and every request has a timeout.

pub mod api;
pub mod article;
pub mod chart;
pub mod error;
pub mod html;
pub mod network;
pub mod pages;
pub mod params;
pub mod state;
pub mod views;
pub mod write;

use std::future::Future;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::OpenApi;

pub use error::AppError;
pub use state::{AppState, Limits};

/// The Content-Security-Policy of every response: only this server's own
/// stylesheet and images; no script, no frames, no plugins.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     script-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The OpenAPI document, generated from the handlers' annotations.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "faultline",
        description = "Political events coded from news: dyad series, alerts, events and their evidence."
    ),
    paths(
        api::dyad,
        api::top,
        api::movers,
        api::alerts,
        api::events,
        api::document,
        api::post_documents
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme of the write route.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
    }
}

async fn openapi() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}

/// The router: the API, the dashboard pages and the stylesheet, with
/// request logging, limits and security headers.
pub fn app(state: AppState) -> Router {
    let limits = state.limits();
    let body_limit = usize::try_from(limits.body_bytes).unwrap_or(usize::MAX);
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/dyads/{a}/{b}", get(api::dyad))
        .route("/api/top", get(api::top))
        .route("/api/movers", get(api::movers))
        .route("/api/alerts", get(api::alerts))
        .route("/api/events", get(api::events))
        .route("/api/documents", post(api::post_documents))
        .route("/api/documents/{id}", get(api::document))
        .route("/", get(pages::index))
        .route("/dyads/{a}/{b}", get(pages::dyad))
        .route("/documents/{id}", get(pages::document))
        .route("/events", get(views::events))
        .route("/alerts", get(views::alerts))
        .route("/network", get(views::network))
        .route("/assets/style.css", get(pages::style))
        .fallback(pages::not_found)
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            guard(limits, req, next)
        }))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// Refuses a declared body over the limit (413, JSON) and ends any request
/// that takes longer than the timeout (503, JSON).
async fn guard(limits: Limits, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.body_bytes) {
        return AppError::TooLarge {
            limit: limits.body_bytes,
        }
        .into_response();
    }
    match tokio::time::timeout(limits.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => AppError::Timeout(limits.timeout.as_millis()).into_response(),
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets open
/// requests finish (graceful shutdown).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::body::Body;
    use axum::http::StatusCode;
    use tower::ServiceExt;

    use super::*;

    /// The guard on a route that takes a second, with a 20 ms limit.
    #[tokio::test]
    async fn slow_requests_are_503_as_json() {
        let limits = Limits {
            timeout: Duration::from_millis(20),
            ..Limits::default()
        };
        let slow = Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    "done"
                }),
            )
            .layer(middleware::from_fn(move |req: Request, next: Next| {
                guard(limits, req, next)
            }));
        let req = axum::http::Request::get("/slow")
            .body(Body::empty())
            .expect("request");
        let resp = slow.oneshot(req).await.expect("response");
        assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = http_body_util::BodyExt::collect(resp.into_body())
            .await
            .expect("body")
            .to_bytes();
        let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(v["error"], "timeout");
        assert!(v["detail"].as_str().is_some_and(|d| d.contains("20 ms")));
    }
}
