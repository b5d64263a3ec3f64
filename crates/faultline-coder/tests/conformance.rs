//! Conformance against the PETRARCH validation suites in
//! `../shared/reference/petrarch2/` (not part of the repository; the tests
//! print a note and pass when it is absent).
//!
//! * PETRARCH-1's unit-test records (`text/PETR.UnitTest.records.xml`, 279
//!   active records) with the dictionaries their `<Environment>` names
//!   (`PETR.Validate.verbs.txt` in TABARI syntax, WEIS-style codes).
//!   PETRARCH-2 passes 90.
//! * UniversalPetrarch's CAMEO re-coding of the same records, with
//!   `PETR.Validate.verbs.2.0.txt` (PETRARCH-2 syntax), scored on the 244
//!   records whose text and date it left unchanged. PETRARCH-2 passes 113.
//!
//! Reports are printed and written to `target/conformance-*.txt`. The
//! assertions are floors at the coder's current score (see `FLOOR_*`), to be
//! raised towards and past PETRARCH-2's.

use std::path::{Path, PathBuf};

use faultline_coder::Coder;
use faultline_coder::conformance::{self, Record, Report, Suite};
use faultline_coder::discards::Discards;
use faultline_coder::petrarch::{self, PetrarchVerbStats};
use faultline_coder::pico;
use faultline_coder::verbs::VerbDict;

/// PETRARCH-2's score on the first suite (279 records): the target to beat.
const PETRARCH2_UNIT: usize = 90;
/// PETRARCH-2's score on the comparable re-coded records (244): the target.
const PETRARCH2_UNIVERSAL: usize = 113;
/// The coder's score on the first suite when this floor was last raised; a
/// change that codes fewer records correctly fails. Raise it as the coder
/// improves. It is above `PETRARCH2_UNIT`, so the coder stays ahead of PETRARCH-2.
const FLOOR_UNIT: usize = 214;
/// Same for the re-coded suite.
const FLOOR_UNIVERSAL: usize = 188;

fn data_dir() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/petrarch2"
    ));
    if p.join("text/PETR.UnitTest.records.xml").is_file() {
        Some(p)
    } else {
        println!(
            "note: {} is absent; skipping the PETRARCH conformance suites",
            p.display()
        );
        None
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target")),
        PathBuf::from,
    )
}

fn write_report(name: &str, text: &str) {
    println!("{text}");
    let dir = target_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("conformance-{name}.txt"));
    if let Err(e) = std::fs::write(&path, text) {
        println!("note: cannot write {}: {e}", path.display());
    }
}

fn load_verbs(path: &Path, tabari: bool) -> (VerbDict, PetrarchVerbStats) {
    let text = std::fs::read_to_string(path).expect("read the verb dictionary");
    let mut dict = VerbDict::new();
    let stats = if tabari {
        petrarch::load_tabari_verbs(&mut dict, &text, path)
    } else {
        petrarch::load_petrarch_verbs(&mut dict, &text, path)
    };
    assert_eq!(
        stats.loaded + stats.skipped + stats.errors,
        stats.lines,
        "{stats:?}"
    );
    assert_eq!(stats.errors, dict.errors.len());
    (dict, stats)
}

fn load_actors(actors: PathBuf, agents: PathBuf) -> faultline_actors::Actors {
    let mut a = faultline_actors::Actors::load(&faultline_actors::Options {
        no_defaults: true,
        extra: vec![actors, agents],
    })
    .expect("load the validation actors");
    // PETRARCH codes role words without a country as `---GOV`.
    a.context_countries = false;
    a
}

/// Ids of the two files differ by `-` vs `_`.
fn norm_id(id: &str) -> String {
    id.replace('_', "-")
}

/// The udpipe records that UniversalPetrarch left unchanged: same text and
/// date as the record of the first suite at the same place in the file. Both
/// files hold the same 284 records in the same order; ids differ by `-` vs
/// `_`, and two AFP ids were renamed (their text is unchanged, so they count).
/// PETRARCH-2's 113/244 scored every one of these records, the few marked
/// `sentence="false"` included, so they are all made active here.
fn comparable(unit: &Suite, universal: &Suite) -> Vec<Record> {
    assert_eq!(unit.records.len(), universal.records.len());
    let renamed = unit
        .records
        .iter()
        .zip(&universal.records)
        .filter(|(u, r)| norm_id(&u.id) != norm_id(&r.id))
        .count();
    assert!(renamed <= 2, "{renamed} records out of step");
    unit.records
        .iter()
        .zip(&universal.records)
        .filter(|(u, r)| u.text == r.text && u.date == r.date)
        .map(|(_, r)| Record {
            active: true,
            ..r.clone()
        })
        .collect()
}

fn config_notes(suite: &Suite, report: &mut Report) {
    for c in &suite.configs {
        let at = suite
            .records
            .get(c.before)
            .map_or("the end".to_owned(), |r| r.id.clone());
        report.notes.push(format!(
            "<Config> {}={} before {at} (not applied)",
            c.option, c.value
        ));
    }
}

fn stats_note(name: &str, s: &PetrarchVerbStats) -> String {
    format!(
        "{name}: {} lines, {} loaded, {} skipped, {} errors; {} blocks, {} synsets, {} triggers, {} patterns, {} with pre-verb words",
        s.lines,
        s.loaded,
        s.skipped,
        s.errors,
        s.blocks,
        s.synsets,
        s.triggers,
        s.patterns,
        s.pre_verb
    )
}

