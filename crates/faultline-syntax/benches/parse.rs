//! Tagging and parsing speed on news sentences, in sentences per second on
//! one core, with the embedded model. Uses the development corpus when
//! `../shared` is present, else the bundled examples.
//!
//! Run with `cargo bench -p faultline-syntax --bench parse`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use faultline_text::Span;

/// Article bodies and their sentence spans.
fn corpus() -> Vec<(String, Vec<Span>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<_> = std::fs::read_dir(root.join("../shared/corpus/dev"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        files.push(root.join("examples/seoul-tokyo-defence-talks.txt"));
    }
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .map(|t| {
            let body = t
                .split_once("\n---\n")
                .map_or(t.as_str(), |(_, b)| b)
                .trim()
                .to_owned();
            let spans = faultline_text::analyze(&body)
                .sentences
                .iter()
                .map(|s| s.span)
                .collect();
            (body, spans)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let model = faultline_syntax::embedded().expect("the embedded model loads");
    let docs = corpus();
    let sentences: usize = docs.iter().map(|(_, s)| s.len()).sum();
    let mut g = c.benchmark_group("syntax");
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("tag_parse_label_news", |b| {
        b.iter(|| {
            let mut words = 0;
            for (body, spans) in &docs {
                for &s in spans {
                    words += model.parse_span(body, s).len();
                }
            }
            black_box(words)
        });
    });
    g.bench_function("load_model", |b| {
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/en_ewt.model"))
            .expect("model file");
        b.iter(|| {
            black_box(faultline_syntax::Model::from_bytes("bench", &bytes).map(|m| m.parser.size()))
        });
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
