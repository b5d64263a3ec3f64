//! The frozen linear model: feature hash → a row of 8-bit weight codes,
//! in one flat table built in a single sequential pass from the sorted
//! keys of the model file.
//!
//! **Weights.** Each weight is one signed byte, a code on a μ-law scale:
//! code `c` stands for `±levels[|c|]` quantised units, with levels dense
//! near zero and sparse among the rare large weights (relative error about
//! 3%). Training's 16-bit weights are rounded to the nearest level. Narrow
//! models (the parser's four moves) keep the codes in memory: summing a
//! row looks each up in a 256-entry table that stays in the L1 cache, and
//! a slot is 8 bytes. Wide ones (the tagger's 17 tags, the labeller's
//! relations) expand their codes to 16-bit weights at load, so summing a
//! row needs no look-up and vectorises.
//!
//! **Table.** Each slot starts with the 32-bit key. A key's home slot is
//! its scaled value (`key * homes / 2^32`), which grows with the key, so
//! the keys sorted as the file stores them are also sorted by home: the
//! table is filled front to back (each key at its home or just after the
//! previous key) with no probing and no random writes, and a look-up stops
//! at the first key not smaller than the one it seeks. Narrow tables keep
//! half their slots empty, so a key is nearly always in its home slot's
//! cache line; wide ones, whose slots are large, one in five. The row sits
//! in the slot beside its key.
//!
//! **File section.** Classes, scale, the 127 positive levels, the keys as
//! increasing varint deltas, then the rows sparse: a bit mask of the
//! non-zero codes, then those codes. Sections of format versions 2 and 3
//! (16-bit weights, dense or sparse) are still read and rounded to levels.

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;

/// Largest weight magnitude, in quantised units.
const MAX_UNITS: f64 = 32767.0;

/// The μ of the μ-law levels (how much finer they are near zero).
const MU: f64 = 1000.0;

/// Magnitudes of codes 0..=127 (code 0 is 0, then strictly increasing).
pub(crate) type Levels = [i16; 128];

/// The μ-law levels written by this build.
#[allow(clippy::cast_possible_truncation)]
fn default_levels() -> Levels {
    let mut levels = [0i16; 128];
    for (q, l) in levels.iter_mut().enumerate().skip(1) {
        let v = MAX_UNITS / MU * ((1.0 + MU).powf(q as f64 / 127.0) - 1.0);
        *l = v.round().clamp(1.0, MAX_UNITS) as i16;
    }
    levels
}

/// The code of the level nearest to `w` (the smaller magnitude on ties).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn encode(levels: &Levels, w: i16) -> u8 {
    let a = w.unsigned_abs();
    let hi = levels.partition_point(|&l| l.unsigned_abs() < a).min(127);
    let q = if hi > 0 && a - levels[hi - 1].unsigned_abs() <= levels[hi].unsigned_abs().abs_diff(a)
    {
        hi - 1
    } else {
        hi
    } as i8;
    (if w < 0 { -q } else { q }) as u8
}

/// Every code's value in quantised units (code -128 is unused: 0).
fn code_values(levels: &Levels) -> [i32; 256] {
    let mut lut = [0i32; 256];
    for (q, &l) in levels.iter().enumerate() {
        lut[q] = i32::from(l);
        if q > 0 {
            lut[256 - q] = -i32::from(l);
        }
    }
    lut
}

/// A frozen linear model (see the module documentation).
#[derive(Debug, Clone)]
pub struct Linear {
    classes: usize,
    scale: f32,
    levels: Levels,
    values: [i32; 256],
    /// Number of home slots; the table has at least one more (always
    /// empty), and more when keys spill past the last home.
    homes: usize,
    /// Bytes per slot.
    stride: usize,
    /// Rows are 16-bit weights (wide models), not codes.
    wide: bool,
    table: Vec<u8>,
    len: usize,
}

/// Most classes whose rows stay 8-bit codes in memory. Wider rows (the
/// tagger's 17 tags, the labeller's relations) are expanded to 16-bit
/// weights at load, so summing them needs no code look-up and vectorises.
const CODED_CLASSES: usize = 8;

