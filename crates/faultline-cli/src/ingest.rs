//! `faultline ingest`: reads documents, codes them and stores their events in
//! the SQLite database, with a progress bar and a summary.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use faultline_ingest::{Article, Options};
use faultline_store::{DocRecord, IngestOutcome, Store};

use crate::actors::{DictArgs, article_date};
use crate::docs::{FormatArg, parse_size, walk};
use crate::dyad::DbArgs;

/// Arguments of `faultline ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, directories (read recursively) or `-` for standard input. Defaults to `-`.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    verbs: crate::code::VerbArgs,
    /// Stop at the first document that fails.
    #[arg(long)]
    fail_fast: bool,
    /// Largest document (or JSON Lines line) to read, e.g. 64M.
    #[arg(long, default_value = "256M", value_parser = parse_size)]
    max_bytes: u64,
    /// Reader to use instead of detecting one from the name and content.
    #[arg(long = "input-format", value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Date window of story de-duplication, in days (used when the database is created).
    #[arg(long, default_value_t = 2, value_name = "DAYS")]
    window: i64,
    /// No progress bar, warnings or summary.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Default)]
struct Tally {
    documents: usize,
    events: usize,
    mentions: usize,
    merged: usize,
    duplicates: usize,
    failures: usize,
}

/// The store's record of an article.
fn record(a: &Article) -> DocRecord<'_> {
    let lead = a.sentences.iter().take_while(|s| s.paragraph == 0).count();
    DocRecord {
        id: &a.id,
        source: &a.source,
        publisher: a.extra.get("source").and_then(|v| v.as_str()).unwrap_or(""),
        title: a.title.as_deref(),
        published: None,
        hash: DocRecord::content_hash(&a.body),
        lead_sentences: lead,
        body: Some(&a.body),
        quotes: &[],
    }
}

/// Runs the subcommand.
pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let coder = args.verbs.coder(&args.dict, args.quiet)?;
    let mut store = Store::open_with(
        &args.db.db,
        faultline_store::Options {
            window_days: args.window,
            ..Default::default()
        },
    )?;
    let opts = Options {
        max_bytes: args.max_bytes,
        format: args.format.format(),
    };
    let started = std::time::Instant::now();
    let mut t = Tally::default();
    let mut store_error: Option<anyhow::Error> = None;
    t.failures = walk(
        &args.paths,
        &opts,
        args.quiet,
        args.fail_fast,
        |article, bar, failed| {
            let date = article_date(article, args.dict.date);
            let doc = crate::code::to_doc(
                article,
                date,
                article.published.is_some()
                    || article.modified.is_some()
                    || args.dict.date.is_some(),
            );
            let coded = coder.code_doc(&doc);
            let published = article
                .published
                .as_ref()
                .map(faultline_dates::Stamp::to_rfc3339);
            let rec = DocRecord {
                published: published.as_deref(),
                quotes: &coded.quotes,
                ..record(article)
            };
            match store.ingest_doc(&rec, &coded.events) {
                Ok(IngestOutcome::Added { events, merged }) => {
                    t.documents += 1;
                    t.events += events;
                    t.merged += merged;
                    t.mentions += coded.events.len();
                }
                Ok(IngestOutcome::Duplicate { .. }) => t.duplicates += 1,
                Err(e) => {
                    store_error = Some(e.into());
                    return ControlFlow::Break(());
                }
            }
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} docs ({:.0}/s), {} events, {} duplicates, {failed} failed",
                t.documents,
                t.documents as f64 / secs,
                t.events,
                t.duplicates,
            ));
            ControlFlow::Continue(())
        },
    )?;
    store.finish()?;
    if let Some(e) = store_error {
        return Err(e.context(format!(
            "stopped; everything before this document is stored in {}",
            args.db.db.display()
        )));
    }
    if !args.quiet {
        let stats = store.stats()?;
        eprintln!(
            "faultline: ingested {} document(s) in {:.1}s: {} new event(s) from {} mention(s) ({} joined earlier events), {} duplicate document(s) skipped, {} failure(s); {} now holds {} documents, {} events, {} mentions",
            t.documents,
            started.elapsed().as_secs_f64(),
            t.events,
            t.mentions,
            t.merged,
            t.duplicates,
            t.failures,
            args.db.db.display(),
            stats.documents,
            stats.events,
            stats.mentions
        );
    }
    Ok(if t.failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
