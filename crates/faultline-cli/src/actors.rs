//! `faultline actors`: actor mentions of each document, as JSON Lines.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use faultline_actors::{Actors, Mention, SentenceRef};
use faultline_ingest::Article;
use serde::Serialize;

use crate::docs::{self, InputArgs};

/// Dictionary arguments shared by the commands that resolve actors.
#[derive(Debug, Args)]
pub struct DictArgs {
    /// More actor dictionaries: faultline `.toml` files, PETRARCH actor or
    /// agent files, or folders of them. Repeatable.
    #[arg(long = "actors", value_name = "PATH")]
    pub actors: Vec<PathBuf>,
    /// Use only the dictionaries given with --actors, not the embedded defaults.
    #[arg(long)]
    pub no_default_actors: bool,
    /// Resolve on this date (YYYY-MM-DD) when a document has none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,
}

impl DictArgs {
    /// The actor dictionaries these arguments ask for.
    pub fn options(&self) -> faultline_actors::Options {
        faultline_actors::Options {
            no_defaults: self.no_default_actors,
            extra: self.actors.clone(),
        }
    }

    /// Loads the dictionaries, reporting line errors on standard error.
    pub fn load(&self, quiet: bool) -> anyhow::Result<Actors> {
        let actors = Actors::load(&self.options()).context("cannot load the actor dictionaries")?;
        if !quiet {
            for e in &actors.report.errors {
                eprintln!("faultline: warning: dictionary: {e}");
            }
        }
        Ok(actors)
    }
}

/// Arguments of `faultline actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dict: DictArgs,
}

/// The document fields repeated in every output line.
#[derive(Debug, Serialize)]
pub struct DocHeader<'a> {
    /// Document id.
    pub id: &'a str,
    /// Headline.
    pub title: Option<&'a str>,
    /// Publication stamp.
    pub published: Option<String>,
    /// Modification stamp.
    pub modified: Option<String>,
    /// Author names.
    pub byline: &'a [String],
    /// URL or path.
    pub source: &'a str,
}

impl<'a> DocHeader<'a> {
    /// The header of `a`.
    pub fn of(a: &'a Article) -> Self {
        Self {
            id: &a.id,
            title: a.title.as_deref(),
            published: a.published.as_ref().map(faultline_dates::Stamp::to_rfc3339),
            modified: a.modified.as_ref().map(faultline_dates::Stamp::to_rfc3339),
            byline: &a.byline,
            source: &a.source,
        }
    }
}

#[derive(Serialize)]
struct Output<'a> {
    doc: DocHeader<'a>,
    date: NaiveDate,
    mentions: Vec<Mention>,
}

/// An article's date: published, else modified, else `fallback`, else
/// today (shared with the server's writer).
pub use faultline_serve::write::article_date;

/// Runs the subcommand.
pub fn run(args: &ActorsArgs) -> anyhow::Result<ExitCode> {
    let actors = args.dict.load(args.input.quiet)?;
    docs::run(&args.input, |article, out| {
        let date = article_date(article, args.dict.date);
        let sentences: Vec<SentenceRef> = article
            .sentences
            .iter()
            .map(|s| SentenceRef {
                start: s.start,
                end: s.end,
                date,
            })
            .collect();
        let mentions = actors.resolve(&article.body, &sentences);
        let value = Output {
            doc: DocHeader::of(article),
            date,
            mentions,
        };
        docs::write_json(out, &value, args.input.pretty)
    })
}