const EMPTY: u32 = 0;

/// Features looked up together (keys and home slots kept on the stack).
const BATCH: usize = 128;

/// The 32-bit key a feature is stored under: the two halves of its hash
/// folded together (a false match costs one stray weight row in about
/// 2^32 / rows look-ups), never the empty marker.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn slot_key(f: u64) -> u32 {
    let k = (f >> 32) as u32 ^ f as u32;
    if k == EMPTY { 1 } else { k }
}

/// The home slot of `key` among `homes`: `key * homes / 2^32`, which
/// never decreases as the key grows.
#[inline]
#[allow(clippy::cast_possible_truncation)]
fn home_slot(key: u32, homes: usize) -> usize {
    ((u64::from(key) * homes as u64) >> 32) as usize
}

impl Linear {
    /// Builds the table from strictly increasing keys and their 16-bit
    /// rows, flat (`rows` has `keys.len() * classes` weights).
    pub(crate) fn build(classes: usize, scale: f32, keys: &[u32], rows: &[i16]) -> Self {
        let levels = default_levels();
        Self::build_with(classes, scale, levels, keys, |n, dst| {
            for (d, &w) in dst.iter_mut().zip(&rows[n * classes..(n + 1) * classes]) {
                *d = encode(&levels, w);
            }
        })
    }

    /// Builds the table from strictly increasing keys; `fill(n, dst)`
    /// writes the codes of row `n`.
    fn build_with(
        classes: usize,
        scale: f32,
        levels: Levels,
        keys: &[u32],
        mut fill: impl FnMut(usize, &mut [u8]),
    ) -> Self {
        debug_assert!(keys.windows(2).all(|k| k[0] < k[1]), "keys must be sorted");
        let wide = classes > CODED_CLASSES;
        // narrow slots are cheap: keep half empty; wide ones one in five
        let homes = if wide {
            keys.len() + keys.len() / 4
        } else {
            keys.len() * 2
        }
        .max(16);
        let stride = (4 + classes * if wide { 2 } else { 1 }).next_multiple_of(4);
        let values = code_values(&levels);
        let mut codes = vec![0u8; classes];
        let mut table = Vec::with_capacity((homes + homes / 64 + 16) * stride);
        for (n, &key) in keys.iter().enumerate() {
            let home = home_slot(key, homes);
            if table.len() < home * stride {
                table.resize(home * stride, 0);
            }
            let at = table.len();
            table.extend_from_slice(&key.to_le_bytes());
            table.resize(at + stride, 0);
            let row = &mut table[at + 4..];
            if wide {
                codes.fill(0);
                fill(n, &mut codes);
                for (w, &c) in row.chunks_exact_mut(2).zip(&codes) {
                    #[allow(clippy::cast_possible_truncation)] // levels are i16
                    w.copy_from_slice(&(values[c as usize] as i16).to_le_bytes());
                }
            } else {
                fill(n, &mut row[..classes]);
            }
        }
        let slots = (table.len() / stride).max(homes) + 1;
        table.resize(slots * stride, 0);
        table.shrink_to_fit();
        Self {
            classes,
            scale,
            levels,
            values,
            homes,
            stride,
            wide,
            table,
            len: keys.len(),
        }
    }

