//! The `faultline` command line.
//!
//! Subcommands:
//! - `extract [PATH|-]...`: one JSON object per document (JSON Lines) with
//!   metadata, a clean body and its paragraphs, sentences and quotations as
//!   byte ranges into `body`.
//! - `actors [PATH|-]...`: the actor mentions of each document with their
//!   CAMEO codes on the article date.
//! - `code [PATH|-]... [--format jsonl|tsv]`: events with source, target,
//!   CAMEO and PLOVER codes, date, factuality, sentence and rule; and quotes.
//! - `throughput PATH...`: end-to-end coding speed and peak memory.
//! - `ingest PATH...`: code and store in SQLite, de-duplicating stories.
//! - `dyad A B`, `top`, `alerts`: time series, tension index, movers, alerts.
//! - `export --format gdelt|plover|csv|parquet`: the stored events.
//! - `serve`: the HTTP API and dashboard over the database.
//!
//! Failures are reported on standard error as `faultline: error: FILE[:LINE]:
//! message` and the batch carries on; the exit status is 1 when any document
//! failed (`--fail-fast` stops at the first).

/// The allocator: mimalloc (version 2), whose small-object pools make the
/// many short strings and vectors of coding cheaper than glibc's malloc
/// (malloc and free took about a tenth of coding time; with mimalloc,
/// `faultline throughput` codes 10% more sentences a second). Version 3
/// was as fast but kept more memory (peak 105 MiB against 80).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod actors;
mod alerts;
mod code;
mod docs;
mod dyad;
mod export;
mod extract;
mod ingest;
mod parse;
mod serve;
mod throughput;
mod top;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// faultline: news text in, auditable political event data out.
#[derive(Debug, Parser)]
#[command(name = "faultline", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract clean, structured articles (JSON Lines) from text dumps, HTML pages or JSON Lines.
    Extract(extract::ExtractArgs),
    /// Resolve the actors each document mentions to CAMEO actor codes (JSON Lines).
    Actors(actors::ActorsArgs),
    /// Code events: who did what to whom, when, how certain, with quotes (JSON Lines or TSV).
    Code(code::CodeArgs),
    /// Measure end-to-end coding speed (sentences/s on one core) and peak memory.
    Throughput(throughput::ThroughputArgs),
    /// Code documents and store their events in the SQLite database (default ./faultline.db).
    Ingest(ingest::IngestArgs),
    /// Time series of a dyad per day, week or month: quad classes, Goldstein, tension.
    Dyad(dyad::DyadArgs),
    /// Most active dyads, and the dyads whose tension moved most between two periods.
    Top(top::TopArgs),
    /// Dyads whose tension departs from their rolling baseline, with the events behind it.
    Alerts(alerts::AlertsArgs),
    /// Export stored events as a GDELT 2.0 table, PLOVER JSON, CSV or Parquet.
    Export(export::ExportArgs),
    /// Serve the JSON API and the dashboard over the database (http://127.0.0.1:8080 by default).
    Serve(serve::ServeArgs),
    /// Tag and parse every sentence (Universal Dependencies), as CoNLL-U or JSON with byte spans.
    Parse(parse::ParseArgs),
    /// Score the tagger and parser on a CoNLL-U treebank: UPOS, UAS, LAS and speed.
    ParseEval(parse::ParseEvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Actors(args) => actors::run(&args),
        Command::Code(args) => code::run(&args),
        Command::Throughput(args) => throughput::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Dyad(args) => dyad::run(&args),
        Command::Top(args) => top::run(&args),
        Command::Alerts(args) => alerts::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Parse(args) => parse::run(&args),
        Command::ParseEval(args) => parse::run_eval(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("faultline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error is a closed standard output (e.g. piped into `head`):
/// an I/O error of that kind anywhere in the chain, also inside a JSON
/// writer's error (which does not expose it as its source).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
