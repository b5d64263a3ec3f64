//! The store through the real `faultline` binary: a kill -9 in the middle of
//! `faultline ingest`, re-ingesting, story de-duplication on articles that
//! report one event several times, and the analytics and export commands.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use faultline_store::Store;

fn faultline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_faultline"))
}

fn stories() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../faultline-store/tests/fixtures/stories")
}

/// Writes a JSON Lines corpus of `n` distinct short articles.
fn corpus(path: &Path, n: usize) {
    let countries = [
        "Japan",
        "South Korea",
        "China",
        "Russia",
        "France",
        "Germany",
        "India",
        "Pakistan",
        "Brazil",
        "Egypt",
    ];
    let verbs = [
        "held talks with",
        "accused",
        "met",
        "criticised",
        "praised",
        "threatened",
    ];
    let mut out = String::new();
    for i in 0..n {
        let a = countries[i % 10];
        let mut b = countries[(i * 7 + 3) % 10];
        if a == b {
            b = countries[(i + 1) % 10];
        }
        let text = format!(
            "{a} {} {b} on Monday, officials said in statement number {i}.\n\nThe foreign ministry of {a} said the meeting was the {i}th of its kind.\n\n{b} rejected the claims made by {a} on Tuesday.",
            verbs[i % 6]
        );
        let rec = serde_json::json!({
            "id": format!("g{i}"),
            "title": format!("Story {i}"),
            "published": format!("2022-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "url": format!("https://gen.example/{i}"),
            "source": "Gen Wire",
            "text": text,
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("write corpus");
}

fn count(store: &Store, sql: &str) -> i64 {
    store
        .connection()
        .query_row(sql, [], |r| r.get(0))
        .expect(sql)
}

/// Every stored document has all its mentions, and the daily aggregate
/// agrees with the events and mentions.
fn assert_consistent(db: &Path) {
    let store = Store::open_existing(db).expect("reopen");
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM documents d WHERE d.mentions != (SELECT count(*) FROM mentions m WHERE m.doc = d.id)"
        ),
        0,
        "a document lost some of its mentions"
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)"
        ),
        0,
        "an event without mentions"
    );
    assert_eq!(
        count(&store, "SELECT COALESCE(SUM(events), 0) FROM dyad_daily"),
        count(&store, "SELECT count(*) FROM events WHERE precision = 0")
    );
    assert_eq!(
        count(&store, "SELECT COALESCE(SUM(mentions), 0) FROM dyad_daily"),
        count(
            &store,
            "SELECT count(*) FROM mentions m JOIN events e ON e.id = m.event WHERE e.precision = 0"
        )
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) - count(DISTINCT hash) FROM documents"
        ),
        0
    );
}

#[test]
fn kill_9_loses_nothing_committed_and_rerun_completes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    let n = 4000;
    corpus(&input, n);
    let db = dir.path().join("killed.db");

    let mut child = faultline()
        .args(["ingest", "-q", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait for the first committed batch, then kill -9 mid-run. The polls
    // only read (a `Store` would end the bulk load the child is running).
    let start = Instant::now();
    let mut committed = 0;
    while start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        let read = |c: rusqlite::Connection| -> rusqlite::Result<i64> {
            c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        };
        if let Ok(n) =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(read)
            && n > 0
        {
            committed = n;
            break;
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(
        !status.success(),
        "ingest finished before it could be killed"
    );
    assert!(committed > 0, "nothing was committed within a minute");
    // The first ingest into an empty database is a bulk load: the kill
    // interrupted one, which the next open must end (indexes, aggregate).
    let marked: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM meta WHERE key = 'bulk_load'",
                [],
                |r| r.get(0),
            )
        })
        .expect("bulk-load mark");
    assert_eq!(marked, 1, "the kill should interrupt a bulk load");

    let after_kill = Store::open_existing(&db)
        .expect("reopen")
        .stats()
        .expect("stats");
    assert!(
        after_kill.documents >= committed,
        "committed documents were lost"
    );
    assert!(
        (after_kill.documents as usize) < n,
        "the kill came too late to test anything"
    );
    assert_consistent(&db);

    // Re-running completes the job, without duplicates.
    let out = faultline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("rerun");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{} duplicate document(s) skipped",
            after_kill.documents
        )),
        "{stderr}"
    );
    assert_consistent(&db);
    let resumed = Store::open_existing(&db)
        .expect("reopen")
        .stats()
        .expect("stats");
    assert_eq!(resumed.documents as usize, n);

    // The same as one uninterrupted run.
    let clean = dir.path().join("clean.db");
    let out = faultline()
        .args(["ingest", "-q", "--db"])
        .arg(&clean)
        .arg(&input)
        .output()
        .expect("clean run");
    assert!(out.status.success());
    let clean = Store::open_existing(&clean)
        .expect("open")
        .stats()
        .expect("stats");
    assert_eq!(resumed, clean);
}

