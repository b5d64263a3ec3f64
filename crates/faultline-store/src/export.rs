//! Exports: a GDELT 2.0-compatible event table, PLOVER JSON Lines, CSV and
//! Parquet; and readers for each, used by the round-trip tests and by tools
//! that load exports back.
//!
//! Every format is one row per event (story), in event id order, with the
//! first mention's sentence and document and the counts of mentions,
//! articles (distinct documents) and sources (distinct outlets).

use std::io::{BufRead, Write};
use std::sync::Arc;

use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::query::Filter;
use crate::record::{factuality_from_name, factuality_name, plover_context};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header (by default).
    Gdelt,
    /// PLOVER JSON, one object per line.
    Plover,
    /// CSV with a header, the columns of [`ExportRow`].
    Csv,
    /// Parquet, the columns of [`ExportRow`].
    Parquet,
}

/// One exported event: the columns of the CSV and Parquet exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRow {
    /// Event id (GDELT's GLOBALEVENTID).
    pub event_id: i64,
    /// Event date: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.
    pub date: String,
    /// Source actor code.
    pub source_code: String,
    /// Source root (country).
    pub source_root: String,
    /// Source as first written.
    pub source_name: String,
    /// Target actor code ("" when none).
    pub target_code: String,
    /// Target root.
    pub target_root: String,
    /// Target as first written.
    pub target_name: String,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub root: String,
    /// Quad class 1–4.
    pub quad_class: i64,
    /// Goldstein weight.
    pub goldstein: f64,
    /// PLOVER type.
    pub plover_type: String,
    /// PLOVER mode.
    pub plover_mode: String,
    /// PLOVER context from the factuality.
    pub plover_context: String,
    /// asserted, negated, hypothetical, conditional, future.
    pub factuality: String,
    /// Mentions (sentences reporting it).
    pub mentions: i64,
    /// Distinct documents.
    pub articles: i64,
    /// Distinct outlets.
    pub sources: i64,
    /// First mention in the lead paragraph.
    pub is_root: bool,
    /// When the first mention was stored: YYYYMMDDHHMMSS (UTC).
    pub added: String,
    /// The first mention's document URL (or path).
    pub url: String,
    /// The first mention's sentence.
    pub sentence: String,
}

