//! The JSON API under `/api`: dyad series, most active dyads, alerts,
//! events and documents, and the one write, `POST /api/documents`. Each handler checks its parameters (400 with a
//! message), reads through the store on a blocking thread and answers JSON;
//! its `#[utoipa::path]` annotation is what `/api/openapi.json` is made of.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::header;
use faultline_ingest::Format;
use faultline_store::browse::{DocumentView, EventPage, EventQuery};
use faultline_store::query::{Alert, AlertQuery, Direction, DyadTotal, Filter, Mover, Point};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, ErrorBody};
use crate::params::{self, Params};
use crate::state::AppState;
use crate::write::{self, PostReport};

/// A dyad's series.
#[derive(Debug, Serialize, ToSchema)]
pub struct DyadSeries {
    /// First actor root.
    pub a: String,
    /// Second actor root.
    pub b: String,
    /// Period length: day, week or month.
    pub by: &'static str,
    /// Which events: forward (a on b), backward or both.
    pub direction: &'static str,
    /// One point per period, empty periods included.
    pub points: Vec<Point>,
}

/// Parameters of a dyad series.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SeriesParams {
    /// Period length: day (default), week or month.
    pub by: Option<String>,
    /// First day, YYYY-MM-DD (default: the first data).
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (default: the last data).
    pub to: Option<String>,
    /// forward (a on b), backward (b on a) or both (default).
    pub direction: Option<String>,
}

/// A checked series request.
#[derive(Debug, Clone)]
pub struct SeriesRequest {
    /// First actor root.
    pub a: String,
    /// Second actor root.
    pub b: String,
    /// Period length.
    pub by: faultline_store::query::Bucket,
    /// Direction, and its name.
    pub direction: (Direction, &'static str),
    /// Range.
    pub filter: Filter,
}

impl SeriesRequest {
    /// Checks the path codes and the query.
    pub fn parse(a: &str, b: &str, q: &SeriesParams) -> Result<Self, AppError> {
        let (a, b) = (params::code("a", a)?, params::code("b", b)?);
        let by = params::bucket(q.by.as_deref())?;
        let (from, to) = params::range(q.from.as_deref(), q.to.as_deref())?;
        params::check_span(by, from, to)?;
        let direction = match q.direction.as_deref().unwrap_or("both") {
            "both" => (Direction::Both, "both"),
            "forward" => (Direction::Forward, "forward"),
            "backward" => (Direction::Backward, "backward"),
            other => {
                return Err(AppError::BadRequest(format!(
                    "direction: '{other}' is not one of forward, backward, both"
                )));
            }
        };
        Ok(Self {
            a,
            b,
            by,
            direction,
            filter: Filter {
                from,
                to,
                ..Filter::default()
            },
        })
    }

    /// Reads the series; an actor code the database has never seen is a 404.
    pub fn run(&self, store: &faultline_store::Store) -> Result<Vec<Point>, AppError> {
        for code in [&self.a, &self.b] {
            if !store.has_root(code)? {
                return Err(AppError::NotFound(format!(
                    "no dated event names the actor root {code}; see /api/top for the dyads stored"
                )));
            }
        }
        Ok(store.dyad_series(&self.a, &self.b, self.direction.0, self.by, &self.filter)?)
    }
}

/// The series of dyad a–b: per period, the events of each quad class, the
/// Goldstein sum and mean, and the tension index (asserted, day-precise events).
#[utoipa::path(get, path = "/api/dyads/{a}/{b}",
    params(("a" = String, Path, description = "actor root, like KOR"),
           ("b" = String, Path, description = "actor root, like JPN"), SeriesParams),
    responses((status = 200, body = DyadSeries),
              (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn dyad(
    State(state): State<AppState>,
    Path((a, b)): Path<(String, String)>,
    Params(q): Params<SeriesParams>,
) -> Result<Json<DyadSeries>, AppError> {
    let req = SeriesRequest::parse(&a, &b, &q)?;
    let r = req.clone();
    let points = state.read(move |s| r.run(s)).await?;
    Ok(Json(DyadSeries {
        a: req.a,
        b: req.b,
        by: params::bucket_name(req.by),
        direction: req.direction.1,
        points,
    }))
}

/// Parameters of the most active dyads.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TopParams {
    /// First day, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD.
    pub to: Option<String>,
    /// How many dyads (1–100, default 10).
    pub limit: Option<u32>,
}

/// The most active dyads (both directions together) over a range.
#[utoipa::path(get, path = "/api/top", params(TopParams),
    responses((status = 200, body = Vec<DyadTotal>), (status = 400, body = ErrorBody)))]