#[test]
fn one_event_reported_several_times_is_stored_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("f.db");
    let out = faultline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(stories())
        .output()
        .expect("ingest");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ingested 4 document(s)"), "{stderr}");

    // Ingesting again adds nothing.
    let again = faultline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(stories())
        .output()
        .expect("again");
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 new event(s) from 0 mention(s)"));
    assert!(String::from_utf8_lossy(&again.stderr).contains("4 duplicate document(s)"));

    let store = Store::open_existing(&db).expect("open");
    let st = store.stats().expect("stats");
    assert!(st.events < st.mentions, "{st:?}");
    // The Tokyo talks of 6 March 2023 (JPN→KOR, CAMEO 04) are one event
    // reported by at least the two wire stories.
    let docs_of = |sql: &str| -> i64 { count(&store, sql) };
    let tokyo = docs_of(
        "SELECT max(n) FROM (SELECT e.id, count(DISTINCT m.doc) AS n FROM events e JOIN mentions m ON m.event = e.id \
         WHERE e.src_root = 'JPN' AND e.tgt_root = 'KOR' AND e.root = '04' AND e.date BETWEEN '2023-03-05' AND '2023-03-08' GROUP BY e.id)",
    );
    assert!(
        tokyo >= 2,
        "the Tokyo talks should be one event with several documents"
    );
    // The Seoul talks two weeks later are another event.
    assert!(
        docs_of(
            "SELECT count(*) FROM events WHERE src_root = 'JPN' AND tgt_root = 'KOR' AND root = '04' AND date = '2023-03-20'"
        ) == 1
    );
    // Japan's accusation against North Korea, reported twice, is one event.
    assert_eq!(
        docs_of(
            "SELECT count(*) FROM events WHERE src_root = 'JPN' AND tgt_root = 'PRK' AND root = '11'"
        ),
        1
    );
    assert_eq!(
        docs_of(
            "SELECT count(*) FROM mentions m JOIN events e ON e.id = m.event \
             WHERE src_root = 'JPN' AND tgt_root = 'PRK' AND root = '11'"
        ),
        2
    );

    // Counting events or mentions.
    let series = |count: &str| -> serde_json::Value {
        let out = faultline()
            .args([
                "dyad", "JPN", "KOR", "--by", "month", "--json", "--count", count, "--db",
            ])
            .arg(&db)
            .output()
            .expect("dyad");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().expect("line"))
            .expect("json")
    };
    let (events, mentions) = (series("events"), series("mentions"));
    assert_eq!(events["period"], "2023-03-01");
    assert!(
        events["total"].as_i64() < mentions["total"].as_i64(),
        "{events} {mentions}"
    );

    // Table output, top, alerts and every export run.
    let out = faultline()
        .args(["dyad", "JPN", "KOR", "--by", "week", "--db"])
        .arg(&db)
        .output()
        .expect("dyad");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("tension") && table.contains("2023-03-06"),
        "{table}"
    );
    let out = faultline()
        .args(["top", "--db"])
        .arg(&db)
        .output()
        .expect("top");
    assert!(String::from_utf8_lossy(&out.stdout).contains("JPN–KOR"));
    let out = faultline()
        .args(["alerts", "--json", "--db"])
        .arg(&db)
        .output()
        .expect("alerts");
    assert!(out.status.success());
    for format in ["gdelt", "plover", "csv", "parquet"] {
        let path = dir.path().join(format!("out.{format}"));
        let out = faultline()
            .args(["export", "--format", format, "--db"])
            .arg(&db)
            .arg("-o")
            .arg(&path)
            .output()
            .expect("export");
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::metadata(&path).expect("exported").len() > 0);
    }
    let rows =
        faultline_store::export::read_parquet(&dir.path().join("out.parquet")).expect("parquet");
    assert_eq!(
        rows.len() as i64,
        count(&store, "SELECT count(*) FROM events WHERE factuality = 0")
    );
}

