//! Schema compatibility: every earlier schema version has a committed
//! database under `tests/fixtures/` that must open, migrate and keep its data.
//!
//! The fixtures were made by `make_v1_fixture` below, with the version 1
//! schema and SQL as version 1 wrote it, by `make_v2_fixture`, which
//! migrates that database to version 2 only, and by `make_v4_fixture`
//! (version 2 migrated to 4, the last version before full-text search). Regenerate only when adding a
//! version (never rewrite an old one):
//! `FAULTLINE_WRITE_FIXTURES=1 cargo test -p faultline-store --test compat make_vN_fixture -- --ignored`.

mod common;

use std::path::{Path, PathBuf};

use common::{doc, ev, records};
use faultline_store::query::{Bucket, Count, Direction, Filter};
use faultline_store::{IngestOutcome, Store, schema};
use rusqlite::params;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Writes `tests/fixtures/v1.db`: three documents, four events, six
/// mentions, in the version 1 schema.
#[test]
#[ignore = "writes the committed fixture; run by hand"]
fn make_v1_fixture() {
    if std::env::var_os("FAULTLINE_WRITE_FIXTURES").is_none() {
        return;
    }
    let path = fixture("v1.db");
    let _ = std::fs::remove_file(&path);
    let mut c = rusqlite::Connection::open(&path).expect("create");
    schema::migrate(&mut c, 0, 1).expect("v1 schema");
    c.execute_batch("INSERT INTO meta VALUES ('dedup_window_days', '2')")
        .expect("meta");
    let docs = [
        (
            1,
            "a1",
            "https://www.wire.example/a1",
            "https://www.wire.example/a1",
        ),
        (
            2,
            "a2",
            "https://news.example.org/a2",
            "https://news.example.org/a2",
        ),
        (3, "local", "local@corpus/local.txt", "corpus/local.txt"),
    ];
    for (id, doc_id, key, url) in docs {
        c.execute(
            "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, 'T', '2023-06-01', ?5, 1, 2, '20230601120000')",
            params![id, doc_id, key, url, vec![id as u8; 32]],
        )
        .expect("doc");
    }
    for (doc, idx, text) in [
        (
            1,
            0,
            "Country A's foreign minister met his counterpart from B on Thursday.",
        ),
        (1, 2, "A accused B of moving troops."),
        (2, 0, "The ministers of A and B held talks on Thursday."),
        (3, 0, "A accused B again."),
    ] {
        c.execute(
            "INSERT INTO sentences VALUES (?1, ?2, 0, ?3, ?4)",
            params![doc, idx, text.len() as i64, text],
        )
        .expect("sentence");
    }
    // event id, src, tgt, cameo, root, quad, g, plover, fact, date, day, prec, mentions, first mention
    let day = 19509; // 2023-06-01
    let events = [
        (
            1,
            "USA",
            "CHN",
            "040",
            "04",
            1,
            1.0,
            "CONSULT",
            0,
            "2023-06-01",
            day,
            0,
            2,
            1,
        ),
        (
            2,
            "USA",
            "CHN",
            "112",
            "11",
            3,
            -2.0,
            "ACCUSE",
            0,
            "2023-06-01",
            day,
            0,
            2,
            2,
        ),
        (
            3,
            "CHN",
            "USA",
            "040",
            "04",
            1,
            1.0,
            "CONSULT",
            0,
            "2023-06-01",
            day,
            0,
            1,
            4,
        ),
        (
            4, "USA", "CHN", "112", "11", 3, -2.0, "ACCUSE", 1, "2023-05", 19478, 1, 1, 6,
        ),
    ];
    for e in events {
        c.execute(
            "INSERT INTO events VALUES (?1, ?15, ?2, ?3, ?2, ?3, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?10, ?11, ?12, ?13, ?14)",
            params![e.0, e.1, e.2, e.3, e.4, e.5, e.6, e.7, e.8, e.9, e.10, e.11, e.12, e.13, schema::dyad_key(e.1, e.2)],
        )
        .expect("event");
    }
    // mention id, event, doc, sentence
    for m in [
        (1, 1, 1, 0),
        (2, 2, 1, 2),
        (3, 1, 2, 0),
        (4, 3, 2, 0),
        (5, 2, 3, 0),
        (6, 4, 3, 0),
    ] {
        c.execute(
            "INSERT INTO mentions VALUES (?2, ?1, ?3, ?4, 'x', '040', 'A', 'B', 'met', '2023-06-01', 'article', 0, NULL, 'r', 0.5)",
            params![m.0, m.1, m.2, m.3],
        )
        .expect("mention");
    }
    for (src, tgt, quad, events, mentions, g, ga) in [
        ("USA", "CHN", 1, 1, 2, 1.0, 1.0),
        ("USA", "CHN", 3, 1, 2, -2.0, 2.0),
        ("CHN", "USA", 1, 1, 1, 1.0, 1.0),
    ] {
        c.execute(
            "INSERT INTO dyad_daily VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8)",
            params![src, tgt, day, quad, events, mentions, g, ga],
        )
        .expect("aggregate");
    }
    c.close().expect("close");
}

