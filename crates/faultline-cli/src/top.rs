//! `faultline top`: the most active dyads of a range, and the dyads whose
//! tension moved most between its two halves (or before and after `--split`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use faultline_store::query::Filter;
use serde::Serialize;

use crate::dyad::{DbArgs, FilterArgs};

/// Arguments of `faultline top`.
#[derive(Debug, Args)]
pub struct TopArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// How many dyads to list in each section.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// First day of the second period for the tension movers (default: the middle of the range).
    #[arg(long, value_name = "DATE")]
    split: Option<NaiveDate>,
    /// Fewest events (or mentions) over both periods for a dyad to count as a mover.
    #[arg(long, default_value_t = 3)]
    min_events: i64,
    /// One JSON object instead of tables.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Output {
    from: NaiveDate,
    split: NaiveDate,
    to: NaiveDate,
    active: Vec<faultline_store::query::DyadTotal>,
    movers: Vec<faultline_store::query::Mover>,
}

/// Runs the subcommand.
pub fn run(args: &TopArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_for_analytics()?;
    let Some((first, last)) = store.day_range()? else {
        eprintln!("faultline: warning: the database holds no dated events yet");
        return Ok(ExitCode::SUCCESS);
    };
    let f = args.filter.filter();
    let from = f.from.unwrap_or(first);
    let to = f.to.unwrap_or(last);
    if from > to {
        anyhow::bail!("--from {from} is after --to {to}");
    }
    let split = args
        .split
        .unwrap_or_else(|| from + chrono::Duration::days(((to - from).num_days() + 1) / 2));
    let active = store.top_dyads(
        &Filter {
            from: Some(from),
            to: Some(to),
            ..f
        },
        args.limit,
    )?;
    let before = Filter {
        from: Some(from),
        to: Some(split - chrono::Duration::days(1)),
        ..f
    };
    let after = Filter {
        from: Some(split),
        to: Some(to),
        ..f
    };
    let movers = store.movers(&before, &after, args.min_events, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer(
            &mut out,
            &Output {
                from,
                split,
                to,
                active,
                movers,
            },
        )?;
        out.write_all(b"\n")?;
    } else {
        writeln!(out, "# most active dyads, {from} to {to} (both directions)")?;
        writeln!(
            out,
            "{:<14} {:>7} {:>6} {:>6} {:>6} {:>6} {:>8}",
            "dyad", "total", "vcoop", "mcoop", "vconf", "mconf", "tension"
        )?;
        for d in &active {
            let t = &d.totals;
            writeln!(
                out,
                "{:<14} {:>7} {:>6} {:>6} {:>6} {:>6} {:>8.1}",
                format!("{}–{}", d.pair.a, d.pair.b),
                t.total,
                t.quad[0],
                t.quad[1],
                t.quad[2],
                t.quad[3],
                t.tension
            )?;
        }
        writeln!(
            out,
            "\n# tension movers: {from}..{} against {split}..{to}",
            split - chrono::Duration::days(1)
        )?;
        writeln!(
            out,
            "{:<14} {:>7} {:>8} {:>7} {:>8} {:>8}",
            "dyad", "n_before", "before", "n_after", "after", "change"
        )?;
        for m in &movers {
            writeln!(
                out,
                "{:<14} {:>7} {:>8.1} {:>7} {:>8.1} {:>+8.1}",
                format!("{}–{}", m.pair.a, m.pair.b),
                m.before_total,
                m.before,
                m.after_total,
                m.after,
                m.change
            )?;
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}
