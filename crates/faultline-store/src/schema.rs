//! The versioned schema: header checks that refuse foreign or damaged files
//! before SQLite writes anything, and the migrations from one version to the next.
//!
//! Every database, new or old, is brought to [`CURRENT_VERSION`] by running the
//! migrations after its `user_version` in one transaction, so a new database
//! goes through exactly the steps an old one does.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// `PRAGMA application_id` of faultline databases: "FLTL".
pub const APPLICATION_ID: i32 = 0x464C_544C;

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = 5;

/// Version 1: documents, sentences, events (stories), mentions, and the daily
/// dyad aggregate. `events.dyad` is [`dyad_key`] of the two roots; mentions
/// are clustered by event.
const V1: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,
    key         TEXT NOT NULL,
    url         TEXT NOT NULL,
    title       TEXT,
    published   TEXT,
    hash        BLOB NOT NULL,
    lead        INTEGER NOT NULL,
    mentions    INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_key ON documents(key);

CREATE TABLE sentences (
    doc   INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    text  TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    dyad          INTEGER NOT NULL,
    src_root      TEXT NOT NULL,
    tgt_root      TEXT NOT NULL,
    src_code      TEXT NOT NULL,
    tgt_code      TEXT NOT NULL,
    src_name      TEXT NOT NULL,
    tgt_name      TEXT NOT NULL,
    cameo         TEXT NOT NULL,
    root          TEXT NOT NULL,
    quad          INTEGER NOT NULL,
    goldstein     REAL NOT NULL,
    plover        TEXT NOT NULL,
    mode          TEXT NOT NULL,
    factuality    INTEGER NOT NULL,
    date          TEXT NOT NULL,
    day           INTEGER NOT NULL,
    precision     INTEGER NOT NULL,
    mentions      INTEGER NOT NULL,
    first_mention INTEGER NOT NULL
);
CREATE INDEX events_dyad ON events(dyad, root, day, factuality, precision, quad, goldstein);

CREATE TABLE mentions (
    event       INTEGER NOT NULL,
    id          INTEGER NOT NULL,
    doc         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    coder_id    TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    src_text    TEXT NOT NULL,
    tgt_text    TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    date        TEXT NOT NULL,
    date_source TEXT NOT NULL,
    factuality  INTEGER NOT NULL,
    cue         TEXT,
    rule        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    PRIMARY KEY (event, id)
) WITHOUT ROWID;

CREATE TABLE dyad_daily (
    src      TEXT NOT NULL,
    tgt      TEXT NOT NULL,
    day      INTEGER NOT NULL,
    quad     INTEGER NOT NULL,
    asserted INTEGER NOT NULL,
    events   INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    g_sum    REAL NOT NULL,
    g_abs    REAL NOT NULL,
    PRIMARY KEY (src, tgt, day, quad, asserted)
) WITHOUT ROWID;
";

/// Version 2: the outlet of each document (for GDELT's NumSources), and
/// mention-weighted Goldstein sums in the daily aggregate (for series that
/// count mentions). Both are back-filled from the version 1 data.
const V2: &str = "
ALTER TABLE documents ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
ALTER TABLE dyad_daily ADD COLUMN gm_sum REAL NOT NULL DEFAULT 0;
ALTER TABLE dyad_daily ADD COLUMN gm_abs REAL NOT NULL DEFAULT 0;
";

/// Version 3, for ingest speed: mentions are stored in insertion order (a
/// rowid table, indexed by event) instead of clustered by event, and events
/// carry a `story` key ([`story_key`]: the two roots, the CAMEO root, the
/// factuality and the date precision) indexed with the day, an all-integer
/// index that replaces `events_dyad` for de-duplication and explanations.
/// The story keys are back-filled. `events.mentions` is dropped: updating
/// the count of an old event at every new mention was a random write into
/// the events table; counts are read from `mentions_event` instead.
const V3: &str = "
ALTER TABLE events ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
DROP INDEX events_dyad;
ALTER TABLE events DROP COLUMN mentions;