/// A coder that codes as PETRARCH does: "will abandon" is abandon, not a
/// statement of intent, and "A met B" is A→B only (the suites' codes follow
/// the grammar's direction; the first suite's are WEIS codes, not CAMEO's).
/// Sentences and stories with a phrase of the suite's discard list code nothing.
fn petrarch_coder(actors: faultline_actors::Actors, verbs: VerbDict, discards: &Path) -> Coder {
    let mut coder = Coder::new(actors, verbs);
    coder.intent_codes = false;
    coder.codes.recode.kinds.mutual.clear();
    let text = std::fs::read_to_string(discards).expect("read the discard list");
    coder.discards = Discards::parse(&text);
    coder.place_targets = true;
    coder
}

#[test]
fn suites_parse_and_dictionaries_load() {
    let Some(dir) = data_dir() else { return };
    let unit = conformance::load_records(&dir.join("text/PETR.UnitTest.records.xml")).unwrap();
    assert_eq!(unit.records.len(), 284);
    assert_eq!(unit.records.iter().filter(|r| r.active).count(), 279);
    assert!(unit.configs.iter().any(|c| c.option == "new_actor_length"));
    let universal = conformance::load_records(
        &dir.join("universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"),
    )
    .unwrap();
    assert_eq!(universal.records.len(), 284);
    assert_eq!(comparable(&unit, &universal).len(), 244);

    let (d, s) = load_verbs(&dir.join("dictionaries/CAMEO.2.0.txt"), false);
    println!("{}", stats_note("CAMEO.2.0.txt", &s));
    for e in d.errors.iter().take(20) {
        println!("  {e}");
    }
    assert_eq!(s.blocks, 397);
    assert_eq!(s.synsets, 40);
    assert!(s.patterns >= 4_000, "{s:?}");
    let (_, s) = load_verbs(&dir.join("dictionaries/PETR.Validate.verbs.txt"), true);
    println!("{}", stats_note("PETR.Validate.verbs.txt", &s));
    assert!(s.patterns > 0);
    let (d, s) = load_verbs(
        &dir.join("universalpetrarch/PETR.Validate.verbs.2.0.txt"),
        false,
    );
    println!("{}", stats_note("PETR.Validate.verbs.2.0.txt", &s));
    for e in &d.errors {
        println!("  {e}");
    }
    assert_eq!(s.blocks, 69);
}

#[test]
fn petrarch_unit_suite() {
    let Some(dir) = data_dir() else { return };
    let dicts = dir.join("dictionaries");
    let suite = conformance::load_records(&dir.join("text/PETR.UnitTest.records.xml")).unwrap();
    let (verbs, stats) = load_verbs(&dicts.join("PETR.Validate.verbs.txt"), true);
    let actors = load_actors(
        dicts.join("PETR.Validate.actors.txt"),
        dicts.join("PETR.Validate.agents.txt"),
    );
    let coder = petrarch_coder(actors, verbs, &dicts.join("PETR.Validate.discards.txt"));
    let mut report = conformance::run(&suite.records, |text, date| coder.code_triples(text, date));
    report.verbose = true;
    report
        .notes
        .push(stats_note("PETR.Validate.verbs.txt", &stats));
    report
        .notes
        .push(format!("PETRARCH-2 passes {PETRARCH2_UNIT} of 279"));
    config_notes(&suite, &mut report);
    write_report("petrarch-unit", &report.to_string());
    assert_eq!(report.total, 279);
    assert!(
        report.passed >= FLOOR_UNIT,
        "{} of 279 passed, below the floor {FLOOR_UNIT}; PETRARCH-2 passes {PETRARCH2_UNIT}",
        report.passed
    );
}

#[test]
fn universalpetrarch_suite() {
    let Some(dir) = data_dir() else { return };
    let unit = conformance::load_records(&dir.join("text/PETR.UnitTest.records.xml")).unwrap();
    let up = dir.join("universalpetrarch");
    let suite =
        conformance::load_records(&up.join("PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"))
            .unwrap();
    let records = comparable(&unit, &suite);
    let (verbs, stats) = load_verbs(&up.join("PETR.Validate.verbs.2.0.txt"), false);
    let actors = load_actors(
        up.join("PETR.Validate.actors.txt"),
        dir.join("dictionaries/PETR.Validate.agents.txt"),
    );
    let mut coder = petrarch_coder(
        actors,
        verbs,
        &dir.join("dictionaries/PETR.Validate.discards.txt"),
    );
    // UniversalPetrarch codes a negated event as its opposite ("did not clash" → 050).
    let ontology = std::fs::read_to_string(up.join("PETR.Internal.Coding.Ontology.txt"))
        .expect("read the coding ontology");
    coder.negations = pico::negations(&ontology);
    let mut report = conformance::run(&records, |text, date| coder.code_triples(text, date));
    report.verbose = true;
    report
        .notes
        .push(stats_note("PETR.Validate.verbs.2.0.txt", &stats));
    report
        .notes
        .push(format!("PETRARCH-2 passes {PETRARCH2_UNIVERSAL} of 244"));
    config_notes(&suite, &mut report);
    write_report("universalpetrarch", &report.to_string());
    assert_eq!(report.total, 244);
    assert!(
        report.passed >= FLOOR_UNIVERSAL,
        "{} of 244 passed, below the floor {FLOOR_UNIVERSAL}; PETRARCH-2 passes {PETRARCH2_UNIVERSAL}",
        report.passed
    );
}
