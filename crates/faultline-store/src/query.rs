//! Analytics over the daily dyad aggregate: series per quad class with
//! Goldstein sums and the tension index, the most active dyads, the dyads
//! whose tension moved most, and alerts against a rolling baseline.
//!
//! # Tension index
//!
//! For a set of events (a period, one or both directions of a dyad) with
//! Goldstein weights `g`:
//!
//! ```text
//! tension = 100 × (−Σ g) / (Σ |g| + 10)
//! ```
//!
//! It runs from −100 (only cooperation) to +100 (only conflict); 0 is
//! balanced or quiet. The constant 10 (ten Goldstein points of neutral prior)
//! keeps a single event from reading as ±100 and makes empty periods 0. When
//! mentions are counted, each event weighs as many times as it was mentioned.
//!
//! Only day-precise events enter the aggregate (a year or month alone cannot
//! be placed on a day), and by default only asserted ones.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::record::{date_of_day, day_number, factuality_name};

/// One aggregate row: (day, quad class, count, Σ g, Σ |g|).
type DayRow = (i64, i64, i64, f64, f64);

/// The prior of the tension index, in Goldstein points.
pub const TENSION_PRIOR: f64 = 10.0;

/// The tension index of a Goldstein sum and absolute sum.
pub fn tension(g_sum: f64, g_abs: f64) -> f64 {
    // `+ 0.0` turns −0 (no events) into 0.
    100.0 * -g_sum / (g_abs + TENSION_PRIOR) + 0.0
}

/// Period length of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// One day.
    Day,
    /// ISO week, Monday to Sunday.
    Week,
    /// Calendar month.
    Month,
}

impl Bucket {
    /// The first day of the period holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => d,
            Self::Week => d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Self::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => start + chrono::Duration::days(1),
            Self::Week => start + chrono::Duration::days(7),
            Self::Month => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(start + chrono::Duration::days(31)),
        }
    }

    /// The first day of the period `n` periods before the one starting at `start`.
    pub fn back(self, start: NaiveDate, n: u32) -> NaiveDate {
        match self {
            Self::Day => start - chrono::Duration::days(i64::from(n)),
            Self::Week => start - chrono::Duration::days(7 * i64::from(n)),
            Self::Month => start
                .checked_sub_months(chrono::Months::new(n))
                .unwrap_or(start),
        }
    }
}

/// Which events of a dyad A–B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A acting on B.
    Forward,
    /// B acting on A.
    Backward,
    /// Both.
    Both,
}

/// What the counts count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Events (stories), each once.
    Events,
    /// Mentions: each event as many times as documents and sentences reported it.
    Mentions,
}

/// Filters shared by the analytics.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    /// First day, inclusive (`None`: from the first data).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (`None`: to the last data).
    pub to: Option<NaiveDate>,
    /// Count events or mentions.
    pub count: Count,
    /// Include negated, hypothetical, conditional and future events.
    pub all_factuality: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            from: None,
            to: None,
            count: Count::Events,
            all_factuality: false,
        }
    }
}

impl Filter {
    fn days(&self) -> (i64, i64) {
        (
            self.from.map_or(i64::MIN / 4, day_number),
            self.to.map_or(i64::MAX / 4, day_number),
        )
    }

    fn min_asserted(&self) -> i64 {
        i64::from(!self.all_factuality)
    }
}

/// Sums over one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// Counts per quad class: verbal cooperation, material cooperation,
    /// verbal conflict, material conflict.
    pub quad: [i64; 4],
    /// All quad classes.
    pub total: i64,
    /// Σ Goldstein.
    pub goldstein_sum: f64,
    /// Σ Goldstein / total (`None` when empty).
    pub goldstein_mean: Option<f64>,
    /// The tension index.
    pub tension: f64,
    #[serde(skip)]
    g_abs: f64,
}

impl Totals {
    fn add(&mut self, quad: i64, n: i64, g: f64, g_abs: f64) {
        if let Some(q) = usize::try_from(quad - 1)
            .ok()
            .and_then(|i| self.quad.get_mut(i))
        {
            *q += n;
        }
        self.total += n;
        self.goldstein_sum += g;
        self.g_abs += g_abs;
    }

    fn finish(&mut self) {
        self.goldstein_mean = (self.total > 0).then(|| self.goldstein_sum / self.total as f64);
        self.tension = tension(self.goldstein_sum, self.g_abs);
    }
}

