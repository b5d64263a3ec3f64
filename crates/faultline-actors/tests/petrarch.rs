//! PETRARCH-2 compatibility: the Phoenix actor and agent dictionaries load
//! from `../shared/reference/petrarch2/dictionaries/` with every line
//! accounted for (loaded, comment/blank, or reported with file:line), and
//! their date-restricted codes apply on the right dates.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use faultline_actors::{Actors, Options, SentenceRef};

fn dicts() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/petrarch2/dictionaries");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: {} is absent; skipping", p.display());
        None
    }
}

fn phoenix() -> Option<Actors> {
    let d = dicts()?;
    let extra = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ]
    .iter()
    .map(|f| d.join(f))
    .collect();
    Some(
        Actors::load(&Options {
            no_defaults: true,
            extra,
        })
        .unwrap(),
    )
}

#[test]
fn every_phoenix_line_is_accounted_for() {
    let Some(actors) = phoenix() else { return };
    assert_eq!(actors.petrarch.len(), 4);
    let mut total_errors = 0;
    for (path, stats) in &actors.petrarch {
        let lines = std::fs::read_to_string(path).unwrap().lines().count();
        assert_eq!(stats.lines, lines, "{}", path.display());
        assert_eq!(
            stats.loaded + stats.skipped + stats.errors,
            stats.lines,
            "{}: {stats:?}",
            path.display()
        );
        assert!(stats.loaded > 0);
        total_errors += stats.errors;
    }
    // Each reported line names its file and line.
    assert_eq!(actors.report.errors.len(), total_errors);
    for e in &actors.report.errors {
        let msg = e.to_string();
        let (file, rest) = msg.split_once(':').unwrap();
        assert!(file.ends_with(".txt"), "{msg}");
        assert!(
            rest.split(':').next().unwrap().parse::<usize>().is_ok(),
            "{msg}"
        );
    }
    let entries: usize = actors.petrarch.iter().map(|(_, s)| s.entries).sum();
    assert!(entries > 20_000, "{entries} entries");
}

#[test]
fn phoenix_dated_codes_follow_the_event_date() {
    let Some(actors) = phoenix() else { return };
    let body = "Barack Obama met Chinese officials.";
    let code_on = |y: i32| {
        let date = NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
        let m = actors.resolve(
            body,
            &[SentenceRef {
                start: 0,
                end: body.len(),
                date,
            }],
        );
        m.iter()
            .find(|m| m.text == "Barack Obama")
            .map(|m| m.code.clone())
    };
    assert_eq!(code_on(2010).as_deref(), Some("USAGOV"));
    assert_eq!(code_on(1990).as_deref(), Some("USAELI"));
}

#[test]
fn validation_dictionaries_load_as_the_alternative_set() {
    let Some(d) = dicts() else { return };
    let actors = Actors::load(&Options {
        no_defaults: true,
        extra: vec![
            d.join("PETR.Validate.actors.txt"),
            d.join("PETR.Validate.agents.txt"),
        ],
    })
    .unwrap();
    for (path, stats) in &actors.petrarch {
        assert_eq!(
            stats.loaded + stats.skipped + stats.errors,
            stats.lines,
            "{}",
            path.display()
        );
    }
    assert!(actors.dict.entries.len() > 50);
}
