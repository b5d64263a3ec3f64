//! Fuzz target: the plain-text reader on arbitrary bytes never panics and keeps its spans valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = faultline_ingest::extract_bytes(std::path::Path::new("f.txt"), data, faultline_ingest::Format::Text) {
        for s in &a.sentences {
            assert!(a.body.get(s.start..s.end).is_some());
        }
    }
});
