//! Shared input handling of the document commands: the common arguments,
//! walking the inputs, reporting failures, and writing JSON Lines.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use faultline_ingest::{Article, Format, IngestError, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// Input arguments every document command takes.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input. Defaults to `-`.
    pub paths: Vec<PathBuf>,
    /// Stop at the first document that fails.
    #[arg(long)]
    pub fail_fast: bool,
    /// Largest document (or JSON Lines line) to read, e.g. 64M; larger ones are reported and skipped.
    #[arg(long, default_value = "256M", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Reader to use instead of detecting one from the name and content.
    #[arg(long = "input-format", value_enum, default_value_t = FormatArg::Auto)]
    pub format: FormatArg,
    /// Pretty-print (one document spans several lines; not JSON Lines).
    #[arg(long)]
    pub pretty: bool,
    /// Print no warnings or summary line on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Detect from the file name, then the content.
    Auto,
    /// Plain text (page dumps, header files).
    Text,
    /// HTML pages.
    Html,
    /// JSON Lines.
    Jsonl,
}

impl FormatArg {
    /// The reader to force, or `None` to detect one.
    pub fn format(self) -> Option<Format> {
        match self {
            Self::Auto => None,
            Self::Text => Some(Format::Text),
            Self::Html => Some(Format::Html),
            Self::Jsonl => Some(Format::Jsonl),
        }
    }
}

/// The paths to read: standard input (`-`) when none are given.
pub fn paths_or_stdin(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}

/// The inputs to read, with the size of each file (0 for standard input
/// and for paths that cannot be read: their error comes when they are read).
pub fn inputs(paths: &[PathBuf]) -> Vec<(Result<PathBuf, IngestError>, u64)> {
    faultline_ingest::expand_paths(&paths_or_stdin(paths))
        .into_iter()
        .map(|e| {
            let size = match &e {
                Ok(p) if p.as_os_str() != "-" => std::fs::metadata(p).map_or(0, |m| m.len()),
                _ => 0,
            };
            (e, size)
        })
        .collect()
}

/// A progress bar over `total` input bytes on standard error: bytes, rate,
/// ETA and a message. indicatif draws it only when standard error is a
/// terminal; hidden with `quiet`.
pub fn progress_bar(total: u64, quiet: bool) -> anyhow::Result<ProgressBar> {
    if quiet {
        return Ok(ProgressBar::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}, ETA {eta} · {msg}",
        )
        .context("progress bar template")?
        .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    Ok(bar)
}

/// Parses "1024", "64K", "64M", "1G" into bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'B' => 1,
                _ => return Err(format!("unknown size suffix {c:?}; use K, M or G")),
            };
            (&s[..i], m)
        }
        _ => (s, 1),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size; write e.g. 64M"))?;
    n.checked_mul(mult)
        .ok_or_else(|| "size is too large".to_owned())
}

/// Writes `value` as one JSON document (pretty or on one line) and a newline.
pub fn write_json<T: Serialize>(
    out: &mut dyn Write,
    value: &T,
    pretty: bool,
) -> anyhow::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

/// Reads every document of `paths` (standard input when empty) under a
/// progress bar, and hands each article to `each` with the bar (for its
/// message) and the failures so far; `each` says whether to go on. Warnings
/// and failures are reported on standard error; `fail_fast` stops at the
/// first failure. Returns the number of failures.
pub fn walk(
    paths: &[PathBuf],
    opts: &Options,
    quiet: bool,
    fail_fast: bool,
    mut each: impl FnMut(&Article, &ProgressBar, usize) -> ControlFlow<()>,
) -> anyhow::Result<usize> {
    let entries = inputs(paths);
    let bar = progress_bar(entries.iter().map(|e| e.1).sum(), quiet)?;
    let mut failed = 0usize;
    let mut done_bytes = 0u64;
    for (entry, size) in entries {
        let mut in_file = 0u64;
        let mut sink = |outcome: faultline_ingest::Outcome| -> ControlFlow<()> {
            match outcome {
                Ok(article) => {
                    let flow = each(&article, &bar, failed);
                    if !quiet {
                        for w in &article.warnings {
                            bar.suspend(|| {
                                eprintln!("faultline: warning: {}: {w}", article.origin)
                            });
                        }
                    }
                    in_file = (in_file + article.body.len() as u64).min(size);
                    bar.set_position(done_bytes + in_file);
                    flow
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("faultline: error: {e}"));
                    if fail_fast {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                }
            }
        };
        let flow = match entry {
            Ok(path) => faultline_ingest::extract_path(&path, opts, &mut sink),
            Err(e) => sink(Err(e)),
        };
        done_bytes += size;
        bar.set_position(done_bytes);
        if flow.is_break() {
            break;
        }
    }
    bar.finish_and_clear();
    Ok(failed)
}

/// Reads every document of the inputs and hands each article to `each`,
/// which writes its output line (streaming, so huge documents stay in bounded memory).
///
/// Failures are reported on standard error and counted; the exit code is 1
/// when any document failed.
pub fn run(
    args: &InputArgs,
    mut each: impl FnMut(&Article, &mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let opts = Options {
        max_bytes: args.max_bytes,
        format: args.format.format(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let mut ok = 0usize;
    let mut write_error: Option<anyhow::Error> = None;
    let failed = walk(
        &args.paths,
        &opts,
        args.quiet,
        args.fail_fast,
        |article, bar, failed| {
            if let Err(e) = each(article, &mut out) {
                write_error = Some(e.context("cannot write to standard output"));
                return ControlFlow::Break(());
            }
            ok += 1;
            bar.set_message(format!("{ok} docs, {failed} failed"));
            ControlFlow::Continue(())
        },
    )?;
    if let Some(e) = write_error {
        return Err(e);
    }
    out.flush().context("cannot write to standard output")?;
    if !args.quiet {
        eprintln!(
            "faultline: read {ok} document(s), {failed} failed{}",
            if failed > 0 && args.fail_fast {
                " (stopped at the first failure)"
            } else {
                ""
            }
        );
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
