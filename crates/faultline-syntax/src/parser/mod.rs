//! The dependency parser: greedy arc-eager transitions scored by an
//! averaged perceptron, trained with a dynamic oracle and exploration.
//! It finds heads only; [`crate::labeler`] names the relations afterwards.

pub mod features;
pub mod oracle;
pub mod state;

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;
use crate::lexical::Atoms;
use crate::perceptron::{Linear, Prune, Trainer, argmax_allowed};
use features::{Sentence, extract, extract_rest};
use state::{MOVES, Move, State};

/// A trained head-finding model: one or more perceptrons trained with
/// different seeds, whose scores are summed at every move.
#[derive(Debug, Clone)]
pub struct Parser {
    models: Vec<Linear>,
}

/// Runs the transitions, taking the best allowed move by `score` (called
/// only when there is a choice); returns the heads with one root. Words
/// left on the stack with no head hang on the nearest word below them that
/// is no punctuation, as a right arc would have made them, and then on the
/// first root.
fn greedy(tags: &[u8], mut score: impl FnMut(&State) -> [i32; 4]) -> Vec<u32> {
    let mut st = State::with_tags(tags);
    while !st.done() {
        if st.stack.is_empty() {
            st.apply(Move::Shift); // the only move
            continue;
        }
        let scores = score(&st);
        let m = argmax_allowed(&scores, |i| st.allowed(MOVES[i])).map_or(Move::Shift, |i| MOVES[i]);
        st.apply(m);
    }
    let mut heads = st.heads;
    stack_heads(&st.stack, tags, &mut heads);
    single_root(&mut heads);
    heads
}

/// Hangs each headless word left on the `stack` on the nearest word below
/// it that is no punctuation (`tags`, 0-based).
fn stack_heads(stack: &[u32], tags: &[u8], heads: &mut [u32]) {
    let punct = crate::tagger::upos_index("PUNCT");
    let is_punct = |w: u32| tags.get((w as usize).wrapping_sub(1)).copied() == punct;
    for (i, &w) in stack.iter().enumerate().skip(1) {
        let below = stack[..i].iter().rev().copied().find(|&b| !is_punct(b));
        if let (Some(b), Some(h)) = (below, heads.get_mut(w as usize).filter(|h| **h == 0)) {
            *h = b;
        }
    }
}

/// Makes one root: the first headless word stays the root, the others
/// attach to it.
fn single_root(heads: &mut [u32]) {
    let mut roots = (1..heads.len()).filter(|&i| heads[i] == 0);
    if let Some(first) = roots.next() {
        let first = u32::try_from(first).unwrap_or(0);
        for r in roots.collect::<Vec<_>>() {
            heads[r] = first;
        }
    }
}

impl Parser {
    /// Parses one sentence. Returns heads, 1-based with index 0 unused:
    /// `heads[w]` is the head of word `w`, 0 for the root.
    ///
    /// The features of the buffer front and of the stack top's own word
    /// are scored once per word, all before the first move (their look-ups
    /// overlap), not at every move.
    #[must_use]
    pub fn parse(&self, atoms: &[Atoms], tags: &[u8], classes: &[u64]) -> Vec<u32> {
        let sn = Sentence::new(atoms, tags, classes);
        let mut buf = Vec::with_capacity(80);
        let (front_scores, top_scores) = self.word_scores(&sn, tags.len(), &mut buf);
        greedy(tags, |st| {
            let (front, top) = (front_scores[st.next as usize], top_scores[st.s0() as usize]);
            extract_rest(&sn, st, &mut buf);
            let mut scores = self.score(&buf);
            for ((s, f), t) in scores.iter_mut().zip(front).zip(top) {
                *s += f + t;
            }
            scores
        })
    }

