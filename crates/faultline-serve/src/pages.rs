//! The dashboard pages: the most active dyads (`/`), a dyad page with its
//! chart and events (`/dyads/{a}/{b}`) and a document page
//! (`/documents/{id}`: its events, then the article with event sentences
//! and quotations marked). The list pages are in [`crate::views`]. HTML from the same binary, built with
//! [`crate::html`]; the only asset is the embedded stylesheet.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use chrono::{Duration, NaiveDate};
use faultline_store::Store;
use faultline_store::browse::{DocumentView, EventQuery, QuoteView};
use faultline_store::query::{AlertQuery, DyadTotal, Filter, Mover};
use serde::Deserialize;

use crate::api::{PAGE_SIZE, SeriesParams, SeriesRequest, load_document};
use crate::article::{Mark, marked_text};
use crate::chart::{QUAD_NAMES, series_svg};
use crate::error::AppError;
use crate::html::{esc, event_table, page, safe_url};
use crate::params::{self, Params, bucket_name};
use crate::state::AppState;

/// The stylesheet, embedded at build time.
const STYLE: &str = include_str!("../assets/style.css");

/// `GET /assets/style.css`.
pub async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
}

/// Query of the front page: the range, or `days` before the last data.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexParams {
    from: Option<String>,
    to: Option<String>,
    /// Days up to the last data (default 30; ignored when `from` is given).
    days: Option<u32>,
}

/// What the front page shows: the busiest dyads of a range and the dyads
/// whose tension moved most against the range of the same length before.
struct Front {
    from: NaiveDate,
    to: NaiveDate,
    top: Vec<DyadTotal>,
    movers: Vec<Mover>,
}

/// Reads the front page's data (nothing when the database has no dated events).
fn front(
    s: &Store,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    days: u32,
) -> Result<Option<Front>, AppError> {
    let Some((first, last)) = s.day_range()? else {
        return Ok(None);
    };
    let to = to.unwrap_or(last);
    let from = from.unwrap_or_else(|| (to - Duration::days(i64::from(days) - 1)).max(first));
    let range = |a, b| Filter {
        from: Some(a),
        to: Some(b),
        ..Filter::default()
    };
    let top = s.top_dyads(&range(from, to), 25)?;
    let before = from - Duration::days((to - from).num_days() + 1);
    let movers = s.movers(
        &range(before, from - Duration::days(1)),
        &range(from, to),
        3,
        10,
    )?;
    Ok(Some(Front {
        from,
        to,
        top,
        movers,
    }))
}

/// `GET /`: the busiest dyads of the last 30 days of data (or of a range),
/// and the dyads whose tension moved most; each links to its page.
pub async fn index(
    State(state): State<AppState>,
    Params(q): Params<IndexParams>,
) -> Result<Html<String>, AppError> {
    let (from, to) = params::range(q.from.as_deref(), q.to.as_deref())?;
    let days = params::number("days", q.days, 30, 100_000)?;
    let Some(f) = state.read(move |s| front(s, from, to, days)).await? else {
        return Ok(Html(page(
            "Dyads",
            "<p class=\"empty\">The database holds no dated events yet: run <code>faultline ingest</code>.</p>",
        )));
    };
    let range = format!("from={}&to={}", f.from, f.to);
    let mut body = format!(
        "<p>The most active pairs of actors from {} to {} (both directions, asserted events). \
         Show the last <a href=\"/?days=30\">30 days</a> · <a href=\"/?days=365\">year</a> · \
         <a href=\"/?days=100000\">all time</a> of the data.</p>",
        f.from, f.to
    );
    if f.top.is_empty() {
        body.push_str("<p class=\"empty\">No dyadic events in this range.</p>");
    } else {
        body.push_str(
            "<table><thead><tr><th>dyad</th><th>events</th><th>mean Goldstein</th><th>tension</th></tr></thead><tbody>",
        );
        for d in &f.top {
            let _ = write!(
                body,
                "<tr><td><a href=\"/dyads/{a}/{b}?by=week&amp;{r}\">{a} – {b}</a></td><td class=\"num\">{n}</td>\
                 <td class=\"num\">{g:+.1}</td><td class=\"num\">{t:.1}</td></tr>",
                a = esc(&d.pair.a),
                b = esc(&d.pair.b),
                r = esc(&range),
                n = d.totals.total,
                g = d.totals.goldstein_mean.unwrap_or(0.0),
                t = d.totals.tension
            );
        }
        body.push_str("</tbody></table>");
    }
    if !f.movers.is_empty() {
        body.push_str(
            "<h2>Tension moved most against the period before</h2><table><thead><tr><th>dyad</th>\
             <th>events before</th><th>tension before</th><th>events</th><th>tension</th><th>change</th>\
             </tr></thead><tbody>",
        );
        for m in &f.movers {
            let _ = write!(
                body,
                "<tr><td><a href=\"/dyads/{a}/{b}?by=week\">{a} – {b}</a></td><td class=\"num\">{bn}</td>\
                 <td class=\"num\">{bt:.1}</td><td class=\"num\">{an}</td><td class=\"num\">{at:.1}</td>\
                 <td class=\"num\">{c:+.1}</td></tr>",
                a = esc(&m.pair.a),
                b = esc(&m.pair.b),
                bn = m.before_total,
                bt = m.before,
                an = m.after_total,
                at = m.after,
                c = m.change,
            );
        }
        body.push_str("</tbody></table>");
    }
    Ok(Html(page("Dyads", &body)))
}

