//! `faultline code`: events, quotes and factuality of each document.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use faultline_coder::{Coded, Coder, Event, Factuality};
use serde::Serialize;

use crate::actors::{DictArgs, DocHeader, article_date};
use crate::docs::{self, InputArgs};

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutFormat {
    /// One JSON object per document.
    Jsonl,
    /// One tab-separated line per event, with a header.
    Tsv,
}

/// Arguments of `faultline code`.
#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dict: DictArgs,
    /// Output format.
    #[arg(long = "format", value_enum, default_value_t = OutFormat::Jsonl)]
    out: OutFormat,
    /// Keep only events with both a source and a target.
    #[arg(long)]
    dyadic: bool,
    /// Keep only asserted events (drop negated, hypothetical, conditional, future).
    #[arg(long)]
    asserted: bool,
    #[command(flatten)]
    verbs: VerbArgs,
}

/// The event dictionaries to use (`code`, `ingest`).
#[derive(Debug, Args)]
pub struct VerbArgs {
    /// More trigger dictionaries: faultline verb `.toml` files, or PETRARCH-2 verb files (CAMEO.2.0.txt).
    #[arg(long = "verbs", value_name = "PATH")]
    verbs: Vec<PathBuf>,
    /// Use only the verb dictionaries given with --verbs.
    #[arg(long)]
    no_default_verbs: bool,
    /// Code on word windows only, without the dependency parse (faster, less accurate).
    #[arg(long)]
    no_parse: bool,
    /// A syntax model file (from the train command of faultline-syntax) to parse with instead of the embedded one.
    #[arg(long, value_name = "PATH", conflicts_with = "no_parse")]
    syntax_model: Option<PathBuf>,
}

#[derive(Serialize)]
struct Output<'a> {
    doc: DocHeader<'a>,
    date: String,
    events: Vec<Event>,
    quotes: Vec<faultline_coder::Quote>,
}

impl VerbArgs {
    /// Loads the coder with the one loader every subcommand uses
    /// (`Coder::load`): actor dictionaries from `dict`, trigger dictionaries
    /// from these arguments. Lines that do not load are reported as warnings
    /// (unless `quiet`) and skipped.
    pub fn coder(&self, dict: &DictArgs, quiet: bool) -> anyhow::Result<Coder> {
        let mut coder = Coder::load(&faultline_coder::Options {
            actors: dict.options(),
            no_default_verbs: self.no_default_verbs,
            verbs: self.verbs.clone(),
            no_parse: self.no_parse,
        })
        .context("cannot load the actor dictionaries")?;
        if let Some(path) = &self.syntax_model {
            let model = faultline_syntax::Model::from_file(path)
                .with_context(|| format!("cannot load the syntax model {}", path.display()))?;
            // Loaded once per process and kept to its end, as the embedded model is.
            coder.syntax = Some(Box::leak(Box::new(model)));
        }
        if !quiet {
            for e in coder.actors.report.errors.iter().map(ToString::to_string) {
                eprintln!("faultline: warning: dictionary: {e}");
            }
            for e in &coder.verbs.errors {
                eprintln!("faultline: warning: dictionary: {e}");
            }
        }
        Ok(coder)
    }
}

/// The coder's view of an extracted article, dated `date`: the one
/// conversion, shared with the server's writer.
pub use faultline_serve::write::coder_doc as to_doc;

/// Runs the subcommand.
pub fn run(args: &CodeArgs) -> anyhow::Result<ExitCode> {
    let coder = args.verbs.coder(&args.dict, args.input.quiet)?;
    let format = args.out;
    let mut header_done = false;
    docs::run(&args.input, |article, out| {
        let date = article_date(article, args.dict.date);
        let doc = to_doc(
            article,
            date,
            // A date the user gave (`--date`) is known, as a page's own is.
            article.published.is_some() || article.modified.is_some() || args.dict.date.is_some(),
        );
        let Coded { mut events, quotes } = coder.code_doc(&doc);
        if args.dyadic {
            events.retain(|e| e.target.is_some());
        }
        if args.asserted {
            events.retain(|e| e.factuality == Factuality::Asserted);
        }
        match format {
            OutFormat::Jsonl => docs::write_json(
                out,
                &Output {
                    doc: DocHeader::of(article),
                    date: date.format("%Y-%m-%d").to_string(),
                    events,
                    quotes,
                },
                args.input.pretty,
            ),
            OutFormat::Tsv => {
                if !header_done {
                    writeln!(
                        out,
                        "event_id\tdate\tsource\ttarget\tcameo\troot\tquad_class\tgoldstein\tplover\tfactuality\tconfidence\trule\tsource_text\ttarget_text\tsentence"
                    )?;
                    header_done = true;
                }
                for e in &events {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        e.id,
                        e.date,
                        e.source.code,
                        e.target.as_ref().map_or("", |t| t.code.as_str()),
                        e.cameo,
                        e.root,
                        e.quad_class,
                        e.goldstein,
                        e.plover.kind,
                        e.factuality.as_str(),
                        e.confidence,
                        e.rule,
                        e.source.text.replace(['\t', '\n'], " "),
                        e.target
                            .as_ref()
                            .map_or(String::new(), |t| t.text.replace(['\t', '\n'], " ")),
                        e.sentence.text.replace(['\t', '\n'], " "),
                    )?;
                }
                Ok(())
            }
        }
    })
}
