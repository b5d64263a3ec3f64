//! End-to-end coding speed: raw article text → sentences → actors → events,
//! in sentences per second on one core, with the default dictionaries and
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

/// The allocator of the `faultline` binary, so the figures are the same.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Article bodies: the development corpus when present, else the bundled examples.
fn bodies() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dev = root.join("../shared/corpus/dev");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dev) {
        let mut files: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f)
                && let Some((_, body)) = t.split_once("\n---\n")
            {
                out.push(body.trim().to_owned());
            }
        }
    }
    if out.is_empty() {
        let t = std::fs::read_to_string(root.join("examples/seoul-tokyo-defence-talks.txt"))
            .unwrap_or_default();
        out.push(t);
    }
    out
}

/// A body and its sentences as (start, end, paragraph).
type Prepared = (String, Vec<(usize, usize, usize)>);

fn code_all(coder: &Coder, docs: &[Prepared], date: NaiveDate) -> usize {
    let mut n = 0;
    for (body, sentences) in docs {
        let doc = Doc {
            id: "b",
            body,
            sentences: sentences.clone(),
            quotes: Vec::new(),
            date,
            date_known: true,
        };
        n += coder.code_doc(&doc).events.len();
    }
    n
}

fn bench(c: &mut Criterion) {
    let date = NaiveDate::from_ymd_opt(2019, 10, 1).unwrap_or_default();
    let docs: Vec<Prepared> = bodies()
        .into_iter()
        .map(|b| {
            let s = faultline_text::sentences(&b)
                .iter()
                .map(|s| (s.span.start, s.span.end, s.paragraph))
                .collect();
            (b, s)
        })
        .collect();
    let n_sentences: usize = docs.iter().map(|(_, s)| s.len()).sum();
    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(n_sentences as u64));
    g.sample_size(20);
    let coder = Coder::defaults().expect("default dictionaries");
    g.bench_function("default_dictionaries", |b| {
        b.iter(|| code_all(&coder, black_box(&docs), date))
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
            b.iter(|| code_all(&coder, black_box(&docs), date))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
