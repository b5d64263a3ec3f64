//! The display reads (`browse`): paged, filtered event lists with their
//! evidence, document views, and read-only connections beside a writer.

mod common;

use common::{doc, ev, records};
use faultline_coder::Factuality;
use faultline_store::browse::EventQuery;
use faultline_store::{Store, StoreError};

fn query() -> EventQuery {
    EventQuery {
        page: 1,
        per_page: 10,
        ..EventQuery::default()
    }
}

fn filled(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("b.db");
    let mut s = Store::open(&path).expect("open");
    let a = vec![
        ev("KORGOV", "JPNGOV", "040", "2024-05-01"),
        ev("JPNGOV", "KORGOV", "111", "2024-05-03").at(1),
        ev("KORGOV", "PRKMIL", "190", "2024-05-10")
            .at(2)
            .fact(Factuality::Negated),
    ];
    s.ingest(&doc("a", "https://x.example/a", "a"), &records(&a))
        .expect("a");
    let b = vec![
        ev("KORGOV", "JPNGOV", "040", "2024-06"),
        ev("CHNGOV", "USAGOV", "040", "2024-05-02"),
    ];
    s.ingest(&doc("b", "https://x.example/b", "b"), &records(&b))
        .expect("b");
    s.finish().expect("finish");
    path
}

#[test]
fn events_are_filtered_paged_and_carry_their_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open_read_only(&filled(dir.path())).expect("read only");
    let all = s.events(&query()).expect("all");
    assert_eq!(all.events.len(), 5);
    let dates: Vec<&str> = all.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(
        dates,
        [
            "2024-06",
            "2024-05-10",
            "2024-05-03",
            "2024-05-02",
            "2024-05-01"
        ]
    );
    let e = &all.events[4];
    assert_eq!(e.sentence, "KORGOV did 040 to JPNGOV on 2024-05-01.");
    let span = e.trigger_span.expect("trigger found");
    assert_eq!(&e.sentence[span.start..span.end], "did");
    let kor_jpn = s
        .events(&EventQuery {
            dyad: Some(("JPN".into(), "KOR".into())),
            from: "2024-05-01".parse().ok(),
            to: "2024-05-31".parse().ok(),
            ..query()
        })
        .expect("dyad");
    let codes: Vec<&str> = kor_jpn.events.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(
        codes,
        ["111", "040"],
        "the month-precise 2024-06 event is out of range"
    );
    let negated = s
        .events(&EventQuery {
            actor: Some("PRKMIL".into()),
            factuality: Some(1),
            ..query()
        })
        .expect("negated");
    assert_eq!(negated.events.len(), 1);
    assert_eq!(negated.events[0].factuality, "negated");
    let roots = s
        .events(&EventQuery {
            root: Some("04".into()),
            ..query()
        })
        .expect("root");
    assert_eq!(roots.events.len(), 3);
    let p1 = s
        .events(&EventQuery {
            per_page: 2,
            ..query()
        })
        .expect("p1");
    let p3 = s
        .events(&EventQuery {
            per_page: 2,
            page: 3,
            ..query()
        })
        .expect("p3");
    assert!(p1.has_more && !p3.has_more);
    assert_eq!((p1.events.len(), p3.events.len()), (2, 1));
    assert!(matches!(
        s.events(&EventQuery { page: 0, ..query() }),
        Err(StoreError::Query(_))
    ));
}

#[test]
fn a_document_shows_its_sentences_and_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open_read_only(&filled(dir.path())).expect("read only");
    let d = s.document(1).expect("doc").expect("found");
    assert_eq!(
        (d.doc_id.as_str(), d.url.as_str()),
        ("a", "https://x.example/a")
    );
    assert_eq!(d.sentences.len(), 3);
    let cameos: Vec<&str> = d.events.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(cameos, ["040", "111", "190"]);
    assert!(d.events.iter().all(|e| e.document == 1));
    assert_eq!(s.document(99).expect("none"), None);
}

#[test]
fn read_only_connections_read_beside_a_writer_and_never_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = filled(dir.path());
    let reader = Store::open_read_only(&path).expect("reader");
    let mut writer = Store::open(&path).expect("writer");
    // An open, uncommitted batch holds the write lock.
    let more = vec![ev("FRAGOV", "DEUGOV", "040", "2024-05-04")];
    writer
        .ingest(&doc("c", "https://x.example/c", "c"), &records(&more))
        .expect("c");
    assert_eq!(reader.events(&query()).expect("read").events.len(), 5);
    writer.commit().expect("commit");
    assert_eq!(reader.events(&query()).expect("read").events.len(), 6);
    assert!(
        reader
            .connection()
            .execute_batch("DELETE FROM events")
            .is_err()
    );
    assert!(matches!(
        Store::open_read_only(&dir.path().join("none.db")),
        Err(StoreError::Missing { .. })
    ));
    assert!(!dir.path().join("none.db").exists());
}

#[test]
fn events_are_found_by_the_words_of_their_sentences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open_read_only(&filled(dir.path())).expect("read only");
    let found = |text: &str| -> Vec<String> {
        s.events(&EventQuery {
            text: Some(text.into()),
            ..query()
        })
        .expect("search")
        .events
        .into_iter()
        .map(|e| e.cameo)
        .collect()
    };
    assert_eq!(found("prkmil"), ["190"]);
    assert_eq!(found("did 111"), ["111"]);
    assert_eq!(
        found("\"did (111*"),
        ["111"],
        "quotes and brackets are not syntax"
    );
    assert!(found("nowhere").is_empty());
    assert_eq!(found("  ").len(), 5, "no word, no filter");
    let both = s
        .events(&EventQuery {
            text: Some("KORGOV".into()),
            root: Some("19".into()),
            ..query()
        })
        .expect("search and filter");
    assert_eq!(both.events.len(), 1);
    let many = "w ".repeat(20);
    assert!(matches!(
        s.events(&EventQuery {
            text: Some(many),
            ..query()
        }),
        Err(StoreError::Query(_))
    ));
}
