//! Evaluates `sentencex` (the reference crate) on the news-English cases the
//! segmenter must handle, and times it next to `faultline_text::sentences`
//! on the development corpus: `cargo run --release -p faultline-text
//! --example sentencex_eval`.
fn main() {
    let cases = [
        "Mr. Kim met Gen. Brooks in Washington, D.C. on Jan. 5. They talked.",
        "The delegation moved to the U.S. The talks resumed on Oct. 3.",
        "He said, \"We will respond.\" Then he left.",
        "\"We will respond,\" he said.",
        "\"Will they come?\" she asked.",
        "It grew 3.5 percent to $1.2 billion. Officials said so.",
        "John F. Kennedy and G. W. Bush were presidents. Others too.",
        "The meeting ended at 5 p.m. on Friday. It was late.",
        "Visit www.example.com for details. Email a.b@example.org now.",
        "He paused... and then spoke. Everyone listened.",
        "Lt. Col. Smith of Acme Inc. spoke. Sen. Jones agreed, e.g. on taxes.",
    ];
    for c in cases {
        let b = sentencex::get_sentence_boundaries("en", c);
        let v: Vec<&str> = b.iter().map(|s| s.text.trim()).collect();
        println!("{c}\n  -> {v:?}");
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dev");
    let mut body = String::new();
    for f in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(t) = std::fs::read_to_string(f.path()) else {
            continue;
        };
        if let Some(i) = t.find("\n---\n") {
            body.push_str(&t[i + 5..]);
            body.push_str("\n\n");
        }
    }
    if body.is_empty() {
        println!("note: {dir} not found; timing skipped");
        return;
    }
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(&body);
    }
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += sentencex::get_sentence_boundaries("en", &big).len();
    }
    let s = t.elapsed().as_secs_f64() / 5.0;
    println!(
        "sentencex: {} bytes, {} sentences, {:.1} MB/s",
        big.len(),
        n / 5,
        big.len() as f64 / s / 1e6
    );
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += faultline_text::sentences(&big).len();
    }
    let s = t.elapsed().as_secs_f64() / 5.0;
    println!(
        "faultline-text: {} bytes, {} sentences, {:.1} MB/s",
        big.len(),
        n / 5,
        big.len() as f64 / s / 1e6
    );
}