/// Writes `tests/fixtures/v2.db`: the version 1 fixture migrated to version 2.
#[test]
#[ignore = "writes the committed fixture; run by hand"]
fn make_v2_fixture() {
    if std::env::var_os("FAULTLINE_WRITE_FIXTURES").is_none() {
        return;
    }
    let path = fixture("v2.db");
    let _ = std::fs::remove_file(&path);
    std::fs::copy(fixture("v1.db"), &path).expect("copy v1");
    let mut c = rusqlite::Connection::open(&path).expect("open");
    schema::migrate(&mut c, 1, 2).expect("v2 schema");
    c.close().expect("close");
}

/// Writes `tests/fixtures/v4.db`: the version 2 fixture migrated to version 4.
#[test]
#[ignore = "writes the committed fixture; run by hand"]
fn make_v4_fixture() {
    if std::env::var_os("FAULTLINE_WRITE_FIXTURES").is_none() {
        return;
    }
    let path = fixture("v4.db");
    let _ = std::fs::remove_file(&path);
    std::fs::copy(fixture("v2.db"), &path).expect("copy v2");
    let mut c = rusqlite::Connection::open(&path).expect("open");
    schema::migrate(&mut c, 2, 4).expect("v4 schema");
    c.execute_batch("VACUUM").expect("vacuum");
    c.close().expect("close");
}

#[test]
fn opens_and_migrates_v4() {
    opens_and_migrates("v4.db", 4);
}

#[test]
fn opens_and_migrates_v1() {
    opens_and_migrates("v1.db", 1);
}

#[test]
fn opens_and_migrates_v2() {
    opens_and_migrates("v2.db", 2);
}

/// Opens a copy of the committed fixture `name` (at schema `version`),
/// which must migrate to the current version and keep its data working.
fn opens_and_migrates(name: &str, version: i64) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).expect("copy fixture");
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, version, "the fixture must stay at version {version}");
    }
    let mut s = Store::open(&path).expect("open old database");
    assert_eq!(s.version().expect("version"), schema::CURRENT_VERSION);
    let st = s.stats().expect("stats");
    assert_eq!((st.documents, st.events, st.mentions), (3, 4, 6));
    // v2 back-fills: outlets from URLs, mention-weighted Goldstein sums.
    let outlets: Vec<String> = s
        .connection()
        .prepare("SELECT outlet FROM documents ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("outlets");
    assert_eq!(outlets, ["wire.example", "news.example.org", ""]);
    let f = Filter {
        count: Count::Mentions,
        ..Filter::default()
    };
    let series = s
        .dyad_series("USA", "CHN", Direction::Forward, Bucket::Day, &f)
        .expect("series");
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].totals.total, 4);
    assert_eq!(series[0].totals.goldstein_sum, 2.0 * 1.0 + 2.0 * -2.0);
    // v3 back-fills the story keys and keeps the mentions, now in id order.
    let stories: Vec<(i64, i64)> = s
        .connection()
        .prepare("SELECT story, src_root, tgt_root, root, factuality, precision FROM events")
        .and_then(|mut st| {
            st.query_map([], |r| {
                let (src, tgt, root): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
                Ok((
                    r.get(0)?,
                    schema::story_key(&src, &tgt, &root, r.get(4)?, r.get(5)?),
                ))
            })?
            .collect()
        })
        .expect("stories");
    assert_eq!(stories.len(), 4);
    for (stored, computed) in stories {
        assert_eq!(stored, computed);
    }
    let per_event: Vec<(i64, i64)> = s
        .connection()
        .prepare("SELECT event, count(*) FROM mentions GROUP BY event ORDER BY event")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("mentions per event");
    assert_eq!(per_event, [(1, 2), (2, 2), (3, 1), (4, 1)]);
    // v5 indexes the stored sentences for full-text search.
    let accused = s
        .events(&faultline_store::browse::EventQuery {
            text: Some("accuses".into()),
            page: 1,
            per_page: 10,
            ..Default::default()
        })
        .expect("search");
    assert_eq!(accused.events.len(), 2, "stemmed: accuses finds accused");
    // New documents de-duplicate against the old events.
    let out = s
        .ingest(
            &doc("new", "https://n.example/x", "new body"),
            &records(&[ev("USA", "CHN", "111", "2023-06-02")]),
        )
        .expect("ingest");
    assert_eq!(
        out,
        IngestOutcome::Added {
            events: 0,
            merged: 1
        }
    );
    s.commit().expect("commit");
    let m: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM mentions WHERE event = 2", [], |r| {
            r.get(0)
        })
        .expect("mentions");
    assert_eq!(m, 3);
    // Old rows export.
    let mut n = 0;
    s.for_each_row(
        &Filter {
            all_factuality: true,
            ..Filter::default()
        },
        |_| {
            n += 1;
            Ok(())
        },
    )
    .expect("export");
    assert_eq!(n, 4);
    drop(s);
    // Reopening a migrated database is a no-op.
    let s = Store::open(&path).expect("reopen");
    assert_eq!(s.stats().expect("stats").events, 4);
}

