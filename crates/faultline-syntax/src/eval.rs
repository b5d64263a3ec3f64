//! Evaluation against a treebank: UPOS accuracy, UAS and LAS, with gold
//! tokenisation, and with predicted or gold tags. Punctuation counts, as in
//! the CoNLL 2018 shared task; LAS compares universal relations (the part
//! before `:`), and `las_full` compares subtypes too.

use crate::conllu::GoldSentence;
use crate::model::Model;
use crate::train::prepare;

/// Accuracy figures, as fractions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// UPOS accuracy.
    pub upos: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (universal relations).
    pub las: f64,
    /// Labelled attachment score with relation subtypes.
    pub las_full: f64,
}

fn universal(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

/// The most frequent relation confusions on correctly attached words:
/// `(gold, predicted, count)`, most frequent first.
#[must_use]
pub fn label_confusions(
    model: &Model,
    gold: &[GoldSentence],
    top: usize,
) -> Vec<(String, String, usize)> {
    let mut counts: std::collections::BTreeMap<(String, String), usize> =
        std::collections::BTreeMap::new();
    for p in &prepare(gold) {
        let a = model.analyze_atoms(&p.atoms);
        for i in 0..p.atoms.len() {
            let head = a.heads[i].map_or(0, |h| h + 1);
            let got = model.label_name(a.labels[i]);
            if head == p.heads[i + 1] && got != p.labels[i + 1] {
                *counts
                    .entry((p.labels[i + 1].clone(), got.to_owned()))
                    .or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, String, usize)> =
        counts.into_iter().map(|((g, p), n)| (g, p, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.cmp(b)));
    v.truncate(top);
    v
}

/// Scores `model` on `gold`; with `gold_tags`, the parser sees gold UPOS.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn evaluate(model: &Model, gold: &[GoldSentence], gold_tags: bool) -> Scores {
    let data = prepare(gold);
    let (mut n, mut tag_ok, mut head_ok, mut las_ok, mut full_ok) = (0usize, 0, 0, 0, 0);
    for p in &data {
        let a = if gold_tags {
            model.analyze_tagged(&p.atoms, p.tags.clone())
        } else {
            model.analyze_atoms(&p.atoms)
        };
        for i in 0..p.atoms.len() {
            n += 1;
            tag_ok += usize::from(a.tags[i] == p.tags[i]);
            let head = a.heads[i].map_or(0, |h| h + 1);
            if head == p.heads[i + 1] {
                head_ok += 1;
                let (want, got) = (&p.labels[i + 1], model.label_name(a.labels[i]));
                las_ok += usize::from(universal(want) == universal(got));
                full_ok += usize::from(want == got);
            }
        }
    }
    let f = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    Scores {
        words: n,
        sentences: data.len(),
        upos: f(tag_ok),
        uas: f(head_ok),
        las: f(las_ok),
        las_full: f(full_ok),
    }
}
