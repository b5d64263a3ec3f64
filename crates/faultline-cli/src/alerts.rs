//! `faultline alerts`: dyads whose tension leaves their own rolling baseline
//! by more than k standard deviations, with the events (and sentences) that
//! drove it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use faultline_store::query::AlertQuery;

use crate::dyad::{ByArg, DbArgs, FilterArgs};

/// Arguments of `faultline alerts`.
#[derive(Debug, Args)]
pub struct AlertsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Periods checked: --from/--to (default: the 30 days up to the last data).
    #[command(flatten)]
    filter: FilterArgs,
    /// Period length.
    #[arg(long, value_enum, default_value_t = ByArg::Day)]
    by: ByArg,
    /// Number of preceding periods forming the baseline.
    #[arg(long, default_value_t = 28)]
    baseline: u32,
    /// Threshold, in standard deviations of the baseline.
    #[arg(short, long, default_value_t = 3.0)]
    k: f64,
    /// Smallest standard deviation used, in tension points.
    #[arg(long, default_value_t = 5.0)]
    min_sd: f64,
    /// Fewest events (or mentions) in a period for it to alert.
    #[arg(long, default_value_t = 2)]
    min_events: i64,
    /// Events shown per alert.
    #[arg(long, default_value_t = 5)]
    explain: usize,
    /// One JSON object per alert (JSON Lines) instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs the subcommand.
pub fn run(args: &AlertsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_for_analytics()?;
    let alerts = store.alerts(&AlertQuery {
        filter: args.filter.filter(),
        by: args.by.into(),
        baseline: args.baseline,
        k: args.k,
        min_sd: args.min_sd,
        min_events: args.min_events,
        explain: args.explain,
    })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in &alerts {
        if args.json {
            serde_json::to_writer(&mut out, a)?;
            out.write_all(b"\n")?;
            continue;
        }
        writeln!(
            out,
            "{}–{} {}: tension {:.1} against a baseline of {:.1} ± {:.1} (z = {:+.1}); {} events: {} vcoop, {} mcoop, {} vconf, {} mconf",
            a.pair.a,
            a.pair.b,
            a.period,
            a.totals.tension,
            a.baseline_mean,
            a.baseline_sd,
            a.z,
            a.totals.total,
            a.totals.quad[0],
            a.totals.quad[1],
            a.totals.quad[2],
            a.totals.quad[3],
        )?;
        for e in &a.events {
            writeln!(
                out,
                "  #{} {} {}→{} {} (Goldstein {}, {} mention{}) {}\n      “{}”",
                e.id,
                e.date,
                e.source,
                if e.target.is_empty() { "-" } else { &e.target },
                e.cameo,
                e.goldstein,
                e.mentions,
                if e.mentions == 1 { "" } else { "s" },
                e.url,
                e.sentence.split_whitespace().collect::<Vec<_>>().join(" ")
            )?;
        }
    }
    out.flush().context("cannot write to standard output")?;
    if alerts.is_empty() && !args.json {
        eprintln!("faultline: no alerts");
    }
    Ok(ExitCode::SUCCESS)
}
