//! End-to-end coding speed: articles as `faultline throughput` reads them
//! (sentences, quotations, dates) → actors → parse → events, in sentences
//! per second on one core, with the default dictionaries and
//! (when `../shared` is present) with the full PETRARCH-2 dictionaries
//! (Phoenix actors and agents, CAMEO.2.0 verbs).
//!
//! Run with `cargo bench -p faultline-coder --bench code`. Peak memory is
//! reported by `faultline throughput`.

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use faultline_coder::{Coder, Doc};
use faultline_ingest::{Article, Options};

#[path = "../tests/common/article_doc.rs"]
mod article_doc;

/// The allocator of the `faultline` binary, so the figures are the same.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The articles as `faultline throughput` reads them (faultline-ingest:
/// body, sentences, quotations, publication date): the development corpus
/// when present, else the bundled example.
fn articles() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dev = root.join("../shared/corpus/dev");
    let mut out = Vec::new();
    for path in [dev, root.join("examples/seoul-tokyo-defence-talks.txt")] {
        for entry in faultline_ingest::expand_paths(&[path]) {
            let Ok(p) = entry else { continue };
            let _ = faultline_ingest::extract_path(&p, &Options::default(), &mut |o| {
                out.extend(o.ok());
                std::ops::ControlFlow::Continue(())
            });
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Each article as the coder takes it, dated as `faultline throughput`
/// dates it (its publication date, else 1 January 2020).
fn docs(articles: &[Article]) -> Vec<Doc<'_>> {
    let fallback = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    articles
        .iter()
        .map(|a| {
            let date = a.published.as_ref().map(faultline_dates::Stamp::date);
            article_doc::doc_of(a, date.unwrap_or(fallback), date.is_some())
        })
        .collect()
}

fn code_all(coder: &Coder, docs: &[Doc<'_>]) -> usize {
    docs.iter().map(|d| coder.code_doc(d).events.len()).sum()
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let docs = docs(&articles);
    let n_sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(n_sentences as u64));
    g.sample_size(20);
    let coder = Coder::defaults().expect("default dictionaries");
    g.bench_function("default_dictionaries", |b| {
        b.iter(|| code_all(&coder, black_box(&docs)))
    });

    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/petrarch2/dictionaries");
    if shared.is_dir() {
        let extra = [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        ]
        .iter()
        .map(|f| shared.join(f))
        .collect();
        let actors = faultline_actors::Actors::load(&faultline_actors::Options {
            no_defaults: true,
            extra,
        })
        .expect("phoenix");
        let mut verbs = faultline_coder::VerbDict::new();
        let text = std::fs::read_to_string(shared.join("CAMEO.2.0.txt")).unwrap_or_default();
        faultline_coder::petrarch::load_petrarch_verbs(
            &mut verbs,
            &text,
            &shared.join("CAMEO.2.0.txt"),
        );
        let coder = Coder::new(actors, verbs);
        g.bench_function("petrarch_dictionaries", |b| {
            b.iter(|| code_all(&coder, black_box(&docs)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
