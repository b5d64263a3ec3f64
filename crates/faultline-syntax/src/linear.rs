//! The frozen linear model: feature hash → a row of weights, found in a
//! table of cache-line buckets without a mispredicted branch.
//!
//! **Weights.** Each weight is one signed byte, a code on a μ-law scale:
//! code `c` stands for `±levels[|c|]` quantised units, with levels dense
//! near zero and sparse among the rare large weights (relative error about
//! 3%). Training's 16-bit weights are rounded to the nearest level. Narrow
//! models (the parser's four moves) keep the four codes of a row in the
//! bucket beside its key: summing a row looks each code up in a 256-entry
//! table that stays in the L1 cache. Wide ones (the tagger's 17 tags, the
//! labeller's relations) keep in the bucket the index of a row of 16-bit
//! weights, expanded from the codes at load, so summing a row needs no
//! look-up and vectorises. Identical rows are kept once: half the
//! labeller's and two thirds of the tagger's rows repeat another, and the
//! smaller the rows, the more of them the cache holds.
//!
//! **Table.** A bucket is one 64-byte cache line: eight 32-bit keys and
//! their eight 32-bit payloads (a narrow row's codes, or a wide row's
//! index; 0 is the empty row). A key's home bucket is its scaled value
//! (`key * homes / 2^32`, `homes` the number of home buckets; spilled keys
//! may fill buckets past them), which grows with the key, so the keys sorted
//! as the file stores them are also sorted by home: the table is filled
//! front to back (each key at the start of its home bucket or just after
//! the previous key, spilling into the next bucket when one is full), and
//! the occupied slots of a bucket form a prefix. A look-up compares the
//! eight keys of the home bucket with no branch and takes the payload of
//! the one that matches, or the empty row; it reads the next bucket only
//! when the home bucket is full of keys below the one sought (rare, and
//! a well-predicted branch). Earlier layouts scanned slot by slot from the
//! home slot, and the unpredictable length of that scan cost more than
//! the trips to memory did.
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

/// Slots in a bucket.
const WAYS: usize = 8;

/// One cache line of the table: keys, then their payloads (see the
/// module documentation). Empty slots have key [`EMPTY`] and payload 0.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    keys: [u32; WAYS],
    payloads: [u32; WAYS],
}

impl Bucket {
    /// The payload of `key` in this bucket, 0 when it is not here; the
    /// comparisons have no branch.
    #[inline]
    fn payload(&self, key: u32) -> u32 {
        let mut found = 0;
        for (&k, &p) in self.keys.iter().zip(&self.payloads) {
            found |= p & 0u32.wrapping_sub(u32::from(k == key));
        }
        found
    }

    /// True when `key`, if stored, may lie in a later bucket: this one is
    /// full and its last key is below `key` (the empty key 0 counts as
    /// above every key).
    #[inline]
    fn spills_past(&self, key: u32) -> bool {
        self.keys[WAYS - 1].wrapping_sub(1) < key - 1
    }
}

/// A frozen linear model (see the module documentation).
#[derive(Debug, Clone)]
pub struct Linear {
    classes: usize,
    scale: f32,
    levels: Levels,
    values: [i32; 256],
    /// Number of home buckets; the table has at least one more, and more
    /// when keys spill past the last home, and its last bucket is never
    /// full (a look-up's scan ends there).
    homes: usize,
    buckets: Vec<Bucket>,
    /// Rows are 16-bit weights in `rows` (wide models), not codes in the
    /// payloads.
    wide: bool,
    /// Wide rows, `classes` weights each, each distinct row once; row 0
    /// is all zeros.
    rows: Vec<i16>,
    len: usize,
}

/// Most classes whose codes fit in a payload. Wider rows (the tagger's
/// 17 tags, the labeller's relations) are expanded to 16-bit weights at
/// load, so summing them needs no code look-up and vectorises.
const CODED_CLASSES: usize = 4;

const EMPTY: u32 = 0;

/// Features looked up together (keys and home buckets kept on the stack).
const BATCH: usize = 128;

/// The 32-bit key a feature is stored under: the two halves of its hash
/// folded together (a false match costs one stray weight row in about
/// 2^32 / rows look-ups), never the empty marker.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn slot_key(f: u64) -> u32 {
    let k = (f >> 32) as u32 ^ f as u32;
    if k == EMPTY { 1 } else { k }
}

/// The home bucket of `key` among `homes`: `key * homes / 2^32`, which
/// never decreases as the key grows.
#[inline]
#[allow(clippy::cast_possible_truncation)]
fn home_slot(key: u32, homes: usize) -> usize {
    ((u64::from(key) * homes as u64) >> 32) as usize
}

