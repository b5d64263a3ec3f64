//! The store's benchmark: generates a database of synthetic coded events
//! (10 million by default), measuring ingest throughput, then times dyad
//! series queries on it. Slow by design, so it is an example, not a test:
//!
//! ```sh
//! cargo run --release -p faultline-store --example bench10m -- [EVENTS] [DB]
//! ```
//!
//! EVENTS is the number of coded events (mentions) to ingest, 10 per
//! document; DB defaults to a temporary file, removed at the end.

use std::time::{Duration, Instant};

use faultline_coder::{Factuality, PartialDate};
use faultline_store::query::{Bucket, Count, Direction, Filter};
use faultline_store::{ActorView, DocRecord, EventRecord, Store};

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Skewed towards small values: a few dyads are very active.
    fn skewed(&mut self, n: u64) -> u64 {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b).min(self.below(n))
    }
}

const ROOTS: [&str; 40] = [
    "USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK", "IRN",
    "ISR", "PSE", "SYR", "TUR", "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "CAN", "AUS", "IDN",
    "VNM", "PHL", "TWN", "NGA", "ETH", "ZAF", "KEN", "SDN", "LBY", "YEM", "QAT", "ARE", "POL",
    "ITA",
];
const CODES: [(&str, &str, u8, f64, &str); 12] = [
    ("010", "01", 1, 0.0, ""),
    ("020", "02", 1, 3.0, "REQUEST"),
    ("036", "03", 1, 4.0, "AGREE"),
    ("040", "04", 1, 1.0, "CONSULT"),
    ("057", "05", 1, 8.0, "SUPPORT"),
    ("070", "07", 2, 7.0, "AID"),
    ("112", "11", 3, -2.0, "ACCUSE"),
    ("130", "13", 3, -4.4, "THREATEN"),
    ("160", "16", 4, -4.0, "SANCTION"),
    ("173", "17", 4, -5.0, "COERCE"),
    ("190", "19", 4, -10.0, "FIGHT"),
    ("193", "19", 4, -10.0, "FIGHT"),
];

struct Ev {
    src: usize,
    tgt: usize,
    code: usize,
    date: PartialDate,
    sentence: usize,
}

/// Events per synthetic document.
const PER_DOC: u64 = 10;
/// Days of the synthetic period.
const DAYS: u64 = 3650;

/// The synthetic corpus: documents numbered from 0, each with [`PER_DOC`]
/// events between skewed pairs of countries on dates over ten years.
struct Gen {
    rng: Rng,
    sentences: Vec<String>,
    start_day: chrono::NaiveDate,
}

impl Gen {
    fn new() -> Result<Self, Box<dyn std::error::Error>> {
        Ok(Self {
            rng: Rng(0x9E37_79B9_7F4A_7C15),
            sentences: (0..64)
                .map(|i| {
                    format!(
                        "Synthetic sentence number {i} reporting what one government did to another."
                    )
                })
                .collect(),
            start_day: chrono::NaiveDate::from_ymd_opt(2015, 1, 1).ok_or("date")?,
        })
    }

