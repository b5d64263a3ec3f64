//! Development-corpus checks: every invariant holds on real news bodies from
//! `shared/corpus/dev`, and our sentence boundaries agree with `sentencex`
//! (the reference crate) on the large majority of sentences. Skips with a
//! note when the corpus folder is absent.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev")
}

/// The bodies of the corpus files: the text after the `---` header line.
fn bodies() -> Option<Vec<(String, String)>> {
    let dir = corpus_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note: {} not found; skipping corpus checks", dir.display());
        return None;
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let body = match text.find("\n---\n") {
            Some(i) => text[i + 5..].to_owned(),
            None => text,
        };
        out.push((path.display().to_string(), body));
    }
    out.sort();
    Some(out)
}

/// Sentence texts reported by `sentencex`, trimmed, per paragraph.
fn sentencex_sentences(body: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for p in faultline_text::paragraphs(body) {
        for b in sentencex::get_sentence_boundaries("en", p.slice(body)) {
            let t = b.text.trim();
            if !t.is_empty() {
                set.insert(t.to_owned());
            }
        }
    }
    set
}

#[test]
fn corpus_invariants_and_agreement() {
    let Some(bodies) = bodies() else { return };
    let (mut ours_total, mut agree) = (0usize, 0usize);
    for (name, body) in &bodies {
        let layer = common::check_all(body);
        assert!(!layer.sentences.is_empty(), "{name}: no sentences");
        let reference = sentencex_sentences(body);
        for s in &layer.sentences {
            ours_total += 1;
            let t = s.span.slice(body);
            if reference.contains(t) {
                agree += 1;
            } else if std::env::var_os("FAULTLINE_SHOW_DIFF").is_some() {
                println!("{name}: {t:?}");
            }
        }
    }
    let rate = agree as f64 / ours_total.max(1) as f64;
    println!("corpus: {} files, {ours_total} sentences, {:.1}% identical to sentencex", bodies.len(), rate * 100.0);
    assert!(ours_total > 0);
    assert!(rate > 0.9, "agreement with sentencex fell to {rate:.3}");
}

/// The brief's cases: both segmenters must give these exact sentences.
#[test]
fn brief_cases_match_sentencex() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5. They talked.",
            &["Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5.", "They talked."],
        ),
        (
            "He said, \"We will respond.\" Then he left.",
            &["He said, \"We will respond.\"", "Then he left."],
        ),
        ("\"We will respond,\" he said.", &["\"We will respond,\" he said."]),
        ("\"Will they come?\" she asked.", &["\"Will they come?\" she asked."]),
        (
            "The delegation moved to the U.S. The talks resumed on Oct. 3.",
            &["The delegation moved to the U.S.", "The talks resumed on Oct. 3."],
        ),
        (
            "It grew 3.5 percent to $1.2 billion. Officials said so.",
            &["It grew 3.5 percent to $1.2 billion.", "Officials said so."],
        ),
        (
            "John F. Kennedy and G. W. Bush were presidents. Others too.",
            &["John F. Kennedy and G. W. Bush were presidents.", "Others too."],
        ),
    ];
    for (body, want) in cases {
        let ours: Vec<&str> = faultline_text::sentences(body)
            .iter()
            .map(|s| s.span.slice(body))
            .collect();
        assert_eq!(&ours, want, "faultline-text on {body:?}");
        let theirs: Vec<&str> = sentencex::get_sentence_boundaries("en", body)
            .iter()
            .map(|b| b.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(&theirs, want, "sentencex on {body:?}");
    }
}
