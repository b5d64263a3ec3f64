//! News-like text of any size, for the linear-time test (`tests/scaling.rs`)
//! and the scaling benchmark (`benches/scaling.rs`): the bodies of the
//! bundled example articles and a few paragraphs written for this purpose
//! (quotations with speakers before and after them, pronouns, "according
//! to", names given again by surname), repeated.

#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use faultline_coder::{Coder, Doc};

/// Paragraphs written for the scaling measurements (not news).
const OWN: &str = "\
Foreign Minister Anna Kowalczyk said on Monday that talks with the neighbouring government would resume next month. \"We are ready to meet them halfway,\" she told reporters in Warsaw.

\"There will be no agreement without guarantees,\" said Daniel Ortiz, a spokesman for the opposition alliance. He added that the protests would continue.

According to a statement from the defence ministry, \"the exercises are routine and pose no threat to anyone.\"

Japan's prime minister met the South Korean president in Tokyo on Tuesday. \"This is a new chapter,\" the prime minister said. \"We will not look back,\" he added.

The United Nations urged both sides to show restraint. \"Civilians are paying the price,\" Ortiz said, adding that aid convoys had been stopped twice.";

/// The text the measurements repeat: example bodies and [`OWN`], paragraphs
/// separated by blank lines.
fn seed() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut parts = vec![OWN.to_owned()];
    if let Ok(t) = std::fs::read_to_string(root.join("seoul-tokyo-defence-talks.txt")) {
        // The body follows the byline; the header lines are not article text.
        if let Some((_, body)) = t.split_once("staff reporter\n") {
            parts.push(body.trim().to_owned());
        }
    }
    if let Ok(t) = std::fs::read_to_string(root.join("wire.jsonl")) {
        for line in t.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(text) = v["text"].as_str()
            {
                parts.push(text.trim().to_owned());
            }
        }
    }
    parts.join("\n\n")
}

/// About `bytes` bytes of news-like text; on one line (paragraph breaks
/// replaced by spaces) when `one_line`.
pub fn news_text(bytes: usize, one_line: bool) -> String {
    let mut seed = seed();
    if one_line {
        seed = seed.replace("\n\n", " ");
    }
    let sep = if one_line { " " } else { "\n\n" };
    let mut out = String::with_capacity(bytes + seed.len());
    while out.len() < bytes {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(&seed);
    }
    out
}

/// The time to segment and code `text` as one document; the number of events.
pub fn time_to_code(coder: &Coder, text: &str) -> (Duration, usize) {
    let date = NaiveDate::from_ymd_opt(2024, 5, 8).unwrap_or_default();
    let t = Instant::now();
    let doc = Doc::from_text("big", text, date);
    let n = coder.code_doc(&doc).events.len();
    (t.elapsed(), n)
}