    /// Generates and ingests documents `docs`; returns the time spent in the store.
    fn ingest(
        &mut self,
        store: &mut Store,
        docs: std::ops::Range<u64>,
        progress: bool,
    ) -> Result<Duration, Box<dyn std::error::Error>> {
        let mut store_time = Duration::ZERO;
        let mut evs: Vec<Ev> = Vec::with_capacity(PER_DOC as usize);
        for d in docs.clone() {
            let day = self.start_day + chrono::Duration::days(self.rng.below(DAYS) as i64);
            evs.clear();
            for k in 0..PER_DOC {
                let src = self.rng.skewed(ROOTS.len() as u64) as usize;
                let mut tgt = self.rng.skewed(ROOTS.len() as u64) as usize;
                if tgt == src {
                    tgt = (tgt + 1) % ROOTS.len();
                }
                let date =
                    PartialDate::Date(day - chrono::Duration::days(self.rng.below(3) as i64));
                evs.push(Ev {
                    src,
                    tgt,
                    code: self.rng.below(CODES.len() as u64) as usize,
                    date,
                    sentence: (k / 2) as usize,
                });
            }
            let id = format!("doc{d}");
            let url = format!("https://news{}.example/{d}", d % 50);
            let mut hash = [0u8; 32];
            hash[..8].copy_from_slice(&d.to_le_bytes());
            let doc = DocRecord {
                id: &id,
                source: &url,
                publisher: "",
                title: None,
                published: None,
                hash,
                lead_sentences: 1,
                ..DocRecord::default()
            };
            let records: Vec<EventRecord<'_>> = evs
                .iter()
                .map(|e| {
                    let (cameo, root, quad, goldstein, plover) = CODES[e.code];
                    let text = &self.sentences[(d as usize + e.sentence) % self.sentences.len()];
                    EventRecord {
                        coder_id: "bench",
                        source: ActorView {
                            text: ROOTS[e.src],
                            code: ROOTS[e.src],
                            country: Some(ROOTS[e.src]),
                        },
                        target: Some(ActorView {
                            text: ROOTS[e.tgt],
                            code: ROOTS[e.tgt],
                            country: Some(ROOTS[e.tgt]),
                        }),
                        cameo,
                        root,
                        quad,
                        goldstein,
                        plover,
                        mode: "",
                        date: e.date,
                        date_source: "article",
                        factuality: if e.code == 2 && d % 7 == 0 {
                            Factuality::Future
                        } else {
                            Factuality::Asserted
                        },
                        cue: None,
                        sentence: e.sentence,
                        sentence_start: 0,
                        sentence_end: text.len(),
                        sentence_text: text,
                        trigger: "did",
                        rule: "bench",
                        confidence: 0.5,
                    }
                })
                .collect();
            let t = Instant::now();
            store.ingest(&doc, &records)?;
            store_time += t.elapsed();
            if progress && d % 100_000 == 99_999 {
                eprintln!(
                    "  {} events ingested, {:.0} events/s so far",
                    (d + 1) * PER_DOC,
                    ((d + 1) * PER_DOC) as f64 / store_time.as_secs_f64()
                );
            }
        }
        Ok(store_time)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let total: u64 = args.next().map_or(Ok(10_000_000), |s| s.parse())?;
    let tmp = tempfile::tempdir()?;
    let path = args
        .next()
        .map_or_else(|| tmp.path().join("bench.db"), std::path::PathBuf::from);
    let _ = std::fs::remove_file(&path);
    let opts = faultline_store::Options {
        batch_docs: 20_000,
        batch_time: Duration::from_secs(5),
        ..Default::default()
    };
    let mut store = Store::open_with(&path, opts.clone())?;
    let mut g = Gen::new()?;
    let docs = total / PER_DOC;
    let wall = Instant::now();
    let mut store_time = g.ingest(&mut store, 0..docs, true)?;
    let t = Instant::now();
    store.finish()?;
    let finish = t.elapsed();
    store_time += finish;
    let wall = wall.elapsed();
    let stats = store.stats()?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "ingest: {} coded events in {} documents",
        docs * PER_DOC,
        docs
    );
    println!(
        "  stored: {} events (stories), {} mentions; database {:.2} GB",
        stats.events,
        stats.mentions,
        size as f64 / 1e9
    );
    println!(
        "  store time {:.1}s: {:.0} coded events/s ({:.0} with generation, wall {:.1}s)",
        store_time.as_secs_f64(),
        (docs * PER_DOC) as f64 / store_time.as_secs_f64(),
        (docs * PER_DOC) as f64 / wall.as_secs_f64(),
        wall.as_secs_f64()
    );
    println!(
        "  of which {:.1}s ending the load (last commit; indexes and aggregate of a bulk load)",
        finish.as_secs_f64()
    );
    drop(store);
    // Queries on a freshly opened store (cold statement cache, warm OS cache).
    let store = Store::open_existing(&path)?;
    let cases = [
        (
            "USA–CHN by day, all 10 years, both directions",
            "USA",
            "CHN",
            Bucket::Day,
            Direction::Both,
            Count::Events,
            None,
        ),
        (
            "USA–CHN by month, all years",
            "USA",
            "CHN",
            Bucket::Month,
            Direction::Both,
            Count::Events,
            None,
        ),
        (
            "USA→CHN by week, mentions",
            "USA",
            "CHN",
            Bucket::Week,
            Direction::Forward,
            Count::Mentions,
            None,
        ),
        (
            "ITA–POL by day, 2020",
            "ITA",
            "POL",
            Bucket::Day,
            Direction::Both,
            Count::Events,
            Some(2020),
        ),
    ];
    for (name, a, b, by, dir, count, year) in cases {
        let f = Filter {
            from: year.and_then(|y| chrono::NaiveDate::from_ymd_opt(y, 1, 1)),
            to: year.and_then(|y| chrono::NaiveDate::from_ymd_opt(y, 12, 31)),
            count,
            all_factuality: false,
        };
        let mut times = Vec::new();
        let mut n = 0;
        let mut events = 0;
        for _ in 0..21 {
            let t = Instant::now();
            let s = store.dyad_series(a, b, dir, by, &f)?;
            times.push(t.elapsed());
            n = s.len();
            events = s.iter().map(|p| p.totals.total).sum::<i64>();
        }
        let first = times[0];
        times.sort();
        println!(
            "query {name}: {n} periods, {events} counted; first {:.2} ms, median {:.2} ms, max {:.2} ms",
            first.as_secs_f64() * 1e3,
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3
        );
    }
    let t = Instant::now();
    let top = store.top_dyads(&Filter::default(), 10)?;
    println!(
        "top dyads over everything: {:.0} ms (first: {}–{}, {} events)",
        t.elapsed().as_secs_f64() * 1e3,
        top.first().map_or("", |d| d.pair.a.as_str()),
        top.first().map_or("", |d| d.pair.b.as_str()),
        top.first().map_or(0, |d| d.totals.total)
    );
    drop(store);
    // Incremental ingest: a tenth more documents into the loaded database,
    // as a normal ingest (story look-ups through the indexes, the aggregate
    // updated at every commit), on dates spread over the ten years.
    let extra = docs / 10;
    let mut store = Store::open_with(&path, opts)?;
    let mut inc = g.ingest(&mut store, docs..docs + extra, false)?;
    let t = Instant::now();
    store.finish()?;
    inc += t.elapsed();
    println!(
        "incremental ingest of {} more coded events into that database: {:.1}s store time, {:.0} coded events/s",
        extra * PER_DOC,
        inc.as_secs_f64(),
        (extra * PER_DOC) as f64 / inc.as_secs_f64()
    );
    Ok(())
}