    /// The scores of the buffer-front features of each position and of
    /// the stack-top features of each word (1-based, index 0 unused), with
    /// the look-ups of all of them started at once.
    fn word_scores(
        &self,
        sn: &Sentence<'_>,
        n: usize,
        buf: &mut Vec<u64>,
    ) -> (Vec<[i32; 4]>, Vec<[i32; 4]>) {
        let mut all = Vec::with_capacity(24 * n);
        let mut ends = Vec::with_capacity(2 * n);
        for w in (1..=n).filter_map(|w| u32::try_from(w).ok()) {
            features::front(sn, w, buf);
            all.extend_from_slice(buf);
            ends.push(all.len());
            features::top(sn, w, buf);
            all.extend_from_slice(buf);
            ends.push(all.len());
        }
        let mut scores = vec![[0i32; 4]; ends.len()];
        let mut part = vec![0i32; 4 * ends.len()];
        for m in &self.models {
            m.score_groups(&all, &ends, &mut part);
            for (s, p) in scores.iter_mut().zip(part.chunks_exact(4)) {
                for (s, p) in s.iter_mut().zip(p) {
                    *s += p;
                }
            }
        }
        let (mut front, mut top) = (vec![[0; 4]; n + 1], vec![[0; 4]; n + 1]);
        for (k, s) in scores.into_iter().enumerate() {
            let slot = if k % 2 == 0 { &mut front } else { &mut top };
            slot[k / 2 + 1] = s;
        }
        (front, top)
    }

    /// The summed scores of every model.
    fn score(&self, feats: &[u64]) -> [i32; 4] {
        let (mut scores, mut part) = ([0i32; 4], [0i32; 4]);
        for m in &self.models {
            m.score(feats, &mut part);
            for (s, p) in scores.iter_mut().zip(part) {
                *s += p;
            }
        }
        scores
    }

    /// The same parser with only its first model (for comparisons).
    #[must_use]
    pub fn first_only(&self) -> Self {
        Self {
            models: self.models.iter().take(1).cloned().collect(),
        }
    }

    /// Bytes of the weight tables in memory.
    #[must_use]
    pub fn table_bytes(&self) -> usize {
        self.models.iter().map(Linear::bytes).sum()
    }

    /// Number of feature rows kept.
    #[must_use]
    pub fn size(&self) -> usize {
        self.models.iter().map(Linear::len).sum()
    }

    /// Writes the parser section.
    pub fn write(&self, w: &mut Writer) {
        w.u32(u32::try_from(self.models.len()).unwrap_or(0));
        for m in &self.models {
            m.write(w);
        }
    }

    /// Reads the parser section.
    ///
    /// # Errors
    /// A damaged section.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, SyntaxError> {
        let n = r.u32()?;
        if n == 0 || n > 16 {
            return Err(r.error(
                "the parser section has an impossible number of models; retrain the model",
            ));
        }
        let mut models = Vec::new();
        for _ in 0..n {
            let linear = Linear::read(r)?;
            if linear.classes() != MOVES.len() {
                return Err(
                    r.error("the parser section has the wrong number of moves; retrain the model")
                );
            }
            models.push(linear);
        }
        Ok(Self { models })
    }
}

/// A training sentence: atoms, (predicted) tags and projective gold heads.
#[derive(Debug, Clone)]
pub struct TreeSentence {
    /// Word atoms (0-based).
    pub atoms: Vec<Atoms>,
    /// Tags the parser will see (predicted, jackknifed).
    pub tags: Vec<u8>,
    /// Gold heads, 1-based with index 0 unused.
    pub heads: Vec<u32>,
    /// Ambiguity classes (see [`crate::tagger::Tagger::classes`]).
    pub classes: Vec<u64>,
}

/// Training settings for the parser.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle and exploration seed.
    pub seed: u64,
    /// From this epoch on, a wrong move is followed with probability `explore`.
    pub explore_from: usize,
    /// Probability of following a wrong prediction.
    pub explore: f64,
    /// Pruning threshold for the frozen model.
    pub prune: Prune,
    /// Models in the ensemble (trained in parallel, seeds `seed`, `seed + 1`, …).
    pub ensemble: usize,
}

