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

/// Sentence end offsets (into `body`) reported by `sentencex`, run per
/// paragraph, with trailing whitespace trimmed.
fn sentencex_ends(body: &str) -> BTreeSet<usize> {
    let mut set = BTreeSet::new();
    for p in faultline_text::paragraphs(body) {
        for b in sentencex::get_sentence_boundaries("en", p.slice(body)) {
            let t = b.text.trim_end();
            if !t.trim_start().is_empty() {
                set.insert(p.start + b.start_byte + t.len());
            }
        }
    }
    set
}

/// Boundary-level comparison with `sentencex`. By design we also split
/// between sentences *inside* a quotation (sentencex keeps a quoted passage
/// whole), so our extra boundaries inside quotations are not counted as
/// disagreements.
#[test]
fn corpus_invariants_and_agreement() {
    let Some(bodies) = bodies() else { return };
    let show = std::env::var_os("FAULTLINE_SHOW_DIFF").is_some();
    let (mut theirs_total, mut found, mut extra_outside, mut ours_total) = (0, 0, 0, 0);
    for (name, body) in &bodies {
        let layer = common::check_all(body);
        assert!(!layer.sentences.is_empty(), "{name}: no sentences");
        let ours: BTreeSet<usize> = layer.sentences.iter().map(|s| s.span.end).collect();
        let theirs = sentencex_ends(body);
        theirs_total += theirs.len();
        ours_total += ours.len();
        for &e in &theirs {
            if ours.contains(&e) {
                found += 1;
            } else if show {
                println!("{name}: missed boundary at …{:?}", tail(body, e));
            }
        }
        for &e in ours.difference(&theirs) {
            let in_quote = layer
                .quotes
                .iter()
                .any(|q| q.inner.start < e && e < q.inner.end);
            if !in_quote {
                extra_outside += 1;
                if show {
                    println!("{name}: extra boundary at …{:?}", tail(body, e));
                }
            }
        }
    }
    let recall = found as f64 / theirs_total.max(1) as f64;
    let extra = extra_outside as f64 / ours_total.max(1) as f64;
    println!(
        "corpus: {} files; sentencex boundaries {theirs_total}, ours {ours_total}; \
         {:.1}% of sentencex boundaries found; {:.1}% of ours are extra outside quotations",
        bodies.len(),
        recall * 100.0,
        extra * 100.0
    );
    assert!(theirs_total > 0);
    assert!(
        recall > 0.9,
        "recall of sentencex boundaries fell to {recall:.3}"
    );
    assert!(extra < 0.1, "extra boundaries rose to {extra:.3}");
}

fn tail(body: &str, e: usize) -> String {
    let s: String = body[..e]
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let n: String = body[e..].chars().take(30).collect();
    format!("{s}|{n}")
}

/// The brief's cases: both segmenters must give these exact sentences.
#[test]
fn brief_cases_match_sentencex() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5. They talked.",
            &[
                "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5.",
                "They talked.",
            ],
        ),
        (
            "He said, \"We will respond.\" Then he left.",
            &["He said, \"We will respond.\"", "Then he left."],
        ),
        (
            "\"We will respond,\" he said.",
            &["\"We will respond,\" he said."],
        ),
        (
            "\"Will they come?\" she asked.",
            &["\"Will they come?\" she asked."],
        ),
        (
            "The delegation moved to the U.S. The talks resumed on Oct. 3.",
            &[
                "The delegation moved to the U.S.",
                "The talks resumed on Oct. 3.",
            ],
        ),
        (
            "It grew 3.5 percent to $1.2 billion. Officials said so.",
            &["It grew 3.5 percent to $1.2 billion.", "Officials said so."],
        ),
        (
            "John F. Kennedy and G. W. Bush were presidents. Others too.",
            &[
                "John F. Kennedy and G. W. Bush were presidents.",
                "Others too.",
            ],
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
