//! Benchmarks of dictionary loading and matching (stub until the matcher lands).
fn main() {}
