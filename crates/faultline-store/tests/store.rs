//! The store end to end without the coder: idempotence, the
//! de-duplication rule, foreign and damaged files, analytics.

mod common;

use common::{doc, ev, records};
use faultline_coder::Factuality;
use faultline_store::query::{AlertQuery, Bucket, Count, Direction, Filter};
use faultline_store::{IngestOutcome, Store, StoreError};

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().expect("date")
}

#[test]
fn reingesting_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.db");
    let evs = vec![
        ev("USA", "CHN", "040", "2024-01-02"),
        ev("CHN", "USA", "112", "2024-01-02"),
    ];
    {
        let mut s = Store::open(&path).expect("open");
        let out = s
            .ingest(&doc("a", "https://x.example/a", "body one"), &records(&evs))
            .expect("ingest");
        assert_eq!(
            out,
            IngestOutcome::Added {
                events: 2,
                merged: 0
            }
        );
        // Same body under another id and URL: same content hash.
        let out = s
            .ingest(
                &doc("b", "https://y.example/b", "body   one\n"),
                &records(&evs),
            )
            .expect("ingest");
        assert!(matches!(out, IngestOutcome::Duplicate { .. }));
        // Same URL, edited body.
        let out = s
            .ingest(
                &doc("a", "https://x.example/a", "body one, updated"),
                &records(&evs),
            )
            .expect("ingest");
        assert!(matches!(out, IngestOutcome::Duplicate { .. }));
        s.commit().expect("commit");
    }
    let mut s = Store::open(&path).expect("reopen");
    let out = s
        .ingest(&doc("a", "https://x.example/a", "body one"), &records(&evs))
        .expect("ingest");
    assert!(matches!(out, IngestOutcome::Duplicate { .. }));
    s.commit().expect("commit");
    let st = s.stats().expect("stats");
    assert_eq!((st.documents, st.events, st.mentions), (1, 2, 2));
    // Local files are told apart by id and path.
    let out = s
        .ingest(&doc("a", "dir1/a.txt", "body two"), &records(&evs))
        .expect("ingest");
    assert!(matches!(out, IngestOutcome::Added { .. }));
    let out = s
        .ingest(&doc("a", "dir2/a.txt", "body three"), &records(&evs))
        .expect("ingest");
    assert!(matches!(out, IngestOutcome::Added { .. }));
}

#[test]
fn dedup_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("f.db")).expect("open");
    let base = vec![ev("USA", "CHN", "112", "2024-03-10")];
    s.ingest(&doc("1", "u1", "1"), &records(&base))
        .expect("ingest");
    let cases = [
        // (event, joins the first?)
        (ev("USA", "CHN", "111", "2024-03-11"), true), // same family, a day later
        (ev("USA", "CHN", "112", "2024-03-12"), true), // two days: inside the window
        (ev("USA", "CHN", "112", "2024-03-13"), false), // three days: outside
        (ev("CHN", "USA", "112", "2024-03-10"), false), // other direction
        (ev("USA", "CHN", "130", "2024-03-10"), false), // other family
        (ev("USA", "RUS", "112", "2024-03-10"), false), // other target
        (ev("USA", "CHN", "112", "2024-03").clone(), false), // partial date
        (
            ev("USA", "CHN", "112", "2024-03-10").fact(Factuality::Negated),
            false,
        ),
    ];
    for (i, (e, joins)) in cases.iter().enumerate() {
        let id = format!("c{i}");
        let before = s.stats().expect("stats").events;
        let out = s
            .ingest(&doc(&id, &id, &id), &records(std::slice::from_ref(e)))
            .expect("ingest");
        let after = s.stats().expect("stats").events;
        assert_eq!(after == before, *joins, "case {i}: {e:?} → {out:?}");
    }
    // Partial dates join only the same partial date.
    let out = s
        .ingest(
            &doc("p", "p", "p"),
            &records(&[ev("USA", "CHN", "112", "2024-03")]),
        )
        .expect("ingest");
    assert_eq!(
        out,
        IngestOutcome::Added {
            events: 0,
            merged: 1
        }
    );
    s.finish().expect("finish");
    // Events counts mentions by event; the first event has three.
    let m: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM mentions WHERE event = 1", [], |r| {
            r.get(0)
        })
        .expect("mentions");
    assert_eq!(m, 3);
    // The series counts the story once, or its mentions.
    let f = Filter {
        from: Some(d("2024-03-10")),
        to: Some(d("2024-03-10")),
        ..Filter::default()
    };
    let ev_series = s
        .dyad_series("USA", "CHN", Direction::Forward, Bucket::Day, &f)
        .expect("series");
    assert_eq!(ev_series[0].totals.total, 2); // the 112 story and the 130
    let f = Filter {
        count: Count::Mentions,
        ..f
    };
    let m_series = s
        .dyad_series("USA", "CHN", Direction::Forward, Bucket::Day, &f)
        .expect("series");
    assert_eq!(m_series[0].totals.total, 4); // 3 mentions of the story + the 130
    assert_eq!(m_series[0].totals.goldstein_sum, -16.0);
}

