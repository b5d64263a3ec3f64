//! Fixture tests: each page in `tests/fixtures/` is extracted and compared
//! with its hand-written `NAME.expected.json` (metadata, first and last
//! paragraph, paragraph count, strings that must not reach the body), and
//! every span of the result is checked by slicing.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::path::{Path, PathBuf};

use faultline_ingest::{Article, Options};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn extract_one(path: &Path) -> Article {
    let mut got = None;
    let _ = faultline_ingest::extract_path(path, &Options::default(), &mut |o| {
        got = Some(o.unwrap_or_else(|e| panic!("{}: {e}", path.display())));
        std::ops::ControlFlow::Continue(())
    });
    got.expect("one document")
}

/// Every span of the article slices `body` on char boundaries, in order.
pub fn assert_spans(a: &Article) {
    let body = &a.body;
    let mut prev_end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        let text = p.slice(body);
        assert!(
            !text.is_empty() && text.trim() == text,
            "paragraph {i} {text:?}"
        );
        assert!(p.start >= prev_end);
        prev_end = p.end;
    }
    assert_eq!(body.split("\n\n").count(), a.paragraphs.len());
    let mut prev_end = 0;
    for s in &a.sentences {
        assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
        let text = &body[s.start..s.end];
        assert!(!text.is_empty() && text.trim() == text, "sentence {text:?}");
        let p = a.paragraphs[s.paragraph];
        assert!(
            p.start <= s.start && s.end <= p.end,
            "sentence outside its paragraph"
        );
        assert!(s.start >= prev_end, "sentences overlap");
        prev_end = s.end;
    }
    for q in &a.quotes {
        assert!(q.start <= q.inner_start && q.inner_start <= q.inner_end && q.inner_end <= q.end);
        assert!(
            body.get(q.start..q.end).is_some() && body.get(q.inner_start..q.inner_end).is_some()
        );
    }
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn fixtures_match_ground_truth() {
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    entries.sort();
    for expected_path in entries {
        let name = expected_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.json", "");
        let input = ["txt", "html"]
            .iter()
            .map(|ext| fixtures().join(format!("{name}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no input for {name}"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let a = extract_one(&input);
        assert_spans(&a);
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{name}: {what}: {detail}"));
            }
        };
        check(
            "title",
            a.title.as_deref() == opt_str(&expected["title"]),
            format!("{:?} != {:?}", a.title, expected["title"]),
        );
        check(
            "kicker",
            a.kicker.as_ref().map(|k| k.raw.as_str()) == opt_str(&expected["kicker"]),
            format!("{:?} != {:?}", a.kicker, expected["kicker"]),
        );
        check(
            "kicker_label",
            a.kicker.as_ref().map(|k| k.label.as_str()) == opt_str(&expected["kicker_label"]),
            format!("{:?} != {:?}", a.kicker, expected["kicker_label"]),
        );
        check(
            "subtitle",
            a.subtitle.as_deref() == opt_str(&expected["subtitle"]),
            format!("{:?} != {:?}", a.subtitle, expected["subtitle"]),
        );
        for key in ["published", "modified"] {
            let got = if key == "published" {
                &a.published
            } else {
                &a.modified
            };
            let got = got.as_ref().map(|s| s.to_rfc3339());
            check(
                key,
                got.as_deref() == opt_str(&expected[key]),
                format!("{got:?} != {:?}", expected[key]),
            );
        }
        if let Some(src) = opt_str(&expected["source"]) {
            check(
                "source",
                a.source == src,
                format!("{:?} != {src:?}", a.source),
            );
        }
        let byline: Vec<&str> = expected["byline"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        check(
            "byline",
            a.byline == byline,
            format!("{:?} != {byline:?}", a.byline),
        );
        let captions: Vec<&str> = expected["captions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        check(
            "captions",
            a.captions == captions,
            format!("{:?} != {captions:?}", a.captions),
        );
        if let Some(want) = expected.get("dateline") {
            let got = serde_json::to_value(&a.dateline).unwrap();
            check("dateline", &got == want, format!("{got} != {want}"));
        }
        for w in expected["warnings_contain"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            check(
                "warnings_contain",
                a.warnings.iter().any(|x| x.contains(w)),
                format!("{w:?} not in {:?}", a.warnings),
            );
        }
        if expected["no_warnings"].as_bool() == Some(true) {
            check(
                "no_warnings",
                a.warnings.is_empty(),
                format!("{:?}", a.warnings),
            );
        }
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| p.slice(&a.body)).collect();
        check(
            "first_paragraph",
            paras.first().copied() == opt_str(&expected["first_paragraph"]),
            format!("{:?}", paras.first()),
        );
        check(
            "last_paragraph",
            paras.last().copied() == opt_str(&expected["last_paragraph"]),
            format!("{:?}", paras.last()),
        );
        check(
            "paragraph_count",
            Some(paras.len() as u64) == expected["paragraph_count"].as_u64(),
            format!("{} != {}", paras.len(), expected["paragraph_count"]),
        );
        for bad in expected["body_must_not_contain"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
        {
            check(
                "body_must_not_contain",
                !a.body.contains(bad),
                bad.to_owned(),
            );
        }
        checked += 1;
    }
    assert!(checked >= 34, "only {checked} fixtures found");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn examples_extract_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut n = 0;
    for entry in faultline_ingest::expand_paths(&[dir]) {
        let path = entry.unwrap();
        assert_ne!(
            path.extension().and_then(|e| e.to_str()),
            Some("md"),
            "walks skip Markdown"
        );
        let _ = faultline_ingest::extract_path(&path, &Options::default(), &mut |o| {
            let a = o.unwrap_or_else(|e| panic!("{e}"));
            assert_spans(&a);
            assert!(a.title.is_some(), "{}: no title", a.origin);
            assert!(a.published.is_some(), "{}: no date", a.origin);
            assert!(!a.body.is_empty());
            n += 1;
            std::ops::ControlFlow::Continue(())
        });
    }
    assert!(n >= 5, "only {n} example documents");
}

#[test]
fn dev_corpus_offsets_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    if !dir.is_dir() {
        eprintln!("note: {} is absent; skipping", dir.display());
        return;
    }
    let mut n = 0;
    for entry in faultline_ingest::expand_paths(&[dir]) {
        let path = entry.unwrap();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let a = extract_one(&path);
        assert_spans(&a);
        assert!(
            a.title.is_some() && a.published.is_some(),
            "{}",
            path.display()
        );
        assert!(
            a.source.starts_with("https://") || a.source.starts_with("http://"),
            "{}",
            a.source
        );
        assert_eq!(a.language, "en");
        n += 1;
    }
    assert!(n >= 12, "only {n} corpus articles");
}
