//! Coding time is linear in the size of one document: a document eight
//! times larger takes at most a generous multiple of eight times as long
//! (a quadratic stage would take about 64 times). Ratios, not absolute
//! times, so the test holds on any machine; 1 and 8 MB in release builds,
//! 64 and 512 KB in debug builds (which are about twenty times slower).
//! `cargo bench -p faultline-coder --bench scaling` prints the time per MB
//! from 1 to 64 MB.

#[path = "common/scaling.rs"]
mod scaling;

use std::time::Duration;

use faultline_coder::Coder;
use scaling::{news_text, time_to_code};

/// The faster of two runs, to keep a busy machine's noise out of the ratio.
fn best_of_two(coder: &Coder, text: &str) -> (Duration, usize) {
    let (a, n) = time_to_code(coder, text);
    let (b, _) = time_to_code(coder, text);
    (a.min(b), n)
}

#[test]
fn coding_time_is_linear_in_the_document() {
    let coder = Coder::defaults().expect("default dictionaries");
    let small = if cfg!(debug_assertions) {
        64 << 10
    } else {
        1 << 20
    };
    for one_line in [false, true] {
        let little = news_text(small, one_line);
        let big = news_text(8 * small, one_line);
        let (t1, n1) = best_of_two(&coder, &little);
        let (t8, n8) = best_of_two(&coder, &big);
        let size = big.len() as f64 / little.len() as f64;
        let ratio = t8.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        eprintln!(
            "one line: {one_line}; {} bytes in {t1:?}, {} bytes in {t8:?}: {ratio:.1}× the time for {size:.1}× the text",
            little.len(),
            big.len()
        );
        assert!(n1 > 100 && n8 >= 7 * n1, "events: {n1}, {n8}");
        assert!(
            ratio < 2.5 * size,
            "coding time grows faster than the text: {ratio:.1}× for {size:.1}× (one line: {one_line})"
        );
    }
}
