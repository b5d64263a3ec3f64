//! Times loading a model file (decompress, build the tables), several
//! times, and prints each time and the table sizes. Speed is measured here
//! and in `benches/parse.rs`, never by a timed test.
//!
//! ```sh
//! cargo run --release -p faultline-syntax --example load -- [MODEL] [REPEAT]
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .map_or("crates/faultline-syntax/data/en_ewt.model", String::as_str);
    let repeat: usize = args.get(1).map_or(Ok(5), |r| r.parse())?;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let t = Instant::now();
        let model = faultline_syntax::Model::from_bytes(path, &bytes)?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        best = best.min(ms);
        println!(
            "load {ms:.1} ms; feature rows: tagger {}, parser {}, labeller {}; tables {:.1} MiB",
            model.tagger.size(),
            model.parser.size(),
            model.labeler.size(),
            model.table_bytes() as f64 / f64::from(1 << 20)
        );
    }
    println!("best {best:.1} ms ({} bytes in the file)", bytes.len());
    Ok(())
}