/// Two organisations acting alike on the same day are two actors: the UN's
/// sanctions do not merge into the EU's, and each has its own dyad.
#[test]
fn each_international_organisation_is_its_own_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    for (file, who) in [
        ("eu.txt", "The European Union"),
        ("un.txt", "The United Nations"),
    ] {
        let text = format!(
            "title: Sanctions\ndate: 2024-05-08\nsource: https://wire.example/{file}\n---\n\
             {who} imposed new sanctions on Iran on Tuesday.\n"
        );
        std::fs::write(docs.join(file), text).expect("write");
    }
    let db = dir.path().join("f.db");
    let out = faultline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&docs)
        .output()
        .expect("ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("2 new event(s) from 2 mention(s)"),
        "{stderr}"
    );
    let store = Store::open_existing(&db).expect("open");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM events WHERE src_root IN ('IGOEEU', 'IGOUNO') AND tgt_root = 'IRN'"
        ),
        2
    );
    drop(store);
    for org in ["IGOUNO", "IGOEEU"] {
        let out = faultline()
            .args(["dyad", org, "IRN", "--json", "--by", "day", "--db"])
            .arg(&db)
            .output()
            .expect("dyad");
        assert!(out.status.success());
        let total: i64 = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json");
                v["total"].as_i64().expect("total")
            })
            .sum();
        assert_eq!(total, 1, "{org}–IRN should hold its own event");
    }
    let top = faultline()
        .args(["top", "--db"])
        .arg(&db)
        .output()
        .expect("top");
    let top = String::from_utf8_lossy(&top.stdout);
    assert!(
        top.contains("IGOUNO–IRN") && top.contains("IGOEEU–IRN"),
        "{top}"
    );
    assert!(!top.contains("IGO–IRN"), "{top}");
    // A code that is not in the database is named as such; a known one is not.
    let out = faultline()
        .args(["dyad", "XXX", "irn", "--db"])
        .arg(&db)
        .output()
        .expect("dyad");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("XXX is not an actor root") && !stderr.contains("IRN is not"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no events for this dyad"));
}

/// A temporary folder with a corpus of `n` articles (`c.jsonl`) ingested
/// into `f.db`: the folder, the corpus and the database.
fn ingested_corpus(n: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("c.jsonl");
    let db = dir.path().join("f.db");
    corpus(&input, n);
    let ok = faultline()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .status()
        .expect("ingest");
    assert!(ok.success());
    (dir, input, db)
}

