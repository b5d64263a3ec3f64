//! The dashboard in a real browser (Chromium through chromedriver and
//! WebDriver): a database ingested from development-corpus articles and a
//! hostile article, the busiest dyad's page, a click on a period of its
//! chart, the events listed with their evidence sentence, the hostile
//! article shown as inert text, and a screenshot under `target/`.
//!
//! Without `chromedriver` on the PATH (or the corpus beside the project)
//! the test says so and passes; with `FAULTLINE_BROWSER_TEST=1` (set by
//! `.ci/run`) their absence is a failure.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{Server, articles, dev_corpus, ingest_files, state, writer};
use fantoccini::{Client, ClientBuilder, Locator};
use faultline_store::Store;
use faultline_store::browse::EventQuery;
use faultline_store::query::{Bucket, Direction, Filter};

/// Set to 1 to make a missing browser or corpus a failure.
const REQUIRED: &str = "FAULTLINE_BROWSER_TEST";

/// An article in the test's own words, with markup that must stay text.
const HOSTILE: &str = "Officials protest <script>alert('x')</script> at the border\n\n\
    The United States condemned Iran <img src=x onerror=alert(1)> on Monday over the attack \
    on a tanker, officials said. Read <a href=\"javascript:alert(2)\">the statement</a>.\n";

/// `chromedriver` on the PATH, or why the test cannot run.
fn chromedriver() -> Result<PathBuf, String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("chromedriver"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            "chromedriver is not on the PATH (apt-get install chromium chromium-driver)".into()
        })
}

/// Skips (or, when required, fails) with `why`.
fn skip(why: &str) {
    if std::env::var(REQUIRED).is_ok_and(|v| v == "1") {
        panic!("{REQUIRED}=1 but the browser test cannot run: {why}");
    }
    eprintln!("browser test skipped: {why}; set {REQUIRED}=1 to make this a failure");
}

/// The chromedriver process, killed when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts chromedriver on a free port and waits (at most 10 s) until it listens.
fn start_driver(exe: &PathBuf) -> (Driver, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(exe)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver(child);
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return (driver, port);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not listen on port {port} within 10 s");
}

async fn browser(port: u16) -> Client {
    let mut args = vec![
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1400",
    ];
    args.push("--lang=en");
    let mut opts = serde_json::json!({ "args": args });
    if std::path::Path::new("/usr/bin/chromium").is_file() {
        opts["binary"] = "/usr/bin/chromium".into();
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), opts);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session")
}

/// The busiest dyad, the index of a period of its monthly series with
/// events, that period's first day and one evidence sentence of it.
fn pick_period(db: &std::path::Path) -> (String, String, usize, String) {
    let s = Store::open_read_only(db).expect("read");
    let top = s.top_dyads(&Filter::default(), 1).expect("top");
    let pair = &top.first().expect("the corpus gives a dyad").pair;
    let (a, b) = (pair.a.clone(), pair.b.clone());
    let series = s
        .dyad_series(&a, &b, Direction::Both, Bucket::Month, &Filter::default())
        .expect("series");
    let (i, point) = series
        .iter()
        .enumerate()
        .find(|(_, p)| p.totals.total > 0)
        .expect("a period with events");
    let events = s
        .events(&EventQuery {
            dyad: Some((a.clone(), b.clone())),
            from: Some(point.period),
            to: Some(Bucket::Month.next(point.period) - chrono::Duration::days(1)),
            page: 1,
            per_page: 50,
            ..EventQuery::default()
        })
        .expect("events");
    let sentence = events.events.first().expect("an event").sentence.clone();
    (a, b, i, sentence)
}

/// Whitespace runs as one space (the browser's text of an element).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_in_a_real_browser() {
    let exe = match chromedriver() {
        Ok(p) => p,
        Err(why) => return skip(&why),
    };
    let Some(corpus) = dev_corpus() else {
        return skip("the development corpus ../shared/corpus/dev is not there");
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("browser.db");
    let w = writer(&db);
    ingest_files(&w, &articles(&corpus, 30));
    let hostile = w
        .post(
            "hostile.txt",
            HOSTILE.as_bytes(),
            Some(faultline_ingest::Format::Text),
        )
        .expect("post the hostile article");
    let hostile_row = hostile.documents[0].document.expect("stored");
    let (a, b, index, sentence) = pick_period(&db);
    let server = Server::start(state(&db, w, "browser-test-token-0123456789")).await;
    let (_driver, port) = start_driver(&exe);
    let c = browser(port).await;

    c.goto(&server.url(&format!("/dyads/{a}/{b}?by=month")))
        .await
        .expect("dyad page");
    let hits = c
        .find_all(Locator::Css("svg.chart a"))
        .await
        .expect("chart links");
    assert!(hits.len() > index, "{} periods on the chart", hits.len());
    hits[index].clone().click().await.expect("click the period");
    let url = c.current_url().await.expect("url");
    assert!(url.as_str().contains("events_from="), "{url}");
    let cells = c
        .find_all(Locator::Css("table.events td.evidence"))
        .await
        .expect("evidence cells");
    let mut texts = Vec::new();
    for cell in cells {
        texts.push(squash(&cell.text().await.expect("text")));
    }
    assert!(
        texts.iter().any(|t| *t == squash(&sentence)),
        "the clicked period lists {sentence:?}; found {texts:?}"
    );
    let marks = c
        .find_all(Locator::Css("td.evidence mark.trg"))
        .await
        .expect("marks");
    assert!(!marks.is_empty(), "triggers are highlighted");
    let shot = c.screenshot().await.expect("screenshot");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).expect("screenshot folder");
    std::fs::write(out.join("dyad.png"), &shot).expect("save the screenshot");

    // The hostile article: its markup is text, nothing runs.
    c.goto(&server.url(&format!("/documents/{hostile_row}")))
        .await
        .expect("document page");
    assert!(c.get_alert_text().await.is_err(), "no dialog opened");
    let main = c.find(Locator::Css("main")).await.expect("main");
    for css in ["script", "img", "a[href^='javascript']", "[onerror]"] {
        let found = main.find_all(Locator::Css(css)).await.expect("query");
        assert!(found.is_empty(), "{css} reached the page");
    }
    let text = main.text().await.expect("text");
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(text.contains("<a href=\"javascript:alert(2)\">"), "{text}");
    let shot = c.screenshot().await.expect("screenshot");
    std::fs::write(out.join("hostile.png"), &shot).expect("save the screenshot");
    c.close().await.expect("close the browser");
    eprintln!("screenshots in {}", out.display());
}
