//! Tests of the shipped model: accuracy floors on UD English EWT test
//! (skipped when `../shared` is absent), spans that slice the text on the
//! development corpus and on invented sentences, no panics on any input,
//! and the constructions the coder relies on.

use std::path::{Path, PathBuf};

use faultline_syntax::{Model, ParsedWord, conllu, embedded, eval};
use faultline_text::Span;
use proptest::prelude::*;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

fn model() -> &'static Model {
    embedded().expect("the embedded model loads")
}

/// Floors on EWT test with predicted tags (gold tokenisation). A model that
/// scores below them cannot land. The targets of issue 9 are UPOS ≥ 95,
/// UAS ≥ 85, LAS ≥ 82; the floors sit just below what the shipped model
/// reaches (95.64 / 85.31 / 82.16).
#[test]
fn accuracy_floors_on_ewt_test() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is not present");
        return;
    };
    let path = shared.join("treebanks/UD_English-EWT/en_ewt-ud-test.conllu");
    let text = std::fs::read_to_string(&path).expect("treebank");
    let gold = conllu::parse(&path.display().to_string(), &text).expect("valid CoNLL-U");
    let s = eval::evaluate(model(), &gold, false);
    eprintln!(
        "EWT test: UPOS {:.4} UAS {:.4} LAS {:.4}",
        s.upos, s.uas, s.las
    );
    assert!(s.words > 20_000, "the test set was read whole");
    assert!(
        s.upos >= FLOOR_UPOS,
        "UPOS {:.4} fell below {FLOOR_UPOS}",
        s.upos
    );
    assert!(
        s.uas >= FLOOR_UAS,
        "UAS {:.4} fell below {FLOOR_UAS}",
        s.uas
    );
    assert!(
        s.las >= FLOOR_LAS,
        "LAS {:.4} fell below {FLOOR_LAS}",
        s.las
    );
}

const FLOOR_UPOS: f64 = 0.956;
const FLOOR_UAS: f64 = 0.853;
const FLOOR_LAS: f64 = 0.821;

fn check_sentence(body: &str, span: Span, words: &[ParsedWord<'_>]) {
    let n = words.len();
    let roots = words.iter().filter(|w| w.head.is_none()).count();
    if n > 0 {
        assert_eq!(roots, 1, "one root in {:?}", span.slice(body));
    }
    for w in words {
        assert!(span.contains(w.span), "word inside its sentence");
        let text = body
            .get(w.span.start..w.span.end)
            .expect("span on char boundaries");
        assert!(!text.trim().is_empty());
        if let Some(h) = w.head {
            assert!((h as usize) < n);
        }
        assert!(!w.deprel.is_empty());
    }
    // every head chain reaches the root (no cycles)
    for start in 0..n {
        let mut cur = start;
        for _ in 0..=n {
            match words[cur].head {
                Some(h) => cur = h as usize,
                None => break,
            }
        }
        assert!(words[cur].head.is_none(), "cycle from word {start}");
    }
}

#[test]
fn every_word_slices_the_body_on_the_dev_corpus() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is not present");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpus/dev"))
        .expect("dev corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut sentences = 0;
    for f in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(f).expect("utf-8 article");
        let body = text.split_once("\n---\n").map_or(text.as_str(), |(_, b)| b);
        for s in faultline_text::analyze(body).sentences {
            check_sentence(body, s.span, &model().parse_span(body, s.span));
            sentences += 1;
        }
    }
    assert!(
        sentences > 500,
        "the corpus was read ({sentences} sentences)"
    );
}

/// The word (by text) that `word` depends on, and the relation.
fn arc<'a>(body: &'a str, words: &[ParsedWord<'a>], word: &str) -> (&'a str, &'a str) {
    let w = words
        .iter()
        .find(|w| w.span.slice(body) == word)
        .unwrap_or_else(|| panic!("no word {word:?}"));
    let head = w
        .head
        .map_or("ROOT", |h| words[h as usize].span.slice(body));
    (head, w.deprel)
}

fn parse(body: &str) -> Vec<ParsedWord<'static>> {
    model().parse_span(body, Span::new(0, body.len()))
}

#[test]
fn core_relations_on_invented_sentences() {
    let s = "On Monday, the minister signed the agreement in Geneva.";
    let w = parse(s);
    assert_eq!(arc(s, &w, "minister"), ("signed", "nsubj"));
    assert_eq!(arc(s, &w, "agreement"), ("signed", "obj"));
    assert_eq!(arc(s, &w, "Monday"), ("signed", "obl"));
    assert_eq!(arc(s, &w, "On"), ("Monday", "case"));

    let s = "The embassy was attacked by protesters on Sunday.";
    let w = parse(s);
    assert_eq!(arc(s, &w, "embassy"), ("attacked", "nsubj:pass"));
    assert_eq!(arc(s, &w, "protesters"), ("attacked", "obl:agent"));

    let s = "Egypt's foreign minister criticised the plan.";
    let w = parse(s);
    assert_eq!(arc(s, &w, "Egypt"), ("minister", "nmod:poss"));
    assert_eq!(arc(s, &w, "'s"), ("Egypt", "case"));
}

#[test]
fn clitics_and_hyphens_become_words() {
    let s = "Officials didn't confirm the Saudi-led strikes.";
    let w = parse(s);
    let texts: Vec<&str> = w.iter().map(|x| x.span.slice(s)).collect();
    assert!(
        texts.contains(&"did") && texts.contains(&"n't"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Saudi") && texts.contains(&"led"),
        "{texts:?}"
    );
    check_sentence(s, Span::new(0, s.len()), &w);
}

#[test]
fn a_damaged_model_file_is_an_error_not_a_panic() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/en_ewt.model"))
        .expect("model");
    for cut in [0, 4, 8, 12, 100, bytes.len() / 2] {
        let err =
            Model::from_bytes("cut.model", &bytes[..cut]).expect_err("a truncated file is refused");
        assert!(err.to_string().starts_with("cut.model:"), "{err}");
    }
    let mut other = bytes.clone();
    other[8] = 99;
    assert!(
        Model::from_bytes("v99.model", &other)
            .unwrap_err()
            .to_string()
            .contains("retrain")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn never_panics_and_spans_slice(text in "\\PC{0,200}") {
        let w = model().parse_span(&text, Span::new(0, text.len()));
        check_sentence(&text, Span::new(0, text.len()), &w);
    }

    #[test]
    fn news_like_text_parses(words in proptest::collection::vec("[A-Z]?[a-z]{1,8}('s|n't|-[a-z]{2,5})?[,.]?", 1..60)) {
        let text = words.join(" ");
        let w = model().parse_span(&text, Span::new(0, text.len()));
        check_sentence(&text, Span::new(0, text.len()), &w);
    }
}

#[test]
fn a_ten_thousand_word_sentence_parses() {
    let text = "the ships sailed north and ".repeat(2000);
    let w = model().parse_span(&text, Span::new(0, text.len()));
    assert_eq!(w.len(), 10_000);
    check_sentence(&text, Span::new(0, text.len()), &w);
}