/// Trains the parser with the dynamic oracle.
#[must_use]
pub fn train(data: &[TreeSentence], settings: Settings) -> Parser {
    let models = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..settings.ensemble.max(1))
            .map(|k| {
                scope.spawn(move || {
                    train_one(
                        data,
                        Settings {
                            seed: settings.seed + k as u64,
                            ..settings
                        },
                    )
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    Parser { models }
}

fn train_one(data: &[TreeSentence], settings: Settings) -> Linear {
    let mut model = Trainer::new(MOVES.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = crate::train::Rng::new(settings.seed);
    let mut buf = Vec::with_capacity(80);
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let explore = epoch >= settings.explore_from;
            train_sentence(
                &mut model,
                &data[k],
                &mut rng,
                explore.then_some(settings.explore),
                &mut buf,
            );
        }
    }
    model.freeze(settings.prune)
}

fn train_sentence(
    model: &mut Trainer,
    s: &TreeSentence,
    rng: &mut crate::train::Rng,
    explore: Option<f64>,
    buf: &mut Vec<u64>,
) {
    let sn = Sentence::new(&s.atoms, &s.tags, &s.classes);
    let mut st = State::with_tags(&s.tags);
    let mut scores = [0f32; 4];
    while !st.done() {
        extract(&sn, &st, buf);
        model.score(buf, &mut scores);
        let costs = oracle::costs(&st, &s.heads);
        let guess = argmax_allowed(&scores, |i| costs[i].is_some()).unwrap_or(0);
        let min = costs.iter().flatten().min().copied().unwrap_or(0);
        let best = argmax_allowed(&scores, |i| costs[i] == Some(min)).unwrap_or(0);
        model.update(buf, best, guess);
        model.tick();
        let right = costs[guess] == Some(min);
        let follow = if right || explore.is_some_and(|p| rng.unit() < p) {
            guess
        } else {
            best
        };
        st.apply(MOVES[follow]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse with every feature scored at every move.
    fn parse_uncached(p: &Parser, atoms: &[Atoms], tags: &[u8], classes: &[u64]) -> Vec<u32> {
        let sn = Sentence::new(atoms, tags, classes);
        let mut buf = Vec::new();
        greedy(tags, |st| {
            extract(&sn, st, &mut buf);
            p.score(&buf)
        })
    }

    #[test]
    fn scores_kept_per_front_and_per_word_change_no_parse() {
        let model = crate::embedded().expect("model");
        for text in [
            "Protesters who had gathered outside the ministry were dispersed by police on Tuesday .",
            "The navy said two of its ships , which sailed north , had been fired on but nobody was hurt .",
            "Talks resumed .",
        ] {
            let atoms: Vec<Atoms> = text.split(' ').map(Atoms::of).collect();
            let (tags, classes) = model.tagger.tag_and_classes(&atoms);
            assert_eq!(
                model.parser.parse(&atoms, &tags, &classes),
                parse_uncached(&model.parser, &atoms, &tags, &classes),
                "{text}"
            );
        }
    }

    #[test]
    fn single_root_keeps_the_first() {
        let mut h = vec![0, 0, 1, 0, 3];
        single_root(&mut h);
        assert_eq!(h, vec![0, 0, 1, 1, 3]);
    }

    #[test]
    fn headless_stack_words_hang_on_the_word_below() {
        // stack 1 3 4 with 4 headless and 3 already 1's dependent
        let mut h = vec![0, 0, 1, 1, 0];
        let noun = crate::tagger::upos_index("NOUN").unwrap_or(0);
        let punct = crate::tagger::upos_index("PUNCT").unwrap_or(0);
        stack_heads(&[1, 3, 4], &[noun; 4], &mut h);
        assert_eq!(h, vec![0, 0, 1, 1, 3]);
        // not on a punctuation mark: word 4 goes past the stop 3 to word 1
        let mut h = vec![0, 0, 1, 0, 0];
        stack_heads(&[1, 3, 4], &[noun, noun, punct, noun], &mut h);
        assert_eq!(h, vec![0, 0, 1, 1, 1]);
    }
}
