//! An in-memory index of stored events for story de-duplication, so that
//! most look-ups of a mention's candidate events avoid SQLite.
//!
//! The index is a cache of the `events_dyad` index with the roots already
//! confirmed: events are grouped by (source root, target root, CAMEO root,
//! factuality, precision) and by blocks of [`BLOCK`] days. A block is read
//! from the database the first time a look-up needs it, and from then on
//! every event the store creates in it is added to it, so a loaded block
//! always holds exactly the matching events of the database. It is dropped
//! whole when it grows past [`CAP`] events, when a batch is rolled back, and
//! when another connection has written to the database.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::{Connection, params};

/// Days per block.
const BLOCK: i64 = 4096;
/// Events held before the index is dropped and rebuilt on demand.
const CAP: usize = 8_000_000;

/// A small, fast hasher for integer keys (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An event that a mention may join: id, day, quad class, Goldstein weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cand {
    pub id: i64,
    pub goldstein: f64,
    pub day: i32,
    pub quad: u8,
}

/// What identifies a story apart from its date.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoryKey<'a> {
    pub src: &'a str,
    pub tgt: &'a str,
    pub root: &'a str,
    pub fact: i64,
    pub prec: i64,
}

/// (source, target, CAMEO root) interned, factuality, precision, block.
type BlockKey = (u32, u32, u32, u8, u8, i64);

/// See the module documentation.
#[derive(Debug, Default)]
pub(crate) struct StoryIndex {
    names: HashMap<String, u32>,
    blocks: FxMap<BlockKey, Vec<Cand>>,
    len: usize,
    /// `PRAGMA data_version` when the index was last known to be current.
    pub data_version: Option<i64>,
}

impl StoryIndex {
    /// Forgets every block.
    pub fn clear(&mut self) {
        self.blocks = FxMap::default();
        self.len = 0;
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.names.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.insert(s.to_owned(), i);
        i
    }

    fn key(&mut self, k: &StoryKey<'_>, block: i64) -> BlockKey {
        (
            self.intern(k.src),
            self.intern(k.tgt),
            self.intern(k.root),
            k.fact as u8,
            k.prec as u8,
            block,
        )
    }

    /// The stored event a mention of `k` on `day` joins: among those within
    /// `window` days, the nearest in date, then the oldest.
    pub fn find(
        &mut self,
        conn: &Connection,
        k: &StoryKey<'_>,
        day: i64,
        window: i64,
    ) -> rusqlite::Result<Option<Cand>> {
        if self.len > CAP {
            self.clear();
        }
        let (lo, hi) = (day - window, day + window);
        let mut found: Option<Cand> = None;
        for block in lo.div_euclid(BLOCK)..=hi.div_euclid(BLOCK) {
            let key = self.key(k, block);
            if !self.blocks.contains_key(&key) {
                let loaded = load(conn, k, block)?;
                self.len += loaded.len();
                self.blocks.insert(key, loaded);
            }
            for c in self.blocks.get(&key).map_or(&[][..], Vec::as_slice) {
                let d = i64::from(c.day);
                if d < lo || d > hi {
                    continue;
                }
                if found.is_none_or(|f| {
                    ((d - day).abs(), c.id) < ((i64::from(f.day) - day).abs(), f.id)
                }) {
                    found = Some(*c);
                }
            }
        }
        Ok(found)
    }

    /// Records a new event of `k`, when its block is loaded (an unloaded
    /// block reads it from the database when it is needed).
    pub fn insert(&mut self, k: &StoryKey<'_>, c: Cand) {
        let key = self.key(k, i64::from(c.day).div_euclid(BLOCK));
        if let Some(v) = self.blocks.get_mut(&key) {
            v.push(c);
            self.len += 1;
        }
    }
}

/// Reads the events of one block whose roots match (the dyad key is a hash).
fn load(conn: &Connection, k: &StoryKey<'_>, block: i64) -> rusqlite::Result<Vec<Cand>> {
    let mut st = conn.prepare_cached(
        "SELECT id, day, quad, goldstein, src_root = ?7 AND tgt_root = ?8 FROM events \
         WHERE dyad = ?1 AND root = ?2 AND day BETWEEN ?3 AND ?4 \
         AND factuality = ?5 AND precision = ?6",
    )?;
    let mut rows = st.query(params![
        crate::schema::dyad_key(k.src, k.tgt),
        k.root,
        block * BLOCK,
        block * BLOCK + BLOCK - 1,
        k.fact,
        k.prec,
        k.src,
        k.tgt
    ])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        if r.get::<_, bool>(4)? {
            out.push(Cand {
                id: r.get(0)?,
                day: r.get(1)?,
                quad: r.get(2)?,
                goldstein: r.get(3)?,
            });
        }
    }
    Ok(out)
}
