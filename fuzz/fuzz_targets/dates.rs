//! Fuzz target: date parsing never panics and found ranges slice the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = faultline_dates::parse_stamp(s);
    if let Some((_, r)) = faultline_dates::find_stamp(s) {
        assert!(s.get(r).is_some());
    }
});