    #[inline]
    fn word_at(&self, at: usize) -> u32 {
        let b = &self.table[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    #[inline]
    fn key_at(&self, slot: usize) -> u32 {
        self.word_at(slot * self.stride)
    }

    /// The row in `slot`: codes, or 16-bit weights (little-endian) when wide.
    #[inline]
    fn row_at(&self, slot: usize) -> &[u8] {
        let base = slot * self.stride + 4;
        &self.table[base..base + self.classes * if self.wide { 2 } else { 1 }]
    }

    /// The codes of the row in `slot`.
    fn codes_at(&self, slot: usize) -> Vec<u8> {
        let row = self.row_at(slot);
        if !self.wide {
            return row.to_vec();
        }
        row.chunks_exact(2)
            .map(|w| encode(&self.levels, i16::from_le_bytes([w[0], w[1]])))
            .collect()
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

    /// Bytes of the table and rows.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.table.len()
    }

    /// The slot holding `f`'s row. Slots hold increasing keys and the
    /// table ends with an empty one, so the scan stops at the first key
    /// not below `key` (the empty key 0 counts as above every key).
    #[inline]
    #[cfg(test)]
    fn find(&self, f: u64) -> Option<usize> {
        let key = slot_key(f);
        self.find_key(key, home_slot(key, self.homes))
    }

    /// The slot holding `key` whose home slot is `home` (see [`Linear::find`]).
    #[inline]
    fn find_key(&self, key: u32, home: usize) -> Option<usize> {
        let mut slot = home;
        loop {
            let k = self.key_at(slot);
            if k.wrapping_sub(1) >= key - 1 {
                return (k == key).then_some(slot);
            }
            slot += 1;
        }
    }

    /// Sums the weights of `feats` into `out` (length = classes), in
    /// quantised units.
    ///
    /// The look-ups are memory-bound: a random slot costs a trip to main
    /// memory, but independent trips overlap. So a first pass computes
    /// every key and home slot (arithmetic only), a second touches each
    /// home slot with as few instructions as possible, so that many loads
    /// are in flight at once (a prefetch without `unsafe`), and the third
    /// probes warm cache lines and sums the rows.
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        let mut keys = [0u32; BATCH];
        let mut homes = [0usize; BATCH];
        for chunk in feats.chunks(BATCH) {
            let n = chunk.len();
            self.homes_of(chunk, &mut keys, &mut homes);
            self.touch(&homes[..n]);
            for (&key, &home) in keys[..n].iter().zip(&homes[..n]) {
                let Some(slot) = self.find_key(key, home) else {
                    continue;
                };
                let row = self.row_at(slot);
                if self.wide {
                    for (o, w) in out.iter_mut().zip(row.chunks_exact(2)) {
                        *o += i32::from(i16::from_le_bytes([w[0], w[1]]));
                    }
                } else {
                    for (o, &c) in out.iter_mut().zip(row) {
                        *o += self.values[c as usize];
                    }
                }
            }
        }
    }

    /// Starts loading the home slots of `feats` into the cache and returns
    /// at once, so that a caller who knows features before it scores them
    /// (every word's, before a left-to-right pass) pays one trip to memory
    /// for all of them instead of one per word.
    pub fn prefetch(&self, feats: &[u64]) {
        let mut keys = [0u32; BATCH];
        let mut homes = [0usize; BATCH];
        for chunk in feats.chunks(BATCH) {
            self.homes_of(chunk, &mut keys, &mut homes);
            self.touch(&homes[..chunk.len()]);
        }
    }

    /// The keys and home slots of up to [`BATCH`] features.
    #[inline]
    fn homes_of(&self, feats: &[u64], keys: &mut [u32; BATCH], homes: &mut [usize; BATCH]) {
        for ((k, h), &f) in keys.iter_mut().zip(homes.iter_mut()).zip(feats) {
            *k = slot_key(f);
            *h = home_slot(*k, self.homes);
        }
    }

    /// Reads one byte of each home slot: independent loads the processor
    /// overlaps, whose result nobody waits for.
    #[inline]
    fn touch(&self, homes: &[usize]) {
        let mut touch = 0u8;
        for &h in homes {
            touch ^= self.table[h * self.stride];
        }
        std::hint::black_box(touch);
    }

    /// The scale of one quantised unit.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Appends the model to `w` (see the module documentation).
    pub fn write(&self, w: &mut Writer) {
        w.u32(u32::try_from(self.classes).unwrap_or(u32::MAX));
        w.f32(self.scale);
        for &l in &self.levels[1..] {
            w.varint(u64::from(l.unsigned_abs()));
        }
        // slots hold increasing keys: the live ones are already sorted
        let live: Vec<usize> = (0..self.table.len() / self.stride)
            .filter(|&s| self.key_at(s) != EMPTY)
            .collect();
        w.u32(u32::try_from(live.len()).unwrap_or(u32::MAX));
        let mut prev = 0u32;
        for &s in &live {
            w.varint(u64::from(self.key_at(s) - prev));
            prev = self.key_at(s);
        }
        let mut rows = Vec::new();
        for &s in &live {
            write_sparse_row(&self.codes_at(s), &mut rows);
        }
        w.u32(u32::try_from(rows.len()).unwrap_or(u32::MAX));
        w.raw(&rows);
    }

    /// Reads a model written by [`Linear::write`], or a section of format
    /// 2 or 3 (16-bit weights), as [`Reader::version`] says.
    ///
    /// # Errors
    /// A truncated or inconsistent section.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, SyntaxError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let levels = if r.version >= 4 {
            read_levels(r)?
        } else {
            default_levels()
        };
        let n = r.u32()? as usize;
        if classes == 0 || classes > 4096 || n > 50_000_000 {
            return Err(
                r.error("a model section has impossible sizes; retrain or re-download the model")
            );
        }
        let keys = read_keys(r, n)?;
        if r.version >= 4 {
            let mut rows = SparseRows::take(r, classes, 1)?;
            let m = Self::build_with(classes, scale, levels, &keys, |_, dst| {
                rows.codes_into(dst);
            });
            return rows.finish(r).map(|()| m);
        }
        let mut wide = vec![0i16; classes];
        let encode_into = |dst: &mut [u8], wide: &[i16]| {
            for (d, &x) in dst.iter_mut().zip(wide) {
                *d = encode(&levels, x);
            }
        };
        if r.version == 3 {
            let mut rows = SparseRows::take(r, classes, 2)?;
            let m = Self::build_with(classes, scale, levels, &keys, |_, dst| {
                rows.wide_into(&mut wide);
                encode_into(dst, &wide);
            });
            return rows.finish(r).map(|()| m);
        }
        let raw = r.take(n * classes * 2)?;
        Ok(Self::build_with(
            classes,
            scale,
            levels,
            &keys,
            |row, dst| {
                let bytes = &raw[row * classes * 2..(row + 1) * classes * 2];
                for (d, b) in wide.iter_mut().zip(bytes.chunks_exact(2)) {
                    *d = i16::from_le_bytes([b[0], b[1]]);
                }
                encode_into(dst, &wide);
            },
        ))
    }
}

