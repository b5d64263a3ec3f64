//! Writing through the server (`POST /api/documents`): the bearer token,
//! checked in constant time, and the [`Writer`] that reads posted bytes
//! (JSON Lines, HTML or raw text) with `faultline-ingest`, codes each
//! article with the same coder `faultline ingest` loads, and stores it with
//! the same idempotence (a document already stored, by content hash or by
//! URL / id, is reported as a duplicate and not stored again).

use std::io::Cursor;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDate;
use faultline_coder::{Coded, Coder, Doc};
use faultline_ingest::{Article, Format};
use faultline_store::{DocRecord, IngestOutcome, Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

use crate::error::AppError;

/// The shortest token accepted: a guessable token is no protection.
pub const MIN_TOKEN_LEN: usize = 16;

/// The secret a writer must present as `Authorization: Bearer <token>`.
/// Only its SHA-256 is kept; presented tokens are hashed and the digests
/// compared in constant time, so neither the content nor the length of the
/// secret leaks through timing.
#[derive(Clone)]
pub struct Token([u8; 32]);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

impl Token {
    /// A token from its text (surrounding whitespace, such as a file's
    /// final newline, is not part of it). Too short a token is an error.
    pub fn new(secret: &str) -> Result<Self, String> {
        let secret = secret.trim();
        if secret.chars().count() < MIN_TOKEN_LEN {
            return Err(format!(
                "the write token has {} characters; use at least {MIN_TOKEN_LEN} \
                 (for example the output of `openssl rand -hex 24`)",
                secret.chars().count()
            ));
        }
        Ok(Self(Sha256::digest(secret.as_bytes()).into()))
    }

    /// Whether `presented` is the token (constant time in its content).
    pub fn matches(&self, presented: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        digest.ct_eq(&self.0).into()
    }
}

/// What happened to one posted document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PostedDocument {
    /// The document's id (the record's id for JSON Lines, else the name).
    pub id: String,
    /// `added`, `duplicate` or `failed`.
    pub status: &'static str,
    /// Row id of the stored document (the earlier one for a duplicate).
    pub document: Option<i64>,
    /// New events (stories) it started.
    pub events: usize,
    /// Its mentions that joined events already stored.
    pub merged: usize,
    /// Why it failed, when it did.
    pub error: Option<String>,
}

/// The answer to a post: a line per document and the totals.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct PostReport {
    /// Documents stored.
    pub added: usize,
    /// Documents already stored, skipped.
    pub duplicates: usize,
    /// Documents that could not be read or stored.
    pub failed: usize,
    /// Each document, in the order posted.
    pub documents: Vec<PostedDocument>,
}

/// A read and coded article, ready to store.
struct Prepared {
    article: Article,
    coded: Coded,
}

/// The server's one writing connection and the coder.
#[derive(Debug)]
pub struct Writer {
    coder: Coder,
    store: Mutex<Store>,
    fallback_date: Option<NaiveDate>,
    max_bytes: u64,
}

impl Writer {
    /// Opens a writing connection to the database at `path` (which must
    /// exist). Posts are small: no bulk load, and each post is committed
    /// before it is answered. `fallback_date` dates documents that carry no
    /// date (as `faultline ingest --date`; today when `None`).
    pub fn open(
        path: &Path,
        coder: Coder,
        fallback_date: Option<NaiveDate>,
        max_bytes: u64,
    ) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        let store = Store::open_with(
            path,
            faultline_store::Options {
                bulk_load: false,
                batch_docs: usize::MAX,
                batch_time: std::time::Duration::from_secs(3600),
                ..faultline_store::Options::default()
            },
        )?;
        Ok(Self {
            coder,
            store: Mutex::new(store),
            fallback_date,
            max_bytes,
        })
    }

    /// Reads `bytes` as documents named `name` (the format from `format`,
    /// else from the name and the content), codes and stores them, each
    /// committed on its own. Blocking: run it on a blocking thread.
    pub fn post(
        &self,
        name: &str,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<PostReport, AppError> {
        let mut report = PostReport::default();
        let mut ready = Vec::new();
        let opts = faultline_ingest::Options {
            max_bytes: self.max_bytes,
            format,
        };
        let _ = faultline_ingest::extract_reader(
            Path::new(name),
            Cursor::new(bytes),
            &opts,
            &mut |outcome| {
                ready.push(outcome.map(|a| self.code(a)).map_err(|e| e.to_string()));
                ControlFlow::Continue(())
            },
        );
        let mut store = self.store.lock().map_err(|_| {
            AppError::Internal("the writer failed earlier; restart the server".into())
        })?;
        for p in &ready {
            match p {
                Ok(p) => store_one(&mut store, p, &mut report),
                Err(e) => report.push_failure(name, e.clone()),
            }
        }
        Ok(report)
    }

    /// Codes one article as `faultline ingest` does.
    fn code(&self, article: Article) -> Prepared {
        let date = article_date(&article, self.fallback_date);
        let known = article.published.is_some() || article.modified.is_some();
        let coded = self.coder.code_doc(&coder_doc(&article, date, known));
        Prepared { article, coded }
    }
}