pub async fn top(
    State(state): State<AppState>,
    Params(q): Params<TopParams>,
) -> Result<Json<Vec<DyadTotal>>, AppError> {
    let (from, to) = params::range(q.from.as_deref(), q.to.as_deref())?;
    let limit = params::number("limit", q.limit, 10, 100)? as usize;
    let f = Filter {
        from,
        to,
        ..Filter::default()
    };
    Ok(Json(
        state.read(move |s| Ok(s.top_dyads(&f, limit)?)).await?,
    ))
}

/// Parameters of the tension movers.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MoverParams {
    /// First day, YYYY-MM-DD (default: the first data).
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (default: the last data).
    pub to: Option<String>,
    /// First day of the second period (default: the middle of the range).
    pub split: Option<String>,
    /// How many dyads (1–100, default 10).
    pub limit: Option<u32>,
    /// Fewest events over both periods for a dyad to count (default 3).
    pub min_events: Option<u32>,
}

/// Dyads whose tension moved most between two periods.
#[derive(Debug, Serialize, ToSchema)]
pub struct MoverList {
    /// First day of the first period.
    pub from: Option<chrono::NaiveDate>,
    /// First day of the second period.
    pub split: Option<chrono::NaiveDate>,
    /// Last day of the second period.
    pub to: Option<chrono::NaiveDate>,
    /// The dyads, largest change first (empty when there is no data).
    pub movers: Vec<Mover>,
}

/// The dyads whose tension changed most between the two halves of a range
/// (or before and after `split`).
#[utoipa::path(get, path = "/api/movers", params(MoverParams),
    responses((status = 200, body = MoverList), (status = 400, body = ErrorBody)))]
pub async fn movers(
    State(state): State<AppState>,
    Params(q): Params<MoverParams>,
) -> Result<Json<MoverList>, AppError> {
    let (from, to) = params::range(q.from.as_deref(), q.to.as_deref())?;
    let split = params::date("split", q.split.as_deref())?;
    let limit = params::number("limit", q.limit, 10, 100)? as usize;
    let min_events = i64::from(params::number("min_events", q.min_events, 3, 1_000_000)?);
    let list = state
        .read(move |s| {
            let Some((first, last)) = s.day_range()? else {
                return Ok(MoverList {
                    from,
                    split,
                    to,
                    movers: Vec::new(),
                });
            };
            let (from, to) = (from.unwrap_or(first), to.unwrap_or(last));
            let split = split
                .unwrap_or_else(|| from + chrono::Duration::days(((to - from).num_days() + 1) / 2));
            if split <= from || split > to {
                return Err(AppError::BadRequest(format!(
                    "split: {split} must fall after {from} and no later than {to}"
                )));
            }
            let period = |a, b| Filter {
                from: Some(a),
                to: Some(b),
                ..Filter::default()
            };
            let before = period(from, split - chrono::Duration::days(1));
            let movers = s.movers(&before, &period(split, to), min_events, limit)?;
            Ok(MoverList {
                from: Some(from),
                split: Some(split),
                to: Some(to),
                movers,
            })
        })
        .await?;
    Ok(Json(list))
}

