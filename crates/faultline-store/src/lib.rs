//! faultline's event store: coded events in an SQLite file, de-duplicated
//! into stories with their mentions, pre-aggregated per dyad and day for fast
//! analytics, and exported as GDELT, PLOVER, CSV or Parquet.
//!
//! - [`Store`]: opening (with header checks and migrations, [`schema`]) and
//!   ingesting ([`Store::ingest`]); batches are committed in transactions.
//! - [`record`]: the input types, [`DocRecord`] and [`EventRecord`].
//! - [`query`]: dyad series, tension, most active dyads, movers, alerts.
//! - [`export`]: the export formats and their readers.
//! - [`browse`]: paged event lists and document views, for display.
//!
//! # Story de-duplication
//!
//! A coded event (a *mention*) joins an existing *event* (a story) when all of
//! these hold; otherwise it starts a new event:
//!
//! 1. same source root and same target root (the actors' countries, or the
//!    organisation itself, `IGOUNO`, see [`record::actor_root`]; "" for no
//!    target);
//! 2. same CAMEO root (two-digit family: 04 consult, 19 fight, …);
//! 3. same factuality (an asserted meeting never merges with a denied one);
//! 4. dates: both day-precise and at most `window` days apart (default 2,
//!    fixed when the database is created), or the same partial date
//!    ("2010-10") when either is only a month or a year.
//!
//! Among several candidates the one nearest in date wins, then the oldest.
//! The event keeps the codes, names and date of its first mention; each
//! mention keeps its own document, sentence, code and factuality.
//!
//! ## Ingest order
//!
//! The window is measured from the event's date, which is its *first*
//! mention's, so the events depend on the order documents arrive in. Mentions
//! of a story on days 1, 3 and 5 (window 2) make two events when day 1 comes
//! first (day 5 is four days from the event) but one when day 3 comes first;
//! the event's date, full CAMEO code and Goldstein weight (hence the daily
//! aggregate) are those of whichever mention came first. The rule is kept
//! because the alternatives are worse for an append-only store:
//!
//! - joining every event within the window of any mention (single linkage)
//!   is order-free, but chains: a conflict reported every day would become
//!   one event lasting months, and daily event counts would mean nothing;
//! - clustering each story's mentions in date order is order-free and does
//!   not chain, but one late document dated earlier than stored mentions can
//!   move every later boundary: events already stored and exported would be
//!   re-cut and renumbered, at the cost of re-reading the story;
//! - fixed calendar buckets are order-free but split two reports a day
//!   apart that fall on either side of a bucket boundary.
//!
//! What is independent of the order (tested by
//! `ingest_order_changes_only_what_the_first_mention_anchors`): the stored
//! documents, every mention's story key, and the mentions per dyad, quad
//! class and factuality over all days; and the events themselves when each
//! story's mentions fall in groups no wider than the window with more than
//! the window between groups. Only chains differ, and rarely: the issue that
//! measured it found 73,394 against 73,420 events (0.04%) for three batches
//! in different orders.
//!
//! # Bulk loads
//!
//! An ingest into a database without events is a *bulk load*: the story
//! index in memory then holds every event (nothing is read back), the
//! secondary indexes `events_story`, `mentions_event` and `mentions_doc` are dropped and the
//! daily aggregate is not maintained; [`Store::finish`] builds all three at
//! the end (the aggregate from the story index, which counts mentions), with
//! one sort each instead of millions of random writes. (The full-text index
//! of the sentences, [`schema::SENTENCE_INDEX`], is kept by triggers all along.) A bulk
//! load also ends when the story index passes its cap or another connection
//! writes; one that was killed is ended when the database is next opened.

pub mod browse;
mod dedup;
pub mod error;
pub mod export;
pub mod query;
pub mod record;
pub mod schema;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use faultline_coder::Event;
use rusqlite::{Connection, OptionalExtension, params};

pub use error::{Result, StoreError};
pub use record::{ActorView, DocRecord, EventRecord};

/// The default database path, relative to the working directory.
pub const DEFAULT_DB: &str = "faultline.db";