#[test]
fn dedup_within_a_document_and_across_sentences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("f.db")).expect("open");
    let evs = vec![
        ev("IND", "PAK", "190", "2024-05-01").at(0),
        ev("IND", "PAK", "193", "2024-05-01").at(3),
        ev("PAK", "IND", "190", "2024-05-01").at(3),
    ];
    let out = s
        .ingest(&doc("x", "x", "x"), &records(&evs))
        .expect("ingest");
    assert_eq!(
        out,
        IngestOutcome::Added {
            events: 2,
            merged: 1
        }
    );
    s.finish().expect("finish");
    let sentences: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM sentences", [], |r| r.get(0))
        .expect("sentences");
    assert_eq!(sentences, 2);
}

fn bytes(p: &std::path::Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

#[test]
fn foreign_and_damaged_files_are_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A PNG renamed .db.
    let png = dir.path().join("picture.db");
    let mut data = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    data.extend(std::iter::repeat_n(7u8, 200));
    std::fs::write(&png, &data).expect("write");
    let e = Store::open(&png).expect_err("png");
    assert!(matches!(e, StoreError::NotSqlite { .. }), "{e}");
    assert!(e.to_string().contains("PNG"), "{e}");
    assert!(e.to_string().contains("--db"), "{e}");
    assert_eq!(bytes(&png), data);

    // A text file.
    let txt = dir.path().join("notes.db");
    std::fs::write(&txt, "some notes\n").expect("write");
    assert!(matches!(
        Store::open(&txt),
        Err(StoreError::NotSqlite { .. })
    ));
    assert_eq!(bytes(&txt), b"some notes\n");

    // Another program's SQLite database.
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).expect("open");
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("create");
    }
    let before = bytes(&other);
    let e = Store::open(&other).expect_err("foreign");
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    assert_eq!(bytes(&other), before);
    assert!(!dir.path().join("other.db-wal").exists());

    // A faultline database cut in half.
    let good = dir.path().join("good.db");
    {
        let mut s = Store::open(&good).expect("open");
        for i in 0..300 {
            let id = format!("d{i}");
            let body = format!("body {i} {}", "word ".repeat(50));
            let e = [ev("USA", "CHN", "040", "2024-01-02").at(i)];
            let mut e0 = e[0].clone();
            e0.text = body.clone();
            s.ingest(&doc(&id, &id, &body), &records(&[e0]))
                .expect("ingest");
        }
        s.commit().expect("commit");
    }
    let full = bytes(&good);
    assert!(full.len() > 8192);
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &full[..full.len() / 2]).expect("write");
    let e = Store::open(&cut).expect_err("truncated");
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");
    assert_eq!(bytes(&cut), &full[..full.len() / 2]);

    // A header with a damaged page size.
    let bad = dir.path().join("bad.db");
    let mut b = full.clone();
    b[16] = 0;
    b[17] = 3;
    std::fs::write(&bad, &b).expect("write");
    assert!(matches!(Store::open(&bad), Err(StoreError::Corrupt { .. })));
    assert_eq!(bytes(&bad), b);

    // A newer schema.
    let newer = dir.path().join("newer.db");
    std::fs::write(&newer, &full).expect("write");
    {
        let c = rusqlite::Connection::open(&newer).expect("open");
        c.execute_batch("PRAGMA user_version = 99")
            .expect("version");
    }
    let before = bytes(&newer);
    let e = Store::open(&newer).expect_err("newer");
    assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
    assert_eq!(bytes(&newer), before);

    // Read-only commands do not create a database.
    let missing = dir.path().join("missing.db");
    assert!(matches!(
        Store::open_existing(&missing),
        Err(StoreError::Missing { .. })
    ));
    assert!(!missing.exists());
}

