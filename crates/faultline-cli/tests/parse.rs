//! End-to-end tests of `faultline parse` and `faultline parse-eval`: word
//! spans that slice the body `extract` prints, CoNLL-U that reads back,
//! and treebank errors that name the file and line.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_faultline"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seoul-tokyo-defence-talks.txt")
}

#[test]
fn json_word_spans_slice_the_extracted_body() {
    let extract = bin()
        .args(["extract", "-q"])
        .arg(example())
        .output()
        .unwrap();
    assert!(extract.status.success());
    let article: Value = serde_json::from_slice(&extract.stdout).unwrap();
    let body = article["body"].as_str().unwrap();
    let parse = bin()
        .args(["parse", "-q", "--format", "json"])
        .arg(example())
        .output()
        .unwrap();
    assert!(
        parse.status.success(),
        "{}",
        String::from_utf8_lossy(&parse.stderr)
    );
    let doc: Value = serde_json::from_slice(&parse.stdout).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    assert!(sentences.len() > 5);
    let mut words = 0;
    for s in sentences {
        let ws = s["words"].as_array().unwrap();
        let roots = ws.iter().filter(|w| w["head"] == 0).count();
        assert_eq!(roots, 1, "one root per sentence");
        for w in ws {
            let (a, b) = (
                w["start"].as_u64().unwrap() as usize,
                w["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                body.get(a..b),
                w["text"].as_str(),
                "the span slices the body"
            );
            assert!(w["head"].as_u64().unwrap() as usize <= ws.len());
            words += 1;
        }
    }
    assert!(words > 100);
}

#[test]
fn conllu_output_reads_back_as_a_treebank() {
    let out = bin().args(["parse", "-q"]).arg(example()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# newdoc id = seoul-tokyo-defence-talks"));
    let sents = faultline_syntax::conllu::parse("stdout", &text).unwrap();
    assert!(sents.len() > 5);
    assert!(text.contains("TokenRange="));
}

#[test]
fn parse_eval_scores_a_small_treebank_and_names_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("tiny.conllu");
    std::fs::write(
        &good,
        "# text = Ships sailed north.\n1\tShips\tship\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tsailed\tsail\tVERB\tVBD\t_\t0\troot\t_\t_\n\
         3\tnorth\tnorth\tADV\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let out = bin()
        .args(["parse-eval", "--json"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figures: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["words"], 4);
    assert!(figures["uas"].as_f64().unwrap() >= 0.0);

    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tShips\tship\tNOUN\n").unwrap();
    let out = bin().arg("parse-eval").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu:1"), "{err}");
}