/// One period of a dyad series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    /// First day of the period.
    pub period: NaiveDate,
    /// The sums.
    #[serde(flatten)]
    pub totals: Totals,
}

/// Two dyad roots.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pair {
    /// First actor root.
    pub a: String,
    /// Second actor root.
    pub b: String,
}

/// A dyad's totals over a range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DyadTotal {
    /// The dyad (both directions, in alphabetical order).
    #[serde(flatten)]
    pub pair: Pair,
    /// The sums.
    #[serde(flatten)]
    pub totals: Totals,
}

/// A dyad whose tension moved between two periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mover {
    /// The dyad.
    #[serde(flatten)]
    pub pair: Pair,
    /// Events (or mentions) in the first period.
    pub before_total: i64,
    /// Tension in the first period.
    pub before: f64,
    /// Events (or mentions) in the second period.
    pub after_total: i64,
    /// Tension in the second period.
    pub after: f64,
    /// after − before.
    pub change: f64,
}

/// Settings of [`Store::alerts`].
#[derive(Debug, Clone, Copy)]
pub struct AlertQuery {
    /// The periods checked, and what counts.
    pub filter: Filter,
    /// Period length.
    pub by: Bucket,
    /// Number of preceding periods forming the baseline.
    pub baseline: u32,
    /// Threshold in standard deviations.
    pub k: f64,
    /// Smallest standard deviation used (tension points), so a flat baseline
    /// does not turn every wobble into an alert.
    pub min_sd: f64,
    /// Fewest events (or mentions) in a period for it to alert.
    pub min_events: i64,
    /// Events shown per alert.
    pub explain: usize,
}

impl Default for AlertQuery {
    fn default() -> Self {
        Self {
            filter: Filter::default(),
            by: Bucket::Day,
            baseline: 28,
            k: 3.0,
            min_sd: 5.0,
            min_events: 2,
            explain: 5,
        }
    }
}

/// A dyad's tension leaving its baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    /// The dyad.
    #[serde(flatten)]
    pub pair: Pair,
    /// First day of the period.
    pub period: NaiveDate,
    /// The period's sums and tension.
    #[serde(flatten)]
    pub totals: Totals,
    /// Mean tension of the baseline periods.
    pub baseline_mean: f64,
    /// Standard deviation of the baseline (before the floor).
    pub baseline_sd: f64,
    /// (tension − mean) / max(sd, floor).
    pub z: f64,
    /// The events that drove it, largest |Goldstein| × mentions first.
    pub events: Vec<EventBrief>,
}

/// An event as alerts show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventBrief {
    /// Event id.
    pub id: i64,
    /// Event date.
    pub date: String,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// Goldstein weight.
    pub goldstein: f64,
    /// Factuality.
    pub factuality: &'static str,
    /// Number of mentions.
    pub mentions: i64,
    /// The first mention's sentence.
    pub sentence: String,
    /// The first mention's document URL or path.
    pub url: String,
}