/// Settings of a store.
#[derive(Debug, Clone)]
pub struct Options {
    /// Date window of the de-duplication rule, in days; used only when the
    /// database is created (it is then kept in the database).
    pub window_days: i64,
    /// Commit after this many documents…
    pub batch_docs: usize,
    /// …or after this much time since the batch began, whichever is first.
    pub batch_time: Duration,
    /// Bulk-load an empty database: drop the [`schema::DEFERRED_INDEXES`]
    /// while loading and build them once at the end ([`Store::finish`]).
    pub bulk_load: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            window_days: 2,
            batch_docs: 2000,
            batch_time: Duration::from_millis(500),
            bulk_load: true,
        }
    }
}

/// What storing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// Stored: `events` new events, `merged` mentions joined existing events.
    Added {
        /// New events (stories).
        events: usize,
        /// Mentions that joined an existing event.
        merged: usize,
    },
    /// Already stored (same content hash, or same URL / id and path); nothing added.
    Duplicate {
        /// Row id of the stored document.
        of: i64,
    },
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: i64,
    /// Events (stories).
    pub events: i64,
    /// Mentions (coded events, each in one sentence of one document).
    pub mentions: i64,
}

/// Adds one day's counts and sums of a dyad, quad class and factuality to
/// the daily aggregate (a new row, or added to the existing one).
const ADD_TO_DAILY: &str = "INSERT INTO dyad_daily (src, tgt, day, quad, asserted, events, \
     mentions, g_sum, g_abs, gm_sum, gm_abs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
     ON CONFLICT (src, tgt, day, quad, asserted) DO UPDATE SET \
     events = events + excluded.events, mentions = mentions + excluded.mentions, \
     g_sum = g_sum + excluded.g_sum, g_abs = g_abs + excluded.g_abs, \
     gm_sum = gm_sum + excluded.gm_sum, gm_abs = gm_abs + excluded.gm_abs";

/// Source and target roots (interned in the story index), day, quad class, asserted.
type AggKey = (u32, u32, i64, u8, bool);

#[derive(Debug, Default, Clone, Copy)]
struct AggDelta {
    events: i64,
    mentions: i64,
    g_sum: f64,
    g_abs: f64,
    gm_sum: f64,
    gm_abs: f64,
}

impl AggDelta {
    /// One more mention of an event with Goldstein weight `g`.
    fn joined(&mut self, g: f64) {
        self.mentions += 1;
        self.gm_sum += g;
        self.gm_abs += g.abs();
    }

    /// A new event with weight `g`, and its first mention.
    fn created(&mut self, g: f64) {
        self.events += 1;
        self.g_sum += g;
        self.g_abs += g.abs();
        self.joined(g);
    }

    fn add(&mut self, d: &Self) {
        self.events += d.events;
        self.mentions += d.mentions;
        self.g_sum += d.g_sum;
        self.g_abs += d.g_abs;
        self.gm_sum += d.gm_sum;
        self.gm_abs += d.gm_abs;
    }
}

/// An open event store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    opts: Options,
    window: i64,
    tx: Option<Batch>,
    stories: dedup::StoryIndex,
    /// A bulk load is running: the deferred indexes are dropped and the
    /// story index is complete.
    bulk: bool,
}

#[derive(Debug)]
struct Batch {
    started: Instant,
    docs: usize,
    next_event: i64,
    next_mention: i64,
    stamp: String,
    agg: dedup::FxMap<AggKey, AggDelta>,
}