/// Query of the dyad page: the series' parameters, the events' range and page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DyadPageParams {
    by: Option<String>,
    from: Option<String>,
    to: Option<String>,
    direction: Option<String>,
    /// First day of the events listed (a clicked period).
    events_from: Option<String>,
    /// Last day of the events listed.
    events_to: Option<String>,
    page: Option<u32>,
}

/// `GET /dyads/{a}/{b}`: the chart, and the dyad's events (all of the
/// range, or of the period clicked).
pub async fn dyad(
    State(state): State<AppState>,
    Path((a, b)): Path<(String, String)>,
    Params(q): Params<DyadPageParams>,
) -> Result<Html<String>, AppError> {
    let series = SeriesParams {
        by: q.by.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        direction: q.direction.clone(),
    };
    let req = SeriesRequest::parse(&a, &b, &series)?;
    let (ev_from, ev_to) = params::range(q.events_from.as_deref(), q.events_to.as_deref())?;
    let events = EventQuery {
        dyad: Some((req.a.clone(), req.b.clone())),
        from: ev_from.or(req.filter.from),
        to: ev_to.or(req.filter.to),
        page: params::number("page", q.page, 1, 100_000)?,
        per_page: PAGE_SIZE,
        ..EventQuery::default()
    };
    let r = req.clone();
    let (points, list, alerts) = state
        .read(move |s| {
            let aq = AlertQuery {
                filter: r.filter,
                by: r.by,
                ..AlertQuery::default()
            };
            Ok((
                r.run(s)?,
                s.events(&events)?,
                s.alert_periods(&r.a, &r.b, &aq)?,
            ))
        })
        .await?;
    let by = bucket_name(req.by);
    let range_q = format!(
        "{}{}",
        req.filter
            .from
            .map(|d| format!("&from={d}"))
            .unwrap_or_default(),
        req.filter
            .to
            .map(|d| format!("&to={d}"))
            .unwrap_or_default(),
    );
    let base = format!("/dyads/{}/{}?by={by}{range_q}", req.a, req.b);
    let selected = ev_from.filter(|f| points.iter().any(|p| p.period == *f));
    let svg = series_svg(&points, &alerts, selected, |start| {
        let end = req.by.next(start) - chrono::Duration::days(1);
        format!("{base}&events_from={start}&events_to={end}#events")
    });
    let mut body = String::new();
    let _ = write!(
        body,
        "<nav class=\"by\">period: <a href=\"/dyads/{a}/{b}?by=day{r}\">day</a> · \
         <a href=\"/dyads/{a}/{b}?by=week{r}\">week</a> · <a href=\"/dyads/{a}/{b}?by=month{r}\">month</a></nav>\
         <figure>{svg}<figcaption>Tension index (line; −100 cooperation, +100 conflict) and events per \
         {by} by quad class: <span class=\"key q1\">{}</span> <span class=\"key q2\">{}</span> \
         <span class=\"key q3\">{}</span> <span class=\"key q4\">{}</span>; a ring marks an alert (tension more \
         than 3 deviations from its 28-period baseline). Click a period to list its events.\
         </figcaption></figure>",
        QUAD_NAMES[0],
        QUAD_NAMES[1],
        QUAD_NAMES[2],
        QUAD_NAMES[3],
        a = esc(&req.a),
        b = esc(&req.b),
        r = esc(&range_q),
    );
    let range = match (ev_from, ev_to) {
        (Some(f), Some(t)) => format!(" from {f} to {t}"),
        _ => String::new(),
    };
    let _ = write!(
        body,
        "<h2 id=\"events\">Events{}</h2>{}",
        esc(&range),
        event_table(&list.events)
    );
    if list.has_more {
        body.push_str(
            "<p class=\"more\">More events on the next page (add <code>&amp;page=2</code>).</p>",
        );
    }
    Ok(Html(page(&format!("{} – {}", req.a, req.b), &body)))
}

