//! Runs every example of every default dictionary entry through the real
//! resolver: the mention must be found, verbatim, with the expected code on
//! the example's date ("-": not coded as an actor at all).

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use faultline_actors::{Actors, Example, SentenceRef};

/// Resolves one example sentence and returns what the mention got.
pub fn check(actors: &Actors, ex: &Example) -> Result<(), String> {
    let body = ex.sentence.as_str();
    let sentences: Vec<SentenceRef> = faultline_text::sentences(body)
        .iter()
        .map(|s| SentenceRef {
            start: s.span.start,
            end: s.span.end,
            date: ex.date,
        })
        .collect();
    let mentions = actors.resolve(body, &sentences);
    for m in &mentions {
        assert_eq!(
            &body[m.start..m.end],
            m.text,
            "mention span does not slice its text"
        );
    }
    let found: Vec<&faultline_actors::Mention> =
        mentions.iter().filter(|m| m.text == ex.mention).collect();
    if ex.code == "-" {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{}: {:?} in {:?}: expected no actor, got {}",
                ex.entry, ex.mention, ex.sentence, found[0].code
            ))
        };
    }
    // The mention itself, or a larger mention holding it ("a leader of Hamas" for "Hamas").
    if mentions
        .iter()
        .any(|m| m.text.contains(ex.mention.as_str()) && m.code == ex.code)
    {
        return Ok(());
    }
    let got: Vec<String> = mentions
        .iter()
        .map(|m| format!("{:?}={}({:?})", m.text, m.code, m.via))
        .collect();
    Err(format!(
        "{}: {:?} in {:?} on {}: expected {}, got [{}]",
        ex.entry,
        ex.mention,
        ex.sentence,
        ex.date,
        ex.code,
        got.join(", ")
    ))
}

#[test]
fn dictionaries_load_without_errors() {
    let actors = Actors::defaults().unwrap();
    let errors: Vec<String> = actors
        .report
        .errors
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(actors.report.entries > 0);
}

#[test]
fn every_dictionary_example_resolves() {
    let actors = Actors::defaults().unwrap();
    assert!(!actors.report.examples.is_empty());
    let failures: Vec<String> = actors
        .report
        .examples
        .iter()
        .filter_map(|ex| check(&actors, ex).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        actors.report.examples.len(),
        failures.join("\n")
    );
}
