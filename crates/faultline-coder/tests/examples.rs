//! Runs every example of every default verb and noun entry through the real
//! coder (default actor dictionaries, article date 2020-01-01): an event
//! with the example's source, target ("-" for none) and CAMEO code must come
//! out, asserted.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::sync::LazyLock;

use chrono::NaiveDate;
use faultline_coder::Coder;

static CODER: LazyLock<Coder> = LazyLock::new(|| Coder::defaults().unwrap());

#[test]
fn dictionaries_load_without_errors() {
    let errors: Vec<String> = CODER.verbs.errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(
        CODER.verbs.triggers.len() > 300,
        "{} triggers",
        CODER.verbs.triggers.len()
    );
}

#[test]
fn every_trigger_example_codes() {
    let date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let examples = &CODER.verbs.examples;
    assert!(examples.len() > 500);
    let mut failures = Vec::new();
    for ex in examples {
        let got = CODER.code_triples(&ex.sentence, date);
        let want_target = if ex.target == "-" {
            "---"
        } else {
            ex.target.as_str()
        };
        if !got
            .iter()
            .any(|(s, t, c)| *s == ex.source && t == want_target && *c == ex.code)
        {
            failures.push(format!(
                "{}: {:?}: want {} {} {}, got {:?}",
                ex.trigger, ex.sentence, ex.source, ex.target, ex.code, got
            ));
        }
    }
    let total = examples.len();
    let passed = total - failures.len();
    std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target")).ok();
    std::fs::write(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/coder-examples.txt"
        ),
        failures.join("\n"),
    )
    .ok();
    println!("{passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} examples fail (list in target/coder-examples.txt); first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