#[test]
fn series_top_movers_alerts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("f.db")).expect("open");
    let mut n = 0;
    let mut add = |s: &mut Store, e: common::Ev| {
        n += 1;
        let id = format!("d{n}");
        s.ingest(&doc(&id, &id, &id), &records(&[e]))
            .expect("ingest");
    };
    // Thirty quiet days of cooperation every third day, then a burst of conflict.
    for day in (1..=30).step_by(3) {
        add(
            &mut s,
            ev("USA", "CHN", "040", &format!("2024-01-{day:02}")),
        );
        add(
            &mut s,
            ev("FRA", "DEU", "040", &format!("2024-01-{day:02}")),
        );
    }
    for k in 0..4 {
        let e = match k % 2 {
            0 => ev("CHN", "USA", "190", "2024-01-31"),
            _ => ev("USA", "CHN", "172", "2024-01-31"),
        };
        let mut e = e;
        e.date = "2024-01-31".into();
        // Different families so they are four events, not one.
        e.cameo = ["190", "172", "138", "112"][k];
        e.quad = if k < 2 { 4 } else { 3 };
        add(&mut s, e);
    }
    s.finish().expect("finish");

    let f = Filter::default();
    let month = s
        .dyad_series(
            "usa".to_uppercase().as_str(),
            "CHN",
            Direction::Both,
            Bucket::Month,
            &f,
        )
        .expect("series");
    assert_eq!(month.len(), 1);
    assert_eq!(month[0].totals.total, 14);
    assert_eq!(month[0].totals.quad, [10, 0, 2, 2]);
    let days = s
        .dyad_series("USA", "CHN", Direction::Both, Bucket::Day, &f)
        .expect("series");
    assert_eq!(days.len(), 31);
    assert!(days[30].totals.tension > 50.0);
    assert!(days[0].totals.tension < 0.0);
    let fwd = s
        .dyad_series("USA", "CHN", Direction::Forward, Bucket::Month, &f)
        .expect("series");
    assert_eq!(fwd[0].totals.total, 12);

    let top = s.top_dyads(&f, 5).expect("top");
    assert_eq!(
        (top[0].pair.a.as_str(), top[0].pair.b.as_str()),
        ("CHN", "USA")
    );
    assert_eq!(top[1].pair.a, "DEU");

    let before = Filter {
        to: Some(d("2024-01-29")),
        ..f
    };
    let after = Filter {
        from: Some(d("2024-01-30")),
        ..f
    };
    let movers = s.movers(&before, &after, 3, 5).expect("movers");
    assert_eq!(movers[0].pair.b, "USA");
    assert!(movers[0].change > 50.0);

    let alerts = s
        .alerts(&AlertQuery {
            filter: Filter {
                from: Some(d("2024-01-20")),
                ..f
            },
            ..AlertQuery::default()
        })
        .expect("alerts");
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    let a = &alerts[0];
    assert_eq!(a.period, d("2024-01-31"));
    assert!(a.z > 3.0);
    assert_eq!(a.events.len(), 4);
    assert!(a.events[0].sentence.contains("190"), "{:?}", a.events[0]);
    assert_eq!(a.events[0].goldstein, -9.0);
    // The same period, with its z, for one dyad's chart.
    let marks = s
        .alert_periods(
            &a.pair.a,
            &a.pair.b,
            &AlertQuery {
                filter: Filter {
                    from: Some(d("2024-01-20")),
                    ..f
                },
                ..AlertQuery::default()
            },
        )
        .expect("alert periods");
    assert_eq!(marks, [(a.period, a.z)]);

    // --from after --to is an error that says so.
    let bad = Filter {
        from: Some(d("2024-02-01")),
        to: Some(d("2024-01-01")),
        ..f
    };
    assert!(
        s.dyad_series("USA", "CHN", Direction::Both, Bucket::Day, &bad)
            .is_err()
    );
}

