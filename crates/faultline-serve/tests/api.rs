//! The server through its router (`tower::ServiceExt::oneshot`) over a small
//! database built with the store's API: the JSON API, its errors and limits,
//! the OpenAPI document, the dashboard pages, and untrusted article text
//! shown inert. One test runs the real listener and shuts it down.

use std::path::Path;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use faultline_coder::{Factuality, PartialDate};
use faultline_serve::write::{Token, Writer};
use faultline_serve::{AppState, Limits, app};
use faultline_store::{ActorView, DocRecord, EventRecord, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// One hand-made event: source, target, CAMEO code, date, sentence, factuality.
struct Ev<'a> {
    src: &'a str,
    tgt: &'a str,
    cameo: &'a str,
    date: &'a str,
    sentence: usize,
    text: &'a str,
    source_text: &'a str,
    target_text: &'a str,
    trigger: &'a str,
    fact: Factuality,
}

/// A test date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), as the coder types it.
fn test_date(s: &str) -> PartialDate {
    let n: Vec<u32> = s.split('-').filter_map(|p| p.parse().ok()).collect();
    let year = i32::try_from(n.first().copied().unwrap_or(2024)).unwrap_or(2024);
    match n.as_slice() {
        [_, m, d] => chrono::NaiveDate::from_ymd_opt(year, *m, *d)
            .map_or(PartialDate::Year(year), PartialDate::Date),
        [_, m] => PartialDate::YearMonth { year, month: *m },
        _ => PartialDate::Year(year),
    }
}

fn record<'a>(e: &'a Ev<'a>) -> EventRecord<'a> {
    let (quad, goldstein) = match &e.cameo[..2] {
        "04" => (1, 1.0),
        "06" => (2, 6.0),
        "11" => (3, -2.0),
        _ => (4, -10.0),
    };
    let actor = |code: &'a str, text: &'a str| ActorView {
        text,
        code,
        country: code.get(..3),
    };
    EventRecord {
        coder_id: "d:0:1",
        source: actor(e.src, e.source_text),
        target: Some(actor(e.tgt, e.target_text)),
        cameo: e.cameo,
        root: &e.cameo[..2],
        quad,
        goldstein,
        plover: "",
        mode: "",
        date: test_date(e.date),
        date_source: "text",
        factuality: e.fact,
        cue: None,
        sentence: e.sentence,
        sentence_start: 0,
        sentence_end: e.text.len(),
        sentence_text: e.text,
        trigger: e.trigger,
        rule: "test",
        confidence: 0.5,
    }
}

fn store_doc(store: &mut Store, id: &str, url: &str, title: &str, body: &str, evs: &[Ev<'_>]) {
    let doc = DocRecord {
        id,
        source: url,
        publisher: "",
        title: Some(title),
        published: Some("2024-03-04"),
        hash: DocRecord::content_hash(body),
        lead_sentences: 1,
        body: Some(body),
        quotes: &[],
    };
    let recs: Vec<EventRecord<'_>> = evs.iter().map(record).collect();
    store.ingest(&doc, &recs).expect("ingest");
}

fn ev<'a>(src: &'a str, tgt: &'a str, cameo: &'a str, date: &'a str, text: &'a str) -> Ev<'a> {
    Ev {
        src,
        tgt,
        cameo,
        date,
        sentence: 0,
        text,
        source_text: "Ruritania",
        target_text: "Borduria",
        trigger: "met",
        fact: Factuality::Asserted,
    }
}