/// Overwrites one leaf page of `table` (the middle one) with a fixed pattern.
fn damage(db: &Path, table: &str) {
    let (page, size): (i64, i64) = {
        let c = rusqlite::Connection::open(db).expect("open");
        c.query_row(
            "SELECT (SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = 'leaf' \
             ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat \
             WHERE name = ?1 AND pagetype = 'leaf')), (SELECT page_size FROM pragma_page_size)",
            [table],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a leaf page")
    };
    let mut bytes = std::fs::read(db).expect("read db");
    let at = ((page - 1) * size) as usize;
    bytes[at..at + size as usize].fill(0xA5);
    std::fs::write(db, bytes).expect("write db");
}

/// A failed export leaves the previous output file as it was (and no
/// temporary file behind); the analytics commands refuse a damaged
/// aggregate instead of printing part of it.
#[test]
fn a_damaged_database_fails_without_destroying_earlier_output() {
    let (dir, _input, db) = ingested_corpus(3000);
    let export = |format: &str, out: &Path| {
        faultline()
            .args(["export", "--all-factuality", "--format", format, "-o"])
            .arg(out)
            .arg("--db")
            .arg(&db)
            .output()
            .expect("export")
    };
    let csv = dir.path().join("out.csv");
    let parquet = dir.path().join("out.parquet");
    for (format, path) in [("csv", &csv), ("parquet", &parquet)] {
        assert!(export(format, path).status.success());
    }
    let before = (
        std::fs::read(&csv).expect("csv"),
        std::fs::read(&parquet).expect("pq"),
    );
    assert!(before.0.len() > 10_000, "the corpus exports many events");

    damage(&db, "events");
    for (format, path) in [("csv", &csv), ("parquet", &parquet)] {
        let out = export(format, path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(stderr.contains("damaged"), "{stderr}");
    }
    let after = (
        std::fs::read(&csv).expect("csv"),
        std::fs::read(&parquet).expect("pq"),
    );
    assert!(
        before == after,
        "a failed export must not touch the previous output"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["c.jsonl", "f.db", "out.csv", "out.parquet"]);

    damage(&db, "dyad_daily");
    for args in [&["dyad", "JPN", "KOR"][..], &["top"], &["alerts"]] {
        let out = faultline()
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("damaged"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} printed a partial answer");
    }
}

/// A reader that stops early (`| head`) ends the command quietly: exit 0,
/// nothing on standard error.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let (_dir, input, db) = ingested_corpus(2000);
    let runs: [Vec<std::ffi::OsString>; 3] = [
        vec!["code".into(), input.clone().into()],
        vec!["extract".into(), input.clone().into()],
        vec![
            "export".into(),
            "--all-factuality".into(),
            "--format".into(),
            "csv".into(),
            "--db".into(),
            db.clone().into(),
        ],
    ];
    for args in runs {
        let mut child = faultline()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // The pipe is closed here, as `head` closes it.
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}

/// `ingest` takes the event dictionaries as `code` does.
#[test]
fn ingest_takes_verb_dictionaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |db: &str, extra: &[&str]| {
        let out = faultline()
            .arg("ingest")
            .args(extra)
            .arg("--db")
            .arg(dir.path().join(db))
            .arg(stories())
            .output()
            .expect("ingest");
        assert!(out.status.success());
        let stats = Store::open_existing(&dir.path().join(db))
            .expect("open")
            .stats()
            .expect("stats");
        (
            stats.mentions,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (default, _) = run("a.db", &[]);
    assert!(default > 0);
    let (none, stderr) = run("b.db", &["--no-default-verbs", "--verbs", "missing.toml"]);
    assert_eq!(none, 0, "no verb dictionary, no events");
    assert!(
        stderr.contains("dictionary") && stderr.contains("missing.toml"),
        "{stderr}"
    );
}

#[test]
fn a_foreign_db_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("photo.db");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10".repeat(10);
    std::fs::write(&db, &png).expect("write");
    let out = faultline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(stories())
        .output()
        .expect("ingest");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a faultline database (a PNG image)"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&db).expect("read"), png);
    let out = faultline()
        .args(["dyad", "USA", "CHN", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .expect("dyad");
    assert!(String::from_utf8_lossy(&out.stderr).contains("run `faultline ingest` first"));
    assert!(!dir.path().join("none.db").exists());
}

/// `faultline serve` on a free loopback port: it answers the API and the
/// dashboard, takes a post with the token of `FAULTLINE_TOKEN`, logs the
/// requests, and stops cleanly on Ctrl-C (SIGINT).
#[test]
fn serve_answers_and_stops_on_ctrl_c() {
    use std::io::{BufRead, BufReader, Read, Write};
    let (_dir, _input, db) = ingested_corpus(6);
    let token = "cli-test-token-0123456789";
    let mut child = faultline()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env("RUST_LOG", "info")
        .env("FAULTLINE_TOKEN", token)
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    // Dictionary warnings may come before the address.
    while !line.contains("http://") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).expect("a line") > 0,
            "no address"
        );
    }
    assert!(line.contains("writes need the bearer token"), "{line}");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    let get = |path: &str| -> String {
        let mut conn = std::net::TcpStream::connect(&addr).expect("connect");
        conn.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        write!(
            conn,
            "GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
        )
        .expect("send");
        let mut answer = String::new();
        conn.read_to_string(&mut answer).expect("read");
        answer
    };
    let top = get("/api/top");
    assert!(top.starts_with("HTTP/1.1 200"), "{top}");
    assert!(top.contains("\"tension\""), "{top}");
    let index = get("/");
    assert!(index.contains("content-security-policy"), "{index}");
    assert!(get("/api/dyads/xx/YY").starts_with("HTTP/1.1 400"));
    let post = |auth: &str| -> String {
        let body = "Spain thanked Portugal for its help on Sunday, March 10, 2024.";
        let mut conn = std::net::TcpStream::connect(&addr).expect("connect");
        conn.set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        write!(
            conn,
            "POST /api/documents?name=thanks.txt HTTP/1.1\r\nhost: x\r\n{auth}content-type: text/plain\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("send");
        let mut answer = String::new();
        conn.read_to_string(&mut answer).expect("read");
        answer
    };
    assert!(post("").starts_with("HTTP/1.1 401"));
    let added = post(&format!("authorization: Bearer {token}\r\n"));
    assert!(added.starts_with("HTTP/1.1 200"), "{added}");
    assert!(added.contains("\"added\":1"), "{added}");
    let pid = child.id().to_string();
    let killed = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).expect("rest of stderr");
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}: {rest}");
    assert!(
        rest.contains("uri=/api/top") && rest.contains("status=200"),
        "{rest}"
    );
    assert!(rest.contains("server stopped"), "{rest}");
}

#[test]
fn serve_needs_an_existing_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = faultline()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .expect("serve");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run `faultline ingest` first"));
    assert!(!dir.path().join("none.db").exists());
}
