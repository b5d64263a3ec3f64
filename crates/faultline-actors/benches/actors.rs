//! Benchmarks: loading and compiling the default dictionaries and the
//! Phoenix (PETRARCH-2) dictionaries, and resolving mentions in MB/s.
//!
//! Run with `cargo bench -p faultline-actors`. The Phoenix benchmark needs
//! `../shared/reference/petrarch2/dictionaries/` and is skipped without it.

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use faultline_actors::{Actors, Options, SentenceRef};

fn body() -> String {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seoul-tokyo-defence-talks.txt");
    let text = std::fs::read_to_string(p).unwrap_or_default();
    let mut out = String::new();
    while out.len() < 1 << 20 {
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("actors");
    g.sample_size(20);
    g.bench_function("load_defaults", |b| {
        b.iter(|| Actors::defaults().map(|a| a.dict.pattern_count()))
    });
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/petrarch2/dictionaries");
    if dir.is_dir() {
        let extra: Vec<_> = [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        ]
        .iter()
        .map(|f| dir.join(f))
        .collect();
        g.bench_function("load_phoenix", |b| {
            b.iter(|| {
                Actors::load(&Options {
                    no_defaults: true,
                    extra: extra.clone(),
                })
                .map(|a| a.dict.pattern_count())
            })
        });
    }
    let actors = Actors::defaults().expect("default dictionaries load");
    let text = body();
    let date = NaiveDate::from_ymd_opt(2014, 10, 9).unwrap_or_default();
    let sentences: Vec<SentenceRef> = SentenceRef::all_of(&text, date);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("resolve_1mb", |b| {
        b.iter(|| actors.resolve(black_box(&text), &sentences).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
