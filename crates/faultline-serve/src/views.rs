//! The dashboard's list pages: the event table with its filters
//! (`/events`), the alert feed (`/alerts`) and the actor network of a
//! period (`/network`). Filters are plain GET forms and links, so the pages
//! work without script; every stored string goes through [`esc`].

use std::fmt::Write;

use axum::extract::State;
use axum::response::Html;
use faultline_store::query::Filter;
use serde::Deserialize;

use crate::api::{AlertParams, EventParams};
use crate::error::AppError;
use crate::html::{esc, event_table, page};
use crate::network::network_svg;
use crate::params::{self, Params};
use crate::state::AppState;

/// A text input of a filter form, holding its current value.
fn input(name: &str, label: &str, value: Option<&str>, hint: &str) -> String {
    format!(
        "<label>{label} <input name=\"{name}\" value=\"{v}\" placeholder=\"{hint}\"></label>",
        v = esc(value.unwrap_or_default())
    )
}

/// The query string of `pairs` whose value is set, escaped for an attribute.
fn query_string(pairs: &[(&str, Option<String>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v))))
        .collect();
    parts.join("&")
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `GET /events`: the event table, filtered like `/api/events`, with a
/// form for the filters and links to the neighbouring pages.
pub async fn events(
    State(state): State<AppState>,
    Params(q): Params<EventParams>,
) -> Result<Html<String>, AppError> {
    let eq = q.query()?;
    let page_no = eq.page;
    let list = state.read(move |s| Ok(s.events(&eq)?)).await?;
    let mut body = String::from("<form class=\"filters\" method=\"get\" action=\"/events\">");
    for (name, label, value, hint) in [
        ("q", "words", &q.q, "sanctions border"),
        ("actor", "actor", &q.actor, "KOR or KORGOV"),
        ("dyad", "dyad", &q.dyad, "KOR-JPN"),
        ("root", "CAMEO root", &q.root, "04"),
        ("factuality", "factuality", &q.factuality, "asserted"),
        ("from", "from", &q.from, "YYYY-MM-DD"),
        ("to", "to", &q.to, "YYYY-MM-DD"),
    ] {
        body.push_str(&input(name, label, value.as_deref(), hint));
    }
    body.push_str("<button type=\"submit\">filter</button></form>");
    body.push_str(&event_table(&list.events));
    let keep = [
        ("q", q.q.clone()),
        ("actor", q.actor.clone()),
        ("dyad", q.dyad.clone()),
        ("root", q.root.clone()),
        ("factuality", q.factuality.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ];
    let base = query_string(&keep);
    let link = |n: u32, text: &str| {
        format!(
            "<a href=\"/events?{}\">{text}</a>",
            esc(&format!("{base}&page={n}"))
        )
    };
    let mut nav = Vec::new();
    if page_no > 1 {
        nav.push(link(page_no - 1, "← newer"));
    }
    if list.has_more {
        nav.push(link(page_no + 1, "older →"));
    }
    if !nav.is_empty() {
        let _ = write!(
            body,
            "<nav class=\"pages\">page {page_no}: {}</nav>",
            nav.join(" · ")
        );
    }
    Ok(Html(page("Events", &body)))
}

/// `GET /alerts`: the alerts, newest first, each with its driving events.
pub async fn alerts(
    State(state): State<AppState>,
    Params(q): Params<AlertParams>,
) -> Result<Html<String>, AppError> {
    let aq = q.query()?;
    let by = aq.by;
    let mut alerts = state.read(move |s| Ok(s.alerts(&aq)?)).await?;
    alerts.sort_by(|a, b| b.period.cmp(&a.period).then(b.z.total_cmp(&a.z)));
    let by_name = params::bucket_name(by);
    let mut body = format!(
        "<p>Dyads whose tension per {by_name} left its baseline (more than 3 deviations from the \
         mean of the 28 periods before), newest first. Periods: <a href=\"/alerts?by=day\">day</a> · \
         <a href=\"/alerts?by=week\">week</a> · <a href=\"/alerts?by=month\">month</a>.</p>"
    );
    if alerts.is_empty() {
        body.push_str("<p class=\"empty\">No alerts in this range.</p>");
    }
    for a in &alerts {
        let end = by.next(a.period) - chrono::Duration::days(1);
        let _ = write!(
            body,
            "<section class=\"alert\"><h2><a href=\"/dyads/{pa}/{pb}?by={by_name}#events\">{pa} – {pb}</a> \
             <span class=\"when\">{p} to {end}</span></h2><p>tension {t:.1} against a baseline of \
             {m:.1} ± {sd:.1} (z = {z:+.1}), {n} events. <a href=\"/dyads/{pa}/{pb}?by={by_name}&amp;\
             events_from={p}&amp;events_to={end}#events\">all events of the period</a></p><ul class=\"drivers\">",
            pa = esc(&a.pair.a),
            pb = esc(&a.pair.b),
            p = a.period,
            t = a.totals.tension,
            m = a.baseline_mean,
            sd = a.baseline_sd,
            z = a.z,
            n = a.totals.total,
        );
        for e in &a.events {
            let _ = write!(
                body,
                "<li><span class=\"code\">{date} {src} → {tgt} {cameo} ({g:+.1}, {fact}, {m} \
                 mentions)</span> {sentence}</li>",
                date = esc(&e.date),
                src = esc(&e.source),
                tgt = esc(&e.target),
                cameo = esc(&e.cameo),
                g = e.goldstein,
                fact = esc(e.factuality),
                m = e.mentions,
                sentence = esc(&e.sentence),
            );
        }
        body.push_str("</ul></section>");
    }
    Ok(Html(page("Alerts", &body)))
}

/// Query of the network page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkParams {
    from: Option<String>,
    to: Option<String>,
    limit: Option<u32>,
}