impl Store {
    /// Calls `each` for every event in the filter's date range (by default
    /// asserted ones only), in id order.
    pub fn for_each_row(
        &self,
        f: &Filter,
        mut each: impl FnMut(ExportRow) -> Result<()>,
    ) -> Result<usize> {
        let from = f.from.map_or(i64::MIN / 4, crate::record::day_number);
        let to = f.to.map_or(i64::MAX / 4, crate::record::day_number);
        let mut st = self
            .conn
            .prepare(
                "SELECT e.id, e.date, e.src_code, e.src_root, e.src_name, e.tgt_code, e.tgt_root, \
                 e.tgt_name, e.cameo, e.root, e.quad, e.goldstein, e.plover, e.mode, e.factuality, \
                 (SELECT count(*) FROM mentions m2 WHERE m2.event = e.id), \
                 (SELECT COUNT(DISTINCT m2.doc) FROM mentions m2 WHERE m2.event = e.id), \
                 (SELECT COUNT(DISTINCT CASE WHEN d2.outlet = '' THEN d2.url ELSE d2.outlet END) \
                    FROM mentions m2 JOIN documents d2 ON d2.id = m2.doc WHERE m2.event = e.id), \
                 m.sentence < max(d.lead, 1), d.ingested_at, d.url, s.text \
                 FROM events e JOIN mentions m ON m.event = e.id AND m.id = e.first_mention \
                 JOIN documents d ON d.id = m.doc \
                 JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence \
                 WHERE e.day BETWEEN ?1 AND ?2 AND (?3 OR e.factuality = 0) ORDER BY e.id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st
            .query(params![from, to, f.all_factuality])
            .map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let get = |r: &rusqlite::Row<'_>| -> rusqlite::Result<ExportRow> {
                let fact: i64 = r.get(14)?;
                Ok(ExportRow {
                    event_id: r.get(0)?,
                    date: r.get(1)?,
                    source_code: r.get(2)?,
                    source_root: r.get(3)?,
                    source_name: r.get(4)?,
                    target_code: r.get(5)?,
                    target_root: r.get(6)?,
                    target_name: r.get(7)?,
                    cameo: r.get(8)?,
                    root: r.get(9)?,
                    quad_class: r.get(10)?,
                    goldstein: r.get(11)?,
                    plover_type: r.get(12)?,
                    plover_mode: r.get(13)?,
                    plover_context: plover_context(fact).to_owned(),
                    factuality: factuality_name(fact).to_owned(),
                    mentions: r.get(15)?,
                    articles: r.get(16)?,
                    sources: r.get(17)?,
                    is_root: r.get(18)?,
                    added: r.get(19)?,
                    url: r.get(20)?,
                    sentence: r.get(21)?,
                })
            };
            each(get(r).map_err(|e| self.err(e))?)?;
            n += 1;
        }
        Ok(n)
    }

    /// Writes the events of the filter's range in `format` to `out`;
    /// returns how many were written. `header` adds a header line to the
    /// GDELT table (CSV always has one).
    pub fn export<W: Write + Send>(
        &self,
        format: Format,
        f: &Filter,
        header: bool,
        out: W,
    ) -> Result<usize> {
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let n = self.for_each_row(f, |row| w.serialize(row).map_err(csv_err))?;
                if n == 0 {
                    w.write_record(CSV_COLUMNS).map_err(csv_err)?;
                }
                w.flush().map_err(io_err)?;
                Ok(n)
            }
            Format::Gdelt => {
                let mut out = std::io::BufWriter::new(out);
                if header {
                    writeln!(out, "{}", GDELT_COLUMNS.join("\t")).map_err(io_err)?;
                }
                let n = self.for_each_row(f, |row| {
                    writeln!(out, "{}", gdelt_fields(&row).join("\t")).map_err(io_err)
                })?;
                out.flush().map_err(io_err)?;
                Ok(n)
            }
            Format::Plover => {
                let mut out = std::io::BufWriter::new(out);
                let mut n = 0;
                self.for_each_row(f, |row| {
                    if let Some(p) = PloverRecord::from_row(&row) {
                        serde_json::to_writer(&mut out, &p).map_err(|e| io_err(e.into()))?;
                        out.write_all(b"\n").map_err(io_err)?;
                        n += 1;
                    }
                    Ok(())
                })?;
                out.flush().map_err(io_err)?;
                Ok(n)
            }
            Format::Parquet => {
                let schema = parquet_schema();
                let props = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .build();
                let mut w = parquet::arrow::ArrowWriter::try_new(out, schema.clone(), Some(props))
                    .map_err(export_err)?;
                let mut chunk = Vec::with_capacity(PARQUET_BATCH);
                let n = self.for_each_row(f, |row| {
                    chunk.push(row);
                    if chunk.len() == PARQUET_BATCH {
                        w.write(&to_batch(&schema, &chunk)?).map_err(export_err)?;
                        chunk.clear();
                    }
                    Ok(())
                })?;
                if !chunk.is_empty() || n == 0 {
                    w.write(&to_batch(&schema, &chunk)?).map_err(export_err)?;
                }
                w.close().map_err(export_err)?;
                Ok(n)
            }
        }
    }
}

fn export_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Export(e.to_string())
}

fn io_err(source: std::io::Error) -> StoreError {
    StoreError::Write { source }
}

