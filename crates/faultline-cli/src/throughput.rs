//! `faultline throughput`: how fast raw text becomes events on this machine,
//! end to end (read, extract, segment, resolve actors, code), in sentences
//! per second on one core, with the peak resident memory of the process.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use faultline_ingest::{Article, Options};
use serde::Serialize;

use crate::actors::DictArgs;

/// Arguments of `faultline throughput`.
#[derive(Debug, Args)]
pub struct ThroughputArgs {
    /// Files or directories of articles to code (read once, then coded repeatedly).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    verbs: crate::code::VerbArgs,
    /// How many times to code the whole input.
    #[arg(long, default_value_t = 20)]
    repeat: usize,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
    /// Also tag and parse every sentence (the embedded syntax model) and report that speed.
    #[arg(long)]
    parse: bool,
}

/// Speed of the syntax layer over the same articles.
#[derive(Serialize)]
struct ParseFigures {
    model_load_seconds: f64,
    parse_seconds: f64,
    words: usize,
    sentences_per_second: f64,
}

/// Tags and parses every sentence `passes` times.
#[allow(clippy::cast_precision_loss)]
fn parse_speed(articles: &[Article], passes: usize) -> anyhow::Result<ParseFigures> {
    let t = Instant::now();
    let model = faultline_syntax::embedded()?;
    let model_load_seconds = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (mut words, mut sentences) = (0, 0);
    for _ in 0..passes {
        for a in articles {
            for s in &a.sentences {
                words += model
                    .parse_span(&a.body, faultline_text::Span::new(s.start, s.end))
                    .len();
                sentences += 1;
            }
        }
    }
    let parse_seconds = t.elapsed().as_secs_f64();
    Ok(ParseFigures {
        model_load_seconds: (model_load_seconds * 1000.0).round() / 1000.0,
        parse_seconds: (parse_seconds * 1000.0).round() / 1000.0,
        words,
        sentences_per_second: (sentences as f64 / parse_seconds.max(1e-9)).round(),
    })
}

#[derive(Serialize)]
struct Figures {
    documents: usize,
    sentences_per_pass: usize,
    passes: usize,
    events: usize,
    load_seconds: f64,
    code_seconds: f64,
    sentences_per_second: f64,
    /// CPU time the coding thread spent (Linux only): on a shared machine
    /// it moves less with the load than the wall time does.
    #[serde(skip_serializing_if = "Option::is_none")]
    cpu_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences_per_cpu_second: Option<f64>,
    peak_rss_mib: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parse: Option<ParseFigures>,
}

/// Peak resident memory of this process, from /proc (Linux only).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some((kib / 1024.0 * 10.0).round() / 10.0)
}

/// CPU time of the calling thread in seconds, from /proc (Linux only).
#[allow(clippy::cast_precision_loss)]
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Runs the subcommand.
pub fn run(args: &ThroughputArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let coder = args.verbs.coder(&args.dict, true)?;
    if let Some(e) = coder
        .verbs
        .errors
        .iter()
        .find(|e| matches!(e, faultline_coder::CoderError::Io { .. }))
    {
        anyhow::bail!("{e}");
    }
    let load_seconds = started.elapsed().as_secs_f64();

    let mut articles: Vec<Article> = Vec::new();
    for entry in faultline_ingest::expand_paths(&args.paths) {
        let Ok(path) = entry else { continue };
        let _ = faultline_ingest::extract_path(&path, &Options::default(), &mut |o| {
            if let Ok(a) = o {
                articles.push(a);
            }
            std::ops::ControlFlow::Continue(())
        });
    }
    anyhow::ensure!(
        !articles.is_empty(),
        "no readable article in the given paths; pass files or folders of articles"
    );
    let sentences_per_pass: usize = articles.iter().map(|a| a.sentences.len()).sum();
    let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let t = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut events = 0;
    for _ in 0..args.repeat.max(1) {
        for a in &articles {
            let doc = crate::code::to_doc(
                a,
                a.published
                    .as_ref()
                    .map_or(date, faultline_dates::Stamp::date),
                a.published.is_some(),
            );
            events += coder.code_doc(&doc).events.len();
        }
    }
    let code_seconds = t.elapsed().as_secs_f64();
    let cpu_seconds = cpu_start
        .zip(thread_cpu_seconds())
        .map(|(a, b)| b - a)
        .filter(|&c| c > 0.0);
    let passes = args.repeat.max(1);
    let parse = if args.parse {
        Some(parse_speed(&articles, passes)?)
    } else {
        None
    };
    let f = Figures {
        documents: articles.len(),
        sentences_per_pass,
        passes,
        events,
        load_seconds: (load_seconds * 1000.0).round() / 1000.0,
        code_seconds: (code_seconds * 1000.0).round() / 1000.0,
        sentences_per_second: ((sentences_per_pass * passes) as f64 / code_seconds.max(1e-9))
            .round(),
        cpu_seconds: cpu_seconds.map(|c| (c * 1000.0).round() / 1000.0),
        sentences_per_cpu_second: cpu_seconds
            .map(|c| ((sentences_per_pass * passes) as f64 / c).round()),
        peak_rss_mib: peak_rss_mib(),
        parse,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&f)?);
    } else {
        println!(
            "{} documents, {} sentences × {} passes, {} events\ndictionaries loaded in {:.3} s\ncoded in {:.3} s: {:.0} sentences/s on one core\npeak resident memory: {}",
            f.documents,
            f.sentences_per_pass,
            f.passes,
            f.events,
            f.load_seconds,
            f.code_seconds,
            f.sentences_per_second,
            f.peak_rss_mib
                .map_or_else(|| "n/a".to_owned(), |m| format!("{m} MiB")),
        );
        if let (Some(c), Some(r)) = (f.cpu_seconds, f.sentences_per_cpu_second) {
            println!("CPU time {c:.3} s: {r:.0} sentences per CPU second");
        }
        if let Some(p) = &f.parse {
            println!(
                "syntax model loaded in {:.3} s; tagged and parsed {} words in {:.3} s: {:.0} sentences/s on one core",
                p.model_load_seconds, p.words, p.parse_seconds, p.sentences_per_second
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
