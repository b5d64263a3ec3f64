//! Coding time per MB of one document, from 1 to 64 MB: flat when every
//! stage is linear in the document. Paragraphed text and one single line.
//!
//! Run with `cargo bench -p faultline-coder --bench scaling` (about two
//! minutes); `-- 16` stops at 16 MB.

#[path = "../tests/common/scaling.rs"]
mod scaling;

use faultline_coder::Coder;

fn main() {
    let max_mb: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(64);
    let coder = match Coder::defaults() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot load the default dictionaries: {e}");
            std::process::exit(1);
        }
    };
    for one_line in [false, true] {
        println!(
            "{}",
            if one_line {
                "one line (no paragraph breaks)"
            } else {
                "paragraphs"
            }
        );
        println!(
            "{:>6} {:>10} {:>10} {:>9}",
            "MB", "seconds", "s/MB", "events"
        );
        let mut mb = 1;
        while mb <= max_mb {
            let text = scaling::news_text(mb << 20, one_line);
            let (took, events) = scaling::time_to_code(&coder, &text);
            let secs = took.as_secs_f64();
            println!(
                "{mb:>6} {secs:>10.2} {:>10.3} {events:>9}",
                secs / (text.len() as f64 / f64::from(1 << 20))
            );
            mb *= 2;
        }
    }
}