/// A CSV error: a write error keeps its I/O error (so a closed pipe is
/// recognised), any other is an export error.
fn csv_err(e: csv::Error) -> StoreError {
    if e.is_io_error() {
        match e.into_kind() {
            csv::ErrorKind::Io(source) => io_err(source),
            other => export_err(format!("{other:?}")),
        }
    } else {
        export_err(e)
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 23] = [
    "event_id",
    "date",
    "source_code",
    "source_root",
    "source_name",
    "target_code",
    "target_root",
    "target_name",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_context",
    "factuality",
    "mentions",
    "articles",
    "sources",
    "is_root",
    "added",
    "url",
    "sentence",
];

/// Reads a CSV export back.
pub fn read_csv(input: impl std::io::Read) -> Result<Vec<ExportRow>> {
    csv::Reader::from_reader(input)
        .deserialize()
        .collect::<std::result::Result<Vec<ExportRow>, _>>()
        .map_err(export_err)
}

// ---------------------------------------------------------------- GDELT

/// The 61 columns of the GDELT 2.0 event table, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// CAMEO actor type codes (GDELT's Actor*Type*Code values).
const ACTOR_TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "IGO", "NGO", "NGM", "IMG", "MNC", "SET", "AMN", "IRC", "GRP", "UNO", "PTY",
];

