//! An in-memory index of stored events for story de-duplication, so that
//! most look-ups of a mention's candidate events avoid SQLite.
//!
//! The index is a cache of the `events_story` index with the story's columns
//! already confirmed: events are grouped by story (source root, target root,
//! CAMEO root, factuality, precision, interned) and day, and read from the
//! database in blocks of [`BLOCK`] days. A block is read
//! from the database the first time a look-up needs it, and from then on
//! every event the store creates in it is added to it, so a loaded block
//! always holds exactly the matching events of the database. It is dropped
//! whole when it grows past [`CAP`] events, when a batch is rolled back, and
//! when another connection has written to the database.
//!
//! For a bulk load into an empty database the index is *complete*: it holds
//! every event, reads nothing, and the database's `events_story` index can
//! be built once at the end (see `Store`).

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
    /// Mentions of the event; counted only in a complete index (0 when read
    /// from the database).
    pub mentions: u32,
}

/// The aggregate's key with the roots as alphabetical ranks: source,
/// target, day, quad class, asserted.
type AggKey = (u32, u32, i32, u8, bool);

/// One row of the daily dyad aggregate, computed from a complete index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AggRow<'a> {
    pub src: &'a str,
    pub tgt: &'a str,
    pub day: i64,
    pub quad: u8,
    pub asserted: bool,
    pub events: i64,
    pub mentions: i64,
    pub g_sum: f64,
    pub g_abs: f64,
    pub gm_sum: f64,
    pub gm_abs: f64,
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

/// A story key with its names interned: source, target, CAMEO root,
/// factuality, precision.
pub(crate) type Story = (u32, u32, u32, u8, u8);

/// See the module documentation.
#[derive(Debug, Default)]
pub(crate) struct StoryIndex {
    names: FxMap<Box<str>, u32>,
    ids: Vec<Box<str>>,
    /// The blocks read from the database (or known to be complete).
    loaded: FxMap<(Story, i64), ()>,
    /// The oldest event of each story and day of the loaded blocks: the
    /// only one a mention can join (the nearest day wins, then the oldest),
    /// and in practice the only one, as a second event of the same story
    /// and day would have joined the first.
    days: FxMap<(Story, i32), Cand>,
    len: usize,
    /// Every block is known: the index holds every event of the database
    /// (set for a bulk load into an empty database), so nothing is read.
    pub complete: bool,
    /// `PRAGMA data_version` when the index was last known to be current.
    pub data_version: Option<i64>,
}

impl StoryIndex {
    /// Forgets every block (interned names stay: they are only names).
    pub fn clear(&mut self) {
        self.loaded = FxMap::default();
        self.days = FxMap::default();
        self.len = 0;
        self.complete = false;
    }

    /// Whether the index holds more events than it should keep: the store
    /// then clears it (after restoring the database indexes of a bulk load).
    pub fn over_cap(&self) -> bool {
        self.len > CAP
    }