/// A deterministic stream of documents with overlapping stories: a few
/// dyads and CAMEO roots, dates within a month, some non-asserted events
/// and some month-precision dates.
fn synthetic_docs(n: usize) -> Vec<(String, Vec<common::Ev>)> {
    const ROOTS: [&str; 4] = ["USA", "CHN", "RUS", "UKR"];
    const CODES: [&str; 5] = ["040", "057", "112", "130", "190"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let evs = (0..1 + next(4))
                .map(|k| {
                    let src = ROOTS[next(4)];
                    let tgt = ROOTS[next(4)];
                    let date = if next(10) == 0 {
                        "2024-03".to_owned()
                    } else {
                        format!("2024-03-{:02}", 1 + next(20))
                    };
                    let e = ev(src, tgt, CODES[next(5)], &date).at(k);
                    if next(8) == 0 {
                        e.fact(Factuality::Future)
                    } else {
                        e
                    }
                })
                .collect();
            (format!("doc{i}"), evs)
        })
        .collect()
}

/// Everything the store derived from the documents: events with their
/// story keys and mention counts, mentions with their events, the aggregate.
fn contents(path: &std::path::Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    let c = rusqlite::Connection::open(path).expect("open");
    let rows = |sql: &str| -> Vec<String> {
        c.prepare(sql)
            .and_then(|mut st| st.query_map([], |r| r.get::<_, String>(0))?.collect())
            .expect(sql)
    };
    (
        rows(
            "SELECT id || ' ' || story || ' ' || src_root || tgt_root || root || ' ' || date \
             || ' ' || factuality || ' ' || first_mention FROM events ORDER BY id",
        ),
        rows("SELECT id || ' ' || event || ' ' || doc FROM mentions ORDER BY id"),
        rows(
            "SELECT src || tgt || day || quad || asserted || ' ' || events || ' ' || mentions \
             || ' ' || round(g_sum, 6) || ' ' || round(g_abs, 6) || ' ' || round(gm_sum, 6) \
             || ' ' || round(gm_abs, 6) FROM dyad_daily ORDER BY 1",
        ),
    )
}

fn ingest_range(
    path: &std::path::Path,
    docs: &[(String, Vec<common::Ev>)],
    opts: faultline_store::Options,
) -> Store {
    let mut s = Store::open_with(path, opts).expect("open");
    for (id, evs) in docs {
        let url = format!("https://x.example/{id}");
        s.ingest(&doc(id, &url, id), &records(evs)).expect("ingest");
    }
    s
}

