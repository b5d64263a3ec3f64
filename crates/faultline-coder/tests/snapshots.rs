//! Snapshot tests of the events and quotes coded from the bundled examples
//! and the development corpus (`../shared/corpus/dev`, skipped when absent).
//! Each snapshot lists, per document, one line per event (source → target,
//! CAMEO code, date, factuality, trigger, rule) and one per quote.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use faultline_coder::Coder;
use faultline_ingest::{Article, Options};

#[path = "common/article_doc.rs"]
mod article_doc;

static CODER: LazyLock<Coder> = LazyLock::new(|| Coder::defaults().unwrap());

fn articles(path: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    for entry in faultline_ingest::expand_paths(&[path.to_path_buf()]) {
        let _ = faultline_ingest::extract_path(&entry.unwrap(), &Options::default(), &mut |o| {
            out.push(o.unwrap());
            std::ops::ControlFlow::Continue(())
        });
    }
    out
}

fn render(a: &Article) -> String {
    let date = a
        .published
        .as_ref()
        .map(faultline_dates::Stamp::date)
        .unwrap();
    let doc = article_doc::doc_of(a, date, true);
    let coded = CODER.code_doc(&doc);
    let mut s = format!("## {} ({date})\n", a.id);
    for e in &coded.events {
        writeln!(
            s,
            "{} {} -> {} {} {} {}{} [{}] {}",
            e.sentence.index,
            e.source.code,
            e.target.as_ref().map_or("-", |t| t.code.as_str()),
            e.cameo,
            e.date,
            format!("{:?}", e.factuality).to_lowercase(),
            e.factuality_cue
                .as_ref()
                .map_or(String::new(), |c| format!("({c})")),
            e.trigger.text,
            e.rule,
        )
        .unwrap();
    }
    for q in &coded.quotes {
        let words: String = q.text.chars().take(50).collect();
        writeln!(
            s,
            "quote {} <{}> {:?}",
            q.speaker.as_deref().unwrap_or("?"),
            q.actor.as_deref().unwrap_or("-"),
            words
        )
        .unwrap();
    }
    s
}

fn snapshot_dir(dir: PathBuf, name: &str) {
    let mut all = articles(&dir);
    all.sort_by(|a, b| a.id.cmp(&b.id));
    assert!(!all.is_empty());
    let text: String = all.iter().map(render).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(name, text);
}

#[test]
fn examples_events() {
    snapshot_dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"),
        "examples_events",
    );
}

#[test]
fn dev_corpus_events() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    if !dir.is_dir() {
        eprintln!("note: {} is absent; skipping", dir.display());
        return;
    }
    snapshot_dir(dir, "dev_corpus_events");
}
