//! Round trips of every export format: what is written reads back equal to
//! what the store holds.

mod common;

use common::{doc, ev, records};
use faultline_coder::Factuality;
use faultline_store::export::{self, ExportRow, Format, PloverRecord};
use faultline_store::query::Filter;
use faultline_store::{DocRecord, Store};

fn store(dir: &std::path::Path) -> Store {
    let mut s = Store::open(&dir.join("f.db")).expect("open");
    let mut a = ev("USA", "CHN", "040", "2024-01-02");
    a.text = "Washington and \"Beijing\", met;\ttwice,\nsaid officials — ünïcode.".into();
    let b = ev("CHN", "USA", "112", "2024-01-03").at(2);
    let c = ev("USA", "", "010", "2024-01").at(3);
    let h = ev("RUS", "UKR", "190", "2024-01-04").fact(Factuality::Hypothetical);
    let evs = vec![a.clone(), b, c, h];
    s.ingest(
        &DocRecord {
            publisher: "Wire",
            ..doc("d1", "https://www.wire.example/d1", "one")
        },
        &records(&evs),
    )
    .expect("ingest");
    s.ingest(
        &doc("d2", "https://other.example/d2", "two"),
        &records(&[a.clone()]),
    )
    .expect("ingest");
    s.ingest(
        &doc("d3", "https://other.example/d3", "three"),
        &records(&[a]),
    )
    .expect("ingest");
    s.finish().expect("finish");
    s
}

fn rows(s: &Store, f: &Filter) -> Vec<ExportRow> {
    let mut v = Vec::new();
    s.for_each_row(f, |r| {
        v.push(r);
        Ok(())
    })
    .expect("rows");
    v
}

fn all() -> Filter {
    Filter {
        all_factuality: true,
        ..Filter::default()
    }
}

#[test]
fn rows_carry_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store(dir.path());
    let r = rows(&s, &all());
    assert_eq!(r.len(), 4);
    assert_eq!((r[0].mentions, r[0].articles, r[0].sources), (3, 3, 2));
    assert!(r[0].is_root);
    assert!(!r[1].is_root);
    assert_eq!(r[3].factuality, "hypothetical");
    assert_eq!(r[3].plover_context, "hypothetical");
    // Asserted only by default.
    assert_eq!(rows(&s, &Filter::default()).len(), 3);
}

#[test]
fn csv_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store(dir.path());
    let mut buf = Vec::new();
    let n = s
        .export(Format::Csv, &all(), false, &mut buf)
        .expect("export");
    assert_eq!(n, 4);
    let text = String::from_utf8(buf.clone()).expect("utf-8");
    assert!(text.starts_with(&export::CSV_COLUMNS.join(",")));
    assert_eq!(export::read_csv(&buf[..]).expect("read"), rows(&s, &all()));
}

#[test]
fn parquet_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store(dir.path());
    let path = dir.path().join("events.parquet");
    let file = std::fs::File::create(&path).expect("create");
    let n = s
        .export(Format::Parquet, &all(), false, file)
        .expect("export");
    assert_eq!(n, 4);
    assert_eq!(&std::fs::read(&path).expect("read")[..4], b"PAR1");
    assert_eq!(export::read_parquet(&path).expect("read"), rows(&s, &all()));
}

/// An event without a target has null target columns in Parquet (and empty
/// strings in CSV and when read back).
#[test]
fn parquet_missing_target_is_null() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(&dir.path().join("n.db")).expect("open");
    let evs = [
        ev("USA", "", "010", "2024-01-02"),
        ev("USA", "CHN", "042", "2024-01-02").at(1),
    ];
    s.ingest(&doc("d", "https://x.example/d", "body"), &records(&evs))
        .expect("ingest");
    s.finish().expect("finish");
    let path = dir.path().join("n.parquet");
    let file = std::fs::File::create(&path).expect("create");
    s.export(Format::Parquet, &all(), false, file)
        .expect("export");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&path).expect("open"),
    )
    .and_then(|b| b.build())
    .expect("reader");
    let mut nulls = Vec::new();
    for batch in reader {
        let batch = batch.expect("batch");
        for name in ["target_code", "target_root", "target_name", "source_root"] {
            let col = batch.column_by_name(name).expect(name);
            nulls.push((name, col.null_count()));
        }
    }
    assert_eq!(
        nulls,
        [
            ("target_code", 1),
            ("target_root", 1),
            ("target_name", 1),
            ("source_root", 0)
        ]
    );
    let back = export::read_parquet(&path).expect("read");
    assert_eq!(back[0].target_root, "");
    assert_eq!(back[1].target_root, "CHN");
}

#[test]
fn plover_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store(dir.path());
    let mut buf = Vec::new();
    s.export(Format::Plover, &all(), false, &mut buf)
        .expect("export");
    let back = export::read_plover(&buf[..]).expect("read");
    let expected: Vec<PloverRecord> = rows(&s, &all())
        .iter()
        .filter_map(PloverRecord::from_row)
        .collect();
    assert_eq!(back, expected);
    assert_eq!(
        back.len(),
        3,
        "CAMEO 010 has no PLOVER type and is left out"
    );
    assert_eq!(back[0].event, "CONSULT");
    assert_eq!(back[2].context, ["hypothetical"]);
    let first: serde_json::Value =
        serde_json::from_slice(buf.split(|&b| b == b'\n').next().expect("line")).expect("json");
    for key in [
        "id",
        "date",
        "event",
        "mode",
        "context",
        "source",
        "source_actor",
        "target",
        "target_actor",
        "text",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn gdelt_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store(dir.path());
    for header in [false, true] {
        let mut buf = Vec::new();
        s.export(Format::Gdelt, &all(), header, &mut buf)
            .expect("export");
        let text = String::from_utf8(buf.clone()).expect("utf-8");
        assert_eq!(
            text.lines()
                .next()
                .is_some_and(|l| l.starts_with("GLOBALEVENTID")),
            header
        );
        assert!(text.lines().all(|l| l.split('\t').count() == 61));
        let back = export::read_gdelt(&buf[..]).expect("read");
        let want = rows(&s, &all());
        assert_eq!(back.len(), want.len());
        for (g, r) in back.iter().zip(&want) {
            assert_eq!(g.id, r.event_id);
            assert_eq!(g.actor1.0, r.source_code);
            assert_eq!(g.actor1.2, r.source_root);
            assert_eq!(g.actor2.0, r.target_code);
            assert_eq!(g.actor1.1, r.source_name.to_uppercase());
            assert_eq!(g.codes.0, r.cameo);
            assert_eq!(g.codes.2, r.root);
            assert_eq!(g.quad, r.quad_class);
            assert_eq!(g.goldstein, r.goldstein);
            assert_eq!(g.counts, (r.mentions, r.sources, r.articles));
            assert_eq!(g.is_root, r.is_root);
            assert_eq!(g.added, r.added);
            assert_eq!(g.url, r.url);
            assert_eq!(
                g.sqldate,
                r.date.replace('-', "") + if r.date.len() == 7 { "01" } else { "" }
            );
        }
    }
}
