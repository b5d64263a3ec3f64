//! Fuzz target: the text layer on any string returns spans that slice it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let layer = faultline_text::analyze(text);
    for s in &layer.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
    }
    for q in &layer.quotes {
        assert!(text.get(q.span.start..q.span.end).is_some());
    }
    for t in faultline_text::tokens(text, 0) {
        assert!(text.get(t.span.start..t.span.end).is_some());
    }
});