/// `GET /documents/{id}`: a document's metadata, its source (a link only
/// for web URLs) and its events with their evidence.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let doc = load_document(&state, &id).await?;
    let mut body = String::from("<dl class=\"meta\">");
    let source = match safe_url(&doc.url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
            esc(u),
            esc(u)
        ),
        None => esc(&doc.url),
    };
    let _ = write!(
        body,
        "<dt>source</dt><dd>{source}</dd><dt>outlet</dt><dd>{}</dd><dt>published</dt><dd>{}</dd>\
         <dt>stored</dt><dd>{}</dd><dt>id</dt><dd>{}</dd></dl>",
        esc(&doc.outlet),
        esc(doc.published.as_deref().unwrap_or("unknown")),
        esc(&doc.ingested_at),
        esc(&doc.doc_id),
    );
    let _ = write!(body, "<h2>Events</h2>{}", event_table(&doc.events));
    body.push_str(&article_section(&doc));
    let title = doc.title.as_deref().unwrap_or("(untitled)");
    Ok(Html(page(title, &body)))
}

/// The article text with its event sentences and quotations marked, and
/// the list of quotations; only the stored sentences for a document kept
/// without its text.
fn article_section(doc: &DocumentView) -> String {
    let mut out = String::new();
    let Some(text) = &doc.body else {
        out.push_str(
            "<h2>Sentences with events</h2><p class=\"empty\">This document was stored \
             without its text (before schema version 5); re-ingest it to see the article.</p><ol>",
        );
        for sn in &doc.sentences {
            let _ = write!(out, "<li value=\"{}\">{}</li>", sn.index + 1, esc(&sn.text));
        }
        out.push_str("</ol>");
        return out;
    };
    let offset = |v: i64| usize::try_from(v).unwrap_or(usize::MAX);
    let mut marks: Vec<Mark> = doc
        .sentences
        .iter()
        .map(|sn| Mark {
            start: offset(sn.start),
            end: offset(sn.end),
            class: "ev",
            title: format!("sentence {} carries events", sn.index + 1),
        })
        .collect();
    marks.extend(doc.quotes.iter().map(|q| Mark {
        start: offset(q.start),
        end: offset(q.end),
        class: "quote",
        title: quote_speaker(q),
    }));
    let _ = write!(
        out,
        "<h2>Article</h2><p class=\"legend\"><span class=\"ev\">sentence with events</span> \
         <span class=\"quote\">quotation</span></p><div class=\"article\">{}</div>",
        marked_text(text, &marks)
    );
    if !doc.quotes.is_empty() {
        out.push_str(
            "<h2>Quotations</h2><table class=\"quotes\"><thead><tr><th>speaker</th>\
             <th>actor</th><th>found</th><th>words</th></tr></thead><tbody>",
        );
        for q in &doc.quotes {
            let words = text.get(offset(q.start)..offset(q.end)).unwrap_or_default();
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&quote_speaker(q)),
                esc(q.actor.as_deref().unwrap_or("")),
                esc(&q.attribution),
                esc(words)
            );
        }
        out.push_str("</tbody></table>");
    }
    out
}

/// "speaker (role)", or "unattributed".
fn quote_speaker(q: &QuoteView) -> String {
    match (&q.speaker, &q.role) {
        (Some(s), Some(r)) => format!("{s} ({r})"),
        (Some(s), None) => s.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => "unattributed".into(),
    }
}

/// Pages answer errors as JSON too; this only names the route kind for the fallback.
pub async fn not_found() -> AppError {
    AppError::NotFound(
        "no such page or API route; the API is under /api (see /api/openapi.json)".into(),
    )
}

/// A known route asked with another method (405, JSON).
pub async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