/// Wide rows as they are built: each distinct row stored once. The index
/// keeps only a row's hash (no copy of the row, so loading stays within
/// the memory budget); a hash shared by two different rows, which a 64-bit
/// hash makes vanishingly rare, only stores the second row again.
struct WideRows {
    classes: usize,
    rows: Vec<i16>,
    index: rustc_hash::FxHashMap<u64, u32>,
    /// The row being added.
    row: Vec<i16>,
}

impl WideRows {
    /// No rows but the zero row 0 (none at all when `classes` is 0).
    fn new(classes: usize) -> Self {
        let zero = vec![0i16; classes];
        Self {
            classes,
            index: std::iter::once((row_hash(&zero), 0)).collect(),
            rows: zero,
            row: Vec::with_capacity(classes),
        }
    }

    /// The index of the row of `codes`, added when no row has its weights.
    fn intern(&mut self, codes: &[u8], values: &[i32; 256]) -> u32 {
        self.row.clear();
        #[allow(clippy::cast_possible_truncation)] // levels are i16
        self.row
            .extend(codes.iter().map(|&c| values[c as usize] as i16));
        let hash = row_hash(&self.row);
        if let Some(&i) = self.index.get(&hash) {
            let at = i as usize * self.classes;
            if self.rows.get(at..at + self.classes) == Some(self.row.as_slice()) {
                return i;
            }
        }
        let i = u32::try_from(self.rows.len().checked_div(self.classes).unwrap_or(0)).unwrap_or(0);
        self.rows.extend_from_slice(&self.row);
        self.index.entry(hash).or_insert(i);
        i
    }

    /// The rows, `classes` weights each.
    fn into_rows(mut self) -> Vec<i16> {
        self.rows.shrink_to_fit();
        self.rows
    }
}

/// The 64-bit hash of a row of weights.
fn row_hash(row: &[i16]) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(row)
}

