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

/// A frozen linear model: feature hash → a row of 16-bit weights.
///
/// One flat open-addressing table of slots, each starting with the 32-bit
/// key (as two `i16`). Narrow models (the parser's four moves) keep the row
/// in the slot, so a look-up touches one cache line; wide ones (the
/// labeller's fifty relations) keep a row number there and the rows in a
/// dense array, so empty slots cost 8 bytes, not a whole row.
#[derive(Debug, Clone)]
pub struct Linear {
    classes: usize,
    scale: f32,
    mask: usize,
    stride: usize,
    table: Vec<i16>,
    rows: Vec<i16>,
    len: usize,
}

/// Widest row kept inside the table.
const INLINE_CLASSES: usize = 24;

const EMPTY: u32 = 0;

#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
fn split_key(k: u32) -> [i16; 2] {
    [(k & 0xffff) as u16 as i16, (k >> 16) as u16 as i16]
}

#[allow(clippy::cast_sign_loss)]
fn join_key(lo: i16, hi: i16) -> u32 {
    u32::from(lo as u16) | u32::from(hi as u16) << 16
}

/// The 32-bit key a feature is stored under: the two halves of its hash
/// folded together (a false match costs one stray weight row in about
/// 2^32 / rows look-ups), never the empty marker.
#[allow(clippy::cast_possible_truncation)]
fn slot_key(f: u64) -> u32 {
    let k = (f >> 32) as u32 ^ f as u32;
    if k == EMPTY { 1 } else { k }
}

impl Linear {
    /// Builds the table from sorted keys and their rows, flat (`rows` has
    /// `keys.len() * classes` weights).
    fn build(classes: usize, scale: f32, keys: &[u32], rows: &[i16]) -> Self {
        Self::build_with(classes, scale, keys, |n, dst| {
            dst.copy_from_slice(&rows[n * classes..(n + 1) * classes])
        })
    }

    /// Builds the table from sorted keys; `fill(n, dst)` writes row `n`.
    fn build_with(
        classes: usize,
        scale: f32,
        keys: &[u32],
        mut fill: impl FnMut(usize, &mut [i16]),
    ) -> Self {
        let cap = (keys.len() * 3 / 2).next_power_of_two().max(16);
        let inline = classes <= INLINE_CLASSES;
        let stride = if inline { classes + 2 } else { 4 };
        let mut m = Self {
            classes,
            scale,
            mask: cap - 1,
            stride,
            table: vec![0; cap * stride],
            rows: vec![0; if inline { 0 } else { keys.len() * classes }],
            len: keys.len(),
        };
        for (n, key) in keys.iter().enumerate() {
            let mut slot = m.slot_of(*key);
            while m.key_at(slot) != EMPTY {
                slot = (slot + 1) & m.mask;
            }
            let base = slot * stride;
            let [lo, hi] = split_key(*key);
            m.table[base] = lo;
            m.table[base + 1] = hi;
            if inline {
                fill(n, &mut m.table[base + 2..base + stride]);
            } else {
                let [a, b] = split_key(u32::try_from(n).unwrap_or(u32::MAX));
                m.table[base + 2] = a;
                m.table[base + 3] = b;
                fill(n, &mut m.rows[n * classes..(n + 1) * classes]);
            }
        }
        m
    }

    #[inline]
    fn key_at(&self, slot: usize) -> u32 {
        let base = slot * self.stride;
        join_key(self.table[base], self.table[base + 1])
    }

