//! The linear model behind the tagger, the parser and the labeller: an
//! averaged multi-class perceptron over hashed features.
//!
//! [`Trainer`] learns with lazy averaging (each weight remembers when it
//! last changed); [`Trainer::freeze`] turns the averages into a [`Linear`]:
//! 16-bit weights with one scale, rows whose weights all round to zero
//! pruned, kept in an open-addressing table so a feature costs one probe.

use std::collections::HashMap;

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;

/// Averaged-perceptron training state.
#[derive(Debug)]
pub struct Trainer {
    classes: usize,
    index: HashMap<u64, u32>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
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
        }
        row
    }

    fn nudge(&mut self, row: usize, class: usize, delta: f32) {
        let i = row * self.classes + class;
        self.totals[i] += f64::from(self.now - self.stamps[i]) * f64::from(self.weights[i]);
        self.stamps[i] = self.now;
        self.weights[i] += delta;
    }

    /// The averaged weights, quantised and pruned. Rows whose largest
    /// weight is below `prune` times the largest weight of the model are
    /// dropped. Deterministic: rows are ordered by feature hash.
    #[must_use]
    pub fn freeze(&self, prune: f32) -> Linear {
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
        let mut entries = Vec::with_capacity(keys.len());
        for (key, row) in keys {
            let base = row as usize * self.classes;
            let slice = &averaged[base..base + self.classes];
            if slice.iter().all(|w| w.abs() < prune * max) {
                continue;
            }
            #[allow(clippy::cast_possible_truncation)]
            let q: Vec<i16> = slice
                .iter()
                .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            entries.push((key, q));
        }
        Linear::build(self.classes, scale, &entries)
    }
}

/// A frozen linear model: feature hash → a row of 16-bit weights.
#[derive(Debug, Clone)]
pub struct Linear {
    classes: usize,
    scale: f32,
    mask: usize,
    keys: Vec<u32>,
    rows: Vec<i16>,
    len: usize,
}

const EMPTY: u32 = 0;

/// The 32-bit key a feature is stored under: the two halves of its hash
/// folded together (a false match costs one stray weight row in about
/// 2^32 / rows look-ups), never the empty marker.
#[allow(clippy::cast_possible_truncation)]
fn slot_key(f: u64) -> u32 {
    let k = (f >> 32) as u32 ^ f as u32;
    if k == EMPTY { 1 } else { k }
}

impl Linear {
    fn build(classes: usize, scale: f32, entries: &[(u32, Vec<i16>)]) -> Self {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut m = Self {
            classes,
            scale,
            mask: cap - 1,
            keys: vec![EMPTY; cap],
            rows: vec![0; cap * classes],
            len: entries.len(),
        };
        for (key, row) in entries {
            let mut slot = m.slot_of(*key);
            while m.keys[slot] != EMPTY {
                slot = (slot + 1) & m.mask;
            }
            m.keys[slot] = *key;
            m.rows[slot * classes..(slot + 1) * classes].copy_from_slice(row);
        }
        m
    }

    #[inline]
    fn slot_of(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b1) as usize) & self.mask
    }

    /// Number of outputs.
    #[must_use]
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of stored feature rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the model has no feature rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn find(&self, f: u64) -> Option<usize> {
        let key = slot_key(f);
        let mut slot = self.slot_of(key);
        loop {
            let k = self.keys[slot];
            if k == key {
                return Some(slot);
            }
            if k == EMPTY {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Sums the weights of `feats` into `out` (length = classes), in
    /// quantised units.
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        let c = self.classes;
        for &f in feats {
            if let Some(slot) = self.find(f) {
                for (o, &w) in out.iter_mut().zip(&self.rows[slot * c..slot * c + c]) {
                    *o += i32::from(w);
                }
            }
        }
    }

    /// The scale of one quantised unit.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Appends the model to `w`: sorted keys and their rows.
    pub fn write(&self, w: &mut Writer) {
        w.u32(u32::try_from(self.classes).unwrap_or(u32::MAX));
        w.f32(self.scale);
        let mut live: Vec<usize> = (0..self.keys.len())
            .filter(|&s| self.keys[s] != EMPTY)
            .collect();
        live.sort_unstable_by_key(|&s| self.keys[s]);
        w.u32(u32::try_from(live.len()).unwrap_or(u32::MAX));
        let mut prev = 0u32;
        for &s in &live {
            w.varint(u64::from(self.keys[s].wrapping_sub(prev)));
            prev = self.keys[s];
        }
        for &s in &live {
            for &x in &self.rows[s * self.classes..(s + 1) * self.classes] {
                w.zigzag(i64::from(x));
            }
        }
    }

    /// Reads a model written by [`Linear::write`].
    ///
    /// # Errors
    /// A truncated or inconsistent section.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, SyntaxError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if classes == 0 || classes > 4096 || n > 50_000_000 {
            return Err(
                r.error("a model section has impossible sizes; retrain or re-download the model")
            );
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let delta =
                u32::try_from(r.varint()?).map_err(|_| r.error("a feature key is out of range"))?;
            prev = prev.wrapping_add(delta);
            keys.push(prev);
        }
        let mut entries = Vec::with_capacity(n);
        for key in keys {
            let mut row = Vec::with_capacity(classes);
            for _ in 0..classes {
                let v = r.zigzag()?;
                row.push(i16::try_from(v).map_err(|_| r.error("a weight is out of range"))?);
            }
            entries.push((key, row));
        }
        Ok(Self::build(classes, scale, &entries))
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
mod tests {
    use super::*;

    fn toy() -> Trainer {
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
        let m = toy().freeze(0.0);
        let mut out = [0; 2];
        m.score(&[10], &mut out);
        assert!(out[0] > out[1]);
        m.score(&[20], &mut out);
        assert!(out[1] > out[0]);
        m.score(&[12345], &mut out);
        assert_eq!(out, [0, 0]);
    }

    #[test]
    fn round_trips_through_bytes() {
        let m = toy().freeze(0.0);
        let mut w = Writer::default();
        m.write(&mut w);
        let bytes = w.into_inner();
        let back = Linear::read(&mut Reader::new("t", &bytes)).unwrap();
        let (mut a, mut b) = ([0; 2], [0; 2]);
        for f in [10, 20, 99, 7] {
            m.score(&[f], &mut a);
            back.score(&[f], &mut b);
            assert_eq!(a, b);
        }
        assert_eq!(back.len(), m.len());
    }

    #[test]
    fn argmax_respects_the_mask() {
        assert_eq!(argmax_allowed(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax_allowed(&[3, 9, 5], |_| false), None);
    }
}