/// Three documents about RUR–BOR (one with hostile markup everywhere) and one about RUR–SYL.
fn database(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("t.db");
    let mut store = Store::open(&path).expect("open");
    let s1 = "Ruritania met Borduria in the capital on Monday.";
    store_doc(
        &mut store,
        "a",
        "https://news.example/a",
        "Talks resume",
        "body a",
        &[ev("RURGOV", "BORGOV", "040", "2024-03-04", s1)],
    );
    let s2 = "Borduria shelled Ruritania near the border.";
    let mut hostile = ev("BORMIL", "RURGOV", "190", "2024-03-06", s2);
    hostile.source_text = "Borduria";
    hostile.target_text = "Ruritania";
    hostile.trigger = "shelled";
    let mut denied = ev(
        "RURGOV",
        "BORGOV",
        "111",
        "2024-03-06",
        "Ruritania did not criticise Borduria.",
    );
    denied.sentence = 1;
    denied.fact = Factuality::Negated;
    denied.trigger = "criticise";
    store_doc(
        &mut store,
        "b",
        "https://news.example/b",
        "Shelling",
        "body b",
        &[hostile, denied],
    );
    let xss = "Ruritania <script>alert(1)</script> met Borduria <img src=x onerror=alert(2)> \
               at <a href=\"javascript:alert(3)\">the palace</a>.";
    let mut bad = ev("RURGOV", "BORGOV", "040", "2024-03-20", xss);
    bad.source_text = "Ruritania <script>alert(1)</script>";
    store_doc(
        &mut store,
        "x",
        "javascript:alert(4)",
        "<script>alert(5)</script> <img src=x onerror=alert(6)>",
        xss,
        &[bad],
    );
    let s4 = "Ruritania met Sylvania.";
    store_doc(
        &mut store,
        "c",
        "https://news.example/c",
        "Other",
        "body c",
        &[ev("RURGOV", "SYLGOV", "040", "2024-03-05", s4)],
    );
    store.finish().expect("finish");
    path
}

struct Fixture {
    _dir: tempfile::TempDir,
    state: AppState,
}

fn fixture_with(limits: Limits) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = database(dir.path());
    let state = AppState::open(&path, limits).expect("state");
    Fixture { _dir: dir, state }
}

fn fixture() -> Fixture {
    fixture_with(Limits::default())
}

