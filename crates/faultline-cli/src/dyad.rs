//! `faultline dyad A B`: the event series of a dyad per day, week or month,
//! by quad class, with Goldstein sum and mean and the tension index; and the
//! database and filter arguments the analytics commands share.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use faultline_store::Store;
use faultline_store::query::{Bucket, Count, Direction, Filter};

/// The database to use.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The SQLite database file.
    #[arg(long, value_name = "PATH", default_value = faultline_store::DEFAULT_DB)]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens the database for the analytics commands (`dyad`, `top`,
    /// `alerts`), which answer from the daily aggregate: its pages are
    /// checked first, so a damaged aggregate is an error, not a partial answer.
    pub fn open_for_analytics(&self) -> anyhow::Result<Store> {
        let store = Store::open_existing(&self.db)?;
        store.check(&["dyad_daily"])?;
        Ok(store)
    }
}

/// Period length.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ByArg {
    /// Days.
    Day,
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
}

impl From<ByArg> for Bucket {
    fn from(b: ByArg) -> Self {
        match b {
            ByArg::Day => Bucket::Day,
            ByArg::Week => Bucket::Week,
            ByArg::Month => Bucket::Month,
        }
    }
}

/// What to count.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CountArg {
    /// Events (stories), each once however often reported.
    Events,
    /// Mentions: every sentence of every document reporting an event.
    Mentions,
}

/// Date range and counting, shared by the analytics commands.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Count events or mentions.
    #[arg(long, value_enum, default_value_t = CountArg::Events)]
    pub count: CountArg,
    /// Include negated, hypothetical, conditional and future events (default: asserted only).
    #[arg(long)]
    pub all_factuality: bool,
}

impl FilterArgs {
    /// The store filter.
    pub fn filter(&self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            count: match self.count {
                CountArg::Events => Count::Events,
                CountArg::Mentions => Count::Mentions,
            },
            all_factuality: self.all_factuality,
        }
    }
}

/// Direction of a dyad.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DirectionArg {
    /// A acting on B.
    Forward,
    /// B acting on A.
    Backward,
    /// Both directions together.
    Both,
}

/// Arguments of `faultline dyad`.
#[derive(Debug, Args)]
pub struct DyadArgs {
    /// First actor root (country code such as USA, or IGOUNO).
    pub a: String,
    /// Second actor root.
    pub b: String,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Period length.
    #[arg(long, value_enum, default_value_t = ByArg::Month)]
    by: ByArg,
    /// Which direction: A→B, B→A, or both.
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    direction: DirectionArg,
    /// One JSON object per period (JSON Lines) instead of a table.
    #[arg(long)]
    json: bool,
}

/// Runs the subcommand.
pub fn run(args: &DyadArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_for_analytics()?;
    let direction = match args.direction {
        DirectionArg::Forward => Direction::Forward,
        DirectionArg::Backward => Direction::Backward,
        DirectionArg::Both => Direction::Both,
    };
    let a = args.a.to_uppercase();
    let b = args.b.to_uppercase();
    let series = store.dyad_series(&a, &b, direction, args.by.into(), &args.filter.filter())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        for p in &series {
            serde_json::to_writer(&mut out, p)?;
            out.write_all(b"\n")?;
        }
    } else {
        let arrow = match direction {
            Direction::Forward => "→",
            Direction::Backward => "←",
            Direction::Both => "↔",
        };
        writeln!(
            out,
            "# {a} {arrow} {b}: {} counted; tension = 100·(−Σg)/(Σ|g|+10)",
            match args.filter.count {
                CountArg::Events => "events",
                CountArg::Mentions => "mentions",
            }
        )?;
        writeln!(
            out,
            "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>7} {:>8}",
            "period", "vcoop", "mcoop", "vconf", "mconf", "total", "gold_sum", "gold_μ", "tension"
        )?;
        for p in &series {
            let t = &p.totals;
            writeln!(
                out,
                "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9.1} {:>7} {:>8.1}",
                p.period.to_string(),
                t.quad[0],
                t.quad[1],
                t.quad[2],
                t.quad[3],
                t.total,
                t.goldstein_sum,
                t.goldstein_mean
                    .map_or_else(|| "-".to_owned(), |m| format!("{m:.2}")),
                t.tension
            )?;
        }
        if series.is_empty() {
            writeln!(out, "(no events for this dyad)")?;
        }
    }
    if series.iter().all(|p| p.totals.total == 0) {
        for root in [&a, &b] {
            if !store.has_root(root)? {
                eprintln!(
                    "faultline: warning: {root} is not an actor root in {}: roots are country codes (USA, CHN) or organisation codes (IGOUNO, NGOMSF); `faultline top` lists the active dyads",
                    args.db.db.display()
                );
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}