/// Packs up to four codes into a payload.
fn pack(codes: &[u8]) -> u32 {
    let mut b = [0u8; 4];
    b[..codes.len()].copy_from_slice(codes);
    u32::from_le_bytes(b)
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
        // two slots in three full (the parser's buckets: fuller ones spill
        // more often and were slower), three in four for wide rows' indices
        let homes = if wide {
            (keys.len() * 4 / 3).div_ceil(WAYS)
        } else {
            (keys.len() * 3 / 2).div_ceil(WAYS)
        }
        .max(2);
        let values = code_values(&levels);
        let mut codes = vec![0u8; classes];
        let mut buckets = vec![Bucket::default(); homes + 1];
        let mut rows = WideRows::new(if wide { classes } else { 0 });
        let mut next = 0usize; // the first free slot
        for (n, &key) in keys.iter().enumerate() {
            let at = next.max(home_slot(key, homes) * WAYS);
            next = at + 1;
            if buckets.len() <= next / WAYS {
                buckets.resize(next / WAYS + 1, Bucket::default());
            }
            codes.fill(0);
            fill(n, &mut codes);
            let payload = if wide {
                rows.intern(&codes, &values)
            } else {
                pack(&codes)
            };
            let b = &mut buckets[at / WAYS];
            b.keys[at % WAYS] = key;
            b.payloads[at % WAYS] = payload;
        }
        buckets.shrink_to_fit();
        Self {
            classes,
            scale,
            levels,
            values,
            homes,
            buckets,
            wide,
            rows: rows.into_rows(),
            len: keys.len(),
        }
    }

    /// The stored keys in increasing order, with their payloads.
    fn entries(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.buckets.iter().flat_map(|b| {
            b.keys
                .iter()
                .zip(&b.payloads)
                .filter(|(k, _)| **k != EMPTY)
                .map(|(&k, &p)| (k, p))
        })
    }

    /// The codes of the row with `payload`.
    fn codes_of(&self, payload: u32) -> Vec<u8> {
        if !self.wide {
            return payload.to_le_bytes()[..self.classes].to_vec();
        }
        self.row(payload)
            .iter()
            .map(|&w| encode(&self.levels, w))
            .collect()
    }

    /// The 16-bit weights of wide row `index` (0: all zeros).
    #[inline]
    fn row(&self, index: u32) -> &[i16] {
        let at = index as usize * self.classes;
        &self.rows[at..at + self.classes]
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
        self.buckets.len() * std::mem::size_of::<Bucket>() + self.rows.len() * 2
    }

    /// The codes of `f`'s row, if it has one.
    #[cfg(test)]
    fn find(&self, f: u64) -> Option<Vec<u8>> {
        let key = slot_key(f);
        let mut b = home_slot(key, self.homes);
        loop {
            let bucket = &self.buckets[b];
            if let Some(i) = bucket.keys.iter().position(|&k| k == key) {
                return Some(self.codes_of(bucket.payloads[i]));
            }
            if !bucket.spills_past(key) {
                return None;
            }
            b += 1;
        }
    }

    /// The payload stored with `key` whose home bucket is `home`, 0 when
    /// none (see the module documentation).
    #[inline]
    fn payload(&self, key: u32, home: usize) -> u32 {
        let mut b = home;
        loop {
            let bucket = &self.buckets[b];
            let p = bucket.payload(key);
            if !bucket.spills_past(key) {
                return p;
            }
            b += 1;
        }
    }

    /// Sums the weights of `feats` into `out` (length = classes), in
    /// quantised units.
    ///
    /// The look-ups are memory-bound when the table is cold: a random
    /// bucket costs a trip to memory, but independent trips overlap. So a
    /// first pass computes every key and home bucket (arithmetic only), a
    /// second touches each home bucket with as few instructions as
    /// possible, so that many loads are in flight at once (a prefetch
    /// without `unsafe`), and the third finds the payloads and sums the
    /// rows (a wide model's rows are touched all together first).
    pub fn score(&self, feats: &[u64], out: &mut [i32]) {
        out.fill(0);
        let mut keys = [0u32; BATCH];
        let mut homes = [0usize; BATCH];
        for chunk in feats.chunks(BATCH) {
            let n = chunk.len();
            self.homes_of(chunk, &mut keys, &mut homes);
            self.touch(&homes[..n]);
            // the branch stays out of the loop: the parser's look-ups run
            // half as fast with it inside
            let pairs = keys[..n].iter().zip(&homes[..n]);
            if self.wide {
                pairs.for_each(|(&key, &home)| self.add_wide(self.payload(key, home), out));
            } else {
                pairs.for_each(|(&key, &home)| self.add_narrow(self.payload(key, home), out));
            }
        }
    }

    /// Sums the weights of each group of `feats` into its own row of
    /// `out`: group `g` is the features before `ends[g]` and after those
    /// of group `g - 1`, and its sums go to `out[g * classes..]`. The
    /// look-ups of every group overlap, as in [`Linear::score`]; a pass
    /// that goes word by word scores the features that read no earlier
    /// decision this way, all at once, and adds the rest at each step
    /// (integer sums: the same scores in any order).
    pub fn score_groups(&self, feats: &[u64], ends: &[usize], out: &mut [i32]) {
        out.fill(0);
        let c = self.classes;
        let mut keys = [0u32; BATCH];
        let mut homes = [0usize; BATCH];
        let mut found = [0u32; BATCH];
        let mut group = 0;
        for (k, chunk) in feats.chunks(BATCH).enumerate() {
            let n = chunk.len();
            self.homes_of(chunk, &mut keys, &mut homes);
            self.touch(&homes[..n]);
            if self.wide {
                self.find_rows(&keys[..n], &homes[..n], &mut found[..n]);
            } else {
                for ((f, &key), &home) in found.iter_mut().zip(&keys[..n]).zip(&homes[..n]) {
                    *f = self.payload(key, home);
                }
            }
            for (j, &p) in found[..n].iter().enumerate() {
                while ends.get(group).is_some_and(|&e| e <= k * BATCH + j) {
                    group += 1;
                }
                let Some(o) = out.get_mut(group * c..(group + 1) * c) else {
                    return;
                };
                self.add_row(p, o);
            }
        }
    }

    /// Adds the row with `payload` to `out` (see [`Linear::add_wide`],
    /// [`Linear::add_narrow`]).
    #[inline]
    fn add_row(&self, payload: u32, out: &mut [i32]) {
        if self.wide {
            self.add_wide(payload, out);
        } else {
            self.add_narrow(payload, out);
        }
    }

    /// Adds a wide row's 16-bit weights to `out`.
    #[inline]
    fn add_wide(&self, payload: u32, out: &mut [i32]) {
        for (o, &w) in out.iter_mut().zip(self.row(payload)) {
            *o += i32::from(w);
        }
    }

    /// Adds a narrow row's codes, through the table of levels, to `out`.
    #[inline]
    fn add_narrow(&self, payload: u32, out: &mut [i32]) {
        for (o, &code) in out.iter_mut().zip(&payload.to_le_bytes()) {
            *o += self.values[code as usize];
        }
    }

    /// Finds the rows of `keys` (0 when absent) and starts loading them.
    #[inline]
    fn find_rows(&self, keys: &[u32], homes: &[usize], found: &mut [u32]) {
        let mut touch = 0i16;
        for ((f, &key), &home) in found.iter_mut().zip(keys).zip(homes) {
            *f = self.payload(key, home);
            touch ^= self.rows[*f as usize * self.classes];
        }
        std::hint::black_box(touch);
    }

    /// The keys and home buckets of up to [`BATCH`] features.
    #[inline]
    fn homes_of(&self, feats: &[u64], keys: &mut [u32; BATCH], homes: &mut [usize; BATCH]) {
        for ((k, h), &f) in keys.iter_mut().zip(homes.iter_mut()).zip(feats) {
            *k = slot_key(f);
            *h = home_slot(*k, self.homes);
        }
    }

    /// Reads one key of each home bucket: independent loads the processor
    /// overlaps, whose result nobody waits for.
    #[inline]
    fn touch(&self, homes: &[usize]) {
        let mut touch = 0u32;
        for &h in homes {
            touch ^= self.buckets[h].keys[0];
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
        // buckets hold increasing keys: the stored ones are already sorted
        w.u32(u32::try_from(self.len).unwrap_or(u32::MAX));
        let mut prev = 0u32;
        let mut rows = Vec::new();
        for (key, payload) in self.entries() {
            w.varint(u64::from(key - prev));
            prev = key;
            write_sparse_row(&self.codes_of(payload), &mut rows);
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
                let codes = m.find(u64::from(k)).unwrap();
                let code = encode(&m.levels, i16::try_from(i % 100).unwrap());
                assert_eq!(codes[classes - 1], code);
            }
            for k in [200u32, 5000, u32::MAX - 301, u32::MAX - 100, u32::MAX] {
                assert_eq!(m.find(u64::from(k)), None, "{k}");
            }
        }
    }

    proptest::proptest! {
        /// Any set of keys, crowded or spread, narrow or wide: every key
        /// finds its own row and a key not stored finds none.
        #[test]
        fn buckets_find_exactly_the_stored_keys(
            raw in proptest::collection::btree_set(1u32.., 0..400),
            crowd in 0u32..3,
            classes in 1usize..8,
            probes in proptest::collection::vec(1u32.., 0..50),
        ) {
            // crowding squeezes keys into a small range so buckets spill
            let squeeze = |k: u32| if crowd == 0 { k } else { k >> (8 * crowd) | 1 << 31 };
            let keys: Vec<u32> = raw.iter().map(|&k| squeeze(k))
                .collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let rows: Vec<i16> = (0..keys.len() * classes)
                .map(|i| i16::try_from(i % 200).unwrap() - 100)
                .collect();
            let m = Linear::build(classes, 1.0, &keys, &rows);
            for (n, &k) in keys.iter().enumerate() {
                let want: Vec<u8> = rows[n * classes..(n + 1) * classes]
                    .iter().map(|&w| encode(&m.levels, w)).collect();
                let mut out = vec![0; classes];
                m.score(&[u64::from(k)], &mut out);
                let values: Vec<i32> = want.iter().map(|&c| m.values[c as usize]).collect();
                proptest::prop_assert_eq!(out, values);
                proptest::prop_assert_eq!(m.find(u64::from(k)), Some(want));
            }
            for p in probes.into_iter().map(squeeze) {
                if keys.binary_search(&p).is_err() {
                    proptest::prop_assert_eq!(m.find(u64::from(p)), None);
                    let mut out = vec![7; classes];
                    m.score(&[u64::from(p)], &mut out);
                    proptest::prop_assert!(out.iter().all(|&x| x == 0));
                }
            }
        }
    }

    #[test]
    fn groups_score_as_each_group_alone() {
        // more features than a batch, an empty group, narrow and wide
        let keys: Vec<u32> = (1..400).map(|k| k * 7919).collect();
        // every other one stored
        let feats: Vec<u64> = (0..300u64).map(|i| (i * 3 % 800) * 7919 / 2).collect();
        let ends = [5, 5, 130, 131, 300];
        for classes in [4, 9] {
            let rows: Vec<i16> = (0..keys.len() * classes)
                .map(|i| i16::try_from(i % 300).unwrap() - 150)
                .collect();
            let m = Linear::build(classes, 1.0, &keys, &rows);
            let mut got = vec![1; ends.len() * classes];
            m.score_groups(&feats, &ends, &mut got);
            let mut from = 0;
            for (g, &end) in ends.iter().enumerate() {
                let mut want = vec![0; classes];
                m.score(&feats[from..end], &mut want);
                assert_eq!(got[g * classes..(g + 1) * classes], want[..], "group {g}");
                from = end;
            }
            assert!(got.iter().any(|&x| x != 0), "some features are stored");
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