/// Parameters of the alerts.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AlertParams {
    /// First day checked, YYYY-MM-DD (default: 30 days before the last data).
    pub since: Option<String>,
    /// Period length: day (default), week or month.
    pub by: Option<String>,
}

/// Dyads whose tension left their rolling baseline, each with its driving events.
#[utoipa::path(get, path = "/api/alerts", params(AlertParams),
    responses((status = 200, body = Vec<Alert>), (status = 400, body = ErrorBody)))]
pub async fn alerts(
    State(state): State<AppState>,
    Params(q): Params<AlertParams>,
) -> Result<Json<Vec<Alert>>, AppError> {
    let aq = q.query()?;
    Ok(Json(state.read(move |s| Ok(s.alerts(&aq)?)).await?))
}

impl AlertParams {
    /// The checked store query.
    pub fn query(&self) -> Result<AlertQuery, AppError> {
        Ok(AlertQuery {
            filter: Filter {
                from: params::date("since", self.since.as_deref())?,
                ..Filter::default()
            },
            by: params::bucket(self.by.as_deref())?,
            ..AlertQuery::default()
        })
    }
}

/// Parameters of the event list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// An actor root or code, as source or target (KOR, KORGOV).
    pub actor: Option<String>,
    /// A dyad, either direction: two roots joined by '-' (KOR-JPN).
    pub dyad: Option<String>,
    /// A two-digit CAMEO root (04).
    pub root: Option<String>,
    /// asserted, negated, hypothetical, conditional or future (default: any).
    pub factuality: Option<String>,
    /// First day, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD.
    pub to: Option<String>,
    /// Words that the sentence of one of the event's mentions holds, all of
    /// them (full-text search, stemmed: "sanction" finds "sanctions").
    pub q: Option<String>,
    /// Page number, from 1 (50 events a page).
    pub page: Option<u32>,
}

/// Events per page of `/api/events`.
pub const PAGE_SIZE: u32 = 50;

impl EventParams {
    /// The checked store query.
    pub fn query(&self) -> Result<EventQuery, AppError> {
        let (from, to) = params::range(self.from.as_deref(), self.to.as_deref())?;
        Ok(EventQuery {
            actor: self
                .actor
                .as_deref()
                .map(|a| params::code("actor", a))
                .transpose()?,
            dyad: self.dyad.as_deref().map(params::dyad).transpose()?,
            root: self.root.as_deref().map(params::cameo_root).transpose()?,
            factuality: self
                .factuality
                .as_deref()
                .map(params::factuality)
                .transpose()?,
            from,
            to,
            text: self.q.as_deref().map(params::search).transpose()?,
            page: params::number("page", self.page, 1, 100_000)?,
            per_page: PAGE_SIZE,
        })
    }
}

/// Events, latest first, with source, target, codes, date, factuality, the
/// evidence sentence and where its actors and trigger are in it.
#[utoipa::path(get, path = "/api/events", params(EventParams),
    responses((status = 200, body = EventPage), (status = 400, body = ErrorBody)))]
pub async fn events(
    State(state): State<AppState>,
    Params(q): Params<EventParams>,
) -> Result<Json<EventPage>, AppError> {
    let eq = q.query()?;
    Ok(Json(state.read(move |s| Ok(s.events(&eq)?)).await?))
}

/// Reads a document by row id, or says it is not there.
pub async fn load_document(state: &AppState, id: &str) -> Result<DocumentView, AppError> {
    let n: i64 = id
        .parse()
        .map_err(|_| AppError::BadRequest(format!("id: '{id}' is not a document number")))?;
    state
        .read(move |s| {
            s.document(n)?
                .ok_or_else(|| AppError::NotFound(format!("no document {n} in the database")))
        })
        .await
}

