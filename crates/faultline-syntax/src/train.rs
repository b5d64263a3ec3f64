//! Training from a treebank: data preparation, jackknifed tags for the
//! parser, and the three models. Deterministic: the same treebank and seed
//! give the same model file, byte for byte.

use std::path::Path;

use crate::bytes::{Reader, Writer};
use crate::conllu::GoldSentence;
use crate::labeler::{self, LabeledSentence};
use crate::lexical::Atoms;
use crate::model::Model;
use crate::parser::{self, TreeSentence, oracle};
use crate::perceptron::Prune;
use crate::tagger::{self, TaggedSentence, Tagger, upos_index};

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::hash::fmix(self.0)
    }

    /// A number in [0, 1).
    #[allow(clippy::cast_precision_loss)]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = usize::try_from(self.next_u64() % (i as u64 + 1)).unwrap_or(0);
            v.swap(i, j);
        }
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Seed for shuffles and exploration.
    pub seed: u64,
    /// Tagger passes.
    pub tagger_epochs: usize,
    /// Parser passes.
    pub parser_epochs: usize,
    /// Labeller passes.
    pub labeler_epochs: usize,
    /// Folds for jackknifed training tags (1 = train the parser on gold tags).
    pub folds: usize,
    /// Pruning threshold (fraction of the largest weight).
    pub prune: Prune,
    /// Parsers in the ensemble.
    pub ensemble: usize,
    /// Labeller passes: 1, or 2 for a second pass that sees every
    /// first-pass label (see [`crate::labeler`]).
    pub labeler_passes: usize,
    /// Trains the labeller on the parses of ten-fold jackknifed parsers
    /// too (their correctly attached arcs), beside the gold trees.
    pub labeler_parsed: bool,
    /// Augmented copies of every `augment`-th sentence that fits, with a
    /// time phrase inserted (see [`crate::augment`]); 0 for none.
    pub augment: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            seed: 7,
            tagger_epochs: 10,
            parser_epochs: 15,
            labeler_epochs: 10,
            folds: 10,
            prune: Prune {
                relative: 0.002,
                min_updates: 2,
            },
            ensemble: 1,
            labeler_passes: 1,
            labeler_parsed: false,
            augment: 0,
        }
    }
}

/// One treebank sentence, prepared.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Word atoms.
    pub atoms: Vec<Atoms>,
    /// Gold UPOS indices.
    pub tags: Vec<u8>,
    /// Gold heads, 1-based (index 0 unused).
    pub heads: Vec<u32>,
    /// Gold labels, 1-based (index 0 unused).
    pub labels: Vec<String>,
}

/// Prepares treebank sentences (unknown UPOS become `X`).
#[must_use]
pub fn prepare(sents: &[GoldSentence]) -> Vec<Prepared> {
    let x = upos_index("X").unwrap_or(16);
    sents
        .iter()
        .map(|s| {
            let mut heads = vec![0u32];
            let mut labels = vec![String::new()];
            for w in &s.words {
                heads.push(u32::try_from(w.head).unwrap_or(0));
                labels.push(w.deprel.clone());
            }
            Prepared {
                atoms: s.words.iter().map(|w| Atoms::of(&w.form)).collect(),
                tags: s
                    .words
                    .iter()
                    .map(|w| upos_index(&w.upos).unwrap_or(x))
                    .collect(),
                heads,
                labels,
            }
        })
        .collect()
}

fn tagged(data: &[Prepared]) -> Vec<TaggedSentence> {
    data.iter()
        .map(|p| TaggedSentence {
            atoms: p.atoms.clone(),
            tags: p.tags.clone(),
        })
        .collect()
}

/// Tags each sentence with a tagger that did not see it (`folds` ≥ 2).
fn jackknife(data: &[Prepared], cfg: &Config, log: &mut dyn FnMut(&str)) -> Vec<Vec<u8>> {
    if cfg.folds < 2 {
        return data.iter().map(|p| p.tags.clone()).collect();
    }
    let mut out = vec![Vec::new(); data.len()];
    for fold in 0..cfg.folds {
        let rest: Vec<Prepared> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % cfg.folds != fold)
            .map(|(_, p)| p.clone())
            .collect();
        let t = tagger::train(
            &tagged(&rest),
            cfg.tagger_epochs,
            cfg.seed + fold as u64,
            cfg.prune,
        );
        for (i, p) in data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % cfg.folds == fold)
        {
            out[i] = t.tag(&p.atoms);
        }
        log(&format!("jackknife fold {}/{} done", fold + 1, cfg.folds));
    }
    out
}