impl Store {
    /// The first and last day with aggregated data, if any.
    pub fn day_range(&self) -> Result<Option<(NaiveDate, NaiveDate)>> {
        let r: (Option<i64>, Option<i64>) = self
            .conn
            // Two subqueries, so each is one step down the day index
            // (MIN and MAX together would scan it).
            .query_row(
                "SELECT (SELECT MIN(day) FROM dyad_daily), (SELECT MAX(day) FROM dyad_daily)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        Ok(match r {
            (Some(a), Some(b)) => Some((date_of_day(a), date_of_day(b))),
            _ => None,
        })
    }

    /// Whether `root` is the source or target root of any day-precise
    /// event (of any factuality), to tell an unknown code from a quiet dyad.
    pub fn has_root(&self, root: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM dyad_daily WHERE src = ?1) \
                 OR EXISTS (SELECT 1 FROM dyad_daily WHERE tgt = ?1)",
                [root],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Rows of one direction: (day, quad, n, g, g_abs).
    fn dyad_rows(&self, src: &str, tgt: &str, f: &Filter) -> Result<Vec<DayRow>> {
        let (from, to) = f.days();
        let sql = match f.count {
            Count::Events => {
                "SELECT day, quad, SUM(events), SUM(g_sum), SUM(g_abs) FROM dyad_daily \
                 WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4 AND asserted >= ?5 \
                 GROUP BY day, quad"
            }
            Count::Mentions => {
                "SELECT day, quad, SUM(mentions), SUM(gm_sum), SUM(gm_abs) FROM dyad_daily \
                 WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4 AND asserted >= ?5 \
                 GROUP BY day, quad"
            }
        };
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![src, tgt, from, to, f.min_asserted()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// The series of dyad `a`–`b` per period, with every period between the
    /// first and last (or `from` and `to`) present, empty ones as zeros.
    pub fn dyad_series(
        &self,
        a: &str,
        b: &str,
        direction: Direction,
        by: Bucket,
        f: &Filter,
    ) -> Result<Vec<Point>> {
        if let (Some(from), Some(to)) = (f.from, f.to)
            && from > to
        {
            return Err(StoreError::Query(format!(
                "--from {from} is after --to {to}"
            )));
        }
        let mut rows = Vec::new();
        if direction != Direction::Backward {
            rows.extend(self.dyad_rows(a, b, f)?);
        }
        if direction != Direction::Forward && a != b {
            rows.extend(self.dyad_rows(b, a, f)?);
        }
        let first = f
            .from
            .or_else(|| rows.iter().map(|r| r.0).min().map(date_of_day));
        let last =
            f.to.or_else(|| rows.iter().map(|r| r.0).max().map(date_of_day));
        let (Some(first), Some(last)) = (first, last) else {
            return Ok(Vec::new());
        };
        Ok(fill(by, first, last, &rows))
    }

    /// Totals per dyad (both directions together) over the filter's range;
    /// dyads with a target other than the source only.
    pub fn dyad_totals(&self, f: &Filter) -> Result<Vec<DyadTotal>> {
        let (from, to) = f.days();
        let sql = match f.count {
            Count::Events => {
                "SELECT min(src, tgt), max(src, tgt), quad, SUM(events), SUM(g_sum), SUM(g_abs) \
                 FROM dyad_daily WHERE tgt != '' AND src != tgt AND day BETWEEN ?1 AND ?2 \
                 AND asserted >= ?3 GROUP BY 1, 2, 3"
            }
            Count::Mentions => {
                "SELECT min(src, tgt), max(src, tgt), quad, SUM(mentions), SUM(gm_sum), SUM(gm_abs) \
                 FROM dyad_daily WHERE tgt != '' AND src != tgt AND day BETWEEN ?1 AND ?2 \
                 AND asserted >= ?3 GROUP BY 1, 2, 3"
            }
        };
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![from, to, f.min_asserted()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, f64>(4)?,
                    r.get::<_, f64>(5)?,
                ))
            })
            .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        let mut out: Vec<DyadTotal> = Vec::new();
        for (a, b, quad, n, g, ga) in rows {
            match out.last_mut() {
                Some(last) if last.pair.a == a && last.pair.b == b => {
                    last.totals.add(quad, n, g, ga)
                }
                _ => {
                    let mut totals = Totals::default();
                    totals.add(quad, n, g, ga);
                    out.push(DyadTotal {
                        pair: Pair { a, b },
                        totals,
                    });
                }
            }
        }
        for d in &mut out {
            d.totals.finish();
        }
        Ok(out)
    }

    /// The `limit` most active dyads (most events, or mentions).
    pub fn top_dyads(&self, f: &Filter, limit: usize) -> Result<Vec<DyadTotal>> {
        let mut all = self.dyad_totals(f)?;
        all.sort_by(|x, y| {
            y.totals
                .total
                .cmp(&x.totals.total)
                .then(x.pair.cmp(&y.pair))
        });
        all.truncate(limit);
        Ok(all)
    }

    /// The `limit` dyads whose tension changed most from period `before` to
    /// period `after`, among those with at least `min_events` in both together.
    pub fn movers(
        &self,
        before: &Filter,
        after: &Filter,
        min_events: i64,
        limit: usize,
    ) -> Result<Vec<Mover>> {
        let b = self.dyad_totals(before)?;
        let a = self.dyad_totals(after)?;
        let mut map: std::collections::BTreeMap<Pair, (Totals, Totals)> = Default::default();
        for d in b {
            map.entry(d.pair).or_default().0 = d.totals;
        }
        for d in a {
            map.entry(d.pair).or_default().1 = d.totals;
        }
        let mut out: Vec<Mover> = map
            .into_iter()
            .filter(|(_, (x, y))| x.total + y.total >= min_events)
            .map(|(pair, (x, y))| Mover {
                pair,
                before_total: x.total,
                before: x.tension,
                after_total: y.total,
                after: y.tension,
                change: y.tension - x.tension,
            })
            .collect();
        out.sort_by(|x, y| {
            y.change
                .abs()
                .total_cmp(&x.change.abs())
                .then(x.pair.cmp(&y.pair))
        });
        out.truncate(limit);
        Ok(out)
    }

    /// Periods in the filter's range where a dyad's tension (both directions)
    /// departs from the mean of its `baseline` preceding periods by more than
    /// `k` standard deviations; each explained by its weightiest events.
    /// Without `to`, the range ends on the last day with data; without
    /// `from`, it covers the last 30 days before that.
    pub fn alerts(&self, q: &AlertQuery) -> Result<Vec<Alert>> {
        let Some((_, last)) = self.day_range()? else {
            return Ok(Vec::new());
        };
        let to = q.filter.to.unwrap_or(last);
        let from = q.filter.from.unwrap_or(to - chrono::Duration::days(30));
        let range = Filter {
            from: Some(from),
            to: Some(to),
            ..q.filter
        };
        let first_bucket = q.by.start(from);
        let with_baseline = Filter {
            from: Some(q.by.back(first_bucket, q.baseline)),
            ..range
        };
        let mut alerts = Vec::new();
        for d in self.dyad_totals(&range)? {
            if d.totals.total < q.min_events {
                continue;
            }
            let series =
                self.dyad_series(&d.pair.a, &d.pair.b, Direction::Both, q.by, &with_baseline)?;
            for (i, mean, sd, z) in departures(&series, first_bucket, q) {
                let p = &series[i];
                let end = q.by.next(p.period) - chrono::Duration::days(1);
                let events = self.explain(&d.pair, p.period, end, &q.filter, q.explain)?;
                alerts.push(Alert {
                    pair: d.pair.clone(),
                    period: p.period,
                    totals: p.totals,
                    baseline_mean: mean,
                    baseline_sd: sd,
                    z,
                    events,
                });
            }
        }
        alerts.sort_by(|x, y| {
            y.z.abs()
                .total_cmp(&x.z.abs())
                .then(x.period.cmp(&y.period))
        });
        Ok(alerts)
    }

    /// The periods of one dyad's series (both directions) that [`Store::alerts`]
    /// would report for the range of `q.filter` (without `from`, from the
    /// first data): each period's first day and its z-score. For marking a
    /// chart; no events are read.
    pub fn alert_periods(&self, a: &str, b: &str, q: &AlertQuery) -> Result<Vec<(NaiveDate, f64)>> {
        // Without `from` the series starts at the dyad's first data, which
        // has no baseline before it; no scan of the whole aggregate.
        let first_bucket = q.filter.from.map_or(NaiveDate::MIN, |f| q.by.start(f));
        let with_baseline = Filter {
            from: q.filter.from.map(|_| q.by.back(first_bucket, q.baseline)),
            ..q.filter
        };
        let series = self.dyad_series(a, b, Direction::Both, q.by, &with_baseline)?;
        Ok(departures(&series, first_bucket, q)
            .into_iter()
            .map(|(i, _, _, z)| (series[i].period, z))
            .collect())
    }

    /// The weightiest events of a dyad (both directions) between two days.
    pub fn explain(
        &self,
        pair: &Pair,
        from: NaiveDate,
        to: NaiveDate,
        f: &Filter,
        limit: usize,
    ) -> Result<Vec<EventBrief>> {
        // Every story key the dyad's day-precise events can have, for the
        // `events_story` index: both directions, the twenty CAMEO roots, the
        // factualities asked for.
        let facts: &[i64] = if f.all_factuality {
            &[0, 1, 2, 3, 4]
        } else {
            &[0]
        };
        let mut keys = Vec::with_capacity(2 * 20 * facts.len());
        for (s, t) in [(&pair.a, &pair.b), (&pair.b, &pair.a)] {
            for root in 1..=20 {
                for &fact in facts {
                    keys.push(crate::schema::story_key(
                        s,
                        t,
                        &format!("{root:02}"),
                        fact,
                        0,
                    ));
                }
            }
        }
        let stories = serde_json::to_string(&keys).unwrap_or_default();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.date, e.src_code, e.tgt_code, e.cameo, e.goldstein, e.factuality, \
                 (SELECT count(*) FROM mentions m2 WHERE m2.event = e.id) AS n, s.text, d.url \
                 FROM events e \
                 JOIN mentions m ON m.event = e.id AND m.id = e.first_mention \
                 JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence \
                 JOIN documents d ON d.id = m.doc \
                 WHERE e.story IN (SELECT value FROM json_each(?7)) \
                 AND ((e.src_root = ?1 AND e.tgt_root = ?2) OR (e.src_root = ?2 AND e.tgt_root = ?1)) \
                 AND e.precision = 0 AND e.day BETWEEN ?3 AND ?4 AND (?5 OR e.factuality = 0) \
                 ORDER BY abs(e.goldstein) * n DESC, e.id LIMIT ?6",
            )
            .map_err(|e| self.err(e))?;
        st.query_map(
            params![
                pair.a,
                pair.b,
                day_number(from),
                day_number(to),
                f.all_factuality,
                limit as i64,
                stories,
            ],
            |r| {
                Ok(EventBrief {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    source: r.get(2)?,
                    target: r.get(3)?,
                    cameo: r.get(4)?,
                    goldstein: r.get(5)?,
                    factuality: factuality_name(r.get(6)?),
                    mentions: r.get(7)?,
                    sentence: r.get(8)?,
                    url: r.get(9)?,
                })
            },
        )
        .and_then(|it| it.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| self.err(e))
    }
}