/// `GET /network`: the actor network of a period (the busiest dyads; by
/// default of the last 30 days of data).
pub async fn network(
    State(state): State<AppState>,
    Params(q): Params<NetworkParams>,
) -> Result<Html<String>, AppError> {
    let (from, to) = params::range(q.from.as_deref(), q.to.as_deref())?;
    let limit = params::number("limit", q.limit, 40, 200)? as usize;
    // Without a range, the last 30 days of the data: the whole aggregate
    // of a big database is seconds of reading.
    let (from, to, edges) = state
        .read(move |s| {
            let (from, to) = match (from, to, s.day_range()?) {
                (None, None, Some((first, last))) => (
                    Some((last - chrono::Duration::days(29)).max(first)),
                    Some(last),
                ),
                _ => (from, to),
            };
            let f = Filter {
                from,
                to,
                ..Filter::default()
            };
            Ok((from, to, s.top_dyads(&f, limit)?))
        })
        .await?;
    let range = query_string(&[
        ("from", from.map(|d| d.to_string())),
        ("to", to.map(|d| d.to_string())),
    ]);
    let svg = network_svg(
        &edges,
        |a, b| format!("/dyads/{a}/{b}?by=week&{range}"),
        |a| format!("/events?actor={a}&{range}"),
    );
    let mut body = String::from("<form class=\"filters\" method=\"get\" action=\"/network\">");
    let (shown_from, shown_to) = (from.map(|d| d.to_string()), to.map(|d| d.to_string()));
    body.push_str(&input("from", "from", shown_from.as_deref(), "YYYY-MM-DD"));
    body.push_str(&input("to", "to", shown_to.as_deref(), "YYYY-MM-DD"));
    let _ = write!(
        body,
        "<label>dyads <input name=\"limit\" value=\"{limit}\" size=\"4\"></label>\
         <button type=\"submit\">show</button></form><figure>{svg}<figcaption>The {n} busiest dyads \
         of the period (asserted, day-precise events). An edge's width follows its number of events; \
         its colour, the mean Goldstein weight: <span class=\"key conflict\">conflict</span> \
         <span class=\"key neutral\">neutral</span> <span class=\"key coop\">cooperation</span>. \
         Click an edge for the dyad, a node for the actor's events.</figcaption></figure>",
        n = edges.len()
    );
    Ok(Html(page("Actor network", &body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode("a b&c=\"d\""), "a%20b%26c%3D%22d%22");
        assert_eq!(encode("KOR-JPN"), "KOR-JPN");
        let q = query_string(&[("q", Some("x y".into())), ("actor", None)]);
        assert_eq!(q, "q=x%20y");
    }
}