#[test]
fn bulk_load_equals_incremental_and_survives_interruption() {
    let docs = synthetic_docs(300);
    let dir = tempfile::tempdir().expect("tempdir");
    let small = faultline_store::Options {
        batch_docs: 7,
        ..Default::default()
    };
    // One bulk load into an empty database.
    let bulk = dir.path().join("bulk.db");
    ingest_range(&bulk, &docs, small.clone())
        .finish()
        .expect("finish");
    // The same without bulk loading: every look-up goes through SQLite.
    let plain = dir.path().join("plain.db");
    ingest_range(
        &plain,
        &docs,
        faultline_store::Options {
            bulk_load: false,
            ..small.clone()
        },
    )
    .finish()
    .expect("finish");
    // In three runs: the later ones find stored events through the indexes.
    let runs = dir.path().join("runs.db");
    for part in docs.chunks(100) {
        ingest_range(&runs, part, small.clone())
            .finish()
            .expect("finish");
    }
    // A bulk load that ends without building its indexes (as when killed),
    // then completed by a second run.
    let killed = dir.path().join("killed.db");
    {
        let mut s = ingest_range(&killed, &docs[..150], small.clone());
        s.commit().expect("commit");
        let c = s.connection();
        assert!(
            !faultline_store::schema::missing_indexes(c)
                .expect("indexes")
                .is_empty(),
            "a bulk load defers its indexes"
        );
        let aggregated: i64 = c
            .query_row("SELECT count(*) FROM dyad_daily", [], |r| r.get(0))
            .expect("aggregate");
        assert_eq!(aggregated, 0, "a bulk load builds the aggregate at its end");
        std::mem::forget(s);
    }
    {
        let s = Store::open(&killed).expect("reopen");
        assert!(
            faultline_store::schema::missing_indexes(s.connection())
                .expect("indexes")
                .is_empty(),
            "opening restores the indexes of an interrupted bulk load"
        );
    }
    ingest_range(&killed, &docs[150..], small)
        .finish()
        .expect("finish");

    let expected = contents(&bulk);
    assert!(expected.0.len() > 100 && expected.1.len() > expected.0.len());
    for other in [&plain, &runs, &killed] {
        assert_eq!(contents(other), expected, "{}", other.display());
        let c = rusqlite::Connection::open(other).expect("open");
        assert!(
            faultline_store::schema::missing_indexes(&c)
                .expect("indexes")
                .is_empty()
        );
    }
    let c = rusqlite::Connection::open(&bulk).expect("open");
    assert!(
        faultline_store::schema::missing_indexes(&c)
            .expect("indexes")
            .is_empty()
    );
}

