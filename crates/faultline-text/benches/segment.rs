//! Criterion benchmark: `sentences` and `analyze` throughput (MB/s) on a
//! ~1 MB buffer of original wire-style text, with `sentencex` as reference.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Original wire-style copy written for this benchmark.
const WIRE: &str = "SEOUL, Oct. 3 (Faultline) - North Korea fired two short-range ballistic missiles into the sea off its east coast on Tuesday, South Korea's military said, the third launch in as many weeks.

The Joint Chiefs of Staff said the missiles were launched from near Wonsan at about 7:10 a.m. and flew roughly 350 km (217 miles). \"We strongly condemn this provocation,\" a spokesman said. \"It is a clear violation of U.N. Security Council resolutions.\"

U.S. Secretary of State Mike Lyle, speaking in Washington, D.C. on Monday, said the U.S. remained open to talks. \"Our door is open,\" he said. \"But we will not reward bad behavior.

\"Pyongyang knows what it must do. The choice is theirs.\"

Gen. Robert B. Abrams, commander of U.S. Forces Korea, met Defense Minister Suh Wook and Lt. Col. Kim Jae-won at 3 p.m. to review the allies' readiness. Officials did not say whether the talks, which began Jan. 5, would resume.

Trade between the two Koreas fell 3.5 percent to $1.2 billion last year, according to the Ministry of Unification. Analysts at Acme Securities Co. Ltd. said the figures were approx. 10 percent below forecasts... and could fall further.

\"Will they come back to the table?\" asked Prof. Park Won-gon of Ewha Womans University. \"Nobody knows. What is clear is that the '90s-style 'sunshine' approach won't work.\"

The talks moved to the U.S. The next round is set for Nov. 12 in Geneva, Switzerland, Mr. Lyle said.
";

fn corpus() -> String {
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(WIRE);
        s.push('\n');
    }
    s
}

/// The same copy with typographic quotes and apostrophes, so every
/// paragraph is non-ASCII (the scanners' byte-table path).
fn curly(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len() + ascii.len() / 16);
    let mut open = false;
    for c in ascii.chars() {
        match c {
            '"' => {
                out.push(if open { '\u{201d}' } else { '\u{201c}' });
                open = !open;
            }
            '\'' => out.push('\u{2019}'),
            '\n' => {
                // Quotations never stay open across the story boundary.
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("paragraphs", |b| {
        b.iter(|| faultline_text::paragraphs(black_box(&text)))
    });
    g.bench_function("sentences", |b| {
        b.iter(|| faultline_text::sentences(black_box(&text)))
    });
    g.bench_function("quotes", |b| {
        b.iter(|| faultline_text::quotes(black_box(&text)))
    });
    g.bench_function("analyze", |b| {
        b.iter(|| faultline_text::analyze(black_box(&text)))
    });
    g.bench_function("tokens_all_sentences", |b| {
        let layer = faultline_text::analyze(&text);
        b.iter(|| {
            let mut n = 0;
            for s in &layer.sentences {
                n += faultline_text::tokens(s.span.slice(&text), s.span.start).len();
            }
            black_box(n)
        })
    });
    g.bench_function("sentencex_reference", |b| {
        b.iter(|| sentencex::get_sentence_boundaries("en", black_box(&text)).len())
    });
    g.finish();

    let text = curly(&text);
    let mut g = c.benchmark_group("segment_curly");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("sentences", |b| {
        b.iter(|| faultline_text::sentences(black_box(&text)))
    });
    g.bench_function("analyze", |b| {
        b.iter(|| faultline_text::analyze(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