/// Reads the 127 positive levels; they must increase strictly.
fn read_levels(r: &mut Reader<'_>) -> Result<Levels, SyntaxError> {
    let mut levels = [0i16; 128];
    for q in 1..128 {
        levels[q] = i16::try_from(r.varint()?)
            .ok()
            .filter(|&l| l > levels[q - 1])
            .ok_or_else(|| {
                r.error(
                    "the weight levels are damaged (not increasing); restore or retrain the model",
                )
            })?;
    }
    Ok(levels)
}

/// Reads `n` keys stored as varint deltas; they must increase strictly.
fn read_keys(r: &mut Reader<'_>, n: usize) -> Result<Vec<u32>, SyntaxError> {
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u32;
    for _ in 0..n {
        prev = u32::try_from(r.varint()?)
            .ok()
            .filter(|&d| d > 0)
            .and_then(|d| prev.checked_add(d))
            .ok_or_else(|| {
                r.error("feature keys are out of order; restore or retrain the model")
            })?;
        keys.push(prev);
    }
    Ok(keys)
}

/// Appends one row of codes sparse: a bit mask of the non-zero codes (one
/// bit per class, little-endian bytes), then those codes. Most rows of a
/// wide model touch only a few classes.
fn write_sparse_row(row: &[u8], out: &mut Vec<u8>) {
    let mut mask = vec![0u8; row.len().div_ceil(8)];
    for (i, &x) in row.iter().enumerate() {
        if x != 0 {
            mask[i / 8] |= 1 << (i % 8);
        }
    }
    out.extend_from_slice(&mask);
    out.extend(row.iter().filter(|&&x| x != 0));
}

