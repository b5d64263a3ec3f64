//! Prints the paragraphs, sentences and quotations found in a text file
//! (header lines up to a `---` line are skipped), for checking by eye:
//! `cargo run -p faultline-text --example inspect -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: inspect FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let body = text
        .find("\n---\n")
        .map_or(text.as_str(), |i| &text[i + 5..]);
    let layer = faultline_text::analyze(body);
    for (i, s) in layer.sentences.iter().enumerate() {
        println!("[p{} s{i}] {}", s.paragraph, s.span.slice(body));
    }
    for q in &layer.quotes {
        let closed = if q.closed { "closed" } else { "UNCLOSED" };
        println!("{:?} {closed}: {}", q.kind, q.span.slice(body));
    }
}