CREATE TABLE mentions_v3 (
    id          INTEGER PRIMARY KEY,
    event       INTEGER NOT NULL,
    doc         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    coder_id    TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    src_text    TEXT NOT NULL,
    tgt_text    TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    date        TEXT NOT NULL,
    date_source TEXT NOT NULL,
    factuality  INTEGER NOT NULL,
    cue         TEXT,
    rule        TEXT NOT NULL,
    confidence  REAL NOT NULL
);
INSERT INTO mentions_v3 (id, event, doc, sentence, coder_id, cameo, src_text, tgt_text, trigger,
    date, date_source, factuality, cue, rule, confidence)
    SELECT id, event, doc, sentence, coder_id, cameo, src_text, tgt_text, trigger,
    date, date_source, factuality, cue, rule, confidence FROM mentions ORDER BY id;
DROP TABLE mentions;
ALTER TABLE mentions_v3 RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event);
";

/// Version 4: an organisation's root is the organisation (`IGOUNO`,
/// `IGOEEU`, `NGOMSF`), no longer its type (`IGO`), which made every IGO one
/// actor in dyads and stories. No table changes: [`backfill_v4`] re-keys the
/// events (roots, dyad and story keys) from their codes and rebuilds the
/// daily aggregate.
const V4: &str = "";

/// Rows of [`SENTENCE_INDEX`] are numbered `doc * SENTENCE_SLOTS + idx`:
/// a document's sentence `idx` below this many is searchable.
pub const SENTENCE_SLOTS: i64 = 1 << 24;

/// The full-text index of the stored sentences (FTS5, contentless: the
/// text stays only in `sentences`), kept by triggers.
pub const SENTENCE_INDEX: &str = "sentences_fts";

/// Version 5, for the server: full-text search over the stored sentences,
/// an index of mentions by document and sentence (the document view, and
/// from a found sentence to its events), and the article itself: its body
/// (`documents.body`, NULL for documents stored before) and its direct
/// quotations (`quotes`, byte ranges into the body with their speakers).
/// `dyad_daily_day` orders the aggregate by day (covering the event
/// counts), so a range of recent days (the front page, movers, the data's
/// first and last day) reads only its own rows. [`SENTENCE_INDEX`] is a contentless FTS5 table
/// (Porter stemming over Unicode words, diacritics folded) whose row id is
/// [`SENTENCE_SLOTS`]` * doc + idx`; triggers index each sentence stored
/// and forget each one deleted. Back-filled from the sentences already stored.
const V5: &str = "
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences WHEN new.idx < 16777216 BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.doc * 16777216 + new.idx, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences WHEN old.idx < 16777216 BEGIN
    DELETE FROM sentences_fts WHERE rowid = old.doc * 16777216 + old.idx;
END;
INSERT INTO sentences_fts (rowid, text)
    SELECT doc * 16777216 + idx, text FROM sentences WHERE idx < 16777216;
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, sentence);
CREATE INDEX dyad_daily_day ON dyad_daily(day, src, tgt, quad, asserted, events, g_sum, g_abs);
ALTER TABLE documents ADD COLUMN body TEXT;
CREATE TABLE quotes (
    doc         INTEGER NOT NULL,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    speaker     TEXT,
    role        TEXT,
    actor       TEXT,
    attribution TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
";

/// The migrations, in order: index `i` takes a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

/// The secondary indexes that a bulk load into an empty database drops and
/// builds again at the end (one sort each instead of millions of random
/// insertions), with the statements that create them. See
/// [`start_bulk_load`] and [`end_bulk_load`].
pub const DEFERRED_INDEXES: &[(&str, &str)] = &[
    (
        "events_story",
        "CREATE INDEX IF NOT EXISTS events_story ON events(story, day)",
    ),
    (
        "mentions_event",
        "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event)",
    ),
    (
        "mentions_doc",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, sentence)",
    ),
];

/// The [`DEFERRED_INDEXES`] missing from an open database.
pub fn missing_indexes(conn: &Connection) -> rusqlite::Result<Vec<&'static str>> {
    let mut st = conn
        .prepare_cached("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1")?;
    let mut out = Vec::new();
    for (name, sql) in DEFERRED_INDEXES {
        if st.query_row([name], |r| r.get::<_, i64>(0))? == 0 {
            out.push(*sql);
        }
    }
    Ok(out)
}