/// A cursor over sparse rows (see [`write_sparse_row`]) of weights of
/// `width` bytes, which checks them as it decodes: a damaged section is
/// reported by [`SparseRows::finish`], never a panic.
struct SparseRows<'a> {
    raw: &'a [u8],
    pos: usize,
    classes: usize,
    width: usize,
    damaged: bool,
}

impl<'a> SparseRows<'a> {
    /// Takes the length-prefixed rows from `r`.
    fn take(r: &mut Reader<'a>, classes: usize, width: usize) -> Result<Self, SyntaxError> {
        let len = r.u32()? as usize;
        Ok(Self {
            raw: r.take(len)?,
            pos: 0,
            classes,
            width,
            damaged: false,
        })
    }

    /// The next row's mask and stored weights (`None`, and the cursor
    /// marked damaged, when the row is cut short or names a class beyond
    /// the last).
    #[inline]
    fn next_row(&mut self) -> Option<(&'a [u8], &'a [u8])> {
        let mask_len = self.classes.div_ceil(8);
        let extra = mask_len * 8 - self.classes;
        let mask = self.raw.get(self.pos..self.pos + mask_len)?;
        let last = mask[mask_len - 1];
        let count = self.width * mask.iter().map(|b| b.count_ones() as usize).sum::<usize>();
        let start = self.pos + mask_len;
        let body = self.raw.get(start..start + count);
        match body {
            Some(body) if !self.damaged && (extra == 0 || last >> (8 - extra) == 0) => {
                self.pos = start + count;
                Some((mask, body))
            }
            _ => {
                self.damaged = true;
                None
            }
        }
    }

    /// Writes the next row's codes (one byte each) into `dst`, zeroed.
    #[inline]
    fn codes_into(&mut self, dst: &mut [u8]) {
        let Some((mask, body)) = self.next_row() else {
            return;
        };
        if body.len() == dst.len() {
            dst.copy_from_slice(body); // every class stored
            return;
        }
        let mut k = 0;
        for (byte, &m) in mask.iter().enumerate() {
            let mut bits = m;
            while bits != 0 {
                dst[byte * 8 + bits.trailing_zeros() as usize] = body[k];
                k += 1;
                bits &= bits - 1;
            }
        }
    }

    /// Writes the next row's 16-bit weights into `dst`.
    fn wide_into(&mut self, dst: &mut [i16]) {
        dst.fill(0);
        let Some((mask, body)) = self.next_row() else {
            return;
        };
        let mut weights = body.chunks_exact(2);
        for (byte, &m) in mask.iter().enumerate() {
            let mut bits = m;
            while bits != 0 {
                if let Some(w) = weights.next() {
                    dst[byte * 8 + bits.trailing_zeros() as usize] =
                        i16::from_le_bytes([w[0], w[1]]);
                }
                bits &= bits - 1;
            }
        }
    }