/// A version 3 database stored every international organisation under the
/// root `IGO`, so the UN's and the EU's sanctions on Iran were one story.
/// Opening it re-keys the events from their codes (roots, dyad and story
/// keys) and rebuilds the aggregate; later mentions join the right event.
#[test]
fn migrates_v3_organisation_roots() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v3.db");
    let evs = [
        ev("IGOUNO", "IRN", "163", "2024-05-07"),
        ev("IGOEEU", "IRN", "163", "2024-05-07").at(1),
        ev("USA", "NGOMSF", "042", "2024-05-07").at(2),
        ev("USA", "CHN", "111", "2024-05-07").at(3),
    ];
    {
        let mut s = Store::open(&path).expect("create");
        s.ingest(
            &doc("a", "https://a.example/1", "first body"),
            &records(&evs),
        )
        .expect("ingest");
        s.finish().expect("finish");
    }
    // Write the database back as version 3 wrote it: bare type roots.
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        let rows: Vec<(i64, String, String, String, i64, i64)> = c
            .prepare("SELECT id, src_root, tgt_root, root, factuality, precision FROM events")
            .and_then(|mut st| st.query_map([], |r| r.try_into())?.collect())
            .expect("events");
        for (id, src, tgt, root, fact, prec) in rows {
            let old = |r: &str| {
                if r.len() > 3 {
                    r[..3].to_owned()
                } else {
                    r.to_owned()
                }
            };
            let (src, tgt) = (old(&src), old(&tgt));
            c.execute(
                "UPDATE events SET src_root = ?2, tgt_root = ?3, dyad = ?4, story = ?5 WHERE id = ?1",
                params![
                    id,
                    src,
                    tgt,
                    schema::dyad_key(&src, &tgt),
                    schema::story_key(&src, &tgt, &root, fact, prec)
                ],
            )
            .expect("downgrade");
        }
        schema::rebuild_aggregate(&c).expect("aggregate");
        // Version 5's search index and mention index did not exist yet.
        c.execute_batch(
            "DROP TRIGGER sentences_fts_insert; DROP TRIGGER sentences_fts_delete; \
             DROP TABLE sentences_fts; DROP INDEX mentions_doc; DROP INDEX dyad_daily_day; \
             DROP TABLE quotes; ALTER TABLE documents DROP COLUMN body; PRAGMA user_version = 3",
        )
        .expect("version");
        let igo: i64 = c
            .query_row(
                "SELECT count(*) FROM dyad_daily WHERE src = 'IGO'",
                [],
                |r| r.get(0),
            )
            .expect("old aggregate");
        assert_eq!(igo, 1, "version 3 aggregated both IGOs as one actor");
    }
    let mut s = Store::open(&path).expect("migrate");
    assert_eq!(s.version().expect("version"), schema::CURRENT_VERSION);
    let roots: Vec<(String, String, i64, i64, String)> = s
        .connection()
        .prepare("SELECT src_root, tgt_root, story, dyad, root FROM events ORDER BY id")
        .and_then(|mut st| {
            st.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect()
        })
        .expect("roots");
    let names: Vec<(&str, &str)> = roots.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    assert_eq!(
        names,
        [
            ("IGOUNO", "IRN"),
            ("IGOEEU", "IRN"),
            ("USA", "NGOMSF"),
            ("USA", "CHN")
        ]
    );
    for (src, tgt, story, dyad, root) in &roots {
        assert_eq!(*story, schema::story_key(src, tgt, root, 0, 0));
        assert_eq!(*dyad, schema::dyad_key(src, tgt));
    }
    let stale: i64 = s
        .connection()
        .query_row(
            "SELECT count(*) FROM dyad_daily WHERE src IN ('IGO', 'NGO') OR tgt IN ('IGO', 'NGO')",
            [],
            |r| r.get(0),
        )
        .expect("aggregate");
    assert_eq!(stale, 0, "the aggregate is rebuilt with the new roots");
    let series = s
        .dyad_series(
            "IGOUNO",
            "IRN",
            Direction::Forward,
            Bucket::Day,
            &Filter::default(),
        )
        .expect("series");
    assert_eq!(series.iter().map(|p| p.totals.total).sum::<i64>(), 1);
    // A new report of the UN's sanctions joins the UN's event, not the EU's.
    let later = [ev("IGOUNO", "IRN", "163", "2024-05-08")];
    let later = records(&later);
    let out = s.ingest(&doc("b", "https://b.example/2", "second body"), &later);
    s.finish().expect("finish");
    let joined: String = s
        .connection()
        .query_row(
            "SELECT e.src_root FROM mentions m JOIN events e ON e.id = m.event \
             ORDER BY m.id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("joined");
    assert_eq!(
        (out.ok(), joined.as_str()),
        (
            Some(IngestOutcome::Added {
                events: 0,
                merged: 1
            }),
            "IGOUNO"
        )
    );
}
