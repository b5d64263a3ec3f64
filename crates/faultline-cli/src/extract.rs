//! `faultline extract`: articles as JSON Lines.

use std::process::ExitCode;

use clap::Args;
use faultline_ingest::Article;
use serde::Serialize;

use crate::docs::{self, InputArgs};

/// Arguments of `faultline extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Add each sentence's tokens (byte ranges into `body`).
    #[arg(long)]
    tokens: bool,
}

/// One output line: the article plus optional tokens.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    article: &'a Article,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<faultline_text::Token>>,
}

/// Runs the subcommand; the exit code says whether every document succeeded.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    docs::run(&args.input, |article, out| {
        let tokens = args.tokens.then(|| {
            article
                .sentences
                .iter()
                .flat_map(|s| faultline_text::tokens(&article.body[s.start..s.end], s.start))
                .collect()
        });
        docs::write_json(out, &Output { article, tokens }, args.input.pretty)
    })
}