    /// The number of a name (a root), interned on first use.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.names.get(s) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.names.insert(s.into(), i);
        self.ids.push(s.into());
        i
    }

    /// The name of an interned number.
    pub fn name(&self, i: u32) -> &str {
        self.ids.get(i as usize).map_or("", |s| s)
    }

    /// Interns a story key.
    pub fn story(&mut self, k: &StoryKey<'_>) -> Story {
        (
            self.intern(k.src),
            self.intern(k.tgt),
            self.intern(k.root),
            k.fact as u8,
            k.prec as u8,
        )
    }

    /// The stored event a mention of `k` (interned as `story`) on `day`
    /// joins: among those within `window` days, the nearest in date, then
    /// the oldest.
    pub fn find(
        &mut self,
        conn: &Connection,
        k: &StoryKey<'_>,
        story: Story,
        day: i64,
        window: i64,
    ) -> rusqlite::Result<Option<Cand>> {
        let (lo, hi) = (day - window, day + window);
        for block in lo.div_euclid(BLOCK)..=hi.div_euclid(BLOCK) {
            if !self.complete && !self.loaded.contains_key(&(story, block)) {
                for c in load(conn, k, block)? {
                    self.keep(story, c);
                }
                self.loaded.insert((story, block), ());
            }
        }
        let mut found: Option<Cand> = None;
        for d in lo..=hi {
            let Ok(d32) = i32::try_from(d) else { continue };
            if let Some(c) = self.days.get(&(story, d32))
                && found.is_none_or(|f| {
                    ((d - day).abs(), c.id) < ((i64::from(f.day) - day).abs(), f.id)
                })
            {
                found = Some(*c);
            }
        }
        Ok(found)
    }

    /// Counts one more mention of the event `c` of `story` (only a complete
    /// index counts: its counts make the aggregate at the end of a bulk load).
    pub fn mention(&mut self, story: Story, c: &Cand) {
        if !self.complete {
            return;
        }
        if let Some(x) = self.days.get_mut(&(story, c.day))
            && x.id == c.id
        {
            x.mentions += 1;
        }
    }

    /// The daily dyad aggregate of the day-precise events, in the key order
    /// of `dyad_daily` (source, target, day, quad class, asserted), when the
    /// index is complete (it then holds every event with its mentions).
    pub fn aggregate(&self) -> Option<Vec<AggRow<'_>>> {
        if !self.complete {
            return None;
        }
        // Names ranked alphabetically, so sorting compares integers.
        let mut order: Vec<u32> = (0..self.ids.len() as u32).collect();
        order.sort_unstable_by(|a, b| self.name(*a).cmp(self.name(*b)));
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let mut evs: Vec<(AggKey, Story, &Cand)> = self
            .days
            .iter()
            .filter(|((story, _), _)| story.4 == 0)
            .map(|((story, day), c)| {
                let key = (
                    rank[story.0 as usize],
                    rank[story.1 as usize],
                    *day,
                    c.quad,
                    story.3 == 0,
                );
                (key, *story, c)
            })
            .collect();
        evs.sort_unstable_by_key(|e| e.0);
        let mut out: Vec<AggRow<'_>> = Vec::new();
        let mut last = None;
        for (key, story, c) in evs {
            let (g, m) = (c.goldstein, f64::from(c.mentions));
            if last != Some(key) {
                last = Some(key);
                out.push(AggRow {
                    src: self.name(story.0),
                    tgt: self.name(story.1),
                    day: i64::from(key.2),
                    quad: key.3,
                    asserted: key.4,
                    events: 0,
                    mentions: 0,
                    g_sum: 0.0,
                    g_abs: 0.0,
                    gm_sum: 0.0,
                    gm_abs: 0.0,
                });
            }
            if let Some(row) = out.last_mut() {
                row.events += 1;
                row.mentions += i64::from(c.mentions);
                row.g_sum += g;
                row.g_abs += g.abs();
                row.gm_sum += g * m;
                row.gm_abs += g.abs() * m;
            }
        }
        Some(out)
    }

    /// Keeps `c` if it is the oldest event of its story and day.
    fn keep(&mut self, story: Story, c: Cand) {
        match self.days.entry((story, c.day)) {
            std::collections::hash_map::Entry::Occupied(mut o) => {
                if c.id < o.get().id {
                    o.insert(c);
                }
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(c);
                self.len += 1;
            }
        }
    }

    /// Records a new event of `story`, when its block is loaded (an unloaded
    /// block reads it from the database when it is needed).
    pub fn insert(&mut self, story: Story, c: Cand) {
        if self.complete
            || self
                .loaded
                .contains_key(&(story, i64::from(c.day).div_euclid(BLOCK)))
        {
            self.keep(story, c);
        }
    }
}

/// Reads the events of one block of a story (the story key is a hash: the
/// columns are compared too).
fn load(conn: &Connection, k: &StoryKey<'_>, block: i64) -> rusqlite::Result<Vec<Cand>> {
    let mut st = conn.prepare_cached(
        "SELECT id, day, quad, goldstein, src_root = ?4 AND tgt_root = ?5 AND root = ?6 \
         AND factuality = ?7 AND precision = ?8 FROM events \
         WHERE story = ?1 AND day BETWEEN ?2 AND ?3",
    )?;
    let mut rows = st.query(params![
        crate::schema::story_key(k.src, k.tgt, k.root, k.fact, k.prec),
        block * BLOCK,
        block * BLOCK + BLOCK - 1,
        k.src,
        k.tgt,
        k.root,
        k.fact,
        k.prec,
    ])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        if r.get::<_, bool>(4)? {
            out.push(Cand {
                id: r.get(0)?,
                day: r.get(1)?,
                quad: r.get(2)?,
                goldstein: r.get(3)?,
                mentions: 0,
            });
        }
    }
    Ok(out)
}
