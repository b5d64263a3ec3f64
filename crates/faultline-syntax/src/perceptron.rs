//! The linear model behind the tagger, the parser and the labeller: an
//! averaged multi-class perceptron over hashed features.
//!
//! [`Trainer`] learns with lazy averaging (each weight remembers when it
//! last changed); [`Trainer::freeze`] turns the averages into a [`Linear`]:
//! weights rounded to 16-bit units of one scale (rows whose weights all
//! round to zero, or that were rarely updated, pruned), then stored as
//! 8-bit codes in a [`crate::linear`] table.

use std::collections::HashMap;

pub use crate::linear::Linear;
use crate::linear::slot_key;

/// What freezing drops: rows whose largest weight is below `relative`
/// times the model's largest weight, and rows of features updated fewer
/// than `min_updates` times in training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prune {
    /// Fraction of the largest weight.
    pub relative: f32,
    /// Fewest updates a kept feature had.
    pub min_updates: u32,
}

/// Averaged-perceptron training state.
#[derive(Debug)]
pub struct Trainer {
    classes: usize,
    index: HashMap<u64, u32>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    updates: Vec<u32>,
    now: u32,
}

impl Trainer {
    /// A model with `classes` outputs and no features yet.
    #[must_use]
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            index: HashMap::new(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            updates: Vec::new(),
            now: 0,
        }
    }

    /// Number of outputs.
    #[must_use]
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `feats` into `out` (length = classes).
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(&row) = self.index.get(f) {
                let base = row as usize * self.classes;
                for (o, w) in out.iter_mut().zip(&self.weights[base..base + self.classes]) {
                    *o += w;
                }
            }
        }
    }

    /// Ends one training instance (advances the averaging clock).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// The perceptron update: `truth` up and `guess` down on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let row = self.row(f);
            self.updates[row] += 1;
            self.nudge(row, truth, 1.0);
            self.nudge(row, guess, -1.0);
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let next = self.index.len();
        let row = *self
            .index
            .entry(f)
            .or_insert(u32::try_from(next).unwrap_or(u32::MAX)) as usize;
        if row == next {
            self.weights.resize(self.weights.len() + self.classes, 0.0);
            self.totals.resize(self.totals.len() + self.classes, 0.0);
            self.stamps.resize(self.stamps.len() + self.classes, 0);
            self.updates.push(0);
        }
        row
    }

    fn nudge(&mut self, row: usize, class: usize, delta: f32) {
        let i = row * self.classes + class;
        self.totals[i] += f64::from(self.now - self.stamps[i]) * f64::from(self.weights[i]);
        self.stamps[i] = self.now;
        self.weights[i] += delta;
    }

    /// The averaged weights, quantised and pruned (see [`Prune`]).
    /// Deterministic: rows are ordered by feature hash.
    #[must_use]
    pub fn freeze(&self, prune: Prune) -> Linear {
        let now = f64::from(self.now.max(1));
        let averaged: Vec<f32> = (0..self.weights.len())
            .map(|i| {
                let total = self.totals[i]
                    + f64::from(self.now - self.stamps[i]) * f64::from(self.weights[i]);
                #[allow(clippy::cast_possible_truncation)]
                let avg = (total / now) as f32;
                avg
            })
            .collect();
        let max = averaged
            .iter()
            .fold(0.0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = max / 32767.0;
        let mut keys: Vec<(u32, u32)> =
            self.index.iter().map(|(&k, &r)| (slot_key(k), r)).collect();
        keys.sort_unstable();
        keys.dedup_by_key(|e| e.0);
        let (mut kept, mut rows) = (Vec::with_capacity(keys.len()), Vec::new());
        for (key, row) in keys {
            let base = row as usize * self.classes;
            let slice = &averaged[base..base + self.classes];
            let weak = slice.iter().all(|w| w.abs() < prune.relative * max);
            if self.updates[row as usize] < prune.min_updates || weak {
                continue;
            }
            kept.push(key);
            #[allow(clippy::cast_possible_truncation)]
            rows.extend(
                slice
                    .iter()
                    .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16),
            );
        }
        Linear::build(self.classes, scale, &kept, &rows)
    }
}

/// Index of the largest score among the allowed classes (the first on ties).
#[must_use]
pub fn argmax_allowed<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn toy() -> Trainer {
        // two classes, learn "feature 10 → class 0, feature 20 → class 1"
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (f, y) in [(10u64, 0usize), (20, 1)] {
                let mut s = [0.0; 2];
                t.score(&[f, 99], &mut s);
                let guess = argmax_allowed(&s, |_| true).unwrap();
                t.update(&[f, 99], y, guess);
                t.tick();
            }
        }
        t
    }

    #[test]
    fn learns_and_freezes() {
        let m = toy().freeze(Prune {
            relative: 0.0,
            min_updates: 0,
        });
        let mut out = [0; 2];
        m.score(&[10], &mut out);
        assert!(out[0] > out[1]);
        m.score(&[20], &mut out);
        assert!(out[1] > out[0]);
        m.score(&[12345], &mut out);
        assert_eq!(out, [0, 0]);
    }

    #[test]
    fn argmax_respects_the_mask() {
        assert_eq!(argmax_allowed(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax_allowed(&[3, 9, 5], |_| false), None);
    }
}