/// The periods of `series` from `first` on whose tension departs from the
/// mean of the `q.baseline` periods before it by more than `q.k` standard
/// deviations (floored at `q.min_sd`), with at least `q.min_events`:
/// (index, baseline mean, baseline sd, z).
fn departures(series: &[Point], first: NaiveDate, q: &AlertQuery) -> Vec<(usize, f64, f64, f64)> {
    let start = series
        .iter()
        .position(|p| p.period >= first)
        .unwrap_or(series.len());
    let mut out = Vec::new();
    for i in start..series.len() {
        let p = &series[i];
        if p.totals.total < q.min_events {
            continue;
        }
        let lo = i.saturating_sub(q.baseline as usize);
        let base: Vec<f64> = series[lo..i].iter().map(|p| p.totals.tension).collect();
        if base.is_empty() {
            continue;
        }
        let mean = base.iter().sum::<f64>() / base.len() as f64;
        let var = base.iter().map(|t| (t - mean).powi(2)).sum::<f64>() / base.len() as f64;
        let sd = var.sqrt();
        let z = (p.totals.tension - mean) / sd.max(q.min_sd);
        if z.abs() > q.k {
            out.push((i, mean, sd, z));
        }
    }
    out
}

/// Buckets rows (day, quad, n, g, g_abs) into every period from `first` to `last`.
fn fill(by: Bucket, first: NaiveDate, last: NaiveDate, rows: &[DayRow]) -> Vec<Point> {
    let mut out = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut p = by.start(first);
    while p <= last {
        index.insert(p, out.len());
        out.push(Point {
            period: p,
            totals: Totals::default(),
        });
        p = by.next(p);
    }
    for &(day, quad, n, g, ga) in rows {
        if let Some(&i) = index.get(&by.start(date_of_day(day))) {
            out[i].totals.add(quad, n, g, ga);
        }
    }
    for p in &mut out {
        p.totals.finish();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn tension_bounds() {
        assert_eq!(tension(0.0, 0.0), 0.0);
        assert!(tension(-100.0, 100.0) > 90.0);
        assert!(tension(100.0, 100.0) < -90.0);
        assert!((tension(-10.0, 10.0) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn buckets() {
        assert_eq!(Bucket::Week.start(d("2024-05-01")), d("2024-04-29"));
        assert_eq!(Bucket::Month.start(d("2024-05-31")), d("2024-05-01"));
        assert_eq!(Bucket::Month.next(d("2024-01-01")), d("2024-02-01"));
        assert_eq!(Bucket::Month.back(d("2024-03-01"), 2), d("2024-01-01"));
        assert_eq!(Bucket::Week.back(d("2024-04-29"), 1), d("2024-04-22"));
    }

    #[test]
    fn filling_keeps_empty_periods() {
        let rows = [
            (day_number(d("2024-01-01")), 1, 2, 6.0, 6.0),
            (day_number(d("2024-01-03")), 4, 1, -10.0, 10.0),
        ];
        let s = fill(Bucket::Day, d("2024-01-01"), d("2024-01-03"), &rows);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].totals.quad, [2, 0, 0, 0]);
        assert_eq!(s[1].totals.total, 0);
        assert_eq!(s[1].totals.goldstein_mean, None);
        assert_eq!(s[2].totals.quad, [0, 0, 0, 1]);
        assert!(s[2].totals.tension > 0.0);
    }
}
