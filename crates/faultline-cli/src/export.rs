//! `faultline export`: the stored events as a GDELT 2.0 event table, PLOVER
//! JSON Lines, CSV or Parquet.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use faultline_store::Store;
use faultline_store::export::Format;

use crate::dyad::{DbArgs, FilterArgs};

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// GDELT 2.0 event table: 61 tab-separated columns.
    Gdelt,
    /// PLOVER JSON, one event per line.
    Plover,
    /// CSV with a header.
    Csv,
    /// Parquet (pandas, polars, R's arrow read it).
    Parquet,
}

/// Arguments of `faultline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Put the column names on the first line of the GDELT table.
    #[arg(long)]
    header: bool,
}

/// Runs the subcommand.
pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.db.db)?;
    let format = match args.format {
        FormatArg::Gdelt => Format::Gdelt,
        FormatArg::Plover => Format::Plover,
        FormatArg::Csv => Format::Csv,
        FormatArg::Parquet => Format::Parquet,
    };
    let f = args.filter.filter();
    let n = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            store.export(format, &f, args.header, std::io::BufWriter::new(file))?
        }
        None => store.export(
            format,
            &f,
            args.header,
            std::io::BufWriter::new(std::io::stdout()),
        )?,
    };
    eprintln!("faultline: exported {n} event(s)");
    Ok(ExitCode::SUCCESS)
}