/// Starts a bulk load (in the caller's transaction): drops the
/// [`DEFERRED_INDEXES`] and marks the database (`meta.bulk_load`). While
/// the mark is there, the daily aggregate is not maintained; it is rebuilt
/// by [`end_bulk_load`].
pub fn start_bulk_load(conn: &Connection) -> rusqlite::Result<()> {
    for (name, _) in DEFERRED_INDEXES {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    conn.execute_batch("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk_load', 'running')")
}

/// Whether a bulk load started and did not end (it runs in another process,
/// or was killed): the mark is there or a deferred index is missing.
pub fn bulk_load_pending(conn: &Connection) -> rusqlite::Result<bool> {
    let marked: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'bulk_load')",
        [],
        |r| r.get(0),
    )?;
    Ok(marked || !missing_indexes(conn)?.is_empty())
}

/// Ends a bulk load (in the caller's transaction): builds the missing
/// deferred indexes (one sort each), rebuilds the daily aggregate from the
/// events and their mentions, and removes the mark.
pub fn end_bulk_load(conn: &Connection) -> rusqlite::Result<()> {
    create_missing_indexes(conn)?;
    rebuild_aggregate(conn)?;
    clear_bulk_mark(conn)
}

/// Builds the [`DEFERRED_INDEXES`] that are missing.
pub fn create_missing_indexes(conn: &Connection) -> rusqlite::Result<()> {
    for create in missing_indexes(conn)? {
        conn.execute_batch(create)?;
    }
    Ok(())
}

/// Removes the mark of a bulk load (see [`start_bulk_load`]).
pub fn clear_bulk_mark(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM meta WHERE key = 'bulk_load'")
}

/// Recomputes `dyad_daily` from the day-precise events, weighing each by
/// its number of mentions for the mention columns: what ingest maintains
/// incrementally outside bulk loads.
pub fn rebuild_aggregate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM dyad_daily;
         INSERT INTO dyad_daily (src, tgt, day, quad, asserted, events, mentions, g_sum, g_abs,
             gm_sum, gm_abs)
         SELECT e.src_root, e.tgt_root, e.day, e.quad, e.factuality = 0, count(*), sum(c.n),
             sum(e.goldstein), sum(abs(e.goldstein)), sum(e.goldstein * c.n),
             sum(abs(e.goldstein) * c.n)
         FROM events e
         JOIN (SELECT event, count(*) AS n FROM mentions GROUP BY event) c ON c.event = e.id
         WHERE e.precision = 0
         GROUP BY 1, 2, 3, 4, 5;",
    )
}

/// Page size of new databases: larger pages than SQLite's 4 KiB default mean
/// fewer page splits and fewer pages written per commit during ingest.
pub const PAGE_SIZE: u32 = 8192;

/// The integer key of a directed dyad (FNV-1a of the two roots), indexed
/// with the CAMEO root and day for de-duplication and dyad look-ups. Stable
/// across versions: it is stored.
pub fn dyad_key(src: &str, tgt: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in src.bytes().chain([0u8]).chain(tgt.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h as i64
}

/// The integer key of a story (see the crate documentation): FNV-1a of the
/// source and target roots, the CAMEO root, the factuality code and the date
/// precision. Indexed with the day (`events_story`); look-ups compare the
/// columns themselves too, so a collision costs a row read, never a wrong
/// merge. Stable across versions: it is stored.
pub fn story_key(src: &str, tgt: &str, root: &str, fact: i64, prec: i64) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    };
    for part in [src, tgt, root] {
        part.bytes().for_each(&mut eat);
        eat(0);
    }
    eat(fact as u8);
    eat(prec as u8);
    h as i64
}

/// What the header check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// No file, or an empty one: a new database.
    New,
    /// An SQLite file with faultline's application id.
    Faultline,
    /// An SQLite file without an application id: new if it has no tables, else foreign.
    Unmarked,
}