/// The GDELT actor fields of a CAMEO code: code, country, known group, and
/// up to three type codes. The country is the code's first three letters
/// when they are its root; after IGO/NGO/IMG/MNC the next three letters are
/// the known group ("IGOUNO" → type IGO, group UNO).
pub fn split_actor(code: &str, root: &str) -> (String, String, [String; 3]) {
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut rest = chunks.as_slice();
    let mut country = String::new();
    let mut group = String::new();
    let mut types: Vec<String> = Vec::new();
    if let Some((first, tail)) = rest.split_first()
        && *first == root
        && !ACTOR_TYPES.contains(first)
    {
        country = (*first).to_owned();
        rest = tail;
    }
    while let Some((c, tail)) = rest.split_first() {
        rest = tail;
        if ["IGO", "NGO", "IMG", "MNC"].contains(c) {
            types.push((*c).to_owned());
            if let Some((g, tail)) = rest.split_first()
                && group.is_empty()
            {
                group = (*g).to_owned();
                rest = tail;
            }
        } else if ACTOR_TYPES.contains(c) {
            types.push((*c).to_owned());
        }
    }
    types.truncate(3);
    let mut t: [String; 3] = Default::default();
    for (slot, v) in t.iter_mut().zip(types) {
        *slot = v;
    }
    (country, group, t)
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The 61 GDELT fields of an event.
pub fn gdelt_fields(r: &ExportRow) -> Vec<String> {
    let (day, _) = crate::record::day_of(&r.date);
    let d = crate::record::date_of_day(day);
    use chrono::Datelike;
    let sqldate = d.format("%Y%m%d").to_string();
    let fraction = f64::from(d.year()) + f64::from(d.ordinal()) / 365.0;
    let mut f = vec![
        r.event_id.to_string(),
        sqldate,
        d.format("%Y%m").to_string(),
        d.year().to_string(),
        format!("{fraction:.4}"),
    ];
    for (code, root, name) in [
        (&r.source_code, &r.source_root, &r.source_name),
        (&r.target_code, &r.target_root, &r.target_name),
    ] {
        let (country, group, types) = split_actor(code, root);
        f.push(code.clone());
        f.push(clean(name).to_uppercase());
        f.push(country);
        f.push(group);
        f.extend([String::new(), String::new(), String::new()]);
        f.extend(types);
    }
    let base = r
        .cameo
        .get(..3.min(r.cameo.len()))
        .unwrap_or(&r.cameo)
        .to_owned();
    f.extend([
        u8::from(r.is_root).to_string(),
        r.cameo.clone(),
        base,
        r.root.clone(),
        r.quad_class.to_string(),
        format!("{}", r.goldstein),
        r.mentions.to_string(),
        r.sources.to_string(),
        r.articles.to_string(),
        "0".to_owned(),
    ]);
    for _ in 0..3 {
        f.push("0".to_owned());
        f.extend(std::iter::repeat_n(String::new(), 7));
    }
    f.push(r.added.clone());
    f.push(clean(&r.url));
    f
}

/// A GDELT row read back: the fields faultline fills.
#[derive(Debug, Clone, PartialEq)]
pub struct GdeltRow {
    /// GLOBALEVENTID.
    pub id: i64,
    /// SQLDATE (YYYYMMDD).
    pub sqldate: String,
    /// Actor1Code, Actor1Name, Actor1CountryCode.
    pub actor1: (String, String, String),
    /// Actor2Code, Actor2Name, Actor2CountryCode.
    pub actor2: (String, String, String),
    /// IsRootEvent.
    pub is_root: bool,
    /// EventCode, EventBaseCode, EventRootCode.
    pub codes: (String, String, String),
    /// QuadClass.
    pub quad: i64,
    /// GoldsteinScale.
    pub goldstein: f64,
    /// NumMentions, NumSources, NumArticles.
    pub counts: (i64, i64, i64),
    /// DATEADDED.
    pub added: String,
    /// SOURCEURL.
    pub url: String,
}

/// Reads a GDELT event table (with or without the header line).
pub fn read_gdelt(input: impl BufRead) -> Result<Vec<GdeltRow>> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| export_err(format!("line {}: {e}", i + 1)))?;
        if line.starts_with("GLOBALEVENTID\t") || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 61 {
            return Err(export_err(format!(
                "line {}: {} columns, expected 61",
                i + 1,
                f.len()
            )));
        }
        let int = |j: usize| {
            f[j].parse::<i64>().map_err(|e| {
                export_err(format!("line {}: column {}: {e}", i + 1, GDELT_COLUMNS[j]))
            })
        };
        let s = |j: usize| f[j].to_owned();
        out.push(GdeltRow {
            id: int(0)?,
            sqldate: s(1),
            actor1: (s(5), s(6), s(7)),
            actor2: (s(15), s(16), s(17)),
            is_root: f[25] == "1",
            codes: (s(26), s(27), s(28)),
            quad: int(29)?,
            goldstein: f[30]
                .parse()
                .map_err(|e| export_err(format!("line {}: GoldsteinScale: {e}", i + 1)))?,
            counts: (int(31)?, int(32)?, int(33)?),
            added: s(59),
            url: s(60),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------- PLOVER

/// An event in PLOVER's JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverRecord {
    /// Event id.
    pub id: String,
    /// Event date.
    pub date: String,
    /// PLOVER event type.
    pub event: String,
    /// PLOVER mode ("" when none).
    pub mode: String,
    /// PLOVER contexts ("negation", "hypothetical", "future").
    pub context: Vec<String>,
    /// Source as written.
    pub source: String,
    /// Source actor (country or organisation root).
    pub source_actor: String,
    /// Source agent (sector: GOV, MIL, …; "" when none).
    pub source_agent: String,
    /// Target as written.
    pub target: String,
    /// Target actor.
    pub target_actor: String,
    /// Target agent.
    pub target_agent: String,
    /// CAMEO code it was coded as.
    pub cameo: String,
    /// Factuality.
    pub factuality: String,
    /// Mentions.
    pub mentions: i64,
    /// The sentence it was coded from.
    pub text: String,
    /// The document URL or path.
    pub url: String,
}

impl PloverRecord {
    /// The PLOVER form of an event; `None` for codes PLOVER has no type for
    /// (CAMEO's comments, 010–017).
    pub fn from_row(r: &ExportRow) -> Option<Self> {
        if r.plover_type.is_empty() {
            return None;
        }
        let agent = |code: &str, root: &str| {
            code.strip_prefix(root)
                .and_then(|rest| rest.get(..3))
                .unwrap_or("")
                .to_owned()
        };
        Some(Self {
            id: r.event_id.to_string(),
            date: r.date.clone(),
            event: r.plover_type.clone(),
            mode: r.plover_mode.clone(),
            context: if r.plover_context.is_empty() {
                Vec::new()
            } else {
                vec![r.plover_context.clone()]
            },
            source: r.source_name.clone(),
            source_actor: r.source_root.clone(),
            source_agent: agent(&r.source_code, &r.source_root),
            target: r.target_name.clone(),
            target_actor: r.target_root.clone(),
            target_agent: agent(&r.target_code, &r.target_root),
            cameo: r.cameo.clone(),
            factuality: r.factuality.clone(),
            mentions: r.mentions,
            text: r.sentence.clone(),
            url: r.url.clone(),
        })
    }
}

/// Reads PLOVER JSON Lines back.
pub fn read_plover(input: impl BufRead) -> Result<Vec<PloverRecord>> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(export_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: PloverRecord =
            serde_json::from_str(&line).map_err(|e| export_err(format!("line {}: {e}", i + 1)))?;
        if factuality_from_name(&rec.factuality).is_none() {
            return Err(export_err(format!(
                "line {}: unknown factuality {:?}",
                i + 1,
                rec.factuality
            )));
        }
        out.push(rec);
    }
    Ok(out)
}