    #[inline]
    fn row_at(&self, slot: usize) -> &[i16] {
        let base = slot * self.stride + 2;
        if self.classes <= INLINE_CLASSES {
            &self.table[base..base + self.classes]
        } else {
            let n = join_key(self.table[base], self.table[base + 1]) as usize * self.classes;
            &self.rows[n..n + self.classes]
        }
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
            let k = self.key_at(slot);
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
    ///
    /// The look-ups are memory-bound, so a first pass touches every home
    /// slot with independent loads the processor can overlap (a prefetch
    /// without `unsafe`), and the second pass probes warm cache lines.
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        let mut found = [0usize; 128];
        for chunk in feats.chunks(found.len()) {
            let mut touch = 0i16;
            for &f in chunk {
                touch ^= self.table[self.slot_of(slot_key(f)) * self.stride];
            }
            std::hint::black_box(touch);
            let mut n = 0;
            for &f in chunk {
                if let Some(slot) = self.find(f) {
                    found[n] = slot;
                    n += 1;
                }
            }
            for &slot in &found[..n] {
                for (o, &w) in out.iter_mut().zip(self.row_at(slot)) {
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
        let mut live: Vec<usize> = (0..=self.mask)
            .filter(|&s| self.key_at(s) != EMPTY)
            .collect();
        live.sort_unstable_by_key(|&s| self.key_at(s));
        w.u32(u32::try_from(live.len()).unwrap_or(u32::MAX));
        let mut prev = 0u32;
        for &s in &live {
            w.varint(u64::from(self.key_at(s).wrapping_sub(prev)));
            prev = self.key_at(s);
        }
        if w.sparse_rows {
            let mut rows = Vec::new();
            for &s in &live {
                write_sparse_row(self.row_at(s), &mut rows);
            }
            w.u32(u32::try_from(rows.len()).unwrap_or(u32::MAX));
            w.raw(&rows);
        } else {
            for &s in &live {
                for &x in self.row_at(s) {
                    w.raw(&x.to_le_bytes());
                }
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
        if r.sparse_rows {
            let len = r.u32()? as usize;
            let raw = r.take(len)?;
            if !sparse_rows_fit(raw, classes, n) {
                return Err(r.error(
                    "a weight section is damaged (rows do not fit); restore or retrain the model",
                ));
            }
            let mut pos = 0;
            return Ok(Self::build_with(classes, scale, &keys, |_, dst| {
                pos = read_sparse_row(raw, pos, dst)
            }));
        }
        let raw = r.take(n * classes * 2)?;
        Ok(Self::build_with(classes, scale, &keys, |row, dst| {
            let bytes = &raw[row * classes * 2..(row + 1) * classes * 2];
            for (d, b) in dst.iter_mut().zip(bytes.chunks_exact(2)) {
                *d = i16::from_le_bytes([b[0], b[1]]);
            }
        }))
    }
}

/// Appends one row sparse: a bit mask of the non-zero weights (one bit
/// per class, little-endian bytes), then those weights as `i16` LE. Most
/// rows of a wide model touch only a few classes.
fn write_sparse_row(row: &[i16], out: &mut Vec<u8>) {
    let mut mask = vec![0u8; row.len().div_ceil(8)];
    for (i, &x) in row.iter().enumerate() {
        if x != 0 {
            mask[i / 8] |= 1 << (i % 8);
        }
    }
    out.extend_from_slice(&mask);
    for &x in row.iter().filter(|&&x| x != 0) {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

/// Checks that `n` sparse rows of `classes` weights fill `raw` exactly.
fn sparse_rows_fit(raw: &[u8], classes: usize, n: usize) -> bool {
    let mask_len = classes.div_ceil(8);
    let mut pos = 0usize;
    for _ in 0..n {
        let Some(mask) = raw.get(pos..pos + mask_len) else {
            return false;
        };
        let extra = mask_len * 8 - classes;
        let stray = mask
            .last()
            .is_some_and(|&b| extra > 0 && b >> (8 - extra) != 0);
        if stray {
            return false;
        }
        pos += mask_len + 2 * mask.iter().map(|b| b.count_ones() as usize).sum::<usize>();
    }
    pos == raw.len()
}

/// Decodes the sparse row at `pos` into `dst`; returns the next position.
/// `raw` must have passed [`sparse_rows_fit`].
fn read_sparse_row(raw: &[u8], pos: usize, dst: &mut [i16]) -> usize {
    let mask_len = dst.len().div_ceil(8);
    let mut at = pos + mask_len;
    for (i, d) in dst.iter_mut().enumerate() {
        if raw[pos + i / 8] >> (i % 8) & 1 == 1 {
            *d = i16::from_le_bytes([raw[at], raw[at + 1]]);
            at += 2;
        } else {
            *d = 0;
        }
    }
    at
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
    fn round_trips_through_bytes() {
        let m = toy().freeze(Prune {
            relative: 0.0,
            min_updates: 0,
        });
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
    fn dense_and_sparse_rows_read_back_alike() {
        let m = toy().freeze(Prune {
            relative: 0.0,
            min_updates: 0,
        });
        for sparse in [false, true] {
            let mut w = Writer::default();
            w.sparse_rows = sparse;
            m.write(&mut w);
            let bytes = w.into_inner();
            let mut r = Reader::new("t", &bytes);
            r.sparse_rows = sparse;
            let back = Linear::read(&mut r).unwrap();
            assert!(r.at_end());
            let (mut a, mut b) = ([0; 2], [0; 2]);
            for f in [10, 20, 99] {
                m.score(&[f], &mut a);
                back.score(&[f], &mut b);
                assert_eq!(a, b, "sparse={sparse}");
            }
        }
    }

    #[test]
    fn damaged_sparse_rows_are_refused() {
        assert!(sparse_rows_fit(&[0b01, 5, 0], 2, 1));
        assert!(
            !sparse_rows_fit(&[0b11, 5, 0], 2, 1),
            "mask names two weights, one given"
        );
        assert!(
            !sparse_rows_fit(&[0b100, 5, 0], 2, 1),
            "a bit beyond the classes"
        );
        assert!(!sparse_rows_fit(&[0b01, 5, 0, 9], 2, 1), "trailing bytes");
    }

    #[test]
    fn argmax_respects_the_mask() {
        assert_eq!(argmax_allowed(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax_allowed(&[3, 9, 5], |_| false), None);
    }
}