/// Ingests `docs` with one failure injected: a temporary trigger makes the
/// mention of sentence 3 of document "bad" fail, after the document's
/// first event and mention were already written.
fn ingest_with_failure(
    path: &std::path::Path,
    docs: &[(String, Vec<common::Ev>)],
    opts: faultline_store::Options,
) {
    let mut s = Store::open_with(path, opts).expect("open");
    s.connection()
        .execute_batch(
            "CREATE TEMP TRIGGER fail BEFORE INSERT ON mentions WHEN NEW.sentence = 3 \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .expect("trigger");
    for (id, evs) in docs {
        let got = s.ingest(&doc(id, id, id), &records(evs));
        assert_eq!(got.is_err(), id == "bad", "{id}: {got:?}");
    }
    s.finish().expect("finish");
}

#[test]
fn a_failed_document_is_undone_whole_and_the_batch_goes_on() {
    let good = |id: &str, date: &str| {
        (
            id.to_owned(),
            vec![
                ev("USA", "CHN", "040", date),
                ev("CHN", "USA", "112", date).at(1),
            ],
        )
    };
    let bad = (
        "bad".to_owned(),
        vec![
            ev("RUS", "UKR", "190", "2024-05-02"),
            ev("USA", "CHN", "040", "2024-05-02").at(3),
        ],
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let with_bad = [good("a", "2024-05-01"), bad, good("c", "2024-05-02")];
    let clean = [good("a", "2024-05-01"), good("c", "2024-05-02")];
    // In a bulk load (the first document starts one) and in a normal ingest.
    for bulk_load in [true, false] {
        let opts = faultline_store::Options {
            bulk_load,
            ..Default::default()
        };
        let failed = dir.path().join(format!("failed-{bulk_load}.db"));
        ingest_with_failure(&failed, &with_bad, opts.clone());
        let expected = dir.path().join(format!("clean-{bulk_load}.db"));
        ingest_with_failure(&expected, &clean, opts);
        // Nothing of the failed document: no RUS–UKR event, the same rows
        // and ids as without it, the same aggregate.
        let (fe, fm, fa) = contents(&failed);
        assert!(!fe.iter().any(|e| e.contains("RUSUKR")), "{fe:?}");
        assert_eq!((fe, fm, fa), contents(&expected));
        let docs: i64 = rusqlite::Connection::open(&failed)
            .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
            .expect("count");
        assert_eq!(docs, 2);
    }
}

#[test]
fn damage_found_while_ingesting_does_not_claim_the_file_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.db");
    ingest_range(
        &path,
        &synthetic_docs(200),
        faultline_store::Options::default(),
    )
    .finish()
    .expect("finish");
    // Scribble over the root page of the documents' hash index, which every
    // ingest reads first.
    let (root, page_size): (i64, i64) = {
        let c = rusqlite::Connection::open(&path).expect("open");
        let root = c
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' \
                 AND sql LIKE '%hash%'",
                [],
                |r| r.get(0),
            )
            .expect("index root");
        let page_size = c
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .expect("page size");
        (root, page_size)
    };
    assert!(!dir.path().join("f.db-wal").exists());
    let mut data = bytes(&path);
    let at = ((root - 1) * page_size) as usize;
    data[at..at + page_size as usize].fill(0xEE);
    std::fs::write(&path, &data).expect("write");
    let mut s = Store::open(&path).expect("open: the header is sound");
    let e = s
        .ingest(
            &doc("new", "new", "new"),
            &records(&[ev("USA", "CHN", "040", "2024-03-01")]),
        )
        .expect_err("damaged index");
    assert!(matches!(e, StoreError::CorruptWhileWriting { .. }), "{e}");
    let msg = e.to_string();
    assert!(!msg.contains("untouched"), "{msg}");
    assert!(msg.contains("backup"), "{msg}");
}

#[test]
fn read_only_is_one_error_naming_the_wal_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ro").join("f.db");
    let folder = rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error {
            code: rusqlite::ErrorCode::ReadOnly,
            extended_code: rusqlite::ffi::SQLITE_READONLY_DIRECTORY,
        },
        Some("attempt to write a readonly database".into()),
    );
    let e = StoreError::sqlite(&path, folder);
    assert!(
        matches!(e, StoreError::ReadOnly { folder: true, .. }),
        "{e}"
    );
    let msg = e.to_string();
    let shown = path.display().to_string();
    for want in [
        format!("{shown}-wal"),
        format!("{shown}-shm"),
        "is read-only".into(),
        "make the folder writable".into(),
        "--db".into(),
    ] {
        assert!(msg.contains(&want), "{want:?} not in {msg}");
    }
    // Nothing below it repeats SQLite's message.
    assert!(std::error::Error::source(&e).is_none());

    // For real, where permissions bind this user (not root).
    std::fs::create_dir(path.parent().expect("parent")).expect("mkdir");
    ingest_range(
        &path,
        &synthetic_docs(3),
        faultline_store::Options::default(),
    )
    .finish()
    .expect("finish");
    use std::os::unix::fs::PermissionsExt;
    let ro = std::fs::Permissions::from_mode(0o555);
    std::fs::set_permissions(path.parent().expect("parent"), ro).expect("chmod");
    let probe = path.with_file_name("probe");
    if std::fs::write(&probe, "x").is_ok() {
        eprintln!("permissions do not bind this user (root?): the real read-only case is skipped");
    } else {
        let e = Store::open(&path).expect_err("read-only folder");
        assert!(
            matches!(e, StoreError::ReadOnly { folder: true, .. }),
            "{e}"
        );
    }
    let rw = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(path.parent().expect("parent"), rw).expect("chmod");
}