// ---------------------------------------------------------------- Parquet

const PARQUET_BATCH: usize = 65_536;

/// The columns that are null in Parquet for an event without a target
/// (empty strings in CSV).
const TARGET_COLUMNS: [&str; 3] = ["target_code", "target_root", "target_name"];

/// The Arrow schema of the Parquet export: the columns of [`ExportRow`];
/// the [`TARGET_COLUMNS`] are nullable.
pub fn parquet_schema() -> Arc<Schema> {
    let mut fields = Vec::new();
    for name in CSV_COLUMNS {
        let ty = match name {
            "event_id" | "quad_class" | "mentions" | "articles" | "sources" => DataType::Int64,
            "goldstein" => DataType::Float64,
            "is_root" => DataType::Boolean,
            _ => DataType::Utf8,
        };
        fields.push(Field::new(name, ty, TARGET_COLUMNS.contains(&name)));
    }
    Arc::new(Schema::new(fields))
}

fn to_batch(schema: &Arc<Schema>, rows: &[ExportRow]) -> Result<RecordBatch> {
    let ints = |f: fn(&ExportRow) -> i64| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(rows.iter().map(f)))
    };
    let strs = |f: fn(&ExportRow) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    };
    // Null, not "", when the event has no target.
    let target = |f: fn(&ExportRow) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter(rows.iter().map(|r| {
            (!r.target_root.is_empty() || !f(r).is_empty()).then(|| f(r))
        })))
    };
    let columns: Vec<ArrayRef> = vec![
        ints(|r| r.event_id),
        strs(|r| &r.date),
        strs(|r| &r.source_code),
        strs(|r| &r.source_root),
        strs(|r| &r.source_name),
        target(|r| &r.target_code),
        target(|r| &r.target_root),
        target(|r| &r.target_name),
        strs(|r| &r.cameo),
        strs(|r| &r.root),
        ints(|r| r.quad_class),
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|r| r.goldstein),
        )),
        strs(|r| &r.plover_type),
        strs(|r| &r.plover_mode),
        strs(|r| &r.plover_context),
        strs(|r| &r.factuality),
        ints(|r| r.mentions),
        ints(|r| r.articles),
        ints(|r| r.sources),
        Arc::new(BooleanArray::from(
            rows.iter().map(|r| r.is_root).collect::<Vec<_>>(),
        )),
        strs(|r| &r.added),
        strs(|r| &r.url),
        strs(|r| &r.sentence),
    ];
    RecordBatch::try_new(schema.clone(), columns).map_err(export_err)
}

