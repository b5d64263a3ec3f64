//! Fuzz target: one JSON Lines record never panics the reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    let _ = faultline_ingest::jsonl::extract_record(std::path::Path::new("f.jsonl"), "f", 1, line);
});
