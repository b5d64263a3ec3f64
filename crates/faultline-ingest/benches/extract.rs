//! Throughput of extraction plus segmentation, in bytes per second.
//!
//! Inputs are built from the bundled examples: a plain-text page dump of
//! about 1 MB (the example dump's body repeated) and the example HTML page.
//! Run with `cargo bench -p faultline-ingest --bench extract`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use faultline_ingest::{Format, extract_bytes};

fn example(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A page dump whose body paragraphs are repeated to about `target` bytes.
fn big_dump(target: usize) -> String {
    let dump = example("seoul-tokyo-defence-talks.txt");
    let paras: Vec<&str> = dump.split("\n\n").collect();
    let (head, body) = (paras[0], &paras[1..paras.len().saturating_sub(1)]);
    let mut out = String::with_capacity(target + 4096);
    out.push_str(head);
    out.push_str("\n\n");
    let mut i = 0usize;
    while out.len() < target {
        // Vary each copy so that no line repeats (repeats are treated as captions).
        out.push_str(&format!("{} (copy {i})", body[i % body.len()]));
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    let article = example("seoul-tokyo-defence-talks.txt");
    group.throughput(Throughput::Bytes(article.len() as u64));
    group.bench_function("text_dump_article", |b| {
        b.iter(|| {
            extract_bytes(
                Path::new("a.txt"),
                black_box(article.as_bytes()),
                Format::Text,
            )
        })
    });
    let big = big_dump(1 << 20);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("text_dump_1mb", |b| {
        b.iter(|| {
            extract_bytes(
                Path::new("big.txt"),
                black_box(big.as_bytes()),
                Format::Text,
            )
        })
    });
    let html = example("sanctions-vote.html");
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("html_page", |b| {
        b.iter(|| {
            extract_bytes(
                Path::new("p.html"),
                black_box(html.as_bytes()),
                Format::Html,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