/// What does not depend on the order documents arrive in (see "Story
/// de-duplication" in the crate documentation): the documents, each
/// mention's story key, and the mentions per dyad, quad class and
/// factuality summed over all days.
fn order_free(path: &std::path::Path) -> (i64, Vec<String>, Vec<String>) {
    let c = rusqlite::Connection::open(path).expect("open");
    let rows = |sql: &str| -> Vec<String> {
        c.prepare(sql)
            .and_then(|mut st| st.query_map([], |r| r.get::<_, String>(0))?.collect())
            .expect(sql)
    };
    let docs = c
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .expect("docs");
    (
        docs,
        rows(
            "SELECT d.doc_id || ':' || m.sentence || ' ' || e.src_root || '-' || e.tgt_root || ' ' \
             || e.root || ' ' || e.factuality || ' ' || e.precision \
             FROM mentions m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.doc \
             ORDER BY 1",
        ),
        rows(
            "SELECT src || '-' || tgt || ' ' || quad || ' ' || asserted || ' ' || sum(mentions) \
             FROM dyad_daily GROUP BY src, tgt, quad, asserted ORDER BY 1",
        ),
    )
}

/// A run of documents: id and events.
type Docs<'a> = &'a [(String, Vec<common::Ev>)];

fn ingest_in_order(path: &std::path::Path, batches: &[Docs<'_>]) -> i64 {
    let mut s = Store::open(path).expect("open");
    for batch in batches {
        for (id, evs) in *batch {
            s.ingest(&doc(id, id, id), &records(evs)).expect("ingest");
        }
        s.commit().expect("commit");
    }
    s.finish().expect("finish");
    s.stats().expect("stats").events
}

#[test]
fn ingest_order_changes_only_what_the_first_mention_anchors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = synthetic_docs(240);
    let (a, rest) = docs.split_at(80);
    let (b, c) = rest.split_at(80);
    let orders: [[Docs<'_>; 3]; 6] = [
        [a, b, c],
        [a, c, b],
        [b, a, c],
        [b, c, a],
        [c, a, b],
        [c, b, a],
    ];
    let mut seen = Vec::new();
    for (i, order) in orders.iter().enumerate() {
        let path = dir.path().join(format!("order{i}.db"));
        ingest_in_order(&path, order);
        seen.push(order_free(&path));
    }
    assert_eq!(seen[0].0, 240);
    assert!(seen.iter().all(|x| *x == seen[0]));

    // Stories whose mentions come in groups no wider than the window (2
    // days), with more than the window between groups, give the same
    // events in every order.
    let grouped = |id: &str, day: u32| {
        (
            id.to_owned(),
            vec![ev("USA", "CHN", "040", &format!("2024-06-{day:02}"))],
        )
    };
    let g = [
        grouped("g1", 1),
        grouped("g2", 3),
        grouped("g3", 7),
        grouped("g4", 8),
        grouped("g5", 13),
    ];
    let (g1, g2) = g.split_at(2);
    let (g2, g3) = g2.split_at(2);
    let grouped_orders: [[Docs<'_>; 3]; 3] = [[g1, g2, g3], [g3, g2, g1], [g2, g3, g1]];
    for (i, order) in grouped_orders.iter().enumerate() {
        let path = dir.path().join(format!("grouped{i}.db"));
        assert_eq!(ingest_in_order(&path, order), 3, "order {i}");
    }

    // A chain (days 1, 3, 5: each within the window of the next, the ends
    // not) depends on which mention anchors the event: the documented
    // limit of the rule.
    let chain = [grouped("c1", 1), grouped("c3", 3), grouped("c5", 5)];
    let first_day_first = dir.path().join("chain1.db");
    assert_eq!(ingest_in_order(&first_day_first, &[&chain[..]]), 2);
    let middle_first = dir.path().join("chain2.db");
    let middle = [chain[1].clone(), chain[0].clone(), chain[2].clone()];
    assert_eq!(ingest_in_order(&middle_first, &[&middle[..]]), 1);
    assert_eq!(order_free(&first_day_first), order_free(&middle_first));
}