/// Checks the file at `path` by reading its first bytes, before SQLite opens it.
pub fn check_header(path: &Path) -> Result<Header> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::New),
        Err(e) => return Err(io(e)),
    };
    if meta.is_dir() {
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
            what: "a directory".into(),
        });
    }
    let len = meta.len();
    if len == 0 {
        return Ok(Header::New);
    }
    let mut head = [0u8; 100];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(io)?;
        let mut n = 0;
        loop {
            let k = f.read(&mut head[n..]).map_err(io)?;
            if k == 0 {
                break;
            }
            n += k;
            if n == head.len() {
                break;
            }
        }
        n
    };
    let head = &head[..n];
    const MAGIC: &[u8] = b"SQLite format 3\0";
    if !head.starts_with(MAGIC) {
        if MAGIC.starts_with(head) {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                what: format!("truncated to {len} bytes"),
            });
        }
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
            what: sniff(head),
        });
    }
    if head.len() < 100 {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            what: format!("truncated header, {len} bytes"),
        });
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536u64,
        p if p >= 512 && p.is_power_of_two() => u64::from(p),
        p => {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                what: format!("invalid page size {p} in the header"),
            });
        }
    };
    let wal = {
        let mut p = path.as_os_str().to_owned();
        p.push("-wal");
        std::path::PathBuf::from(p)
    };
    // With a write-ahead log present, the main file may lag behind its header
    // while a checkpoint runs; SQLite itself checks the pages then.
    if !wal.exists() {
        if len % page_size != 0 {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                what: format!(
                    "truncated: file size {len} is not a multiple of the page size {page_size}"
                ),
            });
        }
        let pages = u64::from(be32(28));
        if be32(92) == be32(24) && pages > 0 && pages * page_size > len {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                what: format!(
                    "truncated: the header says {} bytes, the file has {len}",
                    pages * page_size
                ),
            });
        }
    }
    let app = be32(68);
    if app == APPLICATION_ID as u32 {
        Ok(Header::Faultline)
    } else if app == 0 || wal.exists() {
        // With a log, the header may be stale: the caller asks SQLite.
        Ok(Header::Unmarked)
    } else {
        Err(StoreError::Foreign {
            path: path.to_owned(),
            what: format!("application id {app:#010x}"),
        })
    }
}

/// Names what a non-SQLite file looks like, from its first bytes.
fn sniff(head: &[u8]) -> String {
    let kinds: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "a gzip file"),
        (b"PAR1", "a Parquet file"),
        (b"\x7FELF", "an executable"),
    ];
    for (magic, name) in kinds {
        if head.starts_with(magic) {
            return (*name).to_owned();
        }
    }
    if std::str::from_utf8(head).is_ok() {
        "a text file".to_owned()
    } else {
        "unknown binary data".to_owned()
    }
}

/// The schema version of an open database (`PRAGMA user_version`).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Number of tables in an open database (not counting SQLite's own).
pub fn table_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )
}

/// Runs the migrations after `from` up to `to` in one transaction and stamps
/// the version and application id.
///
/// The version is read again under the write lock, so two processes opening
/// a new database at once migrate it once.
pub fn migrate(conn: &mut Connection, from: i64, to: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let from = from.max(version(&tx)?);
    if from >= to {
        return Ok(());
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let target = i as i64 + 1;
        if target > from && target <= to {
            tx.execute_batch(sql)?;
            match target {
                2 => backfill_v2(&tx)?,
                3 => backfill_v3(&tx)?,
                4 => backfill_v4(&tx)?,
                _ => {}
            }
        }
    }
    tx.execute_batch(&format!(
        "PRAGMA user_version = {to}; PRAGMA application_id = {APPLICATION_ID};"
    ))?;
    tx.commit()
}

/// Version 2: fills `documents.outlet` from each document's URL host, and
/// the mention-weighted Goldstein sums of the aggregate from the events.
fn backfill_v2(conn: &Connection) -> rusqlite::Result<()> {
    let sums: Vec<(String, String, i64, i64, bool, f64, f64)> = {
        let mut st = conn.prepare(
            "SELECT src_root, tgt_root, day, quad, factuality = 0, SUM(goldstein * mentions), \
             SUM(abs(goldstein) * mentions) FROM events WHERE precision = 0 GROUP BY 1, 2, 3, 4, 5",
        )?;
        st.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let mut up = conn.prepare(
        "UPDATE dyad_daily SET gm_sum = ?6, gm_abs = ?7 \
         WHERE src = ?1 AND tgt = ?2 AND day = ?3 AND quad = ?4 AND asserted = ?5",
    )?;
    for (src, tgt, day, quad, asserted, gm, gma) in sums {
        up.execute(rusqlite::params![src, tgt, day, quad, asserted, gm, gma])?;
    }
    let rows: Vec<(i64, String)> = {
        let mut st = conn.prepare("SELECT id, url FROM documents")?;
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut up = conn.prepare("UPDATE documents SET outlet = ?2 WHERE id = ?1")?;
    for (id, url) in rows {
        up.execute(rusqlite::params![id, outlet_of(&url, None)])?;
    }
    Ok(())
}

/// Version 3: fills `events.story` from each event's roots, CAMEO root,
/// factuality and precision.
fn backfill_v3(conn: &Connection) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String, String, String, i64, i64)> = conn
        .prepare(
            "SELECT id, src_root, tgt_root, root, factuality, precision FROM events ORDER BY id",
        )?
        .query_map([], |r| r.try_into())?
        .collect::<rusqlite::Result<_>>()?;
    let mut up = conn.prepare("UPDATE events SET story = ?2 WHERE id = ?1")?;
    for (id, src, tgt, root, fact, prec) in rows {
        up.execute(rusqlite::params![
            id,
            story_key(&src, &tgt, &root, fact, prec)
        ])?;
    }
    conn.execute_batch(DEFERRED_INDEXES[0].1)
}

