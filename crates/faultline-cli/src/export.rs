//! `faultline export`: the stored events as a GDELT 2.0 event table, PLOVER
//! JSON Lines, CSV or Parquet.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
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
        Some(path) => write_replacing(path, |out| {
            Ok(store.export(format, &f, args.header, out)?)
        })?,
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

/// Writes `path` through a temporary file in the same folder that replaces
/// it (one rename) only when `write` succeeds, so a failed export leaves the
/// previous file as it was and no partial file behind. The new file keeps
/// the permissions of the one it replaces.
fn write_replacing<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&mut std::fs::File>) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".faultline-export-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As a new file would be created: 0666 less the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(old.permissions())
            .with_context(|| format!("cannot set permissions on {}", tmp.path().display()))?;
    }
    let value = {
        let mut out = BufWriter::new(tmp.as_file_mut());
        let value = write(&mut out)?;
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        value
    };
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(value)
}
