//! Property tests: the readers never panic on any input, and whatever they
//! return keeps the span invariants (every span slices `body` on char
//! boundaries, sentences inside their paragraph).

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::path::Path;

use faultline_ingest::{Article, Format, extract_bytes};
use proptest::prelude::*;

fn check(a: &Article) {
    let body = &a.body;
    for p in &a.paragraphs {
        assert!(body.get(p.start..p.end).is_some_and(|t| !t.is_empty()));
    }
    for s in &a.sentences {
        let p = a.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.start < s.end && s.end <= p.end);
        assert!(body.get(s.start..s.end).is_some());
    }
    for q in &a.quotes {
        assert!(
            body.get(q.start..q.end).is_some() && body.get(q.inner_start..q.inner_end).is_some()
        );
    }
    assert!(!body.contains("\n\n\n"));
}

fn run(bytes: &[u8], format: Format, name: &str) {
    if let Ok(a) = extract_bytes(Path::new(name), bytes, format) {
        check(&a);
    }
}

/// Lines that look like the parts of a news page, to reach deep code paths.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("[Analysis]".to_owned()),
        Just("Posted on : 2014-10-09 13:55 KST Modified on : 2019-10-19 20:29 KST".to_owned()),
        Just("By Kim Oi-hyun, staff reporter".to_owned()),
        Just("Ministers meet in Seoul on Oct. 7. (Yonhap News)".to_owned()),
        Just("Related stories".to_owned()),
        Just("기사공유하기".to_owned()),
        Just("Advertisement".to_owned()),
        Just("---".to_owned()),
        Just("title: Talks resume".to_owned()),
        Just("\"We will respond,\" said Dr. Lee of the U.S. Army. \"It is".to_owned()),
        Just("<p>Broken <b>html".to_owned()),
        Just("{\"text\": \"A record.\"}".to_owned()),
        "[A-Za-z .,\"'?!]{0,80}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        run(&bytes, Format::Text, "a.txt");
        run(&bytes, Format::Html, "a.html");
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        run(text.as_bytes(), Format::Text, "a.txt");
        run(text.as_bytes(), Format::Html, "a.html");
        let _ = faultline_ingest::jsonl::extract_record(Path::new("a.jsonl"), "a", 1, &text);
    }

    #[test]
    fn page_like_text_keeps_invariants(lines in proptest::collection::vec(page_line(), 0..40)) {
        let text = lines.join("\n");
        run(text.as_bytes(), Format::Text, "a.txt");
        let html = format!("<html><body><article>{}</article></body></html>", lines.iter().map(|l| format!("<p>{l}</p>")).collect::<String>());
        run(html.as_bytes(), Format::Html, "a.html");
        let record = serde_json::json!({"id": "x", "text": text}).to_string();
        if let Ok(a) = faultline_ingest::jsonl::extract_record(Path::new("a.jsonl"), "a", 1, &record) {
            check(&a);
        }
    }
}