/// A stored document: metadata, the sentences with events, and its events.
#[utoipa::path(get, path = "/api/documents/{id}",
    params(("id" = i64, Path, description = "document row id")),
    responses((status = 200, body = DocumentView),
              (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, AppError> {
    Ok(Json(load_document(&state, &id).await?))
}

/// Parameters of a post.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PostParams {
    /// The document's name: its id and path for raw text or HTML, whose
    /// extension may name the reader (default: `posted-` and 16 hex digits
    /// of its content hash). Letters, digits, `.`, `-` and `_` only.
    pub name: Option<String>,
    /// Reader: auto (default: from the content type, then the name and the
    /// content), text, header, html or jsonl.
    pub format: Option<String>,
}

impl PostParams {
    /// The checked name, or `None` for the default.
    fn name(&self) -> Result<Option<String>, AppError> {
        let Some(n) = &self.name else {
            return Ok(None);
        };
        let ok = (1..=200).contains(&n.len())
            && !n.starts_with('.')
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        if ok {
            Ok(Some(n.clone()))
        } else {
            Err(AppError::BadRequest(format!(
                "name: '{n}' is not a document name; use 1 to 200 letters, digits, '.', '-' or '_', like report-12.html"
            )))
        }
    }

    /// The reader asked for, if any (else the content type's).
    fn format(&self, content_type: Option<&str>) -> Result<Option<Format>, AppError> {
        match self.format.as_deref().unwrap_or("auto") {
            "auto" => Ok(content_type.and_then(write::format_of_content_type)),
            "text" => Ok(Some(Format::Text)),
            "header" => Ok(Some(Format::Header)),
            "html" => Ok(Some(Format::Html)),
            "jsonl" => Ok(Some(Format::Jsonl)),
            other => Err(AppError::BadRequest(format!(
                "format: '{other}' is not one of auto, text, header, html, jsonl"
            ))),
        }
    }
}

/// Reads the body up to `limit` bytes: 413 above it, 400 when empty.
async fn body_bytes(body: Body, limit: u64) -> Result<axum::body::Bytes, AppError> {
    let cap = usize::try_from(limit).unwrap_or(usize::MAX);
    let bytes = axum::body::to_bytes(body, cap).await.map_err(|e| {
        let over = std::iter::successors(Some(&e as &dyn std::error::Error), |e| e.source())
            .any(|e| e.is::<http_body_util::LengthLimitError>());
        if over {
            AppError::TooLarge { limit }
        } else {
            AppError::BadRequest(format!("cannot read the request body: {e}"))
        }
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::BadRequest(
            "the request body is empty; send JSON Lines, HTML or the text of an article".into(),
        ));
    }
    Ok(bytes)
}

/// Stores documents: JSON Lines (one article a line), an HTML page or the
/// raw text of an article. Each is coded as `faultline ingest` codes it and
/// stored with the same idempotence: one already stored (same content, or
/// same URL / id) is a duplicate and changes nothing. Needs the server's
/// bearer token; a server started without one refuses writes (403).
#[utoipa::path(post, path = "/api/documents", params(PostParams),
    request_body(description = "JSON Lines, HTML or plain text",
        content((String = "application/x-ndjson"), (String = "text/html"), (String = "text/plain"))),
    security(("bearer" = [])),
    responses((status = 200, body = PostReport, description = "every document, added, duplicate or failed"),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub async fn post_documents(
    State(state): State<AppState>,
    Params(q): Params<PostParams>,
    req: Request,
) -> Result<Json<PostReport>, AppError> {
    let headers = req.headers();
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let writer = state.writer(auth)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let format = q.format(content_type)?;
    let name = q.name()?;
    let bytes = body_bytes(req.into_body(), state.limits().body_bytes).await?;
    let name = name.unwrap_or_else(|| write::default_name(&bytes));
    let report = tokio::task::spawn_blocking(move || writer.1.post(&name, &bytes, format))
        .await
        .map_err(|e| AppError::Internal(format!("a write task failed: {e}")))??;
    Ok(Json(report))
}