async fn send(f: &Fixture, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let resp = app(f.state.clone()).oneshot(req).await.expect("response");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

async fn get(f: &Fixture, uri: &str) -> (StatusCode, String) {
    let req = Request::get(uri).body(Body::empty()).expect("request");
    let (s, _, b) = send(f, req).await;
    (s, b)
}

async fn json(f: &Fixture, uri: &str) -> Value {
    let (s, b) = get(f, uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {b}");
    serde_json::from_str(&b).expect("json")
}

/// An error answer: its status and `{error, detail}` body.
async fn error(f: &Fixture, uri: &str) -> (StatusCode, String, String) {
    let (s, b) = get(f, uri).await;
    let v: Value = serde_json::from_str(&b).unwrap_or_else(|_| panic!("{uri}: not JSON: {b}"));
    (
        s,
        v["error"].as_str().expect("error").to_owned(),
        v["detail"].as_str().expect("detail").to_owned(),
    )
}

#[tokio::test]
async fn dyad_series_counts_asserted_events_per_period() {
    let f = fixture();
    let v = json(
        &f,
        "/api/dyads/RUR/BOR?by=day&from=2024-03-03&to=2024-03-07",
    )
    .await;
    let points = v["points"].as_array().expect("points");
    assert_eq!(points.len(), 5);
    let totals: Vec<i64> = points
        .iter()
        .map(|p| p["total"].as_i64().unwrap_or(-1))
        .collect();
    // The negated criticism on the 6th does not count.
    assert_eq!(totals, [0, 1, 0, 1, 0]);
    assert_eq!(points[3]["quad"], serde_json::json!([0, 0, 0, 1]));
    assert!(points[3]["tension"].as_f64().unwrap_or(0.0) > 0.0);
    assert!(points[1]["tension"].as_f64().unwrap_or(0.0) < 0.0);
    let w = json(&f, "/api/dyads/BOR/RUR?by=week&direction=forward").await;
    assert_eq!(w["points"].as_array().map(Vec::len), Some(1), "{w}");
    assert_eq!(w["points"][0]["total"], 1);
    assert_eq!(w["by"], "week");
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message() {
    let f = fixture();
    for (uri, needle) in [
        ("/api/dyads/RUR/BOR?by=year", "by: 'year'"),
        ("/api/dyads/RUR/BOR?from=2024-3-1x", "from: '2024-3-1x'"),
        ("/api/dyads/RUR/BOR?from=2024-03-05&to=2024-03-01", "after"),
        ("/api/dyads/rur/BOR", "not an actor code"),
        (
            "/api/dyads/RUR/BOR?by=day&from=1900-01-01&to=2024-01-01",
            "periods",
        ),
        ("/api/dyads/RUR/BOR?form=2024-01-01", "unknown field"),
        ("/api/events?factuality=perhaps", "factuality"),
        ("/api/events?root=4", "root"),
        ("/api/events?dyad=RUR", "dyad"),
        ("/api/events?page=0", "page"),
        ("/api/events?page=-1", "query parameters"),
        (
            "/api/events?q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k%20l%20m%20n%20o%20p%20q",
            "q:",
        ),
        ("/api/top?limit=1000", "limit"),
        ("/api/alerts?since=yesterday", "since"),
        ("/api/documents/one", "not a document number"),
    ] {
        let (status, kind, detail) = error(&f, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(kind, "bad request");
        assert!(detail.contains(needle), "{uri}: {detail}");
    }
}

#[tokio::test]
async fn unknown_things_are_404_as_json() {
    let f = fixture();
    let (status, kind, detail) = error(&f, "/api/dyads/RUR/XYZ").await;
    assert_eq!(
        (status, kind.as_str()),
        (StatusCode::NOT_FOUND, "not found")
    );
    assert!(detail.contains("XYZ"));
    assert_eq!(
        error(&f, "/api/documents/99").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(error(&f, "/api/nothing").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn events_filter_and_page() {
    let f = fixture();
    let all = json(&f, "/api/events").await;
    assert_eq!(all["events"].as_array().map(Vec::len), Some(5));
    assert_eq!(all["has_more"], false);
    // Latest first.
    assert_eq!(all["events"][0]["date"], "2024-03-20");
    let dyad = json(&f, "/api/events?dyad=BOR-RUR&factuality=asserted").await;
    let ids: Vec<&str> = dyad["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["cameo"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["040", "190", "040"]);
    let negated = json(&f, "/api/events?actor=RURGOV&factuality=negated").await;
    assert_eq!(negated["events"].as_array().map(Vec::len), Some(1));
    assert_eq!(negated["events"][0]["factuality"], "negated");
    let fights = json(&f, "/api/events?root=19&from=2024-03-06&to=2024-03-06").await;
    let e = &fights["events"][0];
    assert_eq!(e["source"], "BORMIL");
    let sentence = e["sentence"].as_str().expect("sentence");
    for (span, words) in [("trigger_span", "shelled"), ("source_span", "Borduria")] {
        let (a, b) = (e[span]["start"].as_u64(), e[span]["end"].as_u64());
        let (a, b) = (a.expect("start") as usize, b.expect("end") as usize);
        assert_eq!(&sentence[a..b], words);
    }
    let shelling = json(&f, "/api/events?q=shelling%20border").await;
    let found: Vec<&str> = shelling["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["trigger"].as_str())
        .collect();
    assert_eq!(found, ["shelled"], "stemmed full-text search");
    let none = json(&f, "/api/events?q=%22palace%22%20AND%20border").await;
    assert_eq!(none["events"].as_array().map(Vec::len), Some(0));
    let page2 = json(&f, "/api/events?page=2").await;
    assert_eq!(page2["events"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn top_alerts_and_documents() {
    let f = fixture();
    let top = json(&f, "/api/top?limit=1").await;
    assert_eq!(top.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (top[0]["a"].as_str(), top[0]["b"].as_str()),
        (Some("BOR"), Some("RUR"))
    );
    let movers = json(
        &f,
        "/api/movers?from=2024-03-01&to=2024-03-10&split=2024-03-06&min_events=1",
    )
    .await;
    assert_eq!(movers["split"], "2024-03-06");
    let m = &movers["movers"][0];
    assert_eq!(
        (m["a"].as_str(), m["b"].as_str()),
        (Some("BOR"), Some("RUR"))
    );
    assert_eq!(
        (m["before_total"].as_i64(), m["after_total"].as_i64()),
        (Some(1), Some(1))
    );
    assert!(m["change"].as_f64().is_some_and(|c| c > 0.0), "{m}");
    let (status, _, detail) = error(
        &f,
        "/api/movers?from=2024-03-01&to=2024-03-10&split=2024-04-01",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(detail.starts_with("split:"), "{detail}");
    let alerts = json(&f, "/api/alerts?since=2024-03-01").await;
    assert!(alerts.is_array());
    let doc = json(&f, "/api/documents/2").await;
    assert_eq!(doc["title"], "Shelling");
    assert_eq!(doc["sentences"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["events"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["events"][1]["factuality"], "negated");
}

#[tokio::test]
async fn openapi_document_lists_every_route() {
    let f = fixture();
    let v = json(&f, "/api/openapi.json").await;
    assert!(v["openapi"].as_str().is_some_and(|s| s.starts_with("3.")));
    for p in [
        "/api/dyads/{a}/{b}",
        "/api/top",
        "/api/movers",
        "/api/alerts",
        "/api/events",
        "/api/documents/{id}",
    ] {
        assert!(v["paths"][p]["get"].is_object(), "{p} missing");
    }
    let params: Vec<&str> = v["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(
        params,
        [
            "actor",
            "dyad",
            "root",
            "factuality",
            "from",
            "to",
            "q",
            "page"
        ]
    );
    assert!(v["components"]["schemas"]["EventView"].is_object());
    assert!(v["components"]["schemas"]["ErrorBody"].is_object());
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let f = fixture_with(Limits {
        body_bytes: 16,
        ..Limits::default()
    });
    let req = Request::get("/api/top")
        .header(header::CONTENT_LENGTH, "17")
        .body(Body::from(vec![b'x'; 17]))
        .expect("request");
    let (status, _, body) = send(&f, req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains("larger than 16 bytes"), "{body}");
}

#[tokio::test]
async fn pages_carry_a_script_free_policy() {
    let f = fixture();
    for uri in [
        "/",
        "/dyads/RUR/BOR?by=day",
        "/documents/1",
        "/events?q=met&dyad=RUR-BOR",
        "/alerts?by=week",
        "/network?from=2024-03-01",
        "/api/top",
        "/assets/style.css",
    ] {
        let req = Request::get(uri).body(Body::empty()).expect("request");
        let (status, headers, _) = send(&f, req).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let csp = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'none'") && !csp.contains("unsafe-inline"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn list_pages_filter_and_link() {
    let f = fixture();
    let (status, html) = get(&f, "/events?q=shelling&root=19").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<mark class=\"trg\">shelled</mark>"),
        "{html}"
    );
    assert!(
        html.contains("value=\"shelling\""),
        "the form keeps the filter"
    );
    assert!(!html.contains("in the capital"));
    let (status, html) = get(&f, "/events?actor=bad").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{html}");
    let (_, net) = get(&f, "/network?from=2024-03-01&to=2024-03-31").await;
    assert_eq!(net.matches("<line class=\"edge\"").count(), 2, "{net}");
    assert_eq!(net.matches("<circle class=\"node\"").count(), 3);
    assert!(net.contains("href=\"/dyads/BOR/RUR?by=week&amp;from=2024-03-01&amp;to=2024-03-31\""));
    assert!(net.contains("href=\"/events?actor=SYL&amp;from=2024-03-01&amp;to=2024-03-31\""));
    let (status, alerts) = get(&f, "/alerts?since=2024-01-01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(alerts.contains("<h1>Alerts</h1>"));
    assert_eq!(get(&f, "/alerts?by=year").await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn dyad_page_has_a_chart_with_links_and_the_evidence() {
    let f = fixture();
    let (status, html) = get(&f, "/dyads/RUR/BOR?by=day&from=2024-03-03&to=2024-03-07").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<svg class=\"chart\""));
    assert_eq!(html.matches("<rect class=\"hit\"").count(), 5);
    assert!(html.contains("events_from=2024-03-06&amp;events_to=2024-03-06#events"));
    assert!(html.contains("<mark class=\"trg\">shelled</mark>"));
    assert!(html.contains("href=\"/dyads/RUR/BOR?by=week&amp;from=2024-03-03&amp;to=2024-03-07\""));
    // A clicked period lists only its events.
    let (_, one) = get(
        &f,
        "/dyads/RUR/BOR?by=day&from=2024-03-03&to=2024-03-07&events_from=2024-03-04&events_to=2024-03-04",
    )
    .await;
    assert!(one.contains("in the capital on Monday"));
    assert!(!one.contains("shelled"));
    assert_eq!(
        one.matches("<rect class=\"hit selected\"").count(),
        1,
        "the clicked period is marked"
    );
    let (status, _) = get(&f, "/dyads/RUR/BOR?by=fortnight").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn hostile_article_text_is_shown_as_inert_text() {
    let f = fixture();
    let (_, dyad) = get(&f, "/dyads/RUR/BOR?by=day").await;
    let (status, doc) = get(&f, "/documents/3").await;
    assert_eq!(status, StatusCode::OK);
    let (_, events) = get(&f, "/events?q=palace").await;
    assert!(
        doc.contains("<div class=\"article\">"),
        "the article text is shown"
    );
    for html in [&dyad, &doc, &events] {
        assert!(
            !html.contains("<script"),
            "a script element reached the page"
        );
        assert!(!html.contains("<img"), "an img element reached the page");
        assert!(
            !html.contains("href=\"javascript:"),
            "a javascript: link reached the page"
        );
        assert!(
            !html.contains("onerror=alert(2)>"),
            "an attribute reached the page unescaped"
        );
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(
            html.contains("&lt;a href=&quot;javascript:alert(3)&quot;&gt;the palace&lt;/a&gt;")
        );
    }
    assert!(
        dyad.contains("&lt;script&gt;alert(5)&lt;/script&gt;"),
        "title as text"
    );
    assert!(doc.contains("<title>&lt;script&gt;alert(5)&lt;/script&gt;"));
    // The source that is not a web URL is text, not a link.
    assert!(doc.contains("<dd>javascript:alert(4)</dd>"));
    // The marked source actor is escaped inside its mark.
    assert!(
        doc.contains("<mark class=\"src\">Ruritania &lt;script&gt;alert(1)&lt;/script&gt;</mark>")
    );
}

#[tokio::test]
async fn serves_on_a_socket_and_shuts_down_gracefully() {
    use std::io::{Read, Write};
    let f = fixture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(faultline_serve::serve(listener, f.state.clone(), async {
        let _ = stopped.await;
    }));
    let answer = tokio::task::spawn_blocking(move || {
        let mut conn = std::net::TcpStream::connect(addr).expect("connect");
        conn.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        conn.write_all(b"GET /api/top HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
            .expect("write");
        let mut answer = String::new();
        conn.read_to_string(&mut answer).expect("read");
        answer
    })
    .await
    .expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"BOR\""));
    stop.send(()).expect("stop");
    let done = tokio::time::timeout(Duration::from_secs(5), server).await;
    assert!(
        matches!(done, Ok(Ok(Ok(())))),
        "server did not stop cleanly"
    );
}

const TOKEN: &str = "test-token-0123456789abcdef";

/// The fixture with writes enabled (the default coder, token [`TOKEN`]).
fn writable(limits: Limits) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = database(dir.path());
    let coder = faultline_coder::Coder::defaults().expect("coder");
    let writer = Writer::open(&path, coder, None, 1 << 20).expect("writer");
    let token = Token::new(TOKEN).expect("token");
    let state = AppState::open(&path, limits)
        .expect("state")
        .with_writer(token, writer);
    Fixture { _dir: dir, state }
}

fn post_req(uri: &str, token: Option<&str>, content_type: &str, body: &str) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(Body::from(body.to_owned())).expect("request")
}

/// Posts `body` with the token and reads the JSON answer.
async fn post_json(f: &Fixture, uri: &str, content_type: &str, body: &str) -> (StatusCode, Value) {
    let (status, _, answer) = send(f, post_req(uri, Some(TOKEN), content_type, body)).await;
    let v = serde_json::from_str(&answer).unwrap_or_else(|_| panic!("{uri}: not JSON: {answer}"));
    (status, v)
}

/// An article in the test's own words: two governments meet.
const ARTICLE: &str = "Ruritanian envoy meets French minister\n\n\
    PARIS, March 9, 2024 -- French Foreign Minister Jean Dupont met the German \
    foreign minister in Paris on Saturday to discuss trade.\n\n\
    \"We will keep talking <until it works>,\" Dupont told reporters.\n\n\
    Germany later criticized France over its farm subsidies.\n";

#[tokio::test]
async fn writes_are_refused_without_a_configured_token() {
    let f = fixture();
    let (status, headers, body) = send(
        &f,
        post_req("/api/documents", Some(TOKEN), "text/plain", ARTICLE),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_some());
    let v: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["error"], "forbidden");
    assert!(
        v["detail"]
            .as_str()
            .is_some_and(|d| d.contains("--token-file"))
    );
}

#[tokio::test]
async fn writes_need_the_right_bearer_token() {
    let f = writable(Limits::default());
    for token in [None, Some("wrong-token-0123456789abcdef"), Some("")] {
        let (status, headers, body) =
            send(&f, post_req("/api/documents", token, "text/plain", ARTICLE)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token:?}: {body}");
        assert_eq!(
            headers
                .get(header::WWW_AUTHENTICATE)
                .and_then(|v| v.to_str().ok()),
            Some("Bearer")
        );
        assert!(body.contains("\"error\":\"unauthorized\""), "{body}");
    }
    // Nothing was stored.
    let all = json(&f, "/api/events?actor=FRA").await;
    assert_eq!(all["events"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn posted_text_is_coded_stored_once_and_readable() {
    let f = writable(Limits::default());
    let uri = "/api/documents?name=paris-talks.txt";
    let (status, v) = post_json(&f, uri, "text/plain", ARTICLE).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(
        (v["added"].as_u64(), v["failed"].as_u64()),
        (Some(1), Some(0)),
        "{v}"
    );
    let doc = &v["documents"][0];
    assert_eq!(doc["status"], "added");
    assert_eq!(doc["id"], "paris-talks");
    assert!(doc["events"].as_u64().is_some_and(|n| n >= 1), "{doc}");
    let row = doc["document"].as_i64().expect("row id");
    // The read connections see it at once.
    let stored = json(&f, &format!("/api/documents/{row}")).await;
    assert_eq!(stored["doc_id"], "paris-talks");
    assert!(stored["events"].as_array().is_some_and(|e| !e.is_empty()));
    let body = stored["body"].as_str().expect("the article text is kept");
    let quote = &stored["quotes"][0];
    let (a, b) = (quote["start"].as_u64(), quote["end"].as_u64());
    let (a, b) = (a.expect("start") as usize, b.expect("end") as usize);
    assert!(body[a..b].contains("keep talking"), "{}", &body[a..b]);
    let (_, html) = get(&f, &format!("/documents/{row}")).await;
    assert!(
        html.contains("<span class=\"ev\""),
        "event sentences marked"
    );
    assert!(
        html.contains("<span class=\"ev quote\"") && html.contains("<td>Dupont"),
        "a quotation inside an event sentence, and its speaker: {html}"
    );
    assert!(html.contains("&lt;until it works&gt;") && !html.contains("<until"));
    let events = json(&f, "/api/events?actor=FRA").await;
    let sentences: Vec<&str> = events["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["sentence"].as_str())
        .collect();
    assert!(
        sentences.iter().any(|s| s.contains("Dupont")),
        "{sentences:?}"
    );
    // The same text again, under another name: a duplicate, nothing added.
    let (status, again) = post_json(&f, "/api/documents", "text/plain", ARTICLE).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["duplicates"], 1, "{again}");
    assert_eq!(again["documents"][0]["document"].as_i64(), Some(row));
    let after = json(&f, "/api/events?actor=FRA").await;
    assert_eq!(after["events"], events["events"]);
}

#[tokio::test]
async fn posted_json_lines_report_each_record() {
    let f = writable(Limits::default());
    let lines = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "w1", "url": "https://wire.example/1", "title": "Talks",
            "published": "2024-03-09", "text": ARTICLE}),
        serde_json::json!({"id": "w2", "url": "https://wire.example/2",
            "published": "2024-03-10", "text": "Spain thanked Portugal for its help on Sunday."}),
    );
    let (status, v) = post_json(&f, "/api/documents", "application/x-ndjson", &lines).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(
        (v["added"].as_u64(), v["failed"].as_u64()),
        (Some(2), Some(1)),
        "{v}"
    );
    let statuses: Vec<&str> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["status"].as_str())
        .collect();
    assert_eq!(statuses.len(), 3);
    assert!(
        v["documents"][1]["error"]
            .as_str()
            .is_some_and(|e| e.contains(":2: not a JSON object")),
        "{v}"
    );
    // Posting the same lines again adds nothing.
    let (_, again) = post_json(&f, "/api/documents", "application/x-ndjson", &lines).await;
    assert_eq!(
        (again["added"].as_u64(), again["duplicates"].as_u64()),
        (Some(0), Some(2))
    );
}

#[tokio::test]
async fn bad_posts_are_answered_as_json() {
    let f = writable(Limits {
        body_bytes: 64,
        ..Limits::default()
    });
    let cases = [
        (
            "/api/documents?name=../x",
            "x y z",
            StatusCode::BAD_REQUEST,
            "name:",
        ),
        (
            "/api/documents?format=pdf",
            "x y z",
            StatusCode::BAD_REQUEST,
            "format:",
        ),
        ("/api/documents", "  \n", StatusCode::BAD_REQUEST, "empty"),
        (
            "/api/documents",
            ARTICLE,
            StatusCode::PAYLOAD_TOO_LARGE,
            "64 bytes",
        ),
    ];
    for (uri, body, want, needle) in cases {
        let (status, _, answer) = send(&f, post_req(uri, Some(TOKEN), "text/plain", body)).await;
        assert_eq!(status, want, "{uri}: {answer}");
        assert!(answer.contains(needle), "{uri}: {answer}");
    }
    // A declared length over the limit is refused before the body is read
    // (the cases above declare none: their bodies are cut while read).
    let mut req = post_req("/api/documents", Some(TOKEN), "text/plain", ARTICLE);
    req.headers_mut()
        .insert(header::CONTENT_LENGTH, ARTICLE.len().into());
    let (status, _, answer) = send(&f, req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{answer}");
    let (status, _, answer) = send(
        &f,
        Request::get("/api/documents")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        answer.contains("\"error\":\"method not allowed\""),
        "{answer}"
    );
}