/// Adds the augmented copies of [`crate::augment::time_phrases`] to the
/// parser's and labeller's data. A copy's words keep the jackknifed tags
/// of the sentence it copies, so no copy sees tags from a tagger that
/// trained on its original; the inserted words take their gold tags.
fn augment(
    train: &[GoldSentence],
    cfg: &Config,
    data: &mut Vec<Prepared>,
    auto_tags: &mut Vec<Vec<u8>>,
    log: &mut dyn FnMut(&str),
) {
    let copies = crate::augment::time_phrases(train, cfg.augment);
    if copies.is_empty() {
        return;
    }
    log(&format!("{} augmented sentences", copies.len()));
    for c in copies {
        let p = prepare(std::slice::from_ref(&c.sentence)).remove(0);
        let mut tags = auto_tags[c.source].clone();
        tags.splice(c.at..c.at, p.tags[c.at..c.at + c.len].iter().copied());
        auto_tags.push(tags);
        data.push(p);
    }
}

/// Trains all three models. `log` receives progress lines.
#[must_use]
pub fn train(train: &[GoldSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Model {
    train_cached(train, cfg, None, log)
}

/// A value read from `file` when an earlier run left it there, or made
/// (and written there). `what` names it in the log.
fn cached<T>(
    file: Option<std::path::PathBuf>,
    what: &str,
    log: &mut dyn FnMut(&str),
    read: impl FnOnce(&mut Reader<'_>) -> Result<T, crate::SyntaxError>,
    make: impl FnOnce(&mut dyn FnMut(&str)) -> T,
    write: impl FnOnce(&T, &mut Writer),
) -> T {
    if let Some(bytes) = file.as_ref().and_then(|f| std::fs::read(f).ok())
        && let Ok(found) = read(&mut Reader::new(what, &bytes))
    {
        log(&format!("{what} read from the cache"));
        return found;
    }
    let value = make(log);
    if let Some(f) = file {
        let mut w = Writer::default();
        write(&value, &mut w);
        if std::fs::write(&f, w.into_inner()).is_err() {
            log(&format!("could not write the {what} cache {}", f.display()));
        }
    }
    value
}

/// The tagger and the jackknifed tags of every sentence, read from a
/// file in `cache` when an earlier run with the same tagger settings and
/// data left one there (and written there otherwise), so that parser and
/// labeller settings can be tried without retraining the taggers.
fn tagger_and_tags(
    data: &[Prepared],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> (Tagger, Vec<Vec<u8>>) {
    let words: usize = data.iter().map(|p| p.tags.len()).sum();
    let file = cache_file(cache, "tags", cfg, cfg.tagger_epochs, data.len(), words);
    let read = |r: &mut Reader<'_>| {
        let tagger = Tagger::read(r)?;
        let mut tags = Vec::with_capacity(data.len());
        for _ in 0..data.len() {
            let n = r.u32()? as usize;
            tags.push(r.take(n)?.to_vec());
        }
        Ok((tagger, tags))
    };
    let make = |log: &mut dyn FnMut(&str)| {
        let tagger = tagger::train(&tagged(data), cfg.tagger_epochs, cfg.seed, cfg.prune);
        log(&format!("tagger trained: {} feature rows", tagger.size()));
        (tagger, jackknife(data, cfg, log))
    };
    let write = |(tagger, tags): &(Tagger, Vec<Vec<u8>>), w: &mut Writer| {
        tagger.write(w);
        for t in tags {
            w.u32(u32::try_from(t.len()).unwrap_or(0));
            w.raw(t);
        }
    };
    cached(file, "tagger and jackknifed tags", log, read, make, write)
}

/// The tagger, the prepared sentences (augmented copies included) and
/// their jackknifed tags.
fn training_data(
    train: &[GoldSentence],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> (Tagger, Vec<Prepared>, Vec<Vec<u8>>) {
    let mut data = prepare(train);
    let (tagger, mut auto_tags) = tagger_and_tags(&data, cfg, cache, log);
    augment(train, cfg, &mut data, &mut auto_tags, log);
    (tagger, data, auto_tags)
}

/// As [`train`], keeping the tagger and the jackknifed tags in the
/// folder `cache` for later runs (see [`tagger_and_tags`]).
#[must_use]
pub fn train_cached(
    train: &[GoldSentence],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Model {
    let (tagger, data, auto_tags) = training_data(train, cfg, cache, log);
    let trees = parser_trees(&tagger, &data, &auto_tags);
    let parser = parser::train(&trees, parser_settings(cfg));
    log(&format!("parser trained: {} feature rows", parser.size()));
    let predicted = labeler_trees(&trees, cfg, cache, log);
    let labeler = train_labeler(&data, auto_tags, predicted, cfg, log);
    Model {
        tagger,
        parser,
        labeler,
    }
}

/// The parser's training sentences: jackknifed tags, projective gold trees.
fn parser_trees(tagger: &Tagger, data: &[Prepared], auto_tags: &[Vec<u8>]) -> Vec<TreeSentence> {
    data.iter()
        .zip(auto_tags)
        .map(|(p, t)| TreeSentence {
            atoms: p.atoms.clone(),
            tags: t.clone(),
            heads: oracle::projectivise(&p.heads),
            classes: tagger.classes(&p.atoms),
        })
        .collect()
}

fn parser_settings(cfg: &Config) -> parser::Settings {
    parser::Settings {
        epochs: cfg.parser_epochs,
        seed: cfg.seed,
        explore_from: 1,
        explore: 0.9,
        prune: cfg.prune,
        ensemble: cfg.ensemble,
    }
}

/// The jackknifed parses the labeller trains on beside the gold trees,
/// when [`Config::labeler_parsed`] asks for them.
fn labeler_trees(
    trees: &[TreeSentence],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Option<Vec<Vec<u32>>> {
    cfg.labeler_parsed
        .then(|| jackknife_heads(trees, cfg, cache, log))
}

/// The cache file of one jackknifed product (`kind`): named by the seed,
/// the folds, the epochs of the models that made it and the data's size,
/// so a run with other settings or data does not read it.
fn cache_file(
    cache: Option<&Path>,
    kind: &str,
    cfg: &Config,
    epochs: impl std::fmt::Display,
    sentences: usize,
    words: usize,
) -> Option<std::path::PathBuf> {
    cache.map(|dir| {
        dir.join(format!(
            "{kind}-{}-{}-{epochs}-{sentences}-{words}.bin",
            cfg.seed, cfg.folds
        ))
    })
}

/// The heads of every sentence from parsers trained on the other folds,
/// read from (or written to) a file in `cache`.
fn jackknife_heads(
    trees: &[TreeSentence],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<u32>> {
    let words: usize = trees.iter().map(|t| t.tags.len()).sum();
    let file = cache_file(cache, "heads", cfg, cfg.parser_epochs, trees.len(), words);
    let read = |r: &mut Reader<'_>| {
        let mut out = Vec::with_capacity(trees.len());
        for _ in 0..trees.len() {
            let n = r.u32()? as usize;
            out.push((0..n).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?);
        }
        Ok(out)
    };
    let write = |out: &Vec<Vec<u32>>, w: &mut Writer| {
        for h in out {
            w.u32(u32::try_from(h.len()).unwrap_or(0));
            for &x in h {
                w.u32(x);
            }
        }
    };
    cached(
        file,
        "jackknifed heads",
        log,
        read,
        |log| parse_folds(trees, cfg, log),
        write,
    )
}

/// Parses each sentence with a parser trained on the other folds.
fn parse_folds(trees: &[TreeSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Vec<Vec<u32>> {
    let folds = cfg.folds.max(2);
    let mut out = vec![Vec::new(); trees.len()];
    for fold in 0..folds {
        let rest: Vec<TreeSentence> = trees
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, t)| t.clone())
            .collect();
        let p = parser::train(
            &rest,
            parser::Settings {
                seed: cfg.seed + fold as u64,
                ..parser_settings(cfg)
            },
        );
        for (i, t) in trees.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            out[i] = p.parse(&t.atoms, &t.tags, &t.classes);
        }
        log(&format!("parser jackknife fold {}/{folds} done", fold + 1));
    }
    out
}

/// Trains the labeller on the gold trees of `data`, with their jackknifed
/// tags, and on the `parsed` trees of the same sentences, learning there
/// only from the arcs whose head is right.
fn train_labeler(
    data: &[Prepared],
    auto_tags: Vec<Vec<u8>>,
    parsed: Option<Vec<Vec<u32>>>,
    cfg: &Config,
    log: &mut dyn FnMut(&str),
) -> labeler::Labeler {
    let mut labeled: Vec<LabeledSentence> = data
        .iter()
        .zip(auto_tags)
        .enumerate()
        .map(|(group, (p, t))| LabeledSentence {
            atoms: p.atoms.clone(),
            tags: t,
            heads: p.heads.clone(),
            labels: p.labels.clone(),
            scored: Vec::new(),
            group,
        })
        .collect();
    if let Some(parsed) = parsed {
        let extra: Vec<LabeledSentence> = labeled
            .iter()
            .zip(parsed)
            .map(|(s, heads)| LabeledSentence {
                scored: heads.iter().zip(&s.heads).map(|(a, b)| a == b).collect(),
                heads,
                ..s.clone()
            })
            .collect();
        labeled.extend(extra);
    }
    let labeler = labeler::train(
        &labeled,
        cfg.labeler_epochs,
        cfg.seed,
        cfg.prune,
        cfg.labeler_passes,
    );
    log(&format!(
        "labeller trained: {} feature rows",
        labeler.size()
    ));
    labeler
}

/// Retrains only the labeller of `base` (for trying labeller settings
/// quickly): the tagger and jackknifed tags come from `cache` as in
/// [`train_cached`], the tagger and parser from `base`. With the same
/// data and settings as `base` was trained with, the result is the model
/// [`train_cached`] writes.
#[must_use]
pub fn retrain_labeler(
    base: Model,
    train: &[GoldSentence],
    cfg: &Config,
    cache: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Model {
    let (tagger, data, auto_tags) = training_data(train, cfg, cache, log);
    let predicted = labeler_trees(&parser_trees(&tagger, &data, &auto_tags), cfg, cache, log);
    Model {
        labeler: train_labeler(&data, auto_tags, predicted, cfg, log),
        ..base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    /// A toy treebank of invented sentences.
    fn toy() -> Vec<GoldSentence> {
        let rows: [&[(&str, &str, usize, &str)]; 3] = [
            &[
                ("Ships", "NOUN", 2, "nsubj"),
                ("sailed", "VERB", 0, "root"),
                ("north", "ADV", 2, "advmod"),
                (".", "PUNCT", 2, "punct"),
            ],
            &[
                ("The", "DET", 2, "det"),
                ("envoy", "NOUN", 3, "nsubj"),
                ("met", "VERB", 0, "root"),
                ("the", "DET", 5, "det"),
                ("minister", "NOUN", 3, "obj"),
                ("in", "ADP", 7, "case"),
                ("Oslo", "PROPN", 3, "obl"),
                (".", "PUNCT", 3, "punct"),
            ],
            &[
                ("Talks", "NOUN", 3, "nsubj:pass"),
                ("were", "AUX", 3, "aux:pass"),
                ("held", "VERB", 0, "root"),
                ("by", "ADP", 5, "case"),
                ("diplomats", "NOUN", 3, "obl:agent"),
            ],
        ];
        let mut text = String::new();
        for _ in 0..8 {
            for s in rows {
                for (i, (form, upos, head, rel)) in s.iter().enumerate() {
                    text.push_str(&format!(
                        "{}\t{form}\t_\t{upos}\t_\t_\t{head}\t{rel}\t_\t_\n",
                        i + 1
                    ));
                }
                text.push('\n');
            }
        }
        conllu::parse("toy", &text).expect("toy treebank")
    }

    /// Settings small enough for the toy treebank.
    fn small() -> Config {
        Config {
            tagger_epochs: 3,
            parser_epochs: 3,
            labeler_epochs: 3,
            folds: 2,
            prune: Prune {
                relative: 0.0,
                min_updates: 0,
            },
            ..Config::default()
        }
    }

    #[test]
    fn training_is_deterministic_and_learns_the_toy_treebank() {
        let cfg = small();
        let data = toy();
        let a = train(&data, &cfg, &mut |_| {});
        let b = train(&data, &cfg, &mut |_| {});
        assert_eq!(
            a.to_bytes(),
            b.to_bytes(),
            "same data and seed, same model file"
        );
        let s = crate::eval::evaluate(&a, &data, false);
        assert!(s.upos > 0.9 && s.uas > 0.9, "{s:?}");
        let other = train(&data, &Config { seed: 99, ..cfg }, &mut |_| {});
        assert_eq!(crate::eval::evaluate(&other, &data, false).words, s.words);
    }

    #[test]
    fn a_second_labeller_pass_trains_deterministically_and_round_trips() {
        let cfg = Config {
            labeler_passes: 2,
            labeler_parsed: true,
            ..small()
        };
        let data = toy();
        let a = train(&data, &cfg, &mut |_| {});
        let bytes = a.to_bytes();
        assert_eq!(bytes, train(&data, &cfg, &mut |_| {}).to_bytes());
        assert!(a.labeler.has_second_pass());
        assert_eq!(bytes[8..12], crate::model::VERSION.to_le_bytes());
        let back = Model::from_bytes("toy.model", &bytes).expect("format 5 reads back");
        let cut = Model::from_bytes("cut.model", &bytes[..bytes.len() - 3]);
        assert!(cut.is_err(), "a truncated second pass is refused");
        assert!(back.labeler.has_second_pass());
        let s = crate::eval::evaluate(&back, &data, false);
        assert!(s.las > 0.9, "{s:?}");
        let one = train(
            &data,
            &Config {
                labeler_passes: 1,
                ..cfg
            },
            &mut |_| {},
        );
        assert_eq!(
            one.to_bytes()[8..12],
            4u32.to_le_bytes(),
            "one pass: format 4"
        );
    }
}