    /// An error unless every row was whole and the rows filled the section.
    fn finish(&self, r: &Reader<'_>) -> Result<(), SyntaxError> {
        if self.damaged || self.pos != self.raw.len() {
            return Err(r.error(
                "a weight section is damaged (rows do not fit); restore or retrain the model",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Prune;
    use crate::perceptron::tests::toy;

    #[test]
    fn round_trips_through_bytes() {
        let m = toy().freeze(Prune {
            relative: 0.0,
            min_updates: 0,
        });
        let mut w = Writer::default();
        m.write(&mut w);
        let bytes = w.into_inner();
        let mut r = Reader::new("t", &bytes);
        let back = Linear::read(&mut r).unwrap();
        assert!(r.at_end());
        let (mut a, mut b) = ([0; 2], [0; 2]);
        for f in [10, 20, 99, 7] {
            m.score(&[f], &mut a);
            back.score(&[f], &mut b);
            assert_eq!(a, b);
        }
        assert_eq!(back.len(), m.len());
    }

    /// A section of format 2 or 3: one key (5) with 16-bit weights 300, -7.
    fn old_section(version: u32) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(2);
        w.f32(0.5);
        w.u32(1);
        w.varint(5);
        let weights = [300i16.to_le_bytes(), (-7i16).to_le_bytes()].concat();
        if version == 3 {
            w.u32(5);
            w.raw(&[0b11]);
        }
        w.raw(&weights);
        w.into_inner()
    }

    #[test]
    fn old_sixteen_bit_sections_read_as_nearest_levels() {
        let levels = default_levels();
        let want = |x: i16| {
            i32::from(levels[usize::from(encode(&levels, x.abs()))]) * i32::from(x.signum())
        };
        for version in [2, 3] {
            let bytes = old_section(version);
            let mut r = Reader::new("t", &bytes);
            r.version = version;
            let m = Linear::read(&mut r).unwrap();
            assert!(r.at_end(), "version {version}");
            let mut out = [0; 2];
            m.score(&[5], &mut out);
            assert_eq!(out, [want(300), want(-7)], "version {version}");
            assert!((out[0] - 300).abs() <= 300 / 30, "{out:?}");
        }
    }

    #[test]
    fn levels_round_to_the_nearest() {
        let levels = default_levels();
        assert!(levels.windows(2).all(|l| l[0] < l[1]));
        assert_eq!(levels[127], 32767);
        let values = code_values(&levels);
        for w in [-32768i16, -32767, -1000, -3, -1, 0, 1, 2, 3, 50, 999, 32767] {
            let got = values[usize::from(encode(&levels, w))];
            let nearest = levels
                .iter()
                .map(|&l| i32::from(l) * i32::from(w.signum()))
                .map(|v| (v - i32::from(w)).abs())
                .min()
                .unwrap();
            assert_eq!((got - i32::from(w)).abs(), nearest, "{w}");
        }
    }

    fn sparse_rows_fit(raw: &[u8], classes: usize, n: usize, width: usize) -> bool {
        let mut rows = SparseRows {
            raw,
            pos: 0,
            classes,
            width,
            damaged: false,
        };
        for _ in 0..n {
            rows.next_row();
        }
        rows.finish(&Reader::new("t", raw)).is_ok()
    }

    #[test]
    fn damaged_sparse_rows_are_refused() {
        assert!(sparse_rows_fit(&[0b01, 5, 0], 2, 1, 2));
        assert!(sparse_rows_fit(&[0b11, 5, 9], 2, 1, 1));
        assert!(
            !sparse_rows_fit(&[0b11, 5, 0], 2, 1, 2),
            "mask names two weights, one given"
        );
        assert!(
            !sparse_rows_fit(&[0b100, 5, 0], 2, 1, 2),
            "a bit beyond the classes"
        );
        assert!(
            !sparse_rows_fit(&[0b01, 5, 0, 9], 2, 1, 2),
            "trailing bytes"
        );
    }

    #[test]
    fn finds_every_key_and_no_other() {
        // keys crowded at both ends spill past their homes; 30 classes
        // keep rows apart from the table
        let keys: Vec<u32> = (1..200).chain(u32::MAX - 300..u32::MAX - 100).collect();
        for classes in [2, 30] {
            let rows: Vec<i16> = (0..keys.len() * classes)
                .map(|i| i16::try_from(i / classes % 100).unwrap())
                .collect();
            let m = Linear::build(classes, 1.0, &keys, &rows);
            for (i, &k) in keys.iter().enumerate() {
                let slot = m.find(u64::from(k)).unwrap();
                let code = encode(&m.levels, i16::try_from(i % 100).unwrap());
                assert_eq!(m.codes_at(slot)[classes - 1], code);
            }
            for k in [200u32, 5000, u32::MAX - 301, u32::MAX - 100, u32::MAX] {
                assert_eq!(m.find(u64::from(k)), None, "{k}");
            }
        }
    }

    #[test]
    fn keys_out_of_order_are_refused() {
        let mut w = Writer::default();
        w.u32(2);
        w.f32(1.0);
        w.u32(2);
        w.varint(5);
        w.varint(0);
        let bytes = w.into_inner();
        let mut r = Reader::new("t", &bytes);
        r.version = 3;
        let err = Linear::read(&mut r).unwrap_err();
        assert!(err.to_string().contains("out of order"), "{err}");
    }
}
