//! Load on loopback: 32 clients read the API for 30 s while a writer posts
//! articles (each coded and stored, WAL). Prints requests per second and
//! the p50/p99 latency, and checks that no request failed and that every
//! posted article was stored and can be read back.
//!
//! Ignored by `cargo test` (it takes 30 s); `.ci/run` runs it:
//! `cargo test -p faultline-serve --test load -- --ignored --nocapture`.
//! `FAULTLINE_LOAD_SECONDS` shortens it for a quick local run. Every loop is
//! bounded in time and in count.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use common::{Server, articles, dev_corpus, ingest_files, state, writer};
use faultline_store::Store;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

const CLIENTS: usize = 32;
const TOKEN: &str = "load-test-token-0123456789";
/// Most requests one client sends, whatever the time.
const MAX_REQUESTS: usize = 200_000;
/// Most articles the writer posts.
const MAX_POSTS: usize = 2_000;

type Http = Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

/// What one client saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

/// The API routes the clients cycle through.
fn routes(a: &str, b: &str) -> Vec<String> {
    vec![
        "/api/top?limit=10".into(),
        format!("/api/dyads/{a}/{b}?by=week"),
        format!("/api/events?dyad={a}-{b}"),
        "/api/events?q=minister".into(),
        "/api/events?factuality=asserted&page=2".into(),
        "/api/alerts?by=week".into(),
        "/api/movers?min_events=1".into(),
        "/api/documents/1".into(),
    ]
}

async fn send(http: &Http, req: axum::http::Request<Full<Bytes>>) -> Result<Bytes, String> {
    let resp = http.request(req).await.map_err(|e| e.to_string())?;
    let status = resp.status();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    if status.is_success() {
        Ok(body)
    } else {
        Err(format!("{status}: {}", String::from_utf8_lossy(&body)))
    }
}

async fn reader(
    http: Http,
    base: String,
    routes: Arc<Vec<String>>,
    start: usize,
    until: Instant,
) -> Tally {
    let mut t = Tally::default();
    for i in 0..MAX_REQUESTS {
        if Instant::now() >= until {
            break;
        }
        let path = &routes[(start + i) % routes.len()];
        let req = axum::http::Request::get(format!("{base}{path}"))
            .body(Full::default())
            .expect("request");
        let began = Instant::now();
        match send(&http, req).await {
            Ok(_) => t.latencies.push(began.elapsed()),
            Err(e) => t.failures.push(format!("GET {path}: {e}")),
        }
    }
    t
}

/// Posts variants of `texts` as JSON Lines records (each made new by a
/// numbered closing line) until `until`; returns the row ids the server
/// reported, and failures.
async fn poster(
    http: Http,
    base: String,
    texts: Vec<String>,
    until: Instant,
) -> (Vec<i64>, Vec<String>) {
    let (mut rows, mut failures) = (Vec::new(), Vec::new());
    for n in 0..MAX_POSTS {
        if Instant::now() >= until || texts.is_empty() {
            break;
        }
        let record = serde_json::json!({
            "id": format!("load-{n}"),
            "url": format!("https://load.example/{n}"),
            "published": "2024-05-01",
            "text": format!("{}\n\nLoad test revision {n}.", texts[n % texts.len()]),
        });
        let body = format!("{record}\n");
        let req = axum::http::Request::post(format!("{base}/api/documents"))
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("content-type", "application/x-ndjson")
            .body(Full::new(Bytes::from(body)))
            .expect("request");
        match send(&http, req).await {
            Ok(answer) => {
                let v: serde_json::Value = serde_json::from_slice(&answer).unwrap_or_default();
                match v["documents"][0]["document"].as_i64() {
                    Some(row) if v["added"] == 1 => rows.push(row),
                    _ => failures.push(format!("post {n}: {v}")),
                }
            }
            Err(e) => failures.push(format!("post {n}: {e}")),
        }
    }
    (rows, failures)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "30 s of load; .ci/run runs it"]
async fn readers_and_a_writer_on_loopback() {
    let corpus = dev_corpus().expect("the development corpus ../shared/corpus/dev");
    let seconds: u64 = std::env::var("FAULTLINE_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("load.db");
    let w = writer(&db);
    let files = articles(&corpus, 60);
    let (first, rest) = files.split_at(files.len() / 2);
    ingest_files(&w, first);
    let (a, b) = {
        let s = Store::open_read_only(&db).expect("read");
        let top = s
            .top_dyads(&faultline_store::query::Filter::default(), 1)
            .expect("top");
        let p = &top.first().expect("a dyad").pair;
        (p.a.clone(), p.b.clone())
    };
    let before = Store::open_read_only(&db)
        .expect("read")
        .stats()
        .expect("stats");
    let texts: Vec<String> = rest
        .iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned())
        .collect();
    let server = Server::start(state(&db, w, TOKEN)).await;
    let base = server.url("");
    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    let routes = Arc::new(routes(&a, &b));
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let readers: Vec<_> = (0..CLIENTS)
        .map(|i| {
            tokio::spawn(reader(
                http.clone(),
                base.clone(),
                Arc::clone(&routes),
                i,
                until,
            ))
        })
        .collect();
    let writer_task = tokio::spawn(poster(http.clone(), base.clone(), texts, until));
    let mut all = Tally::default();
    for r in readers {
        let t = r.await.expect("reader");
        all.latencies.extend(t.latencies);
        all.failures.extend(t.failures);
    }
    let (rows, post_failures) = writer_task.await.expect("writer");
    let elapsed = started.elapsed().as_secs_f64();
    all.latencies.sort_unstable();
    let n = all.latencies.len();
    println!(
        "load: {CLIENTS} clients, {elapsed:.1} s: {n} requests, {:.0} requests/s, p50 {:.1} ms, \
         p99 {:.1} ms, max {:.1} ms; writer: {} articles posted and stored",
        n as f64 / elapsed,
        percentile(&all.latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&all.latencies, 0.99).as_secs_f64() * 1e3,
        all.latencies
            .last()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3,
        rows.len()
    );
    assert!(
        all.failures.is_empty(),
        "{} failed requests, e.g. {:?}",
        all.failures.len(),
        &all.failures[..all.failures.len().min(3)]
    );
    assert!(post_failures.is_empty(), "{post_failures:?}");
    assert!(n > CLIENTS, "every client got answers");
    assert!(
        !rows.is_empty(),
        "the writer stored articles during the load"
    );
    // Nothing lost: every reported row is stored and served, and the
    // database holds exactly the documents before plus those posted.
    let after = Store::open_read_only(&db)
        .expect("read")
        .stats()
        .expect("stats");
    assert_eq!(after.documents, before.documents + rows.len() as i64);
    for row in &rows {
        let req = axum::http::Request::get(format!("{base}/api/documents/{row}"))
            .body(Full::default())
            .expect("request");
        let doc = send(&http, req)
            .await
            .unwrap_or_else(|e| panic!("document {row}: {e}"));
        let v: serde_json::Value = serde_json::from_slice(&doc).expect("json");
        assert!(
            v["body"]
                .as_str()
                .is_some_and(|b| b.contains("Load test revision")),
            "document {row}"
        );
    }
    drop(server);
}