/// An article's date: published, else modified, else `fallback`, else today.
pub fn article_date(a: &Article, fallback: Option<NaiveDate>) -> NaiveDate {
    a.published
        .as_ref()
        .or(a.modified.as_ref())
        .map(faultline_dates::Stamp::date)
        .or(fallback)
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

/// The coder's view of an extracted article, dated `date` (`date_known`
/// false when that date is a fallback).
pub fn coder_doc(article: &Article, date: NaiveDate, date_known: bool) -> Doc<'_> {
    Doc {
        id: &article.id,
        body: &article.body,
        sentences: article
            .sentences
            .iter()
            .map(|s| (s.start, s.end, s.paragraph))
            .collect(),
        quotes: article
            .quotes
            .iter()
            .map(|q| (q.start, q.end, q.inner_start, q.inner_end))
            .collect(),
        date,
        date_known,
    }
}

/// Stores one prepared article and reports it.
fn store_one(store: &mut Store, p: &Prepared, report: &mut PostReport) {
    let a = &p.article;
    let published = a.published.as_ref().map(faultline_dates::Stamp::to_rfc3339);
    let rec = DocRecord {
        id: &a.id,
        source: &a.source,
        publisher: a.extra.get("source").and_then(|v| v.as_str()).unwrap_or(""),
        title: a.title.as_deref(),
        published: published.as_deref(),
        hash: DocRecord::content_hash(&a.body),
        lead_sentences: a.sentences.iter().take_while(|s| s.paragraph == 0).count(),
        body: Some(&a.body),
        quotes: &p.coded.quotes,
    };
    // Each document is committed on its own: what a post reports as added
    // is stored, whatever happens to the next one.
    let outcome = store.ingest_doc(&rec, &p.coded.events).and_then(|o| {
        store.commit()?;
        let row = store.document_by_hash(&rec.hash)?;
        Ok((o, row))
    });
    let line = |status, document, events, merged, error| PostedDocument {
        id: a.id.clone(),
        status,
        document,
        events,
        merged,
        error,
    };
    match outcome {
        Ok((IngestOutcome::Added { events, merged }, row)) => {
            report.added += 1;
            report
                .documents
                .push(line("added", row, events, merged, None));
        }
        Ok((IngestOutcome::Duplicate { of }, _)) => {
            report.duplicates += 1;
            report
                .documents
                .push(line("duplicate", Some(of), 0, 0, None));
        }
        Err(e) => {
            report.failed += 1;
            report
                .documents
                .push(line("failed", None, 0, 0, Some(e.to_string())));
        }
    }
}

impl PostReport {
    fn push_failure(&mut self, id: &str, error: String) {
        self.failed += 1;
        self.documents.push(PostedDocument {
            id: id.to_owned(),
            status: "failed",
            document: None,
            events: 0,
            merged: 0,
            error: Some(error),
        });
    }
}

/// The name of a post without one: `posted-` and the first 16 hex digits
/// of its content hash, so the same text posted twice has the same name.
pub fn default_name(bytes: &[u8]) -> String {
    let hash = DocRecord::content_hash(&String::from_utf8_lossy(bytes));
    let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("posted-{hex}")
}

/// The reader a content type asks for, if it names one.
pub fn format_of_content_type(ct: &str) -> Option<Format> {
    let essence = ct.split(';').next().unwrap_or("").trim();
    match essence.to_ascii_lowercase().as_str() {
        "application/x-ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/json-lines" => Some(Format::Jsonl),
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_match_only_themselves() {
        let t = Token::new("correct horse battery staple\n").expect("token");
        assert!(t.matches("correct horse battery staple"));
        assert!(!t.matches("correct horse battery stapl"));
        assert!(!t.matches(""));
        assert!(Token::new("short").is_err());
        assert_eq!(format!("{t:?}"), "Token(..)");
    }

    #[test]
    fn names_and_formats() {
        assert_eq!(default_name(b"a  b"), default_name(b"a b\n"));
        assert!(default_name(b"x").starts_with("posted-"));
        assert_eq!(
            format_of_content_type("application/x-ndjson; charset=utf-8"),
            Some(Format::Jsonl)
        );
        assert_eq!(format_of_content_type("TEXT/HTML"), Some(Format::Html));
        assert_eq!(format_of_content_type("text/plain"), None);
    }
}