/// Version 4: re-keys the events whose source or target root is a bare
/// organisation type (`IGO`, `NGO`, `IMG`, `MNC`) to the organisation's own
/// root ([`crate::record::actor_root`] of the event's code), with their dyad
/// and story keys, then rebuilds the daily aggregate from the events.
///
/// Mentions that an earlier version merged into another organisation's
/// event (the UN's sanctions into the EU's) stay there: a mention does not
/// keep its own actor codes. Re-ingest into a new database to split them.
fn backfill_v4(conn: &Connection) -> rusqlite::Result<()> {
    type Row = (i64, String, String, String, String, String, i64, i64);
    let rows: Vec<Row> = conn
        .prepare(
            "SELECT id, src_root, tgt_root, src_code, tgt_code, root, factuality, precision \
             FROM events WHERE src_root IN ('IGO', 'NGO', 'IMG', 'MNC') \
             OR tgt_root IN ('IGO', 'NGO', 'IMG', 'MNC') ORDER BY id",
        )?
        .query_map([], |r| r.try_into())?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        return Ok(());
    }
    let rekey = |root: String, code: &str| -> String {
        if crate::record::is_bare_group_type(&root) {
            crate::record::actor_root(code, None).to_owned()
        } else {
            root
        }
    };
    let mut up = conn.prepare(
        "UPDATE events SET src_root = ?2, tgt_root = ?3, dyad = ?4, story = ?5 WHERE id = ?1",
    )?;
    for (id, src, tgt, src_code, tgt_code, root, fact, prec) in rows {
        let (src, tgt) = (rekey(src, &src_code), rekey(tgt, &tgt_code));
        let story = story_key(&src, &tgt, &root, fact, prec);
        up.execute(rusqlite::params![id, src, tgt, dyad_key(&src, &tgt), story])?;
    }
    rebuild_aggregate(conn)
}

/// The outlet of a document: the publisher when known, else the host of its
/// URL without `www.`, else "" (a local file).
pub fn outlet_of(url: &str, publisher: Option<&str>) -> String {
    if let Some(p) = publisher.map(str::trim).filter(|p| !p.is_empty()) {
        return p.to_owned();
    }
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return String::new();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets() {
        assert_eq!(
            outlet_of("https://www.Example.com/a/b?x", None),
            "example.com"
        );
        assert_eq!(
            outlet_of("http://news.example.org:8080/", None),
            "news.example.org"
        );
        assert_eq!(outlet_of("examples/a.txt", None), "");
        assert_eq!(outlet_of("https://x.example/a", Some("Wire")), "Wire");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), "a PNG image");
        assert_eq!(sniff(b"hello"), "a text file");
    }

    #[test]
    fn new_database_runs_every_migration() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn, 0, CURRENT_VERSION).expect("migrate");
        assert_eq!(version(&conn).expect("version"), CURRENT_VERSION);
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .expect("app id");
        assert_eq!(app, APPLICATION_ID);
    }

    #[test]
    fn sentence_numbers_in_the_triggers_match_the_constant() {
        let n = SENTENCE_SLOTS.to_string();
        assert_eq!(V5.matches(n.as_str()).count(), 6);
        assert!(V5.contains(SENTENCE_INDEX));
    }
}