/// Reads a Parquet export back.
pub fn read_parquet(path: &std::path::Path) -> Result<Vec<ExportRow>> {
    let file =
        std::fs::File::open(path).map_err(|e| export_err(format!("{}: {e}", path.display())))?;
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .map_err(export_err)?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(export_err)?;
        let col = |name: &str| {
            batch
                .column_by_name(name)
                .ok_or_else(|| export_err(format!("no column {name}")))
        };
        let ints = |name: &str| -> Result<Int64Array> {
            col(name)?
                .as_any()
                .downcast_ref::<Int64Array>()
                .cloned()
                .ok_or_else(|| export_err(format!("column {name} is not Int64")))
        };
        let strs = |name: &str| -> Result<StringArray> {
            col(name)?
                .as_any()
                .downcast_ref::<StringArray>()
                .cloned()
                .ok_or_else(|| export_err(format!("column {name} is not Utf8")))
        };
        let g = col("goldstein")?
            .as_any()
            .downcast_ref::<Float64Array>()
            .cloned()
            .ok_or_else(|| export_err("column goldstein is not Float64"))?;
        let root = col("is_root")?
            .as_any()
            .downcast_ref::<BooleanArray>()
            .cloned()
            .ok_or_else(|| export_err("column is_root is not Boolean"))?;
        let (id, quad, men, art, src) = (
            ints("event_id")?,
            ints("quad_class")?,
            ints("mentions")?,
            ints("articles")?,
            ints("sources")?,
        );
        let names = [
            "date",
            "source_code",
            "source_root",
            "source_name",
            "target_code",
            "target_root",
            "target_name",
            "cameo",
            "root",
            "plover_type",
            "plover_mode",
            "plover_context",
            "factuality",
            "added",
            "url",
            "sentence",
        ];
        let s: Vec<StringArray> = names.iter().map(|n| strs(n)).collect::<Result<_>>()?;
        for i in 0..batch.num_rows() {
            let t = |k: usize| {
                if s[k].is_null(i) {
                    String::new()
                } else {
                    s[k].value(i).to_owned()
                }
            };
            out.push(ExportRow {
                event_id: id.value(i),
                date: t(0),
                source_code: t(1),
                source_root: t(2),
                source_name: t(3),
                target_code: t(4),
                target_root: t(5),
                target_name: t(6),
                cameo: t(7),
                root: t(8),
                quad_class: quad.value(i),
                goldstein: g.value(i),
                plover_type: t(9),
                plover_mode: t(10),
                plover_context: t(11),
                factuality: t(12),
                mentions: men.value(i),
                articles: art.value(i),
                sources: src.value(i),
                is_root: root.value(i) && !root.is_null(i),
                added: t(13),
                url: t(14),
                sentence: t(15),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_fields() {
        let (c, g, t) = split_actor("USAGOV", "USA");
        assert_eq!((c.as_str(), g.as_str(), t[0].as_str()), ("USA", "", "GOV"));
        let (c, g, t) = split_actor("IGOUNOSCR", "IGOUNO");
        assert_eq!((c.as_str(), g.as_str(), t[0].as_str()), ("", "UNO", "IGO"));
        let (c, _, t) = split_actor("KORMILREB", "KOR");
        assert_eq!(
            (c.as_str(), t[0].as_str(), t[1].as_str()),
            ("KOR", "MIL", "REB")
        );
        let (c, _, _) = split_actor("", "");
        assert_eq!(c, "");
    }

    #[test]
    fn gdelt_has_61_columns() {
        let row = ExportRow {
            event_id: 7,
            date: "2014-10".into(),
            source_code: "KOR".into(),
            source_root: "KOR".into(),
            source_name: "South\tKorea".into(),
            target_code: String::new(),
            target_root: String::new(),
            target_name: String::new(),
            cameo: "0431".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: 2.8,
            plover_type: "CONSULT".into(),
            plover_mode: String::new(),
            plover_context: String::new(),
            factuality: "asserted".into(),
            mentions: 1,
            articles: 1,
            sources: 1,
            is_root: true,
            added: "20240101000000".into(),
            url: "x".into(),
            sentence: "s".into(),
        };
        let f = gdelt_fields(&row);
        assert_eq!(f.len(), GDELT_COLUMNS.len());
        assert_eq!(f[1], "20141001");
        assert_eq!(f[6], "SOUTH KOREA");
        assert_eq!(f[27], "043");
    }
}