impl Store {
    /// Opens the database at `path`, creating it when missing, with default options.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, Options::default())
    }

    /// Opens an existing database (for commands that only read): a missing
    /// file is an error, not a new database.
    pub fn open_existing(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        Self::open(path)
    }

    /// Opens an existing, up-to-date database for reading only (the server):
    /// nothing is ever written through this connection, so it never takes the
    /// write lock and reads alongside a running ingest (WAL); during a bulk
    /// load it sees the aggregate as it was before the load began. An older
    /// schema is an error saying to open it once with
    /// [`Store::open_existing`] (which `faultline serve` does at start).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        if schema::check_header(path)? == schema::Header::New {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        let corrupt = |e: rusqlite::Error| StoreError::sqlite(path, e);
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
            | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(corrupt)?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(corrupt)?;
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(corrupt)?;
        if app != schema::APPLICATION_ID {
            return Err(StoreError::Foreign {
                path: path.to_owned(),
                what: format!("application id {app:#010x}"),
            });
        }
        let version = schema::version(&conn).map_err(corrupt)?;
        if version != schema::CURRENT_VERSION {
            return Err(StoreError::Query(format!(
                "{}: schema version {version}, not {}; open it once with a command that \
                 writes (faultline ingest) to bring it up to date",
                path.display(),
                schema::CURRENT_VERSION
            )));
        }
        conn.execute_batch("PRAGMA cache_size = -65536; PRAGMA query_only = ON;")
            .map_err(corrupt)?;
        let window = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'dedup_window_days'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(corrupt)?
            .and_then(|w| w.parse().ok())
            .unwrap_or(Options::default().window_days);
        Ok(Self {
            conn,
            path: path.to_owned(),
            opts: Options::default(),
            window,
            tx: None,
            stories: dedup::StoryIndex::default(),
            bulk: false,
        })
    }

    /// Opens (or creates) the database at `path`. Foreign or damaged files
    /// are refused before anything is written to them; older schemas are migrated.
    pub fn open_with(path: &Path, opts: Options) -> Result<Self> {
        let header = schema::check_header(path)?;
        let sql = |e: rusqlite::Error| StoreError::sqlite(path, e);
        let corrupt = sql;
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(sql)?;
        let tables = schema::table_count(&conn).map_err(corrupt)?;
        let version = schema::version(&conn).map_err(corrupt)?;
        // The header in the file may lag behind a write-ahead log that a
        // killed process left: ask SQLite, which reads through the log.
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(corrupt)?;
        let header = match (header, app) {
            (schema::Header::New, _) => schema::Header::New,
            (_, schema::APPLICATION_ID) => schema::Header::Faultline,
            (_, 0) => schema::Header::Unmarked,
            (_, other) => {
                return Err(StoreError::Foreign {
                    path: path.to_owned(),
                    what: format!("application id {other:#010x}"),
                });
            }
        };
        if header == schema::Header::Unmarked && tables > 0 {
            return Err(StoreError::Foreign {
                path: path.to_owned(),
                what: format!("{tables} table(s) and no faultline application id"),
            });
        }
        if version > schema::CURRENT_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found: version,
                supported: schema::CURRENT_VERSION,
            });
        }
        if header == schema::Header::Faultline && version < 1 {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                what: "faultline application id without a schema version".into(),
            });
        }
        // Switching the journal needs the write lock: only when not yet WAL,
        // so opening never waits for a running ingest.
        let journal: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(corrupt)?;
        if header == schema::Header::New || tables == 0 {
            // Only takes effect on an empty file.
            conn.execute_batch(&format!("PRAGMA page_size = {}", schema::PAGE_SIZE))
                .map_err(corrupt)?;
        }
        if !journal.eq_ignore_ascii_case("wal") {
            conn.execute_batch("PRAGMA journal_mode = WAL")
                .map_err(corrupt)?;
        }
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA cell_size_check = ON; \
             PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; \
             PRAGMA wal_autocheckpoint = 10000;",
        )
        .map_err(corrupt)?;
        conn.set_prepared_statement_cache_capacity(64);
        if version < schema::CURRENT_VERSION {
            schema::migrate(&mut conn, version, schema::CURRENT_VERSION).map_err(corrupt)?;
        }
        let window: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'dedup_window_days'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(corrupt)?;
        // A bulk load that was killed left its indexes and aggregate to be
        // built: do it now, unless another process holds the write lock (a
        // bulk load still running does it itself when it ends; one between
        // two batches notices and goes on as a normal ingest).
        if schema::version(&conn).map_err(corrupt)? == schema::CURRENT_VERSION
            && schema::bulk_load_pending(&conn).map_err(corrupt)?
        {
            conn.busy_timeout(Duration::ZERO).map_err(sql)?;
            let ended = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .and_then(|tx| {
                    schema::end_bulk_load(&tx)?;
                    tx.commit()
                });
            match ended {
                Ok(()) => {}
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {}
                Err(e) => return Err(sql(e)),
            }
            conn.busy_timeout(Duration::from_secs(10)).map_err(sql)?;
        }
        let window = match window.and_then(|w| w.parse().ok()) {
            Some(w) => w,
            None => {
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('dedup_window_days', ?1)",
                    params![opts.window_days.to_string()],
                )
                .map_err(sql)?;
                opts.window_days
            }
        };
        Ok(Self {
            conn,
            path: path.to_owned(),
            opts,
            window,
            tx: None,
            stories: dedup::StoryIndex::default(),
            bulk: false,
        })
    }

    /// The database path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The de-duplication date window of this database, in days.
    pub fn window_days(&self) -> i64 {
        self.window
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<i64> {
        schema::version(&self.conn).map_err(|e| self.err(e))
    }

    /// The underlying connection, for read-only inspection (tests, tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, source)
    }

    /// Checks the b-trees of `tables` (and their indexes) with SQLite's
    /// `PRAGMA quick_check`, or of the whole file when `tables` is empty:
    /// a damaged page is a [`StoreError::Corrupt`] error. The analytics
    /// commands check the table they answer from before answering, so a
    /// damaged aggregate is an error, never a partial result. Its cost
    /// follows the size of what is checked (0.35 s for the aggregate of 2 M
    /// events; about 8 s per GB for a whole file).
    pub fn check(&self, tables: &[&str]) -> Result<()> {
        let mut problems = Vec::new();
        let pragmas: Vec<String> = if tables.is_empty() {
            vec!["PRAGMA quick_check(5)".into()]
        } else {
            tables
                .iter()
                .map(|t| format!("PRAGMA quick_check({t})"))
                .collect()
        };
        for pragma in pragmas {
            let mut st = self.conn.prepare(&pragma).map_err(|e| self.err(e))?;
            let found = st
                .query_map([], |r| r.get::<_, String>(0))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err(e))?;
            problems.extend(found.into_iter().filter(|m| m != "ok"));
        }
        if problems.is_empty() {
            return Ok(());
        }
        problems.truncate(3);
        Err(StoreError::Corrupt {
            path: self.path.clone(),
            what: problems.join("; "),
        })
    }

    /// Row counts.
    pub fn stats(&self) -> Result<Stats> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), \
                 (SELECT count(*) FROM mentions)",
                [],
                |r| {
                    Ok(Stats {
                        documents: r.get(0)?,
                        events: r.get(1)?,
                        mentions: r.get(2)?,
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// The row id of the stored document with content hash `hash`
    /// ([`DocRecord::content_hash`]), if any.
    pub fn document_by_hash(&self, hash: &[u8; 32]) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT id FROM documents WHERE hash = ?1")
            .and_then(|mut st| st.query_row([&hash[..]], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Stores a document and the coder's events for it. See [`Store::ingest`].
    pub fn ingest_doc(&mut self, doc: &DocRecord<'_>, events: &[Event]) -> Result<IngestOutcome> {
        let records: Vec<EventRecord<'_>> = events.iter().map(EventRecord::from).collect();
        self.ingest(doc, &records)
    }

    /// Stores a document and its events, unless it is already stored (same
    /// content hash, or same key: URL, else id and path). Work is grouped in
    /// transactions of [`Options::batch_docs`] documents or
    /// [`Options::batch_time`]; call [`Store::commit`] at the end (dropping
    /// the store also commits). A killed process loses at most the open
    /// batch, and the document with it, never part of a document.
    pub fn ingest(
        &mut self,
        doc: &DocRecord<'_>,
        events: &[EventRecord<'_>],
    ) -> Result<IngestOutcome> {
        self.begin()?;
        let key = doc.key();
        let dup: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM documents WHERE hash = ?1 UNION ALL \
                 SELECT id FROM documents WHERE key = ?2 LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![&doc.hash[..], key], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.err(e).after_writes())?;
        if let Some(of) = dup {
            return Ok(IngestOutcome::Duplicate { of });
        }
        // Where the document's rows will start: a failure deletes them, so
        // that no part of a document is stored (and success costs nothing).
        let mark = self
            .tx
            .as_ref()
            .map_or((0, 0), |b| (b.next_event, b.next_mention));
        let outcome = match self.insert(doc, &key, events) {
            Ok(o) => o,
            Err(e) => {
                let err = self.err(e).after_writes();
                self.undo_doc(&doc.hash, mark);
                return Err(err);
            }
        };
        if self.stories.over_cap() {
            if self.bulk {
                self.end_bulk().map_err(|e| self.err(e))?;
            }
            self.stories.clear();
        }
        let due = match &mut self.tx {
            Some(b) => {
                b.docs += 1;
                b.docs >= self.opts.batch_docs || b.started.elapsed() >= self.opts.batch_time
            }
            None => false,
        };
        if due {
            self.commit()?;
        }
        Ok(outcome)
    }

    /// Undoes the document of a failed [`Store::insert`]: deletes its rows
    /// (its events and mentions are numbered from `mark`, and its hash is
    /// unique) and forgets the story index, which may hold its events (a
    /// bulk load ends, its aggregate then computed from the tables). Its
    /// aggregate changes were never added to the batch. If that fails too,
    /// or SQLite already rolled the transaction back, the batch is lost.
    fn undo_doc(&mut self, hash: &[u8], (event, mention): (i64, i64)) {
        self.stories.clear();
        let delete = |conn: &Connection| -> rusqlite::Result<()> {
            if conn.is_autocommit() {
                return Err(rusqlite::Error::InvalidQuery);
            }
            conn.execute("DELETE FROM mentions WHERE id >= ?1", [mention])?;
            conn.execute("DELETE FROM events WHERE id >= ?1", [event])?;
            for table in ["sentences", "quotes"] {
                conn.execute(
                    &format!(
                        "DELETE FROM {table} WHERE doc IN (SELECT id FROM documents WHERE hash = ?1)"
                    ),
                    [hash],
                )?;
            }
            conn.execute("DELETE FROM documents WHERE hash = ?1", [hash])?;
            Ok(())
        };
        let undone =
            delete(&self.conn).and_then(|()| if self.bulk { self.end_bulk() } else { Ok(()) });
        match (undone, self.tx.as_mut()) {
            (Ok(()), Some(b)) => (b.next_event, b.next_mention) = (event, mention),
            _ => {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.tx = None;
                self.bulk = false;
            }
        }
    }

    fn begin(&mut self) -> Result<()> {
        if self.tx.is_some() {
            return Ok(());
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        match self.start_batch() {
            Ok(batch) => {
                self.tx = Some(batch);
                Ok(())
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.stories.clear();
                self.bulk = false;
                Err(self.err(e))
            }
        }
    }

    /// Inside a fresh transaction: brings the story index up to date, enters
    /// bulk-load mode on an empty database, and numbers the batch's rows.
    fn start_batch(&mut self) -> rusqlite::Result<Batch> {
        // Another connection may have written since the last batch: then
        // the in-memory story index is out of date.
        let data_version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.stories.data_version != Some(data_version) {
            // Cleared first: another writer's events are not in the index.
            self.stories.clear();
            if self.bulk {
                self.end_bulk()?;
            }
            self.stories.data_version = Some(data_version);
        }
        if self.opts.bulk_load && !self.bulk {
            let empty: bool =
                self.conn
                    .query_row("SELECT NOT EXISTS (SELECT 1 FROM events)", [], |r| r.get(0))?;
            if empty {
                schema::start_bulk_load(&self.conn)?;
                self.bulk = true;
                self.stories.clear();
                self.stories.complete = true;
            }
        }
        let next = |table: &str| -> rusqlite::Result<i64> {
            self.conn.query_row(
                &format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )
        };
        Ok(Batch {
            started: Instant::now(),
            docs: 0,
            next_event: next("events")?,
            next_mention: next("mentions")?,
            stamp: chrono::Utc::now().format("%Y%m%d%H%M%S").to_string(),
            agg: dedup::FxMap::default(),
        })
    }

    fn insert(
        &mut self,
        doc: &DocRecord<'_>,
        key: &str,
        events: &[EventRecord<'_>],
    ) -> rusqlite::Result<IngestOutcome> {
        let Some(batch) = self.tx.as_mut() else {
            return Err(rusqlite::Error::InvalidQuery);
        };
        let conn = &self.conn;
        let doc_row = insert_document(conn, doc, key, events.len(), &batch.stamp)?;
        let mut new_event = conn.prepare_cached(
            "INSERT INTO events (id, src_root, tgt_root, src_code, tgt_code, src_name, tgt_name, \
             cameo, root, quad, goldstein, plover, mode, factuality, date, day, precision, \
             first_mention, dyad, story) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?;
        let mut mention = conn.prepare_cached(
            "INSERT INTO mentions (id, event, doc, sentence, coder_id, cameo, src_text, tgt_text, \
             trigger, date, date_source, factuality, cue, rule, confidence) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        let mut sentence = conn.prepare_cached(
            "INSERT OR IGNORE INTO sentences (doc, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut seen_sentences = HashSet::new();
        let (mut added, mut merged) = (0, 0);
        // The document's aggregate changes, added to the batch's only when
        // the whole document is stored.
        let mut agg: dedup::FxMap<AggKey, AggDelta> = dedup::FxMap::default();
        for e in events {
            let src = e.source.root();
            let tgt = e.target.map(|t| t.root()).unwrap_or_default();
            let fact = record::factuality_code(e.factuality);
            let (day, prec) = record::day_of_date(e.date);
            let date = e.date.to_string();
            let w = if prec == 0 { self.window } else { 0 };
            if seen_sentences.insert(e.sentence) {
                sentence.execute(params![
                    doc_row,
                    e.sentence as i64,
                    e.sentence_start as i64,
                    e.sentence_end as i64,
                    e.sentence_text
                ])?;
            }
            let key = dedup::StoryKey {
                src,
                tgt,
                root: e.root,
                fact,
                prec: prec.into(),
            };
            let story = self.stories.story(&key);
            let (src_n, tgt_n) = (story.0, story.1);
            let found = self.stories.find(conn, &key, story, day, w)?;
            let mention_id = batch.next_mention;
            batch.next_mention += 1;
            let event_id = match found {
                Some(
                    c @ dedup::Cand {
                        id,
                        day: eday,
                        quad: equad,
                        goldstein: eg,
                        ..
                    },
                ) => {
                    self.stories.mention(story, &c);
                    merged += 1;
                    let eday = i64::from(eday);
                    if prec == 0 && !self.bulk {
                        agg.entry((src_n, tgt_n, eday, equad, fact == 0))
                            .or_default()
                            .joined(eg);
                    }
                    id
                }
                None => {
                    let id = batch.next_event;
                    batch.next_event += 1;
                    added += 1;
                    let row = EventRow {
                        id,
                        src,
                        tgt,
                        fact,
                        date: &date,
                        day,
                        prec,
                        first_mention: mention_id,
                    };
                    row.insert(&mut new_event, e)?;
                    self.stories.insert(
                        story,
                        dedup::Cand {
                            id,
                            goldstein: e.goldstein,
                            day: day as i32,
                            quad: e.quad,
                            mentions: 1,
                        },
                    );
                    if prec == 0 && !self.bulk {
                        agg.entry((src_n, tgt_n, day, e.quad, fact == 0))
                            .or_default()
                            .created(e.goldstein);
                    }
                    id
                }
            };
            insert_mention(
                &mut mention,
                [mention_id, event_id, doc_row],
                e,
                fact,
                &date,
            )?;
        }
        for (k, d) in agg {
            batch.agg.entry(k).or_default().add(&d);
        }
        Ok(IngestOutcome::Added {
            events: added,
            merged,
        })
    }

    /// Commits the open batch, if any: its documents, events, mentions and
    /// aggregate updates become durable together. During a bulk load the
    /// aggregate is not updated: [`Store::finish`] builds it.
    pub fn commit(&mut self) -> Result<()> {
        let Some(batch) = self.tx.take() else {
            return Ok(());
        };
        let flush = || -> rusqlite::Result<()> {
            let mut up = self.conn.prepare_cached(ADD_TO_DAILY)?;
            let mut keys: Vec<_> = batch.agg.iter().collect();
            // In key order, so the upserts walk the aggregate's B-tree once.
            keys.sort_by(|a, b| {
                let name = |k: &AggKey| {
                    (
                        self.stories.name(k.0),
                        self.stories.name(k.1),
                        k.2,
                        k.3,
                        k.4,
                    )
                };
                name(a.0).cmp(&name(b.0))
            });
            for ((src, tgt, day, quad, asserted), d) in keys {
                up.execute(params![
                    self.stories.name(*src),
                    self.stories.name(*tgt),
                    day,
                    quad,
                    asserted,
                    d.events,
                    d.mentions,
                    d.g_sum,
                    d.g_abs,
                    d.gm_sum,
                    d.gm_abs
                ])?;
            }
            self.conn.execute_batch("COMMIT")
        };
        if let Err(e) = flush() {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.stories.clear();
            if self.bulk {
                let _ = self.end_bulk();
            }
            return Err(self.err(e).after_writes());
        }
        Ok(())
    }

    /// Commits the open batch and ends a bulk load: the deferred indexes are
    /// built (one sort each) and the daily aggregate is computed. Call it
    /// when an ingest run is over; dropping the store does it too, but cannot
    /// report errors.
    pub fn finish(&mut self) -> Result<()> {
        self.commit()?;
        if self.bulk {
            self.end_bulk().map_err(|e| self.err(e).after_writes())?;
        }
        Ok(())
    }

    /// Ends a bulk load (see [`schema::end_bulk_load`]), in the open
    /// transaction or in one of its own.
    ///
    /// With the story index still complete (it holds every event and counts
    /// their mentions), the aggregate is written from memory in key order;
    /// otherwise it is computed from the tables.
    fn end_bulk(&mut self) -> rusqlite::Result<()> {
        let stories = &self.stories;
        let end = |conn: &Connection| -> rusqlite::Result<()> {
            let Some(rows) = stories.aggregate() else {
                return schema::end_bulk_load(conn);
            };
            conn.execute_batch("DELETE FROM dyad_daily")?;
            let mut st = conn.prepare_cached(ADD_TO_DAILY)?;
            for r in rows {
                st.execute(params![
                    r.src, r.tgt, r.day, r.quad, r.asserted, r.events, r.mentions, r.g_sum,
                    r.g_abs, r.gm_sum, r.gm_abs
                ])?;
            }
            schema::create_missing_indexes(conn)?;
            schema::clear_bulk_mark(conn)
        };
        if self.conn.is_autocommit() {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            end(&tx)?;
            tx.commit()?;
        } else {
            end(&self.conn)?;
        }
        self.bulk = false;
        Ok(())
    }
}

/// Inserts a document row with its count of `mentions`; returns its row id.
fn insert_document(
    conn: &Connection,
    doc: &DocRecord<'_>,
    key: &str,
    mentions: usize,
    stamp: &str,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO documents (doc_id, key, url, title, published, hash, lead, mentions, \
         ingested_at, outlet, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        doc.id,
        key,
        doc.source,
        doc.title,
        doc.published,
        &doc.hash[..],
        doc.lead_sentences as i64,
        mentions as i64,
        stamp,
        schema::outlet_of(doc.source, Some(doc.publisher)),
        doc.body,
    ])?;
    let row = conn.last_insert_rowid();
    if let Some(body) = doc.body {
        insert_quotes(conn, row, body, doc.quotes)?;
    }
    Ok(row)
}

/// Stores a document's quotations whose ranges lie inside its body.
fn insert_quotes(
    conn: &Connection,
    doc: i64,
    body: &str,
    quotes: &[faultline_coder::Quote],
) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO quotes (doc, idx, start, end, speaker, role, actor, attribution) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let inside = quotes
        .iter()
        .filter(|q| q.start < q.end && body.get(q.start..q.end).is_some());
    for (i, q) in inside.enumerate() {
        st.execute(params![
            doc,
            i as i64,
            q.start as i64,
            q.end as i64,
            q.speaker,
            q.speaker_role,
            q.actor,
            q.attribution
        ])?;
    }
    Ok(())
}

/// The columns of a new event that do not come from its first mention's
/// record as they are.
struct EventRow<'a> {
    id: i64,
    src: &'a str,
    tgt: &'a str,
    fact: i64,
    date: &'a str,
    day: i64,
    prec: u8,
    first_mention: i64,
}

impl EventRow<'_> {
    /// Inserts the event, with the codes and names of `e`, its first mention.
    fn insert(
        &self,
        st: &mut rusqlite::CachedStatement<'_>,
        e: &EventRecord<'_>,
    ) -> rusqlite::Result<()> {
        let (src, tgt) = (self.src, self.tgt);
        st.execute(params![
            self.id,
            src,
            tgt,
            e.source.code,
            e.target.map_or("", |t| t.code),
            e.source.text,
            e.target.map_or("", |t| t.text),
            e.cameo,
            e.root,
            e.quad,
            e.goldstein,
            e.plover,
            e.mode,
            self.fact,
            self.date,
            self.day,
            self.prec,
            self.first_mention,
            schema::dyad_key(src, tgt),
            schema::story_key(src, tgt, e.root, self.fact, self.prec.into()),
        ])?;
        Ok(())
    }
}

/// Inserts a mention: `ids` are the mention's, its event's and its document's.
fn insert_mention(
    st: &mut rusqlite::CachedStatement<'_>,
    [mention_id, event_id, doc_row]: [i64; 3],
    e: &EventRecord<'_>,
    fact: i64,
    date: &str,
) -> rusqlite::Result<()> {
    st.execute(params![
        mention_id,
        event_id,
        doc_row,
        e.sentence as i64,
        e.coder_id,
        e.cameo,
        e.source.text,
        e.target.map_or("", |t| t.text),
        e.trigger,
        date,
        e.date_source,
        fact,
        e.cue,
        e.rule,
        e.confidence,
    ])?;
    Ok(())
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}
